# caldav.py - a small CalDAV client for the Radicale suite (Debian's
# /usr/bin/python3, standard library plus vobject to read what the server
# returns):
#   caldav.py mkcalendar URL
#   caldav.py put URL FILE...     each VEVENT of each file as its own object
#                                 (with the file's VTIMEZONEs), named UID.ics;
#                                 prints "put UID STATUS" per object
#   caldav.py report URL START END
#                                 calendar-query with a time-range (UTC,
#                                 YYYYMMDDTHHMMSSZ); prints
#                                 "UID|START_UTC|END_UTC" per event returned
# The objects are cut from muster's bytes as they are, not rewritten.
import base64
import re
import sys
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from datetime import timezone

import vobject


def call(method, url, body=None, headers=None):
    # Radicale runs with --auth-type none: any name is let in, and owns
    # /NAME/ (--rights-type owner_only)
    headers = dict(headers or {}, Authorization="Basic " + base64.b64encode(b"muster:x").decode())
    req = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def blocks(text, name):
    return re.findall(r"BEGIN:%s\r\n.*?END:%s\r\n" % (name, name), text, re.S)


def objects(text):
    head = text.split("BEGIN:VTIMEZONE")[0].split("BEGIN:VEVENT")[0]
    zones = "".join(blocks(text, "VTIMEZONE"))
    for ev in blocks(text, "VEVENT"):
        uid = re.search(r"\r\nUID:(.*?)\r\n", "\r\n" + ev).group(1)
        yield uid, head + zones + ev + "END:VCALENDAR\r\n"


def utc(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    cmd, url = sys.argv[1], sys.argv[2]
    if cmd == "mkcalendar":
        status, _ = call("MKCALENDAR", url)
        print("mkcalendar", status)
    elif cmd == "put":
        for path in sys.argv[3:]:
            with open(path, encoding="utf-8", newline="") as f:
                text = f.read()
            for uid, obj in objects(text):
                status, body = call("PUT", url + urllib.parse.quote(uid, safe="") + ".ics",
                                    obj.encode(), {"Content-Type": "text/calendar; charset=utf-8"})
                print("put", uid, status, body[:200].decode(errors="replace") if status >= 300 else "")
    elif cmd == "report":
        start, end = sys.argv[3], sys.argv[4]
        query = ('<?xml version="1.0" encoding="utf-8"?>'
                 '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
                 '<D:prop><C:calendar-data/></D:prop><C:filter>'
                 '<C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">'
                 '<C:time-range start="%s" end="%s"/>'
                 '</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>' % (start, end))
        status, body = call("REPORT", url, query.encode(),
                            {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        if status != 207:
            sys.exit("REPORT: status %d: %s" % (status, body[:300]))
        rows = []
        ns = {"D": "DAV:", "C": "urn:ietf:params:xml:ns:caldav"}
        for data in ET.fromstring(body).iter("{urn:ietf:params:xml:ns:caldav}calendar-data"):
            cal = vobject.readOne(data.text)
            for ev in cal.contents.get("vevent", []):
                rows.append("|".join([ev.uid.value, utc(ev.dtstart.value), utc(ev.dtend.value)]))
        for r in sorted(rows):
            print(r)


main()
