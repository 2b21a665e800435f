#!/bin/sh
# privacy.sh - subject access and erasure on the demo (issue 16): `person
# export` holds every row of every table that points at the person (the
# tables read from the schema) and every audit entry about them; `person
# forget` refuses while they are in events not over, then erases: the
# counts of every report stay, and no list, report, export or audit output,
# nor the bytes of the database file, its -wal and -shm, hold their name,
# email, phone or code. Bad input changes nothing.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
q() { sqlite3 "$MUSTER_DB" "$1"; }

"$M" demo >/dev/null || t_fail demo-fixture
# the subject: a volunteer with a shift and a skill whose name, email and
# phone nobody else has (the demo repeats names), and who is no org's contact
S=$(q "SELECT p.id FROM person p WHERE p.email IS NOT NULL AND p.phone IS NOT NULL
 AND (SELECT count(*) FROM person x WHERE x.name = p.name) = 1
 AND (SELECT count(*) FROM person x WHERE x.phone = p.phone) = 1
 AND NOT EXISTS (SELECT 1 FROM org WHERE contact_name = p.name OR phone = p.phone)
 AND EXISTS (SELECT 1 FROM assignment WHERE person = p.id)
 AND EXISTS (SELECT 1 FROM person_skill WHERE person = p.id) ORDER BY p.id LIMIT 1")
NAME=$(q "SELECT name FROM person WHERE id = $S")
EMAIL=$(q "SELECT email FROM person WHERE id = $S")
PHONE=$(q "SELECT phone FROM person WHERE id = $S")
CODE=$(q "SELECT volunteer_code FROM person WHERE id = $S")
# every kind of link: a talk, a window, a role led, a PIN, kiosk entries
"$M" add speaker session=1 person="$S" role=panelist >/dev/null
"$M" add availability person="$S" event=1 starts="2026-12-05 08:00" ends="2026-12-05 17:00" >/dev/null
"$M" set role 1 lead="$S" >/dev/null
"$M" pin "$S" >/dev/null
q "INSERT INTO audit (at, actor, action, entity, entity_id, summary) VALUES
 (1795000000, 'kiosk:$CODE', 'checkin', 'kiosk', NULL, 'volunteer $CODE checked in');
 INSERT INTO kiosk_lock (code, failures) VALUES ('$CODE', 2);
 INSERT INTO kiosk_failure (at, code) VALUES (1795000000, '$CODE')"
t_equal subject-found "$([ -n "$S" ] && [ -n "$PHONE" ] && echo yes)" yes
# checked in at the start of one of their shifts
SHIFT=$(q "SELECT shift FROM assignment WHERE person = $S ORDER BY id LIMIT 1")
AT=$(q "SELECT starts FROM shift WHERE id = $SHIFT")
t_expect subject-checks-in 0 "$M" --now "@$AT" checkin --shift "$SHIFT" --person "$S"

# ---- subject access -------------------------------------------------------
want_audit=$(q "SELECT count(*) FROM audit WHERE (entity = 'person' AND entity_id = $S) OR actor = 'kiosk:$CODE'
 OR (entity = 'registration' AND entity_id IN (SELECT id FROM registration WHERE person = $S))
 OR (entity = 'assignment' AND entity_id IN (SELECT id FROM assignment WHERE person = $S))
 OR (entity = 'speaker' AND entity_id IN (SELECT id FROM speaker WHERE person = $S))
 OR (entity = 'person_skill' AND entity_id IN (SELECT id FROM person_skill WHERE person = $S))
 OR (entity = 'availability' AND entity_id IN (SELECT id FROM availability WHERE person = $S))
 OR (entity = 'role' AND entity_id IN (SELECT id FROM role WHERE lead = $S))")
t_expect export-file 0 "$M" person export "$S" -o "$T/subject.json"
t_contains export-says-where "written to $T/subject.json"
t_equal export-mode "$(stat -c %a "$T/subject.json")" 600
# every table that references person appears, with all of its rows
refs=$(q "SELECT m.name || '.' || f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
 WHERE m.type = 'table' AND f.\"table\" = 'person'")
for r in $refs; do
	table=${r%.*} col=${r#*.}
	want=$(q "SELECT count(*) FROM \"$table\" WHERE \"$col\" = $S")
	got=$($PY -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["records"][sys.argv[2]]["rows"]))' \
		"$T/subject.json" "$table" 2>&1)
	t_equal "export-covers-$table" "$got" "$want"
done
t_equal export-person "$($PY -c 'import json,sys; p=json.load(open(sys.argv[1]))["person"]; print(p["email"], p["phone"], p["pin_set"], "pin_hash" in p)' "$T/subject.json")" \
	"$EMAIL $PHONE True False"
t_equal export-audit "$($PY -c 'import json,sys; a=json.load(open(sys.argv[1]))["audit"]; print(len(a), any(e["actor"].startswith("kiosk:") for e in a))' "$T/subject.json")" \
	"$want_audit True"
t_equal export-shift-checkin "$($PY -c 'import json,sys
rows = json.load(open(sys.argv[1]))["records"]["assignment"]["rows"]
r = [r for r in rows if r["shift"] == int(sys.argv[2])][0]
print(r["checked_in_at"], bool(r["shift_role"]), bool(r["shift_event"]), r["shift_starts"])' "$T/subject.json" "$SHIFT")" \
	"$(date -u -d "@$AT" +%Y-%m-%dT%H:%M:%SZ) True True $(date -u -d "@$AT" +%Y-%m-%dT%H:%M:%SZ)"
t_equal export-audited "$(q "SELECT count(*) FROM audit WHERE action = 'export' AND entity = 'person' AND entity_id = $S")" 1
t_expect export-stdout 0 "$M" person export "$S"
t_equal export-stdout-json "$(printf '%s' "$OUT" | $PY -c 'import json,sys; print(json.load(sys.stdin)["person"]["id"])')" "$S"

# bad input: one line, nothing changed (no file, no audit entry)
entries=$(q "SELECT count(*) FROM audit")
t_expect export-unknown 1 "$M" person export 99999 -o "$T/nobody.json"
t_equal export-unknown-one-line "$(wc -l <"$T/err" | tr -d ' ')" 1
t_equal export-unknown-no-file "$(ls "$T" | grep -c nobody)" 0
t_expect export-unwritable 2 "$M" person export "$S" -o "$T/no/such/dir/x.json"
t_equal export-unwritable-one-line "$(wc -l <"$T/err" | tr -d ' ')" 1
t_expect export-bad-id 2 "$M" person export x
t_expect person-bad-action 2 "$M" person delete "$S"
t_equal bad-input-unaudited "$(q "SELECT count(*) FROM audit")" "$entries"

# ---- erasure ---------------------------------------------------------------
t_expect forget-needs-reason 2 "$M" person forget "$S"
t_expect forget-unknown 1 "$M" person forget 99999 --reason test
# both demo events are still ahead (the clock is 2026-11-24): refused, naming them
t_expect forget-refused-future 1 "$M" person forget "$S" --reason "asked by email"
t_err_contains forget-refused-names-shift "is still in events that are not over: shift "
t_err_contains forget-refused-says-force "--force"
before=$(sqlite3 "$MUSTER_DB" .dump | md5sum)
t_expect forget-dry-run 0 "$M" person forget "$S" --reason "asked by email" --dry-run --force
t_contains forget-dry-run-says "would erase person $S"
t_equal forget-dry-run-changes-nothing "$(sqlite3 "$MUSTER_DB" .dump | md5sum)" "$before"

reports() { # every report of both events, in tsv
	for ev in 1 2; do
		for r in coverage attendance; do "$M" report $r --event $ev --format tsv; done
	done
}
reports >"$T/reports.before"
"$M" report hours --event 1 --format tsv | sed "s/$NAME/Erased person $S/" | sort >"$T/hours.before"
"$M" check >"$T/check.before"
check_rc=$?

t_expect forget 0 "$M" person forget "$S" --reason "asked by email; $NAME wants out" --force
t_contains forget-says "erased person $S:"
reports >"$T/reports.after"
if cmp -s "$T/reports.before" "$T/reports.after"; then t_ok counts-kept; else
	t_fail counts-kept "$(diff "$T/reports.before" "$T/reports.after" | head -5)"; fi
"$M" report hours --event 1 --format tsv | sort >"$T/hours.after"
if cmp -s "$T/hours.before" "$T/hours.after"; then t_ok hours-kept; else
	t_fail hours-kept "$(diff "$T/hours.before" "$T/hours.after" | head -5)"; fi
"$M" check >"$T/check.after"
t_equal check-same "$? $(cmp -s "$T/check.before" "$T/check.after" && echo same)" "$check_rc same"
t_equal forget-one-entry "$(q "SELECT actor || '|' || summary FROM audit WHERE action = 'erase'")" \
	"$(id -un)|erase person $S: asked by email; Erased person $S wants out"
t_equal forget-kiosk-lock "$(q "SELECT count(*) FROM kiosk_lock WHERE code = '$CODE'")" 0
t_equal forget-kiosk-failures "$(q "SELECT count(*) FROM kiosk_failure WHERE code = '$CODE'")" 0
t_expect forget-twice 1 "$M" person forget "$S" --reason again
t_expect erased-not-assigned 1 "$M" assign 1 "$S"

# every output muster gives, then the raw bytes of the database files
{
	for ent in events orgs people skills rooms sessions booths registrations roles shifts \
		assignments audit speakers person_skills availabilities; do
		for f in table tsv csv json; do "$M" list $ent --format $f; done
	done
	"$M" show person "$S"
	for ev in 1 2; do
		for r in coverage hours attendance; do
			for f in table tsv csv json; do "$M" report $r --event $ev --format $f; done
		done
		"$M" export ics --event $ev
		"$M" export ics --event $ev --shifts
		"$M" export ics --event $ev --method request
		"$M" export ics --event $ev --per-person "$T/invites$ev" >/dev/null
		cat "$T/invites$ev"/*
	done
	"$M" export ics --person "$S"
	"$M" person export "$S"
	"$M" check
} >"$T/everything" 2>&1
t_equal outputs-made "$(grep -c "Erased person $S" "$T/everything" | awk '{print ($1 > 5)}')" 1
for v in "$NAME" "$EMAIL" "$PHONE" "$CODE"; do
	if grep -qF -- "$v" "$T/everything"; then
		t_fail "gone-from-outputs $v" "$(grep -F -- "$v" "$T/everything" | head -3)"
	else
		t_ok "gone-from-outputs $v"
	fi
done
for file in "$MUSTER_DB" "$MUSTER_DB-wal" "$MUSTER_DB-shm"; do
	for v in "$NAME" "$EMAIL" "$PHONE"; do
		if [ -f "$file" ] && grep -qaF -- "$v" "$file"; then
			t_fail "gone-from-bytes $(basename "$file") $v"
		else
			t_ok "gone-from-bytes $(basename "$file") $v"
		fi
	done
done

# a database made before auto_vacuum, where the person's old email lingers
# in a freed page (a program without secure_delete copied and dropped it):
# the first erase runs one VACUUM, and the old value goes too
old="$T/old.db"
"$M" --db "$old" add person name="Yusuf Oyelaran-Brandt" email=yusuf.old@example.org phone=+1-555-0177 >/dev/null
sqlite3 "$old" "PRAGMA auto_vacuum = NONE; VACUUM; PRAGMA secure_delete = OFF;
 CREATE TABLE scratch AS SELECT name, email, phone FROM person; DROP TABLE scratch;
 UPDATE person SET email = 'yusuf.brandt.new@example.org' WHERE id = 1"
t_equal old-db-lingers "$(cat "$old"* | grep -caF yusuf.old)" 1
t_expect old-db-forget 0 "$M" --db "$old" person forget 1 --reason test
t_equal old-db-incremental "$(sqlite3 "$old" 'PRAGMA auto_vacuum')" 2
for v in yusuf.old yusuf.new Oyelaran 555-0177; do
	if cat "$old" "$old-wal" "$old-shm" 2>/dev/null | grep -qaF "$v"; then
		t_fail "old-db-gone $v"
	else
		t_ok "old-db-gone $v"
	fi
done
