#!/bin/sh
# records.sh - add/set/show/list/rm on the real binary, with golden output
# and the exit statuses and one-line errors of SPEC section 4.
. "$(dirname "$0")/../lib.sh"

# the first line (the rest, libraries and schema: tests/cli/version.sh)
t_golden version sh -c '"$0" --version | head -n 1' "$M"
t_expect help-exits-0 0 "$M" --help
t_contains help-lists-commands "list ENTITY"

t_golden add-event "$M" add event name="Forum" starts="2027-03-13 08:00" \
	ends="2027-03-14 17:30" tz=America/New_York venue="Harbor Hall"
t_golden add-room "$M" add room event=1 name="Salon A" capacity=120 kind=room
t_golden add-session "$M" add session event=1 room=1 title="Supply chains" kind=panel \
	starts="2027-03-14 10:00" ends="2027-03-14 11:30"
t_golden add-org "$M" add org name="Harbor Light Coalition" sector=ngo
t_golden add-person "$M" add person name="Dana Reyes" email=dana@example.org org=1
# the event's iCalendar UID is random: pin it for the golden files
sqlite3 "$MUSTER_DB" "UPDATE event SET uid = '00000000-0000-4000-8000-000000000001'"
t_golden show-event "$M" show event 1
t_golden list-events-tsv "$M" list events --format tsv
t_golden list-rooms-json "$M" list rooms --event 1 --format json
t_golden list-orgs-csv "$M" list orgs --format csv
t_golden list-rooms-table "$M" list rooms

# times: shown in the event's zone, across the DST change
t_run "$M" show session 1
t_contains session-start-local "starts: 2027-03-14 10:00"
t_run "$M" list sessions --format tsv
t_contains session-uid-listed "uid"

t_expect set-session 0 "$M" set session 1 starts="2027-03-14 09:30"
t_run "$M" show session 1
t_contains set-raises-sequence "sequence: 1"

# errors: one line "muster: WHAT: WHY" and the right exit status
t_expect unknown-entity 2 "$M" list evnts
t_err_contains unknown-entity-suggests "did you mean events?"
t_expect unknown-command 2 "$M" lst events
t_err_contains unknown-command-suggests "did you mean list?"
t_expect not-found 1 "$M" show event 99
t_err_contains not-found-message "muster: event 99: not found"
t_expect bad-id 2 "$M" show event abc
t_expect bad-field 2 "$M" add person nmae=X
t_err_contains bad-field-suggests "did you mean name?"
t_expect bad-enum 2 "$M" add org name=X sector=charity
t_expect bad-time 2 "$M" add event name=X starts="2027-03-14 02:30" ends="2027-03-14 05:00" tz=America/New_York
t_err_contains gap-explained "does not exist"
t_expect end-before-start 2 "$M" add event name=X starts="2027-03-14 10:00" ends="2027-03-14 09:00" tz=UTC
t_expect bad-zone 2 "$M" add event name=X starts="2027-03-14 10:00" ends="2027-03-14 11:00" tz=Mars/Base
t_expect dup-email 1 "$M" add person name=Y email=DANA@example.org
t_expect missing-ref 1 "$M" add room event=42 name=Nowhere
t_expect rm-in-use 1 "$M" rm event 1
t_err_contains rm-names-dependents "1 room (1)"
t_expect bad-format 2 "$M" list events --format xml
t_expect unknown-option 2 "$M" list events --evnt 1
t_expect usage 2 "$M" show event
t_err_contains usage-line "usage: muster show ENTITY ID"
t_expect auto-field 2 "$M" set person 1 volunteer_code=ABCDEF
t_run "$M" list events
one_line=$(printf '%s\n' "$ERR" | wc -l)
t_expect error-one-line 2 "$M" add org name=Z sector=nope
t_equal error-is-one-line "$(wc -l <"$T/err" | tr -d ' ')" 1

# nothing partial: the refused writes above left no rows behind
t_run "$M" list people --format tsv
t_equal refused-left-nothing "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 2

