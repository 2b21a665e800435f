#!/bin/sh
# ical.sh - `export ics` and `import sessions` on the real binary: bytes on
# the wire (CRLF, 75 octets, whole UTF-8), one trimmed VTIMEZONE per TZID,
# stable UIDs and rising SEQUENCE, cancellations, privacy, per-person files,
# and imports that update instead of duplicating, or refuse with FILE:LINE.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"

# t_lint NAME FILE: the byte-level rules of RFC 5545 hold for FILE.
t_lint() {
	if [ ! -x "$ICS_LINT" ]; then
		t_fail "$1" "no $ICS_LINT (make unit builds it)"
	elif "$ICS_LINT" "$2" >"$T/lint" 2>&1; then
		t_ok "$1"
	else
		t_fail "$1" "$(head -5 "$T/lint")"
	fi
}
count() { grep -c "$1" "$2" | tr -d ' '; }
prop() { grep "^$1" "$2" | tr -d '\r'; }
# the unfolded text of a file (continuation lines joined)
unfold() { tr -d '\r' <"$1" | awk 'NR > 1 && /^ / { printf "%s", substr($0, 2); next } NR > 1 { print "" } { printf "%s", $0 } END { print "" }'; }

# ---- the agenda: bytes and structure ----
t_expect agenda-exports 0 "$M" export ics --event 1 -o "$T/agenda.ics"
t_contains agenda-says-count "4 events written to $T/agenda.ics"
t_lint agenda-bytes "$T/agenda.ics"
t_equal agenda-is-folded "$(grep -c '^ ' "$T/agenda.ics" | tr -d ' ')" 1
t_equal agenda-starts-right "$(head -1 "$T/agenda.ics" | tr -d '\r')" "BEGIN:VCALENDAR"
t_equal agenda-ends-right "$(tail -1 "$T/agenda.ics" | tr -d '\r')" "END:VCALENDAR"
t_equal agenda-one-vtimezone "$(count '^BEGIN:VTIMEZONE' "$T/agenda.ics")" 1
t_equal agenda-tzid-is-iana-name "$(prop TZID: "$T/agenda.ics")" "TZID:America/New_York"
t_equal agenda-every-tzid-defined "$(grep -o 'TZID=[^:;]*' "$T/agenda.ics" | sort -u)" \
	"TZID=America/New_York"
# New York's rule as two yearly observances (RRULE, no UNTIL: it still
# holds), each from its change in the year before the span
t_equal agenda-vtimezone-rrule \
	"$(sed -n '/BEGIN:VTIMEZONE/,/END:VTIMEZONE/p' "$T/agenda.ics" | grep -E '^(BEGIN:(STANDARD|DAYLIGHT)|DTSTART|RRULE)' | tr -d '\r' | tr '\n' ' ')" \
	"BEGIN:DAYLIGHT DTSTART:20260308T020000 RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3 BEGIN:STANDARD DTSTART:20261101T020000 RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11 "
t_equal agenda-no-libical-zone-data "$(grep -c -i 'freeassociation\|X-LIC-LOCATION' "$T/agenda.ics")" 0
t_equal agenda-dtstamp "$(prop DTSTAMP "$T/agenda.ics" | sort -u)" "DTSTAMP:20261124T120000Z"
t_equal agenda-times-local-with-tzid "$(prop 'DTSTART;' "$T/agenda.ics" | sort | tr '\n' ' ')" \
	"DTSTART;TZID=America/New_York:20270313T090000 DTSTART;TZID=America/New_York:20270313T130000 DTSTART;TZID=America/New_York:20270314T010000 DTSTART;TZID=America/New_York:20270314T100000 "
t_equal agenda-uids-are-stored "$(prop UID: "$T/agenda.ics" | cut -c5- | sort)" \
	"$("$M" list sessions --format tsv | awk -F'\t' 'NR > 1 { print $11 }' | sort)"
t_equal agenda-status "$(prop STATUS: "$T/agenda.ics" | sort -u)" "STATUS:CONFIRMED"
t_equal agenda-categories "$(prop CATEGORIES: "$T/agenda.ics" | sort | tr '\n' ' ')" \
	"CATEGORIES:breakout CATEGORIES:general CATEGORIES:general CATEGORIES:panel "
t_equal agenda-location "$(prop LOCATION: "$T/agenda.ics" | sort -u | tr '\n' ' ')" \
	'LOCATION:Salle B\, Harbor Hall LOCATION:Salon A\, Harbor Hall '
unfold "$T/agenda.ics" >"$T/agenda.txt"
t_equal agenda-text-escaped "$(grep '^SUMMARY:Panel' "$T/agenda.txt")" \
	'SUMMARY:Panel: supply chains\, social media & task forces'
t_equal agenda-unicode-unfolds "$(grep -c '^SUMMARY:Überblick: Lieferketten\\, soziale Medien und Ermittlungsgruppen — 概要とディスカッション\\, Résumé$' "$T/agenda.txt")" 1
t_equal agenda-no-alarm "$(count VALARM "$T/agenda.ics")" 0

