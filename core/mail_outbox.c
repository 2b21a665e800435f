/* mail_outbox.c - deciding what to queue and building each message: the
 * iCalendar object (core/ical_export.c), the text (core/mail_template.c)
 * and the MIME message (core/mail.c), stored by db/mail_store.c. See
 * mail_outbox.h for the rules. */
#define _GNU_SOURCE /* open_memstream */
#include "mail_outbox.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/mail_store.h"
#include "audit.h"
#include "entity.h"
#include "ical_export.h"
#include "itip.h"
#include "lead.h"
#include "mail.h"
#include "text_is.h"
#include "tz.h"
#include "xmalloc.h"

enum run_mode { RUN_INVITE, RUN_UPDATES, RUN_REMINDERS };

/* Items decided and queued in one transaction. */
#define BATCH 256

static const char *const run_names[] = {[RUN_INVITE] = "mail invite",
                                        [RUN_UPDATES] = "mail updates",
                                        [RUN_REMINDERS] = "mail reminders"};

/* The person whose pairs are being gone through. */
struct who {
	int64_t id;
	char *name, *email;
	bool confidential;
	bool skipped;    /* counted as skipped (no email, address refused) */
	bool queued;     /* counted in s->people */
	bool said_event; /* something was said to them about the event itself */
};

struct run {
	struct ctx *c;
	enum run_mode mode;
	struct mail_template tpl[MAIL_NKINDS];
	char from_name[256], from_addr[320];
	struct ical_objects *objects;
	mail_refused_fn refused;
	void *arg;
	struct mail_summary *s;
	struct who who;
	int64_t event; /* of the item being handled */
	struct err *e;
};

/* A person and an item, gathered before anything is queued (the queries
 * read the outbox that queueing writes). */
struct todo {
	int64_t person, event, item;
	enum ical_store_kind kind;
	bool held;
};

struct todo_list {
	struct todo *v;
	size_t n, cap;
};

/* ---- before anything is queued ----------------------------------------- */

static int load_from(struct run *r, struct err *e)
{
	const struct config *cfg = r->c->cfg;
	if (!cfg->organizer_email[0])
		return err_set(e, ERR_CONFIG,
		               "mail needs an organizer: set organizer_email (and organizer_name) "
		               "in the [export] section of the config");
	if (cfg->mail_from[0]) {
		if (mail_from_parse(cfg->mail_from, r->from_name, sizeof r->from_name, r->from_addr,
		                    sizeof r->from_addr, e) < 0) {
			err_prefix(e, "[mail] from");
			return -1;
		}
		return 0;
	}
	snprintf(r->from_name, sizeof r->from_name, "%s", cfg->organizer_name);
	snprintf(r->from_addr, sizeof r->from_addr, "%s", cfg->organizer_email);
	if (mail_address_check(r->from_addr, e) < 0) {
		e->code = ERR_CONFIG;
		err_prefix(e, "[export] organizer_email");
		return -1;
	}
	return 0;
}

static int run_open(struct run *r, struct ctx *c, enum run_mode mode, mail_refused_fn refused,
                    void *arg, struct mail_summary *s, struct err *e)
{
	static const enum mail_kind needs[][2] = {[RUN_INVITE] = {MAIL_INVITE, MAIL_INVITE},
	                                          [RUN_UPDATES] = {MAIL_UPDATE, MAIL_CANCEL},
	                                          [RUN_REMINDERS] = {MAIL_REMINDER, MAIL_REMINDER}};
	memset(r, 0, sizeof *r);
	memset(s, 0, sizeof *s);
	*r = (struct run){.c = c, .mode = mode, .refused = refused, .arg = arg, .s = s, .e = e};
	/* the outbox is bookkeeping of every event: admins' (core/lead.c) */
	if (lead_allows(c, "mail_outbox", LEAD_ADD, e) < 0)
		return -1;
	if (load_from(r, e) < 0)
		return -1;
	/* updates keep a pending invitation an invitation: all three kinds */
	for (int k = 0; k < MAIL_NKINDS; k++) {
		bool needed = k == (int)needs[mode][0] || k == (int)needs[mode][1] ||
		              (mode == RUN_UPDATES && k == MAIL_INVITE);
		if (needed && mail_template_load(c->cfg, (enum mail_kind)k, &r->tpl[k], e) < 0)
			return -1;
	}
	r->objects = ical_objects_new(c);
	return 0;
}

