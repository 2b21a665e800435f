#!/bin/sh
# prompt.sh - the : prompt works on the event open on screen (#20 item 10),
# at 80x24 with the demo: ":report coverage" and ":export ics -o FILE" in the
# forum run for the forum (the box's title says "--event ID"); a line that
# names its own scope keeps it; on the events list nothing is added.
. "$(dirname "$0")/../lib.sh"
TM_NAME=prompt
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
EV=$(tsv events | awk -F'\t' '$2 ~ /Forum/ { print $1 }')
OTHER=$(tsv events | awk -F'\t' 'NR > 1 && $2 !~ /Forum/ { print $1; exit }')

tm_start
tm_expect events "Eastern Seaboard Forum"
# no event open: the command's own usage error, nothing added
tm_keys :
tm_type "report coverage"
tm_keys Enter
tm_expect no-event-usage "--event"
tm_lacks no-event-no-box "report coverage --event"

tm_keys Down Enter
tm_expect forum "1Agenda"
tm_keys :
tm_type "report coverage"
tm_keys Enter
tm_expect report-for-forum "report coverage --event $EV"
tm_expect report-says-forum "Coverage: event $EV"
tm_keys q
tm_expect_gone report-closes "report coverage --event"

tm_keys :
tm_type "export ics -o $T/forum.ics"
tm_keys Enter
tm_expect export-done "events written to $T/forum.ics" 30
tm_expect export-for-forum "┌ export ics -o $T/forum.ics --ev"
tm_keys q
case "$(cat "$T/forum.ics" 2>/dev/null)" in
*"Mapping forced labor in seafood"*) t_ok export-has-forum-session ;;
*) t_fail export-has-forum-session "$(head -c 300 "$T/forum.ics" 2>&1)" ;;
esac

# a line naming its own event keeps it
tm_keys :
tm_type "report coverage --event $OTHER"
tm_keys Enter
tm_expect own-event-kept "Coverage: event $OTHER"
tm_lacks own-event-not-doubled "--event $OTHER --event"
tm_keys q

tm_keys q Q
tm_expect quits "[muster exited with status 0]"
