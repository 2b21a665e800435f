# ics_dump_vobject.py - read iCalendar files with vobject (Debian's
# python3-vobject, run by /usr/bin/python3; the parser inside Radicale) and
# print what ics_dump.py prints, so the suites compare them alike:
#   START_UTC|END_UTC|SEQUENCE|STATUS|SUMMARY|UID
# then "method METHOD" and "timezones TZID..." per file. Times come from
# the file's own VTIMEZONE, as vobject builds a tzinfo from it.
import sys
from datetime import timezone

import vobject


def utc(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def value(comp, name):
    c = comp.contents.get(name.lower())
    return str(c[0].value) if c else ""


for path in sys.argv[1:]:
    with open(path, encoding="utf-8", newline="") as f:
        cal = vobject.readOne(f.read())
    rows = []
    for ev in cal.contents.get("vevent", []):
        start = ev.dtstart.value
        end = ev.dtend.value if "dtend" in ev.contents else start + ev.duration.value
        rows.append("|".join([utc(start), utc(end), value(ev, "sequence"),
                              value(ev, "status"), value(ev, "summary"), value(ev, "uid")]))
    for r in sorted(rows):
        print(r)
    print("method", value(cal, "method"))
    print("timezones", " ".join(value(z, "tzid") for z in cal.contents.get("vtimezone", [])))
