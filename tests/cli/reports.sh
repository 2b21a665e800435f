#!/bin/sh
# reports.sh - `report coverage|hours|attendance` in every format, golden,
# on a small gathering held on the night the clocks fall back (2026-11-01 in
# America/Chicago: the 01:00 hour happens twice), with the clock pinned.
. "$(dirname "$0")/../lib.sh"

add() { "$M" add "$@" >/dev/null || t_fail "fixture: add $*"; }

add event name="Night Vigil & Resource Fair" starts="2026-10-31 22:00" \
	ends="2026-11-01 04:00" tz=America/Chicago capacity=1
add room event=1 name="Main Hall" capacity=120
add room event=1 name="Salon B" capacity=3
add org name="Harbor Light Coalition" sector=ngo
add booth event=1 org=1 label=B1
add role event=1 name=Greeter
add role event=1 name="AV crew"
add role event=1 name="Booth support"
printf '%s\n' 'name,email,skills' 'Ana Cruz,ana@example.org,First aid' \
	'Ben Okafor,ben@example.org,' 'Chen Wei,chen@example.org,AV operation' \
	'Dana Reyes,dana@example.org,' 'Eli Novak,eli@example.org,' >"$T/people.csv"
"$M" import people "$T/people.csv" --event 1 --kind volunteer >/dev/null
add person name="Fatima Ali"
add person name="Gus Moreau"
add registration event=1 person=6 kind=attendee status=checked_in checked_in_at="2026-10-31 22:10"
add registration event=1 person=7 kind=attendee
# shifts: 22:00-00:00 greeters (3-4), 00:30 CDT-01:30 CST AV (1), 01:00 CST-03:00 booth (2),
# a cancelled one that must not count
add shift event=1 role=1 room=1 starts="2026-10-31 22:00" ends="2026-11-01 00:00" need_min=3 need_max=4
add shift event=1 role=2 room=2 starts="2026-11-01T00:30-05:00" ends="2026-11-01T01:30-06:00" need_min=1 need_max=1
add shift event=1 role=3 booth=1 starts="2026-11-01T01:00-06:00" ends="2026-11-01 03:00" need_min=2 need_max=2
add shift event=1 role=1 room=1 starts="2026-11-01 03:00" ends="2026-11-01 04:00" need_min=5 need_max=5
add assignment shift=1 person=1 status=completed checked_in_at="2026-10-31 21:55" checked_out_at="2026-11-01 00:05"
add assignment shift=1 person=2 status=no_show
add assignment shift=1 person=4 status=confirmed
add assignment shift=2 person=3 status=checked_in checked_in_at="2026-11-01T00:25-05:00"
add assignment shift=3 person=1 status=signed_up
add assignment shift=3 person=5 status=dropped
add assignment shift=4 person=4 status=signed_up
"$M" set shift 4 status=cancelled >/dev/null || t_fail "fixture: cancel shift 4"
add session event=1 room=1 title="Welcome & vigil" starts="2026-10-31 22:00" ends="2026-10-31 23:00"
add session event=1 room=2 title="Survivor-led panel" kind=panel starts="2026-10-31 22:30" ends="2026-10-31 23:30" capacity=10
add session event=1 title="Film screening" kind=screening starts="2026-11-01T01:00-05:00" ends="2026-11-01T01:00-06:00"
add speaker session=2 person=5 role=panelist

for r in coverage hours attendance; do
	t_golden "report-$r-table" "$M" report "$r" --event 1
	t_golden "report-$r-csv" "$M" report "$r" --event 1 --format csv
	t_golden "report-$r-json" "$M" report "$r" --event 1 --format json
done
t_golden report-coverage-tsv "$M" report coverage --event 1 --format tsv

# the chart fits 80 columns and shows both 01:00 hours
t_run "$M" report coverage --event 1
wide=$(printf '%s\n' "$OUT" | sed -n '/^By hour/,$p' | while IFS= read -r line; do
	[ "$(printf "%s" "$line" | LC_ALL=C.UTF-8 wc -m)" -gt 80 ] && echo x
done)
t_equal chart-fits-80-columns "$wide" ""
t_contains chart-first-one-oclock "  01:00 CDT  "
t_contains chart-second-one-oclock "  01:00 CST  "
t_contains chart-reads-without-colour "2/3  short 1"

# json is valid
for r in coverage hours attendance; do
	if "$M" report "$r" --event 1 --format json | python3 -m json.tool >/dev/null 2>&1; then
		t_ok "report-$r-json-parses"
	else
		t_fail "report-$r-json-parses"
	fi
done

t_expect report-needs-event 2 "$M" report coverage
t_expect report-unknown 2 "$M" report payroll --event 1
t_expect report-no-event 1 "$M" report hours --event 9
t_err_contains report-no-event-says "event 9: not found"
t_expect report-bad-format 2 "$M" report hours --event 1 --format xml

# golden reports on the demo data: the one-day gathering (event 1) and the
# two-day forum across the spring DST change (event 2)
export MUSTER_DB="$T/demo.db"
"$M" demo >/dev/null || t_fail demo-fixture
for ev in 1 2; do
	for r in coverage hours attendance; do
		t_golden "demo-$r-$ev-table" "$M" report "$r" --event "$ev"
	done
done
t_golden demo-coverage-2-csv "$M" report coverage --event 2 --format csv
t_golden demo-hours-2-json "$M" report hours --event 2 --format json
t_golden demo-attendance-2-tsv "$M" report attendance --event 2 --format tsv
