#!/bin/sh
# kiosk.sh - `muster kiosk` in a private tmux server at 80x24: a volunteer
# signs in, sees their own shifts and nobody else's, checks in (seen in the
# database), signs up for an eligible open shift, is refused an overlapping
# one with the reason, drops a shift, and a name holding escape sequences is
# drawn harmlessly.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/kiosk.sh"

k_fixture
PIN=$(k_pin 1)
EVE_PIN=$(k_pin 5)
others='Zed Quill Marsh Cora Hidden Mallory example.org 555-01'

# no_others NAME: the screen shows no other volunteer's name or contact.
no_others() {
	screen=$(k_screen a)
	for w in $others; do
		case "$screen" in
		*"$w"*)
			t_fail "$1" "screen shows $w" "$(printf '%s\n' "$screen" | sed 's/^/|/')"
			return
			;;
		esac
	done
	t_ok "$1"
}

k_start a
k_check a welcome-screen "Type or scan your volunteer code"
k_type a "$(printf '%s' "$DANA" | tr 'A-Z' 'a-z')"
k_check a code-typed-upper-cased "[ $DANA"
k_keys a Enter
k_check a asks-for-pin "Now type your PIN"
k_type a "$PIN"
k_check a pin-masked "[ $(printf '%s' "$PIN" | tr 0-9 '*') "
case "$(k_screen a)" in
*"$PIN"*) t_fail pin-never-shown "the PIN is on the screen" ;;
*) t_ok pin-never-shown ;;
esac
k_keys a Enter
k_check a signed-in "Your upcoming shifts"
k_check a own-name-shown "Signed in: Dana Reyes"
k_check a own-shift-listed "Tue 24 Nov 07:00–09:00"
k_check a second-own-shift "Sat 5 Dec  09:00–11:00"
k_check a lead-first-name "Lena"
k_check a place-shown "Lobby"
k_check a lead-in-detail "Lobby, lead Lena"
no_others privacy-own-shifts
k_check a check-in-hint "Press I to check in now."
k_check a selection-marked-without-colour "> Tue 24 Nov"
$KTMUX resize-window -t a -x 120 -y 30
k_check a resize-redraws-wider "Event"
k_check a resize-shows-event "Harbor Forum           Lena"
for size in 12x4 1x1 30x8; do
	$KTMUX resize-window -t a -x "${size%x*}" -y "${size#*x}"
	k_keys a Down d n
done
$KTMUX resize-window -t a -x 80 -y 24
k_wait_gone a "Harbor Forum           Lena" 5 && t_ok resize-back || t_fail resize-back "$(k_screen a)"
k_check a tiny-sizes-survived "Your upcoming shifts"
t_equal tiny-sizes-running "$(k_running a)" yes
k_keys a Home
k_check a home-selects-first "> Tue 24 Nov"

# check in: on screen and in the database, written as kiosk:CODE
k_keys a i
k_check a check-in-done "Done: You are checked in to Greeter, Tue 24 Nov 07:00–09:00."
k_check a check-in-status "CHECKED IN"
t_equal check-in-in-db "$(k_sql "SELECT status FROM assignment WHERE shift = 1 AND person = 1")" checked_in
t_equal check-in-time "$(k_sql "SELECT checked_in_at FROM assignment WHERE shift = 1 AND person = 1")" \
	"$(date -u -d 2026-11-24T12:00:00Z +%s)"
t_equal check-in-actor "$(k_sql "SELECT actor FROM audit ORDER BY id DESC LIMIT 1")" "kiosk:$DANA"
k_keys a i
k_check a check-in-twice-refused "Not done: You are already checked in to this shift."
k_keys a d
k_check a drop-checked-in-refused "check out instead"

