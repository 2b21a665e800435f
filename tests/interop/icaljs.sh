#!/bin/sh
# icaljs.sh - muster's exports read by ical.js, Mozilla's parser (the one in
# Thunderbird), installed from npm into tests/interop/node_modules by
# contrib/install-deps.sh. ical.js has no zone database of its own: the times
# it reads come from the file's VTIMEZONE, so this checks those are right.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=icaljs
if ! command -v node >/dev/null 2>&1 || [ ! -f "$INTEROP_DIR/node_modules/ical.js/package.json" ]; then
	t_fail "$P-installed" "node or ical.js is missing: run contrib/install-deps.sh"
	exit 1
fi
dump() { node "$INTEROP_DIR/ics_dump.mjs" "$@"; }
. "$INTEROP_DIR/parsers.inc"

# RFC 6868 in parameter values: a double quote, a caret followed by n (not a
# line break) and a caret before a quote come back as they were typed; the
# address keeps its double quote, percent-encoded as RFC 6068 asks
fx add person name="Caret ^n \"Q\" ^'" email='o"q@example.org'
fx add registration event=1 person=5 kind=attendee
"$M" export ics --event 1 --per-person "$T/pq" --method request >/dev/null
ICS_DUMP_PEOPLE=1 dump "$T/pq/person-5-event-1.ics" >"$T/pq.txt"
t_equal "$P-cn-rfc6868" "$(grep '^person	ATTENDEE' "$T/pq.txt" | cut -f3 | sort -u)" "Caret ^n \"Q\" ^'"
t_equal "$P-mailto-rfc6068" "$(grep '^person	ATTENDEE' "$T/pq.txt" | cut -f4 | sort -u)" "mailto:o%22q@example.org"
t_equal "$P-organizer-cn" "$(grep '^person	ORGANIZER' "$T/pq.txt" | cut -f3,4 | sort -u)" "Forum Team	mailto:forum@example.org"
