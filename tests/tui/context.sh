#!/bin/sh
# context.sh - forms remember context (#20 item 8), at 80x24 on the demo: a
# new booth is open on the day the Agenda shows; a form open while another
# lead (here the command line) changes the same row says so on save, shows
# their values, takes them into the fields left alone and asks before
# saving over them; nothing is overwritten silently. A Korean-named person.
. "$(dirname "$0")/../lib.sh"
TM_NAME=context
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
P=$("$M" list people --format tsv | awk -F'\t' '$2 == "최도윤" && $3 != "" { print $1; exit }')
field() { "$M" show person "$P" | sed -n "s/^$1: //p"; }

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Down Enter
tm_expect agenda "day 1 of 2"
tm_keys ]
tm_expect agenda-day-2 "day 2 of 2"
tm_keys 4
tm_expect booths-tab "Partner"
tm_keys a
tm_expect booth-form "New booth"
tm_expect booth-starts-day-2 "starts 2027-03-14 08:00"
tm_expect booth-ends-day-2 "ends 2027-03-14 17:30"
tm_keys Escape
tm_expect_gone booth-form-closes "New booth"

# the person's form, changed meanwhile from the command line
tm_keys P
tm_expect people "Phone"
tm_keys /
tm_type "최도윤"
tm_keys Enter
tm_expect filtered "matches 2"
tm_keys e
tm_expect form "Edit person $P"
"$M" set person "$P" "name=최도윤 (Doyoon)" phone=+1-215-555-0999 >/dev/null || t_fail set "muster set failed"
tm_keys Tab C-u
tm_type "doyoon@example.net"
tm_keys C-s
tm_expect asks "Changed meanwhile"
tm_expect shows-their-name 'name: now "최도윤 (Doyoon)" (was "최도윤")'
tm_expect shows-their-phone 'phone: now "+1-215-555-0999"'
[ "$(field email)" = "doyoon.choi@example.org" ] && t_ok not-saved-before-answer || t_fail not-saved-before-answer "$(field email)"
tm_keys n
tm_expect_gone back-to-form "Changed meanwhile"
tm_expect form-has-their-name "name* 최도윤 (Doyoon)"
tm_expect form-keeps-typed-email "doyoon@example.net"
tm_keys C-s
tm_expect saved "Saved person $P"
[ "$(field email)" = "doyoon@example.net" ] && t_ok email-mine || t_fail email-mine "$(field email)"
[ "$(field phone)" = "+1-215-555-0999" ] && t_ok phone-theirs || t_fail phone-theirs "$(field phone)"
[ "$(field name)" = "최도윤 (Doyoon)" ] && t_ok name-theirs || t_fail name-theirs "$(field name)"

# both change the same field: theirs shown, y saves mine over it
tm_keys e
tm_expect form-again "Edit person $P"
"$M" set person "$P" phone=+1-215-555-0100 >/dev/null
tm_keys Tab Tab C-u
tm_type "+1-215-555-0142"
tm_keys C-s
tm_expect same-field-asks 'phone: now "+1-215-555-0100" (was "+1-215-555-0999", you'
tm_expect same-field-says-typed "typed another)"
tm_keys y
tm_expect saved-over "Saved person $P"
[ "$(field phone)" = "+1-215-555-0142" ] && t_ok phone-mine-after-yes || t_fail phone-mine-after-yes "$(field phone)"

tm_keys q q Q
tm_expect quits "[muster exited with status 0]"
