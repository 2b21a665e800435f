#!/bin/sh
# repeated_hour.sh - a session in the hour New York repeats when clocks fall
# back (2027-11-07 01:00-02:00 happens twice) shows its offset on the
# sessions tab and on the session's screen, so the two 01:30s read apart.
. "$(dirname "$0")/../lib.sh"
TM_NAME=repeated
. "$(dirname "$0")/lib/tmux.sh"
"$M" add event name=Vigil starts="2027-11-06 08:00" ends="2027-11-08 18:00" tz=America/New_York >/dev/null
"$M" add session event=1 title=Early starts=2027-11-07T05:30:00Z ends=2027-11-07T06:00:00Z >/dev/null
"$M" add session event=1 title=Later starts=2027-11-07T06:30:00Z ends=2027-11-07T07:30:00Z >/dev/null
tm_start
tm_expect events-shown "Vigil"
tm_keys Enter
tm_keys 2
tm_expect first-marked "Sun 7 Nov 01:30(-04:0"
tm_expect second-marked "Sun 7 Nov 01:30(-05:0"
tm_keys Down Enter
tm_expect session-screen-marked "Later   Sun 7 Nov 01:30(-05:00)-02:30"
