#!/bin/sh
# kiosk_syscalls.sh - traced with strace through a whole session (sign in,
# check in, sign up, control and function keys, shell-like input, a wrong
# PIN, SIGTERM), the kiosk never starts a process and opens no file but the
# database (with its -wal/-shm and folder), /dev/urandom and zoneinfo.
# (Under ASan, LeakSanitizer is off here: its exit-time checker is a thread
# and cannot run under ptrace.)
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/kiosk.sh"

if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
	echo "ok - kiosk-syscalls # SKIP strace missing or not permitted here"
	exit 0
fi
k_fixture
PIN=$(k_pin 1)
$KTMUX new-session -d -s a -x 80 -y 24 \
	"strace -f -e trace=execve,execveat,fork,vfork,clone,clone3,open,openat,creat -o '$T/trace' env ASAN_OPTIONS=detect_leaks=0 MUSTER_DB='$MUSTER_DB' MUSTER_CONFIG='$MUSTER_CONFIG' MUSTER_NOW='$MUSTER_NOW' $M kiosk; echo \$? >'$T/a.status'"
$KTMUX set-option -t a remain-on-exit on >/dev/null
k_check a traced-kiosk-up "Type or scan your volunteer code"
started=$(wc -l <"$T/trace")

k_type a '!sh'
k_keys a Enter
k_wait a "Now type your PIN" 5
k_keys a Escape
k_sign_in a "$DANA" "$PIN"
k_check a traced-signed-in "Your upcoming shifts" 15
k_keys a i
k_wait a "Done:" 5
k_keys a C-c C-z 'C-\' F1 F2 F5 F9 F10 F12 '!' '|' ':' '/' C-x C-e C-o
k_keys a s
k_wait a "Open shifts" 5
k_keys a Enter
k_wait a "Press Y" 5
k_keys a y
k_check a traced-signed-up "Done: You are signed up" 10
k_keys a q
k_sign_in a "$DANA" "000000"
k_check a traced-wrong-pin "not accepted" 15
tracer=$(k_pid a)
kill -s TERM "$(ps -o pid= --ppid "$tracer" | tr -d ' ')"
t_equal traced-exit "$(k_exit a)" 0

after=$(tail -n +"$((started + 1))" "$T/trace")
spawned=$(printf '%s\n' "$after" | grep -E ' (execve|execveat|fork|vfork|clone|clone3)\(' || true)
if [ -z "$spawned" ]; then
	t_ok no-process-started
else
	t_fail no-process-started "$spawned"
fi
dir=$(dirname "$MUSTER_DB")
opened=$(printf '%s\n' "$after" | grep -E ' (open|openat|creat)\(' |
	sed -n 's/.*("\([^"]*\)".*/\1/p; s/.*, "\([^"]*\)".*/\1/p' | sort -u)
bad=$(printf '%s\n' "$opened" | grep -v -E "^($MUSTER_DB(-wal|-shm|-journal)?|$dir|/dev/urandom|/usr/share/zoneinfo/.*)\$" || true)
if [ -n "$opened" ] && [ -z "$bad" ]; then
	t_ok only-database-files
else
	t_fail only-database-files "opened: $(printf '%s ' $bad)" "all: $(printf '%s ' $opened)"
fi

# the locale comes from nowhere but C.UTF-8: an SSH client chooses LANG, and
# a locale name may be a path to files the kiosk would read
mkdir -p "$T/evil-locale"
strace -f -e trace=open,openat -o "$T/trace-locale" env ASAN_OPTIONS=detect_leaks=0 \
	LANG="$T/evil-locale" LC_ALL="$T/evil-locale" LC_CTYPE="$T/evil-locale" \
	"$M" kiosk </dev/null >/dev/null 2>&1
if grep -q "evil-locale" "$T/trace-locale"; then
	t_fail kiosk-ignores-locale-env "$(grep evil-locale "$T/trace-locale" | head -3)"
else
	t_ok kiosk-ignores-locale-env
fi
strace -f -e trace=open,openat -o "$T/trace-locale2" env LC_ALL="$T/evil-locale" \
	"$M" --version >/dev/null 2>&1
if grep -q "evil-locale" "$T/trace-locale2"; then
	t_ok locale-env-read-elsewhere
else
	t_fail locale-env-read-elsewhere "the check above would prove nothing"
fi
