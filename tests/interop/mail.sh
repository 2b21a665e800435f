#!/bin/sh
# mail.sh - invitations, updates and reminders through real mail software:
# muster's outbox handed to msmtp (the sendmail interface, [mail] sendmail),
# which speaks SMTP to Python's aiosmtpd on loopback (smtp_sink.py, a
# Maildir); what arrived is read with Python's email package and python
# icalendar (imip_check.py: RFC 6047 structure, one recipient, one UID, the
# method parameter equal to METHOD, nobody else named), RFC 5546's tables
# (itip_tables.py) and ical.js (Thunderbird's parser) on the attached
# calendars. Flows: invite everyone, once; move a panel: exactly its
# speakers get a REQUEST with a higher SEQUENCE; drop a shift: a CANCEL;
# a seat in a session taken, then given up: the session, then its CANCEL;
# reminders once; the server down: everything stays queued, then arrives
# once it is back; mail send killed (SIGKILL) midway: nothing lost, nothing
# twice; a handoff killed with its message at the MTA: never sent again
# (at most once, as the README says).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
P=mail
PY=/usr/bin/python3
if ! $PY -c 'import aiosmtpd, icalendar' 2>/dev/null || ! command -v msmtp >/dev/null ||
	! command -v node >/dev/null; then
	echo "ok - $P # skip python3-aiosmtpd, python3-icalendar, msmtp or nodejs is missing: run contrib/install-deps.sh"
	exit 0
fi
if [ ! -f "$INTEROP_DIR/node_modules/ical.js/package.json" ]; then
	echo "ok - $P # skip ical.js is missing: run contrib/install-deps.sh"
	exit 0
fi
q() { sqlite3 "$MUSTER_DB" "$1"; }
PEOPLE="dana@example.org=Dana Reyes,sam@example.org=Sam Hidden,lee@example.org=Lee Park,ann@example.org=Ann Attendee"
BOX="$T/box"
SINK=""
# wait_for NAME SECONDS CMD...: poll until CMD succeeds (never a bare sleep)
wait_for() {
	name=$1 tries=$(($2 * 10))
	shift 2
	while ! "$@" >/dev/null 2>&1; do
		tries=$((tries - 1))
		if [ "$tries" -le 0 ]; then
			t_fail "$name" "timed out waiting for: $*"
			return 1
		fi
		sleep 0.1
	done
}
sink_start() { # [PORT]
	rm -f "$T/port"
	$PY "$INTEROP_DIR/smtp_sink.py" "$BOX" "$T/port" "$@" 2>>"$T/sink.log" &
	SINK=$!
	wait_for "$P-sink-listens" 30 test -s "$T/port"
	PORT=$(cat "$T/port")
}
sink_stop() {
	[ -n "$SINK" ] && kill "$SINK" 2>/dev/null && wait "$SINK" 2>/dev/null
	SINK=""
}
trap 'sink_stop; rm -rf "$T"' EXIT
arrived() { [ -f "$BOX/envelopes.tsv" ] && wc -l <"$BOX/envelopes.tsv" | tr -d ' ' || echo 0; }
arrived_at_least() { [ "$(arrived)" -ge "$1" ]; }
none_sending() { [ "$(q "SELECT count(*) FROM mail_outbox WHERE status = 'sending'")" -eq 0 ]; }
one_sending() { [ -n "$(q "SELECT claimed_by FROM mail_outbox WHERE status = 'sending'")" ]; }
# mail_config SENDMAIL: the forum's [export] and this [mail] sendmail
EXPORT=$(cat "$MUSTER_CONFIG")
mail_config() { printf '%s\n[mail]\nsendmail = %s\n' "$EXPORT" "$1" >"$MUSTER_CONFIG"; }
# check: every message so far read and checked; $T/rows the lines
check() {
	rm -rf "$T/ics"
	$PY "$INTEROP_DIR/imip_check.py" "$BOX" "$T/ics" "$PEOPLE" >"$T/rows" 2>&1
	grep -v '|' "$T/rows" | grep -v '^checked' | head -5
	tail -1 "$T/rows"
}
rows() { grep '|' "$T/rows"; }

sink_start
cat >"$T/msmtprc" <<EOF
defaults
auth off
tls off
timeout 20
logfile $T/msmtp.log
account default
host 127.0.0.1
port $PORT
from forum@example.org
EOF
chmod 600 "$T/msmtprc"
mail_config "msmtp -C $T/msmtprc -t"

# ---- invite everyone, once --------------------------------------------------
t_expect "$P-invite" 0 "$M" mail invite --event 1
t_contains "$P-invite-queued" "mail invite: 9 queued for 4 people (9 invite)"
t_expect "$P-send" 0 "$M" mail send
t_contains "$P-send-all" "mail send: 9 sent, 0 to retry, 0 failed"
t_equal "$P-arrived" "$(check)" "checked 9 messages"
t_equal "$P-one-envelope-recipient" "$(cut -f2 "$BOX/envelopes.tsv" | grep -c ,)" 0
t_equal "$P-per-person" "$(rows | cut -d'|' -f1 | sort | uniq -c | awk '{ print $1 $2 }' | tr '\n' ' ')" \
	"1ann@example.org 3dana@example.org 2lee@example.org 3sam@example.org "
