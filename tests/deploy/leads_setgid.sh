#!/bin/sh
# leads_setgid.sh - contrib/DEPLOY.md with real accounts: `make
# install-system` into a private prefix and state folder, setgid to a
# throwaway group, the small demo in the database, then a task-force lead
# (org_lead), a volunteer coordinator with the right to see confidential
# people and one without, a role lead, a viewer, an admin and a login that
# is no lead, each a temporary Unix account running the installed binary:
#   - none can open the database with sqlite3, copy it, or have muster
#     write over it (export -o, --per-person, backup, a symlink, --db,
#     MUSTER_DB, [database] path), and the database stays whole;
#   - the org lead sees only its organization's people and booths in list,
#     report, export and the full-screen screens, and is refused elsewhere;
#   - the role lead staffs its role's shifts and no other; the org lead
#     signs up its own people for sessions, no one else;
#   - the viewer changes nothing;
#   - confidential people stay hidden without the right, and each view of
#     one by the coordinator with it is in the audit log;
#   - the running process is neither readable in /proc nor traceable, its
#     database descriptors close on exec, its environment is the clean one;
#   - the kiosk still runs as an account of its own, no lead.
# Every account, the group and every file are removed afterwards, also on
# failure. Needs root; skipped with the reason otherwise.
. "$(dirname "$0")/../lib.sh"

skip() {
	echo "ok - leads-setgid # SKIP $1"
	exit 0
}
[ "$(id -u)" -eq 0 ] || skip "needs root: it makes accounts and a setgid binary"
for tool in useradd userdel groupadd groupdel runuser getent sqlite3 tmux make stat tic infocmp; do
	command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing"
done

ROOT=$(cd "$TESTS_DIR/.." && pwd)
G="mlg$$"
ADM="mladm$$" CO="mlco$$" CN="mlcn$$" OL="mlol$$" RL="mlrl$$" VW="mlvw$$" NO="mlno$$" KU="mlki$$"
USERS="$ADM $CO $CN $OL $RL $VW $NO $KU"
P="$T/prefix"
S="$T/state"
MS="$P/bin/muster"
TM_NAME=leads . "$TESTS_DIR/tui/lib/tmux.sh"

