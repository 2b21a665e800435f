// ics_dump_nodeical.mjs - read iCalendar files with node-ical (npm, installed
// into tests/interop/node_modules by contrib/install-deps.sh) and print what
// ics_dump.py prints:
//   START_UTC|END_UTC|SEQUENCE|STATUS|SUMMARY|UID
// then "method METHOD" and "timezones TZID..." per file. node-ical maps a
// TZID to a zone of its own database when it knows the name, else reads the
// file's VTIMEZONE.
import fs from 'fs';
import ical from 'node-ical';

const utc = (d) => d.toISOString().replace('.000Z', 'Z');

for (const path of process.argv.slice(2)) {
  const data = ical.sync.parseICS(fs.readFileSync(path, 'utf8'));
  const all = Object.values(data);
  const rows = all.filter((c) => c.type === 'VEVENT').map((ev) =>
    [utc(ev.start), utc(ev.end), String(ev.sequence ?? ''), String(ev.status ?? ''),
     typeof ev.summary === 'object' ? ev.summary.val : String(ev.summary ?? ''), ev.uid].join('|'));
  rows.sort();
  for (const r of rows) console.log(r);
  const cal = all.find((c) => c.type === 'VCALENDAR');
  console.log('method', cal?.method ?? '');
  console.log('timezones', all.filter((c) => c.type === 'VTIMEZONE').map((z) => z.tzid).join(' '));
}
