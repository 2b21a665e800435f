#!/bin/sh
# privacy_sweep.sh - `privacy sweep` on the demo with the clock pinned at
# 2027-03-20 and [privacy] retain_days_after_event = 30: the gathering (5
# Dec 2026) is past the retention, the forum (ends 14 Mar 2027) is not. It
# erases exactly the people whose every registration, shift, talk,
# availability window and role lead is in the gathering (worked out here in
# SQL of its own), never a person marked keep, a person with no event, or
# anyone twice; a dry run changes nothing; retention 0 does nothing and
# says so.
. "$(dirname "$0")/../lib.sh"
export MUSTER_NOW=2027-03-20T12:00:00Z
q() { sqlite3 "$MUSTER_DB" "$1"; }

"$M" demo >/dev/null || t_fail demo-fixture
CUTOFF=$(date -u -d "2027-03-20T12:00:00Z - 30 days" +%s)

# retention 0 (the default): nothing, and it says so
before=$(sqlite3 "$MUSTER_DB" .dump | md5sum)
t_expect sweep-off 0 "$M" privacy sweep
t_contains sweep-off-says "retain_days_after_event is 0"
t_equal sweep-off-changes-nothing "$(sqlite3 "$MUSTER_DB" .dump | md5sum)" "$before"

printf '[privacy]\nretain_days_after_event = 30\n' >"$MUSTER_CONFIG"
expected() {
	q "WITH links(person, event) AS (
	  SELECT person, event FROM registration
	  UNION ALL SELECT a.person, s.event FROM assignment a JOIN shift s ON s.id = a.shift
	  UNION ALL SELECT k.person, x.event FROM speaker k JOIN session x ON x.id = k.session
	  UNION ALL SELECT person, event FROM availability
	  UNION ALL SELECT lead, event FROM role WHERE lead IS NOT NULL)
	SELECT p.id FROM person p WHERE p.keep = 0 AND p.erased_at IS NULL
	  AND EXISTS (SELECT 1 FROM links l WHERE l.person = p.id)
	  AND NOT EXISTS (SELECT 1 FROM links l JOIN event v ON v.id = l.event
	                  WHERE l.person = p.id AND v.ends > $CUTOFF)
	ORDER BY p.id"
}
# one of them is kept on purpose, one is added with no event at all
first=$(expected | head -1)
t_expect keep-needs-reason 2 "$M" set person "$first" keep=yes
t_expect keep-set 0 "$M" set person "$first" keep=yes keep_reason="court case pending"
"$M" add person name="Walk-in with no event" >/dev/null
WANT=$(expected)
N=$(printf '%s\n' "$WANT" | grep -c .)
t_equal sweep-has-work "$([ "$N" -gt 10 ] && echo yes)" yes
held=$(q "SELECT count(*) FROM registration WHERE event = 2")

before=$(sqlite3 "$MUSTER_DB" .dump | md5sum)
t_expect sweep-dry-run 0 "$M" privacy sweep --dry-run
t_equal sweep-dry-run-lists "$(printf '%s\n' "$OUT" | sed -n 's/^would erase person \([0-9]*\) .*/\1/p')" "$WANT"
t_contains sweep-dry-run-total "privacy sweep: $N people would be erased (every event of theirs ended before 2027-02-18)"
t_equal sweep-dry-run-changes-nothing "$(sqlite3 "$MUSTER_DB" .dump | md5sum)" "$before"

t_expect sweep 0 "$M" privacy sweep
t_equal sweep-prints-each "$(printf '%s\n' "$OUT" | sed -n 's/^erased person \([0-9]*\): .*/\1/p')" "$WANT"
t_contains sweep-total "privacy sweep: $N people erased"
t_equal sweep-erased-exactly "$(q "SELECT id FROM person WHERE erased_at IS NOT NULL ORDER BY id")" "$WANT"
t_equal sweep-keep-stays "$(q "SELECT name IS NOT NULL AND erased_at IS NULL FROM person WHERE id = $first")" 1
t_equal sweep-walk-in-stays "$(q "SELECT erased_at IS NULL FROM person WHERE name = 'Walk-in with no event'")" 1
t_equal sweep-forum-untouched "$(q "SELECT count(*) FROM registration r JOIN person p ON p.id = r.person WHERE r.event = 2 AND p.erased_at IS NULL")" "$held"
t_equal sweep-one-entry-each "$(q "SELECT count(*) FROM audit WHERE action = 'erase' AND summary LIKE '%privacy sweep%'")" "$N"
t_equal sweep-names-gone "$(q "SELECT count(*) FROM person WHERE erased_at IS NOT NULL AND (email IS NOT NULL OR phone IS NOT NULL OR name NOT LIKE 'Erased person %')")" 0
t_expect sweep-check 0 "$M" check --event 1
t_expect sweep-again 0 "$M" privacy sweep
t_contains sweep-again-none "privacy sweep: 0 people erased"
t_equal sweep-wal-truncated "$(stat -c %s "$MUSTER_DB-wal" 2>/dev/null || echo 0)" 0
