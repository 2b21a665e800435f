#!/bin/sh
# demo.sh - the demo command: deterministic content, summary, refusal
# without --force, and the time zones of its events.
. "$(dirname "$0")/../lib.sh"

t_golden demo-summary sh -c '"$0" demo | sed "s|$MUSTER_DB|DB|"' "$M"
t_expect demo-refuses-non-empty 1 "$M" demo
t_err_contains demo-refusal-explains "use --force"
# the events' iCalendar UIDs are random (checked below): pin them for the golden file
sqlite3 "$MUSTER_DB" "SELECT count(*) FROM event WHERE uid LIKE '________-____-4___-____-____________'" >"$T/uids"
sqlite3 "$MUSTER_DB" "UPDATE event SET uid = 'event-' || id"
t_golden demo-events "$M" list events --format tsv
t_equal demo-events-have-uids "$(cat "$T/uids")" "$(sqlite3 "$MUSTER_DB" 'SELECT count(*) FROM event')"
t_run "$M" list people --format tsv
first=$(printf '%s\n' "$OUT" | sed -n 2p)
t_expect demo-force 0 "$M" demo --force
t_run "$M" list people --format tsv
t_equal demo-deterministic "$(printf '%s\n' "$OUT" | sed -n 2p)" "$first"
t_expect demo-bad-size 2 "$M" demo --size huge --force
t_run "$M" list events --format tsv
t_contains demo-forum-zone "America/New_York"
