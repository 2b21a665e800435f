#!/bin/sh
# exact.sh - exact figures: every export mode, on the small demo and on
# events in America/New_York, Europe/Berlin, Australia/Lord_Howe (30-minute
# daylight saving), America/Sao_Paulo and Asia/Phnom_Penh placed across the
# changes of 2027 (the repeated hours both times over), is read by every
# parser the project tests with (python icalendar, vobject, ical.js,
# node-ical, sabre/vobject, ruby-icalendar) and by Radicale: each must give
# the database's UTC instants for every VEVENT, 0 mismatches, and say
# nothing on stderr. A parser that is not installed is skipped by name.
. "$(dirname "$0")/../lib.sh"
INTEROP_DIR="$TESTS_DIR/interop"
cat >"$MUSTER_CONFIG" <<'INI'
[export]
organizer_name = Forum Team
organizer_email = forum@example.org
reminder_minutes = 15
include_descriptions = yes
INI
fx() { "$M" "$@" >/dev/null || echo "not ok - fixture: $*"; }
fx demo
last() { sqlite3 "$MUSTER_DB" "SELECT max(id) FROM $1"; }

fx add person name="Ana Zonas" email=ana@example.org
ana=$(last person)
fx add org name="Zones Partner" sector=ngo contact_name="Zed Contact" email=zed@example.org
org=$(last org)
# zone_event TZ FROM TO SESSIONS... (each "START END" in UTC): an event with a
# room, a role and the sessions; every session also becomes a shift, Ana
# speaks at the first and works the second (which registers her), the
# partner holds a booth
zone_event() {
	tz=$1 from=$2 to=$3
	shift 3
	fx add event name="Zones $tz" starts="$from" ends="$to" tz="$tz" venue="Hall $tz"
	ev=$(last event)
	fx add room event="$ev" name="Room $tz"
	fx add role event="$ev" name="Usher"
	role=$(last role)
	n=0
	for span in "$@"; do
		set -- $span
		n=$((n + 1))
		fx add session event="$ev" title="Session $n in $tz" starts="$1" ends="$2"
		[ "$n" -eq 1 ] && fx add speaker session="$(last session)" person="$ana" role=speaker
		fx add shift event="$ev" role="$role" starts="$1" ends="$2" need_min=1 need_max=2
		[ "$n" -eq 2 ] && fx add assignment shift="$(last shift)" person="$ana"
	done
	fx add booth event="$ev" org="$org" label="Z$ev"
}
# New York falls back on 7 November 2027 at 06:00Z: 01:00-02:00 twice
zone_event America/New_York 2027-11-06T12:00:00Z 2027-11-08T12:00:00Z \
	"2027-11-07T05:30:00Z 2027-11-07T06:30:00Z" "2027-11-07T06:30:00Z 2027-11-07T07:30:00Z" \
	"2027-11-07T04:00:00Z 2027-11-07T05:15:00Z" "2027-11-07T07:00:00Z 2027-11-07T09:00:00Z"
# Berlin falls back on 31 October 2027 at 01:00Z: 02:00-03:00 twice
zone_event Europe/Berlin 2027-10-30T08:00:00Z 2027-11-01T12:00:00Z \
	"2027-10-31T00:30:00Z 2027-10-31T01:30:00Z" "2027-10-31T01:30:00Z 2027-10-31T02:30:00Z" \
	"2027-10-30T23:00:00Z 2027-10-31T00:10:00Z"
# Lord Howe falls back half an hour on 4 April 2027 at 15:00Z (previous
# day in UTC): 01:30-02:00 twice
zone_event Australia/Lord_Howe 2027-04-02T22:00:00Z 2027-04-04T12:00:00Z \
	"2027-04-03T14:45:00Z 2027-04-03T15:15:00Z" "2027-04-03T15:15:00Z 2027-04-03T16:00:00Z" \
	"2027-04-03T14:00:00Z 2027-04-03T14:40:00Z"