static void who_clear(struct who *w)
{
	free(w->name);
	free(w->email);
	memset(w, 0, sizeof *w);
}

static void run_close(struct run *r)
{
	for (int k = 0; k < MAIL_NKINDS; k++)
		mail_template_free(&r->tpl[k]);
	ical_objects_free(r->objects);
	who_clear(&r->who);
}

static int event_check(struct ctx *c, int64_t event, enum run_mode mode, struct err *e)
{
	struct record ev;
	if (record_get(c, entity_find("event"), event, &ev, e) < 0)
		return -1;
	const char *status = record_text(&ev, "status");
	bool cancelled = text_is(status, "cancelled");
	char name[160];
	record_describe(&ev, name, sizeof name);
	record_free(&ev);
	if (mode == RUN_INVITE && cancelled)
		return err_set(e, ERR_REFUSED,
		               "%s is cancelled: nobody is invited (mail updates sends the "
		               "cancellations)",
		               name);
	return 0;
}

static int kind_check(const char *kind, struct err *e)
{
	if (!kind)
		return 0;
	const struct entity_def *reg = entity_find("registration");
	const struct field_def *f = &reg->fields[entity_field_known(reg, "kind")];
	for (const char *const *v = f->values; *v; v++)
		if (strcmp(*v, kind) == 0)
			return 0;
	char allowed[256];
	entity_field_help(f, allowed, sizeof allowed);
	return err_set(e, ERR_USAGE, "--kind: \"%s\" is not a registration kind (%s)", kind,
	               allowed);
}

/* ---- the person --------------------------------------------------------- */

static int who_load(struct run *r, int64_t person)
{
	if (r->who.id == person)
		return 0;
	who_clear(&r->who);
	struct record p;
	if (record_get(r->c, entity_find("person"), person, &p, r->e) < 0)
		return -1;
	const char *name = record_text(&p, "name"), *email = record_text(&p, "email");
	r->who.id = person;
	r->who.name = xstrdup(name ? name : "");
	r->who.email = email && email[0] ? xstrdup(email) : NULL;
	r->who.confidential = record_int(&p, "confidential") != 0;
	record_free(&p);
	return 0;
}

/* May a message go to the person? Counts and reports a skip once. */
static bool who_reachable(struct run *r)
{
	struct who *w = &r->who;
	if (w->skipped)
		return false;
	struct err why = {0};
	if (w->email && mail_address_check(w->email, &why) == 0)
		return true;
	w->skipped = true;
	if (!w->email) {
		r->s->no_email++;
	} else {
		r->s->refused++;
		if (r->refused)
			r->refused(r->arg, w->id, w->name, why.msg);
	}
	return false;
}

/* ---- what to say -------------------------------------------------------- */

static bool is_cancelled(const struct ical_store_item *it)
{
	return it->status && strcmp(it->status, "cancelled") == 0;
}

/* The kind and method of the message a pair calls for; false: none. */
static bool decide(const struct run *r, bool held, bool cancelled, int64_t item_sequence,
                   const struct mail_store_last *last, enum mail_kind *kind, enum ical_method *m)
{
	bool wanted = held && !cancelled;
	*m = ICAL_REQUEST;
	*kind = MAIL_UPDATE;
	if (r->mode == RUN_INVITE) {
		*kind = MAIL_INVITE;
		return !last && wanted;
	}
	if (!last)
		return wanted && r->who.said_event; /* new to someone already invited */
	bool said_cancel = strcmp(last->method, "CANCEL") == 0;
	if (wanted) {
		/* a pending invitation stays one when what it is about moves */
		if (strcmp(last->status, "queued") == 0 && strcmp(last->kind, "invite") == 0)
			*kind = MAIL_INVITE;
		return said_cancel || last->item_sequence != item_sequence;
	}
	*m = ICAL_CANCEL;
	*kind = MAIL_CANCEL;
	return !said_cancel;
}

