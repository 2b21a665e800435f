#!/bin/sh
# fuzz.sh - run each libFuzzer target of tests/fuzz/ (built by `make
# fuzz-build` into $FUZZ_DIR) for FUZZ_SECONDS (3 in `make check`, 60 in
# `make fuzz`), seeded from tests/fixtures: the CSV import, the ICS import,
# the INI settings, the time parsers, and add/set's key=value words. Prints
# "ok - fuzz NAME" with the number of inputs tried, or "not ok" with the
# input that broke it, kept in $FUZZ_DIR/crashes/ to replay:
# $FUZZ_DIR/NAME FILE. Skipped, with a word, when clang is not installed.
here=$(cd "$(dirname "$0")" && pwd)
fixtures=$(cd "$here/../fixtures" && pwd)
: "${FUZZ_DIR:=$here/../../build-fuzz/fuzz}"
: "${FUZZ_SECONDS:=3}"
if ! command -v clang >/dev/null 2>&1; then
	echo "ok - fuzz # skip clang is not installed (apt-get install clang libclang-rt-14-dev)"
	exit 0
fi
if ! ls "$FUZZ_DIR"/fuzz_* >/dev/null 2>&1; then
	echo "not ok - fuzz: no targets in $FUZZ_DIR (make fuzz-build)"
	exit 0
fi
T=$(mktemp -d "${TMPDIR:-/tmp}/muster-fuzz.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$FUZZ_DIR/crashes"

# seeds NAME: the folders of tests/fixtures a target starts from
seeds() {
	case $1 in
	fuzz_csv) echo "$fixtures/csv" ;;
	fuzz_ics) echo "$fixtures/ics $fixtures/ics-from-others" ;;
	fuzz_ini) echo "$fixtures/ini" ;;
	fuzz_time) echo "$fixtures/fuzz/time" ;;
	fuzz_keyvalue) echo "$fixtures/fuzz/keyvalue" ;;
	esac
}

for bin in "$FUZZ_DIR"/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	mkdir -p "$T/$name"
	# shellcheck disable=SC2046
	"$bin" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="$FUZZ_DIR/crashes/$name-" \
		"$T/$name" $(seeds "$name") >"$T/$name.log" 2>&1
	rc=$?
	runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$T/$name.log")
	if [ "$rc" -eq 0 ]; then
		echo "ok - fuzz $name (${runs:-?} inputs in ${FUZZ_SECONDS}s)"
	else
		crash=$(grep -o "Test unit written to .*" "$T/$name.log" | head -1 | sed 's/Test unit written to //')
		echo "not ok - fuzz $name: exit $rc; replay: $bin $crash"
		grep -E 'ERROR|runtime error|fuzz:|SUMMARY|#[0-9] ' "$T/$name.log" | head -20 | sed 's/^/#   /'
	fi
done
