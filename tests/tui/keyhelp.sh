#!/bin/sh
# keyhelp.sh - one meaning per key, said where it works (#20 item 7), at
# 80x24 on the demo: the Shifts footer lists ]/[ (one hint for the pair)
# and says "? more" when hints do not fit; ? there lists every key the tab
# takes with the key table's words (] and [ for lists by time, c and C);
# a form's footer names its keys from the table (^S, F10 save ... F1 help)
# and F1 in a form (a Korean-named person's) lists only the keys a form
# takes; the events list's help lists the form keys too.
. "$(dirname "$0")/../lib.sh"
TM_NAME=keyhelp
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys '?' G
tm_expect events-help "In forms (type to fill a field; ^U clears it):"
tm_expect events-help-save "^S, F10          form: save"
tm_keys q
tm_keys Down Enter
tm_expect agenda "day 1 of 2"
tm_expect agenda-footer-pair "]/[ day"
tm_keys 7
tm_expect shifts "Filled/needed"
tm_expect shifts-footer-days "]/[ day"
tm_expect shifts-footer-copy "c copy"
tm_expect shifts-footer-more "? more"
tm_keys ]
tm_expect next-day-works "From Sun 14 Mar on"
tm_keys '?'
tm_expect shifts-help "On this screen"
tm_expect help-next-day "], >             next day (timetable: its sessions; lists by time"
tm_expect help-prev-day "[, <             previous day"
tm_expect help-copy "c                shifts: a new shift copied from the selected one"
tm_expect help-copy-day "C                shifts: copy the selected shift's day"
tm_keys q
tm_expect_gone help-closes "On this screen"

# a form: its footer and its F1 help, from the key table
tm_keys P
tm_expect people "Phone"
tm_keys /
tm_type "최도윤"
tm_keys Enter
tm_expect filtered "matches 2"
tm_keys e
tm_expect form "Edit person"
tm_expect form-footer "^S, F10 save  Tab next  S-Tab prev  Enter choose  Esc cancel  F1 help"
tm_keys F1
tm_expect form-help "On this screen (form):"
tm_expect form-help-save "^S, F10          form: save"
tm_expect form-help-cancel "Esc, ^G          close without saving"
tm_lacks form-help-no-globals "go to the list of events"
tm_keys q
tm_expect_gone form-help-closes "On this screen (form):"
tm_expect form-still-open "Edit person"
# ? is typed into the field, not taken as help
tm_keys Tab C-u
tm_type "doyoon?@example.org"
tm_expect question-mark-typed "doyoon?@example.org"
tm_lacks no-help-on-question-mark "On this screen"
tm_keys Escape y
tm_expect_gone form-discarded "Edit person"

tm_keys q q Q
tm_expect quits "[muster exited with status 0]"
