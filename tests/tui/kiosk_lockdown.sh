#!/bin/sh
# kiosk_lockdown.sh - the kiosk stands unattended: wrong PINs lock a code in
# every kiosk process (through the database), an unknown code looks like a
# wrong PIN, ^C ^Z ^\ are plain keys, the idle timeout wipes back to the
# welcome screen, SIGTERM/SIGHUP end it cleanly, and only the exit
# passphrase ends it from the keyboard.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/kiosk.sh"

k_fixture
PIN=$(k_pin 1)
ZED_PIN=$(k_pin 2)
hash_line=$(printf 'open sesame 42\n' | "$M" kiosk-passphrase)
cat >"$MUSTER_CONFIG" <<EOC
[kiosk]
idle_timeout_s = 5
pin_attempts = 3
lockout_minutes = 5
$hash_line
EOC
t_expect config-accepted 0 "$M" --dump-config

# the message line after a failed sign-in
fail_line() {
	k_screen "$1" | grep 'Not done:'
}

# wrong PIN three times in kiosk a
k_start a
wrong=$(printf '%s' "$ZED_PIN" | tr 0-9 1-90)
for try in 1 2 3; do
	k_sign_in a "$ZED" "$wrong"
	k_check a "wrong-pin-$try-refused" "not accepted" 15
	k_wait a "Type or scan" 5
done
k_check a third-failure-locks "this code is now locked for 5 minutes"
t_equal lock-row "$(k_sql "SELECT failures, locked_until > strftime('%s', '2026-11-24T12:00:00Z') FROM kiosk_lock WHERE code = '$ZED'")" "0|1"

# a second kiosk process refuses even the right PIN
k_start b
k_sign_in b "$ZED" "$ZED_PIN"
k_check b locked-in-second-kiosk "This code is locked after too many wrong PINs" 15
case "$(k_screen b)" in
*"Your upcoming"*) t_fail locked-not-signed-in "signed in despite the lock" ;;
*) t_ok locked-not-signed-in ;;
esac
t_equal lockout-audited "$(k_sql "SELECT actor || ' ' || action FROM audit WHERE entity = 'kiosk'")" "kiosk lock"

# an unknown code reads exactly like a wrong PIN, and counts too
k_sign_in b "$DANA" "$wrong"
k_wait b "not accepted" 15
wrong_msg=$(fail_line b)
k_sign_in b ZZZZZZ "$wrong"
k_wait b "not accepted" 15
unknown_msg=$(fail_line b)
t_equal unknown-code-same-message "$unknown_msg" "$wrong_msg"
t_equal unknown-code-counted "$(k_sql "SELECT failures FROM kiosk_lock WHERE code = 'ZZZZZZ'")" 1

# a good PIN clears the count
k_sign_in b "$DANA" "$PIN"
k_check b good-pin-signs-in "Your upcoming shifts" 15
t_equal good-pin-clears-count "$(k_sql "SELECT COUNT(*) FROM kiosk_lock WHERE code = '$DANA'")" 0

# ^C, ^Z and ^\ are plain keys: the kiosk keeps running and answering
k_keys a C-c
k_keys a C-z
k_keys a 'C-\'
k_type a Q7
k_check a control-keys-ignored "[ Q7 "
t_equal control-keys-running "$(k_running a)" yes
k_keys b C-c C-z 'C-\'
k_keys b Down
k_check b control-keys-signed-in "Your upcoming shifts"
t_equal control-keys-running-signed-in "$(k_running b)" yes

# idle: signed in and typed input are wiped back to the welcome screen
k_check b idle-wipes-session "Welcome, volunteer!" 20
k_wait_gone b "Your upcoming" 2 && t_ok idle-signed-out || t_fail idle-signed-out "still signed in"
k_check a idle-wipes-typing "[                  ]" 20
case "$(k_screen b)$(k_screen a)" in
*Dana* | *Q7*) t_fail idle-leaves-nothing "something stayed on screen" ;;
*) t_ok idle-leaves-nothing ;;
esac

# the exit passphrase: a wrong one is refused, the right one ends it cleanly
k_keys a F10
k_check a exit-asks "Type the exit passphrase"
k_type a "open sesame 41"
case "$(k_screen a)" in
*sesame*) t_fail passphrase-hidden "the passphrase is on screen" ;;
*) t_ok passphrase-hidden ;;
esac
k_keys a Enter
k_check a wrong-passphrase "That passphrase was not accepted." 15
t_equal wrong-passphrase-running "$(k_running a)" yes
k_keys a F10
k_wait a "Type the exit passphrase" 5
k_type a "open sesame 42"
k_keys a Enter
t_equal passphrase-exits "$(k_exit a)" 0

# SIGTERM and SIGHUP: the screen is cleared and the kiosk exits 0
k_signal() { # NAME SIGNAL TEST
	kill -s "$2" "$(k_pid "$1")"
	t_equal "$3" "$(k_exit "$1")" 0
}
k_sign_in b "$DANA" "$PIN"
k_wait b "Your upcoming shifts" 15
k_signal b TERM sigterm-exits-cleanly
case "$(k_screen b)" in
*Dana* | *"Your upcoming"*) t_fail sigterm-clears-screen "$(k_screen b | sed 's/^/|/')" ;;
*) t_ok sigterm-clears-screen ;;
esac
k_start c
k_wait c "Type or scan" 10
k_signal c HUP sighup-exits-cleanly
k_start d
k_wait d "Type or scan" 10
kill -s TSTP "$(k_pid d)"
k_type d AB
k_check d sigtstp-ignored "[ AB "
kill -s INT "$(k_pid d)"
kill -s QUIT "$(k_pid d)"
k_type d C
k_check d sigint-sigquit-ignored "[ ABC "
k_signal d TERM sigterm-after-ignored-signals