t_expect rm-session 0 "$M" rm session 1
t_expect rm-room 0 "$M" rm room 1
t_expect rm-event 0 "$M" rm event 1
t_run "$M" list audit --format tsv
t_contains audit-records-rm "rm event 1 (Forum)"

# database: mode 0600; newer schema refused with exit 3
t_equal db-mode "$(stat -c %a "$MUSTER_DB")" 600
sqlite3 "$MUSTER_DB" 'PRAGMA user_version = 99'
t_expect newer-schema 3 "$M" list events
t_err_contains newer-schema-message "newer than this muster"
# schema 4: events of an older database get distinct random UUID v4 UIDs
old="$T/v3.db"
"$M" --db "$old" add event name=A starts="2027-01-01 10:00" ends="2027-01-01 12:00" tz=UTC >/dev/null
"$M" --db "$old" add event name=B starts="2027-01-01 10:00" ends="2027-01-01 12:00" tz=UTC >/dev/null
latest=$(sqlite3 "$old" 'PRAGMA user_version')
# back to schema 3: what versions 4 and later added goes (and the later
# steps' tables, so that they are made again)
sqlite3 "$old" 'DROP INDEX event_uid; ALTER TABLE event DROP COLUMN uid;
ALTER TABLE event DROP COLUMN sequence;
ALTER TABLE person DROP COLUMN keep; ALTER TABLE person DROP COLUMN keep_reason;
ALTER TABLE person DROP COLUMN erased_at; DROP TABLE IF EXISTS kiosk_failure;
DROP TABLE IF EXISTS itip_sent; DROP TABLE IF EXISTS autofill_item;
DROP TABLE IF EXISTS autofill_batch; DROP TABLE IF EXISTS mail_outbox;
DROP TABLE IF EXISTS lead; DROP INDEX IF EXISTS audit_by_actor;
DROP INDEX IF EXISTS person_confidential; DROP TABLE IF EXISTS audit_step;
DROP TABLE IF EXISTS audit_value;
DROP INDEX IF EXISTS signup_by_session; DROP INDEX IF EXISTS registration_by_event;
DROP INDEX IF EXISTS booth_by_label;
PRAGMA user_version = 3'
# the search indexes (their triggers first, then the FTS5 tables and the
# table of a bulk write's pause)
sqlite3 "$old" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger'
 AND name GLOB '*_search_*' UNION ALL SELECT 'DROP TABLE ' || name || ';' FROM sqlite_master
 WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%' UNION ALL SELECT 'DROP TABLE search_pause;'" |
	sqlite3 "$old"
t_expect migrate-v4 0 "$M" --db "$old" list events
t_equal migrate-v4-version "$(sqlite3 "$old" 'PRAGMA user_version')" "$latest"
t_equal migrate-v4-uids "$(sqlite3 "$old" "SELECT count(DISTINCT uid) FROM event WHERE uid GLOB
 '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-4[0-9a-f][0-9a-f][0-9a-f]-[89ab][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
 AND sequence = 0")" 2
# the search indexes are filled with the rows already there
t_equal migrate-search-filled "$(sqlite3 "$old" "SELECT group_concat(rowid) FROM event_words
 WHERE event_words MATCH 'b*'")" 2
t_run sqlite3 "$old" 'UPDATE event SET uid = (SELECT uid FROM event WHERE id = 1)'
t_err_contains migrate-v4-uid-unique "UNIQUE constraint failed: event.uid"
printf 'not a database at all, just text....................................\n' >"$T/junk.db"
t_expect not-a-database 3 "$M" --db "$T/junk.db" list events

# global options
t_expect bad-now 2 "$M" --now yesterday list events
t_expect unknown-global 2 "$M" --bogus list events

# errors quoting what was typed never pass escape sequences to the terminal
t_expect escape-in-error 2 "$M" --db "$T/fresh.db" add org name=X sector="$(printf 'x\033]0;owned\007')"
if grep -q "$(printf '\033')" "$T/err"; then t_fail escape-neutralised "raw ESC on stderr"; else t_ok escape-neutralised; fi
