#!/bin/sh
# rubyical.sh - muster's exports read by ruby-icalendar (Debian's
# ruby-icalendar 2.8), through the checks every parser passes
# (parsers.inc). ruby-icalendar reads a TZID with the file's VTIMEZONE and
# needs every observance to have begun before the times it reads: a
# VTIMEZONE listing one observance per change made it raise.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=ruby-icalendar
if ! command -v ruby >/dev/null 2>&1 || ! ruby -e 'require "icalendar"' 2>/dev/null; then
	echo "ok - $P # skip ruby or ruby-icalendar is missing: run contrib/install-deps.sh"
	exit 0
fi
dump() { TZ=UTC ruby "$INTEROP_DIR/ics_dump.rb" "$@"; }
. "$INTEROP_DIR/parsers.inc"
