#!/bin/sh
# privacy.sh - the event screen's title says how many of its people the next
# privacy sweep would erase ([privacy] retain_days_after_event), the number
# `privacy sweep --dry-run` gives for them; an event still held says nothing.
. "$(dirname "$0")/../lib.sh"
TM_NAME=privacy
. "$(dirname "$0")/lib/tmux.sh"
export MUSTER_NOW=2027-03-20T12:00:00Z

"$M" demo >/dev/null || t_fail demo "muster demo failed"
printf '[privacy]\nretain_days_after_event = 30\n' >"$MUSTER_CONFIG"
N=$("$M" privacy sweep --dry-run | grep -c '^would erase')

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Enter
tm_expect gathering-count "sweep erases $N · Lakeshore"
tm_keys Escape
tm_expect back "Eastern Seaboard Forum"
tm_keys Down Enter
tm_expect forum "Brandywine Room"
tm_lacks forum-held "sweep erases"
# after the sweep the gathering has nobody left to erase
"$M" privacy sweep >/dev/null
tm_keys Escape
tm_expect back-again "Eastern Seaboard Forum"
tm_keys Up Enter
tm_expect gathering-open "Lakeshore"
tm_lacks gathering-swept "sweep erases"
