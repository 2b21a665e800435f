/* registration.c - registrations for events: the event's seats and waitlist
 * (SPEC rule 5, kept by core/waitlist.c for attendees only), registering,
 * cancelling, attendance. */
#include "registration.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../db/registration_store.h"
#include "../db/rules_store.h"
#include "array.h"
#include "rules.h"
#include "schedule.h"
#include "signup.h"
#include "text_is.h"
#include "tz.h"
#include "waitlist.h"

static const struct entity_def *registration_ent(void)
{
	return entity_find("registration");
}

bool registration_seated(const char *kind, const char *status)
{
	return text_is(kind, "attendee") &&
	       (text_is(status, "registered") || text_is(status, "checked_in") ||
	        text_is(status, "no_show"));
}

bool registration_waitlisted(const char *status)
{
	return text_is(status, "waitlisted");
}

bool registration_attending(const char *status)
{
	return text_is(status, "registered") || text_is(status, "checked_in");
}

static bool holds_place(const char *status)
{
	return registration_attending(status) || registration_waitlisted(status);
}

static void status_text(const struct reg_row *g, char *buf, size_t n)
{
	if (registration_waitlisted(g->status))
		snprintf(buf, n, "waitlisted at position %" PRId64, g->position);
	else
		snprintf(buf, n, "%s as %s", g->status, g->kind);
}

/* ---- the waitlist ----------------------------------------------------- */

static int event_capacity(struct ctx *c, int64_t event, int64_t *cap, char *name, size_t n,
                          struct err *e)
{
	struct rs_event ev;
	if (rules_store_event(c->db, event, &ev, e) < 0)
		return -1;
	*cap = ev.capacity;
	snprintf(name, n, "%s", ev.name);
	return 0;
}

static bool record_seated(const struct record *r)
{
	return registration_seated(record_text(r, "kind"), record_text(r, "status"));
}

static const struct waitlist event_waitlist = {
    .table = WL_REGISTRATION,
    .entity = "registration",
    .group = "event",
    .as = " as an attendee",
    .seats = "attendees registered",
    .rows = "registrations",
    .capacity = event_capacity,
    .seated = record_seated,
};

int registration_settle(struct ctx *c, int64_t event, struct err *e)
{
	return waitlist_settle(c, &event_waitlist, event, e);
}

int registration_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (schedule_prepare(c, r, old, e) < 0)
		return -1;
	const char *kind = record_text(r, "kind"), *status = record_text(r, "status");
	if (!kind || !status || (old && record_int(old, "event") != record_int(r, "event")))
		return 0; /* the required-field check and validate refuse these */
	if (registration_waitlisted(status) && !text_is(kind, "attendee"))
		record_set_text(r, "status", "registered");
	return waitlist_prepare(c, &event_waitlist, r, old, e);
}

int registration_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	int64_t event = record_int(r, "event"), person = record_int(r, "person");
	if (old && (record_int(old, "event") != event || record_int(old, "person") != person))
		return err_set(e, ERR_REFUSED,
		               "a registration keeps its event and person; cancel "
		               "it and register again");
	if (old)
		return 0;
	struct rs_event ev;
	struct rs_person p;
	struct reg_row g;
	bool found;
	if (rules_store_event(c->db, event, &ev, e) < 0 ||
	    rules_store_person(c->db, person, &p, e) < 0 ||
	    registration_store_find(c->db, event, person, &g, &found, e) < 0)
		return -1;
	if (found) {
		char st[64];
		status_text(&g, st, sizeof st);
		return err_set(e, ERR_REFUSED,
		               "%s already has registration %" PRId64 " for %s (%s)", p.name, g.id,
		               ev.name, st);
	}
	if (ev.cancelled && !text_is(record_text(r, "status"), "cancelled"))
		return err_set(e, ERR_REFUSED, "%s is cancelled; %s cannot register", ev.name,
		               p.name);
	return 0;
}

int registration_after_write(struct ctx *c, const struct record *r, const char *action,
                             struct err *e)
{
	bool gone = text_is(action, "rm") || text_is(record_text(r, "status"), "cancelled");
	if (!text_is(action, "add") && gone &&
	    signup_cancel_person(c, record_int(r, "event"), record_int(r, "person"), e) < 0)
		return -1;
	return waitlist_after_write(c, &event_waitlist, r, action, e);
}

