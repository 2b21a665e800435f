#!/bin/sh
# nodeical.sh - muster's exports read by node-ical (npm, installed into
# tests/interop/node_modules by contrib/install-deps.sh), through the checks
# every parser passes (parsers.inc).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=node-ical
if ! command -v node >/dev/null 2>&1 || [ ! -f "$INTEROP_DIR/node_modules/node-ical/package.json" ]; then
	echo "ok - $P # skip node or node-ical is missing: run contrib/install-deps.sh"
	exit 0
fi
dump() { node "$INTEROP_DIR/ics_dump_nodeical.mjs" "$@"; }
. "$INTEROP_DIR/parsers.inc"
