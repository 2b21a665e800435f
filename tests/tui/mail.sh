#!/bin/sh
# mail.sh - the mail outbox in the coordinator screen: M lists every message
# (newest first, its status and tries), in an event its own; Enter shows one
# message and what the MTA said; U in the event (or its outbox) asks, then
# queues the event's updates, and says how many; a message another process
# sends shows as sent without a key press.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
TM_NAME=mail
. "$(dirname "$0")/lib/tmux.sh"
q() { sqlite3 "$MUSTER_DB" "$1"; }

EXPORT=$(cat "$MUSTER_CONFIG")
mkdir -p "$T/mta"
# sendmail_is COMMAND: the forum's settings with this [mail] sendmail
sendmail_is() { printf '%s\n[mail]\nsendmail = "%s"\n' "$EXPORT" "$1" >"$MUSTER_CONFIG"; }
"$M" mail invite --event 1 >/dev/null || t_fail invite "mail invite failed"
# the first message refused by an MTA, for its words; the others delivered
sendmail_is "sh -c 'cat >/dev/null; echo 550 no such mailbox >&2; exit 67'"
"$M" mail send --limit 1 >/dev/null 2>&1
sendmail_is "sh -c 'cat >\$0/\$\$.eml' $T/mta"
"$M" mail send >/dev/null 2>&1
t_equal delivered "$(ls "$T/mta" | wc -l | tr -d ' ')" 8

tm_start
tm_expect events "Forum"
tm_keys M
tm_expect outbox-all "Mail outbox"
tm_expect outbox-columns "Tries"
tm_expect outbox-newest-first "Invitation: Greeter shift at Forum"
tm_expect outbox-sent "sent"
tm_keys End
tm_expect outbox-refused-row "1 queued Dana Reyes           Invitation: Forum"
tm_keys Enter
tm_expect message-detail "Message 1"
tm_expect message-mta-words "550 no such mailbox"
tm_expect message-to "Dana Reyes <dana@example.org>"
tm_keys Escape
tm_expect_gone message-closes "Message 1"
tm_keys q
tm_expect back-to-events "Regd"

# in the event: its outbox, and U queues the updates
tm_keys Enter
tm_expect event-open "Agenda"
move_panel
tm_keys U
tm_expect updates-asks "Queue mail updates for Forum?"
tm_keys y
tm_expect updates-queued "Mail updates: 2 queued (2 update, 0 cancel) for 2 people"
t_equal updates-in-db "$(q "SELECT count(*) FROM mail_outbox WHERE kind = 'update' AND status = 'queued'")" 2
tm_keys M
tm_expect event-outbox "Mail outbox"
tm_expect event-outbox-update "Updated: Panel"
tm_keys U
tm_expect outbox-updates-asks "Queue mail updates for Forum?"
tm_keys y
tm_expect outbox-updates-nothing "Mail updates: 0 queued"

# another process sends: the list follows without a key
tm_expect event-outbox-queued "queued Sam Hidden"
"$M" --now 2026-11-24T13:00:00Z mail send >/dev/null 2>&1
tm_expect_gone sends-show "queued Sam Hidden" 15
tm_expect_gone sends-show-all "queued Dana Reyes" 15
tm_expect sent-shows "sent"
tm_keys Q