# the same data and clock give the same bytes
"$M" export ics --event 1 -o - >"$T/again.ics"
if cmp -s "$T/agenda.ics" "$T/again.ics"; then t_ok reexport-identical; else t_fail reexport-identical "differs"; fi

# ---- privacy ----
t_equal publish-no-addresses "$(grep -v '^ORGANIZER' "$T/agenda.txt" | grep -c '@')" 0
t_equal confidential-speaker-named "$(grep -c 'Speakers: Dana Reyes (moderator)\\, Confidential (panelist)' "$T/agenda.txt")" 1
# an invitation is one object with one UID (RFC 5546): several are refused
t_expect request-several-uids-refused 2 "$M" export ics --event 1 --method request -o "$T/request.ics"
t_err_contains request-several-uids-message "METHOD:REQUEST carries one UID (RFC 5546) and this calendar holds 4"
t_equal request-several-uids-no-file "$(ls "$T" | grep -c '^request.ics')" 0
t_expect cancel-several-uids-refused 2 "$M" export ics --event 1 --shifts --method cancel
t_expect person-several-uids-refused 2 "$M" export ics --person 1 --method request
# one UID: the panel's invitation to its speakers; the booth's to its partner
"$M" export ics --event 1 --per-person "$T/pp" --method request >/dev/null
"$M" export ics --event 1 --per-person "$T/pub" >/dev/null
"$M" export ics --org 1 --method request -o "$T/org.ics" >/dev/null
all="$T/agenda.ics $T/org.ics $(ls "$T"/pp/*.ics "$T"/pub/*.ics | tr '\n' ' ')"
# shellcheck disable=SC2086
t_equal confidential-name-nowhere "$(cat $all | tr -d '\r\n ' | grep -c 'SamHidden')" 0
# shellcheck disable=SC2086
t_equal confidential-address-only-own-files "$(grep -l 'sam@example' $all | xargs -n1 basename | tr '\n' ' ')" \
	"person-2-event-1.ics person-2-session-2.ics person-2-shift-1.ics "
# the event, the panel and the shift: each her own invitation
t_equal confidential-own-invitation "$(cat "$T"/pp/person-2-*.ics | unfold /dev/stdin | grep -c '^ATTENDEE;CN=Confidential;.*RSVP=TRUE:mailto:sam@example.org$')" 3
unfold "$T/pp/person-1-session-2.ics" >"$T/request.txt"
t_equal request-organizer "$(grep '^ORGANIZER' "$T/request.txt" | sort -u)" \
	"ORGANIZER;CN=Forum Team:mailto:forum@example.org"
t_equal request-attendee-is-the-person "$(grep '^ATTENDEE' "$T/request.txt")" \
	"ATTENDEE;CN=Dana Reyes;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:dana@example.org"
# every invitation names its person alone
bad=0
for f in "$T"/pp/person-*.ics; do
	p=$(basename "$f" | cut -d- -f2)
	email=$(sqlite3 "$MUSTER_DB" "SELECT email FROM person WHERE id = $p")
	[ "$(unfold "$f" | grep '^ATTENDEE' | sed 's/.*mailto://')" = "$email" ] || bad=$((bad + 1))
done
t_equal request-one-attendee-each "$bad" 0
unfold "$T/org.ics" >"$T/org.txt"
t_equal org-booth "$(grep -E '^(SUMMARY|LOCATION|ATTENDEE)' "$T/org.txt" | tr '\n' ' ')" \
	"SUMMARY:Booth B12 at Forum LOCATION:Booth B12\\, Salle B\\, Harbor Hall ATTENDEE;CN=Lee Contact;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:info@harbor.example "
for f in $all; do
	t_lint "bytes-$(basename "$(dirname "$f")")-$(basename "$f" .ics)" "$f"
done

# ---- per-person folder ----
t_equal per-person-dir-mode "$(stat -c %a "$T/pp")" 700
t_equal per-person-file-modes "$(stat -c %a "$T/pp"/* | sort -u)" 600
t_equal per-person-files "$(cd "$T/pub" && ls | tr '\n' ' ')" \
	"index.tsv person-1.ics person-2.ics person-3.ics person-4.ics "
t_equal per-person-index "$(cat "$T/pub/index.tsv")" "id	name	email	file	events
1	Dana Reyes	dana@example.org	person-1.ics	3
2	Confidential	sam@example.org	person-2.ics	3
3	Lee Park	lee@example.org	person-3.ics	2
4	Ann Attendee	ann@example.org	person-4.ics	1"
# invitations: one file per person and UID, listed with UID, method, SEQUENCE
t_equal per-person-request-files "$(cd "$T/pp" && ls | tr '\n' ' ')" \
	"index.tsv person-1-event-1.ics person-1-session-2.ics person-1-shift-1.ics person-2-event-1.ics person-2-session-2.ics person-2-shift-1.ics person-3-event-1.ics person-3-shift-2.ics person-4-event-1.ics "
