#!/bin/sh
# scale.sh - the people directory over 100,000 people: opens, jumps to the
# end, pages and searches through keyset pages (no full-table load). Rows
# are bulk-inserted with the sqlite3 shell; nothing here is timed.
. "$(dirname "$0")/../lib.sh"
TM_NAME=scale
. "$(dirname "$0")/lib/tmux.sh"

"$M" list events >/dev/null # create and migrate the database
sqlite3 "$MUSTER_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO person (name, email, volunteer_code)
SELECT printf('Person %06d', i), printf('p%06d@example.org', i), printf('C%05d', i) FROM n;" ||
	t_fail bulk-insert "sqlite3 failed"
t_equal bulk-insert "$(sqlite3 "$MUSTER_DB" 'SELECT count(*) FROM person')" 100000

tm_start
tm_wait "Events" >/dev/null
tm_keys P
tm_expect big-first-page "Person 000001"
tm_expect big-first-page-full "Person 000020"
tm_keys End
tm_expect big-end "Person 100000"
tm_expect big-end-page "Person 099981"
tm_keys PPage
tm_expect big-page-up "Person 099961"
tm_lacks big-page-up-moved "Person 100000"
tm_keys Down
tm_expect big-down "Person 099980"
tm_keys /
tm_type "050000"
tm_keys Enter
tm_expect big-search "Person 050000"
tm_lacks big-search-filters "Person 050001"
tm_keys Escape
tm_expect big-search-cleared "Person 000001"
tm_keys Home NPage NPage
tm_expect big-page-down "Person 000041"
"$M" add person name="Person 000045b" >/dev/null
tm_expect big-live-insert "Person 000045b"
tm_keys Q
tm_expect quits "[muster exited with status 0]"
