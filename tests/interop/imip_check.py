# imip_check.py - what reached the SMTP sink, read with parsers nobody on
# muster wrote: Python's email package for the messages (RFC 5322, MIME,
# RFC 2047 headers) and python icalendar for the calendars in them. Checks
# every message against RFC 6047 (iMIP) as muster writes it:
#   - one recipient: one address in To:, no Cc or Bcc, one envelope
#     recipient, and it is the calendar's only ATTENDEE;
#   - a Message-ID, never the same twice;
#   - multipart/mixed of multipart/alternative (text/plain; charset=UTF-8
#     and text/calendar; charset=UTF-8; method=M) and the same calendar
#     again as an attachment (application/ics, a file name);
#   - M equals the calendar's METHOD; one VCALENDAR, one VEVENT, one UID;
#   - the ORGANIZER is the sender;
#   - with PEOPLE ("addr=Name,addr=Name"): no message holds, in any header
#     or decoded part, the name or address of anyone but its reader.
# Writes each calendar to OUT/N.ics (for itip_tables.py and ical.js), and
# prints one line per message, sorted:
#   to|METHOD|UID|SEQUENCE|STATUS|SUMMARY|DTSTART (UTC)|Subject
# then "checked N messages". A breach prints "FILE: why" first.
#   /usr/bin/python3 imip_check.py MAILDIR OUT [PEOPLE]
import email
import email.policy
import mailbox
import os
import sys

import icalendar

box_dir, out_dir = sys.argv[1], sys.argv[2]
people = dict(p.split("=", 1) for p in sys.argv[3].split(",")) if len(sys.argv) > 3 else {}
os.makedirs(out_dir, exist_ok=True)
envelopes = {}
log = os.path.join(box_dir, "envelopes.tsv")
if os.path.exists(log):
    for line in open(log):
        sender, rcpts, key = line.rstrip("\n").split("\t")
        envelopes[key] = rcpts.split(",")

breaches, rows, ids = [], [], set()


def why(key, text):
    breaches.append("%s: %s" % (key, text))


def utc(prop):
    dt = prop.dt
    if getattr(dt, "tzinfo", None) is None:
        return dt.isoformat()
    return dt.astimezone(__import__("datetime").timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def check(key, raw, n):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    to = msg.get_all("To") or []
    addrs = [a for h in to for a in h.addresses]
    if len(addrs) != 1 or msg.get("Cc") or msg.get("Bcc"):
        return why(key, "not one recipient: %r" % (to,))
    rcpt = addrs[0].addr_spec
    if key in envelopes and envelopes[key] != [rcpt]:
        why(key, "envelope recipients %r, To: %s" % (envelopes[key], rcpt))
    mid = msg.get("Message-ID")
    if not mid or mid in ids:
        why(key, "Message-ID missing or repeated: %r" % mid)
    ids.add(mid)
    if msg.get_content_type() != "multipart/mixed":
        return why(key, "top is %s" % msg.get_content_type())
    parts = list(msg.iter_parts())
    if len(parts) != 2 or parts[0].get_content_type() != "multipart/alternative":
        return why(key, "not alternative + attachment: %r" % [p.get_content_type() for p in parts])
    alt = list(parts[0].iter_parts())
    if [p.get_content_type() for p in alt] != ["text/plain", "text/calendar"]:
        return why(key, "alternatives are %r" % [p.get_content_type() for p in alt])
    plain, cal_part, att = alt[0], alt[1], parts[1]
    for p in (plain, cal_part):
        if (p.get_param("charset") or "").upper() != "UTF-8":
            why(key, "%s charset %r" % (p.get_content_type(), p.get_param("charset")))
    if att.get_content_disposition() != "attachment" or not att.get_filename():
        why(key, "the calendar is not attached with a file name")
    inline, attached = cal_part.get_payload(decode=True), att.get_payload(decode=True)
    if inline != attached:
        why(key, "the attached calendar differs from the inline one")
    method = cal_part.get_param("method")
    cals = icalendar.Calendar.from_ical(inline, multiple=True)
    if len(cals) != 1:
        return why(key, "%d VCALENDARs" % len(cals))
    cal = cals[0]
    if str(cal.get("METHOD")) != method:
        why(key, "method=%s but METHOD:%s" % (method, cal.get("METHOD")))
    events = cal.walk("VEVENT")
    uids = {str(e.get("UID")) for e in events}
    if len(events) != 1 or len(uids) != 1:
        return why(key, "%d VEVENTs, %d UIDs" % (len(events), len(uids)))
    ev = events[0]
    att_lines = ev.get("ATTENDEE")
    att_list = att_lines if isinstance(att_lines, list) else [att_lines] if att_lines else []
    if [str(a).lower() for a in att_list] != ["mailto:" + rcpt.lower()]:
        why(key, "ATTENDEE %r for a message to %s" % ([str(a) for a in att_list], rcpt))
    org = str(ev.get("ORGANIZER", "")).lower()
    sender = msg["From"].addresses[0].addr_spec.lower()
    if org != "mailto:" + sender:
        why(key, "ORGANIZER %s, From %s" % (org, sender))
    text = "\n".join([str(v) for _, v in msg.items()] +
                      [p.get_payload(decode=True).decode("utf-8").replace("\r\n ", "")
                       for p in (plain, cal_part)])
    for addr, name in people.items():
        if addr != rcpt and (addr in text or name in text):
            why(key, "the message to %s names %s" % (rcpt, name))
    with open(os.path.join(out_dir, "%04d.ics" % n), "wb") as f:
        f.write(inline)
    rows.append("|".join([rcpt, method, str(ev.get("UID")), str(ev.get("SEQUENCE")),
                          str(ev.get("STATUS")), str(ev.get("SUMMARY")),
                          utc(ev.get("DTSTART")), str(msg["Subject"])]))


box = mailbox.Maildir(box_dir, factory=None, create=False)
n = 0
for key in sorted(box.keys()):
    with box.get_file(key) as f:
        raw = f.read()
    n += 1
    check(key, raw, n)
for b in breaches:
    print(b)
for r in sorted(rows):
    print(r)
print("checked %d messages" % n)
