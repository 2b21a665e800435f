#!/bin/sh
# signups.sh - session sign-ups on the coordinator's screen (tmux, 80x24):
# the Sessions tab shows each session's fill (0/2, then 2/2+1); on the
# session's screen (Tab: Sign-ups) a signs three people up for two seats,
# the third waits at position 1; an overlapping sign-up asks for a reason;
# d cancels a seated one and the screen names who moves up; i checks in;
# the person's screen lists their sign-ups. The database agrees.
. "$(dirname "$0")/../lib.sh"
TM_NAME=signups
. "$(dirname "$0")/lib/tmux.sh"

sql() { sqlite3 -cmd ".timeout 10000" "$MUSTER_DB" "$1"; }
export MUSTER_NOW=2026-12-05T15:55:00Z # 09:55 in Chicago, on the day

"$M" add event name=Forum starts="2026-12-05 08:00" ends="2026-12-05 18:00" \
	tz=America/Chicago >/dev/null
"$M" add room event=1 name="Delaware Room" capacity=2 >/dev/null
"$M" add session event=1 room=1 title="Supply chains" kind=breakout \
	starts="2026-12-05 10:00" ends="2026-12-05 11:00" >/dev/null
"$M" add session event=1 title="Social media" kind=panel \
	starts="2026-12-05 10:30" ends="2026-12-05 11:30" >/dev/null
for n in "Ana Cruz" "Bo Kim" "Cy Ode"; do "$M" add person name="$n" >/dev/null; done
for p in 1 2 3; do "$M" register 1 $p >/dev/null; done

tm_start
tm_expect events "Forum"
tm_keys Enter
tm_keys 2
tm_expect sessions-tab-fill-empty "0/2"
tm_keys Enter
tm_expect session-header "0/2 seats taken"
tm_keys Tab
tm_expect signups-tab "Nobody has signed up yet"
tm_expect signups-hints "i check in"

# three people for two seats: the third waits
tm_keys a
tm_expect picker "Choose a person"
tm_keys Enter
tm_expect first-seated "Ana Cruz: signed up."
tm_keys a
tm_expect picker-again "Choose a person"
tm_keys Down Enter
tm_expect second-seated "Bo Kim: signed up."
tm_keys a
tm_expect picker-third "Choose a person"
tm_keys Down Down Enter
tm_expect third-waits "Cy Ode: waitlisted at position 1."
tm_expect header-full "2/2 seats taken"
t_equal db-waiting "$(sql "SELECT waitlist_position FROM signup WHERE person = 3")" 1

# the Sessions tab shows the fill and who waits
tm_keys q
tm_expect sessions-tab-fill "2/2+1"
tm_keys Enter
tm_keys Tab
tm_expect back-on-signups "waitlisted"

# cancelling a seat promotes the first waiting, named on the screen
tm_keys Home d
tm_expect confirm "Cancel the sign-up of Ana Cruz?"
tm_keys y
tm_expect promoted "Cy Ode moves up from the waitlist"
t_equal db-promoted "$(sql "SELECT status FROM signup WHERE person = 3")" registered
t_equal db-cancelled "$(sql "SELECT status FROM signup WHERE person = 1")" cancelled
t_equal db-promote-audited "$(sql "SELECT count(*) FROM audit WHERE action = 'promote' AND entity = 'signup'")" 1

# check-in
tm_keys Home i
tm_expect checked-in "Checked in: Bo Kim."
tm_expect checked-in-row "Sat 5 Dec 09:55"
t_equal db-checked-in "$(sql "SELECT status FROM signup WHERE person = 2")" checked_in

# an overlapping sign-up is a soft rule: the screen asks for a reason
tm_keys q Down Enter
tm_expect social-media "Social media"
tm_keys Tab a
tm_expect picker-overlap "Choose a person"
tm_keys Down Enter
tm_expect override-asked "Override a soft rule"
tm_expect override-says "Bo Kim is signed up for \"Supply chains\""
tm_type "moderates"
tm_keys Enter
tm_expect override-done "Bo Kim: signed up."
t_equal db-override-audited "$(sql "SELECT count(*) FROM audit WHERE action = 'override' AND summary LIKE '%moderates%'")" 1

# the person's screen lists their sign-ups
tm_keys Home Enter
tm_expect person-screen "Bo Kim"
tm_keys Tab Tab Tab
tm_expect person-signups "Supply chains"
tm_expect person-signups-both "Social media"
tm_expect person-signups-status "checked_in"