# no daylight saving (Sao Paulo since 2019, Phnom Penh ever)
zone_event America/Sao_Paulo 2027-02-13T11:00:00Z 2027-02-15T21:00:00Z \
	"2027-02-14T12:00:00Z 2027-02-14T13:00:00Z" "2027-02-14T13:00:00Z 2027-02-14T14:30:00Z"
zone_event Asia/Phnom_Penh 2027-05-09T01:00:00Z 2027-05-11T11:00:00Z \
	"2027-05-10T01:00:00Z 2027-05-10T02:00:00Z" "2027-05-10T02:00:00Z 2027-05-10T03:30:00Z"

# ---- every mode, into $T/files ----
F="$T/files"
mkdir -p "$F"
events=$(sqlite3 "$MUSTER_DB" 'SELECT id FROM event ORDER BY id')
for ev in $events; do
	"$M" export ics --event "$ev" -o "$F/agenda-$ev.ics" >/dev/null 2>&1
	"$M" export ics --event "$ev" --shifts -o "$F/shifts-$ev.ics" >/dev/null 2>&1
	[ "$ev" -eq 2 ] && continue # the forum's 988 people: the small gathering's 117 do
	for m in publish request cancel; do
		"$M" export ics --event "$ev" --per-person "$T/pp-$ev-$m" --method "$m" >/dev/null ||
			echo "not ok - export per-person $ev $m"
		for f in "$T/pp-$ev-$m"/*.ics; do cp "$f" "$F/pp-$ev-$m-$(basename "$f")"; done
	done
done
"$M" export ics --person "$ana" -o "$F/person-ana.ics" >/dev/null
"$M" export ics --org "$org" -o "$F/org-zones.ics" >/dev/null
for p in $(sqlite3 "$MUSTER_DB" 'SELECT DISTINCT person FROM speaker ORDER BY person LIMIT 20'); do
	"$M" export ics --person "$p" -o "$F/person-$p.ics" >/dev/null
done
for o in $(sqlite3 "$MUSTER_DB" 'SELECT DISTINCT org FROM booth ORDER BY org LIMIT 10'); do
	"$M" export ics --org "$o" -o "$F/org-$o.ics" >/dev/null
done
nfiles=$(ls "$F" | wc -l | tr -d ' ')
nevents=$(cat "$F"/*.ics | grep -c '^BEGIN:VEVENT')
if [ "$nfiles" -gt 300 ] && [ "$nevents" -gt 800 ]; then
	t_ok "exact-files-written"
else
	t_fail "exact-files-written" "$nfiles files, $nevents VEVENTs"
fi
# every zone is in them, and the repeated hours are written in UTC
for z in America/New_York Europe/Berlin Australia/Lord_Howe America/Sao_Paulo Asia/Phnom_Penh; do
	t_equal "exact-zone-$z" "$(grep -l "^TZID:$z" "$F"/*.ics | head -1 | grep -c .)" 1
done

# ---- the database's instants: UID|START|END in UTC ----
sqlite3 -separator '|' "$MUSTER_DB" "
SELECT uid, strftime('%Y-%m-%dT%H:%M:%SZ', starts, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', ends, 'unixepoch')
FROM (SELECT uid, starts, ends FROM session UNION ALL SELECT uid, starts, ends FROM shift
      UNION ALL SELECT uid, starts, ends FROM booth UNION ALL SELECT uid, starts, ends FROM event)
ORDER BY 1" >"$T/truth.txt"

# check NAME DUMP-COMMAND...: the dump of every file against the database
check() {
	name=$1
	shift
	"$@" "$F"/*.ics >"$T/$name.out" 2>"$T/$name.err"
	rc=$?
	t_equal "exact-$name-runs" "$rc $(head -c 300 "$T/$name.err")" "0 "
	awk -F'|' -v truth="$T/truth.txt" '
		BEGIN { while ((getline l < truth) > 0) { split(l, a, "|"); s[a[1]] = a[2]; e[a[1]] = a[3] } }
		NF >= 6 { n++; if (!($6 in s)) { bad++; print "unknown UID " $6 > "/dev/stderr" }
			else if ($1 != s[$6] || $2 != e[$6]) { bad++; print $6 ": " $1 " " $2 " != " s[$6] " " e[$6] > "/dev/stderr" } }
		END { print n + 0, bad + 0 }' "$T/$name.out" >"$T/$name.count" 2>"$T/$name.bad"
	set -- $(cat "$T/$name.count")
	t_equal "exact-$name-every-vevent" "$1" "$nevents"
	t_equal "exact-$name-0-mismatches" "$2 $(head -3 "$T/$name.bad")" "0 "
}
check python-icalendar /usr/bin/python3 "$INTEROP_DIR/ics_dump.py"
if /usr/bin/python3 -c 'import vobject' 2>/dev/null; then
	check vobject /usr/bin/python3 "$INTEROP_DIR/ics_dump_vobject.py"
else
	echo "ok - exact-vobject # skip python3-vobject is missing"
fi
if [ -f "$INTEROP_DIR/node_modules/ical.js/package.json" ]; then
	check icaljs node "$INTEROP_DIR/ics_dump.mjs"
else
	echo "ok - exact-icaljs # skip ical.js is missing"
fi
if [ -f "$INTEROP_DIR/node_modules/node-ical/package.json" ]; then
	check node-ical node "$INTEROP_DIR/ics_dump_nodeical.mjs"
else
	echo "ok - exact-node-ical # skip node-ical is missing"
fi
if command -v php >/dev/null 2>&1 && php -r 'require_once "Sabre/VObject/includes.php";' 2>/dev/null; then
	check sabre-vobject php "$INTEROP_DIR/ics_dump_sabre.php"
else
	echo "ok - exact-sabre-vobject # skip php-sabre-vobject is missing"
fi
if command -v ruby >/dev/null 2>&1 && ruby -e 'require "icalendar"' 2>/dev/null; then
	check ruby-icalendar env TZ=UTC ruby "$INTEROP_DIR/ics_dump.rb"
else
	echo "ok - exact-ruby-icalendar # skip ruby-icalendar is missing"
fi

# ---- Radicale: the zones' agendas, shifts and booths as CalDAV objects;
# a REPORT over each event's span returns them at the database's instants
. "$INTEROP_DIR/radicale.inc"
if ! radicale_ok; then
	echo "ok - exact-radicale # skip radicale is missing"
elif radicale_start; then
	dav mkcalendar "$URL" >/dev/null
	zones=$(sqlite3 "$MUSTER_DB" "SELECT id FROM event WHERE name LIKE 'Zones %' ORDER BY id")
	files=""
	for ev in $zones; do files="$files $F/agenda-$ev.ics $F/shifts-$ev.ics"; done
	# shellcheck disable=SC2086
	dav put "$URL" $files "$F/org-zones.ics" >"$T/put.txt"
	t_equal exact-radicale-put "$(awk '$3 != 201' "$T/put.txt")" ""
	: >"$T/radicale.out"
	for ev in $zones; do
		range=$(sqlite3 "$MUSTER_DB" "SELECT strftime('%Y%m%dT%H%M%SZ', starts, 'unixepoch') || ' ' || strftime('%Y%m%dT%H%M%SZ', ends, 'unixepoch') FROM event WHERE id = $ev")
		# shellcheck disable=SC2086
		dav report "$URL" $range >>"$T/radicale.out" 2>>"$T/radicale.err"
	done
	t_equal exact-radicale-report-runs "$(cat "$T/radicale.err")" ""
	want=$(sqlite3 -separator '|' "$MUSTER_DB" "
	SELECT uid, strftime('%Y-%m-%dT%H:%M:%SZ', starts, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', ends, 'unixepoch')
	FROM (SELECT uid, starts, ends, event FROM session UNION ALL SELECT uid, starts, ends, event FROM shift
	      UNION ALL SELECT uid, starts, ends, event FROM booth)
	WHERE event IN (SELECT id FROM event WHERE name LIKE 'Zones %') ORDER BY 1")
	t_equal exact-radicale-0-mismatches "$(sort "$T/radicale.out")" "$want"
fi