# the second shift: check-in not open yet; drop asks, then drops
k_keys a Down
k_check a check-in-not-yet "Check-in opens Sat 5 Dec 08:30, 30 minutes before the shift."
k_keys a i
k_check a check-in-early-refused "Not done: Check-in opens Sat 5 Dec 08:30"
k_keys a d
k_check a drop-asks "Drop Greeter, Sat 5 Dec 09:00–11:00? Press Y"
k_keys a n
k_check a drop-cancelled "Nothing was changed."
t_equal drop-cancel-kept "$(k_sql "SELECT status FROM assignment WHERE shift = 2 AND person = 1")" signed_up
k_keys a d
k_wait a "Press Y" 5
k_keys a y
k_check a drop-done "Done: You dropped Greeter, Sat 5 Dec 09:00–11:00."
t_equal drop-in-db "$(k_sql "SELECT status FROM assignment WHERE shift = 2 AND person = 1")" dropped
k_wait_gone a "Sat 5 Dec  09:00" 5 && t_ok dropped-shift-gone || t_fail dropped-shift-gone "still listed"

# open shifts: the ones Dana may take; a full one is not offered
k_keys a s
k_check a open-shifts "Open shifts you can sign up for"
k_check a open-first "Sat 5 Dec  13:00–15:00   Registration"
k_check a open-second "Sat 5 Dec  14:00–16:00   Registration"
k_check a dropped-shift-offered-again "Sat 5 Dec  09:00–11:00   Greeter"
case "$(k_screen a)" in
*"Sun 6 Dec"*) t_fail full-shift-hidden "the full shift is offered" ;;
*) t_ok full-shift-hidden ;;
esac
no_others privacy-open-shifts
k_keys a Down Enter
k_check a signup-asks "Sign up for Registration, Sat 5 Dec 13:00–15:00? Press Y"
k_keys a y
k_check a signup-done "Done: You are signed up for Registration, Sat 5 Dec 13:00–15:00."
t_equal signup-in-db "$(k_sql "SELECT status || ' ' || source FROM assignment WHERE shift = 3 AND person = 1")" \
	"signed_up kiosk"
k_check a signup-marked "YOURS"
k_keys a Down Enter
k_wait a "Press Y" 5
k_keys a y
k_check a overlap-refused "Not done:"
k_check a overlap-reason "overlaps"
t_equal overlap-not-written "$(k_sql "SELECT COUNT(*) FROM assignment WHERE shift = 4")" 0
no_others privacy-after-refusal

# back to my shifts: the new shift is there with a confidential lead unnamed
k_keys a b
k_check a back-to-mine "Your upcoming shifts"
k_check a signed-up-listed "Sat 5 Dec  13:00–15:00   Registration"
k_check a confidential-lead-unnamed "your lead"
no_others privacy-confidential-lead
k_keys a Down
k_check a confidential-lead-detail "Harbor Hall, lead not na"
case "$(k_screen a)" in
*"lead your lead"*) t_fail confidential-lead-reads-well "the detail reads 'lead your lead'" ;;
*) t_ok confidential-lead-reads-well ;;
esac
k_keys a Enter
k_check a enter-explains "Check-in opens Sat 5 Dec 12:30"

# not a terminal: refused, nothing drawn
t_expect kiosk-needs-terminal 2 "$M" kiosk </dev/null
t_err_contains kiosk-needs-terminal-message "kiosk: needs a terminal"

# no exit passphrase configured: F10 does nothing; q signs out
k_keys a q
k_check a signed-out "You are signed out. Thank you!"
k_keys a F10
k_type a "X"
k_check a no-exit-without-hash "[ X "
t_equal still-running "$(k_running a)" yes
k_keys a Escape

# a name with escape sequences is drawn as plain text
k_sign_in a "$EVE" "$EVE_PIN"
k_check a escape-name-signed-in "Your upcoming shifts"
k_check a escape-name-visible "[2J"
k_check a escape-name-rest "Mallory"
screen=$(k_screen a)
case "$screen" in
*"muster kiosk"*"Your upcoming shifts"*"Tue 24 Nov"*) t_ok escape-screen-intact ;;
*) t_fail escape-screen-intact "$(printf '%s\n' "$screen" | sed 's/^/|/')" ;;
esac
case "$(k_pane a '#{pane_title}')" in
*pwned*) t_fail escape-title-untouched "the window title was set" ;;
*) t_ok escape-title-untouched ;;
esac
k_keys a q
k_check a eve-signed-out "You are signed out"
