# tmux.sh - drive the real binary in a private tmux server. Source it after
# tests/lib.sh. Every wait polls capture-pane until the text shows or a
# timeout passes; nothing waits a fixed time.
#   tm_start [ARGS...]       run "$M ARGS" in a TM_W x TM_H pane (80x24); when it
#                            exits the pane shows "[muster exited with status N]"
#   tm_keys KEY...           tmux send-keys: Enter, Escape, Tab, BTab, Up, Down,
#                            NPage, C-s, "a" ...
#   tm_type TEXT             type TEXT literally
#   tm_screen                print the pane's text now
#   tm_wait TEXT [SECS]      wait until the pane shows TEXT (default 10 s);
#                            status 0 when it did, 1 on timeout
#   tm_wait_gone TEXT [SECS] wait until the pane no longer shows TEXT
#   tm_expect NAME TEXT [SECS]      t_ok when TEXT shows in time, else t_fail
#                                   with the screen
#   tm_expect_gone NAME TEXT [SECS] t_ok when TEXT goes away in time
#   tm_lacks NAME TEXT       t_ok when the screen does not show TEXT now
#   tm_resize W H            resize the pane's window
#   tm_title                 the pane's title (what escape sequences could set)
#   tm_stop                  kill the server (done at exit too)
# A library in lib/, so tests/run.sh does not take it for a suite.

TM_SOCK="muster-$$-${TM_NAME:-tui}"
TM_W=${TM_W:-80}
TM_H=${TM_H:-24}
TM_POLL=${TM_POLL:-0.05}

tm() { tmux -L "$TM_SOCK" -f /dev/null "$@"; }

# Kill the server and wait until it is gone, so the next start gets a new one.
tm_stop() {
	tm kill-server 2>/dev/null || return 0
	n=0
	while tm list-sessions >/dev/null 2>&1 && [ "$n" -lt 200 ]; do
		sleep "$TM_POLL"
		n=$((n + 1))
	done
	return 0
}
trap 'tm_stop; rm -rf "$T"' EXIT

tm_start() {
	tm_stop
	# The pane runs muster, then reports how it ended and stays open.
	printf '#!/bin/sh\n"$@"\necho "[muster exited with status $?]"\nexec cat >/dev/null\n' >"$T/tm-run.sh"
	tm new-session -d -x "$TM_W" -y "$TM_H" -s main \
		env TERM="${TM_TERM:-screen-256color}" MUSTER_DB="$MUSTER_DB" \
		MUSTER_CONFIG="$MUSTER_CONFIG" MUSTER_NOW="$MUSTER_NOW" HOME="$HOME" \
		XDG_DATA_HOME="$XDG_DATA_HOME" XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
		LANG=C.UTF-8 LC_ALL=C.UTF-8 ${TM_ENV:-} \
		sh "$T/tm-run.sh" "$M" "$@"
	tm set-option -t main status off >/dev/null
}

tm_keys() { tm send-keys -t main "$@"; }
tm_type() { tm send-keys -t main -l "$1"; }
tm_screen() { tm capture-pane -t main -p; }
tm_title() { tm display-message -t main -p '#{pane_title}'; }
tm_resize() { tm resize-window -t main -x "$1" -y "$2"; }

# Poll until the screen does (want=1) or does not (want=0) contain $1.
tm__poll() {
	want=$1 text=$2 secs=${3:-10}
	end=$(($(date +%s) + secs))
	while :; do
		case "$(tm_screen 2>/dev/null)" in
		*"$text"*) [ "$want" = 1 ] && return 0 ;;
		*) [ "$want" = 0 ] && return 0 ;;
		esac
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep "$TM_POLL"
	done
}

tm_wait() { tm__poll 1 "$1" "${2:-10}"; }
tm_wait_gone() { tm__poll 0 "$1" "${2:-10}"; }

# Poll until line $1 of the screen contains $2 (a redraw after a resize
# reaches the last line after the rows above it). Prints the line last seen.
tm_wait_line() {
	n=$1 text=$2 end=$(($(date +%s) + ${3:-10}))
	while :; do
		line=$(tm_screen 2>/dev/null | sed -n "${n}p")
		case "$line" in *"$text"*) echo "$line" && return 0 ;; esac
		[ "$(date +%s)" -ge "$end" ] && echo "$line" && return 1
		sleep "$TM_POLL"
	done
}

tm_expect() {
	if tm_wait "$2" "${3:-10}"; then
		t_ok "$1"
	else
		t_fail "$1" "screen never showed: $2" "$(tm_screen | sed 's/^/|/')"
	fi
}

tm_expect_gone() {
	if tm_wait_gone "$2" "${3:-10}"; then
		t_ok "$1"
	else
		t_fail "$1" "screen still shows: $2" "$(tm_screen | sed 's/^/|/')"
	fi
}

tm_lacks() {
	case "$(tm_screen)" in
	*"$2"*) t_fail "$1" "screen shows: $2" "$(tm_screen | sed 's/^/|/')" ;;
	*) t_ok "$1" ;;
	esac
}
