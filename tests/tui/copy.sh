#!/bin/sh
# copy.sh - copying work (#20 item 9), at 80x24 on the demo: c on a shift
# opens a new shift's form filled from it (role, room, needs) and saves a
# copy without its volunteers; C copies the day's shifts of the role at the
# cursor to another day (a day outside the event is refused, nothing
# written), keeping need_min and need_max and leaving out volunteers. The
# Agenda's header shows the Exhibit Hall is a booth area, and a session
# placed there (an Amharic title) gets the soft warning with its override.
. "$(dirname "$0")/../lib.sh"
TM_NAME=copy
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
EV=$(tsv events | awk -F'\t' '$2 ~ /Forum/ { print $1 }')
USHER=$(tsv roles --event "$EV" | awk -F'\t' '$3 == "Usher" { print $1 }')
# Usher shifts starting on a local day (2027-03-13 or 2027-03-14)
ushers_on() { tsv shifts --event "$EV" | awk -F'\t' -v r="$USHER" -v d="$1" '$3 == r && index($6, d) == 1' | wc -l; }
SAT=$(ushers_on 2027-03-13)
SUN=$(ushers_on 2027-03-14)
ALL=$(tsv shifts --event "$EV" | tail -n +2 | wc -l)

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Down Enter
tm_expect forum "1Agenda"
tm_keys 7
tm_expect shifts-tab "Filled/needed"
# the third row: Usher in the Liberty Ballroom, 6 of 3-6
tm_keys Down Down
tm_keys c
tm_expect copy-form "New shift"
tm_expect copy-room "Liberty Ballroom"
tm_expect copy-says "A copy of shift"
case "$(tm_screen)" in
*"need_min 3"*"need_max 6"*) t_ok copy-needs ;;
*) t_fail copy-needs "$(tm_screen | sed 's/^/|/')" ;;
esac
# a later start: Tab to starts (role, room, booth, starts), replace the time
tm_keys Tab Tab Tab BSpace BSpace BSpace BSpace BSpace
tm_type "10:00"
tm_keys Tab BSpace BSpace BSpace BSpace BSpace
tm_type "11:00"
tm_keys C-s
tm_expect copy-saved "Added shift"
NEW=$(tsv shifts --event "$EV" | awk -F'\t' '$6 == "2027-03-13 10:00" && $7 == "2027-03-13 11:00" && $3 == "'"$USHER"'" { print $1 }')
row=$(tsv shifts --event "$EV" | awk -F'\t' -v id="$NEW" '$1 == id { print $8 "/" $9 }')
if [ -n "$NEW" ] && [ "$row" = "3/6" ]; then t_ok copy-kept-needs; else t_fail copy-kept-needs "new=$NEW needs=$row"; fi
if [ -n "$NEW" ] && [ "$(tsv assignments --event "$EV" | awk -F'\t' -v s="$NEW" '$2 == s' | wc -l)" -eq 0 ]; then
	t_ok copy-no-volunteers
else
	t_fail copy-no-volunteers "shift $NEW has assignments"
fi

# C: the Usher shifts of Saturday to a day outside the event: refused
tm_keys C
tm_expect roles-picker "which roles?"
tm_expect roles-usher "Usher only"
tm_keys Enter
tm_expect day-prompt "Copy the open shifts of Usher on Sat 13 Mar"
tm_expect day-suggested "2027-03-14"
tm_keys BSpace BSpace
tm_type "20"
tm_keys Enter
tm_expect outside-refused "is not a day of event"
ALL2=$(tsv shifts --event "$EV" | tail -n +2 | wc -l)
if [ "$ALL2" -eq $((ALL + 1)) ]; then t_ok outside-wrote-nothing; else t_fail outside-wrote-nothing "$ALL -> $ALL2"; fi
tm_keys Escape
tm_expect_gone refused-closes "is not a day of event"

# and to Sunday: every Usher shift of Saturday (the copy above too)
tm_keys C
tm_expect roles-picker-again "Usher only"
tm_keys Enter
tm_expect day-prompt-again "Day (YYYY-MM-DD)"
tm_keys Enter
tm_expect copied "Copied $((SAT + 1)) shifts of Usher from 2027-03-13 to 2027-03-14"
SUN2=$(ushers_on 2027-03-14)
if [ "$SUN2" -eq $((SUN + SAT + 1)) ]; then t_ok sunday-has-copies; else t_fail sunday-has-copies "$SUN + $SAT + 1 != $SUN2"; fi
# the copy of the Liberty Ballroom shift: 3-6 needed, nobody on it
copy=$(tsv shifts --event "$EV" | awk -F'\t' '$6 == "2027-03-14 07:30" && $3 == "'"$USHER"'" && $8 == 3 && $9 == 6 { print $1 }' | tail -1)
if [ -n "$copy" ] && [ "$(tsv assignments --event "$EV" | awk -F'\t' -v s="$copy" '$2 == s' | wc -l)" -eq 0 ]; then
	t_ok day-copy-needs-no-volunteers
else
	t_fail day-copy-needs-no-volunteers "copy=$copy"
fi
tsv audit --event "$EV" | grep -q "copied $((SAT + 1)) shifts of one role from 2027-03-13 to 2027-03-14" &&
	t_ok copy-audited || t_fail copy-audited "$(tsv audit --event "$EV" | tail -3)"

# c on a shift's own screen copies that shift
tm_keys g Enter
tm_expect shift-screen "check in"
tm_keys c
tm_expect shift-screen-copy "A copy of shift"
tm_expect shift-screen-copy-form "New shift"
tm_keys Escape
tm_expect_gone shift-screen-copy-closes "New shift"
tm_keys q

# the Agenda: the Exhibit Hall is a booth area; a session there warns
tm_keys 1
tm_expect agenda-booth-area "(booths)"
tm_keys Right Right
tm_expect cursor-booth-area "Exhibit Hall (booth area) at"
tm_keys a
tm_expect session-form "New session"
tm_keys Tab
tm_type "ስብሰባ poster walk"
tm_keys C-s
tm_expect booth-area-warns "Exhibit Hall is a booth area"
tm_expect booth-area-override "Override a soft rule"
tm_type "posters among the booths"
tm_keys Enter
tm_expect booth-area-saved "(override: posters among the booths)"
tsv sessions --event "$EV" | grep -q "ስብሰባ poster walk" && t_ok session-written || t_fail session-written "not in list sessions"

tm_keys q Q
tm_expect quits "[muster exited with status 0]"
