#!/bin/sh
# kiosk_signals.sh - no signal leaves a volunteer's data on the kiosk screen.
# With a volunteer signed in and their shifts showing, every catchable signal
# is sent to the kiosk in tmux: those that end a process by default wipe the
# screen and exit 0 (as HUP and TERM always did), the ones a kiosk ignores
# leave it running and answering keys, and a crash (SEGV, ABRT, BUS, FPE,
# ILL) wipes the screen before the process dies of it. A kiosk waiting on a
# database another process holds locked ends the same way.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/kiosk.sh"

k_fixture
PIN=$(k_pin 1)
# many kiosks sign the same volunteer in at once: each attempt counts until
# its PIN is checked, so allow more than that
printf '[kiosk]\npin_attempts = 100\n' >"$MUSTER_CONFIG"

# signal numbers by name, from the C library through Python
signum() {
	/usr/bin/python3 -c "import signal, sys; print(int(getattr(signal, 'SIG' + sys.argv[1])))" "$1"
}

# A kiosk whose crash leaves no core file.
s_start() {
	rm -f "$T/$1.status"
	$KTMUX new-session -d -s "$1" -x 80 -y 24 \
		"ulimit -c 0; env MUSTER_DB='$MUSTER_DB' MUSTER_CONFIG='$MUSTER_CONFIG' MUSTER_NOW='$MUSTER_NOW' $M kiosk; echo \$? >'$T/$1.status'"
	$KTMUX set-option -t "$1" remain-on-exit on >/dev/null
}

# Dana's data as the signed-in screen shows it
shows_data() { # NAME: 0 when any of it is on screen
	case "$(k_screen "$1")" in
	*Dana* | *"Your upcoming"* | *Greeter* | *Lobby* | *Lena* | *"Harbor Forum"*) return 0 ;;
	esac
	return 1
}

# Sign a volunteer in on each named kiosk (in parallel: start all, then type).
signed_in() { # NAMES...
	for n in "$@"; do s_start "$n"; done
	for n in "$@"; do k_sign_in "$n" "$DANA" "$PIN"; done
	for n in "$@"; do
		if k_wait "$n" "Your upcoming shifts" 40 && shows_data "$n"; then :; else
			t_fail "$n-signed-in" "$(k_screen "$n" | sed 's/^/|/')"
		fi
	done
}

wiped() { # NAME TEST
	if shows_data "$1"; then
		t_fail "$2" "$(k_screen "$1" | sed 's/^/|/')"
	else
		t_ok "$2"
	fi
}

# Signals that end a process by default: wiped, exit 0.
ENDING="HUP TERM USR1 USR2 ALRM VTALRM PROF XCPU XFSZ POLL SYS TRAP STKFLT PWR RTMIN RTMAX"
signed_in $ENDING
for name in $ENDING; do
	kill -s "$(signum "$name")" "$(k_pid "$name")"
done
for name in $ENDING; do
	t_equal "sig$name-exits-0" "$(k_exit "$name")" 0
	wiped "$name" "sig$name-wipes-screen"
done

# Ignored: the kiosk stays signed in and answers keys.
IGNORED="INT QUIT TSTP TTIN TTOU PIPE CHLD URG WINCH CONT"
signed_in ign
for name in $IGNORED; do
	kill -s "$(signum "$name")" "$(k_pid ign)"
done
k_keys ign Down
k_keys ign Up
k_keys ign C-l
if k_wait ign "> Tue 24 Nov" 10 && [ "$(k_running ign)" = yes ]; then
	t_ok ignored-signals-keep-kiosk
else
	t_fail ignored-signals-keep-kiosk "$(k_screen ign | sed 's/^/|/')"
fi
kill -s TERM "$(k_pid ign)"
t_equal ignored-then-term-exits-0 "$(k_exit ign)" 0
wiped ign ignored-then-term-wipes

# A crash: wiped first, then the default action (death by the signal).
CRASHES="SEGV ABRT BUS FPE ILL"
signed_in $CRASHES
for name in $CRASHES; do
	kill -s "$(signum "$name")" "$(k_pid "$name")"
done
for name in $CRASHES; do
	t_equal "sig$name-dies-of-it" "$(k_exit "$name")" "$((128 + $(signum "$name")))"
	wiped "$name" "sig$name-wipes-screen"
done

# Waiting on the database (another process holds the write lock): a signal
# still ends it at once, wiped.
printf '[database]\nbusy_timeout_ms = 600000\n[kiosk]\npin_attempts = 100\n' >"$MUSTER_CONFIG"
signed_in dbwait
# The holder waits its turn for the lock (the kiosk may be writing as it
# starts), so that BEGIN IMMEDIATE cannot fail and leave nothing held.
(
	echo '.timeout 60000'
	echo 'BEGIN IMMEDIATE;'
	echo "INSERT INTO kiosk_lock(code, failures, locked_until) VALUES ('HOLD', 0, 0);"
	while [ ! -e "$T/release" ]; do sleep 0.1; done
	echo 'ROLLBACK;'
) | sqlite3 "$MUSTER_DB" &
holder=$!
locked() { ! sqlite3 -cmd '.timeout 0' "$MUSTER_DB" 'BEGIN IMMEDIATE; ROLLBACK;' 2>/dev/null; }
i=0
while ! locked && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
k_keys dbwait q
k_sign_in dbwait "$DANA" "$PIN"
if ! locked; then
	t_fail db-wait-set-up "sqlite3 never took the write lock"
elif k_wait dbwait "Checking..." 30 && locked; then
	kill -s USR1 "$(k_pid dbwait)"
	t_equal db-wait-signal-exits-0 "$(k_exit dbwait)" 0
	wiped dbwait db-wait-signal-wipes
else
	t_fail db-wait-set-up "the kiosk never showed Checking... on the locked database" "$(k_screen dbwait | sed 's/^/|/')"
fi
: >"$T/release"
wait "$holder"
