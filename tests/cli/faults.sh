#!/bin/sh
# faults.sh - faults of the files under the database, said so a person can
# act (exit 3): a full disk (a small tmpfs in a private mount namespace), a
# database folder the user may not write (SQLite's -wal and -shm live
# there), a -wal deleted while another connection held the database; and
# values beyond what add/set allow, written with the sqlite3 CLI, never
# overflow (make asan reports any "runtime error" here) nor walk millennia.
. "$(dirname "$0")/../lib.sh"

# t_clean NAME: no sanitizer report in the last command's stderr
t_clean() {
	if grep -q 'runtime error\|AddressSanitizer' "$T/err"; then
		t_fail "$1" "$(grep -m2 'runtime error\|AddressSanitizer' "$T/err")"
	else
		t_ok "$1"
	fi
}

# ---- a full disk: 8 KiB left ----
cat >"$T/full.sh" <<'EOF'
set -e
mount -t tmpfs -o size=2m muster-test "$1"
"$2" --db "$1/db" add person name=Dana >/dev/null
free=$(df -k "$1" | awk 'NR == 2 { print $4 }')
head -c $(((free - 8) * 1024)) /dev/zero >"$1/fill" 2>/dev/null || true
set +e
"$2" --db "$1/db" list people >"$3/full.out" 2>"$3/full.err"
echo $? >"$3/full.rc"
EOF
mkdir "$T/small"
if unshare -m sh "$T/full.sh" "$T/small" "$M" "$T" 2>"$T/unshare.err" ||
	unshare -rm sh "$T/full.sh" "$T/small" "$M" "$T" 2>>"$T/unshare.err"; then
	t_equal disk-full-exit "$(cat "$T/full.rc")" 3
	case "$(cat "$T/full.err")" in
	*"the disk holding $T/small is full ("*" KiB free); free some space there, then try again"*)
		t_ok disk-full-says-so ;;
	*) t_fail disk-full-says-so "$(cat "$T/full.err")" ;;
	esac
else
	t_ok "disk-full # skip no private mount namespace here ($(head -c 100 "$T/unshare.err"))"
fi

# ---- a folder the user may not write ----
# root writes anywhere: as root the check runs as nobody, in a folder nobody owns
ro=$(mktemp -d "${TMPDIR:-/tmp}/muster-ro.XXXXXX")
chmod 755 "$ro"
mkdir "$ro/d"
"$M" --db "$ro/d/muster.db" add person name=Dana >/dev/null
: >"$ro/none.ini"
as_user=""
if [ "$(id -u)" -eq 0 ]; then
	# root made the database, so root is its admin; nobody reads it as one too
	"$M" --db "$ro/d/muster.db" lead add nobody --role admin >/dev/null
	chown -R 65534:65534 "$ro/d"
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
chmod 555 "$ro/d"
if [ -z "$as_user" ] || $as_user true 2>/dev/null; then
	t_expect read-only-folder-exit 3 env MUSTER_CONFIG="$ro/none.ini" HOME="$ro" $as_user \
		"$M" --db "$ro/d/muster.db" list people
	t_err_contains read-only-folder-says-why "muster cannot write in $ro/d: SQLite keeps $ro/d/muster.db-wal and $ro/d/muster.db-shm beside the database, even to read it, so its folder must be writable for you"
	chmod 755 "$ro/d"
	t_expect read-only-folder-writable-again 0 env MUSTER_CONFIG="$ro/none.ini" HOME="$ro" \
		$as_user "$M" --db "$ro/d/muster.db" list people
else
	t_ok "read-only-folder # skip cannot become another user here"
fi
chmod -R u+w "$ro" 2>/dev/null
rm -rf "$ro"

# ---- the -wal deleted while another connection holds the database ----
"$M" add person name="Dana Reyes" >/dev/null
/usr/bin/python3 - "$MUSTER_DB" "$T" <<'EOF' &
import os, sqlite3, sys, time
db, t = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
c.execute("UPDATE person SET phone = '555-0101' WHERE id = 1")
c.commit()
open(os.path.join(t, "holding"), "w").close()
for _ in range(1200):  # until the test says so (at most two minutes)
    if os.path.exists(os.path.join(t, "done")):
        break
    time.sleep(0.1)
c.close()
EOF
holder=$!
i=0
while [ ! -f "$T/holding" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
rm -f "$MUSTER_DB-wal"
t_expect wal-deleted-exit 3 "$M" list people
t_err_contains wal-deleted-says-what "muster.db-wal, the database's log of recent changes, was deleted while another muster had the database open"
t_err_contains wal-deleted-says-how "Close every muster using $MUSTER_DB"
touch "$T/done"
wait "$holder"
t_expect wal-recovered 0 "$M" list people --format tsv
t_contains wal-kept-the-change "555-0101"

# ---- values beyond add/set's ranges, written with sqlite3 ----
"$M" add event name=Forum starts="2027-03-13 08:00" ends="2027-03-14 17:30" tz=America/New_York >/dev/null
"$M" add role event=1 name=Greeter >/dev/null
"$M" add shift event=1 role=1 starts="2027-03-13 09:00" ends="2027-03-13 10:00" need_max=2 >/dev/null
"$M" add shift event=1 role=1 starts="2027-03-13 11:00" ends="2027-03-13 12:00" need_max=2 >/dev/null
"$M" add person name="Lee Park" >/dev/null
"$M" add assignment shift=1 person=1 status=completed checked_in_at="2027-03-13 09:00" \
	checked_out_at="2027-03-13 10:00" >/dev/null
"$M" add assignment shift=2 person=1 >/dev/null
max=9223372036854775807
# a walk over millennia would never end: a hang fails instead of stalling the suite
W="timeout 300"
sqlite3 "$MUSTER_DB" "UPDATE shift SET starts = -$max, ends = $max, need_min = $max,
  need_max = $max, sequence = $max WHERE id = 1;
  UPDATE shift SET need_min = $max, need_max = $max WHERE id = 2;
  UPDATE assignment SET checked_in_at = -$max, checked_out_at = $max WHERE id = 1;
  UPDATE person SET birth_date = '0001-01-01' WHERE id = 2;"
t_run $W "$M" check
t_equal huge-check-runs "$RC" 1
t_clean huge-check-clean
t_expect huge-coverage-refused 3 $W "$M" report coverage --event 1
t_err_contains huge-coverage-says-which "shift 1 runs from"
t_err_contains huge-coverage-says-why "outside the years muster keeps (1900-9999): another program wrote it; correct it with muster set shift 1"
t_clean huge-coverage-clean
t_run $W "$M" report hours --event 1 --format tsv
t_clean huge-hours-clean
t_expect huge-export-refused 3 $W "$M" export ics --event 1 --shifts
t_err_contains huge-export-says-why "outside the years muster keeps (1900-9999)"
t_clean huge-export-clean
t_run $W "$M" assign 2 2
t_clean huge-assign-clean
t_expect huge-sequence-set 0 "$M" set shift 1 status=cancelled
t_clean huge-sequence-clean
sqlite3 "$MUSTER_DB" "UPDATE event SET starts = -$max WHERE id = 1"
t_expect huge-event-refused 3 $W "$M" report attendance --event 1
t_err_contains huge-event-says-which "event 1 runs from"
t_clean huge-event-clean
