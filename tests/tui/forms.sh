#!/bin/sh
# forms.sh - an event, a room, a session, a role and a shift created through
# the TUI's forms and found in the database; a bad value refused inline with
# the core's message; delete asks first.
. "$(dirname "$0")/../lib.sh"
TM_NAME=forms
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }

tm_start
tm_wait "Eastern Seaboard Forum" || t_fail start "$(tm_screen)"

# an event, from the events list
tm_keys a
tm_expect event-form "New event"
tm_type "Riverside Vigil"
tm_keys Tab
tm_type "2027-05-01 18:00"
tm_keys Tab
tm_type "2027-05-01 17:00"
tm_keys Tab
tm_type "Europe/Berlin"
tm_keys C-s
tm_expect event-refused-inline "ends 2027-05-01 17:00 must be after starts"
tm_expect event-form-stays "New event"
tm_keys C-u
tm_type "2027-05-01 21:00"
tm_keys C-s
tm_expect event-saved "Added event"
case "$(tsv events)" in
*"Riverside Vigil"*"2027-05-01 18:00"*Europe/Berlin*) t_ok event-in-database ;;
*) t_fail event-in-database "$(tsv events)" ;;
esac

# the forum: a room from the timetable
tm_expect event-listed "Riverside Vigil"
tm_keys Home Down Enter
tm_expect forum-open "Brandywine Room"
tm_keys r
tm_expect room-form "New room"
tm_type "Annex Ünïcode 会议室"
tm_keys Tab
tm_type "40"
tm_keys C-s
tm_expect room-saved "Added room"
case "$(tsv rooms --event 2)" in
*"Annex Ünïcode 会议室"*40*) t_ok room-in-database ;;
*) t_fail room-in-database "$(tsv rooms --event 2)" ;;
esac

# a session where the cursor is (Brandywine Room, 08:30, before its first talk)
tm_expect agenda-cursor "Brandywine Room at 08:30 is free"
tm_keys a
tm_expect session-form "New session"
tm_expect session-room-preset "Brandywine Room"
tm_keys Tab
tm_type "Breakfast briefing"
tm_keys C-s
tm_expect session-saved "Added session"
case "$(tsv sessions --event 2)" in
*"Breakfast briefing"*) t_ok session-in-database ;;
*) t_fail session-in-database "$(tsv sessions --event 2 | tail -3)" ;;
esac
tm_expect session-on-timetable "Breakfast"

# a volunteer role
tm_keys 6
tm_expect roles-tab "Usher"
tm_keys a
tm_expect role-form "New role"
tm_type "Quiet room host"
tm_keys Tab Tab Tab C-u
tm_type "abc"
tm_keys C-s
tm_expect role-bad-number "min_age: \"abc\" is not a whole number"
tm_keys C-u
tm_type "18"
tm_keys C-s
tm_expect role-saved "Added role"
case "$(tsv roles --event 2)" in
*"Quiet room host"*) t_ok role-in-database ;;
*) t_fail role-in-database "$(tsv roles --event 2)" ;;
esac

# a shift for it, the role chosen from a list
tm_keys 7
tm_expect shifts-tab "Registration desk"
tm_keys a
tm_expect shift-form "New shift"
tm_keys Enter
tm_expect role-picker "Choose a role"
tm_keys /
tm_type "Quiet"
tm_keys Enter
tm_expect picker-search "Quiet room host"
tm_keys Enter
tm_expect picked-role-named "Quiet room host"
tm_keys Tab Tab Tab Tab Tab
tm_keys C-u
tm_type "4"
tm_keys Tab C-u
tm_type "3"
tm_keys C-s
# named for a person (not SQLite's CHECK), and the field it names is focused
tm_expect shift-need-refused-inline "need_min 4 is above need_max 3"
tm_keys C-u
tm_type "2"
tm_keys C-s
tm_expect shift-saved "Added shift"
role=$(tsv roles --event 2 | awk -F'\t' '$3 == "Quiet room host" {print $1}')
case "$(tsv shifts --event 2)" in
*"	$role	"*"2027-03-13 09:00	2027-03-13 11:00	2	3	"*) t_ok shift-in-database ;;
*) t_fail shift-in-database "role $role" "$(tsv shifts --event 2 | tail -3)" ;;
esac

# the new shift is short of volunteers, in words
tm_keys u
tm_expect new-shift-uncovered "0/2-3 SHORT 2"

# a skill for a person, from their screen, the skill chosen from a list
tm_keys P /
tm_type "Rachel Sullivan"
tm_keys Enter
tm_wait "Rachel Sullivan" >/dev/null
tm_keys Enter
tm_expect person-screen "No skills recorded"
tm_keys a
tm_expect person-skill-form "New person skill"
tm_keys Tab Enter
tm_expect skill-picker "Choose a skill"
tm_keys /
tm_type "First"
tm_keys Enter
tm_wait "First aid" >/dev/null
tm_keys Enter Tab
tm_type "2027-12-31"
tm_keys C-s
tm_expect person-skill-saved "Added person_skill"
tm_expect person-skill-listed "2027-12-31"
case "$(tsv person_skills)" in
*"	1	2027-12-31"*) t_ok person-skill-in-database ;;
*) t_fail person-skill-in-database "$(tsv person_skills | tail -2)" ;;
esac
tm_keys q q
tm_keys E
tm_wait "Eastern Seaboard" >/dev/null
tm_keys Home Down Enter 6

# delete asks first; n keeps the row
tm_keys 6
tm_wait "Quiet room host" >/dev/null
tm_keys /
tm_type "Quiet"
tm_keys Enter
tm_wait "Quiet room host" >/dev/null
tm_keys d
tm_expect delete-asks "Delete role"
tm_keys n
tm_expect_gone delete-declined "Delete role"
case "$(tsv roles --event 2)" in *"Quiet room host"*) t_ok delete-kept ;; *) t_fail delete-kept ;; esac
tm_keys d
tm_wait "Delete role" >/dev/null
tm_keys y
tm_expect delete-refused-dependents "still used by 1 shift"
case "$(tsv roles --event 2)" in *"Quiet room host"*) t_ok refused-delete-kept ;; *) t_fail refused-delete-kept ;; esac

# cancelling every kind of box on the way out leaves nothing behind (the
# asan build reports leaks at exit)
tm_keys 7 a
tm_wait "New shift" >/dev/null
tm_keys Enter
tm_expect cancel-picker-opens "Choose a role"
tm_keys Escape
tm_expect_gone cancel-picker "Choose a role"
tm_keys Escape
tm_expect_gone cancel-form "New shift"
tm_keys :
tm_type "list"
tm_keys Escape d n
tm_keys Q
tm_expect quits "[muster exited with status 0]"
