// ics_dump.mjs - read iCalendar files with ical.js (Mozilla's parser, the one
// inside Thunderbird) and print what ics_dump.py prints, so the two agree.
// Times come from the file's own VTIMEZONE: ical.js knows no zone database.
import fs from 'fs';
import ICAL from 'ical.js';

const utc = (t) => t.toJSDate().toISOString().replace('.000Z', 'Z');

for (const path of process.argv.slice(2)) {
  const cal = new ICAL.Component(ICAL.parse(fs.readFileSync(path, 'utf8')));
  const rows = cal.getAllSubcomponents('vevent').map((v) => {
    const ev = new ICAL.Event(v);
    return [utc(ev.startDate), utc(ev.endDate), String(ev.sequence ?? ''),
            String(v.getFirstPropertyValue('status') ?? ''), ev.summary, ev.uid].join('|');
  });
  rows.sort();
  for (const r of rows) console.log(r);
  // with ICS_DUMP_PEOPLE=1: "person\tPROPERTY\tCN\tURI" per ORGANIZER and
  // ATTENDEE, CN decoded as RFC 6868 says
  if (process.env.ICS_DUMP_PEOPLE === '1') {
    for (const v of cal.getAllSubcomponents('vevent')) {
      for (const p of v.getAllProperties().filter((q) => ['organizer', 'attendee'].includes(q.name))) {
        console.log(['person', p.name.toUpperCase(), p.getParameter('cn') ?? '', p.getFirstValue()].join('\t'));
      }
    }
  }
  console.log('method', cal.getFirstPropertyValue('method') ?? '');
  console.log('timezones', cal.getAllSubcomponents('vtimezone')
    .map((z) => z.getFirstPropertyValue('tzid')).join(' '));
}