int registration_event_validate(struct ctx *c, struct record *r, const struct record *old,
                                struct err *e)
{
	int64_t cap = record_int(r, "capacity"), was = old ? record_int(old, "capacity") : 0;
	if (!old || cap <= 0 || (was > 0 && cap >= was))
		return 0;
	return waitlist_fits(c, &event_waitlist, r->id, cap, record_text(r, "name"), e);
}

int registration_event_after_write(struct ctx *c, const struct record *r, const char *action,
                                   struct err *e)
{
	return text_is(action, "set") ? registration_settle(c, r->id, e) : 0;
}

/* ---- operations ------------------------------------------------------- */

struct reg_ctx {
	struct rs_event ev;
	struct rs_person p;
	struct reg_row g;
	bool found;
};

static int load(struct ctx *c, int64_t event, int64_t person, struct reg_ctx *x, struct err *e)
{
	if (rules_store_event(c->db, event, &x->ev, e) < 0 ||
	    rules_store_person(c->db, person, &x->p, e) < 0)
		return -1;
	return registration_store_find(c->db, event, person, &x->g, &x->found, e);
}

/* Write r (insert or update); hand back the id. */
static int write_reg(struct ctx *c, struct record *r, int64_t *id, struct err *e)
{
	int ret = record_write(c, r, 0, e);
	if (ret == 0 && id)
		*id = r->id;
	record_free(r);
	return ret;
}

/* A record for (event, person): the stored one revived, or a new one. */
static int revive_or_new(struct ctx *c, const struct reg_ctx *x, const char *kind, struct record *r,
                         struct err *e)
{
	if (x->found) {
		if (record_get(c, registration_ent(), x->g.id, r, e) < 0)
			return -1;
		record_set_text(r, "checked_in_at", NULL);
		record_set_text(r, "checked_out_at", NULL);
	} else {
		record_init(r, registration_ent());
		record_set_int(r, "event", x->ev.id);
		record_set_int(r, "person", x->p.id);
		snprintf(r->tz, sizeof r->tz, "%s", x->ev.tz);
	}
	record_set_text(r, "kind", kind);
	record_set_text(r, "status", "registered");
	return 0;
}

static int register_in_tx(struct ctx *c, int64_t event, int64_t person, const char *kind,
                          int64_t *registration, struct err *e)
{
	struct reg_ctx x;
	struct record r;
	if (load(c, event, person, &x, e) < 0)
		return -1;
	if (x.found && holds_place(x.g.status)) {
		char st[64];
		status_text(&x.g, st, sizeof st);
		return err_set(e, ERR_REFUSED, "%s is already registered for %s (%s)", x.p.name,
		               x.ev.name, st);
	}
	if (x.ev.cancelled)
		return err_set(e, ERR_REFUSED, "%s is cancelled; %s cannot register", x.ev.name,
		               x.p.name);
	if (revive_or_new(c, &x, kind, &r, e) < 0)
		return -1;
	return write_reg(c, &r, registration, e);
}