t_equal "$P-all-requests" "$(rows | cut -d'|' -f2 | sort -u)" "REQUEST"
t_equal "$P-tables" "$($PY "$INTEROP_DIR/itip_tables.py" "$T"/ics/*.ics)" "checked 9 files"
# ical.js reads the same times, sequences, statuses and titles as python icalendar
for f in "$T"/ics/*.ics; do
	$PY "$INTEROP_DIR/ics_dump.py" "$f"
done >"$T/py.txt"
for f in "$T"/ics/*.ics; do
	node "$INTEROP_DIR/ics_dump.mjs" "$f"
done >"$T/js.txt"
t_equal "$P-icaljs-agrees" "$(grep '|' "$T/js.txt")" "$(grep '|' "$T/py.txt")"
t_equal "$P-icaljs-methods" "$(grep '^method' "$T/js.txt" | sort -u)" "method REQUEST"
t_expect "$P-invite-again" 0 "$M" mail invite --event 1
t_contains "$P-invite-again-nothing" "mail invite: 0 queued"
t_expect "$P-send-again" 0 "$M" mail send
t_equal "$P-nothing-more" "$(arrived)" 9

# ---- a panel moves: exactly its speakers, a higher SEQUENCE ------------------
PANEL=$(q "SELECT uid FROM session WHERE id = 2")
move_panel
t_expect "$P-updates" 0 "$M" mail updates --event 1
t_contains "$P-updates-two" "mail updates: 2 queued for 2 people (2 update)"
t_expect "$P-updates-again" 0 "$M" mail updates --event 1
t_contains "$P-updates-again-nothing" "mail updates: 0 queued"
"$M" mail send >/dev/null
t_equal "$P-updates-arrived" "$(check)" "checked 11 messages"
t_equal "$P-updates-who" "$(rows | grep "|$PANEL|1|" | cut -d'|' -f1,2,7 | sort | tr '\n' ' ')" \
	"dana@example.org|REQUEST|2027-03-14T19:00:00Z sam@example.org|REQUEST|2027-03-14T19:00:00Z "
t_equal "$P-updates-tables" "$($PY "$INTEROP_DIR/itip_tables.py" "$T"/ics/*.ics)" "checked 11 files"

# ---- a shift dropped: a CANCEL above the REQUEST ----------------------------
SHIFT2=$(q "SELECT uid FROM shift WHERE id = 2")
"$M" unassign 2 3 >/dev/null
t_expect "$P-cancel" 0 "$M" mail updates --event 1
t_contains "$P-cancel-one" "mail updates: 1 queued for 1 person (1 cancel)"
"$M" mail send >/dev/null
t_equal "$P-cancel-arrived" "$(check)" "checked 12 messages"
t_equal "$P-cancel-row" "$(rows | grep "|$SHIFT2|" | cut -d'|' -f1-5 | sort | tr '\n' ' ')" \
	"lee@example.org|CANCEL|$SHIFT2|1|CANCELLED lee@example.org|REQUEST|$SHIFT2|0|CONFIRMED "
t_equal "$P-cancel-tables" "$($PY "$INTEROP_DIR/itip_tables.py" "$T"/ics/*.ics)" "checked 12 files"

# ---- a seat taken, then given up: the session, then its CANCEL --------------
S4=$(q "SELECT uid FROM session WHERE id = 4")
"$M" signup 4 4 >/dev/null
t_expect "$P-signup" 0 "$M" mail updates --event 1
t_contains "$P-signup-one" "mail updates: 1 queued for 1 person (1 update)"
"$M" mail send >/dev/null
"$M" unsignup 4 4 >/dev/null
t_expect "$P-unsignup" 0 "$M" mail updates --event 1
t_contains "$P-unsignup-one" "mail updates: 1 queued for 1 person (1 cancel)"
"$M" mail send >/dev/null
t_equal "$P-signup-arrived" "$(check)" "checked 14 messages"
t_equal "$P-signup-rows" "$(rows | grep "|$S4|" | cut -d'|' -f1-5 | sort | tr '\n' ' ')" \
	"ann@example.org|CANCEL|$S4|1|CANCELLED ann@example.org|REQUEST|$S4|0|CONFIRMED "
t_equal "$P-signup-tables" "$($PY "$INTEROP_DIR/itip_tables.py" "$T"/ics/*.ics)" "checked 14 files"

# ---- reminders, once -------------------------------------------------------
# a day before shift 1 (2027-03-13 08:30 EST): Dana and Sam work it
DAYBEFORE=2027-03-12T14:00:00Z
t_expect "$P-reminders" 0 "$M" --now $DAYBEFORE mail reminders
t_contains "$P-reminders-two" "mail reminders: 2 queued for 2 people (2 reminder)"
t_expect "$P-reminders-again" 0 "$M" --now 2027-03-12T20:00:00Z mail reminders
t_contains "$P-reminders-again-nothing" "mail reminders: 0 queued"
"$M" --now $DAYBEFORE mail send >/dev/null
t_equal "$P-reminders-arrived" "$(check)" "checked 16 messages"
t_equal "$P-reminders-once" "$(rows | grep '|Reminder: ' | cut -d'|' -f1,2 | sort | tr '\n' ' ')" \
	"dana@example.org|REQUEST sam@example.org|REQUEST "

# ---- the server down: queued, then delivered once it is back ---------------
sink_stop
fx set room 1 name="Salon Alpha" # raises what is in it: the panel, shift 1
t_expect "$P-down-updates" 0 "$M" mail updates --event 1
WANT=$(q "SELECT count(*) FROM mail_outbox WHERE status = 'queued'")
t_expect "$P-down-send" 1 "$M" mail send
t_contains "$P-down-deferred" "mail send: 0 sent, $WANT to retry, 0 failed"
t_err_contains "$P-down-log" "the MTA refused it (exit"
t_equal "$P-down-nothing-arrived" "$(arrived)" 16
t_equal "$P-down-still-queued" "$(q "SELECT count(*) FROM mail_outbox WHERE status = 'queued' AND attempts = 1")" "$WANT"
sink_start "$PORT"
t_expect "$P-back-not-due" 0 "$M" mail send
t_contains "$P-back-waits" "mail send: 0 sent"
t_expect "$P-back-send" 0 "$M" --now 2026-11-24T12:06:00Z mail send
t_contains "$P-back-delivered" "mail send: $WANT sent, 0 to retry, 0 failed"
# (imip_check.py reports a Message-ID that arrives twice)
t_equal "$P-back-arrived-once" "$(check)" "checked $((16 + WANT)) messages"

# ---- mail send killed midway: nothing lost, nothing twice -------------------
i=0
while [ $i -lt 24 ]; do
	fx add person name="Guest $i" email="guest$i@example.org"
	fx add registration event=1 person=$((5 + i))
	i=$((i + 1))
done
"$M" mail invite --event 1 >/dev/null
before=$(arrived)
"$M" --now 2026-11-24T12:10:00Z mail send >/dev/null 2>&1 &
SENDER=$!
wait_for "$P-kill-midway" 60 arrived_at_least $((before + 5))
kill -KILL "$SENDER"
wait "$SENDER" 2>/dev/null
stopped_at=$(arrived)
# the handoff under way finishes on its own and records
wait_for "$P-kill-handoff-finishes" 60 none_sending
t_equal "$P-kill-some-left" "$([ "$stopped_at" -lt $((before + 24)) ] && echo yes)" yes
t_expect "$P-kill-resend" 0 "$M" --now 2026-11-24T12:10:00Z mail send
t_equal "$P-kill-all-arrived" "$(($(arrived) - before))" 24
t_equal "$P-kill-none-twice" "$(check)" "checked $((before + 24)) messages"
t_equal "$P-kill-guests-once" "$(rows | grep -c '^guest' | tr -d ' ')" 24

# ---- a handoff killed at the MTA: at most once -------------------------------
# the MTA takes two seconds; the handoff is killed while it waits (found by
# the process id it claimed the message with)
fx add person name="Last Guest" email=last@example.org
fx add registration event=1 person=29
"$M" mail invite --event 1 >/dev/null
mail_config "\"sh -c 'sleep 2; exec msmtp -C $T/msmtprc -t'\""
before=$(arrived)
"$M" --now 2026-11-24T12:10:00Z mail send >/dev/null 2>&1 &
SENDER=$!
wait_for "$P-handoff-claims" 30 one_sending
HANDOFF=$(q "SELECT claimed_by FROM mail_outbox WHERE status = 'sending'")
kill -KILL "$HANDOFF"
wait "$SENDER" 2>/dev/null
# the MTA, in a session of its own, still delivers the message it was given
wait_for "$P-handoff-mta-delivers" 30 arrived_at_least $((before + 1))
t_expect "$P-handoff-recovered" 0 "$M" --now 2026-11-24T12:10:00Z mail send
t_contains "$P-handoff-unknown" "1 unknown"
t_equal "$P-handoff-status" "$(q "SELECT status FROM mail_outbox WHERE person = 29")" "unknown"
t_expect "$P-handoff-updates" 0 "$M" mail updates --event 1
t_contains "$P-handoff-not-again" "mail updates: 0 queued"
"$M" --now 2026-11-24T13:00:00Z mail send >/dev/null
t_equal "$P-handoff-once" "$(arrived)" $((before + 1))
t_expect "$P-status" 0 "$M" mail status
t_contains "$P-status-unknown" "unknown #"