uid() { sqlite3 "$MUSTER_DB" "SELECT uid FROM $1 WHERE id = $2"; }
t_equal per-person-request-index "$(cat "$T/pp/index.tsv")" "id	name	email	file	uid	method	sequence
1	Dana Reyes	dana@example.org	person-1-event-1.ics	$(uid event 1)	REQUEST	0
1	Dana Reyes	dana@example.org	person-1-shift-1.ics	$(uid shift 1)	REQUEST	0
1	Dana Reyes	dana@example.org	person-1-session-2.ics	$(uid session 2)	REQUEST	0
2	Confidential	sam@example.org	person-2-event-1.ics	$(uid event 1)	REQUEST	0
2	Confidential	sam@example.org	person-2-shift-1.ics	$(uid shift 1)	REQUEST	0
2	Confidential	sam@example.org	person-2-session-2.ics	$(uid session 2)	REQUEST	0
3	Lee Park	lee@example.org	person-3-event-1.ics	$(uid event 1)	REQUEST	0
3	Lee Park	lee@example.org	person-3-shift-2.ics	$(uid shift 2)	REQUEST	0
4	Ann Attendee	ann@example.org	person-4-event-1.ics	$(uid event 1)	REQUEST	0"
one=0
for f in "$T"/pp/person-*.ics; do
	[ "$(grep -c '^BEGIN:VEVENT' "$f")" = 1 ] && [ "$(grep -c '^BEGIN:VTIMEZONE' "$f")" = 1 ] || one=$((one + 1))
done
t_equal per-person-request-one-vevent-each "$one" 0
# what was sent is stored: person, UID, method, SEQUENCE, when
t_equal sent-stored "$(sqlite3 "$MUSTER_DB" "SELECT count(*), count(DISTINCT person), group_concat(DISTINCT method), max(sequence), min(sent_at) FROM itip_sent")" \
	"9|4|REQUEST|0|$(date -u -d "$MUSTER_NOW" +%s)"
# Ann, with nothing of her own, gets the event alone: its stored UID and
# SEQUENCE, its span in its zone, venue, status, her registration kind
unfold "$T/pp/person-4-event-1.ics" >"$T/p4.txt"
t_lint per-person-attendee-bytes "$T/pp/person-4-event-1.ics"
t_equal per-person-attendee-uid "$(prop UID: "$T/pp/person-4-event-1.ics")" "UID:$(uid event 1)"
t_equal per-person-attendee-event "$(sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' "$T/p4.txt" | grep -E '^(SEQUENCE|DTSTART|DTEND|SUMMARY|LOCATION|STATUS|CATEGORIES|ATTENDEE)' | tr '\n' ' ')" \
	"SEQUENCE:0 DTSTART;TZID=America/New_York:20270313T080000 DTEND;TZID=America/New_York:20270314T173000 SUMMARY:Forum LOCATION:Harbor Hall CATEGORIES:attendee STATUS:TENTATIVE ATTENDEE;CN=Ann Attendee;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ann@example.org "
t_equal per-person-same-event-uid "$(cat "$T"/pub/person-*.ics | prop "UID:$(uid event 1)" /dev/stdin | wc -l | tr -d ' ')" 4
# a person without an email gets no invitation, and is counted
"$M" add person name="No Mail" >/dev/null
"$M" add registration event=1 person=5 kind=attendee >/dev/null
t_run "$M" export ics --event 1 --per-person "$T/pp5" --method request
t_contains per-person-no-email "9 files written to $T/pp5 for 5 registered people; 1 without an email skipped (index: $T/pp5/index.tsv)"
"$M" rm registration "$(sqlite3 "$MUSTER_DB" 'SELECT id FROM registration WHERE person = 5')" >/dev/null
# Ann later gets a shift, then loses it: her file grows, then shrinks
"$M" add assignment shift=2 person=4 >/dev/null
t_run "$M" export ics --event 1 --per-person "$T/pub"
t_contains per-person-summary "4 files written to $T/pub for 4 registered people (index: $T/pub/index.tsv)"
t_equal per-person-file-grows "$(count '^BEGIN:VEVENT' "$T/pub/person-4.ics")" 2
"$M" rm assignment "$(sqlite3 "$MUSTER_DB" 'SELECT id FROM assignment WHERE person = 4')" >/dev/null
t_run "$M" export ics --event 1 --per-person "$T/pub"
t_equal per-person-file-shrinks "$(count '^BEGIN:VEVENT' "$T/pub/person-4.ics")" 1
t_equal per-person-no-temp-files "$(ls "$T/pub" | grep -c tmp)" 0
# the event, the shift and the panel
t_equal person-alarm "$(grep -c 'TRIGGER:-PT15M' "$T/pub/person-1.ics")" 3
# the event's SEQUENCE rises with a change of its time, place or status
"$M" set event 1 venue="Harbor Hall East" >/dev/null
"$M" export ics --event 1 --per-person "$T/pub" >/dev/null
t_equal per-person-event-sequence "$(prop SEQUENCE: "$T/pub/person-4.ics")" "SEQUENCE:1"
"$M" set event 1 venue="Harbor Hall" >/dev/null
mkdir "$T/open" && chmod 755 "$T/open"
t_expect per-person-open-dir-refused 2 "$M" export ics --event 1 --per-person "$T/open"
t_err_contains per-person-open-dir-message "others may open it"
t_equal per-person-open-dir-untouched "$(ls "$T/open" | wc -l | tr -d ' ')" 0

