#!/bin/sh
# vobject.sh - muster's exports read by vobject (Debian's python3-vobject,
# the library inside Radicale), through the checks every parser passes
# (parsers.inc); and a file vobject writes imported by muster: vobject names
# New York's zone TZID=EST and defines it, daylight time included, in its
# VTIMEZONE, which is what the TZID means (not the system's fixed EST).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=vobject
if ! /usr/bin/python3 -c 'import vobject' 2>/dev/null; then
	echo "ok - $P # skip python3-vobject is missing: run contrib/install-deps.sh"
	exit 0
fi
dump() { /usr/bin/python3 "$INTEROP_DIR/ics_dump_vobject.py" "$@"; }
. "$INTEROP_DIR/parsers.inc"

/usr/bin/python3 - "$T/by-vobject.ics" <<'PY'
import datetime, sys
import vobject
from dateutil import tz
ny = tz.gettz("America/New_York")
cal = vobject.iCalendar()
for uid, day, hour in (("vobject-winter", 13, 10), ("vobject-summer", 14, 10)):
    ev = cal.add("vevent")
    ev.add("uid").value = uid
    ev.add("summary").value = uid
    ev.add("dtstamp").value = datetime.datetime(2026, 1, 1, tzinfo=tz.UTC)
    ev.add("dtstart").value = datetime.datetime(2027, 3, day, hour, 0, tzinfo=ny)
    ev.add("dtend").value = datetime.datetime(2027, 3, day, hour + 1, 0, tzinfo=ny)
with open(sys.argv[1], "w", newline="") as f:
    f.write(cal.serialize())
PY
t_equal "$P-writes-tzid-est" "$(grep -c 'DTSTART;TZID=EST:' "$T/by-vobject.ics")" 2
t_expect "$P-file-imported" 0 "$M" import sessions "$T/by-vobject.ics" --event 1
utc() { sqlite3 "$MUSTER_DB" "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', starts, 'unixepoch') FROM session WHERE uid = '$1'"; }
t_equal "$P-tzid-est-before-dst" "$(utc vobject-winter)" "2027-03-13T15:00:00Z"
t_equal "$P-tzid-est-is-the-files" "$(utc vobject-summer)" "2027-03-14T14:00:00Z"