cleanup() {
	tm_stop
	for u in $USERS; do
		getent passwd "$u" >/dev/null || continue
		for p in $(ps -o pid= -u "$u" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
		userdel "$u" 2>/dev/null
	done
	getent group "$G" >/dev/null && groupdel "$G" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

chmod 0755 "$T" # the accounts reach the binary and their homes
# one account a login: no home made, the group of their own (not $G)
for u in $USERS; do
	useradd --no-create-home --home-dir "$T/home-$u" --shell /usr/sbin/nologin --user-group "$u" ||
		skip "useradd $u failed"
	mkdir -p "$T/home-$u"
	chown "$u:" "$T/home-$u"
	chmod 0700 "$T/home-$u"
done

# --- the install, as DEPLOY.md says ------------------------------------------

t_expect install-system 0 make --no-print-directory -s -C "$ROOT" install-system PREFIX="$P" \
	STATEDIR="$S" GROUP="$G"
t_equal group-made "$(getent group "$G" | cut -d: -f1,4)" "$G:"
t_equal binary-setgid "$(stat -c '%U:%G %a' "$MS")" "root:$G 2755"
t_equal state-folder "$(stat -c '%U:%G %a' "$S")" "root:$G 2770"
t_equal database-file "$(stat -c '%U:%G %a' "$S/muster.db")" "root:$G 660"
t_run "$MS" lead list --format tsv
t_contains root-first-admin "	root	admin	"
# the demo, written by root (an admin); leads for it
export MUSTER_NOW=""
t_expect demo 0 "$MS" demo
q() { sqlite3 "$S/muster.db" "$1"; }
EV=2                                    # the forum
ORG=5                                   # an organization with people and booths there
ROLE=$(q "SELECT id FROM role WHERE event = $EV AND name = 'Usher'")
CONF=405                                # a confidential attendee of the forum
t_equal demo-confidential "$(q "SELECT confidential FROM person WHERE id = $CONF")" 1
CONF_NAME=$(q "SELECT name FROM person WHERE id = $CONF")
OTHER=$(q "SELECT id FROM person WHERE org != $ORG AND confidential = 0 AND id IN
	(SELECT person FROM registration WHERE event = $EV) LIMIT 1")
OTHER_NAME=$(q "SELECT name FROM person WHERE id = $OTHER")
OWN=$(q "SELECT id FROM person WHERE org = $ORG AND confidential = 0 ORDER BY id LIMIT 1")
OWN_NAME=$(q "SELECT name FROM person WHERE id = $OWN")
t_expect lead-admin 0 "$MS" lead add "$ADM" --role admin
t_expect lead-coordinator 0 "$MS" lead add "$CO" --role coordinator --event $EV --confidential
t_expect lead-coordinator-plain 0 "$MS" lead add "$CN" --role coordinator --event $EV
t_expect lead-org 0 "$MS" lead add "$OL" --role org_lead --org $ORG
t_expect lead-role 0 "$MS" lead add "$RL" --role role_lead --role-id "$ROLE"
t_expect lead-viewer 0 "$MS" lead add "$VW" --role viewer --event $EV
t_expect lead-unknown-user 2 "$MS" lead add "nosuchuser$$" --role viewer

# as LOGIN CMD...: run as that account, with the test's config, no clock
as() {
	_u=$1
	shift
	runuser -u "$_u" -- env HOME="$T/home-$_u" MUSTER_CONFIG="$MUSTER_CONFIG" MUSTER_NOW= "$@"
}
fingerprint() { # the data, not the audit log's own growth
	sqlite3 "$S/muster.db" "SELECT count(*), total(length(name)) FROM person;
		SELECT count(*) FROM registration; SELECT count(*), total(status = 'dropped') FROM assignment;
		SELECT count(*) FROM shift; SELECT count(*) FROM booth; SELECT count(*) FROM lead;
		SELECT count(*), total(status = 'cancelled') FROM signup;
		PRAGMA integrity_check" | tr '\n' ' '
}

# --- nobody gets around muster -------------------------------------------------

for u in $OL $VW $ADM; do
	t_run as "$u" sqlite3 "$S/muster.db" "SELECT count(*) FROM person"
	[ "$RC" -ne 0 ] && t_ok "no-sqlite3-$u" || t_fail "no-sqlite3-$u" "$OUT"
	t_run as "$u" cp "$S/muster.db" "$T/home-$u/copy.db"
	[ "$RC" -ne 0 ] && [ ! -s "$T/home-$u/copy.db" ] && t_ok "no-copy-$u" || t_fail "no-copy-$u"
	t_run as "$u" cat "$S/muster.db-wal"
	[ "$RC" -ne 0 ] && t_ok "no-wal-$u" || t_fail "no-wal-$u"
done
before=$(fingerprint)
t_run as "$OL" "$MS" --db "$S/muster.db" export ics --org $ORG -o "$S/muster.db"
[ "$RC" -ne 0 ] && t_ok export-over-db-refused || t_fail export-over-db-refused "$OUT"
t_run as "$OL" "$MS" export ics --org $ORG -o "$S/../state/./muster.db-wal"
[ "$RC" -ne 0 ] && t_ok export-over-wal-refused || t_fail export-over-wal-refused "$OUT"
t_run as "$OL" "$MS" export ics --org $ORG -o "$S/new.ics"
[ "$RC" -ne 0 ] && [ ! -e "$S/new.ics" ] && t_ok export-into-state-refused ||
	t_fail export-into-state-refused "$OUT"
as "$OL" ln -s "$S/muster.db" "$T/home-$OL/link.ics"
t_run as "$OL" "$MS" export ics --org $ORG -o "$T/home-$OL/link.ics"
[ "$RC" -ne 0 ] && t_ok export-through-symlink-refused || t_fail export-through-symlink-refused
t_run as "$CO" "$MS" export ics --event $EV --per-person "$S"
[ "$RC" -ne 0 ] && t_ok per-person-into-state-refused || t_fail per-person-into-state-refused
t_run as "$ADM" "$MS" backup "$S/copy.db"
[ "$RC" -ne 0 ] && [ ! -e "$S/copy.db" ] && t_ok backup-into-state-refused ||
	t_fail backup-into-state-refused "$OUT $ERR"
t_expect backup-of-admin 0 as "$ADM" "$MS" backup "$T/home-$ADM/b.db"
t_equal backup-is-theirs "$(stat -c '%U %a' "$T/home-$ADM/b.db")" "$ADM 600"
t_expect backup-not-for-others 1 as "$OL" "$MS" backup "$T/home-$OL/b.db"
t_err_contains backup-refusal-names-lead "refused: $OL (org_lead of org $ORG) may not run backup"
# MUSTER_DB and [database] path name another file: ignored; --db FILE is
# the user's own database, opened as the user once the group privilege is
# gone (its creator its admin), so the shared one is out of its reach
printf '[database]\npath = %s\n' "$T/home-$OL/elsewhere.db" >"$T/home-$OL/db.ini"
chown "$OL" "$T/home-$OL/db.ini"
t_expect db-env-ignored 0 as "$OL" env MUSTER_DB="$T/home-$OL/env.db" "$MS" list events
t_expect db-config-ignored 0 as "$OL" "$MS" --config "$T/home-$OL/db.ini" list events
t_equal no-other-databases "$(ls "$T/home-$OL" | grep -c '\.db$')" 0
t_expect db-option-own-demo 0 as "$OL" "$MS" --db "$T/home-$OL/own.db" demo
t_equal db-option-own-file "$(stat -c '%U %G %a' "$T/home-$OL/own.db")" "$OL $(id -gn "$OL") 600"
t_expect db-option-own-admin 0 as "$OL" "$MS" --db "$T/home-$OL/own.db" lead list
t_run as "$OL" "$MS" --db "$S/muster.db" list events
[ "$RC" -ne 0 ] && t_ok db-option-shared-out-of-reach || t_fail db-option-shared-out-of-reach "$OUT"
rm -f "$T/home-$OL/own.db"*
# the config is read as the user: one only root may read is refused
printf '[display]\ntheme = mono\n' >"$T/root-only.ini"
chmod 0600 "$T/root-only.ini"
t_expect config-read-as-user 2 as "$OL" "$MS" --config "$T/root-only.ini" list events
# the settings that steer writes and the kiosk ([rules], [kiosk], [privacy])
# are the administrator's (STATEDIR/muster.ini), whatever a lead's own say
printf '[rules]\nmin_rest_minutes = 45\n' >"$S/muster.ini"
chgrp "$G" "$S/muster.ini"
chmod 0640 "$S/muster.ini"
printf '[rules]\nmin_rest_minutes = 0\n[display]\ntime_format = 12h\n' >"$T/home-$RL/loose.ini"
chown "$RL" "$T/home-$RL/loose.ini"
t_run as "$RL" "$MS" --config "$T/home-$RL/loose.ini" --dump-config
t_contains shared-rules-win "min_rest_minutes = 45"
t_contains own-display-kept "time_format = 12h"
rm -f "$S/muster.ini"
t_run as "$RL" "$MS" --config "$T/home-$RL/loose.ini" --dump-config
t_contains shared-rules-default "min_rest_minutes = 30"
t_expect clock-not-for-leads 2 as "$OL" "$MS" --now 2027-01-01T00:00:00Z list events
t_err_contains clock-refusal "only an admin pins the clock"
t_expect not-a-lead 1 as "$NO" "$MS" list events
t_err_contains not-a-lead-says "$NO is not a lead of this database"
t_equal database-unchanged "$(fingerprint)" "$before"

# --- the org lead: its organization's people and booths, nothing else ----------

own_people=$(q "SELECT count(*) FROM person WHERE org = $ORG AND confidential = 0")
t_run as "$OL" "$MS" list people --format tsv
t_equal org-lead-people "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" "$own_people"
t_equal org-lead-people-of-its-org "$(printf '%s\n' "$OUT" | t_column org | sort -u)" "$ORG"
t_contains org-lead-sees-contacts "$(q "SELECT email FROM person WHERE id = $OWN")"
t_run as "$OL" "$MS" list booths --format tsv
t_equal org-lead-booths "$(printf '%s\n' "$OUT" | t_column org | sort -u)" "$ORG"
t_equal org-lead-booth-count "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" \
	"$(q "SELECT count(*) FROM booth WHERE org = $ORG")"
t_run as "$OL" "$MS" report hours --event $EV --format tsv
case "$OUT" in *"$OTHER_NAME"*) t_fail org-lead-report-own-only "$OTHER_NAME" ;; *) t_ok org-lead-report-own-only ;; esac
t_expect org-lead-export 0 as "$OL" "$MS" export ics --event $EV --per-person "$T/home-$OL/ics"
t_equal org-lead-export-own-only "$(ls "$T/home-$OL/ics" | grep -c '^person-')" \
	"$(q "SELECT count(*) FROM registration r JOIN person p ON p.id = r.person
		WHERE r.event = $EV AND p.org = $ORG AND p.confidential = 0")"
t_run as "$OL" "$MS" export ics --event $EV --shifts
case "$OUT" in *"$OTHER_NAME"*) t_fail org-lead-export-no-others ;; *) t_ok org-lead-export-no-others ;; esac
t_expect org-lead-other-person-absent 1 as "$OL" "$MS" show person "$OTHER"
t_err_contains org-lead-absent-not-refused "person $OTHER: not found"
t_expect org-lead-other-org-export 1 as "$OL" "$MS" export ics --org 1
t_expect org-lead-refused-room 1 as "$OL" "$MS" add room event=$EV name=Annex
t_err_contains org-lead-refusal-one-line "refused: $OL (org_lead of org $ORG) may not add rooms"
t_expect org-lead-refused-leads 1 as "$OL" "$MS" lead add "$NO" --role viewer
t_expect org-lead-refused-demo 1 as "$OL" "$MS" demo --force
t_expect org-lead-adds-own 0 as "$OL" "$MS" add person name="New Volunteer" org=$ORG
t_expect org-lead-not-others 1 as "$OL" "$MS" add person name="Stray" org=1
# session sign-ups: its people's, and it signs up its own, no one else
SESS=$(q "SELECT session FROM signup ORDER BY id LIMIT 1")
JOINER=$(q "SELECT id FROM person WHERE org = $ORG AND confidential = 0 AND id IN
	(SELECT person FROM registration WHERE event = $EV AND status = 'registered')
	AND id NOT IN (SELECT person FROM signup) ORDER BY id LIMIT 1")
t_run as "$OL" "$MS" list signups --format tsv
t_equal org-lead-signups "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" \
	"$(q "SELECT count(*) FROM signup g JOIN person p ON p.id = g.person
	WHERE p.org = $ORG AND p.confidential = 0")"
t_expect org-lead-signs-up-own 0 as "$OL" "$MS" signup "$SESS" "$JOINER"
t_expect org-lead-signs-up-no-other 1 as "$OL" "$MS" signup "$SESS" "$OTHER"
t_err_contains org-lead-signup-other-absent "person $OTHER: not found"
# the full-screen screens, through the same scope
TM_ENV="" M=runuser
tm_start -u "$OL" -- env HOME="$T/home-$OL" "$MS"
tm_expect tui-org-lead-starts "Events"
tm_keys P
tm_expect tui-org-lead-people "$OWN_NAME"
tm_lacks tui-org-lead-no-others "$OTHER_NAME"
pid=$(pgrep -u "$OL" -x muster | head -n 1)
if [ -n "$pid" ]; then
	t_run as "$OL" ls "/proc/$pid/fd"
	[ "$RC" -ne 0 ] && t_ok proc-fd-closed || t_fail proc-fd-closed "$OUT"
	t_run as "$OL" cat "/proc/$pid/environ"
	[ "$RC" -ne 0 ] && t_ok proc-environ-closed || t_fail proc-environ-closed
	t_equal process-groups "$(awk '/^Gid:/ {print $2, $3, $4, $5}' "/proc/$pid/status")" \
		"$(id -g "$OL") $(id -g "$OL") $(id -g "$OL") $(id -g "$OL")"
	cloexec=yes
	for fd in /proc/$pid/fd/*; do
		case "$(readlink "$fd")" in
		"$S"/*)
			flags=$(awk '/^flags:/ {print $2}' "/proc/$pid/fdinfo/${fd##*/}")
			[ $((0$flags & 02000000)) -ne 0 ] || cloexec=no
			;;
		esac
	done
	t_equal database-fds-close-on-exec "$cloexec" yes
