#!/bin/sh
# version.sh - muster --version: the program's version, the schema version
# a new database gets, and the SQLite, libical and ncurses versions of the
# libraries as installed (dpkg's upstream versions), one "name version" a
# line; it needs no database and makes none.
. "$(dirname "$0")/../lib.sh"

t_expect version-runs 0 "$M" --version
t_equal version-lines "$(printf '%s\n' "$OUT" | cut -d' ' -f1 | tr '\n' ' ')" \
	"muster schema SQLite libical ncurses "
[ ! -e "$MUSTER_DB" ] && t_ok version-makes-no-database || t_fail version-makes-no-database
field() { printf '%s\n' "$OUT" | awk -v k="$1" '$1 == k {print $2}'; }
t_equal version-program "$(field muster)" \
	"$(sed -n 's/^VERSION *:= *//p' "$TESTS_DIR/../Makefile")"
versions=$OUT
"$M" list events >/dev/null
OUT=$versions
t_equal version-schema "$(field schema)" "$(sqlite3 "$MUSTER_DB" 'PRAGMA user_version')"
# Debian's version of a package without its revision and epoch: 3.40.1-2 -> 3.40.1
upstream() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null | sed 's/^[0-9]*://; s/-[^-]*$//'; }
if command -v dpkg-query >/dev/null 2>&1; then
	t_equal version-sqlite "$(field SQLite)" "$(upstream libsqlite3-0)"
	t_equal version-libical "$(field libical)" "$(upstream libical3)"
	# "ncurses 6.4.20221231": the release, then its patch date
	t_equal version-ncurses "$(field ncurses | cut -d. -f1-2)" "$(upstream libncursesw6)"
else
	echo "ok - version-libraries # SKIP no dpkg-query to ask for the installed versions"
fi
