#!/bin/sh
# radicale.sh - muster's exports on a real CalDAV server: Radicale (Debian's
# radicale 3.1) runs on loopback on a free port with a temporary storage
# folder and no authentication. Every exported VEVENT is PUT as its own
# object (with its VTIMEZONE, as a client does) by user muster, the panel moves and the
# agenda is PUT again (the same UIDs replace the objects), and a REPORT
# calendar-query over the day of the DST change returns exactly the
# database's entries of that day at the database's instants.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=radicale
. "$INTEROP_DIR/radicale.inc"
if ! radicale_ok; then
	echo "ok - $P # skip radicale or python3-vobject is missing: run contrib/install-deps.sh"
	exit 0
fi
radicale_start || exit 1
t_equal "$P-mkcalendar" "$(dav mkcalendar "$URL")" "mkcalendar 201"

# the database's entries (sessions, shifts, booths) overlapping [$1, $2) in UTC seconds
db_day() {
	sqlite3 -separator '|' "$MUSTER_DB" "
	SELECT uid, strftime('%Y-%m-%dT%H:%M:%SZ', starts, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', ends, 'unixepoch')
	FROM (SELECT uid, starts, ends FROM session UNION ALL SELECT uid, starts, ends FROM shift
	      UNION ALL SELECT uid, starts, ends FROM booth)
	WHERE starts < $2 AND ends > $1 ORDER BY 1"
}
# Sunday 14 March 2027 in UTC: the day New York moves to daylight time
DAY_FROM=20270314T000000Z DAY_TO=20270315T000000Z
day_from=$(date -u -d 2027-03-14T00:00:00Z +%s) day_to=$(date -u -d 2027-03-15T00:00:00Z +%s)

"$M" export ics --event 1 -o "$T/agenda.ics" >/dev/null
"$M" export ics --event 1 --shifts -o "$T/shifts.ics" >/dev/null
"$M" export ics --org 1 -o "$T/booths.ics" >/dev/null
dav put "$URL" "$T/agenda.ics" "$T/shifts.ics" "$T/booths.ics" >"$T/put1.txt"
t_equal "$P-put-all" "$(awk '{ print $3 }' "$T/put1.txt" | sort | uniq -c | tr -s ' ')" " 7 201"
dav report "$URL" "$DAY_FROM" "$DAY_TO" >"$T/r1.txt" 2>"$T/r1.err"
t_equal "$P-report-runs" "$(cat "$T/r1.err")" ""
t_equal "$P-report-across-dst" "$(cat "$T/r1.txt")" "$(db_day "$day_from" "$day_to")"
t_equal "$P-report-count" "$(wc -l <"$T/r1.txt" | tr -d ' ')" 4

# the panel moves within the day; the new export replaces the objects
move_panel
"$M" export ics --event 1 -o "$T/agenda2.ics" >/dev/null
dav put "$URL" "$T/agenda2.ics" >"$T/put2.txt"
t_equal "$P-put-again-accepted" "$(awk '{ print $3 }' "$T/put2.txt" | sort | uniq -c | tr -s ' ')" " 4 201"
t_equal "$P-put-again-replaces" "$(ls "$RADICALE_STORE/collection-root/muster/forum" | grep -c '\.ics$')" 7
dav report "$URL" "$DAY_FROM" "$DAY_TO" >"$T/r2.txt"
t_equal "$P-report-after-move" "$(cat "$T/r2.txt")" "$(db_day "$day_from" "$day_to")"
t_equal "$P-moved-panel" "$(grep -c '2027-03-14T19:00:00Z|2027-03-14T20:30:00Z' "$T/r2.txt")" 1
# the night vigil spans the change itself (01:00 EST to 04:00 EDT): a range
# of the hour after it still finds it
dav report "$URL" 20270314T070000Z 20270314T075959Z >"$T/r3.txt"
t_equal "$P-report-inside-change" "$(cat "$T/r3.txt")" "$(db_day "$(date -u -d 2027-03-14T07:00:00Z +%s)" "$(date -u -d 2027-03-14T07:59:59Z +%s)")"
t_equal "$P-report-inside-change-vigil" "$(grep -c '|2027-03-14T06:00:00Z|2027-03-14T08:00:00Z$' "$T/r3.txt")" 1
