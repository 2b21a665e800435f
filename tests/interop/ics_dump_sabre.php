<?php
// ics_dump_sabre.php - read iCalendar files with sabre/vobject (Debian's
// php-sabre-vobject, version 2.1) and print what ics_dump.py prints:
//   START_UTC|END_UTC|SEQUENCE|STATUS|SUMMARY|UID
// then "method METHOD" and "timezones TZID..." per file. sabre/vobject 2.1
// maps a TZID to PHP's zone of that name (or the VTIMEZONE's X-LIC-LOCATION,
// or a Windows name), so an IANA TZID is read by PHP's zone database.
require_once 'Sabre/VObject/includes.php';
use Sabre\VObject\Reader;

// sabre/vobject 2.1 unescapes only \\ and \n in a value (its Reader.php),
// leaving \, and \; of RFC 5545 TEXT as written: finish that here.
function text($prop) {
    return str_replace(array('\\,', '\\;'), array(',', ';'), (string)$prop);
}

function utc($dt) {
    $u = clone $dt;
    $u->setTimezone(new DateTimeZone('UTC'));
    return $u->format('Y-m-d\TH:i:s\Z');
}

foreach (array_slice($argv, 1) as $path) {
    $cal = Reader::read(file_get_contents($path));
    $rows = array();
    foreach ($cal->select('VEVENT') as $ev) {
        $start = $ev->DTSTART->getDateTime();
        $end = isset($ev->DTEND) ? $ev->DTEND->getDateTime() : null;
        $rows[] = implode('|', array(utc($start), $end ? utc($end) : '',
            (string)$ev->SEQUENCE, (string)$ev->STATUS, text($ev->SUMMARY), (string)$ev->UID));
    }
    sort($rows, SORT_STRING);
    foreach ($rows as $r) echo $r, "\n";
    echo 'method ', (string)$cal->METHOD, "\n";
    $zones = array();
    foreach ($cal->select('VTIMEZONE') as $z) $zones[] = (string)$z->TZID;
    echo 'timezones ', implode(' ', $zones), "\n";
}
