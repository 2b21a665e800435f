#!/bin/sh
# coordinator.sh - the coordinator TUI on the demo data, driven through tmux:
# every view opens and shows demo rows, help, search, the : prompt, resize,
# a change from the command line showing up by itself, and database text
# with escape sequences shown harmlessly.
. "$(dirname "$0")/../lib.sh"
TM_NAME=coord
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"

tm_start
tm_expect events-list "Eastern Seaboard Forum"
tm_expect events-list-both "Lakeshore Community"
tm_expect hint-bar "a add"

# the forum and each of its tabs
tm_keys Down Enter
tm_expect agenda-rooms-across "Brandywine Room"
tm_expect agenda-session-block "Mapping forced"
tm_expect agenda-day "day 1 of 2"
tm_keys ']'
tm_expect agenda-second-day "day 2 of 2"
tm_expect agenda-second-day-session "Trauma-info"
tm_keys 2
tm_expect tab-sessions "Opening plenary"
tm_keys Enter
tm_expect session-screen "Keynotes and the day's program"
tm_expect session-speakers "host"
tm_keys Enter
tm_expect speaker-person-screen "Skills  Availability  Shifts"
tm_keys q q
tm_keys 3
tm_expect tab-rooms "Liberty Ballroom"
tm_keys 4
tm_expect tab-booths "E01"
tm_keys 5
tm_expect tab-people "volunteer"
tm_keys w
tm_expect tab-people-waitlist "Nobody is waiting"
tm_keys w
tm_keys 6
tm_expect tab-roles "Usher"
tm_keys 7
tm_expect tab-shifts "Registration desk"
tm_expect shifts-coverage-in-words "SHORT"
tm_keys ']'
tm_expect shifts-next-day "From Sun 14 Mar on"
tm_expect shifts-second-day-rows "Sun 14 Mar 07:30-09:30"
tm_keys "["
tm_keys u
tm_expect shifts-uncovered-only "Only shifts still short"
tm_keys H
tm_expect coverage-per-hour "places filled up to each shift's need"
tm_keys H
tm_keys Enter
tm_expect shift-screen "Staffed:"
tm_expect shift-volunteers "Volunteer"
tm_keys q
tm_keys 8
tm_expect tab-conflicts "Conflict"
tm_keys 9
tm_expect tab-audit "add assignment"
tm_keys Tab
tm_expect tab-wraps-to-agenda "Brandywine Room"
tm_keys O
tm_expect orgs-view "Organizations"
tm_expect orgs-rows "Asian Family Suppo"
tm_keys K
tm_expect skills-view "Trauma-informed care"
tm_keys P
tm_expect people-view "Andrés García"
tm_keys Enter
tm_expect person-screen "andres.garcia@example.org"
tm_keys Tab Tab
tm_expect person-shifts "Role"
tm_keys q

# search in a list
tm_keys /
tm_type "reyes"
tm_keys Enter
tm_expect search-finds "Dana Reyes"
tm_lacks search-filters "Andrés García"
tm_keys Escape
tm_expect search-cleared "Andrés García"

# help generated from the key table
tm_keys '?'
tm_expect help-opens "Help: keys"
tm_expect help-lists-actions "delete the selected row"
tm_expect help-globals "quit muster"
tm_keys q
tm_expect_gone help-closes "Help: keys"

# the : prompt runs the command line's commands
tm_keys :
tm_type "list rooms --event 2"
tm_keys Enter
tm_expect command-output "Susquehanna Room"
tm_keys q
tm_keys :
tm_type "lsit rooms"
tm_keys Enter
tm_expect command-error "did you mean list?"

# a change made by another process shows without a key press
tm_wait "Andrés García" >/dev/null
"$M" add person name="Aaron Live" >/dev/null
tm_expect cli-change-appears "Aaron Live"

# resize: redrawn to the new size (the organization column takes the new
# width, so a name cut at 80 columns is whole), hints on the new last line
tm_resize 100 30
tm_expect resize-wider "Brightpath Youth Services "
if last=$(tm_wait_line 30 "add"); then t_ok resize-hints-on-last-line; else t_fail resize-hints-on-last-line "line 30: $last"; fi
tm_resize 80 24
tm_wait "? help" >/dev/null
if last=$(tm_wait_line 24 "add"); then t_ok resize-back-hints; else t_fail resize-back-hints "line 24: $last"; fi

# text from the database never reaches the terminal raw
esc=$(printf '\033')
bel=$(printf '\007')
# (typed controls are refused: the row is as another program left it)
id=$("$M" add person name="Aaa Red")
sqlite3 "$MUSTER_DB" "UPDATE person SET name = 'Aaa ${esc}[31mRed${esc}]0;pwned${bel} ${esc}[2J' WHERE id = $id"
tm_expect escape-name-shown "Aaa"
tm_expect escape-neutralised "[31mRed"
tm_lacks escape-screen-intact "pwned"
title=$(tm_title)
case "$title" in *pwned*) t_fail escape-no-title-change "pane title: $title" ;; *) t_ok escape-no-title-change ;; esac
tm_expect escape-list-intact "Andrés García"

# wide characters keep columns aligned: the code column starts at the same
# display column on every row
"$M" add person name="Aab 李小龍 ทดสอบ" email=wide@example.org >/dev/null
tm_expect wide-name-shown "李小龍"
tm_screen >"$T/screen.txt"
if python3 - "$T/screen.txt" <<'EOF'
import sys, unicodedata
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in 'WF' else 1
    return w
cols = set()
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('Aa') or line.startswith('Andrés'):
        code = line.rstrip().split(' ')[-1]
        cols.add(width(line[:line.rstrip().rindex(code)]))
sys.exit(0 if len(cols) == 1 else 1)
EOF
then t_ok wide-columns-aligned; else t_fail wide-columns-aligned "$(cat "$T/screen.txt")"; fi

# leaving: the directory (P) was opened from the forum, so q goes back
# there, then to the events list
tm_keys q
tm_expect directory-back-to-event "Brandywine Room"
tm_keys q q
tm_expect quits-cleanly "[muster exited with status 0]"
