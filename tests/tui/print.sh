#!/bin/sh
# print.sh - p in the coordinator screen: on the Shifts tab the roster, in
# the chart per hour (H) the coverage chart, on the People tab the sign-in
# sheet or the badges. Each asks for a file name in [print] folder (made
# mode 0700 when missing, "~/" the home folder), says where it wrote, and
# the file is the sheet (pdfinfo reads it); a path instead of a name is
# refused on the message line.
. "$(dirname "$0")/../lib.sh"
TM_NAME=print
. "$(dirname "$0")/lib/tmux.sh"

command -v pdfinfo >/dev/null 2>&1 || {
	echo "ok - print # skip pdfinfo missing (contrib/install-deps.sh installs it)"
	exit 0
}
"$M" demo >/dev/null || t_fail demo "muster demo failed"
printf '[print]\nfolder = ~/sheets\n' >"$MUSTER_CONFIG"
DIR="$HOME/sheets"

# pdf NAME FILE TITLE: the file is a PDF of that title, mode 0600
pdf() {
	info=$(pdfinfo "$2" 2>/dev/null)
	case "$info" in
	*"Title:"*"$3"*) t_ok "$1" ;;
	*) t_fail "$1" "$2: $(printf '%s' "$info" | head -3)" ;;
	esac
	if [ "$(stat -c %a "$2" 2>/dev/null)" = 600 ]; then t_ok "$1-mode"; else t_fail "$1-mode"; fi
}

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Down Enter
tm_expect forum "Brandywine Room"
tm_keys 7
tm_expect shifts-tab "Registration desk"
tm_keys p
tm_expect roster-asks "Print: Roster"
tm_expect roster-names-folder "$DIR"
tm_expect roster-default-name "roster-event2.pdf"
tm_keys Enter
tm_expect roster-written "Roster written to $DIR/roster-event2.pdf" 60
pdf roster-file "$DIR/roster-event2.pdf" "Roster"
if [ "$(stat -c %a "$DIR")" = 700 ]; then t_ok folder-private; else t_fail folder-private "$(stat -c %a "$DIR")"; fi

tm_keys H
tm_expect chart "Filled/needed"
tm_keys p
tm_expect chart-asks "Print: Coverage chart"
tm_keys C-u
tm_type "hours"
tm_keys Enter
tm_expect chart-written "Coverage chart written to $DIR/hours.pdf (1 page)" 30
pdf chart-file "$DIR/hours.pdf" "Coverage"

tm_keys 5
tm_expect people-tab "waitlist"
tm_expect people-hint "p print"
tm_keys p
tm_expect people-asks "Badges (volunteers)"
tm_keys Enter
tm_expect signin-asks "Print: Sign-in sheet"
tm_keys C-u
tm_type "../elsewhere.pdf"
tm_keys Enter
tm_expect path-refused "give a file name, not a path"
[ -e "$HOME/elsewhere.pdf" ] && t_fail path-no-file || t_ok path-no-file
tm_keys p
tm_expect people-asks-again "Badges (volunteers)"
tm_keys Down Enter
tm_expect badges-asks "Print: Badges"
tm_keys Enter
tm_expect badges-written "Badges written to $DIR/badges-event2.pdf" 30
pdf badges-file "$DIR/badges-event2.pdf" "Badges"

tm_keys '?'
tm_expect help-print-key "print a PDF into [print] folder"
tm_keys q
tm_keys Q
tm_expect quits "[muster exited with status 0]"
