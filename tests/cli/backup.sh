#!/bin/sh
# backup.sh - `muster backup FILE` while 8 processes keep writing: the copy
# is mode 0600, restores to a database that passes `check` and
# integrity_check and holds every write acknowledged before the backup
# began; `backup --prune DIR` removes only muster's own backups older than
# [privacy] backup_keep_days (never another file, a link, a database in use
# or the open database); an erasure does not reach a backup taken before it.
. "$(dirname "$0")/../lib.sh"
q() { sqlite3 "$MUSTER_DB" "$1"; }
WRITERS=8

"$M" demo >/dev/null || t_fail demo-fixture

# writer W: adds people until $T/stop exists; a name goes to ack.W only
# after muster said the write is done
writer() {
	i=0
	while [ ! -f "$T/stop" ]; do
		i=$((i + 1))
		if "$M" add person name="Writer $1 row $i" >/dev/null 2>>"$T/werr.$1"; then
			echo "Writer $1 row $i" >>"$T/ack.$1"
		fi
	done
}
pids=""
w=1
while [ $w -le $WRITERS ]; do
	: >"$T/ack.$w"
	writer $w &
	pids="$pids $!"
	w=$((w + 1))
done
# every writer has had writes acknowledged: take what is acknowledged now,
# then the backup, while they go on
acked() { cat "$T"/ack.* | grep -c .; }
n=0
while [ "$(for w in $(seq $WRITERS); do grep -c . "$T/ack.$w"; done | sort -n | head -1)" -lt 3 ] && [ $n -lt 600 ]; do
	sleep 0.1
	n=$((n + 1))
done
cat "$T"/ack.* >"$T/before-backup"
t_expect backup-while-writing 0 "$M" backup "$T/copy.db"
t_contains backup-says "integrity check ok"
during=$(acked)
# let them write a little more after the backup, then stop them
n=0
while [ "$(acked)" -le "$during" ] && [ $n -lt 300 ]; do
	sleep 0.1
	n=$((n + 1))
done
touch "$T/stop"
for p in $pids; do wait "$p"; done

t_equal backup-mode "$(stat -c %a "$T/copy.db")" 600
t_equal backup-no-leftovers "$(ls -a "$T" | grep -c '^\.copy\.db\|copy\.db-')" 0
t_equal writers-never-failed "$(cat "$T"/werr.* | grep -c .)" 0
t_equal writers-acknowledged "$([ "$(wc -l <"$T/before-backup")" -ge $((WRITERS * 3)) ] && echo yes)" yes

# restore: the copy put in place of a database (muster not running on it)
cp "$T/copy.db" "$T/restored.db"
t_expect restored-check 0 "$M" --db "$T/restored.db" check
t_equal restored-integrity "$(sqlite3 "$T/restored.db" 'PRAGMA integrity_check')" ok
"$M" --db "$T/restored.db" list people --format tsv | cut -f2 | grep '^Writer ' | sort >"$T/restored-names"
missing=$(sort "$T/before-backup" | comm -23 - "$T/restored-names" | head -3)
t_equal restored-holds-acknowledged "$missing" ""
t_equal live-holds-all "$(q "SELECT count(*) FROM person WHERE name LIKE 'Writer %'")" "$(acked)"
t_equal restored-schema "$(sqlite3 "$T/restored.db" 'PRAGMA user_version')" "$(q 'PRAGMA user_version')"
t_equal backup-audited "$(q "SELECT count(*) FROM audit WHERE action = 'backup'")" 1

# bad targets: one line, nothing written
t_expect backup-stdout 2 "$M" backup -
t_expect backup-device 2 "$M" backup /dev/null
t_expect backup-no-folder 2 "$M" backup "$T/no/such/copy.db"
t_equal backup-no-folder-one-line "$(wc -l <"$T/err" | tr -d ' ')" 1
ln -s "$T/copy.db" "$T/link.db"
t_expect backup-symlink 2 "$M" backup "$T/link.db"
t_expect backup-usage 2 "$M" backup
t_expect backup-both 2 "$M" backup "$T/x.db" --prune "$T"

# erasure does not reach a backup taken before it
victim=$(q "SELECT id FROM person WHERE name = 'Writer 1 row 1'")
MUSTER_NOW=2027-06-01T12:00:00Z "$M" person forget "$victim" --reason test >/dev/null
t_equal backup-keeps-erased "$(sqlite3 "$T/copy.db" "SELECT name FROM person WHERE id = $victim")" "Writer 1 row 1"

# ---- pruning ---------------------------------------------------------------
P="$T/backups"
mkdir -m 700 "$P"
"$M" backup "$P/old.db" >/dev/null
"$M" backup "$P/recent.db" >/dev/null
"$M" backup "$P/in-use.db" >/dev/null
: >"$P/in-use.db-journal"
sqlite3 "$P/other.sqlite" 'CREATE TABLE t (x); INSERT INTO t VALUES (1)'
cp "$MUSTER_DB" "$P/live-copy.db"
echo "notes" >"$P/notes.txt"
ln -s old.db "$P/old-link.db"
for f in old.db in-use.db other.sqlite live-copy.db notes.txt; do touch -d "$(date -u -d "$MUSTER_NOW - 40 days")" "$P/$f"; done
touch -h -d "$(date -u -d "$MUSTER_NOW - 40 days")" "$P/old-link.db"
touch -d "$(date -u -d "$MUSTER_NOW - 1 day")" "$P/recent.db"

t_expect prune-off 0 "$M" backup --prune "$P"
t_contains prune-off-says "backup_keep_days is 0"
t_equal prune-off-kept "$(ls "$P" | wc -l | tr -d ' ')" 8
printf '[privacy]\nbackup_keep_days = 30\n' >"$MUSTER_CONFIG"
t_expect prune 0 "$M" backup --prune "$P"
t_contains prune-says "removed old.db (taken "
t_contains prune-total "backup --prune: 1 removed, 1 kept"
t_equal prune-left "$(ls "$P" | sort | tr '\n' ' ')" "in-use.db in-use.db-journal live-copy.db notes.txt old-link.db other.sqlite recent.db "
# the open database itself, in a folder pruned
cp "$P/recent.db" "$T/pruned-live.db"
touch -d "$(date -u -d "$MUSTER_NOW - 40 days")" "$T/pruned-live.db"
chmod 700 "$T"
t_expect prune-not-live 0 "$M" --db "$T/pruned-live.db" backup --prune "$T"
t_equal prune-not-live-kept "$(ls "$T" | grep -c '^pruned-live.db$')" 1
# a folder others may write into is refused
mkdir -m 777 "$T/shared"
t_expect prune-shared-folder 2 "$M" backup --prune "$T/shared"
t_expect prune-not-folder 2 "$M" backup --prune "$P/notes.txt"
