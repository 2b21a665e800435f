# itip_tables.py - RFC 5546's restriction tables for METHOD:REQUEST
# (section 3.2.2) and METHOD:CANCEL (section 3.2.5) of VEVENT, checked on
# every file given with python icalendar (Debian's, /usr/bin/python3).
# Prints "PATH: why" for each breach and, last, "checked N files". Also
# checked: one UID per object (the REQUEST and CANCEL rows "all components
# MUST have the same UID", and muster writes one VEVENT per object), a
# VTIMEZONE for every TZID used, and no component of another kind.
import sys

import icalendar

ONE, ONE_PLUS, ZERO_PLUS, ZERO_OR_ONE, ZERO = "1", "1+", "0+", "0 or 1", "0"

CALENDAR = {"CALSCALE": ZERO_OR_ONE, "PRODID": ONE, "METHOD": ONE, "VERSION": ONE}

COMMON = {
    "ATTACH": ZERO_PLUS, "CATEGORIES": ZERO_PLUS, "CLASS": ZERO_OR_ONE, "COMMENT": ZERO_PLUS,
    "CONTACT": ZERO_PLUS, "CREATED": ZERO_OR_ONE, "DESCRIPTION": ZERO_OR_ONE,
    "DTEND": ZERO_OR_ONE, "DURATION": ZERO_OR_ONE, "EXDATE": ZERO_PLUS, "EXRULE": ZERO_PLUS,
    "GEO": ZERO_OR_ONE, "LAST-MODIFIED": ZERO_OR_ONE, "LOCATION": ZERO_OR_ONE,
    "PRIORITY": ZERO_OR_ONE, "RDATE": ZERO_PLUS, "RECURRENCE-ID": ZERO_OR_ONE,
    "RELATED-TO": ZERO_PLUS, "RESOURCES": ZERO_PLUS, "RRULE": ZERO_OR_ONE,
    "STATUS": ZERO_OR_ONE, "TRANSP": ZERO_OR_ONE, "URL": ZERO_OR_ONE,
}

# section 3.2.2: REQUEST
REQUEST = dict(COMMON, **{
    "ATTENDEE": ONE_PLUS, "DTSTAMP": ONE, "DTSTART": ONE, "ORGANIZER": ONE,
    "SEQUENCE": ZERO_OR_ONE, "SUMMARY": ONE, "UID": ONE, "REQUEST-STATUS": ZERO_PLUS,
})
# section 3.2.5: CANCEL
CANCEL = dict(COMMON, **{
    "ATTENDEE": ZERO_PLUS, "DTSTAMP": ONE, "DTSTART": ZERO_OR_ONE, "ORGANIZER": ONE,
    "SEQUENCE": ONE, "SUMMARY": ZERO_OR_ONE, "UID": ONE, "REQUEST-STATUS": ZERO,
})
TABLES = {"REQUEST": (REQUEST, ZERO_PLUS, ("TENTATIVE", "CONFIRMED")),
          "CANCEL": (CANCEL, ZERO, ("CANCELLED",))}


def count_ok(n, rule):
    return {ONE: n == 1, ONE_PLUS: n >= 1, ZERO_PLUS: True, ZERO_OR_ONE: n <= 1, ZERO: n == 0}[rule]


def props(comp):
    names = {}
    for name, _ in comp.property_items(recursive=False):
        if name in ("BEGIN", "END"):
            continue
        names[name] = names.get(name, 0) + 1
    return names


def check(path, text):
    why = []
    cals = icalendar.Calendar.from_ical(text, multiple=True)
    if len(cals) != 1:
        return ["%d VCALENDAR objects, not 1" % len(cals)]
    cal = cals[0]
    have = props(cal)
    for name, rule in CALENDAR.items():
        if not count_ok(have.get(name, 0), rule):
            why.append("VCALENDAR: %s appears %d times (%s)" % (name, have.get(name, 0), rule))
    method = str(cal.get("METHOD", ""))
    if method not in TABLES:
        return why + ["METHOD:%s is not REQUEST or CANCEL" % method]
    if str(cal.get("VERSION")) != "2.0":
        why.append("VERSION is not 2.0")
    table, alarms, statuses = TABLES[method]
    events = [c for c in cal.subcomponents if c.name == "VEVENT"]
    others = [c.name for c in cal.subcomponents if c.name not in ("VEVENT", "VTIMEZONE")]
    if others:
        why.append("components not allowed: %s" % " ".join(others))
    if len(events) < 1:
        why.append("no VEVENT")
    uids = {str(e.get("UID")) for e in events}
    if len(uids) != 1:
        why.append("%d UIDs in one object" % len(uids))
    used = set()
    for ev in events:
        have = props(ev)
        for name, n in have.items():
            rule = table.get(name, ZERO_PLUS if name.startswith("X-") else None)
            if rule is None:
                why.append("%s: %s is not in the table" % (method, name))
            elif not count_ok(n, rule):
                why.append("%s: %s appears %d times (%s)" % (method, name, n, rule))
        for name, rule in table.items():
            if rule in (ONE, ONE_PLUS) and have.get(name, 0) == 0:
                why.append("%s: %s is missing (%s)" % (method, name, rule))
        if "DTEND" in have and "DURATION" in have:
            why.append("%s: both DTEND and DURATION" % method)
        if method == "REQUEST" and int(ev.get("SEQUENCE", 0)) > 0 and "SEQUENCE" not in have:
            why.append("REQUEST: SEQUENCE above 0 must be present")
        status = str(ev.get("STATUS", ""))
        if status and status not in statuses:
            why.append("%s: STATUS:%s (allowed: %s)" % (method, status, ", ".join(statuses)))
        valarms = [c for c in ev.subcomponents if c.name == "VALARM"]
        if alarms == ZERO and valarms:
            why.append("%s: VALARM not allowed" % method)
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            p = ev.get(name)
            if p is not None and "TZID" in p.params:
                used.add(str(p.params["TZID"]))
    defined = {str(z.get("TZID")) for z in cal.subcomponents if z.name == "VTIMEZONE"}
    for tz in sorted(used - defined):
        why.append("TZID %s has no VTIMEZONE" % tz)
    return why


n = 0
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        text = f.read()
    n += 1
    try:
        problems = check(path, text)
    except Exception as exc:  # a file python icalendar cannot read is a breach too
        problems = ["unreadable: %s" % exc]
    for p in problems:
        print("%s: %s" % (path, p))
print("checked %d files" % n)
