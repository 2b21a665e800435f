#!/bin/sh
# signup.sh - session sign-ups on the real binary (SPEC section 11, "Sign-ups
# and the door"): signup and unsignup with their lines and exit statuses,
# seats as min(session, room) capacity, the waitlist and its promotion, the
# registration a sign-up needs, the overlap override, a cancelled session
# naming its people, the capacity floor, check-in, add/list/show/rm signup,
# and check finding what was written around the rules.
MUSTER_NOW=2026-12-05T15:55:00Z # 09:55 in Chicago, on the day
. "$(dirname "$0")/../lib.sh"

# Each line of standard input as muster's arguments: the line, what muster
# wrote (both streams) and its exit status.
transcript() {
	while IFS= read -r line; do
		case "$line" in "" | "#"*) continue ;; esac
		printf '$ muster %s\n' "$line"
		eval "\"\$M\" $line" 2>&1
		printf '[exit %s]\n' $?
	done
}

sql() { sqlite3 "$MUSTER_DB" "$1"; }

"$M" add event name=Forum starts="2026-12-05 08:00" ends="2026-12-05 18:00" \
	tz=America/Chicago >/dev/null
"$M" add room event=1 name="Delaware Room" capacity=3 >/dev/null
"$M" add session event=1 room=1 title="Supply chains" kind=breakout \
	starts="2026-12-05 10:00" ends="2026-12-05 11:00" capacity=40 >/dev/null
"$M" add session event=1 title="Social media" kind=breakout \
	starts="2026-12-05 10:30" ends="2026-12-05 11:30" >/dev/null
for n in "Dana Reyes" "Lee Chan" "Ana Silva" "Bo Kim" "Cy Ode" "Di Poe"; do
	"$M" add person name="$n" >/dev/null
done
for p in 1 2 3 4 5; do "$M" register 1 $p >/dev/null; done

t_golden signup-transcript transcript <<'EOF'
# a registration comes first, and no reason overrides that
signup 1 6
signup 1 6 --force --reason walk-in
# the room seats 3 although the session allows 40; then the waitlist
signup 1 1
signup 1 2
signup 1 3
signup 1 4
signup 1 5
signup 1 1
# overlapping sign-ups: soft, overridden with a reason
signup 2 1
signup 2 1 --force
signup 2 1 --force --reason "moderates the second half"
# a cancellation promotes the first waiting
unsignup 1 2
unsignup 1 2
list signups --format tsv
# check-in
checkin --session 1 --person 1
checkin --session 1 --person 1
checkin --session 1 --person 5
checkin --session 1 --event 1 --person 5
# seats never below those taken; more seats promote
set room 1 capacity=2
set session 1 capacity=2
set room 1 capacity=4
show signup 5
# the entity table: add, rm
add signup session=2 person=3
add signup session=2 person=2
add signup session=2 person=2
rm signup 7
# sign-ups keep their session
rm session 1
# the attendance report counts them per session
report attendance --event 1
report attendance --event 1 --format csv
# usage
signup 1
signup x 1
unsignup 1 99
signup 99 1
# the door is a screen: it needs a terminal, an event, and a session of that event
door
door --event 99
door --event 1 --session 99
door --event 1 < /dev/null
# a cancelled session names the people it takes along
set session 1 status=cancelled
list signups --event 1 --format tsv
check --event 1
EOF

t_equal seats-never-over "$(sql "SELECT count(*) FROM signup WHERE session = 1 AND status = 'registered'")" 0
t_equal cancelled-all "$(sql "SELECT count(*) FROM signup WHERE session = 1 AND status = 'cancelled'")" 5
t_equal audit-has-event "$(sql "SELECT count(*) FROM audit WHERE entity = 'signup' AND event IS NULL AND action != 'rm'")" 0
t_equal promote-audited "$(sql "SELECT count(*) FROM audit WHERE entity = 'signup' AND action = 'promote'")" 2

# check sees what was written around the rules
sql "UPDATE session SET status = 'confirmed' WHERE id = 1;
UPDATE signup SET status = 'registered' WHERE session = 1 AND person IN (1, 3, 4);
INSERT INTO signup (session, person, status, waitlist_position) VALUES (1, 6, 'waitlisted', 1);
UPDATE room SET capacity = 2 WHERE id = 1"
t_golden signup-check transcript <<'EOF'
check --event 1
check
EOF
