#!/bin/sh
# open.sh - one meaning per key (#20 items 1 and 7) at 80x24 with the demo:
# Enter opens a read-only view with every field and e edits, in every list
# (rooms, booths, roles, the audit log); in the Agenda Enter opens the session
# (its speakers) and e edits it; d on a registration says it cancels it.
# Esc on a changed form asks before discarding it, a on a taken Agenda cell
# says so, a new shift starts on the day being viewed (item 8).
. "$(dirname "$0")/../lib.sh"
TM_NAME=open
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
EV=$(tsv events | awk -F'\t' '$2 ~ /Forum/ { print $1 }')
# the forum's first room by name, and a reason long enough to be cut in a row
ROOM=$(tsv rooms --event "$EV" | awk -F'\t' 'NR > 1 { print $3 "\t" $1 }' | sort | head -1 | cut -f2)
ROOM_NAME=$("$M" show room "$ROOM" | awk -F': *' '$1 ~ /name/ { print $2; exit }')
[ -n "$ROOM" ] && [ -n "$ROOM_NAME" ] || t_fail fixture "no room in the forum"

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Down Enter
tm_expect forum "1Agenda"

# the Agenda: Enter on a session opens its screen, e edits it
tm_keys Down Down Down
tm_expect agenda-on-session "Mapping forced labor in seafood"
tm_expect agenda-footer "a add  Enter open  e edit  d delete"
tm_keys Enter
tm_expect agenda-enter-opens-session "Speakers"
tm_lacks agenda-enter-no-form "Edit session"
tm_keys q
tm_expect agenda-back "a add  Enter open  e edit"
# a on the taken cell says so instead of opening a form that must fail (item 8)
tm_keys a
tm_expect agenda-a-taken "Brandywine Room is taken then: Enter opens that session"
tm_lacks agenda-a-no-form "New session"
tm_keys e
tm_expect agenda-e-edits "Edit session"
tm_keys Escape
tm_expect_gone agenda-form-closes "Edit session"

# Rooms: Enter shows every field, titled with the id; e edits
tm_keys 3
tm_expect rooms-tab "Seats"
tm_keys Enter
tm_expect room-view-title "Room $ROOM (e edits it from the list)"
tm_expect room-view-fields "capacity:"
tm_expect room-view-event "event: event $EV"
tm_lacks room-enter-no-form "Edit room"
tm_keys q
tm_expect_gone room-view-closes "e edits it from the list"
tm_keys e
tm_expect room-e-edits "Edit room $ROOM"
# Esc on a form nobody changed closes it at once (#20 item 8)
tm_keys Escape
tm_expect_gone room-form-closes "Edit room"
# a changed one asks first: n goes back to the form, y discards
tm_keys e
tm_expect room-e-again "Edit room $ROOM"
tm_type "Changed"
tm_keys Escape
tm_expect room-esc-asks "Discard your changes to room $ROOM?"
tm_keys n
tm_expect_gone room-n-back-to-form "Discard your changes"
tm_expect room-form-kept "Edit room $ROOM"
tm_keys Escape
tm_expect room-esc-asks-again "Discard your changes to room $ROOM?"
tm_keys y
tm_expect_gone room-y-discards "Edit room $ROOM"
tm_expect room-discarded-said "Changes discarded."
t_equal room-not-saved "$("$M" show room "$ROOM" | awk -F': *' '$1 ~ /name/ { print $2; exit }')" "$ROOM_NAME"

# Booths: the partner's whole name in the view
tm_keys 4
tm_expect booths-tab "Partner"
tm_keys Enter
tm_expect booth-view "Booth "
tm_expect booth-view-org "org: org "
tm_keys q

# Roles
tm_keys 6
tm_expect roles-tab "Skill needed"
tm_keys Enter
tm_expect role-view "Role "
tm_expect role-view-min-age "min_age:"
tm_keys q

# the audit log: a row's whole text
tm_keys 9
tm_expect audit-tab "What"
tm_keys Enter
tm_expect audit-view "┌ Details"
tm_expect audit-view-what "What: "
tm_keys q
tm_expect_gone audit-view-closes "┌ Details"

# a new shift defaults to the day being viewed (] moves to day 2) (item 8)
DAY2=$(tsv events | awk -F'\t' -v id="$EV" '$1 == id { print $4 }' | cut -c1-10)
tm_keys 7
tm_expect shifts-tab "Filled/needed"
tm_keys ']'
tm_expect shifts-day-2 "From Sun 14 Mar"
tm_keys a
tm_expect new-shift-on-day-2 "starts* $DAY2 09:00"
tm_keys Escape
tm_expect_gone new-shift-closes "New shift"

# the People tab: d cancels a registration, and says so
tm_keys 5
tm_expect people-tab-hint "d cancel registration"
tm_keys d
tm_expect people-d-asks "Cancel registration"
tm_keys Escape
tm_expect_gone people-d-cancelled "Cancel the registration of"

tm_keys q Q
tm_expect quits "[muster exited with status 0]"
