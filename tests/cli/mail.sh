#!/bin/sh
# mail.sh - the mail commands on the forum (issue 14), without a mail server
# (tests/interop/mail.sh has the real one): usage and bad input refused
# before anything is queued (a missing template, an unknown placeholder,
# no organizer, an unknown event or kind, a cancelled event); a person
# without an email skipped and counted; an address the mail library refuses
# reported by person while the others go; every command twice queues
# nothing new; a message names its reader and the organizer only; a
# sendmail that cannot be run marks nothing sent; an MTA that refuses
# leaves its words in the log (standard error) and in mail status, never
# in the audit log; person export lists the person's messages and person
# forget removes them.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=mail
q() { sqlite3 "$MUSTER_DB" "$1"; }
queued() { q "SELECT count(*) FROM mail_outbox WHERE status = 'queued'"; }
BASE=$(cat "$MUSTER_CONFIG")
config() { printf '%s\n[mail]\n%s\n' "$BASE" "$*" >"$MUSTER_CONFIG"; }

# ---- usage ------------------------------------------------------------------
t_expect "$P-no-action" 2 "$M" mail
t_expect "$P-unknown-action" 2 "$M" mail invites --event 1
t_err_contains "$P-unknown-action-says" "unknown action invites"
t_expect "$P-invite-needs-event" 2 "$M" mail invite
t_err_contains "$P-invite-usage" "usage: muster mail invite --event ID [--kind KIND]"
t_expect "$P-send-takes-no-event" 2 "$M" mail send --event 1
t_expect "$P-bad-limit" 2 "$M" mail send --limit 0
t_expect "$P-unknown-event" 1 "$M" mail invite --event 9
t_expect "$P-unknown-kind" 2 "$M" mail invite --event 1 --kind guest
t_err_contains "$P-unknown-kind-says" "not a registration kind"
t_expect "$P-help" 0 "$M" --help
t_contains "$P-help-placeholders" "{organizer}"

# ---- refused before anything is queued -------------------------------------
printf 'Subject: Hello {name}\n\nHello {nmae},\n' >"$T/bad.txt"
config "invite_template = $T/bad.txt"
t_expect "$P-unknown-placeholder" 2 "$M" mail invite --event 1
t_err_contains "$P-unknown-placeholder-says" "$T/bad.txt:3: unknown placeholder {nmae}; did you mean {name}?"
config "invite_template = $T/missing.txt"
t_expect "$P-missing-template" 2 "$M" mail invite --event 1
t_err_contains "$P-missing-template-says" "invite_template: $T/missing.txt: cannot be read"
config 'from = "not an address"'
t_expect "$P-bad-from" 2 "$M" mail invite --event 1
printf '[mail]\n' >"$MUSTER_CONFIG"
t_expect "$P-no-organizer" 2 "$M" mail invite --event 1
t_err_contains "$P-no-organizer-says" "organizer_email"
t_equal "$P-nothing-queued" "$(q 'SELECT count(*) FROM mail_outbox')" 0

# ---- invite: skipped, refused, once ----------------------------------------
fx add person name="No Mail"
fx add registration event=1 person=5
fx set person 4 email="ann@example..org" # muster takes it; the mail library does not
config ""
t_expect "$P-invite" 0 "$M" mail invite --event 1
t_contains "$P-invite-counts" "mail invite: 8 queued for 3 people (8 invite), 1 skipped without an email, 1 addresses refused"
t_err_contains "$P-refused-by-person" "muster: mail invite: person 4 (Ann Attendee): \"ann@example..org\" is not an address the mail library accepts; nothing queued for them"
t_expect "$P-invite-again" 0 "$M" mail invite --event 1
t_contains "$P-invite-again-nothing" "mail invite: 0 queued for 0 people"
t_expect "$P-updates-nothing" 0 "$M" mail updates --event 1
t_contains "$P-updates-nothing-says" "mail updates: 0 queued"
fx set person 4 email=ann@example.org
t_expect "$P-invite-fixed" 0 "$M" mail invite --event 1
t_contains "$P-invite-fixed-one" "mail invite: 1 queued for 1 person (1 invite)"
t_equal "$P-one-recipient" "$(q "SELECT count(*) FROM mail_outbox WHERE recipient LIKE '%,%' OR recipient LIKE '% %'")" 0

# ---- privacy: each message names its reader and the organizer --------------
names=$(q "SELECT o.person || '|' || o.message FROM mail_outbox o" | tr -d '\r')
leak=0
for who in 1:Dana 2:Sam 3:Lee 4:Ann; do
	id=${who%%:*}
	for other in Dana Sam Lee Ann; do
		[ "$other" = "${who#*:}" ] && continue
		n=$(q "SELECT count(*) FROM mail_outbox WHERE person = $id AND (message LIKE '%$other %' OR message LIKE '%$(echo "$other" | tr 'A-Z' 'a-z')@%')")
		[ "$n" -eq 0 ] || leak=$((leak + n))
	done
done
t_equal "$P-names-only-reader" "$leak" 0
t_equal "$P-confidential-not-in-to" "$(q "SELECT count(*) FROM mail_outbox WHERE person = 2 AND message GLOB '*To: Sam*'")" 0
t_equal "$P-organizer-from" "$(q "SELECT count(*) FROM mail_outbox WHERE message NOT LIKE '%From: Forum Team <forum@example.org>%'")" 0
unset names