# ---- descriptions and reminders follow [export] ----
printf '[export]\norganizer_email = forum@example.org\nreminder_minutes = 0\ninclude_descriptions = no\n' >"$MUSTER_CONFIG"
"$M" export ics --person 1 -o "$T/plain.ics" >/dev/null
t_equal no-descriptions "$(count DESCRIPTION "$T/plain.ics")" 0
t_equal no-alarm "$(count VALARM "$T/plain.ics")" 0
: >"$MUSTER_CONFIG"
t_expect request-needs-organizer 2 "$M" export ics --event 1 --method request
t_err_contains request-needs-organizer-message "organizer_email"
"$M" export ics --event 1 -o "$T/bare.ics" >/dev/null
t_equal publish-without-organizer "$(count ORGANIZER "$T/bare.ics")" 0
printf '[export]\norganizer_name = Forum Team\norganizer_email = forum@example.org\nreminder_minutes = 15\ninclude_descriptions = yes\n' >"$MUSTER_CONFIG"

# ---- an update: move a shift, export again; then cancel ----
# (the venue changed twice above: every item's SEQUENCE rose twice)
"$M" export ics --event 1 --shifts -o "$T/s1.ics" >/dev/null
uid1=$(unfold "$T/s1.ics" | grep -A4 '^UID:' | sed -n 1p)
seq1=$(unfold "$T/s1.ics" | sed -n '/^SEQUENCE/{s/SEQUENCE://p;q}')
t_equal shift-sequence-follows-venue "$seq1" 2
t_expect move-shift 0 "$M" set shift 1 starts="2027-03-13 09:00" ends="2027-03-13 11:00"
"$M" export ics --event 1 --shifts -o "$T/s2.ics" >/dev/null
t_equal update-same-uid "$(unfold "$T/s2.ics" | grep '^UID:' | sed -n 1p)" "$uid1"
t_equal update-higher-sequence "$(unfold "$T/s2.ics" | sed -n '/^SEQUENCE/{p;q}')" "SEQUENCE:$((seq1 + 1))"
t_equal update-new-start "$(unfold "$T/s2.ics" | sed -n '/^DTSTART;/{p;q}')" \
	"DTSTART;TZID=America/New_York:20270313T090000"
t_equal update-other-unchanged "$(prop SEQUENCE "$T/s2.ics" | sed -n 2p)" "SEQUENCE:$seq1"
t_expect rename-role-no-sequence 0 "$M" set shift 1 need_max=6
"$M" export ics --event 1 --shifts -o "$T/s3.ics" >/dev/null
t_equal fill-change-keeps-sequence "$(prop SEQUENCE "$T/s3.ics" | sed -n 1p)" "SEQUENCE:$((seq1 + 1))"
t_equal fill-shown "$(prop SUMMARY "$T/s3.ics" | sed -n 1p)" "SUMMARY:Greeter (2/6)"
# Lee's shift cancelled for him: CANCEL, the same UID, the ATTENDEE of his
# invitation, a SEQUENCE above the one he was sent (0), no alarm
"$M" export ics --event 1 --per-person "$T/c1" --method cancel >/dev/null
unfold "$T/c1/person-3-shift-2.ics" >"$T/c1.txt"
t_equal cancel-method "$(prop METHOD "$T/c1.txt")" "METHOD:CANCEL"
t_equal cancel-same-uid "$(prop UID "$T/c1.txt")" "UID:$(uid shift 2)"
t_equal cancel-attendee "$(grep '^ATTENDEE' "$T/c1.txt")" \
	"ATTENDEE;CN=Lee Park;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT:mailto:lee@example.org"
t_equal cancel-higher-sequence "$(prop SEQUENCE "$T/c1.txt")" "SEQUENCE:$((seq1 + 1))"
t_equal cancel-status "$(prop STATUS "$T/c1.txt")" "STATUS:CANCELLED"
t_equal cancel-no-alarm "$(cat "$T"/c1/*.ics | count VALARM /dev/stdin)" 0
# reinstated: a REQUEST above the CANCEL; sent again unchanged: the same number
"$M" export ics --event 1 --per-person "$T/c2" --method request >/dev/null
t_equal reinstate-above-cancel "$(prop SEQUENCE "$T/c2/person-3-shift-2.ics")" "SEQUENCE:$((seq1 + 2))"
"$M" export ics --event 1 --per-person "$T/c3" --method request >/dev/null
t_equal resend-same-sequence "$(prop SEQUENCE "$T/c3/person-3-shift-2.ics")" "SEQUENCE:$((seq1 + 2))"
t_equal sent-state "$(sqlite3 -separator ' ' "$MUSTER_DB" "SELECT method, sequence, item_sequence FROM itip_sent WHERE person = 3 AND uid = '$(uid shift 2)'")" \
	"REQUEST $((seq1 + 2)) $seq1"