else
	t_fail tui-org-lead-process "no muster process of $OL"
fi
tm_stop
# the environment does not choose the terminal description: TERMINFO is
# dropped before curses reads it (an ordinary build would start here)
infocmp screen-256color | sed '1,/^[a-z]/ s/^screen-256color|/mustertest-term|/' >"$T/term.src"
tic -o "$T/terminfo" "$T/term.src" 2>/dev/null
chmod -R a+rX "$T/terminfo"
tm_start -u "$OL" -- env HOME="$T/home-$OL" TERMINFO="$T/terminfo" TERM=mustertest-term "$MS"
tm_expect terminfo-ignored "[muster exited with status"
tm_lacks terminfo-not-used "Events"
tm_stop

# --- the role lead: its role's shifts, no other -------------------------------

SHIFT=$(q "SELECT id FROM shift s WHERE role = $ROLE AND status = 'open' AND need_max >
	(SELECT count(*) FROM assignment a WHERE a.shift = s.id AND a.status != 'dropped')
	ORDER BY starts LIMIT 1")
OTHER_SHIFT=$(q "SELECT id FROM shift WHERE role != $ROLE AND event = $EV ORDER BY starts LIMIT 1")
VOL=$(q "SELECT r.person FROM registration r JOIN person p ON p.id = r.person
	WHERE r.event = $EV AND r.kind = 'volunteer' AND r.status = 'registered' AND p.confidential = 0
	AND NOT EXISTS (SELECT 1 FROM assignment a JOIN shift s ON s.id = a.shift
		WHERE a.person = r.person AND s.event = $EV) ORDER BY r.person LIMIT 1")
t_run as "$RL" "$MS" list shifts --event $EV --format tsv
t_equal role-lead-shifts "$(printf '%s\n' "$OUT" | t_column role | sort -u)" "$ROLE"
t_expect role-lead-assigns 0 as "$RL" "$MS" assign "$SHIFT" "$VOL" --force --reason "test"
t_equal role-lead-assigned "$(q "SELECT count(*) FROM assignment WHERE shift = $SHIFT AND person = $VOL")" 1
t_expect role-lead-other-shift 1 as "$RL" "$MS" assign "$OTHER_SHIFT" "$VOL"
t_equal role-lead-other-shift-untouched \
	"$(q "SELECT count(*) FROM assignment WHERE shift = $OTHER_SHIFT AND person = $VOL")" 0
t_expect role-lead-unassigns 0 as "$RL" "$MS" unassign "$SHIFT" "$VOL"
t_expect role-lead-no-event-change 1 as "$RL" "$MS" set event $EV name=Renamed

# --- the viewer changes nothing ---------------------------------------------------

before=$(fingerprint)
printf 'name\nWalk In\n' >"$T/walkin.csv"
chmod 0644 "$T/walkin.csv"
for cmd in "add person name=X" "set event $EV name=X" "rm room 1" "assign $SHIFT $VOL" \
	"register $EV $OWN" "unregister $EV $OWN" "checkin --event $EV --person $OWN" "pin $OWN" \
	"import people $T/walkin.csv --event $EV" "lead rm $ADM" "person forget $OWN --reason x" \
	"privacy sweep" "signup $SESS $OWN" "unsignup $SESS $JOINER" \
	"checkin --session $SESS --person $JOINER" "door --event $EV"; do
	# shellcheck disable=SC2086
	t_run as "$VW" "$MS" $cmd
	[ "$RC" -eq 1 ] && t_ok "viewer-refused: $cmd" || t_fail "viewer-refused: $cmd" "exit $RC: $ERR"
done
t_equal viewer-changed-nothing "$(fingerprint)" "$before"
t_run as "$VW" "$MS" show person "$OTHER"
t_contains viewer-no-contact "email: —"
t_expect viewer-reads 0 as "$VW" "$MS" report coverage --event $EV

# --- confidential people ------------------------------------------------------------

views() { q "SELECT count(*) FROM audit WHERE action = 'view' AND entity = 'person' AND entity_id = $CONF"; }
for u in $CN $OL $RL $VW; do
	t_run as "$u" "$MS" list people --format tsv
	case "$OUT" in *"$CONF_NAME"*) t_fail "confidential-hidden-$u" ;; *) t_ok "confidential-hidden-$u" ;; esac
	t_expect "confidential-absent-$u" 1 as "$u" "$MS" show person $CONF
