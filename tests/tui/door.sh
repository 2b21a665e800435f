#!/bin/sh
# door.sh - `muster door` in a private tmux server at 80x24, fed the way a
# barcode scanner types: 200 codes sent in one burst, each ended by Enter,
# mixing registered people, repeats, people on the event's waitlist and
# unknown codes. Afterwards the database holds exactly one check-in per
# registered person scanned and nothing else; the screen counted all 200
# and answered the last. Then a session's door: walk-ins while seats last,
# never more seated than the room holds. Contact details never show; ^C and
# ^Z do nothing; without an exit passphrase F10 does not leave.
. "$(dirname "$0")/../lib.sh"
TM_NAME=door
. "$(dirname "$0")/lib/tmux.sh"

sql() { sqlite3 -cmd ".timeout 10000" "$MUSTER_DB" "$1"; }
export MUSTER_NOW=2026-12-05T15:55:00Z # 09:55 in Chicago, on the day

"$M" add event name=Forum starts="2026-12-05 08:00" ends="2026-12-05 18:00" \
	tz=America/Chicago capacity=150 >/dev/null
"$M" add room event=1 name="Delaware Room" capacity=40 >/dev/null
"$M" add session event=1 room=1 title="Supply chains" kind=breakout \
	starts="2026-12-05 10:00" ends="2026-12-05 11:00" >/dev/null
/usr/bin/python3 - "$T/people.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("name,email,phone\n")
    for i in range(1, 171):
        f.write("Guest %03d,guest%03d@example.org,555-01%03d\n" % (i, i, i))
PY
"$M" import people "$T/people.csv" --event 1 >/dev/null || t_fail import "import people failed"
t_equal fixture-waitlisted "$(sql "SELECT count(*) FROM registration WHERE status = 'waitlisted'")" 20

# 140 seated people, 20 of them twice, the 20 waiting, 20 codes nobody has
sql "SELECT p.volunteer_code || ' ' || r.status FROM person p JOIN registration r ON r.person = p.id ORDER BY p.id" >"$T/codes"
/usr/bin/python3 - "$T/codes" "$T/scans" <<'PY'
import random, sys
rnd = random.Random(17)
seated = [l.split()[0] for l in open(sys.argv[1]) if l.split()[1] == "registered"]
waiting = [l.split()[0] for l in open(sys.argv[1]) if l.split()[1] == "waitlisted"]
ok = seated[:140]
scans = ok + rnd.sample(ok, 20) + waiting + ["Q%05d" % i for i in range(20)]
rnd.shuffle(scans)
# a few typed in lower case, as a person at the keyboard would
scans = [s.lower() if i % 7 == 0 else s for i, s in enumerate(scans)]
open(sys.argv[2], "w").write("\r".join(scans) + "\r")
PY
t_equal scans-200 "$(tr '\r' '\n' <"$T/scans" | grep -c .)" 200

tm_start door --event 1
tm_expect door-screen "Scan a badge"
tm_expect door-counts "0 checked in of 150 registered"
tm_type "$(cat "$T/scans")"
tm_expect door-all-scanned "200 scanned" 120
tm_expect door-counts-after "140 checked in of 150 registered" 30
t_equal db-checked-in "$(sql "SELECT count(*) FROM registration WHERE status = 'checked_in'")" 140
t_equal db-waiting-untouched "$(sql "SELECT count(*) FROM registration WHERE status = 'waitlisted' AND checked_in_at IS NULL")" 20
t_equal db-one-write-each "$(sql "SELECT count(*) FROM audit WHERE entity = 'registration' AND action = 'set' AND summary LIKE '%status=checked_in%'")" 140
t_equal db-no-unknown-people "$(sql "SELECT count(*) FROM person")" 170
last=$(tr '\r' '\n' <"$T/scans" | tail -1 | tr 'a-z' 'A-Z')
last_status=$(sql "SELECT r.status FROM person p LEFT JOIN registration r ON r.person = p.id WHERE p.volunteer_code = '$last'")
case "$last_status" in
checked_in) want="checked in" ;; # OK, or ALREADY IN for a repeat
waitlisted) want="WAITLISTED" ;;
*) want="UNKNOWN CODE" ;;
esac
tm_expect door-last-answer "$want"
tm_lacks door-no-email "example.org"
tm_lacks door-no-phone "555-01"

# one by one: each verdict in words
code() { sql "SELECT volunteer_code FROM person WHERE id = $1"; }
waiting=$(sql "SELECT volunteer_code FROM person p JOIN registration r ON r.person = p.id WHERE r.status = 'waitlisted' LIMIT 1")
tm_type "$waiting"
tm_keys Enter
tm_expect door-waitlisted "on the event's waitlist, position"
tm_type "ZZZZZZ"
tm_keys Enter
tm_expect door-unknown "UNKNOWN CODE"
seen=$(sql "SELECT p.volunteer_code FROM person p JOIN registration r ON r.person = p.id WHERE r.status = 'checked_in' LIMIT 1")
tm_type "$seen"
tm_keys Enter
tm_expect door-already "already checked in at 09:55"
# locked down: ^C ^Z ^\ do nothing, F10 without a passphrase does not leave
tm_keys C-c C-z 'C-\' F10
tm_type "Q"
tm_expect door-still-running "[ Q"
tm_lacks door-not-exited "muster exited"
tm_keys Escape
tm_expect_gone door-esc-clears "ALREADY IN"

# the session's door: 40 seats, 60 registered people scanned, none signed up
tm_stop
sql "SELECT volunteer_code FROM person p JOIN registration r ON r.person = p.id WHERE r.status = 'checked_in' ORDER BY p.id LIMIT 60" |
	tr '\n' '\r' >"$T/walkins"
tm_start door --event 1 --session 1
tm_expect session-door "Forum: Supply chains"
tm_type "$(cat "$T/walkins")"
tm_expect session-all-scanned "60 scanned" 120
tm_expect session-full "SESSION FULL"
t_equal session-seated "$(sql "SELECT count(*) FROM signup WHERE session = 1 AND status = 'checked_in'")" 40
t_equal session-nobody-waits "$(sql "SELECT count(*) FROM signup WHERE session = 1 AND status != 'checked_in'")" 0
tm_expect session-counts "40 checked in of 40 signed up (40 seats)"
t_expect session-check-clean 0 "$M" check --event 1
