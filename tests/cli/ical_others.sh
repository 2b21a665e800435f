#!/bin/sh
# ical_others.sh - `import sessions` of files in the shapes other software
# writes (tests/fixtures/ics-from-others, see its README): each is imported
# with the right instants or refused with FILE:LINE: why, exit 2 and nothing
# kept; nothing is dropped without a word (VTODO and VJOURNAL are counted as
# skipped, a file with no VEVENT is refused).
. "$(dirname "$0")/../lib.sh"
D="$TESTS_DIR/fixtures/ics-from-others"
"$M" add event name=Forum starts="2027-03-13 08:00" ends="2027-03-14 23:30" tz=America/New_York >/dev/null
"$M" add event name=Nacht starts="2027-03-27 08:00" ends="2027-03-28 18:00" tz=Europe/Berlin >/dev/null
utc() { sqlite3 "$MUSTER_DB" "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', starts, 'unixepoch') || '|' || strftime('%Y-%m-%dT%H:%M:%SZ', ends, 'unixepoch') || '|' || title FROM session WHERE uid = '$1'"; }
state() { sqlite3 "$MUSTER_DB" 'SELECT count(*) FROM session; SELECT count(*) FROM room; SELECT count(*) FROM audit' | tr '\n' ' '; }

# accepted: NAME EVENT FILE SUMMARY-LINE
accepted() {
	t_expect "$1" 0 "$M" import sessions "$D/$3" --event "$2"
	t_equal "$1-summary" "$OUT" "$4"
}
# refused: NAME FILE MESSAGE
refused() {
	before=$(state)
	t_expect "$1" 2 "$M" import sessions "$D/$2" --event 1
	t_err_contains "$1-message" "muster: $D/$2$3"
	t_equal "$1-nothing-kept" "$(state)" "$before"
}

accepted by-python-icalendar 1 by-python-icalendar.ics "2 sessions imported: 2 added, 0 updated, 0 unchanged; 0 rooms added"
t_equal by-python-icalendar-dst "$(utc pyical-2@example.com)" "2027-03-14T13:00:00Z|2027-03-14T13:45:00Z|icalendar: after the change"
accepted by-radicale 1 by-radicale-ny.ics "3 sessions imported: 3 added, 0 updated, 0 unchanged; 1 rooms added"
t_equal by-radicale-across-dst "$(utc c461e06e-01fa-49d8-ae81-b18cfe47abb3)" "2027-03-14T06:00:00Z|2027-03-14T08:00:00Z|Night vigil across DST"
accepted google-plain 1 google-plain-with-valarm-x.ics "1 sessions imported: 1 added, 0 updated, 0 unchanged; 0 rooms added"
accepted floating 1 floating.ics "1 sessions imported: 1 added, 0 updated, 0 unchanged; 0 rooms added"
t_equal floating-in-event-zone "$(utc floating@example.com)" "2027-03-13T19:00:00Z|2027-03-13T20:00:00Z|Floating 14:00"
accepted quoted-tzid 1 quoted-tzid.ics "1 sessions imported: 1 added, 0 updated, 0 unchanged; 0 rooms added"
t_equal quoted-tzid-time "$(utc quoted-tzid@example.com)" "2027-03-13T21:00:00Z|2027-03-13T21:30:00Z|Quoted TZID and lowercase name"
accepted lf-tabfold 1 lf-tabfold.ics "1 sessions imported: 1 added, 0 updated, 0 unchanged; 0 rooms added"
accepted bom 1 bom.ics "1 sessions imported: 1 added, 0 updated, 0 unchanged; 0 rooms added"
accepted vtodo 1 vtodo.ics "1 sessions imported: 1 added, 0 updated, 0 unchanged; 0 rooms added; skipped 1 VTODO, 1 VJOURNAL"
accepted outlook-tzname 2 outlook-tzname.ics "1 sessions imported: 1 added, 0 updated, 0 unchanged; 0 rooms added"
# Outlook's Windows zone name, defined by its VTIMEZONE: 01:30 CET to
# 03:30 CEST across the change to summer time
t_equal outlook-tzname-times "$(utc 040000008200E00074C5B7101A82E00800000000outlook1)" \
	"2027-03-28T00:30:00Z|2027-03-28T01:30:00Z|Nachtwache (Outlook)"

refused vtodo-only vtodo-only.ics ": no VEVENT to import (skipped: 1 VTODO)"
refused exdate exdate-no-rrule.ics ":9: EXDATE: leaves out occurrences of a repeating event"
refused rdate rdate.ics ":9: RDATE: repeating events cannot become sessions"
refused recurring google-recurring.ics ":47: RRULE: repeating events cannot become sessions"
refused override google-override.ics ":9: RECURRENCE-ID: repeating events cannot become sessions"
refused dup-uid dup-uid.ics ":12: UID already used by the VEVENT of line 4"
refused allday allday.ics ":5: DTSTART: an all-day date cannot become a session"
refused no-uid by-calcurse.ics ":4: this VEVENT has no UID"
# a fold that splits a UTF-8 character: the line is whole once unfolded
accepted utf8-split-fold 1 utf8-split-fold.ics "1 sessions imported: 1 added, 0 updated, 0 unchanged; 0 rooms added"
t_equal utf8-split-fold-title "$(utc utf8-split@example.com | cut -d'|' -f3)" "Café fold inside 概要"
