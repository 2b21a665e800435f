# kiosk.sh - helpers for the kiosk tests (sourced after tests/lib.sh): a
# fixture of one event with shifts and volunteers, PINs, and a private tmux
# server running `muster kiosk` at 80x24, read by polling capture-pane.
#   k_fixture                    event, people, shifts; sets DANA ZED EVE codes
#   k_pin PERSON_ID              sets a new PIN (muster pin), prints it
#   k_start NAME                 start a kiosk in tmux session NAME
#   k_pid NAME                   the kiosk's process id
#   k_exit NAME                  wait for the kiosk to end; prints its exit status
#   k_keys NAME KEYS...          tmux send-keys
#   k_type NAME TEXT             type literal text
#   k_screen NAME                the screen as text
#   k_wait NAME TEXT [SECONDS]   poll until the screen shows TEXT (0) or time out (1)
#   k_wait_gone NAME TEXT [S]    poll until the screen no longer shows TEXT
#   k_sign_in NAME CODE PIN      type code, Enter, PIN, Enter
#   k_sql SQL                    one value from the database
KSOCK="muster-kiosk-$$"
KTMUX="tmux -L $KSOCK -f /dev/null"
trap '$KTMUX kill-server 2>/dev/null; rm -rf "$T"' EXIT

# The kiosk runs under a shell that writes its exit status to $T/NAME.status
# (tmux does not always report a dead pane's status).
k_start() {
	rm -f "$T/$1.status"
	$KTMUX new-session -d -s "$1" -x 80 -y 24 \
		"env MUSTER_DB='$MUSTER_DB' MUSTER_CONFIG='$MUSTER_CONFIG' MUSTER_NOW='$MUSTER_NOW' $M kiosk; echo \$? >'$T/$1.status'"
	$KTMUX set-option -t "$1" remain-on-exit on >/dev/null
}

k_pid() {
	_kshell=$($KTMUX display-message -p -t "$1" '#{pane_pid}')
	ps -o pid= --ppid "$_kshell" | tr -d ' '
}

k_exit() {
	_ki=0
	while [ ! -s "$T/$1.status" ] && [ $_ki -lt 100 ]; do
		sleep 0.1
		_ki=$((_ki + 1))
	done
	cat "$T/$1.status" 2>/dev/null || echo "still running"
}

k_running() { # NAME: "yes" while the kiosk runs
	if [ -e "$T/$1.status" ]; then echo no; else echo yes; fi
}

k_keys() {
	_kn=$1
	shift
	$KTMUX send-keys -t "$_kn" "$@"
}

k_type() {
	$KTMUX send-keys -t "$1" -l "$2"
}

k_screen() {
	$KTMUX capture-pane -p -t "$1"
}

k_pane() { # NAME FORMAT
	$KTMUX display-message -p -t "$1" "$2"
}

k_wait() {
	_klimit=$((${3:-10} * 10))
	_ki=0
	while [ $_ki -lt $_klimit ]; do
		case "$(k_screen "$1")" in
		*"$2"*) return 0 ;;
		esac
		sleep 0.1
		_ki=$((_ki + 1))
	done
	return 1
}

k_wait_gone() {
	_klimit=$((${3:-10} * 10))
	_ki=0
	while [ $_ki -lt $_klimit ]; do
		case "$(k_screen "$1")" in
		*"$2"*) ;;
		*) return 0 ;;
		esac
		sleep 0.1
		_ki=$((_ki + 1))
	done
	return 1
}

# k_check NAME TEXT [SECONDS]: a test result from k_wait.
k_check() {
	if k_wait "$1" "$3" "${4:-10}"; then
		t_ok "$2"
	else
		t_fail "$2" "screen never showed: $3" "$(k_screen "$1" | sed 's/^/|/')"
	fi
}

k_sign_in() {
	k_wait "$1" "Type or scan your volunteer code" 30
	k_type "$1" "$2"
	k_keys "$1" Enter
	k_wait "$1" "Now type your PIN" 30
	k_type "$1" "$3"
	k_keys "$1" Enter
}

k_sql() {
	sqlite3 "$MUSTER_DB" "$1"
}

k_code() { # PERSON_ID
	k_sql "SELECT volunteer_code FROM person WHERE id = $1"
}

# A new PIN for a person: `muster pin` prints it alone on the last line.
k_pin() {
	"$M" pin "$1" | tail -n 1
}

# One event (New York) around the pinned clock (2026-11-24 07:00 local), a
# room, two roles with leads, five shifts, and volunteers:
#   1 Dana Reyes (signs in), 2 Zed Quill (another volunteer on the same
#   shifts), 3 Lena Marsh (lead of Greeter), 4 Cora Hidden (confidential lead
#   of Registration), 5 the name with escape sequences.
k_fixture() {
	"$M" add event name="Harbor Forum" starts="2026-11-24 06:00" ends="2026-12-06 20:00" \
		tz=America/New_York venue="Harbor Hall" >/dev/null &&
	"$M" add room event=1 name="Lobby" >/dev/null &&
	"$M" add person name="Dana Reyes" email=dana@example.org phone=555-0101 >/dev/null &&
	"$M" add person name="Zed Quill" email=zed@example.org phone=555-0199 >/dev/null &&
	"$M" add person name="Lena Marsh" email=lena@example.org >/dev/null &&
	"$M" add person name="Cora Hidden" confidential=1 >/dev/null &&
	"$M" add person name="Eve Mallory" >/dev/null &&
	sqlite3 "$MUSTER_DB" "UPDATE person SET name = 'Eve' || char(27) || '[2J' || char(27) ||
	  ']0;pwned' || char(7) || ' Mallory' || char(27) || '[31m' WHERE id = 5" &&
	"$M" add role event=1 name=Greeter lead=3 >/dev/null &&
	"$M" add role event=1 name=Registration lead=4 >/dev/null &&
	"$M" add shift event=1 role=1 room=1 starts="2026-11-24 07:00" ends="2026-11-24 09:00" need_max=3 >/dev/null &&
	"$M" add shift event=1 role=1 room=1 starts="2026-12-05 09:00" ends="2026-12-05 11:00" need_max=3 >/dev/null &&
	"$M" add shift event=1 role=2 starts="2026-12-05 13:00" ends="2026-12-05 15:00" need_max=2 >/dev/null &&
	"$M" add shift event=1 role=2 starts="2026-12-05 14:00" ends="2026-12-05 16:00" need_max=2 >/dev/null &&
	"$M" add shift event=1 role=2 starts="2026-12-06 09:00" ends="2026-12-06 11:00" need_max=1 >/dev/null &&
	"$M" add assignment shift=1 person=1 >/dev/null &&
	"$M" add assignment shift=1 person=2 >/dev/null &&
	"$M" add assignment shift=2 person=1 >/dev/null &&
	"$M" add assignment shift=3 person=2 >/dev/null &&
	"$M" add assignment shift=5 person=2 >/dev/null &&
	"$M" add assignment shift=1 person=5 >/dev/null || {
		t_fail fixture "building the kiosk fixture failed"
		exit 1
	}
	DANA=$(k_code 1)
	ZED=$(k_code 2)
	EVE=$(k_code 5)
}
