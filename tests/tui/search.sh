#!/bin/sh
# search.sh - a search filter never hides silently (#20 item 11), at 80x24
# with the demo: searching the Shifts tab matches the text its Where column
# shows (a shift placed by its notes, "Main lobby registration counters"),
# the caption says how many shifts match and how many are short, and it
# still says so on return from a shift's screen.
. "$(dirname "$0")/../lib.sh"
TM_NAME=search
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
EV=$(tsv events | awk -F'\t' '$2 ~ /Forum/ { print $1 }')
# shifts with neither room nor booth, placed by their notes (any case, as LIKE)
N=$(tsv shifts --event "$EV" | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	$c["room"] == "" && $c["booth"] == "" && tolower($c["notes"]) ~ /main lobby/ { n++ } END { print n + 0 }')
[ "$N" -gt 0 ] || t_fail fixture "no shift placed by its notes in the demo"

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Down Enter 7
tm_expect shifts-tab "Filled/needed"
tm_keys /
tm_type "Main lobby"
tm_keys Enter
tm_expect where-searched "Filter \"Main lobby\" matches $N shifts" 30
tm_expect where-row "Main lobby"
tm_lacks not-nothing "Nothing matches"
tm_keys Enter
tm_expect shift-opens "Staffed:"
tm_keys q
tm_expect filter-said-on-return "Filter \"Main lobby\" matches $N shifts"
tm_expect filter-how-to-clear "Esc shows all"
tm_keys Escape
tm_expect_gone filter-cleared "Filter \"Main lobby\""
tm_keys q Q
tm_expect quits "[muster exited with status 0]"
