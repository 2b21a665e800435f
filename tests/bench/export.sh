#!/bin/sh
# export.sh - speed and memory of `export ics --shifts` (SPEC section 10):
# events per second against calcurse's own iCalendar export of as many
# appointments, measured in the same run, and the peak memory of muster at a
# small and a large number of events (it should not grow: export streams).
# Not part of make check: the figures depend on the machine.
#
#   sh tests/bench/export.sh [DB EVENT]
# With DB and EVENT, the event's shifts in that database are exported (e.g.
# the large demo set). Without, a database with $N shifts (default 20000) is
# made in a temporary folder. Env: MUSTER_BIN (default ./muster), N.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
M=${MUSTER_BIN:-$here/muster}
N=${N:-20000}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/muster-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export MUSTER_CONFIG="$tmp/muster.ini" MUSTER_NOW=2026-11-24T12:00:00Z
: >"$MUSTER_CONFIG"
for tool in /usr/bin/time sqlite3 calcurse; do
	command -v "$tool" >/dev/null 2>&1 || { echo "export.sh: $tool is missing (contrib/install-deps.sh)"; exit 2; }
done

# A forum with n shifts over its two days, a tenth of them half staffed.
make_db() {
	mdb=$1 n=$2
	MUSTER_DB=$mdb "$M" add event name="Bench forum" starts="2027-03-13 07:00" \
		ends="2027-03-14 22:00" tz=America/New_York venue="Harbor Hall" >/dev/null
	MUSTER_DB=$mdb "$M" add room event=1 name="Hall" >/dev/null
	MUSTER_DB=$mdb "$M" add role event=1 name="Greeter" description="Welcome people" >/dev/null
	sqlite3 "$mdb" <<SQL
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i + 1 < $n)
INSERT INTO shift (event, role, room, starts, ends, need_min, need_max, status, uid, sequence)
SELECT 1, 1, 1, 1804935600 + (i % 120) * 900, 1804935600 + (i % 120) * 900 + 7200, 1, 4, 'open',
       lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
             || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 0
FROM k;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $n / 10)
INSERT INTO person (name, volunteer_code) SELECT 'Volunteer ' || i, printf('B%07d', i) FROM k;
INSERT INTO assignment (shift, person, status, source, created_at)
SELECT p.id * 10, p.id, 'confirmed', 'coordinator', 0 FROM person p WHERE p.id * 10 <= $n;
SQL
}

# "seconds max_rss_kib" of a command
measure() {
	/usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || {
		echo "export.sh: failed: $* ($(head -c 300 "$tmp/err"))"
		exit 1
	}
	cat "$tmp/time"
}

if [ $# -ge 2 ]; then
	db=$1 event=$2
else
	db="$tmp/bench.db" event=1
	make_db "$tmp/small.db" 100
	make_db "$db" "$N"
fi
export MUSTER_DB="$db"
set -- $(measure "$M" export ics --event "$event" --shifts -o "$tmp/shifts.ics")
m_secs=$1 m_rss=$2
events=$(grep -c '^BEGIN:VEVENT' "$tmp/shifts.ics")
if [ -f "$tmp/small.db" ]; then
	set -- $(MUSTER_DB="$tmp/small.db" measure "$M" export ics --event 1 --shifts -o "$tmp/small.ics")
	small_rss=$2
	small_events=$(grep -c '^BEGIN:VEVENT' "$tmp/small.ics")
fi

# calcurse: as many two-hour appointments, exported with its own --export=ical
mkdir -p "$tmp/cc"
awk -v n="$events" 'BEGIN {
	for (i = 0; i < n; i++) {
		d = 13 + int((i % 120) / 60); h = 7 + int((i % 60) / 4); m = (i % 4) * 15
		printf "03/%02d/2027 @ %02d:%02d -> 03/%02d/2027 @ %02d:%02d |Greeter (0/4) %d\n", d, h, m, d, h + 2, m, i
	}
}' >"$tmp/cc/apts"
: >"$tmp/cc/todo"
set -- $(TZ=America/New_York measure calcurse -D "$tmp/cc" --export=ical)
c_secs=$1 c_rss=$2
TZ=America/New_York calcurse -D "$tmp/cc" --export=ical >"$tmp/cc.ics"
c_events=$(grep -c '^BEGIN:VEVENT' "$tmp/cc.ics")

rate() { awk -v n="$1" -v s="$2" 'BEGIN { if (s < 0.01) s = 0.01; printf "%d", n / s }'; }
echo "muster export ics --shifts: $events events in ${m_secs}s = $(rate "$events" "$m_secs") events/s, max RSS ${m_rss} KiB"
echo "calcurse --export=ical:      $c_events events in ${c_secs}s = $(rate "$c_events" "$c_secs") events/s, max RSS ${c_rss} KiB"
if [ -n "${small_rss:-}" ]; then
	echo "memory: max RSS ${small_rss} KiB at $small_events events, ${m_rss} KiB at $events events"
fi
awk -v a="$(rate "$events" "$m_secs")" -v b="$(rate "$c_events" "$c_secs")" \
	'BEGIN { printf "muster/calcurse events per second: %.2f (%s)\n", a / b, (a >= b) ? "at least as fast" : "SLOWER" }'