int registration_register(struct ctx *c, int64_t event, int64_t person, const char *kind,
                          int64_t *registration, struct err *e)
{
	if (!kind)
		kind = "attendee";
	if (entity_check_choice(registration_ent(), "kind", kind, e) < 0)
		return -1;
	if (db_begin(c->db, e) < 0)
		return -1;
	if (register_in_tx(c, event, person, kind, registration, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

static int not_registered(const struct reg_ctx *x, struct err *e)
{
	return err_set(e, ERR_NOT_FOUND, "%s is not registered for %s", x->p.name, x->ev.name);
}

static int cancel_in_tx(struct ctx *c, int64_t event, int64_t person, int64_t *promoted,
                        struct err *e)
{
	struct reg_ctx x;
	struct record r;
	int64_t first, first_person, pos;
	if (load(c, event, person, &x, e) < 0)
		return -1;
	if (!x.found || text_is(x.g.status, "cancelled"))
		return not_registered(&x, e);
	if (waitlist_store_first(c->db, WL_REGISTRATION, event, &first, &first_person, &pos, e) <
	        0 ||
	    record_get(c, registration_ent(), x.g.id, &r, e) < 0)
		return -1;
	record_set_text(&r, "status", "cancelled");
	if (write_reg(c, &r, NULL, e) < 0)
		return -1;
	if (!promoted || !first || first == x.g.id)
		return 0;
	struct reg_row after;
	bool found;
	if (registration_store_find(c->db, event, first_person, &after, &found, e) < 0)
		return -1;
	if (found && !registration_waitlisted(after.status))
		*promoted = first_person;
	return 0;
}

int registration_cancel(struct ctx *c, int64_t event, int64_t person, int64_t *promoted,
                        struct err *e)
{
	if (promoted)
		*promoted = 0;
	return ctx_tx_out(c, event, person, promoted, cancel_in_tx, e);
}

int registration_unregister(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	return registration_cancel(c, event, person, NULL, e);
}

static void at_text(struct ctx *c, const struct reg_ctx *x, int64_t t, char *buf, size_t n)
{
	tz_format_human(x->ev.tz, t, c->cfg->time_12h, buf, n);
}

/* Refuse attendance on anything but a held seat. */
static int attending(struct ctx *c, const struct reg_ctx *x, struct err *e)
{
	if (!x->found)
		return not_registered(x, e);
	if (registration_waitlisted(x->g.status))
		return err_set(e, ERR_REFUSED,
		               "%s is on the waitlist for %s (position %" PRId64 "), not seated",
		               x->p.name, x->ev.name, x->g.position);
	if (text_is(x->g.status, "cancelled"))
		return err_set(e, ERR_REFUSED, "%s's registration for %s was cancelled", x->p.name,
		               x->ev.name);
	(void)c;
	return 0;
}

static int checkin_in_tx(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	struct reg_ctx x;
	struct record r;
	char at[64];
	if (load(c, event, person, &x, e) < 0 || attending(c, &x, e) < 0)
		return -1;
	if (text_is(x.g.status, "checked_in")) {
		at_text(c, &x, x.g.checked_in_at, at, sizeof at);
		return err_set(e, ERR_REFUSED, "%s already checked in to %s at %s", x.p.name,
		               x.ev.name, at);
	}
	if (record_get(c, registration_ent(), x.g.id, &r, e) < 0)
		return -1;
	record_set_text(&r, "status", "checked_in");
	record_set_int(&r, "checked_in_at", clock_now(c->clock));
	record_set_text(&r, "checked_out_at", NULL);
	return write_reg(c, &r, NULL, e);
}

static int checkout_in_tx(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	struct reg_ctx x;
	struct record r;
	char at[64];
	int64_t now = clock_now(c->clock);
	if (load(c, event, person, &x, e) < 0 || attending(c, &x, e) < 0)
		return -1;
	if (!text_is(x.g.status, "checked_in"))
		return err_set(e, ERR_REFUSED, "%s has not checked in to %s", x.p.name, x.ev.name);
	if (x.g.checked_out_at) {
		at_text(c, &x, x.g.checked_out_at, at, sizeof at);
		return err_set(e, ERR_REFUSED, "%s already checked out of %s at %s", x.p.name,
		               x.ev.name, at);
	}
	if (now < x.g.checked_in_at) {
		at_text(c, &x, x.g.checked_in_at, at, sizeof at);
		return err_set(e, ERR_REFUSED, "%s checked in to %s at %s, which is after now",
		               x.p.name, x.ev.name, at);
	}
	if (record_get(c, registration_ent(), x.g.id, &r, e) < 0)
		return -1;
	record_set_int(&r, "checked_out_at", now);
	return write_reg(c, &r, NULL, e);
}

int registration_checkin(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	return ctx_tx(c, event, person, checkin_in_tx, e);
}

int registration_checkout(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	return ctx_tx(c, event, person, checkout_in_tx, e);
}

int registration_find(struct ctx *c, int64_t event, int64_t person, int64_t *registration,
                      struct err *e)
{
	struct reg_row g;
	bool found;
	if (registration_store_find(c->db, event, person, &g, &found, e) < 0)
		return -1;
	*registration = found ? g.id : 0;
	return 0;
}

int registration_describe(struct ctx *c, int64_t event, int64_t person, char *buf, size_t n,
                          struct err *e)
{
	struct reg_ctx x;
	if (load(c, event, person, &x, e) < 0)
		return -1;
	if (x.found)
		status_text(&x.g, buf, n);
	else
		snprintf(buf, n, "%s", "not registered");
	return 0;
}

int registration_ensure_volunteer(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	struct reg_ctx x;
	struct record r;
	if (load(c, event, person, &x, e) < 0)
		return -1;
	if (x.found && !text_is(x.g.status, "cancelled") && !registration_waitlisted(x.g.status))
		return 0;
	if (revive_or_new(c, &x, "volunteer", &r, e) < 0)
		return -1;
	return write_reg(c, &r, NULL, e);
}
