#!/bin/sh
# sabre.sh - muster's exports read by sabre/vobject (Debian's
# php-sabre-vobject 2.1, the parser of the SabreDAV CalDAV server), through
# the checks every parser passes (parsers.inc).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=sabre-vobject
if ! command -v php >/dev/null 2>&1 || ! php -r 'require_once "Sabre/VObject/includes.php";' 2>/dev/null; then
	echo "ok - $P # skip php or php-sabre-vobject is missing: run contrib/install-deps.sh"
	exit 0
fi
dump() { php "$INTEROP_DIR/ics_dump_sabre.php" "$@"; }
. "$INTEROP_DIR/parsers.inc"