t_expect cancel-session 0 "$M" set session 4 status=cancelled
"$M" export ics --event 1 -o "$T/a2.ics" >/dev/null
t_equal cancelled-session-status "$(count 'STATUS:CANCELLED' "$T/a2.ics")" 1
# one UID to -o: Lee's only shift, as an invitation to him, numbered from
# what he was sent (the REQUEST above)
t_expect single-uid-request 0 "$M" export ics --person 3 --method request -o "$T/lee.ics"
t_equal single-uid-request-sequence "$(prop SEQUENCE "$T/lee.ics")" "SEQUENCE:$((seq1 + 2))"
t_equal single-uid-request-attendee "$(unfold "$T/lee.ics" | grep -c '^ATTENDEE;CN=Lee Park;.*:mailto:lee@example.org$')" 1

# ---- refusals: one line, exit status, no file left behind ----
t_expect nothing-to-export 1 "$M" export ics --person 4 -o "$T/none.ics"
t_err_contains nothing-to-export-message "person 4 has no shifts or sessions"
t_equal nothing-no-file "$(ls "$T" | grep -c 'none.ics')" 0
t_expect missing-event 1 "$M" export ics --event 9
t_expect missing-person 1 "$M" export ics --person 99
t_expect missing-org 1 "$M" export ics --org 99
t_expect bad-method 2 "$M" export ics --event 1 --method invite
t_expect two-whoms 2 "$M" export ics --person 1 --org 1
t_expect shifts-alone 2 "$M" export ics --person 1 --shifts
t_expect per-person-with-o 2 "$M" export ics --event 1 --per-person "$T/x" -o "$T/y"
t_expect no-scope 2 "$M" export ics
t_expect not-ics 2 "$M" export csv --event 1
t_expect unwritable-o 2 "$M" export ics --event 1 -o "$T/no/such/dir/a.ics"
t_expect person-in-event 0 "$M" export ics --person 1 --event 1 -o "$T/p1e.ics"

# ---- import ----
cat >"$T/ext.ics" <<'EOF'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Someone else//EN
BEGIN:VTIMEZONE
TZID:Custom Eastern
BEGIN:STANDARD
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:ext-1@example.net
DTSTAMP:20260101T000000Z
DTSTART;TZID=America/New_York:20270313T150000
DTEND;TZID=America/New_York:20270313T160000
SUMMARY:Survivor-led workshop\, part 1
LOCATION:Salle C
CATEGORIES:Workshop
DESCRIPTION:
END:VEVENT
BEGIN:VEVENT
UID:ext-2@example.net
DTSTAMP:20260101T000000Z
DTSTART:20270314T160000Z
DURATION:PT45M
SUMMARY:Task force Q&A
LOCATION:Salon A\, Harbor Hall
STATUS:TENTATIVE
END:VEVENT
BEGIN:VEVENT
UID:ext-3@example.net
DTSTAMP:20260101T000000Z
DTSTART:20270314T123000
DTEND:20270314T130000
SUMMARY:Lunch
END:VEVENT
BEGIN:VEVENT
UID:ext-4@example.net
DTSTAMP:20260101T000000Z
DTSTART;TZID=Custom Eastern:20270314T133000
DTEND;TZID=Custom Eastern:20270314T140000
SUMMARY:Closing
LOCATION:salle c
END:VEVENT
END:VCALENDAR
EOF
rooms_before=$("$M" list rooms --format tsv | wc -l)
t_expect import-new 0 "$M" import sessions "$T/ext.ics" --event 1
t_contains import-new-summary "4 sessions imported: 4 added, 0 updated, 0 unchanged; 1 rooms added"
"$M" list sessions --format tsv >"$T/s.tsv"
row() { awk -F'\t' -v u="$1" '$11 == u { print $3 "|" $4 "|" $5 "|" $6 "|" $7 "|" $10 "|" $12 }' "$T/s.tsv"; }
t_equal import-tzid "$(row ext-1@example.net)" "3|Survivor-led workshop, part 1|workshop|2027-03-13 15:00|2027-03-13 16:00|confirmed|0"
t_equal import-utc-duration-venue-stripped "$(row ext-2@example.net)" "1|Task force Q&A|general|2027-03-14 12:00|2027-03-14 12:45|tentative|0"
t_equal import-floating-in-event-zone "$(row ext-3@example.net)" "|Lunch|general|2027-03-14 12:30|2027-03-14 13:00|confirmed|0"
t_equal import-file-vtimezone "$(row ext-4@example.net)" "3|Closing|general|2027-03-14 13:30|2027-03-14 14:00|confirmed|0"
rooms_after=$("$M" list rooms --format tsv | wc -l)
t_equal import-one-room-added "$((rooms_after - rooms_before))" 1
t_expect reimport-same 0 "$M" import sessions "$T/ext.ics" --event 1
t_contains reimport-nothing-new "4 sessions imported: 0 added, 0 updated, 4 unchanged; 0 rooms added"
sed 's/20270314T160000Z/20270314T170000Z/; s/^LOCATION:salle c/LOCATION:Salle B/' "$T/ext.ics" >"$T/ext2.ics"
t_expect reimport-updated 0 "$M" import sessions "$T/ext2.ics" --event 1
t_contains reimport-updates "4 sessions imported: 0 added, 2 updated, 2 unchanged; 0 rooms added"
"$M" list sessions --format tsv >"$T/s.tsv"
t_equal reimport-moved "$(row ext-2@example.net)" "1|Task force Q&A|general|2027-03-14 13:00|2027-03-14 13:45|tentative|1"
t_equal reimport-new-room "$(row ext-4@example.net)" "2|Closing|general|2027-03-14 13:30|2027-03-14 14:00|confirmed|1"
t_equal reimport-no-duplicates "$(grep -c 'ext-' "$T/s.tsv")" 4
"$M" export ics --event 1 -o "$T/round.ics" >/dev/null
t_expect roundtrip-own-export 0 "$M" import sessions "$T/round.ics" --event 1
t_contains roundtrip-unchanged "8 sessions imported: 0 added, 0 updated, 8 unchanged; 0 rooms added"
# a cancellation of the panel (Dana's) read back cancels it
"$M" export ics --event 1 --per-person "$T/cx" --method cancel >/dev/null
t_expect import-cancel 0 "$M" import sessions "$T/cx/person-1-session-2.ics" --event 1
t_equal import-cancel-cancels "$(sqlite3 "$MUSTER_DB" 'SELECT status FROM session WHERE id = 2')" "cancelled"

