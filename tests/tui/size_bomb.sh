#!/bin/sh
# size_bomb.sh - an SSH client may ask for any terminal size. In a
# pseudo-terminal of 30000x30000 lines and columns (and after a live resize
# to 4000x4000), the kiosk and the coordinator screen draw within a bounded
# size and their peak memory stays under 64 MiB; SIGHUP, SIGTERM and a closed
# terminal (a dropped connection) end them within a second, start-up
# included. Memory is read from /proc (VmHWM); the second is a bound on how
# long a process may outlive its connection, polled generously.
. "$(dirname "$0")/../lib.sh"

PTYRUN="/usr/bin/python3 $SUITE_DIR/lib/ptyrun.py"
LIMIT_KIB=$((64 * 1024))
"$M" demo >/dev/null || {
	t_fail size-demo "muster demo failed"
	exit 1
}

# run NAME ptyrun-options... -- command: keeps the key=value report in $R
run() {
	name=$1
	shift
	R=$(env TERM=xterm-256color $PTYRUN "$@")
	printf '%s\n' "$R" >"$T/$name.report"
}
val() { printf '%s\n' "$R" | sed -n "s/^$1=//p"; }

# bounded: drawn, peak under 64 MiB, ended within a second with status WANT
check() { # NAME WANT_STATUS
	if [ "$(val drawn)" = yes ]; then t_ok "$1-draws"; else t_fail "$1-draws" "$R"; fi
	peak=$(val peak_kib)
	if [ "$(val rss_limit_hit)" = no ] && [ -n "$peak" ] && [ "$peak" -gt 0 ] &&
		[ "$peak" -lt "$LIMIT_KIB" ]; then
		t_ok "$1-memory-bounded"
	else
		t_fail "$1-memory-bounded" "peak ${peak:-?} KiB, limit $LIMIT_KIB KiB" "$R"
	fi
	if [ "$(val ended)" = yes ]; then t_ok "$1-ends-within-a-second"; else t_fail "$1-ends-within-a-second" "$R"; fi
	t_equal "$1-status" "$(val status)" "$2"
}

K="$M kiosk"
run kiosk-30000 --size 30000x30000 --wait "Type or scan" --end hup -- $K
check kiosk-30000-hup 0
# what it drew stays inside 200 lines and 500 columns
if [ "$(val max_row)" -le 200 ] && [ "$(val max_col)" -le 500 ] && [ "$(val max_col)" -gt 80 ]; then
	t_ok kiosk-30000-draws-bounded
else
	t_fail kiosk-30000-draws-bounded "$R"
fi
run kiosk-resize --size 24x80 --wait "Type or scan" --resize 4000x4000 --end close -- $K
check kiosk-resize-4000-closed 0
run kiosk-shrink --size 30000x30000 --wait "Type or scan" --resize 20x60 --end term -- $K
check kiosk-shrink-term 0
run kiosk-env --size 0x0 --wait "Type or scan" --end hup -- env LINES=30000 COLUMNS=30000 $K
check kiosk-env-lines-columns 0

# at once, wherever start-up is: a huge terminal cannot delay it
ended_early() { # NAME: ended by the signal itself (0, or killed by it), not the watchdog
	case "$(val ended) $(val rss_limit_hit) $(val status)" in
	"yes no 0" | "yes no -1" | "yes no -15") t_ok "$1" ;;
	*) t_fail "$1" "$R" ;;
	esac
}
run kiosk-early --size 30000x30000 --early --end hup -- $K
ended_early kiosk-hup-in-start-up
run kiosk-early-term --size 30000x30000 --early --end term -- $K
ended_early kiosk-term-in-start-up

# the coordinator screen, which leads also reach over SSH
run coord-30000 --size 30000x30000 --wait "Events" --end hup -- "$M"
check coordinator-30000-hup 0
run coord-resize --size 24x80 --wait "Events" --resize 4000x4000 --end term -- "$M"
check coordinator-resize-4000-term 0
run coord-close --size 30000x30000 --wait "Events" --end close -- "$M"
ended_early coordinator-closed-terminal-ends
run coord-early --size 30000x30000 --early --end hup -- "$M"
ended_early coordinator-hup-in-start-up
