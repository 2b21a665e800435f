#!/bin/sh
# check.sh - how long `muster check` takes on the large demo set (SPEC
# section 10: under 200 ms). Prints the best and the median of 7 runs.
# usage: MUSTER_BIN=build/muster sh tests/bench/check.sh [DB]
# (DB: a database holding `muster demo --size large`; made when missing)
set -u
M=${MUSTER_BIN:-$(dirname "$0")/../../muster}
db=${1:-${TMPDIR:-/tmp}/muster-bench-large.db}
if [ ! -s "$db" ]; then
	MUSTER_CONFIG=/dev/null "$M" --db "$db" demo --size large >/dev/null || exit 1
fi
times=""
i=0
while [ $i -lt 7 ]; do
	t0=$(date +%s%N)
	MUSTER_CONFIG=/dev/null "$M" --db "$db" check >/dev/null 2>&1
	rc=$?
	t1=$(date +%s%N)
	times="$times $(((t1 - t0) / 1000000))"
	i=$((i + 1))
done
sorted=$(printf '%s\n' $times | sort -n)
echo "check on the large set ($db): best $(echo "$sorted" | head -1) ms," \
	"median $(echo "$sorted" | sed -n 4p) ms, exit $rc"
