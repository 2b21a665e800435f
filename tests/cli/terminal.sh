#!/bin/sh
# terminal.sh - no byte from the database reaches a terminal raw, in any
# format: names carrying an OSC 52 clipboard write, a CSI 6n report request,
# BEL, C1 controls (CSI as U+009B, NEL) and bidi overrides are listed,
# reported, shown and exported on a pseudo-terminal, where every such
# character arrives as U+FFFD and nothing else changes; to a pipe, tsv and
# csv keep the exact bytes and json says them with \u escapes.
. "$(dirname "$0")/../lib.sh"

PTY="/usr/bin/python3 $SUITE_DIR/pty_run.py"
add() { "$M" add "$@" >/dev/null || t_fail "fixture: add $*"; }

add event name="Forum" starts="2027-03-13 08:00" ends="2027-03-14 17:30" tz=America/New_York
add role event=1 name=Greeter
add shift event=1 role=1 starts="2027-03-13 09:00" ends="2027-03-13 11:00" need_min=1 need_max=3
# bidi overrides and isolates are text a spreadsheet may hold: imported
printf 'name,email,notes\r\n%s,rtl@example.org,"%s"\r\n%s,iso@example.org,x\r\n' \
	"$(printf 'Ali\342\200\256ecilA')" "$(printf 'line one\nline \342\200\256two')" \
	"$(printf '\342\201\246Iso\342\201\251 Late')" >"$T/people.csv"
t_expect import-bidi 0 "$M" import people "$T/people.csv" --event 1 --kind volunteer
# controls cannot be typed or imported any more, but rows written by an older
# muster or another program may hold them: written with the sqlite3 CLI
add person name=Mallory email=mallory@example.org
add registration event=1 person=3 kind=volunteer
sqlite3 "$MUSTER_DB" "UPDATE person SET
  name = 'Mal' || char(27) || ']52;c;cm0gLXJmIH4K' || char(7) || 'lory' || char(27) || '[6n'
         || char(155) || '31m' || char(133) || 'End',
  notes = 'n' || char(27) || '[2J' || char(13) || 'over'
  WHERE id = 3;
  UPDATE shift SET notes = 'bell' || char(7) WHERE id = 1;
  UPDATE event SET venue = 'Hall' || char(27) || ']0;title' || char(7) WHERE id = 1;" ||
	t_fail "fixture: sqlite3"
add assignment shift=1 person=3
add assignment shift=1 person=1
add session event=1 title=Welcome starts="2027-03-13 09:00" ends="2027-03-13 09:30"
sqlite3 "$MUSTER_DB" "UPDATE session SET title = 'Wel' || char(27) || '[6n' || char(8238) || 'come'"
"$M" set person 3 phone=555 >/dev/null # an audit entry naming Mallory

# t_terminal NAME ARGS...: on a pty nothing unsafe arrives, and what arrives
# is exactly the pipe's bytes with each unsafe character as U+FFFD
t_terminal() {
	name=$1
	shift
	$PTY run "$M" "$@" >"$T/pty.out" 2>"$T/pty.err"
	rc=$?
	"$M" "$@" >"$T/pipe.out" 2>/dev/null
	if [ "$rc" -ne 0 ]; then
		t_fail "$name" "exit $rc on a pty: $*" "$(head -c 300 "$T/pty.err")"
	elif ! bad=$($PTY unsafe "$T/pty.out"); then
		t_fail "$name" "raw on the terminal: $bad" "$(od -c "$T/pty.out" | head -5)"
	elif ! $PTY neutral "$T/pipe.out" | cmp -s - "$T/pty.out"; then
		t_fail "$name" "the terminal got more than the neutralised bytes" \
			"$($PTY neutral "$T/pipe.out" | diff - "$T/pty.out" | head -6)"
	elif [ ! -s "$T/pty.out" ]; then
		t_fail "$name" "nothing written"
	else
		t_ok "$name"
	fi
}

for fmt in table tsv csv json; do
	t_terminal "list-people-$fmt" list people --format "$fmt"
	t_terminal "list-audit-$fmt" list audit --format "$fmt"
	t_terminal "list-shifts-$fmt" list shifts --format "$fmt"
	t_terminal "list-sessions-$fmt" list sessions --format "$fmt"
	t_terminal "report-hours-$fmt" report hours --event 1 --format "$fmt"
	t_terminal "report-attendance-$fmt" report attendance --event 1 --format "$fmt"
	t_terminal "report-coverage-$fmt" report coverage --event 1 --format "$fmt"
done
t_terminal show-person show person 3
t_terminal list-events list events --format tsv
t_terminal export-ics export ics --event 1
t_terminal export-ics-shifts export ics --event 1 --shifts

# the pty really carried the names (the checks above would pass on nothing)
$PTY run "$M" list people --format tsv >"$T/pty.out"
t_equal pty-has-rows "$(grep -c 'lory' "$T/pty.out")" 1
t_equal pty-osc52-neutralised "$(grep -c "$(printf 'Mal\357\277\275]52;c;cm0gLXJmIH4K\357\277\275lory')" "$T/pty.out")" 1

# ---- to a pipe: exact ----
"$M" list people --format tsv >"$T/people.tsv"
t_equal tsv-pipe-exact "$(grep -c "$(printf 'Mal\033]52;c;cm0gLXJmIH4K\007lory\033\[6n\302\23331m\302\205End')" "$T/people.tsv")" 1
"$M" list people --format csv >"$T/people.csv.out"
t_equal csv-pipe-exact "$(grep -c "$(printf '\342\200\256ecilA')" "$T/people.csv.out")" 1
"$M" list people --format json >"$T/people.json"
t_equal json-no-raw-unsafe "$($PTY unsafe "$T/people.json")" ""
t_equal json-decodes-exact "$(/usr/bin/python3 -c '
import json, sqlite3, sys
rows = {r["id"]: (r["name"], r["notes"]) for r in json.load(open(sys.argv[1]))}
db = sqlite3.connect(sys.argv[2])
want = {i: (n, o) for i, n, o in db.execute("SELECT id, name, notes FROM person")}
print("same" if rows == want else "differs: %r" % ((rows, want),))' "$T/people.json" "$MUSTER_DB")" same
t_equal json-escapes "$(grep -o '\\u00[0-9a-f][0-9a-f]\|\\u202e' "$T/people.json" | sort -u | tr '\n' ' ')" \
	'\u0007 \u001b \u0085 \u009b \u202e '