done
t_equal hidden-not-audited "$(views)" 0
# nor their session sign-ups
t_run as "$CN" "$MS" list signups --format tsv
t_equal signups-confidential-hidden "$(printf '%s\n' "$OUT" | awk -F '\t' -v p="$CONF" '$3 == p' | wc -l)" 0
t_equal signups-others-shown "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" \
	"$(q "SELECT count(*) FROM signup g JOIN person p ON p.id = g.person WHERE p.confidential = 0")"
t_expect signup-confidential-absent 1 as "$CN" "$MS" unsignup "$(q "SELECT session FROM signup
	WHERE person = $CONF LIMIT 1")" "$CONF"
t_equal hidden-signups-not-audited "$(views)" 0
t_run as "$CO" "$MS" show person $CONF
t_contains confidential-right-sees "name: $CONF_NAME"
t_equal view-audited "$(views)" 1
t_equal view-names-who "$(q "SELECT actor FROM audit WHERE action = 'view' AND entity_id = $CONF")" "$CO"
t_expect confidential-list 0 as "$CO" "$MS" list people --event $EV
t_equal every-view-audited "$(views)" 2
# in the full-screen screens too
tm_start -u "$CO" -- env HOME="$T/home-$CO" "$MS"
tm_expect tui-coordinator-starts "Events"
tm_keys P
tm_type "/"
tm_type "$CONF_NAME"
tm_keys Enter
tm_expect tui-confidential-shown "$CONF_NAME"
i=0
while [ "$(views)" -lt 3 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
t_equal tui-view-audited "$(views)" 3
tm_stop

# --- the kiosk: its own account, no lead ------------------------------------------

PIN=$("$MS" pin "$VOL" | tail -n 1)
CODE=$(q "SELECT volunteer_code FROM person WHERE id = $VOL")
VOL_NAME=$(q "SELECT name FROM person WHERE id = $VOL")
tm_start -u "$KU" -- env HOME="$T/home-$KU" "$MS" kiosk
tm_expect kiosk-welcome "Type or scan your volunteer code" 15
tm_type "$CODE"
tm_keys Enter
tm_expect kiosk-asks-pin "Now type your PIN"
tm_type "$PIN"
tm_keys Enter
tm_expect kiosk-signed-in "Your upcoming shifts" 15
tm_expect kiosk-own-name "Signed in: $VOL_NAME"
tm_stop
t_expect kiosk-account-no-commands 1 as "$KU" "$MS" list people

# --- nothing left behind ------------------------------------------------------------

cleanup
trap - EXIT
left=""
for u in $USERS; do getent passwd "$u" >/dev/null && left="$left $u"; done
getent group "$G" >/dev/null && left="$left $G"
[ -e "$T" ] && left="$left $T"
t_equal nothing-left "$left" ""
