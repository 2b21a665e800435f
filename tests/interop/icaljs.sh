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
