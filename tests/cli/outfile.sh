#!/bin/sh
# outfile.sh - `export ics -o PATH` and `--per-person DIR` never replace what
# is at the path by something else: a FIFO and a character device (a private
# copy of /dev/null) are written in place and stay what they were; a symlink,
# a folder and muster's own database (or its -wal/-shm, however spelled) are
# refused with one line and exit 2, and left as they were.
. "$(dirname "$0")/../lib.sh"

"$M" add event name=Forum starts="2027-03-13 08:00" ends="2027-03-14 17:30" \
	tz=America/New_York >/dev/null
"$M" add session event=1 title=Welcome starts="2027-03-13 09:00" ends="2027-03-13 09:30" >/dev/null
"$M" add person name="Dana Reyes" email=dana@example.org >/dev/null
"$M" register 1 1 >/dev/null

# t_refused NAME CMD...: exit 2 and one line on stderr
t_refused() {
	name=$1
	shift
	t_expect "$name" 2 "$@"
	t_equal "$name-one-line" "$(wc -l <"$T/err" | tr -d ' ')" 1
}
kind() { stat -c %F "$1"; }

# ---- a FIFO: streamed to whoever reads it, and still a FIFO after ----
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/from-fifo" &
reader=$!
t_expect fifo-written 0 "$M" export ics --event 1 -o "$T/fifo"
wait "$reader"
t_equal fifo-got-calendar "$(head -1 "$T/from-fifo" | tr -d '\r')" "BEGIN:VCALENDAR"
t_equal fifo-still-fifo "$(kind "$T/fifo")" "fifo"

# ---- /dev/null: a private copy of the node, so the real one is never at stake ----
if mknod "$T/null" c 1 3 2>/dev/null; then
	before=$(stat -c '%i %a %t:%T' "$T/null")
	t_expect devnull-written 0 "$M" export ics --event 1 -o "$T/null"
	t_equal devnull-still-device "$(kind "$T/null")" "character special file"
	t_equal devnull-same-node "$(stat -c '%i %a %t:%T' "$T/null")" "$before"
	t_equal devnull-no-temporary "$(ls -A "$T" | grep -c '^\.null\.')" 0
else
	t_ok "devnull-written # skip mknod is not permitted here"
fi

# ---- a symlink to another file: refused, both left as they were ----
echo keep >"$T/other.ics"
ln -s other.ics "$T/link.ics"
t_refused symlink-refused "$M" export ics --event 1 -o "$T/link.ics"
t_err_contains symlink-says-why "$T/link.ics: is a symbolic link"
t_equal symlink-still-link "$(readlink "$T/link.ics")" "other.ics"
t_equal symlink-target-kept "$(cat "$T/other.ics")" "keep"

# ---- a folder ----
mkdir "$T/folder"
t_refused folder-refused "$M" export ics --event 1 -o "$T/folder"
t_err_contains folder-says-why "$T/folder: is a folder"
t_equal folder-empty "$(ls -A "$T/folder" | wc -l | tr -d ' ')" 0

# ---- the database the exporting muster has open, its -wal and -shm, however spelled ----
"$M" add skill name="first aid" >/dev/null
mkdir "$T/sub"
ln -s . "$T/here"
for spelling in "$MUSTER_DB" "$T/./muster.db" "$T/sub/../muster.db" "$T/here/muster.db" \
	"$T/muster.db-wal" "$T/sub/../here/muster.db-shm"; do
	short=${spelling#"$T"/}
	t_refused "own-db-refused $short" "$M" export ics --event 1 -o "$spelling"
	t_err_contains "own-db-says-why $short" "is a file muster has open"
done
t_expect own-db-intact 0 "$M" list skills --format tsv
t_contains own-db-still-has-rows "first aid"

# ---- a new file: written whole, private ----
t_expect new-file 0 "$M" export ics --event 1 -o "$T/agenda.ics"
t_equal new-file-mode "$(stat -c %a "$T/agenda.ics")" 600
t_equal new-file-complete "$(tail -1 "$T/agenda.ics" | tr -d '\r')" "END:VCALENDAR"

# ---- --per-person: a link in the folder, or the folder a link, is refused ----
mkdir -m 700 "$T/pp"
echo keep >"$T/victim"
ln -s ../victim "$T/pp/person-1.ics"
t_refused per-person-link-refused "$M" export ics --event 1 --per-person "$T/pp"
t_err_contains per-person-link-says-why "person-1.ics: is a symbolic link"
t_equal per-person-link-target-kept "$(cat "$T/victim")" "keep"
t_equal per-person-no-index "$(ls -A "$T/pp" | tr '\n' ' ')" "person-1.ics "
ln -s pp "$T/pplink"
t_refused per-person-folder-link-refused "$M" export ics --event 1 --per-person "$T/pplink"
rm "$T/pp/person-1.ics"
t_expect per-person-written 0 "$M" export ics --event 1 --per-person "$T/pp"
t_equal per-person-files "$(ls -A "$T/pp" | tr '\n' ' ')" "index.tsv person-1.ics "
