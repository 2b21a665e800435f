#!/bin/sh
# pan.sh - the : prompt's output fits (#20 item 10), at 80x24 on the demo:
# ":report coverage" opens in a view that scrolls (j/k, PgDn/PgUp, g/G)
# and pans sideways (h/l, arrows), its footer says so, and every column and
# the day's total line can be read whole by panning; ":report hours" keeps
# its box lined up over the Korean names, panned or not; a usage error
# longer than the screen is wrapped in a box instead of cut.
. "$(dirname "$0")/../lib.sh"
TM_NAME=pan
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
EV=$("$M" list events --format tsv | awk -F'\t' '$2 ~ /Forum/ { print $1 }')
TOTAL=$("$M" report coverage --event "$EV" | grep "volunteer-hours short" | tail -1 | sed 's/^ *//')
HEAD=$(echo "$TOTAL" | cut -c1-30)
TAIL=$(echo "$TOTAL" | rev | cut -c1-30 | rev)

boxes() {
	if out=$(tm_screen | /usr/bin/python3 "$(dirname "$0")/lib/boxes.py" --min 1); then
		t_ok "$1"
	else
		t_fail "$1" "$out" "$(tm_screen | sed 's/^/|/')"
	fi
}

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Down Enter
tm_expect forum "1Agenda"
tm_keys :
tm_type "report coverage"
tm_keys Enter
tm_expect coverage-box "Coverage: event $EV"
tm_expect footer-says-keys "j/k PgDn/PgUp scroll · h/l pan · g/G · q closes"
tm_lacks over-column-out-of-view "gap  over"
tm_keys l
tm_expect pans-to-over-column "need  filled  gap  over"
tm_lacks panned-left-edge-gone "Coverage: event"
tm_keys Right
tm_expect right-arrow-pans "times in America/New_York"
tm_keys G
tm_expect end-shows-last-line "lines 2"
tm_expect total-tail-by-panning "$TAIL"
tm_keys h Left h
tm_expect total-head-by-panning "$HEAD"
tm_keys g
tm_expect top-again "Coverage: event $EV"
tm_keys NPage
tm_expect page-down "lines 20-"
tm_keys q
tm_expect_gone closes "Coverage: event $EV"

# wide names: the box stays lined up, as it is and panned
tm_keys :
tm_type "report hours"
tm_keys Enter
tm_expect hours-box "Volunteer hours: event $EV"
tm_keys G
tm_expect korean-names "최도윤"
boxes hours-box-lines-up
tm_keys l
tm_expect hours-panned "630.00          0.00         0         0"
boxes hours-panned-box-lines-up
tm_keys q

# a usage error longer than the line: wrapped whole in a box
tm_keys :
tm_type "report"
tm_keys Enter
tm_expect usage-boxed "┌ Error"
tm_expect usage-whole "table|tsv|csv|json]"
boxes usage-box-lines-up
tm_keys q
tm_expect_gone usage-closes "┌ Error"

tm_keys q Q
tm_expect quits "[muster exited with status 0]"
