#!/bin/sh
# ids.sh - ids where a lead might type one (#20 item 10), at 80x24 with the
# demo: # shows each row's id in a first column of every list (hidden by
# default), # again hides it, ? help lists the key, and a row's read-only
# view has its id in its title.
. "$(dirname "$0")/../lib.sh"
TM_NAME=ids
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
EV=$(tsv events | awk -F'\t' '$2 ~ /Forum/ { print $1 }')
# the forum's first shift in time order, as the Shifts tab lists it
FIRST=$(tsv shifts --event "$EV" | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ print $c["starts"] "\t" $1 }' | sort | head -1 | cut -f2)
[ -n "$FIRST" ] || t_fail fixture "no shift in the forum"

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_lacks ids-hidden-by-default "ID Event"
tm_keys '#'
tm_expect ids-shown "ID Event"
tm_expect ids-said "Lists show each row's id"
tm_expect event-id " $EV Eastern Seaboard"
tm_keys Down Enter 7
tm_expect shifts-ids " ID When"
tm_expect first-shift-id " $FIRST Sat 13 Mar"
tm_keys '#'
tm_expect_gone ids-hidden-again " ID When"
tm_keys '?'
tm_expect help-opens "Help: keys"
# the line is among the keys that work everywhere, near the end: from the
# last page back a page at a time until it shows
tm_keys End
for _ in 1 2 3; do tm_wait "show or hide each row's id" 3 && break; tm_keys PPage; done
tm_expect help-lists-ids "show or hide each row's id"
tm_keys q
tm_keys 3 Enter
tm_expect room-view-id-in-title "(e edits it from the list)"
tm_keys q q Q
tm_expect quits "[muster exited with status 0]"
