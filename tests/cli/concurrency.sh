#!/bin/sh
# concurrency.sh - many writers at once on one database (SPEC section 3):
# 20 processes race for one shift with need_max 10 while 16 others register
# for an event with 5 seats, all released at the same instant. Exactly 10
# assignments and 5 seats result, the rest are refused or waitlisted in
# order, nobody sees "database is locked", and every write acknowledged
# with exit 0 is there. Then writers are killed with SIGKILL mid-way
# (tests/helpers/crashwriter.c) and the database must stay intact with every
# acknowledged write present.
. "$(dirname "$0")/../lib.sh"

HELPERS=${UNIT_DIR:-$TESTS_DIR/../build/tests}
ASSIGNERS=20
REGISTRANTS=16

"$M" add event name=Forum starts="2026-12-05 08:00" ends="2026-12-05 18:00" \
	tz=America/Chicago capacity=5 >/dev/null
"$M" add role event=1 name=Greeter >/dev/null
"$M" add shift event=1 role=1 starts="2026-12-05 09:00" ends="2026-12-05 11:00" \
	need_min=10 need_max=10 >/dev/null
i=1
while [ $i -le $((ASSIGNERS + REGISTRANTS)) ]; do
	"$M" add person name="Person $i" >/dev/null
	i=$((i + 1))
done

# Every process waits on one line of a FIFO; writing all the lines at once
# releases them together. Opened read-write, the FIFO never blocks and
# keeps its lines for a process that starts late.
mkfifo "$T/go"
exec 3<>"$T/go"
pids=""
i=1
while [ $i -le $((ASSIGNERS + REGISTRANTS)) ]; do
	if [ $i -le $ASSIGNERS ]; then
		set -- assign 1 "$i"
	else
		set -- register 1 "$i"
	fi
	(
		read -r _ <"$T/go"
		exec "$M" "$@"
	) >"$T/out.$i" 2>"$T/err.$i" &
	pids="$pids $!"
	i=$((i + 1))
done
i=0
while [ $i -lt $((ASSIGNERS + REGISTRANTS)) ]; do
	echo go >&3
	i=$((i + 1))
done
i=1
for p in $pids; do
	wait "$p"
	echo $? >"$T/rc.$i"
	i=$((i + 1))
done
exec 3>&-

count_rc() { # FIRST LAST RC: how many of processes FIRST..LAST exited RC
	n=0 k=$1
	while [ "$k" -le "$2" ]; do
		[ "$(cat "$T/rc.$k")" = "$3" ] && n=$((n + 1))
		k=$((k + 1))
	done
	echo $n
}

t_equal race-assign-ten-succeed "$(count_rc 1 $ASSIGNERS 0)" 10
t_equal race-assign-ten-refused "$(count_rc 1 $ASSIGNERS 1)" 10
t_equal race-active-assignments \
	"$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM assignment WHERE shift = 1 AND status = 'signed_up'")" 10
t_equal race-full-message "$(cat "$T"/err.* | grep -c 'is full (10 of 10 places taken)')" 10
t_equal race-register-all-succeed "$(count_rc $((ASSIGNERS + 1)) $((ASSIGNERS + REGISTRANTS)) 0)" $REGISTRANTS
if cat "$T"/err.* | grep -qiE 'locked|busy'; then
	t_fail race-never-locked "$(cat "$T"/err.* | grep -iE 'locked|busy' | head -3)"
else
	t_ok race-never-locked
fi

# acknowledged = present: each assigner that exited 0 holds its place
missing=0
k=1
while [ $k -le $ASSIGNERS ]; do
	if [ "$(cat "$T/rc.$k")" = 0 ] &&
		[ "$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM assignment WHERE shift = 1 AND person = $k")" != 1 ]; then
		missing=$((missing + 1))
	fi
	k=$((k + 1))
done
t_equal race-acknowledged-present $missing 0

# the registrants: 5 seated attendees, 11 waiting at 1..11 in commit order
t_equal race-seated "$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM registration WHERE kind = 'attendee' AND status = 'registered'")" 5
t_equal race-waitlist-positions \
	"$(sqlite3 "$MUSTER_DB" "SELECT group_concat(waitlist_position, ' ') FROM (SELECT waitlist_position FROM registration WHERE status = 'waitlisted' ORDER BY id)")" \
	"1 2 3 4 5 6 7 8 9 10 11"
t_equal race-volunteers-registered "$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM registration WHERE kind = 'volunteer'")" 10
t_expect race-check-clean 0 "$M" check
t_equal race-audit-complete "$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM audit WHERE action = 'add' AND entity IN ('assignment', 'registration')")" 36

# cancellations racing with registrations keep the waitlist whole
pids=""
for p in 21 22 23; do
	"$M" unregister 1 $p >/dev/null 2>&1 &
	pids="$pids $!"
done
"$M" add person name=Late >/dev/null
"$M" register 1 37 >/dev/null 2>&1 &
pids="$pids $!"
for p in $pids; do wait "$p"; done
t_expect race-cancel-check-clean 0 "$M" check
t_equal race-cancel-seated "$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM registration WHERE kind = 'attendee' AND status = 'registered'")" 5
t_equal race-cancel-positions \
	"$(sqlite3 "$MUSTER_DB" "SELECT group_concat(waitlist_position, ' ') FROM (SELECT waitlist_position FROM registration WHERE status = 'waitlisted' ORDER BY waitlist_position)")" \
	"1 2 3 4 5 6 7 8 9"

# SIGKILL mid-way: the helper forks writers, kills them at random moments,
# then checks integrity and that every acknowledged write is there.
if [ -x "$HELPERS/crashwriter" ]; then
	t_run "$HELPERS/crashwriter" "$T/crash.db" 12 4
	if [ "$RC" -eq 0 ]; then
		t_ok crash-intact
	else
		t_fail crash-intact "exit $RC" "$OUT" "$ERR"
	fi
	t_contains crash-killed-mid-way "killed"
	t_contains crash-integrity-ok "integrity ok"
	t_expect crash-check-clean 0 "$M" --db "$T/crash.db" check
else
	t_fail crash-intact "no helper at $HELPERS/crashwriter (make unit builds it)"
fi