# ---- a sendmail that cannot be run marks nothing sent ------------------------
config "sendmail = /nonexistent/sendmail -t -oi"
before=$(queued)
t_expect "$P-send-cannot-run" 2 "$M" mail send
t_err_contains "$P-send-cannot-run-says" "/nonexistent/sendmail cannot be run"
t_equal "$P-send-cannot-run-nothing-sent" "$(queued)|$(q "SELECT count(*) FROM mail_outbox WHERE attempts > 0 OR status <> 'queued'")" "$before|0"

# ---- an MTA that refuses: the log and mail status have its words ------------
config "sendmail = \"sh -c 'cat >/dev/null; echo 451 mailbox busy >&2; exit 75'\"
max_attempts = 2"
t_expect "$P-send-refused" 1 "$M" mail send --limit 2
t_contains "$P-send-refused-counts" "mail send: 0 sent, 2 to retry, 0 failed"
t_err_contains "$P-send-refused-log" "the MTA refused it (exit 75): 451 mailbox busy; tried again after 2026-11-24T12:05:00Z"
t_expect "$P-status" 0 "$M" mail status
t_contains "$P-status-counts" "outbox: 9 queued"
t_contains "$P-status-words" "1 of 2 attempts, next after 2026-11-24T12:05:00Z: the MTA refused it (exit 75): 451 mailbox busy"
t_equal "$P-audit-without-words" "$(q "SELECT count(*) FROM audit WHERE summary LIKE '%451%' OR summary LIKE '%@%'")" 0
t_equal "$P-audit-counts" "$(q "SELECT summary FROM audit WHERE action = 'mail' ORDER BY id DESC LIMIT 1")" "mail send: 0 sent, 2 to retry, 0 failed"
# not due before the wait is over; after it, the last attempt fails them
t_expect "$P-send-not-due" 1 "$M" mail send --limit 2
t_contains "$P-send-not-due-others" "0 sent, 2 to retry"
t_expect "$P-send-last-attempt" 1 "$M" --now 2026-11-24T12:06:00Z mail send
t_contains "$P-send-failed" "0 sent, 5 to retry, 4 failed"
t_expect "$P-status-failed" 0 "$M" mail status --event 1
t_contains "$P-status-failed-lists" "failed #1: invite event 1 to person 1 (Dana Reyes <dana@example.org>), 2 of 2 attempts: the MTA refused it (exit 75): 451 mailbox busy"

# ---- delivered: stored as sent, and updates know it ------------------------
mkdir -p "$T/mta"
config "sendmail = sh -c 'cat >\"\$0/\$\$.eml\"' $T/mta"
t_expect "$P-send" 0 "$M" --now 2026-11-24T13:00:00Z mail send
t_contains "$P-send-counts" "mail send: 5 sent, 0 to retry, 0 failed"
t_equal "$P-send-files" "$(ls "$T/mta" | wc -l | tr -d ' ')" 5
t_equal "$P-itip-recorded" "$(q "SELECT count(*) FROM itip_sent")" 5
t_expect "$P-send-again" 0 "$M" --now 2026-11-24T13:00:00Z mail send
t_contains "$P-send-again-nothing" "mail send: 0 sent"

# ---- cancelled event: no invitations; updates cancel -----------------------
fx set event 1 status=cancelled
t_expect "$P-invite-cancelled" 1 "$M" mail invite --event 1
t_err_contains "$P-invite-cancelled-says" "is cancelled: nobody is invited"
t_expect "$P-updates-cancel" 0 "$M" mail updates --event 1
t_contains "$P-updates-cancels-sent" "5 queued for 3 people (5 cancel)"
t_expect "$P-updates-cancel-again" 0 "$M" mail updates --event 1
t_contains "$P-updates-cancel-again-nothing" "mail updates: 0 queued"

# ---- subject access and erasure ---------------------------------------------
t_expect "$P-person-export" 0 "$M" person export 3 -o "$T/lee.json"
n=$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["records"]["mail_outbox"]["rows"]), d["records"]["mail_outbox"]["on_erase"])' "$T/lee.json")
t_equal "$P-person-export-messages" "$n" "$(q "SELECT count(*) FROM mail_outbox WHERE person = 3") removed"
t_expect "$P-forget" 0 "$M" person forget 3 --reason "asked" --force
t_equal "$P-forget-removes" "$(q "SELECT count(*) FROM mail_outbox WHERE person = 3")" 0

# ---- contrib/: the timer's and cron's commands are muster's -----------------
ROOT=$(cd "$TESTS_DIR/.." && pwd)
cmds=$(sed -n 's|^ExecStart=-\{0,1\}/usr/bin/muster ||p' "$ROOT/contrib/muster-mail.service")
cmds="$cmds
$(grep -v '^#' "$ROOT/contrib/muster-mail.cron" | grep -o '/usr/bin/muster mail [a-z]*' | sed 's|/usr/bin/muster ||')"
t_equal "$P-contrib-commands" "$(printf '%s\n' "$cmds" | sort -u | tr '\n' ',')" "mail reminders,mail send,"
config "sendmail = sh -c 'cat >/dev/null'"
for c in $(printf '%s\n' "$cmds" | sort -u | tr ' ' '_'); do
	t_expect "$P-contrib-$c-runs" 0 "$M" $(echo "$c" | tr '_' ' ')
done
