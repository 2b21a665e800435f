#!/bin/sh
# conflicts.sh - the event's Conflicts tab shows what `muster check --event`
# reports, line for line and in the same order, although its sweep runs
# ahead, between keys, from the moment the event opens; and it follows
# changes made by another process (a conflict mended goes, a new one shows).
. "$(dirname "$0")/../lib.sh"
TM_NAME=conflicts
TM_W=200
TM_H=50
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
# Violations as an import or an older muster could leave them: two sessions
# of the forum in one room at once, more people seated than the forum holds,
# a sign-up of someone who is not registered.
sqlite3 "$MUSTER_DB" "UPDATE session SET room = (SELECT room FROM session WHERE event = 2
 AND room IS NOT NULL ORDER BY id LIMIT 1), starts = (SELECT starts FROM session WHERE event = 2
 AND room IS NOT NULL ORDER BY id LIMIT 1), ends = (SELECT ends FROM session WHERE event = 2
 AND room IS NOT NULL ORDER BY id LIMIT 1) WHERE id IN (SELECT id FROM session WHERE event = 2
 AND room IS NOT NULL ORDER BY id LIMIT 2 OFFSET 1);
UPDATE event SET capacity = 3 WHERE id = 2;
INSERT INTO signup(session, person, status) SELECT (SELECT id FROM session WHERE event = 2
 ORDER BY id LIMIT 1), p.id, 'registered' FROM person p WHERE NOT EXISTS (SELECT 1 FROM
 registration r WHERE r.person = p.id AND r.event = 2) ORDER BY p.id LIMIT 1;" ||
	t_fail inject "sqlite3 failed"

# `check --event 2` as the tab lists it: "rule message", one space between,
# the first 150 bytes (the tab cuts a line at its width)
expected() { "$M" check --event 2 2>/dev/null | sed 's/^\([a-z]*\): /\1 /' | cut -b1-150; }
# the tab's rows: below the column titles, until the first empty line
shown() {
	tm_screen | awk 'seen && /^ *$/ { exit } seen { print } /^Rule +Conflict/ { seen = 1 }' |
		sed 's/^\([a-z]*\)  */\1 /; s/ *$//' | cut -b1-150
}
# wait until the tab shows exactly what check says (10 s), else fail
tab_matches() {
	want=$(expected)
	end=$(($(date +%s) + 10))
	while [ "$(shown)" != "$want" ] && [ "$(date +%s)" -lt "$end" ]; do
		sleep "$TM_POLL"
	done
	t_equal "$1" "$(shown)" "$want"
}

t_equal violations-made "$(expected | awk '{ print $1 }' | sort -u | tr '\n' ' ')" \
	"capacity room signup "

tm_start
tm_wait "Eastern Seaboard" >/dev/null
tm_keys Down Enter
tm_expect forum-open "Brandywine Room"
# at once: the sweep may still be under way, and the tab says so meanwhile
tm_keys 8
tm_expect conflicts-tab "Conflict"
tab_matches tab-is-check
# kept while nothing changes: away and back, moved in
tm_keys 1
tm_expect_gone tab-left "more than its"
tm_keys 8 j k
tab_matches tab-kept

# another process mends one (the forum holds everyone again): it goes
"$M" set event 2 capacity=1000 >/dev/null || t_fail mend "set event failed"
tm_expect_gone capacity-mended "capacity"
tab_matches tab-after-mend
# and another one's write makes a new one: it shows
sqlite3 "$MUSTER_DB" "UPDATE event SET capacity = 2 WHERE id = 2"
tm_expect capacity-again "capacity"
tab_matches tab-after-new

# a change made while the tab is hidden is not shown stale on coming back
tm_keys 1
tm_expect_gone tab-hidden "more than its"
"$M" set event 2 capacity=1000 >/dev/null || t_fail mend2 "set event failed"
tm_keys 8
tab_matches tab-fresh-on-return
tm_lacks no-stale-capacity "capacity:"

