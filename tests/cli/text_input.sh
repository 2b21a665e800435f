#!/bin/sh
# text_input.sh - text is valid UTF-8 without control characters on every
# path (add, set, import people, an override reason): bytes such as FF FE C0
# AF or 01 1B are refused with exit 2 and a message naming the field, nothing
# is stored, and json output stays decodable. Tab and newline only in long
# text (notes, descriptions).
. "$(dirname "$0")/../lib.sh"

add() { "$M" add "$@" >/dev/null || t_fail "fixture: add $*"; }
add event name=Forum starts="2027-03-13 08:00" ends="2027-03-14 17:30" tz=America/New_York
add role event=1 name=AV min_age=18
add shift event=1 role=1 starts="2027-03-13 09:00" ends="2027-03-13 10:00"
add person name="Dana Reyes"

t_expect add-not-utf8 2 "$M" add person name="$(printf '\377\376\300\257')"
t_err_contains add-not-utf8-names-field "muster: add person: name: not valid UTF-8 text (byte 0xFF at character 1)"
t_expect add-controls 2 "$M" add person name="$(printf 'Eve\001\033[2J')"
t_err_contains add-controls-names-field "add person: name: holds the control character U+0001 at character 4"
t_expect add-c1 2 "$M" add org name="$(printf 'Org\302\233')31m"
t_err_contains add-c1-names-field "add org: name: holds the control character U+009B"
t_expect add-newline-in-name 2 "$M" add room event=1 name="$(printf 'Hall\nB')"
t_err_contains add-newline-says-where "name: holds a line break; only long text (notes, descriptions) may"
t_expect set-controls 2 "$M" set person 1 notes="$(printf 'x\033]52;c;eA==\007')"
t_err_contains set-controls-names-field "set person 1: notes: holds the control character U+001B"
t_expect set-tz-controls 2 "$M" set event 1 venue="$(printf 'Hall\033[6n')"
t_expect long-text-takes-lines 0 "$M" set person 1 notes="$(printf 'line one\n\tline two')"
t_expect bidi-is-text 0 "$M" add person name="$(printf '\342\200\256Ali')"
t_equal nothing-stored "$("$M" list people --format tsv | wc -l | tr -d ' ')" 3
"$M" list people --format json >"$T/people.json"
t_equal json-decodes "$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$T/people.json")" 2

# ---- import people: every cell ----
printf 'name,email\r\nAnn,ann@example.org\r\n"Eve\033[31m",eve@example.org\r\n' >"$T/bad.csv"
t_expect import-controls 2 "$M" import people "$T/bad.csv"
t_err_contains import-controls-line-and-field "bad.csv:3: name: holds the control character U+001B"
printf 'name,org\r\nAnn,"Org\001"\r\n' >"$T/org.csv"
t_expect import-org-controls 2 "$M" import people "$T/org.csv"
t_err_contains import-org-names-field "org.csv:2: org: holds the control character U+0001"
t_equal import-kept-nothing "$("$M" list people --format tsv | wc -l | tr -d ' ')" 3

# ---- an override reason goes to the audit log ----
t_expect reason-controls 2 "$M" assign 1 1 --force --reason "$(printf 'ok\033]0;x\007')"
t_err_contains reason-names-field "reason: holds the control character U+001B"
t_expect reason-clean 0 "$M" assign 1 1 --force --reason "short-staffed"
