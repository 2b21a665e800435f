#!/bin/sh
# kiosk_spray.sh - PIN spraying: one wrong PIN on each of 100 real volunteer
# codes, from two kiosk processes at once (tests/helpers/kiosk_spray.c signs
# in through the kiosk's own core). The per-code lockout never triggers, but
# the limit across all codes does: no more than [kiosk]
# global_failures_per_minute PINs are checked in the minute, the rest are
# refused unchecked, the pause is written to the audit log once, a real kiosk
# refuses even a right PIN while it lasts, and the coordinator's Events
# screen says so. A minute later a right PIN signs in again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/kiosk.sh"

HELPERS=${UNIT_DIR:-$TESTS_DIR/../build/tests}
if [ ! -x "$HELPERS/kiosk_spray" ]; then
	t_fail kiosk-spray-helper "missing $HELPERS/kiosk_spray (make unit)"
	exit 0
fi
printf '[kiosk]\nglobal_failures_per_minute = 10\npin_attempts = 5\n' >"$MUSTER_CONFIG"
{
	echo name
	i=0
	while [ $i -le 100 ]; do
		echo "Volunteer $i"
		i=$((i + 1))
	done
} >"$T/people.csv"
t_expect spray-people-imported 0 "$M" import people "$T/people.csv"
PIN=$(k_pin 1)
FIRST=$(k_code 1)
sqlite3 "$MUSTER_DB" "SELECT volunteer_code FROM person WHERE id > 1 ORDER BY id" >"$T/codes"
t_equal spray-100-codes "$(wc -l <"$T/codes" | tr -d ' ')" 100

# two kiosks, fifty codes each, at once
head -n 50 "$T/codes" >"$T/codes.a"
tail -n 50 "$T/codes" >"$T/codes.b"
"$HELPERS/kiosk_spray" "$MUSTER_DB" "$MUSTER_CONFIG" "$MUSTER_NOW" 000000 $(cat "$T/codes.a") \
	>"$T/a.out" 2>"$T/a.err" &
a=$!
"$HELPERS/kiosk_spray" "$MUSTER_DB" "$MUSTER_CONFIG" "$MUSTER_NOW" 000000 $(cat "$T/codes.b") \
	>"$T/b.out" 2>"$T/b.err" &
b=$!
wait $a
ra=$?
wait $b
rb=$?
t_equal spray-processes-ran "$ra $rb" "0 0"
count() { cat "$T/a.out" "$T/b.out" | grep -c " $1\$"; }
t_equal spray-every-attempt-answered "$(cat "$T/a.out" "$T/b.out" | wc -l | tr -d ' ')" 100
t_equal spray-checked-up-to-the-limit "$(count checked)" 10
t_equal spray-rest-paused "$(count paused)" 90
t_equal spray-no-code-locked "$(count locked)" 0
t_equal spray-no-hit "$(count signed-in)" 0
t_equal spray-counted-once-each "$(k_sql "SELECT COUNT(*), COUNT(DISTINCT code) FROM kiosk_failure")" "10|10"
t_equal spray-paused-not-counted "$(k_sql "SELECT COUNT(*) FROM kiosk_lock")" 10
t_run "$M" list audit --format tsv
t_equal spray-audited-once "$(printf '%s\n' "$OUT" | grep -c 'pause')" 1
t_contains spray-audit-says "10 wrong PINs across 10 codes in the last minute"

# a real kiosk: even the right PIN is refused while the pause lasts
k_start k
k_sign_in k "$FIRST" "$PIN"
k_check k spray-kiosk-refuses-right-pin "Too many wrong PINs were typed at the kiosks"
case "$(k_screen k)" in
*"Your upcoming"*) t_fail spray-kiosk-not-signed-in "signed in while paused" ;;
*) t_ok spray-kiosk-not-signed-in ;;
esac

# the coordinator sees it on the Events screen
$KTMUX new-session -d -s coord -x 120 -y 30 \
	"env MUSTER_DB='$MUSTER_DB' MUSTER_CONFIG='$MUSTER_CONFIG' MUSTER_NOW='$MUSTER_NOW' $M"
k_check coord spray-events-screen-warns "Kiosk sign-ins paused at 12:00 UTC: someone may be guessing PINs."
k_check coord spray-events-screen-counts "10 wrong PINs on 10 codes this hour (limit: 10 a minute"
k_check coord spray-events-still-listed "Events"

# a minute later the kiosks take PINs again
LATER=2026-11-24T12:01:01Z
t_run "$HELPERS/kiosk_spray" "$MUSTER_DB" "$MUSTER_CONFIG" "$LATER" "$PIN" "$FIRST"
t_equal spray-over-right-pin-signs-in "$OUT" "$FIRST signed-in"
MUSTER_NOW=$LATER
k_start k2
k_sign_in k2 "$FIRST" "$PIN"
k_check k2 spray-over-kiosk-signs-in "Your upcoming shifts" 15
