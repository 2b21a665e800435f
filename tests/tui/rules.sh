#!/bin/sh
# rules.sh - the core's rules as the coordinator meets them on screen: a room
# double-booking refused in the session form, a volunteer overlap refused
# when assigning, a soft rule lifted with a reason, people who may take a
# shift listed first with the reasons of the others, conflicts listed.
. "$(dirname "$0")/../lib.sh"
TM_NAME=rules
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
# A Medic role needing first aid, and two of its shifts: one clashing with
# Rachel Sullivan's registration desk shift, one free of clashes.
first_aid=$(tsv skills | awk -F'\t' '$2 == "First aid" {print $1}')
rachel=$(tsv people | awk -F'\t' '$2 == "Rachel Sullivan" {print $1; exit}')
rachel_shifts() { tsv assignments --event 2 | awk -F'\t' -v p="$rachel" '$3 == p' | wc -l | tr -d ' '; }
before=$(rachel_shifts)
medic=$("$M" add role event=2 name=Medic skill="$first_aid")
"$M" add shift event=2 role="$medic" starts="2027-03-13 07:00" ends="2027-03-13 08:00" \
	notes="clashing" >/dev/null
"$M" add shift event=2 role="$medic" starts="2027-03-14 15:00" ends="2027-03-14 16:00" \
	notes="free" >/dev/null

tm_start
tm_wait "Eastern Seaboard" >/dev/null
tm_keys Down Enter
tm_expect forum "Brandywine Room at 08:30"

# a room double-booking: a on the taken cell says so (#20 item 8) ...
tm_keys Down Down Down
tm_expect on-taken-slot "Mapping forced labor"
tm_keys a
tm_expect taken-cell-said "Brandywine Room is taken then"
tm_lacks taken-cell-no-form "New session"
# ... and a session from the free 09:00 cell (to 10:00) runs into the talk
tm_keys Up Up
tm_expect on-free-slot "Brandywine Room at 09:00 is free"
tm_keys a
tm_expect session-form "New session"
tm_keys Tab
tm_type "Clash"
tm_keys C-s
tm_expect double-booking-refused "Brandywine Room is taken by"
tm_expect double-booking-names-both "which overlaps 09:00"
tm_expect form-stays-open "New session"
case "$(tsv sessions --event 2)" in *Clash*) t_fail double-booking-not-written ;; *) t_ok double-booking-not-written ;; esac
tm_keys Escape
tm_expect form-asks-before-discarding "Discard this new session?"
tm_keys y
tm_expect_gone form-cancelled "New session"

# the Medic shift that clashes: Rachel Sullivan is refused, in the core's words
tm_keys 7 /
tm_type "Medic"
tm_keys Enter
tm_expect medic-shifts "Medic"
tm_keys Enter
tm_expect shift-opens "Staffed: 0/1 SHORT 1"
tm_keys s
tm_expect assign-screen "Assign to: Medic"
tm_expect eligible-first "yes"
tm_keys /
tm_type "Rachel Sullivan"
tm_keys Enter
tm_expect reason-shown "no: already works Registration desk"
tm_keys Enter
tm_expect overlap-refused "Rachel Sullivan already works Registration desk Sat 13 Mar 06:30"
tm_expect overlap-names-both "which overlaps 07:00"
t_equal overlap-not-written "$(rachel_shifts)" "$before"
tm_keys q Escape q q

# the free Medic shift: she lacks first aid, a soft rule lifted with a reason
tm_wait "Medic" >/dev/null
tm_keys Down Enter
tm_expect second-shift "Sun 14 Mar 15:00"
tm_keys s /
tm_type "Rachel Sullivan"
tm_keys Enter
tm_expect soft-reason-shown "only with an override (!): lacks First aid"
tm_keys Enter
tm_expect override-asked "Override a soft rule"
tm_type "first aid course on Friday"
tm_keys Enter
tm_expect override-assigned "(override: first aid"
tm_expect shift-now-staffed "Staffed: 1/1 full"
tm_expect volunteer-listed "Rachel Sullivan"
case "$(tsv audit)" in
*"first aid course on Friday"*) t_ok override-audited ;;
*) t_fail override-audited "$(tsv audit | tail -3)" ;;
esac

# checked in she cannot be taken off, only checked out
tm_keys i
tm_expect checked-in "Checked in: Rachel Sullivan"
tm_expect checked-in-status "checked_in"
tm_keys d
tm_expect unassign-asks "Take Rachel Sullivan off this shift?"
tm_keys y
tm_expect unassign-refused "has checked in to Medic"
tm_keys q o
tm_expect checked-out "Checked out: Rachel Sullivan"
tm_expect checked-out-status "completed"
tm_keys q

# the override is a violation `check` reports, and so does the conflicts tab
tm_keys 8
tm_expect conflicts-tab "Conflict"
tm_expect conflict-listed "lacks First aid"
tm_expect conflict-kind "skill"
# kept while nothing changes (tabs switched back), swept again once another
# process writes: her first aid certificate recorded, the conflict goes
tm_keys 1
tm_expect_gone conflicts-left "lacks First aid"
tm_keys 8
tm_expect conflicts-back "lacks First aid"
"$M" add person_skill person="$rachel" skill="$first_aid" >/dev/null
tm_expect_gone conflict-resolved-elsewhere "lacks First aid"

# registrations: register someone, check them in, cancel
tm_keys 5 a
tm_expect person-picker "Choose a person"
tm_keys /
tm_type "Dana Murphy"
tm_keys Enter
tm_wait "Dana Murphy" >/dev/null
tm_keys Enter
tm_expect kind-picker "Register as"
tm_keys Down Enter
tm_expect registered "Registered as volunteer"
case "$(tsv registrations --event 2)" in *"	4	volunteer	registered"*) t_ok registration-written ;; *) t_fail registration-written ;; esac
tm_keys /
tm_type "Dana Murphy"
tm_keys Enter
tm_expect registration-listed "volunteer registered"
tm_keys i
tm_expect registration-checked-in "Checked in: Dana Murphy"
tm_expect registration-status "checked_in"
tm_keys d
tm_expect unregister-asks "Cancel the registration of Dana Murphy?"
tm_keys y
tm_expect unregistered "Registration cancelled"
tm_keys Q
tm_expect quits "[muster exited with status 0]"
