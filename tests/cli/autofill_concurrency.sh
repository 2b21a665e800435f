#!/bin/sh
# autofill_concurrency.sh - auto-fill writing a generated forum (600
# volunteers, 2,400 shifts: some thousands of assignments, written in chunks)
# while 16 other processes keep assigning volunteers of the same event to
# its shifts, kiosk-style, one `muster assign` after another, until the fill
# is done. Nobody sees "database is locked" (or gives up on a busy
# database), no assign fails other than by a rule, no shift ends up over
# need_max, and check finds nothing. The large set would take too long on a
# loaded machine: this is its shape at a smaller size (make bench fills the
# summit itself).
. "$(dirname "$0")/../lib.sh"

WORKERS=16
ROUNDS=60
"$M" list events >/dev/null || t_fail fixture "database"
ev=$(/usr/bin/python3 "$TESTS_DIR/bench/gen_autofill.py" "$MUSTER_DB" 600 2400 --seed 7) ||
	t_fail fixture "gen_autofill.py"
sqlite3 "$MUSTER_DB" "SELECT id FROM shift WHERE event = $ev" >"$T/shifts"
sqlite3 "$MUSTER_DB" "SELECT person FROM registration WHERE event = $ev" >"$T/people"

# Each worker's pairs (shift, person), drawn from its own seed.
i=1
while [ $i -le $WORKERS ]; do
	awk -v seed=$i -v n=$ROUNDS 'NR == FNR { s[++ns] = $1; next } { p[++np] = $1 }
		END { srand(seed); for (k = 0; k < n; k++)
			print s[1 + int(rand() * ns)], p[1 + int(rand() * np)] }' \
		"$T/shifts" "$T/people" >"$T/pairs.$i"
	i=$((i + 1))
done

"$M" autofill --event "$ev" >"$T/fill.out" 2>"$T/fill.err" &
fill=$!
i=1
pids=""
while [ $i -le $WORKERS ]; do
	(
		while read -r s p; do
			kill -0 "$fill" 2>/dev/null || break
			"$M" assign "$s" "$p" >/dev/null 2>>"$T/err.$i"
			echo $? >>"$T/rc.$i"
		done <"$T/pairs.$i"
	) &
	pids="$pids $!"
	i=$((i + 1))
done
wait "$fill"
t_equal autofill-concurrent-exit "$?" 0
for p in $pids; do wait "$p"; done

t_run grep -h "locked\|busy" "$T/fill.err" $(ls "$T"/err.* 2>/dev/null)
t_equal autofill-concurrent-never-locked "$OUT" ""
t_run sh -c "cat '$T'/rc.* 2>/dev/null | sort -u | tr '\n' ' '"
case "$OUT" in
"" | "0 " | "1 " | "0 1 ") t_ok autofill-concurrent-assign-refused-only-by-rules ;;
*) t_fail autofill-concurrent-assign-refused-only-by-rules "exit codes: $OUT" ;;
esac
t_run sqlite3 "$MUSTER_DB" "SELECT count(*) FROM shift s WHERE s.event = $ev AND s.need_max <
	(SELECT count(*) FROM assignment a WHERE a.shift = s.id
	 AND a.status IN ('signed_up','confirmed','checked_in','completed'))"
t_equal autofill-concurrent-never-overbooked "$OUT" 0
t_expect autofill-concurrent-check-clean 0 "$M" check --event "$ev"
t_run sqlite3 "$MUSTER_DB" "SELECT count(*) FROM assignment WHERE source = 'autofill'"
added=$OUT
t_run cat "$T/fill.out"
case "$OUT" in
*"Written as batch 1"*) t_ok autofill-concurrent-one-batch ;;
*) t_fail autofill-concurrent-one-batch "$(head -c 300 "$T/fill.out")" ;;
esac
t_run sqlite3 "$MUSTER_DB" "SELECT added FROM autofill_batch WHERE id = 1"
t_equal autofill-concurrent-batch-counts "$OUT" "$added"
# what ran alongside (for the log: how many assigns, how many the fill skipped)
echo "# $(cat "$T"/rc.* 2>/dev/null | wc -l) assigns alongside; $(grep -c . "$T/fill.out") lines from autofill, $(grep -o "Skipped [0-9]*" "$T/fill.out" || echo "none skipped")"
