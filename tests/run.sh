#!/bin/sh
# run.sh - every test: cmocka unit tests (TAP), then the shell suites under
# cli/, tui/, interop/, deploy/ and fuzz/ (each prints "ok - NAME" / "not ok -
# NAME").
# Ends with one line "N passed, N failed".
# Env: MUSTER_BIN (binary under test), UNIT_DIR (unit test binaries),
#      FUZZ_DIR (the libFuzzer targets, make fuzz-build),
#      ONLY (a substring: run only suites whose path contains it).
here=$(cd "$(dirname "$0")" && pwd)
: "${MUSTER_BIN:=$here/../muster}"
: "${UNIT_DIR:=$here/../build/tests}"
export MUSTER_BIN
log=$(mktemp "${TMPDIR:-/tmp}/muster-tests.XXXXXX")
trap 'rm -f "$log"' EXIT

# Run one suite; a suite that dies without saying "not ok" still counts as a failure.
run_one() {
	name=$1
	shift
	echo "# $name"
	one=$(mktemp "${TMPDIR:-/tmp}/muster-suite.XXXXXX")
	"$@" >"$one" 2>&1
	rc=$?
	cat "$one" >>"$log"
	grep -E '^not ok|^#   |AddressSanitizer|runtime error' "$one" | head -40
	if [ "$rc" -ne 0 ] && ! grep -q '^not ok' "$one"; then
		echo "not ok - $name exited with status $rc" | tee -a "$log"
		tail -5 "$one"
	fi
	rm -f "$one"
}

for t in "$UNIT_DIR"/test_*; do
	[ -x "$t" ] || continue
	case "$t" in *"${ONLY:-}"*) ;; *) continue ;; esac
	CMOCKA_MESSAGE_OUTPUT=TAP run_one "unit/$(basename "$t")" "$t"
done
for dir in cli tui interop deploy fuzz; do
	for t in "$here/$dir"/*.sh; do
		[ -f "$t" ] || continue
		case "$t" in *"${ONLY:-}"*) ;; *) continue ;; esac
		run_one "$dir/$(basename "$t")" sh "$t"
	done
done

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
