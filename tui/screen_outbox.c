/* screen_outbox.c - the mail outbox (M): every message queued by mail
 * invite, updates and reminders, newest first, with what became of it
 * (queued, sending, sent, failed, unknown); in an event, its own. Enter
 * shows one message's details and what the MTA said; U queues the event's
 * updates (core/mail_outbox.h), which mail send then delivers. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/lead.h"
#include "../core/mail_outbox.h"
#include "../core/mail_send.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "table.h"
#include "text.h"

static const struct column cols[] = {
    {.title = "#", .width = 6, .right = true, .src = "id", .kind = CELL_INT},
    {.title = "Status", .width = 10, .src = "status", .kind = CELL_TEXT},
    {.title = "To", .width = 20, .src = "name", .kind = CELL_CONF},
    {.title = "Message", .width = 0, .src = "subject", .kind = CELL_TEXT},
    {.title = "Tries", .width = 5, .right = true, .src = "attempts", .kind = CELL_INT},
};

static const enum action all_actions[] = {ACT_OPEN,   ACT_SEARCH, ACT_BACK, ACT_HINTS_END,
                                          LIST_MOVES, ACT_EVENTS, ACT_NONE};
static const enum action event_actions[] = {ACT_OPEN,      ACT_MAIL_UPDATES, ACT_SEARCH, ACT_BACK,
                                            ACT_HINTS_END, LIST_MOVES,       ACT_EVENTS, ACT_NONE};

/* ---- one message -------------------------------------------------------- */

static void when(int64_t t, char *buf, size_t n)
{
	char utc[40];
	tz_format_utc(t, utc, sizeof utc);
	snprintf(buf, n, "%.10s %.5s UTC", utc, utc + 11);
}

static int open_message(struct tui *t, struct table *tb, const struct list_row *r)
{
	struct mail_store_row m;
	struct err e = {0};
	if (mail_status_get(t->ctx, r->row, &m, &e) < 0) {
		tui_error(t, &e);
		return R_REDRAW;
	}
	char queued[40], sent[40] = "", next[40] = "", text[4096];
	when(m.queued_at, queued, sizeof queued);
	if (m.sent_at)
		when(m.sent_at, sent, sizeof sent);
	if (!strcmp(m.status, "queued") && m.attempts)
		when(m.next_attempt_at, next, sizeof next);
	snprintf(text, sizeof text,
	         "Status: %s\n"
	         "To: %s <%s> (person %" PRId64 ")\n"
	         "About: %s %" PRId64 " of event %" PRId64 " (%s)\n"
	         "Subject: %s\n"
	         "iTIP: %s, SEQUENCE %" PRId64 "\n"
	         "Queued: %s%s%s\n"
	         "Attempts: %" PRId64 " of %d%s%s\n"
	         "%s%s",
	         m.status, m.person_name, m.recipient, m.person, m.item_kind, m.item_id, m.event,
	         m.kind, m.subject, m.method, m.sequence, queued, sent[0] ? "; sent " : "", sent,
	         m.attempts, t->app->cfg.mail_max_attempts, next[0] ? "; next after " : "", next,
	         m.last_error[0] ? "The MTA said: " : "", m.last_error);
	char title[64];
	snprintf(title, sizeof title, "Message %" PRId64, m.id);
	char clean[sizeof text * 3];
	dialog_message(t, title, text_sanitize(text, clean, sizeof clean));
	return R_REDRAW;
}

/* ---- queueing updates ------------------------------------------------------ */

struct updates {
	int64_t event;
	char refused[200]; /* "person 4, person 9" */
};

static void note_refused(void *arg, int64_t person, const char *name, const char *why)
{
	(void)name;
	(void)why;
	struct updates *u = arg;
	size_t used = strlen(u->refused);
	if (used + 24 < sizeof u->refused)
		snprintf(u->refused + used, sizeof u->refused - used, "%sperson %" PRId64,
		         used ? ", " : "", person);
}

static int queue_updates(struct tui *t, void *arg)
{
	struct updates *u = arg;
	struct mail_summary s;
	struct err e = {0};
	if (mail_updates(t->ctx, u->event, note_refused, u, &s, &e) < 0) {
		tui_error(t, &e);
		return R_REDRAW;
	}
	tui_info(t,
	         "Mail updates: %zu queued (%zu update, %zu cancel) for %zu %s; %zu without an "
	         "email%s%s%s",
	         s.queued, s.by_kind[MAIL_UPDATE] + s.by_kind[MAIL_INVITE], s.by_kind[MAIL_CANCEL],
	         s.people, s.people == 1 ? "person" : "people", s.no_email,
	         u->refused[0] ? "; address refused: " : "", u->refused,
	         s.queued ? ". mail send delivers them." : ".");
	return R_RELOAD | R_REDRAW;
}

void screen_outbox_updates(struct tui *t, int64_t event, const char *name)
{
	struct err e = {0};
	if (lead_allows(t->ctx, "mail_outbox", LEAD_ADD, &e) < 0) {
		tui_error(t, &e);
		return;
	}
	struct updates *u = xcalloc(1, sizeof *u);
	u->event = event;
	char question[512], clean[256];
	snprintf(question, sizeof question,
	         "Queue mail updates for %s? Everyone whose sessions, shifts or registration "
	         "changed since their last message gets an update or a cancellation; mail send "
	         "delivers them.",
	         text_sanitize(name, clean, sizeof clean));
	dialog_confirm(t, "Mail updates", question, queue_updates, u, free);
}

/* ---- the screen ------------------------------------------------------------ */

static int outbox_key(struct tui *t, struct table *tb, enum action a)
{
	if (a != ACT_MAIL_UPDATES || !tb->event)
		return -1;
	struct record ev;
	struct err e = {0};
	if (record_get(t->ctx, entity_find("event"), tb->event, &ev, &e) < 0) {
		tui_error(t, &e);
		return R_REDRAW;
	}
	screen_outbox_updates(t, tb->event, record_text(&ev, "name"));
	record_free(&ev);
	return R_REDRAW;
}

static const struct table_def all_def = {
    .view = "outbox",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No mail yet: muster mail invite --event ID queues invitations.",
    .actions = all_actions,
    .open = open_message,
};

static const struct table_def event_def = {
    .view = "outbox_event",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No mail for this event yet: U queues updates, muster mail invite invitations.",
    .actions = event_actions,
    .key = outbox_key,
    .open = open_message,
};

void screen_outbox_open(struct tui *t, int64_t event)
{
	struct err denied = {0};
	if (lead_allows(t->ctx, "mail_outbox", LEAD_READ, &denied) < 0) {
		tui_error(t, &denied);
		return;
	}
	if (!event) {
		table_screen_open(t, &all_def, "Mail outbox", 0, 0);
		return;
	}
	struct record ev;
	struct err e = {0};
	if (record_get(t->ctx, entity_find("event"), event, &ev, &e) < 0) {
		tui_error(t, &e);
		return;
	}
	char title[160];
	snprintf(title, sizeof title, "Mail outbox \xc2\xb7 %s", record_text(&ev, "name"));
	record_free(&ev);
	table_screen_open(t, &event_def, title, event, event);
}
