#!/bin/sh
# signup_race.sh - the concurrency test of SPEC section 3 repeated for
# session sign-ups: 40 processes, released at the same instant, race for a
# session of 30 seats. Exactly 30 get a seat and 10 wait at positions 1..10
# in commit order; nobody sees "database is locked"; every process's answer
# matches what is stored. Then cancellations race with new sign-ups and the
# waitlist stays whole.
. "$(dirname "$0")/../lib.sh"

RACERS=40
SEATS=30

"$M" add event name=Forum starts="2026-12-05 08:00" ends="2026-12-05 18:00" \
	tz=America/Chicago >/dev/null
"$M" add room event=1 name="Delaware Room" capacity=120 >/dev/null
"$M" add session event=1 room=1 title="Supply chains" kind=breakout \
	starts="2026-12-05 10:00" ends="2026-12-05 11:00" capacity=$SEATS >/dev/null
i=1
while [ $i -le $((RACERS + 2)) ]; do
	"$M" add person name="Person $i" >/dev/null
	"$M" register 1 $i >/dev/null
	i=$((i + 1))
done

# Every process waits on one line of a FIFO; writing all the lines at once
# releases them together (opened read-write, the FIFO never blocks).
mkfifo "$T/go"
exec 3<>"$T/go"
pids=""
i=1
while [ $i -le $RACERS ]; do
	(
		read -r _ <"$T/go"
		exec "$M" signup 1 "$i"
	) >"$T/out.$i" 2>"$T/err.$i" &
	pids="$pids $!"
	i=$((i + 1))
done
i=0
while [ $i -lt $RACERS ]; do
	echo go >&3
	i=$((i + 1))
done
failed=0
for p in $pids; do
	wait "$p" || failed=$((failed + 1))
done
exec 3>&-

sql() { sqlite3 "$MUSTER_DB" "$1"; }

t_equal race-all-answered "$failed" 0
t_equal race-seated "$(sql "SELECT count(*) FROM signup WHERE session = 1 AND status = 'registered'")" $SEATS
t_equal race-waiting "$(sql "SELECT count(*) FROM signup WHERE session = 1 AND status = 'waitlisted'")" $((RACERS - SEATS))
# commit order: ids are given as the writes commit, one after another
t_equal race-commit-order \
	"$(sql "SELECT group_concat(waitlist_position, ' ') FROM (SELECT waitlist_position FROM signup WHERE status = 'waitlisted' ORDER BY id)")" \
	"1 2 3 4 5 6 7 8 9 10"
t_equal race-seated-first \
	"$(sql "SELECT count(*) FROM signup s JOIN signup w ON w.session = s.session WHERE s.status = 'registered' AND w.status = 'waitlisted' AND s.id > w.id")" 0
if cat "$T"/err.* | grep -qiE 'locked|busy'; then
	t_fail race-never-locked "$(cat "$T"/err.* | grep -iE 'locked|busy' | head -3)"
else
	t_ok race-never-locked
fi
# each process said what is stored
wrong=0
i=1
while [ $i -le $RACERS ]; do
	st=$(sql "SELECT CASE status WHEN 'waitlisted' THEN 'waitlisted at position ' || waitlist_position ELSE 'signed up' END FROM signup WHERE session = 1 AND person = $i")
	grep -q ": $st" "$T/out.$i" || wrong=$((wrong + 1))
	i=$((i + 1))
done
t_equal race-answers-stored "$wrong" 0
t_equal race-audited "$(sql "SELECT count(*) FROM audit WHERE action = 'add' AND entity = 'signup'")" $RACERS
t_expect race-check-clean 0 "$M" check

# cancellations of seated people racing with two more sign-ups
pids=""
for p in $(sql "SELECT person FROM signup WHERE status = 'registered' ORDER BY id LIMIT 3"); do
	"$M" unsignup 1 "$p" >/dev/null 2>&1 &
	pids="$pids $!"
done
for p in $((RACERS + 1)) $((RACERS + 2)); do
	"$M" signup 1 "$p" >/dev/null 2>&1 &
	pids="$pids $!"
done
for p in $pids; do wait "$p"; done
t_equal cancel-seated "$(sql "SELECT count(*) FROM signup WHERE session = 1 AND status = 'registered'")" $SEATS
t_equal cancel-positions \
	"$(sql "SELECT group_concat(waitlist_position, ' ') FROM (SELECT waitlist_position FROM signup WHERE status = 'waitlisted' ORDER BY waitlist_position)")" \
	"1 2 3 4 5 6 7 8 9"
t_equal cancel-promotions "$(sql "SELECT count(*) FROM audit WHERE action = 'promote' AND entity = 'signup'")" 3
t_expect cancel-check-clean 0 "$M" check
