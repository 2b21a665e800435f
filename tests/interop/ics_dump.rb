# ics_dump.rb - read iCalendar files with ruby-icalendar (Debian's
# ruby-icalendar 2.8) and print what ics_dump.py prints:
#   START_UTC|END_UTC|SEQUENCE|STATUS|SUMMARY|UID
# then "method METHOD" and "timezones TZID..." per file. ruby-icalendar reads
# a TZID through the file's VTIMEZONE (Timezone#offset_for_local, which walks
# each observance's occurrences with ice_cube).
require 'stringio'
require 'icalendar'

def utc(t)
  t.to_time.utc.strftime('%Y-%m-%dT%H:%M:%SZ')
end

ARGV.each do |path|
  cals = Icalendar::Calendar.parse(File.read(path, encoding: 'UTF-8'))
  cals.each do |cal|
    rows = cal.events.map do |ev|
      [utc(ev.dtstart), utc(ev.dtend), ev.sequence.to_s, ev.status.to_s, ev.summary.to_s,
       ev.uid.to_s].join('|')
    end
    rows.sort.each { |r| puts r }
    puts "method #{cal.ip_method}"
    puts "timezones #{cal.timezones.map { |z| z.tzid.to_s }.join(' ')}"
  end
end
