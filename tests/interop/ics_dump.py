# ics_dump.py - read iCalendar files with python icalendar (Debian's, run by
# /usr/bin/python3) and print one line per VEVENT, sorted:
#   START_UTC|END_UTC|SEQUENCE|STATUS|SUMMARY|UID
# then "method METHOD" and "timezones TZID..." per file.
import sys
from datetime import timezone

import icalendar


def utc(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    rows = []
    for ev in cal.walk("VEVENT"):
        rows.append("|".join([
            utc(ev.decoded("DTSTART")), utc(ev.decoded("DTEND")),
            str(ev.get("SEQUENCE", "")), str(ev.get("STATUS", "")),
            str(ev.get("SUMMARY", "")), str(ev.get("UID", "")),
        ]))
    for r in sorted(rows):
        print(r)
    print("method", cal.get("METHOD", ""))
    print("timezones", " ".join(str(z["TZID"]) for z in cal.walk("VTIMEZONE")))
