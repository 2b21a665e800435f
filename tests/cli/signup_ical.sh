#!/bin/sh
# signup_ical.sh - a person's calendar (export ics --person, and their file
# from --per-person) holds the sessions they signed up for, marked as such
# (CATEGORIES "Signed up" or "Waitlisted", and a first line in the
# description); a cancelled sign-up is gone; a session they speak at comes
# once, as their talk. Read back with Debian's python icalendar.
. "$(dirname "$0")/../lib.sh"

if ! /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	t_fail signup-ical-python "python3-icalendar is missing: run contrib/install-deps.sh"
	exit 1
fi
# SUMMARY|CATEGORIES...|the description's first line, one line per VEVENT
entries() {
	/usr/bin/python3 - "$1" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for ev in cal.walk("VEVENT"):
    cats = ev.get("CATEGORIES", [])
    cats = cats if isinstance(cats, list) else [cats]
    names = [str(c) for v in cats for c in v.cats]
    desc = str(ev.get("DESCRIPTION", "")).split("\n")[0]
    print("|".join([str(ev.get("SUMMARY")), ",".join(names), desc]))
PY
}

"$M" add event name=Forum starts="2026-12-05 08:00" ends="2026-12-05 18:00" \
	tz=America/Chicago status=published >/dev/null
"$M" add room event=1 name="Delaware Room" capacity=1 >/dev/null
"$M" add session event=1 room=1 title="Supply chains" kind=breakout \
	starts="2026-12-05 10:00" ends="2026-12-05 11:00" >/dev/null
"$M" add session event=1 title="Social media" kind=panel \
	starts="2026-12-05 13:00" ends="2026-12-05 14:00" description="Recruitment online" >/dev/null
"$M" add session event=1 title="Wrap-up" starts="2026-12-05 16:00" ends="2026-12-05 17:00" >/dev/null
for n in "Dana Reyes" "Lee Chan"; do "$M" add person name="$n" >/dev/null; done
for p in 1 2; do "$M" register 1 $p >/dev/null; done
"$M" signup 1 2 >/dev/null          # Lee takes the one seat
"$M" signup 1 1 >/dev/null          # Dana waits
"$M" signup 2 1 >/dev/null
"$M" signup 3 1 >/dev/null
"$M" unsignup 3 1 >/dev/null        # cancelled: not in her calendar
"$M" add speaker session=2 person=2 role=moderator >/dev/null
"$M" signup 2 2 >/dev/null          # speaks there too: one entry, the talk

t_expect person-export 0 "$M" export ics --person 1 --event 1 -o "$T/dana.ics"
t_golden signup-ical-person entries "$T/dana.ics"
t_expect person-lint 0 "${UNIT_DIR:-$TESTS_DIR/../build/tests}/ical_lint" "$T/dana.ics"
t_expect per-person 0 "$M" export ics --event 1 --per-person "$T/pp"
# the per-person file: the event's own entry, then the same entries
t_equal per-person-dana "$(entries "$T/pp/person-1.ics")" "Forum|attendee|
$(entries "$T/dana.ics")"
# Lee's talk once (not as a sign-up too), then his seat
t_equal per-person-lee "$(entries "$T/pp/person-2.ics")" "Forum|attendee|
Social media|panel|Recruitment online
Supply chains|breakout,Signed up|You signed up for this session."
