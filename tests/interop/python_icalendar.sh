#!/bin/sh
# python_icalendar.sh - muster's exports read by Debian's python icalendar
# (/usr/bin/python3): event counts, UTC times across the DST change, the
# staffing calendar, an update (same UID, higher SEQUENCE) and a cancellation.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=python-icalendar
if ! /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	t_fail "$P-installed" "python3-icalendar is missing: run contrib/install-deps.sh"
	exit 1
fi
dump() { /usr/bin/python3 "$INTEROP_DIR/ics_dump.py" "$@"; }
. "$INTEROP_DIR/parsers.inc"
