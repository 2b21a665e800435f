#!/bin/sh
# nested.sh - a dialog over another overlay (#20 item 5) gets a one-cell
# margin inside the window below it too, at 80x24 on the demo: the
# "Discard changes?" question and the "Changed meanwhile" question over a
# Korean-named person's form, and the override question over a session
# form with an Amharic title; lib/boxes.py checks that every box lines up
# and that nothing touches a border from outside.
. "$(dirname "$0")/../lib.sh"
TM_NAME=nested
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
P=$("$M" list people --format tsv | awk -F'\t' '$2 == "최도윤" && $3 != "" { print $1; exit }')

boxes() {
	if out=$(tm_screen | /usr/bin/python3 "$(dirname "$0")/lib/boxes.py" --min 2); then
		t_ok "$1"
	else
		t_fail "$1" "$out" "$(tm_screen | sed 's/^/|/')"
	fi
}

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys P
tm_expect people "Phone"
tm_keys /
tm_type "최도윤"
tm_keys Enter
tm_expect filtered "matches 2"
tm_keys e
tm_expect form "Edit person $P"
tm_keys Tab C-u
tm_type "최도윤@example.org"
tm_keys Escape
tm_expect discard-asks "Discard your changes to person $P?"
boxes discard-over-form-lines-up
tm_keys n
tm_expect_gone discard-back "Discard your changes"
tm_expect fields-drawn-again "name* 최도윤"
tm_expect typed-kept "최도윤@example.org"

"$M" set person "$P" "name=최도윤 (도윤)" phone=+1-215-555-0999 >/dev/null
tm_keys C-s
tm_expect meanwhile-asks "Changed meanwhile"
tm_expect meanwhile-korean 'name: now "최도윤 (도윤)"'
boxes meanwhile-over-form-lines-up
tm_keys Escape
tm_expect_gone meanwhile-back "Changed meanwhile"
tm_expect their-name-drawn "name* 최도윤 (도윤)"
tm_keys Escape y
tm_expect_gone form-closed "Edit person $P"

# the override question over a session form, an Amharic title
tm_keys E
tm_expect events-again "Eastern Seaboard Forum"
tm_keys Down Enter
tm_expect agenda "day 1 of 2"
tm_keys Right Right
tm_expect booth-area-cell "Exhibit Hall (booth area) at"
tm_keys a
tm_expect session-form "New session"
tm_keys Tab
tm_type "የሰራተኞች መብት ስብሰባ"
tm_keys C-s
tm_expect override-asks "Override a soft rule"
boxes override-over-form-lines-up
tm_keys Escape
tm_expect_gone override-back "Override a soft rule"
tm_keys Escape y

tm_keys q Q
tm_expect quits "[muster exited with status 0]"