# malformed files: FILE:LINE: why, exit 2, nothing kept
bad() {
	name=$1 line=$2 why=$3
	shift 3
	printf "$@" >"$T/bad.ics"
	before=$(sqlite3 "$MUSTER_DB" 'SELECT count(*) FROM session; SELECT count(*) FROM room; SELECT count(*) FROM audit' | tr '\n' ' ')
	t_expect "bad-$name" 2 "$M" import sessions "$T/bad.ics" --event 1
	t_err_contains "bad-$name-line" "muster: $T/bad.ics:$line: $why"
	after=$(sqlite3 "$MUSTER_DB" 'SELECT count(*) FROM session; SELECT count(*) FROM room; SELECT count(*) FROM audit' | tr '\n' ' ')
	t_equal "bad-$name-nothing-kept" "$after" "$before"
}
HEAD='BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'
EV='BEGIN:VEVENT\r\nUID:new-%s\r\nDTSTART:20270313T200000Z\r\nDTEND:20270313T210000Z\r\nSUMMARY:New %s\r\nLOCATION:Brand new room\r\nEND:VEVENT\r\n'
bad unclosed 12 "END:VCALENDAR does not close BEGIN:VEVENT of line 10" \
	"$HEAD$EV"'BEGIN:VEVENT\r\nUID:x\r\nEND:VCALENDAR\r\n' a a
bad bad-time 12 'DTSTART: "2027-03-13 20:00" is not a date-time' \
	"$HEAD$EV"'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:2027-03-13 20:00\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' a a
bad all-day 12 "DTSTART: an all-day date cannot become a session" \
	"$HEAD$EV"'BEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20270313\r\nSUMMARY:X\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' a a
bad unknown-zone 12 'unknown time zone "Mars/Olympus"' \
	"$HEAD$EV"'BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=Mars/Olympus:20270313T200000\r\nDTEND:20270313T210000Z\r\nSUMMARY:X\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' a a
bad no-summary 10 "this VEVENT has no SUMMARY" \
	"$HEAD$EV"'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270313T200000Z\r\nDTEND:20270313T210000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' a a
bad end-before-start 13 "DTEND is not after DTSTART" \
	"$HEAD$EV"'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270313T200000Z\r\nDTEND:20270313T190000Z\r\nSUMMARY:X\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' a a
bad spring-gap 12 "DTSTART: 2027-03-14 02:30 does not exist in America/New_York" \
	"$HEAD$EV"'BEGIN:VEVENT\r\nUID:x\r\nDTSTART;TZID=America/New_York:20270314T023000\r\nDTEND:20270314T040000Z\r\nSUMMARY:X\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' a a
bad duplicate-uid 11 "UID already used by the VEVENT of line 3" \
	"$HEAD$EV$EV"'END:VCALENDAR\r\n' a a a a
bad repeating 14 "RRULE: repeating events cannot become sessions" \
	"$HEAD"'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270313T200000Z\r\nDTEND:20270313T210000Z\r\nSUMMARY:X\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:y\r\nDTSTART:20270313T200000Z\r\nDTEND:20270313T210000Z\r\nSUMMARY:Y\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
bad not-utf8 12 "not valid UTF-8" "$HEAD$EV"'BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:\377\376\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' a a
bad not-ical 1 "expected BEGIN:VCALENDAR" 'name,email\r\nDana,dana@example.org\r\n'
bad empty 1 "no BEGIN:VCALENDAR" ''
bad trailing 11 "text after END:VCALENDAR" "$HEAD$EV"'END:VCALENDAR\r\nBEGIN:VCALENDAR\r\n' a a
bad libical-value 8 "Can't parse as GEO value in GEO property" "$HEAD"'BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20270313T200000Z\r\nDTEND:20270313T210000Z\r\nSUMMARY:X\r\nGEO:somewhere\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
bad folded-line 5 "a folded continuation" 'BEGIN:VCALENDAR\r\n\r\nVERSION:2.0\r\n\r\n continued\r\nEND:VCALENDAR\r\n'
printf "$HEAD"'BEGIN:VEVENT\r\nUID:%s\r\nDTSTART:20270313T200000Z\r\nDTEND:20270313T210000Z\r\nSUMMARY:X\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' \
	"$(awk -F'\t' 'NR == 2 { print $11 }' "$T/s.tsv")" >"$T/other.ics"
