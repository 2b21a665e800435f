#!/bin/sh
# autofill.sh - `autofill` on a small gathering whose volunteers each meet
# a rule (a skill, an age, a window, a talk, rest): the plan and its reasons
# in every format (golden), the write as one batch that check finds clean,
# the undo that keeps a checked-in assignment, bad arguments; then the demo
# forum staffed with one command.
. "$(dirname "$0")/../lib.sh"

add() { "$M" add "$@" >/dev/null || t_fail "fixture: add $*"; }

add event name="Harbor Gathering" starts="2026-12-05 08:00" ends="2026-12-05 18:00" \
	tz=America/Chicago
add event name="Empty Hall" starts="2026-12-06 08:00" ends="2026-12-06 18:00" tz=America/Chicago
add skill name="First aid"
add role event=1 name=Greeter
add role event=1 name=Medic skill=1
add role event=1 name=Steward min_age=18
add role event=2 name=Greeter
add room event=1 name="Main Hall"
id=1
for p in "Ana Cruz:1990-04-02" "Ben Okafor:2010-06-01" "Chen Wei:1985-01-09" \
	"Dana Reyes:1992-11-30" "Eli Novak:1988-07-14"; do
	add person name="${p%%:*}" birth_date="${p#*:}"
	add registration event=1 person=$id kind=volunteer
	id=$((id + 1))
done
add person_skill person=1 skill=1
add availability person=3 event=1 starts="2026-12-05 08:00" ends="2026-12-05 12:00"
add session event=1 room=1 title="Survivor-led panel" starts="2026-12-05 13:00" ends="2026-12-05 14:00"
add speaker session=1 person=4 role=panelist
add shift event=1 role=1 room=1 starts="2026-12-05 09:00" ends="2026-12-05 11:00" need_min=1 need_max=2
add shift event=1 role=2 starts="2026-12-05 09:00" ends="2026-12-05 11:00" need_min=1 need_max=1
add shift event=1 role=2 starts="2026-12-05 11:00" ends="2026-12-05 13:00" need_min=1 need_max=1
add shift event=1 role=3 room=1 starts="2026-12-05 13:00" ends="2026-12-05 15:00" need_min=2 need_max=2
add shift event=1 role=1 starts="2026-12-05 15:00" ends="2026-12-05 17:00" need_min=1 need_max=3
add shift event=2 role=4 starts="2026-12-06 09:00" ends="2026-12-06 11:00"
"$M" assign 1 5 >/dev/null || t_fail "fixture: assign 1 5"

t_golden autofill-dry-table "$M" autofill --event 1 --dry-run
t_golden autofill-dry-csv "$M" autofill --event 1 --dry-run --format csv
t_golden autofill-dry-json "$M" autofill --event 1 --dry-run --format json
t_golden autofill-role-tsv "$M" autofill --event 1 --role 3 --dry-run --format tsv
t_run "$M" list assignments --format tsv
t_equal autofill-dry-run-writes-nothing "$(printf '%s\n' "$OUT" | wc -l)" 2

t_golden autofill-write "$M" autofill --event 1
t_expect autofill-check-clean 0 "$M" check --event 1
t_run "$M" list assignments --format tsv
t_equal autofill-source "$(printf '%s\n' "$OUT" | awk -F'\t' '$5 == "autofill"' | wc -l)" 6
t_run "$M" list audit --format tsv
t_contains autofill-batch-audited "autofill batch 1: 6 assignments added"
t_golden autofill-again "$M" autofill --event 1 --dry-run

"$M" checkin --shift 2 --person 1 >/dev/null || t_fail "fixture: checkin"
t_golden autofill-undo "$M" autofill --undo 1
t_run "$M" list assignments --format tsv
t_equal autofill-undo-left "$(printf '%s\n' "$OUT" | awk -F'\t' '$5 == "autofill"' | wc -l)" 1
t_expect autofill-undo-twice 1 "$M" autofill --undo 1
t_err_contains autofill-undo-twice-says "was already undone"
t_expect autofill-undo-unknown 1 "$M" autofill --undo 9
t_err_contains autofill-undo-unknown-says "autofill batch 9: not found"
t_expect autofill-undo-bad 2 "$M" autofill --undo nine
t_expect autofill-undo-alone 2 "$M" autofill --undo 1 --event 1

t_expect autofill-unknown-event 1 "$M" autofill --event 99
t_err_contains autofill-unknown-event-says "event 99: not found"
t_expect autofill-unknown-role 1 "$M" autofill --event 1 --role 42
t_expect autofill-other-role 1 "$M" autofill --event 1 --role 4
t_err_contains autofill-other-role-says "belongs to another event"
t_expect autofill-day-outside 1 "$M" autofill --event 1 --day 2026-12-06
t_err_contains autofill-day-outside-says "is outside Harbor Gathering"
t_expect autofill-bad-day 2 "$M" autofill --event 1 --day 2026-13-40
t_expect autofill-no-event 2 "$M" autofill --dry-run
t_expect autofill-bad-format 2 "$M" autofill --event 1 --format xml
t_expect autofill-no-volunteers 0 "$M" autofill --event 2
t_contains autofill-no-volunteers-says "no registered volunteers"
t_run "$M" list audit --format tsv
t_equal autofill-refusals-write-nothing "$(printf '%s\n' "$OUT" | grep -c 'autofill batch 2')" 0

# The demo forum with one command: every rule held, one place short at most.
export MUSTER_DB="$T/demo.db"
"$M" demo >/dev/null || t_fail "fixture: demo"
t_golden autofill-demo-forum-dry "$M" autofill --event 2 --dry-run
t_expect autofill-demo-forum 0 "$M" autofill --event 2 --format json
t_expect autofill-demo-forum-clean 0 "$M" check --event 2
t_run "$M" report coverage --event 2 --format tsv
t_equal autofill-demo-forum-short "$(printf '%s\n' "$OUT" | awk -F'\t' '$1 == "shift" && $10 > 0' | wc -l)" 1
