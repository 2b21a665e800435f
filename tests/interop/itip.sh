#!/bin/sh
# itip.sh - iTIP (RFC 5546) as written by `export ics --method request|cancel`:
# every invitation and cancellation of the forum and of the small demo (one
# file per person and UID) passes the restriction tables of sections 3.2.2
# and 3.2.5 (itip_tables.py, python icalendar); cancelling an event cancels
# its sessions and shifts in every export, with SEQUENCEs above what was
# sent; reinstating it never reuses a number; renaming a room raises the
# SEQUENCE of the sessions and shifts in it and of nothing else.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=itip
if ! /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
	echo "ok - $P # skip python3-icalendar is missing: run contrib/install-deps.sh"
	exit 0
fi
tables() { /usr/bin/python3 "$INTEROP_DIR/itip_tables.py" "$@"; }
dump() { /usr/bin/python3 "$INTEROP_DIR/ics_dump.py" "$@"; }
# tables_pass NAME WANT-FILES FILE...: no breach, every file read
tables_pass() {
	name=$1 want=$2
	shift 2
	tables "$@" >"$T/$name.tables" 2>&1
	t_equal "$P-$name-tables" "$(cat "$T/$name.tables")" "checked $want files"
}
seqs() { dump "$@" | grep '|' | awk -F'|' '{ print $6 "|" $3 }' | sort; }
# the SEQUENCE of each UID in the (PUBLISH) exports of the forum
published() {
	"$M" export ics --event 1 -o "$T/pub-a.ics" >/dev/null
	"$M" export ics --event 1 --shifts -o "$T/pub-s.ics" >/dev/null
	seqs "$T/pub-a.ics" "$T/pub-s.ics"
}

# ---- the tables, on every file ----
"$M" export ics --event 1 --per-person "$T/req" --method request >/dev/null
"$M" export ics --event 1 --per-person "$T/can" --method cancel >/dev/null
"$M" export ics --person 3 --method request -o "$T/lee.ics" >/dev/null
"$M" export ics --org 1 --method cancel -o "$T/org.ics" >/dev/null
tables_pass forum 20 "$T"/req/*.ics "$T"/can/*.ics "$T/lee.ics" "$T/org.ics"
D="$T/demo.db"
"$M" --db "$D" demo >/dev/null
n=0
for ev in 1 2; do
	for m in request cancel; do
		"$M" --db "$D" export ics --event "$ev" --per-person "$T/demo-$ev-$m" --method "$m" >/dev/null
		n=$((n + $(ls "$T/demo-$ev-$m" | grep -c '\.ics$')))
	done
done
if [ "$n" -gt 500 ]; then t_ok "$P-demo-files"; else t_fail "$P-demo-files" "$n files"; fi
tables_pass demo "$n" "$T"/demo-*/*.ics
t_equal "$P-index-lists-every-file" "$(cat "$T"/demo-*/index.tsv | grep -vc '^id')" "$n"

# ---- cancelling the event cascades ----
before=$(published)
"$M" export ics --event 1 --per-person "$T/r1" --method request >/dev/null
t_expect "$P-cancel-event" 0 "$M" set event 1 status=cancelled
"$M" export ics --event 1 -o "$T/agenda.ics" >/dev/null
t_equal "$P-cascade-agenda" "$(dump "$T/agenda.ics" | grep '|' | cut -d'|' -f4 | sort -u)" "CANCELLED"
"$M" export ics --event 1 --shifts -o "$T/shifts.ics" >/dev/null
t_equal "$P-cascade-shifts" "$(dump "$T/shifts.ics" | grep '|' | cut -d'|' -f4 | sort -u)" "CANCELLED"
after=$(published)
risen=$(printf '%s\n%s\n' "$before" "$after" | awk -F'|' '{ if ($1 in s) { if ($2 > s[$1]) up++ } else s[$1] = $2 } END { print up + 0 }')
t_equal "$P-cascade-sequences-rise" "$risen" "$(printf '%s\n' "$before" | wc -l | tr -d ' ')"
# asked for invitations, everyone gets cancellations, above what they hold
"$M" export ics --event 1 --per-person "$T/r2" --method request >/dev/null
tables_pass cascade "$(ls "$T/r2" | grep -c '\.ics$')" "$T"/r2/*.ics
t_equal "$P-cascade-method" "$(cut -f6 "$T/r2/index.tsv" | sort -u | grep -v method)" "CANCEL"
awk -F'\t' 'NR > 1 { print $4 "\t" $7 }' "$T/r1/index.tsv" | sort >"$T/r1.seq"
awk -F'\t' 'NR > 1 { print $4 "\t" $7 }' "$T/r2/index.tsv" | sort >"$T/r2.seq"
above=$(join -t '	' "$T/r1.seq" "$T/r2.seq" | awk -F'\t' '$3 > $2' | wc -l | tr -d ' ')
t_equal "$P-cascade-above-sent" "$above" "$(grep -vc '^id' "$T/r1/index.tsv")"
# reinstated: invitations again, above the cancellations
"$M" set event 1 status=published >/dev/null
"$M" export ics --event 1 --per-person "$T/r3" --method request >/dev/null
t_equal "$P-reinstated-method" "$(cut -f6 "$T/r3/index.tsv" | sort -u | grep -v method)" "REQUEST"
reused=$(cat "$T/r1/index.tsv" "$T/r2/index.tsv" | awk -F'\t' '$1 != "id" { print $1 "|" $5 "|" $7 }' | sort)
again=$(awk -F'\t' '$1 != "id" { print $1 "|" $5 "|" $7 }' "$T/r3/index.tsv" | sort)
t_equal "$P-reinstated-never-reuses" "$(printf '%s\n' "$again" | grep -cxF "$reused")" 0

# ---- renaming a room raises what is in it ----
before=$(published)
in_room=$(sqlite3 "$MUSTER_DB" "SELECT uid FROM session WHERE room = 1 UNION ALL SELECT uid FROM shift WHERE room = 1 UNION ALL SELECT uid FROM booth WHERE room = 1 ORDER BY 1")
t_expect "$P-rename-room" 0 "$M" set room 1 name="Salon A (east)"
after=$(published)
changed=$(printf '%s\n%s\n' "$before" "$after" | awk -F'|' '{ if ($1 in s) { if ($2 != s[$1]) print $1 } else s[$1] = $2 }' | sort)
t_equal "$P-rename-raises-in-room" "$changed" "$in_room"
t_equal "$P-rename-location" "$(grep -c 'LOCATION:Salon A (east)' "$T/pub-a.ics")" 2
t_expect "$P-same-name-again" 0 "$M" set room 1 name="Salon A (east)"
t_equal "$P-same-name-keeps" "$(published)" "$after"
