#!/bin/sh
# ical_roundtrip.sh - muster's own calendars read back by muster change
# nothing: on the small demo, each export mode is written, then imported as
# sessions into its event, and every list is compared before and after.
# Double quotes are data in TEXT values both ways (a film title in quotes,
# a room called Salle "B").
. "$(dirname "$0")/../lib.sh"
printf '[export]\norganizer_name = Forum "Ops" Team\norganizer_email = forum@example.org\n' >"$MUSTER_CONFIG"
"$M" demo >/dev/null
unfold() { tr -d '\r' <"$1" | awk 'NR > 1 && /^ / { printf "%s", substr($0, 2); next } NR > 1 { print "" } { printf "%s", $0 } END { print "" }'; }

# everything a list shows, as TSV
snapshot() {
	for what in events rooms sessions shifts booths people registrations assignments speakers; do
		echo "== $what"
		"$M" list "$what" --format tsv
	done
}

# roundtrip NAME EVENT FILE: import FILE into EVENT; the lists must not change
roundtrip() {
	snapshot >"$T/before.tsv"
	"$M" import sessions "$3" --event "$2" >"$T/import.out" 2>"$T/import.err"
	ERR=$(cat "$T/import.err")
	snapshot >"$T/after.tsv"
	if cmp -s "$T/before.tsv" "$T/after.tsv"; then
		t_ok "roundtrip-$1"
	else
		t_fail "roundtrip-$1" "$(cat "$T/import.out" "$T/import.err")" "$(diff "$T/before.tsv" "$T/after.tsv" | head -10)"
	fi
}

for ev in 1 2; do
	"$M" export ics --event "$ev" -o "$T/agenda-$ev.ics" >/dev/null
	roundtrip "agenda-$ev" "$ev" "$T/agenda-$ev.ics"
done

# every other mode holds shifts, booths or the event itself, whose UIDs are
# not sessions': the import is refused and nothing changes
"$M" export ics --event 1 --shifts -o "$T/shifts.ics" >/dev/null
roundtrip shifts 1 "$T/shifts.ics"
t_err_contains shifts-refused "is shift"
person=$(sqlite3 "$MUSTER_DB" "SELECT person FROM speaker ORDER BY id LIMIT 1")
"$M" export ics --person "$person" -o "$T/person.ics" >/dev/null
roundtrip person 1 "$T/person.ics"
org=$(sqlite3 "$MUSTER_DB" "SELECT org FROM booth ORDER BY id LIMIT 1")
"$M" export ics --org "$org" -o "$T/org.ics" >/dev/null
roundtrip org 1 "$T/org.ics"
t_err_contains org-refused "is booth"
"$M" export ics --event 1 --per-person "$T/pp" >/dev/null
for f in "$T"/pp/person-*.ics; do
	roundtrip "per-person-$(basename "$f" .ics)" 1 "$f"
done
t_err_contains per-person-refused "is event 1 of event 1, not a session"

# the film keeps its quotes on the way out and back in
t_equal quotes-exported "$(unfold "$T/agenda-1.ics" | grep -c '^SUMMARY:Film screening: "Invisible Chains"$')" 1
t_equal quotes-kept "$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM session WHERE title = 'Film screening: \"Invisible Chains\"'")" 1

# a LOCATION with double quotes names a room with double quotes
cat >"$T/salle.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Someone else//EN
BEGIN:VEVENT
UID:salle-b@example.net
DTSTAMP:20261101T000000Z
DTSTART;TZID=America/Chicago:20261205T140000
DTEND;TZID=America/Chicago:20261205T143000
SUMMARY:Talk in "B"
LOCATION:Salle "B"
END:VEVENT
END:VCALENDAR
ICS
t_expect import-quoted-location 0 "$M" import sessions "$T/salle.ics" --event 1
t_equal quoted-room "$(sqlite3 "$MUSTER_DB" "SELECT r.name FROM session s JOIN room r ON r.id = s.room WHERE s.uid = 'salle-b@example.net'")" 'Salle "B"'
t_equal quoted-title "$(sqlite3 "$MUSTER_DB" "SELECT title FROM session WHERE uid = 'salle-b@example.net'")" 'Talk in "B"'
"$M" export ics --event 1 -o "$T/agenda-1b.ics" >/dev/null
t_equal quoted-room-exported "$(unfold "$T/agenda-1b.ics" | grep -c '^LOCATION:Salle "B"\\, ')" 1
roundtrip agenda-quoted-room 1 "$T/agenda-1b.ics"
# the organizer's name is a parameter value: RFC 6868 writes its quotes as ^'
t_equal organizer-cn-rfc6868 "$(unfold "$T/agenda-1b.ics" | grep '^ORGANIZER' | sort -u)" \
	"ORGANIZER;CN=Forum ^'Ops^' Team:mailto:forum@example.org"