/* The SEQUENCE of a message m about an item at item_sequence, after last. */
static int64_t next_sequence(const struct mail_store_last *last, enum ical_method m,
                             int64_t item_sequence)
{
	enum itip_method im = m == ICAL_CANCEL ? ITIP_CANCEL : ITIP_REQUEST;
	if (!last)
		return itip_sequence(NULL, im, item_sequence);
	struct itip_sent s = {
	    .method = strcmp(last->method, "CANCEL") == 0 ? ITIP_CANCEL : ITIP_REQUEST,
	    .sequence = last->max_sequence,
	    .item_sequence = last->item_sequence,
	};
	if (s.method == im && s.item_sequence == item_sequence)
		return last->sequence; /* the same message again (a reminder) */
	return itip_sequence(&s, im, item_sequence);
}

/* "Sat 13 Mar 09:00–10:30 (America/New_York)" */
static void format_when(const struct run *r, const struct ical_store_item *it, char *buf, size_t n)
{
	const char *tz = it->tz && it->tz[0] ? it->tz : "UTC";
	bool h12 = r->c->cfg->time_12h;
	char a[64], b[64], ma[16], mb[16];
	tz_format_human(tz, it->starts, h12, a, sizeof a);
	tz_format_mark(tz, it->starts, ma, sizeof ma);
	if (tz_day_start(tz, it->starts) == tz_day_start(tz, it->ends - 1))
		tz_format_hm(tz, it->ends, h12, b, sizeof b);
	else
		tz_format_human(tz, it->ends, h12, b, sizeof b);
	tz_format_mark(tz, it->ends, mb, sizeof mb);
	snprintf(buf, n, "%s%s\u2013%s%s (%s)", a, ma, b, mb, tz);
}

/* What the message is about, in words. */
static char *item_phrase(const struct ical_store_item *it)
{
	char *summary = ical_export_summary(it);
	const char *event = it->event_name ? it->event_name : "";
	char *out;
	switch (it->kind) {
	case ICAL_ITEM_SHIFT:
		out = xasprintf("%s shift at %s", summary, event);
		break;
	case ICAL_ITEM_SESSION:
		out = xasprintf("%s at %s", summary, event);
		break;
	case ICAL_ITEM_BOOTH:
	case ICAL_ITEM_EVENT:
	default:
		out = xstrdup(summary);
		break;
	}
	free(summary);
	return out;
}

/* The iCalendar object of the message, as text. */
static char *calendar_text(struct run *r, const struct ical_store_item *it, enum ical_method m,
                           int64_t seq)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f) {
		err_set(r->e, ERR_INPUT, "out of memory for a calendar");
		return NULL;
	}
	struct ical_attendee to = {
	    .person = r->who.id,
	    .name = r->who.name,
	    .email = r->who.email,
	    .confidential = r->who.confidential,
	};
	int ret = ical_objects_write(r->objects, it, m, seq, &to, f, r->e);
	if (fclose(f) != 0 && ret == 0)
		ret = err_set(r->e, ERR_INPUT, "out of memory for a calendar");
	if (ret < 0) {
		free(text);
		return NULL;
	}
	return text;
}

struct message {
	char *subject, *body, *calendar, *id, *text;
};

static void message_free(struct message *m)
{
	free(m->subject);
	free(m->body);
	free(m->calendar);
	free(m->id);
	free(m->text);
}

/* The whole message: text from the template, the object, MIME. */
static int build(struct run *r, const struct ical_store_item *it, enum mail_kind kind,
                 enum ical_method m, int64_t seq, struct message *msg)
{
	const struct config *cfg = r->c->cfg;
	char when[192];
	format_when(r, it, when, sizeof when);
	char *item = item_phrase(it), *where = ical_export_location(it);
	struct mail_fields f = {
	    .name = r->who.name,
	    .event = it->event_name ? it->event_name : "",
	    .item = item,
	    .when = when,
	    .where = where ? where : "",
	    .organizer = cfg->organizer_name[0] ? cfg->organizer_name : cfg->organizer_email,
	};
	msg->subject = mail_template_fill(r->tpl[kind].subject, &f, true);
	msg->body = mail_template_fill(r->tpl[kind].body, &f, false);
	free(item);
	free(where);
	msg->calendar = calendar_text(r, it, m, seq);
	if (!msg->calendar)
		return -1;
	msg->id = mail_message_id(r->from_addr);
	struct mail_parts parts = {
	    .from_name = r->from_name,
	    .from_addr = r->from_addr,
	    /* a confidential person's name stays off the envelope's headers */
	    .to_name = r->who.confidential ? NULL : r->who.name,
	    .to_addr = r->who.email,
	    .subject = msg->subject,
	    .body = msg->body,
	    .calendar = msg->calendar,
	    .method = m == ICAL_CANCEL ? "CANCEL" : "REQUEST",
	    .message_id = msg->id,
	    .attachment = m == ICAL_CANCEL ? "cancel.ics" : "invite.ics",
	    .date = clock_now(r->c->clock),
	};
	return mail_message(&parts, &msg->text, r->e);
}

