#!/bin/sh
# dialogs.sh - boxes over the coordinator screen at 80x24, with the demo's
# Korean, Khmer and Amharic names: every box's borders line up and nothing of
# the screen below touches them (#20 item 5, checked by lib/boxes.py with the
# terminal's own character widths); multi-line messages show as lines, never
# as a literal "⏎" (#20 item 6); the override names the person.
. "$(dirname "$0")/../lib.sh"
TM_NAME=dialogs
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
EV=$(tsv events | awk -F'\t' '$2 ~ /Forum/ { print $1 }')
# the first of the demo's people of a name (the list shows them by name, then id)
first_named() { tsv people | awk -F'\t' -v n="$1" '$2 == n { print $1; exit }'; }
KO=$(first_named "최민준")
KM=$(first_named "ស៊ុន ដារ៉ា")
AM=$(first_named "ዳዊት በቀለ")
[ -n "$EV" ] && [ -n "$KO" ] && [ -n "$KM" ] && [ -n "$AM" ] ||
	t_fail fixture "the demo lacks the forum or its names: $EV $KO $KM $AM"
# a role needing a skill nobody holds: everyone is held back by a soft rule;
# its one shift (the forum's last) takes one volunteer, the Amharic name
skill=$("$M" add skill name="Khmer sign language")
role=$("$M" add role event="$EV" name="Sign interpreter" skill="$skill")
SHIFT=$("$M" add shift event="$EV" role="$role" starts="2027-03-14 18:00" \
	ends="2027-03-14 19:00" need_min=1 need_max=1 notes="Closing circle")
"$M" assign "$SHIFT" "$AM" --force --reason "fixture" >/dev/null ||
	t_fail fixture "assign $AM"

# text with combining marks goes in as bytes (send-keys reorders Khmer marks)
paste() { tm set-buffer -- "$1" && tm paste-buffer -t main -d; }

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Down Enter 7 G
tm_expect last-shift "Closing circle"
tm_keys Enter
tm_expect shift-screen "Staffed: 1/1 full"
tm_keys s
tm_expect assign-opens "Assign to: Sign interpreter"

# the override question for the Korean name: one free place first
"$M" set shift "$SHIFT" need_max=2 >/dev/null
tm_keys /
paste "최민준"
tm_keys Enter
tm_expect assign-korean-rows "최민준"
tm_expect assign-korean-soft "only with an override"
tm_keys '!'
tm_expect override-opens "Override a soft rule"
tm_expect override-names-person "│ 최민준 "
tm_lacks override-no-return-marks "⏎"
case "$(tm_screen)" in
*"│ Assign anyway? Type the reason"*) t_ok override-question-on-its-own-line ;;
*) t_fail override-question-on-its-own-line "$(tm_screen | sed 's/^/|/')" ;;
esac
# the box over the list's Korean rows: borders in line, a blank margin
boxes() {
	if out=$(tm_screen | /usr/bin/python3 "$(dirname "$0")/lib/boxes.py" --min 1); then
		t_ok "$1"
	else
		t_fail "$1" "$out" "$(tm_screen | sed 's/^/|/')"
	fi
}
boxes override-box-lines-up
tm_keys Escape
tm_expect_gone override-closes "Override a soft rule"
tm_keys Escape
tm_expect_gone search-cleared "Filter"

# the shift full again: everyone is refused, in a box over the last rows of
# the list, where the Amharic, Khmer, Chinese and Korean names are
"$M" set shift "$SHIFT" need_max=1 >/dev/null
tm_expect list-sees-full "no: Sign interpreter" 30
tm_keys End
tm_expect list-end-korean "최민준"
tm_keys Up Up Up Up Up
tm_keys Enter
tm_expect refused-opens "┌ Refused"
tm_expect refused-says-full "is full"
boxes refused-box-lines-up
tm_keys Enter
tm_expect_gone refused-closes "┌ Refused"
tm_keys q q

tm_keys Q
tm_expect quits "[muster exited with status 0]"
