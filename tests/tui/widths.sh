#!/bin/sh
# widths.sh - nothing a lead needs is cut off, and people of the same name
# can be told apart (#20 items 1, 2 and the tab numbers of item 7), at 80x24
# and 120x40 with the demo: phones, emails and times are never cut, the name
# gives way first; two "Dana Kowalski" show their emails wherever both are
# on screen (the People tab, the directory picker, the assign dialog).
. "$(dirname "$0")/../lib.sh"
TM_NAME=widths
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
# a person's field (email, phone...) by id
field() { tsv people | awk -F'\t' -v id="$1" -v f="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next } $1 == id { print $c[f] }'; }
named() { tsv people | awk -F'\t' -v n="$1" '$2 == n { print $1 }'; }
set -- $(named "Dana Kowalski")
D1=$1 D2=$2
[ -n "$D1" ] && [ -n "$D2" ] || t_fail fixture "the demo has no two Dana Kowalski"
E1=$(field "$D1" email) E2=$(field "$D2" email) P1=$(field "$D1" phone)
[ "$E1" != "$E2" ] && [ -n "$P1" ] || t_fail fixture "Dana Kowalski: $E1 $E2 $P1"

tm_start
tm_expect events "Eastern Seaboard Forum on"

# the directory at 80 columns: a whole phone and a whole email
tm_keys P
tm_expect directory "Phone"
tm_keys /
tm_type "Dana Kowalski"
tm_keys Enter
tm_expect directory-phone-whole "$P1"
tm_expect directory-email-whole "$E2 "
tm_resize 120 40
tm_expect directory-120-phone-whole "$P1"
tm_resize 80 24
tm_keys Escape q

# the forum's tabs keep their numbers at 80 columns
tm_keys Down Enter
tm_expect tab-numbers-80 "9Audit"
tm_expect tab-numbers-80-first "1Agenda"

# booths: the end of a two-day booth is not cut
tm_keys 4
tm_expect booth-two-days "Sat 13 Mar 08:00-Sun 14 Mar 17:30"

# the People tab: the two Dana Kowalski show their emails
tm_keys 5 /
tm_type "Dana Kowalski"
tm_keys Enter
tm_expect people-tab-told-1 "Dana Kowalski · $E1"
tm_expect people-tab-told-2 "Dana Kowalski · $E2"
# and the name alone, where it is the only one of its name on screen
tm_keys Escape /
tm_type "$E1"
tm_keys Enter
tm_expect people-tab-one-match "matches 1 row"
tm_lacks people-tab-alone-plain "Dana Kowalski ·"
tm_keys Escape

# the directory picker, registering someone: its own Email column tells
# them apart, whole
tm_keys a
tm_expect picker-opens "Choose a person"
tm_keys /
tm_type "Kowalski"
tm_keys Enter
tm_expect picker-searched "search: Kowalski"
tm_expect picker-email-1 " $E1 "
tm_expect picker-email-2 " $E2 "
tm_lacks picker-no-tell-twice "Dana Kowalski ·"
tm_keys Escape Escape
tm_expect_gone picker-closes "Choose a person"

# the assign dialog, over the whole directory
tm_keys 7
tm_expect shifts-tab "Filled/needed"
tm_keys Enter
tm_expect shift-screen "Staffed:"
tm_keys s
tm_expect assign-opens "Assign to:"
tm_keys /
tm_type "Dana Kowalski"
tm_keys Enter
# (at 80 columns the name and what tells it apart take 32, the verdict the rest)
tm_expect assign-told-1 "Dana Kowalski · ${E1%%@*}@"
tm_expect assign-told-2 "Dana Kowalski · ${E2%%@*}@"
tm_resize 120 40
tm_expect assign-120-told-1 "Dana Kowalski · $E1 "
tm_expect assign-120-told-2 "Dana Kowalski · $E2 "
tm_resize 80 24
tm_keys q q q

tm_keys Q
tm_expect quits "[muster exited with status 0]"
