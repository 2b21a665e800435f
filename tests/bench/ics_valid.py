#!/usr/bin/python3
"""ics_valid.py FILE - does FILE meet the parts of RFC 5545 every calendar
relies on? Lines end CRLF and hold at most 75 octets (section 3.1); BEGIN
and END pair up; the VCALENDAR has one VERSION and one PRODID (3.6); every
VEVENT has one UID, one DTSTAMP and one DTSTART (3.6.1); every TZID a
property names has its VTIMEZONE (3.2.19). Prints "valid, N events" and
exits 0, or "invalid, N events: problem (times), ..." and exits 1."""
import collections
import sys


def lines_of(data, problems):
    raw = data.split(b"\n")
    if raw and raw[-1] == b"":
        raw.pop()
    else:
        problems["no line end at the end"] += 1
    out = []
    for line in raw:
        if line.endswith(b"\r"):
            line = line[:-1]
        else:
            problems["LF line ends"] += 1
        if len(line) > 75:
            problems["lines over 75 octets"] += 1
        if line[:1] in (b" ", b"\t") and out:
            out[-1] += line[1:]  # unfold
        else:
            out.append(line)
    return [x.decode("utf-8", "replace") for x in out]


def check(data):
    problems = collections.Counter()
    stack, props, tzids, used, events = [], [], set(), set(), 0
    for line in lines_of(data, problems):
        name, _, value = line.partition(":")
        head = name.split(";")
        key = head[0].upper()
        for param in head[1:]:
            if param.upper().startswith("TZID="):
                used.add(param[5:].strip('"'))
        if key == "BEGIN":
            stack.append(value.upper())
            props.append(collections.Counter())
            continue
        if key == "END":
            if not stack or stack[-1] != value.upper():
                problems["END without BEGIN"] += 1
                continue
            comp, have = stack.pop(), props.pop()
            if comp == "VCALENDAR":
                for p in ("VERSION", "PRODID"):
                    if have[p] != 1:
                        problems["no single %s" % p] += 1
            elif comp == "VEVENT":
                events += 1
                for p in ("UID", "DTSTAMP", "DTSTART"):
                    if have[p] != 1:
                        problems["no %s" % p] += 1
            continue
        if not stack:
            problems["property outside a component"] += 1
            continue
        props[-1][key] += 1
        if key == "TZID" and stack[-1] == "VTIMEZONE":
            tzids.add(value)
    if stack:
        problems["BEGIN without END"] += len(stack)
    for tz in used - tzids:
        problems["no VTIMEZONE %s" % tz] += 1
    return events, problems


def main(argv):
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[0], "rb") as f:
        events, problems = check(f.read())
    if not problems:
        print("valid, %d events" % events)
        return 0
    print("invalid, %d events: %s" % (events, ", ".join(
        "%s (%d)" % (p, n) for p, n in sorted(problems.items(), key=lambda x: -x[1]))))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