static int enqueue(struct run *r, const struct ical_store_item *it, enum mail_kind kind,
                   enum ical_method m, int64_t seq)
{
	struct message msg = {0};
	if (build(r, it, kind, m, seq, &msg) < 0) {
		message_free(&msg);
		return -1;
	}
	struct mail_store_new row = {
	    .person = r->who.id,
	    .event = r->event,
	    .kind = mail_kind_name(kind),
	    .item_kind = it->kind,
	    .item_id = it->id,
	    .uid = it->uid,
	    .method = m == ICAL_CANCEL ? "CANCEL" : "REQUEST",
	    .sequence = seq,
	    .item_sequence = it->sequence,
	    .recipient = r->who.email,
	    .subject = msg.subject,
	    .message_id = msg.id,
	    .message = msg.text,
	    .now = clock_now(r->c->clock),
	};
	int64_t id;
	int ret = mail_store_insert(r->c->db, &row, &id, r->e);
	message_free(&msg);
	if (ret < 0)
		return -1;
	r->s->queued++;
	r->s->by_kind[kind]++;
	if (!r->who.queued)
		r->s->people++;
	r->who.queued = true;
	return 0;
}

/* ---- one pair ----------------------------------------------------------- */

struct pair_item {
	struct run *r;
	bool held;
};

static int on_item(void *arg, const struct ical_store_item *it)
{
	struct pair_item *x = arg;
	struct run *r = x->r;
	struct mail_store_last last;
	bool found;
	if (mail_store_last(r->c->db, r->who.id, it->uid, &last, &found, r->e) < 0)
		return -1;
	if (it->kind == ICAL_ITEM_EVENT)
		r->who.said_event = found;
	enum mail_kind kind;
	enum ical_method m;
	if (r->mode == RUN_REMINDERS) {
		kind = MAIL_REMINDER;
		m = ICAL_REQUEST;
	} else if (!decide(r, x->held, is_cancelled(it), it->sequence, found ? &last : NULL, &kind,
	                   &m)) {
		return 0;
	}
	if (m == ICAL_CANCEL && !last.delivered) {
		/* the REQUEST never left: withdraw it instead of cancelling */
		int n;
		if (mail_store_supersede(r->c->db, r->who.id, it->uid, &n, r->e) < 0)
			return -1;
		r->s->withdrawn += (size_t)n;
		return 0;
	}
	if (!who_reachable(r))
		return 0;
	if (enqueue(r, it, kind, m, next_sequence(found ? &last : NULL, m, it->sequence)) < 0)
		return -1;
	if (it->kind == ICAL_ITEM_EVENT)
		r->who.said_event = true;
	return 0;
}

static int do_one(struct run *r, const struct todo *t)
{
	static const enum ical_store_query queries[] = {[ICAL_ITEM_SESSION] = ICAL_Q_SESSION,
	                                                [ICAL_ITEM_SHIFT] = ICAL_Q_SHIFT,
	                                                [ICAL_ITEM_BOOTH] = ICAL_Q_SHIFT,
	                                                [ICAL_ITEM_EVENT] = ICAL_Q_EVENT};
	if (t->kind == ICAL_ITEM_BOOTH)
		return 0; /* booths are an organization's, not a person's */
	if (who_load(r, t->person) < 0)
		return -1;
	struct pair_item x = {r, t->held};
	r->event = t->event;
	return ical_store_items(r->c->db, queries[t->kind], t->item, 0, on_item, &x, r->e) < 0 ? -1
	                                                                                       : 0;
}

static void todo_add(struct todo_list *l, const struct todo *t)
{
	XGROW(l->v, l->n, l->cap, 256);
	l->v[l->n++] = *t;
}

struct gather {
	struct todo_list *list;
	int64_t event;
};

