#!/bin/sh
# import.sh - how long `import people` takes for 10,000 and 100,000 rows of
# a generated registration spreadsheet (SPEC section 10: 100,000 rows under
# 1 s), into an empty database, then the same file again (all unchanged),
# and with --event (each person registered). Prints one line per run.
# Not part of make check: figures, not assertions.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
M=${MUSTER_BIN:-$here/../../muster}
T=$(mktemp -d "${TMPDIR:-/tmp}/muster-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
export MUSTER_CONFIG="$T/none.ini" MUSTER_NOW=2026-11-24T12:00:00Z
: >"$MUSTER_CONFIG"

now() { date +%s.%N; }

# run LABEL ARGS...: time one import into $MUSTER_DB
run() {
	label=$1
	shift
	start=$(now)
	"$M" import people "$@" >"$T/out"
	end=$(now)
	printf '%-34s %8.3f s   %s\n' "$label" "$(echo "$end - $start" | bc)" "$(head -1 "$T/out")"
}

for n in 10000 100000; do
	python3 "$here/gen_people.py" "$n" >"$T/p$n.csv"
	export MUSTER_DB="$T/db$n"
	"$M" list events >/dev/null # create and migrate outside the timing
	run "import $n rows (empty db)" "$T/p$n.csv"
	run "import $n rows again (unchanged)" "$T/p$n.csv"
	export MUSTER_DB="$T/ev$n"
	"$M" add event name=Forum starts="2027-03-13 08:00" ends="2027-03-14 17:30" \
		tz=America/New_York >/dev/null
	run "import $n rows --event" "$T/p$n.csv" --event 1
done
