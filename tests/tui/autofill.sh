#!/bin/sh
# autofill.sh - F on the Shifts tab: auto-fill's proposal for the selected
# shift's day (every line, the shortfall and its reasons in the command
# line's words), d drops a line and says the shift is short again, y writes
# the rest as one batch (the tab shows it filled, the database holds it
# with source autofill and check finds nothing), and :autofill --undo takes
# the batch back.
. "$(dirname "$0")/../lib.sh"
TM_NAME=autofill
. "$(dirname "$0")/lib/tmux.sh"

ev=$("$M" add event name="Harbor Forum" starts="2027-03-13 08:00" ends="2027-03-13 20:00" \
	tz=America/New_York)
greeter=$("$M" add role event="$ev" name=Greeter)
skill=$("$M" add skill name="Sign language")
asl=$("$M" add role event="$ev" name="ASL interpreter" skill="$skill")
for h in "09 11" "12 14" "15 17"; do
	set -- $h
	"$M" add shift event="$ev" role="$greeter" starts="2027-03-13 $1:00" \
		ends="2027-03-13 $2:00" need_min=1 need_max=1 >/dev/null
done
"$M" add shift event="$ev" role="$asl" starts="2027-03-13 10:00" ends="2027-03-13 12:00" \
	need_min=1 need_max=1 >/dev/null
for n in "Ana Cruz" "Ben Okafor" "Chen Wei"; do
	p=$("$M" add person name="$n")
	"$M" register "$ev" "$p" --kind volunteer >/dev/null
done
autofilled() {
	"$M" list assignments --format tsv | awk -F'\t' '$5 == "autofill" && $4 == "signed_up"' | wc -l
}

tm_start
tm_expect events "Harbor Forum"
tm_keys Enter 7
tm_expect shifts-tab "ASL interpreter"
tm_expect hint-names-key "F auto-fill"
tm_keys F
tm_expect preview-opens "Auto-fill Sat 13 Mar: 3 proposed, 0 dropped"
tm_expect preview-lists-a-volunteer "Ben Okafor"
tm_expect preview-short-line "SHORT 0/1"
tm_expect preview-footer "(d drops it)"
t_equal preview-writes-nothing "$(autofilled)" 0

# the reasons of the short line, in full under the list
tm_keys G
tm_expect short-reasons "volunteers kept off: 1 busy at that time"
tm_expect short-reasons-rest "1 would break rest or the day's hours"

# drop Ben's line: the shift he was to take is short again, and free for him
tm_keys g Down d
tm_expect drop-marks-line "(dropped) Ben Okafor"
tm_expect drop-counts "2 proposed, 1 dropped"
tm_expect drop-shift-short-again "SHORT 0/1: 3 could take it"

tm_keys y
tm_expect accept-says-batch "Batch 1: 2 assignments added, 0 skipped"
tm_expect accept-back-on-tab "Filled/needed"
tm_expect tab-shows-filled "1/1 full"
t_equal accept-wrote-two "$(autofilled)" 2
t_run "$M" list assignments --format tsv
case "$OUT" in *"	2	signed_up"*) t_fail accept-left-dropped "$OUT" ;; *) t_ok accept-left-dropped ;; esac
t_expect accept-check-clean 0 "$M" check --event "$ev"

tm_keys :
tm_type "autofill --undo 1"
tm_keys Enter
tm_expect undo-says "autofill batch 1 undone: 2 assignments removed"
t_equal undo-removed "$(autofilled)" 0
tm_keys Enter
tm_expect undo-tab-short-again "0/1 SHORT 1"
tm_lacks undo-no-full "1/1 full"

# q leaves a preview without writing
tm_keys F
tm_expect preview-again "Auto-fill Sat 13 Mar: 3 proposed"
tm_keys q
tm_expect leave-says "nothing was written"
t_equal leave-wrote-nothing "$(autofilled)" 0