static int gather_pair(void *arg, const struct mail_store_pair *p)
{
	struct gather *g = arg;
	struct todo t = {.person = p->person,
	                 .event = g->event,
	                 .item = p->item,
	                 .kind = p->kind,
	                 .held = p->held};
	todo_add(g->list, &t);
	return 0;
}

static int gather_reminder(void *arg, int64_t person, int64_t shift, int64_t event)
{
	struct todo t = {
	    .person = person, .event = event, .item = shift, .kind = ICAL_ITEM_SHIFT, .held = true};
	todo_add(arg, &t);
	return 0;
}

/* ---- the runs ----------------------------------------------------------- */

static int audit_run(struct run *r, const char *entity, int64_t id, const char *what)
{
	const struct mail_summary *s = r->s;
	return audit_log(r->c, "mail", entity, id, r->e,
	                 "%s%s: %zu messages queued for %zu people, %zu without an email, %zu "
	                 "addresses refused",
	                 run_names[r->mode], what, s->queued, s->people, s->no_email, s->refused);
}

/* Queue what the todos from *i on call for, up to BATCH of them, in one
 * transaction: each decision is made on what is committed, so a run that
 * gathered before another queued never queues the same message again. */
static int run_batch(struct run *r, const struct todo_list *list, size_t *i)
{
	if (db_begin(r->c->db, r->e) < 0)
		return -1;
	int ret = 0;
	for (size_t end = *i + BATCH; ret == 0 && *i < list->n && *i < end; ++*i)
		ret = do_one(r, &list->v[*i]);
	if (ret < 0) {
		db_rollback(r->c->db);
		return -1;
	}
	return db_commit(r->c->db, r->e);
}

/* Gather, then queue a batch at a time (writers wait for one batch, never
 * for a whole run); audited. */
static int run_all(struct run *r, int64_t event, const char *kind)
{
	struct ctx *c = r->c;
	struct todo_list list = {0};
	int ret;
	if (r->mode == RUN_REMINDERS) {
		int64_t now = clock_now(c->clock);
		ret = mail_store_reminders_due(c->db, now,
		                               now + (int64_t)c->cfg->mail_remind_hours * 3600,
		                               gather_reminder, &list, r->e);
	} else {
		struct gather g = {&list, event};
		ret = mail_store_pairs(
		    c->db, event, r->mode == RUN_INVITE ? MAIL_PAIRS_HELD : MAIL_PAIRS_HELD_OR_SAID,
		    kind, gather_pair, &g, r->e);
	}
	for (size_t i = 0; ret == 0 && i < list.n;)
		ret = run_batch(r, &list, &i);
	free(list.v);
	if (ret < 0 || db_begin(c->db, r->e) < 0)
		return -1;
	char what[64] = "";
	if (event)
		snprintf(what, sizeof what, " --event %" PRId64 "%s%s", event,
		         kind ? " --kind " : "", kind ? kind : "");
	if (audit_run(r, event ? "event" : "mail", event, what) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, r->e);
}

static int run_event(struct ctx *c, enum run_mode mode, int64_t event, const char *kind,
                     mail_refused_fn refused, void *arg, struct mail_summary *s, struct err *e)
{
	struct run r;
	if (kind_check(kind, e) < 0 || event_check(c, event, mode, e) < 0)
		return -1;
	int ret = run_open(&r, c, mode, refused, arg, s, e);
	if (ret == 0)
		ret = run_all(&r, event, kind);
	run_close(&r);
	return ret;
}

int mail_invite(struct ctx *c, int64_t event, const char *kind, mail_refused_fn refused, void *arg,
                struct mail_summary *s, struct err *e)
{
	return run_event(c, RUN_INVITE, event, kind, refused, arg, s, e);
}

int mail_updates(struct ctx *c, int64_t event, mail_refused_fn refused, void *arg,
                 struct mail_summary *s, struct err *e)
{
	return run_event(c, RUN_UPDATES, event, NULL, refused, arg, s, e);
}

int mail_reminders(struct ctx *c, mail_refused_fn refused, void *arg, struct mail_summary *s,
                   struct err *e)
{
	struct run r;
	int ret = run_open(&r, c, RUN_REMINDERS, refused, arg, s, e);
	if (ret == 0)
		ret = run_all(&r, 0, NULL);
	run_close(&r);
	return ret;
}
