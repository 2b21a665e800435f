#!/bin/sh
# import_signups.sh - the forum's registration spreadsheet signs its 1,000
# participants up for breakouts (import people --event with a sessions
# column, SPEC section 11): one transaction, seats as min(session, room)
# capacity, the waitlist in file order, no room over capacity, a re-import
# changing nothing, and a bad row reported as FILE:LINE with nothing kept.
. "$(dirname "$0")/../lib.sh"

sql() { sqlite3 "$MUSTER_DB" "$1"; }

"$M" add event name=Forum starts="2027-03-13 08:00" ends="2027-03-13 18:00" \
	tz=America/New_York >/dev/null
# six rooms of 40 to 120 seats; three breakout slots of six panels each
rooms="40 60 80 100 110 120"
r=1
for cap in $rooms; do
	"$M" add room event=1 name="Room $r" capacity=$cap >/dev/null
	r=$((r + 1))
done
for slot in 09 11 14; do
	r=1
	for cap in $rooms; do
		"$M" add session event=1 room=$r title="Panel $slot-$r" kind=breakout \
			starts="2027-03-13 $slot:00" ends="2027-03-13 $slot:50" >/dev/null
		r=$((r + 1))
	done
done
# one session is asked for by UID
uid=$(sql "SELECT uid FROM session WHERE title = 'Panel 14-6'")

# 1,000 participants; everyone picks one panel a slot, the small rooms the
# most wanted (a fixed seed: the same file every run)
/usr/bin/python3 - "$T/forum.csv" "$uid" <<'PY'
import csv, random, sys
rnd = random.Random(17)
with open(sys.argv[1], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Name", "Email", "Sessions"])
    for i in range(1, 1001):
        picks = []
        for slot in ("09", "11", "14"):
            room = rnd.choices(range(1, 7), weights=[6, 5, 4, 3, 2, 1])[0]
            title = "Panel %s-%d" % (slot, room)
            picks.append(sys.argv[2] if title == "Panel 14-6" else title)
        w.writerow(["Participant %04d" % i, "p%04d@forum.example" % i, "; ".join(picks)])
PY

t_expect import-forum 0 "$M" import people "$T/forum.csv" --event 1
t_contains import-forum-people "1000 rows: 1000 added"
t_contains import-forum-registered "1000 registered for event 1 as attendee (0 waitlisted)"
t_contains import-forum-signups "3000 sign-ups for sessions ("
t_equal signups-stored "$(sql "SELECT count(*) FROM signup")" 3000
t_equal no-room-over-capacity "$(sql "SELECT count(*) FROM session s JOIN room r ON r.id = s.room
 WHERE (SELECT count(*) FROM signup g WHERE g.session = s.id AND g.status = 'registered') > r.capacity")" 0
t_equal small-rooms-full "$(sql "SELECT count(*) FROM session s JOIN room r ON r.id = s.room
 WHERE r.capacity = 40 AND (SELECT count(*) FROM signup g WHERE g.session = s.id AND g.status = 'registered') = 40")" 3
t_equal waitlists-whole "$(sql "SELECT count(*) FROM (SELECT session, max(waitlist_position) m, count(*) n
 FROM signup WHERE status = 'waitlisted' GROUP BY session) WHERE m != n")" 0
# file order: in each session, whoever waits came later in the file than anyone seated
t_equal waitlist-file-order "$(sql "SELECT count(*) FROM signup s JOIN signup w ON w.session = s.session
 WHERE s.status = 'registered' AND w.status = 'waitlisted' AND w.person < s.person")" 0
t_equal uid-column "$(sql "SELECT count(*) FROM signup g JOIN session s ON s.id = g.session WHERE s.uid = '$uid'")" \
	"$(grep -c "$uid" "$T/forum.csv")"
t_expect check-clean 0 "$M" check --event 1

# the same sheet again changes nothing
t_expect reimport 0 "$M" import people "$T/forum.csv" --event 1
t_contains reimport-unchanged "1000 unchanged"
t_contains reimport-already "0 sign-ups for sessions (0 waitlisted), 3000 already signed up"
t_equal reimport-signups "$(sql "SELECT count(*) FROM signup")" 3000

# a bad row: FILE:LINE, and nothing of the file kept
before=$(sql "SELECT (SELECT count(*) FROM person) || ' ' || (SELECT count(*) FROM signup) || ' ' || (SELECT count(*) FROM registration)")
printf 'name,email,sessions\nNew One,n1@x.org,Panel 09-6\nNew Two,n2@x.org,Panel 09-6;No such panel\n' >"$T/bad.csv"
t_expect bad-session 2 "$M" import people "$T/bad.csv" --event 1
t_equal bad-session-line "$ERR" "muster: $T/bad.csv:3: sessions: no session \"No such panel\" in event 1 (give a session's UID or its title)"
printf 'name,email,sessions\nNew One,n1@x.org,Panel 09-6\nNew Two,n2@x.org,Panel 09-6;Panel 09-5\n' >"$T/overlap.csv"
t_expect overlap-session 2 "$M" import people "$T/overlap.csv" --event 1
t_err_contains overlap-line "overlap.csv:3: sessions: New Two is signed up for \"Panel 09-6\""
"$M" add session event=1 room=1 title="Panel 16-1" starts="2027-03-13 16:00" ends="2027-03-13 16:50" >/dev/null
"$M" add session event=1 room=2 title="Panel 16-1" starts="2027-03-13 16:00" ends="2027-03-13 16:50" >/dev/null
printf 'name,email,sessions\nNew One,n1@x.org,panel 16-1\n' >"$T/twice.csv"
t_expect ambiguous-title 2 "$M" import people "$T/twice.csv" --event 1
t_err_contains ambiguous-line "twice.csv:2: sessions: \"panel 16-1\" is the title of several sessions of event 1; give the session's UID"
t_expect sessions-need-event 2 "$M" import people "$T/forum.csv"
t_err_contains sessions-need-event-line "forum.csv:1: the sessions column signs people up for sessions of an event: give --event ID"
t_equal nothing-kept "$(sql "SELECT (SELECT count(*) FROM person) || ' ' || (SELECT count(*) FROM signup) || ' ' || (SELECT count(*) FROM registration)")" "$before"
