# lib.sh - shared helpers for the shell test suites. Source it; it makes a
# private temporary folder ($T) with its own database and clock.
#   t_ok NAME / t_fail NAME WHY       record a result
#   t_run CMD...                      run, keeping $OUT, $ERR, $RC
#   t_expect NAME RC CMD...           run and check the exit status
#   t_golden NAME CMD...              stdout must equal golden/NAME.out
#                                     (UPDATE_GOLDEN=1 rewrites it)
#   t_contains NAME TEXT              $OUT must contain TEXT
#   t_err_contains NAME TEXT          $ERR must contain TEXT
set -u
: "${MUSTER_BIN:?set MUSTER_BIN}"
TESTS_DIR=$(cd "$(dirname "$0")/.." && pwd)
SUITE_DIR=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/muster-t.XXXXXX")
trap 'rm -rf "$T"' EXIT
export MUSTER_DB="$T/muster.db"
export MUSTER_CONFIG="$T/muster.ini"
export MUSTER_NOW="${MUSTER_NOW:-2026-11-24T12:00:00Z}"
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" HOME="$T/home"
mkdir -p "$HOME"
: >"$MUSTER_CONFIG"
unset NO_COLOR
M="$MUSTER_BIN"

t_ok() { echo "ok - $1"; }
t_fail() {
	echo "not ok - $1"
	shift
	printf '#   %s\n' "$@"
}

t_run() {
	"$@" >"$T/out" 2>"$T/err"
	RC=$?
	OUT=$(cat "$T/out")
	ERR=$(cat "$T/err")
}

t_expect() {
	name=$1 want=$2
	shift 2
	t_run "$@"
	if [ "$RC" -eq "$want" ]; then
		t_ok "$name"
	else
		t_fail "$name" "exit $RC, wanted $want: $*" "stdout: $(head -c 400 "$T/out")" "stderr: $(head -c 400 "$T/err")"
	fi
}

t_golden() {
	name=$1
	shift
	t_run "$@"
	gold="$SUITE_DIR/golden/$name.out"
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		mkdir -p "$SUITE_DIR/golden"
		cp "$T/out" "$gold"
	fi
	if [ -f "$gold" ] && cmp -s "$T/out" "$gold"; then
		t_ok "$name"
	else
		t_fail "$name" "output differs from golden/$name.out (exit $RC): $*" \
			"$(diff "$gold" "$T/out" 2>&1 | head -20)" "stderr: $(head -c 300 "$T/err")"
	fi
}

t_contains() {
	case "$OUT" in
	*"$2"*) t_ok "$1" ;;
	*) t_fail "$1" "stdout lacks: $2" "stdout: $(printf '%s' "$OUT" | head -c 400)" ;;
	esac
}

t_err_contains() {
	case "$ERR" in
	*"$2"*) t_ok "$1" ;;
	*) t_fail "$1" "stderr lacks: $2" "stderr: $(printf '%s' "$ERR" | head -c 400)" ;;
	esac
}

# t_equal NAME GOT WANT
t_equal() {
	if [ "$2" = "$3" ]; then t_ok "$1"; else t_fail "$1" "got: $2" "want: $3"; fi
}
# t_column NAME: the values of column NAME of the TSV table (with its header
# line) on stdin, one a line; by name, so that a field added to an entity
# moves nothing a test reads.
t_column() {
	awk -F'\t' -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
		c { print $c }'
}