"$M" add event name=Other starts="2027-05-01 08:00" ends="2027-05-01 18:00" tz=Europe/Berlin >/dev/null
t_expect uid-of-other-event 2 "$M" import sessions "$T/other.ics" --event 2
t_err_contains uid-of-other-event-message "$T/other.ics:4: UID"
t_expect import-missing-file 2 "$M" import sessions "$T/nope.ics" --event 1
t_err_contains import-missing-file-message "nope.ics: No such file"
t_expect import-missing-event 1 "$M" import sessions "$T/ext.ics" --event 42
t_expect import-needs-event 2 "$M" import sessions "$T/ext.ics"
t_expect import-unknown-kind 2 "$M" import speakers "$T/ext.ics" --event 1
t_err_contains import-unknown-kind-message "unknown kind speakers (one of: sessions"
t_run "$M" list audit --format tsv
t_contains import-audited "import sessions ext.ics: 4 added, 0 updated, 0 unchanged, 1 rooms added"
t_contains export-audited "export ics --event 1 --per-person (request)"

# a person across two events in two zones: one VTIMEZONE for each TZID used
"$M" add session event=2 title="Keynote" starts="2027-05-01 10:00" ends="2027-05-01 11:00" >/dev/null
"$M" add speaker session="$(sqlite3 "$MUSTER_DB" 'SELECT max(id) FROM session')" person=1 >/dev/null
"$M" export ics --person 1 -o "$T/two.ics" >/dev/null
t_lint two-zones-bytes "$T/two.ics"
t_equal two-zones-vtimezones "$(prop TZID: "$T/two.ics" | tr '\n' ' ')" "TZID:America/New_York TZID:Europe/Berlin "
t_equal two-zones-all-defined "$(grep -o 'TZID=[^:;]*' "$T/two.ics" | sort -u | tr '\n' ' ')" \
	"TZID=America/New_York TZID=Europe/Berlin "
t_equal two-zones-berlin-time "$(grep -c 'DTSTART;TZID=Europe/Berlin:20270501T100000' "$T/two.ics")" 1
"$M" export ics --person 1 --event 2 -o "$T/one.ics" >/dev/null
t_equal one-event-one-zone "$(prop TZID: "$T/one.ics")" "TZID:Europe/Berlin"

# the rules of SPEC section 3 apply to imported sessions (through the session
# entity's hooks): the second VEVENT overlaps the first in the room the first
# created, so the file is refused at its line and neither is kept
printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:clash-1\r\nDTSTART;TZID=Europe/Berlin:20270501T130000\r\nDTEND;TZID=Europe/Berlin:20270501T140000\r\nSUMMARY:First\r\nLOCATION:Saal 3\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:clash-2\r\nDTSTART;TZID=Europe/Berlin:20270501T133000\r\nDTEND;TZID=Europe/Berlin:20270501T143000\r\nSUMMARY:Second\r\nLOCATION:saal 3\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' >"$T/clash.ics"
t_expect import-rule-refused 1 "$M" import sessions "$T/clash.ics" --event 2
t_err_contains import-rule-refused-line "$T/clash.ics:10: "
t_equal import-rule-nothing-kept "$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM session WHERE uid LIKE 'clash-%'; SELECT count(*) FROM room WHERE name = 'Saal 3'" | tr '\n' ' ')" "0 0 "

# ---- the hour New York repeats when clocks fall back ----
# 05:30Z is the first 01:30 (EDT), 06:30Z the second (EST): RFC 5545 reads
# DTSTART;TZID=America/New_York:20271107T013000 as the first, so both are
# written in UTC; 02:30 (after the repeated hour) keeps its TZID
"$M" add event name=Vigil starts="2027-11-06 08:00" ends="2027-11-08 18:00" tz=America/New_York >/dev/null
vigil=$(sqlite3 "$MUSTER_DB" "SELECT id FROM event WHERE name = 'Vigil'")
"$M" add session event="$vigil" title=Early starts=2027-11-07T05:30:00Z ends=2027-11-07T06:30:00Z >/dev/null
"$M" add session event="$vigil" title=Later starts=2027-11-07T06:30:00Z ends=2027-11-07T07:30:00Z >/dev/null
"$M" export ics --event "$vigil" -o "$T/vigil.ics" >/dev/null
t_lint repeated-hour-bytes "$T/vigil.ics"
t_equal repeated-hour-utc "$(unfold "$T/vigil.ics" | sed -n '/^BEGIN:VEVENT/,/^END:VEVENT/p' | grep -E '^DT(START|END)[:;]' | tr '\n' ' ')" \
	"DTSTART:20271107T053000Z DTEND:20271107T063000Z DTSTART:20271107T063000Z DTEND;TZID=America/New_York:20271107T023000 "
