#!/bin/sh
# widefield.sh - editing a field that holds wide or combining characters
# (#20, wide characters), at 80x24 on the demo: the cursor starts after the
# text, so what is typed is added at its end: a Korean name and a Khmer one
# (with its vowel signs and subscripts) each get an "X" at the end, not in
# the middle of a character; the / search field, opened again on its
# Korean text, adds at the end too.
. "$(dirname "$0")/../lib.sh"
TM_NAME=widefield
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
KO=$("$M" list people --format tsv | awk -F'\t' '$2 == "최도윤" && $3 != "" { print $1; exit }')
KM=$("$M" list people --format tsv | awk -F'\t' '$3 == "piseth.kim@example.org" { print $1 }')
KM_NAME=$("$M" show person "$KM" | sed -n 's/^name: //p')
name() { "$M" show person "$1" | sed -n 's/^name: //p'; }

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys P
tm_expect people "Phone"
tm_keys /
tm_type "doyoon.choi@"
tm_keys Enter
tm_expect filtered-ko "matches 1"
tm_keys e
tm_expect form-ko "Edit person $KO"
tm_type "X"
tm_keys C-s
tm_expect saved-ko "Saved person $KO"
[ "$(name "$KO")" = "최도윤X" ] && t_ok korean-typed-at-end || t_fail korean-typed-at-end "$(name "$KO")"

tm_keys /
tm_keys C-u
tm_type "piseth.kim@"
tm_keys Enter
tm_expect filtered-km "matches 1"
tm_keys e
tm_expect form-km "Edit person $KM"
tm_type "X"
tm_keys C-s
tm_expect saved-km "Saved person $KM"
[ "$(name "$KM")" = "${KM_NAME}X" ] && t_ok khmer-typed-at-end || t_fail khmer-typed-at-end "$(name "$KM")"

# the search prompt opens on its text; typing adds at the end
tm_keys /
tm_keys C-u
tm_type "최도"
tm_keys Enter
tm_expect search-ko 'Filter "최도"'
tm_keys /
tm_type "윤X"
tm_keys Enter
tm_expect search-appended 'Filter "최도윤X"'

tm_keys q q Q
tm_expect quits "[muster exited with status 0]"