later=$(sqlite3 "$MUSTER_DB" "SELECT id FROM session WHERE title = 'Later'")
t_run "$M" show session "$later"
t_contains repeated-hour-show-offset "starts: 2027-11-07 01:30-05:00"
t_contains repeated-hour-show-plain "ends: 2027-11-07 02:30"
t_run "$M" list sessions --event "$vigil" --format tsv
t_contains repeated-hour-list-first "Early	general	2027-11-07 01:30-04:00	2027-11-07 01:30-05:00"
# what show prints is read back as the same instant
t_expect repeated-hour-set-back 0 "$M" set session "$later" starts="2027-11-07 01:30-05:00"
t_equal repeated-hour-same-instant "$(sqlite3 "$MUSTER_DB" "SELECT starts, sequence FROM session WHERE id = $later")" "1825569000|0"
"$M" import sessions "$T/vigil.ics" --event "$vigil" >"$T/vigil.out"
t_equal repeated-hour-reimport "$(cat "$T/vigil.out")" "2 sessions imported: 0 added, 0 updated, 2 unchanged; 0 rooms added"

# ---- the file's VTIMEZONE is what its TZID means ----
# a VTIMEZONE named America/New_York that says -03:00 all year: RFC 5545
# reads the file's own definition, not the system zone of that name
vtz() { # TZID OFFSET (a zone with one offset)
	printf 'BEGIN:VTIMEZONE\r\nTZID:%s\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:%s\r\nTZOFFSETTO:%s\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n' "$1" "$2" "$2"
}
ev() { # UID START END-OR-DURATION...
	printf 'BEGIN:VEVENT\r\nUID:%s\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:%s\r\n%s\r\n%s\r\nEND:VEVENT\r\n' "$1" "$1" "$2" "$3"
}
{
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n'
	vtz America/New_York -0300
	ev own-zone 'DTSTART;TZID=America/New_York:20270313T100000' 'DTEND;TZID=America/New_York:20270313T110000'
	# a nominal day: 10:00 EST Saturday to 10:00 EDT Sunday is 23 hours
	ev nominal-day 'DTSTART;TZID=US/Eastern:20270313T100000' 'DURATION:P1D'
	ev exact-hours 'DTSTART;TZID=US/Eastern:20270313T100000' 'DURATION:PT24H'
	ev day-and-hours 'DTSTART;TZID=US/Eastern:20270313T090000' 'DURATION:P1DT1H30M'
	ev utc-day 'DTSTART:20270313T150000Z' 'DURATION:P1D'
	printf 'END:VCALENDAR\r\n'
} >"$T/zones.ics"
t_expect import-file-zone 0 "$M" import sessions "$T/zones.ics" --event 1
utc() { sqlite3 "$MUSTER_DB" "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', starts, 'unixepoch') || '|' || strftime('%Y-%m-%dT%H:%M:%SZ', ends, 'unixepoch') FROM session WHERE uid = '$1'"; }
t_equal file-zone-wins "$(utc own-zone)" "2027-03-13T13:00:00Z|2027-03-13T14:00:00Z"
t_equal duration-nominal-day "$(utc nominal-day)" "2027-03-13T15:00:00Z|2027-03-14T14:00:00Z"
t_equal duration-exact-hours "$(utc exact-hours)" "2027-03-13T15:00:00Z|2027-03-14T15:00:00Z"
t_equal duration-day-and-hours "$(utc day-and-hours)" "2027-03-13T14:00:00Z|2027-03-14T14:30:00Z"
t_equal duration-utc-day "$(utc utc-day)" "2027-03-13T15:00:00Z|2027-03-14T15:00:00Z"
# in a file's VTIMEZONE too: the repeated 01:30 is the first, a skipped
# 02:30 is refused with its line
cat >"$T/ny-rules.ics" <<'ICS'
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//t//EN
BEGIN:VTIMEZONE
TZID:Eastern
BEGIN:STANDARD
DTSTART:19701101T020000
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
TZOFFSETFROM:-0400
TZOFFSETTO:-0500
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700308T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
TZOFFSETFROM:-0500
TZOFFSETTO:-0400
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:first-of-two
DTSTAMP:20260101T000000Z
DTSTART;TZID=Eastern:20271107T013000
DTEND;TZID=Eastern:20271107T030000
SUMMARY:First of two
END:VEVENT
END:VCALENDAR
ICS
t_expect import-file-zone-repeated 0 "$M" import sessions "$T/ny-rules.ics" --event "$vigil"
t_equal file-zone-repeated-first "$(utc first-of-two)" "2027-11-07T05:30:00Z|2027-11-07T08:00:00Z"
sed 's/^DTSTART;TZID=Eastern:20271107T013000/DTSTART;TZID=Eastern:20270314T023000/; s/^DTEND;TZID=Eastern:20271107T030000/DTEND;TZID=Eastern:20270314T040000/; s/first-of-two/in-the-gap/' \
	"$T/ny-rules.ics" >"$T/gap.ics"
t_expect import-file-zone-gap 2 "$M" import sessions "$T/gap.ics" --event 1
t_err_contains import-file-zone-gap-line "$T/gap.ics:22: DTSTART: 2027-03-14 02:30 does not exist in Eastern"
