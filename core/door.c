/* door.c - the door's one operation: find the person a scan names, judge
 * their registration (and at a session's door their sign-up), and check
 * them in, all in one BEGIN IMMEDIATE transaction through the same core
 * operations the command line and the TUI use. A refusal writes nothing. */
#include "door.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/registration_store.h"
#include "../db/rules_store.h"
#include "../db/signup_store.h"
#include "entity.h"
#include "person.h"
#include "registration.h"
#include "signup.h"
#include "tz.h"

/* Why a walk-in may overlap another sign-up: they are here, at this one. */
#define WALK_IN_REASON "walk-in at the door"

const char *door_verdict_word(enum door_verdict v)
{
	static const char *const words[] = {
	    [DOOR_OK] = "OK",
	    [DOOR_UNKNOWN] = "UNKNOWN CODE",
	    [DOOR_NOT_REGISTERED] = "NOT REGISTERED",
	    [DOOR_WAITLISTED] = "WAITLISTED",
	    [DOOR_ALREADY] = "ALREADY IN",
	    [DOOR_FULL] = "SESSION FULL",
	    [DOOR_CANCELLED] = "CANCELLED",
	    [DOOR_REFUSED] = "NOT CHECKED IN",
	};
	return words[v];
}

int door_open(struct ctx *c, int64_t event, int64_t session, struct door *d, struct err *e)
{
	struct rs_event ev;
	memset(d, 0, sizeof *d);
	if (rules_store_event(c->db, event, &ev, e) < 0)
		return -1;
	d->event = event;
	snprintf(d->tz, sizeof d->tz, "%s", ev.tz);
	snprintf(d->title, sizeof d->title, "%s", ev.name);
	if (!session)
		return 0;
	struct signup_session s;
	if (signup_store_session(c->db, session, &s, e) < 0)
		return -1;
	if (s.event != event)
		return err_set(e, ERR_USAGE,
		               "door: session %" PRId64 " belongs to event %" PRId64
		               ", not %" PRId64,
		               session, s.event, event);
	d->session = session;
	snprintf(d->title, sizeof d->title, "%s: %s", ev.name, s.title);
	return 0;
}

/* The person a scan names: a code (any case) or an id; 0 when nobody. */
static int find_person(struct ctx *c, const char *input, int64_t *person, struct err *e)
{
	char text[DOOR_INPUT_MAX + 1];
	size_t n = 0;
	bool digits = true;
	*person = 0;
	for (const char *p = input; *p && n < DOOR_INPUT_MAX; p++) {
		if (isspace((unsigned char)*p))
			continue;
		digits &= isdigit((unsigned char)*p) != 0;
		text[n++] = *p;
	}
	text[n] = '\0';
	if (!n)
		return 0;
	if (digits) {
		struct db_value v = db_int(strtoll(text, NULL, 10));
		return record_store_find(c->db, "person", "id", &v, 0, person, e);
	}
	if (person_code_normalize(text) < 0)
		return 0;
	struct db_value v = db_text(text);
	return record_store_find(c->db, "person", "volunteer_code", &v, 0, person, e);
}

static void at_text(const struct ctx *c, const struct door *d, int64_t t, char *buf, size_t n)
{
	int64_t now = clock_now(c->clock);
	if (tz_day_start(d->tz, t) == tz_day_start(d->tz, now))
		tz_format_hm(d->tz, t, c->cfg->time_12h, buf, n);
	else
		tz_format_human(d->tz, t, c->cfg->time_12h, buf, n);
}

static int verdict(struct door_result *out, enum door_verdict v, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int verdict(struct door_result *out, enum door_verdict v, const char *fmt, ...)
{
	va_list ap;
	out->verdict = v;
	va_start(ap, fmt);
	vsnprintf(out->detail, sizeof out->detail, fmt, ap);
	va_end(ap);
	return 0;
}

/* The event: a standing registration, not yet checked in. */
static int event_gate(struct ctx *c, const struct door *d, const struct reg_row *g, bool found,
                      struct door_result *out, bool *pass)
{
	char at[64];
	*pass = false;
	if (!found || strcmp(g->status, "cancelled") == 0)
		return verdict(out, DOOR_NOT_REGISTERED, "not registered for this event");
	if (registration_waitlisted(g->status))
		return verdict(out, DOOR_WAITLISTED, "on the event's waitlist, position %" PRId64,
		               g->position);
	if (!d->session && strcmp(g->status, "checked_in") == 0) {
		at_text(c, d, g->checked_in_at, at, sizeof at);
		return verdict(out, DOOR_ALREADY, "already checked in at %s", at);
	}
	*pass = true;
	return 0;
}

/* A session: a seated sign-up, or a free seat for a walk-in. */
static int session_in(struct ctx *c, const struct door *d, struct door_result *out, struct err *e)
{
	struct signup_row s;
	bool found;
	char at[64];
	if (signup_store_find(c->db, d->session, out->person, &s, &found, e) < 0)
		return -1;
	if (found && strcmp(s.status, "checked_in") == 0) {
		at_text(c, d, s.checked_in_at, at, sizeof at);
		return verdict(out, DOOR_ALREADY, "already checked in at %s", at);
	}
	if (found && signup_waitlisted(s.status))
		return verdict(out, DOOR_WAITLISTED,
		               "on this session's waitlist, position %" PRId64, s.position);
	bool walk_in = !found || !signup_active(s.status);
	if (walk_in) {
		int64_t cap, taken;
		if (signup_seats(c, d->session, &cap, &taken, e) < 0)
			return -1;
		if (cap && taken >= cap)
			return verdict(out, DOOR_FULL, "all %" PRId64 " seats are taken", cap);
		const char *had = c->override_reason;
		c->override_reason = WALK_IN_REASON;
		int rc = signup_register(c, d->session, out->person, NULL, e);
		c->override_reason = had;
		if (rc < 0)
			return -1;
	}
	if (signup_checkin(c, d->session, out->person, e) < 0)
		return -1;
	tz_format_hm(d->tz, clock_now(c->clock), c->cfg->time_12h, at, sizeof at);
	return verdict(out, DOOR_OK, "%s at %s", walk_in ? "walked in" : "checked in", at);
}

static int scan_in_tx(struct ctx *c, const struct door *d, struct door_result *out, struct err *e)
{
	struct rs_event ev;
	struct reg_row g;
	bool found, pass;
	char at[64];
	if (rules_store_event(c->db, d->event, &ev, e) < 0 ||
	    registration_store_find(c->db, d->event, out->person, &g, &found, e) < 0)
		return -1;
	if (ev.cancelled)
		return verdict(out, DOOR_CANCELLED, "%s is cancelled", ev.name);
	if (d->session) {
		struct signup_session s;
		if (signup_store_session(c->db, d->session, &s, e) < 0)
			return -1;
		if (s.cancelled)
			return verdict(out, DOOR_CANCELLED, "this session is cancelled");
	}
	if (event_gate(c, d, &g, found, out, &pass) < 0 || !pass)
		return 0;
	if (d->session) {
		if (session_in(c, d, out, e) < 0)
			return -1;
		/* in the session is in the event */
		if (out->verdict == DOOR_OK && strcmp(g.status, "checked_in") != 0)
			return registration_checkin(c, d->event, out->person, e);
		return 0;
	}
	if (registration_checkin(c, d->event, out->person, e) < 0)
		return -1;
	tz_format_hm(d->tz, clock_now(c->clock), c->cfg->time_12h, at, sizeof at);
	return verdict(out, DOOR_OK, "checked in at %s", at);
}

static int name_of(struct ctx *c, struct door_result *out, struct err *e)
{
	struct record r;
	if (record_get(c, entity_find("person"), out->person, &r, e) < 0)
		return -1;
	snprintf(out->name, sizeof out->name, "%s",
	         record_int(&r, "confidential") ? PERSON_CONFIDENTIAL_NAME
	                                        : record_text(&r, "name"));
	record_free(&r);
	return 0;
}

int door_scan(struct ctx *c, const struct door *d, const char *input, struct door_result *out,
              struct err *e)
{
	memset(out, 0, sizeof *out);
	if (db_begin(c->db, e) < 0)
		return -1;
	struct err why = {0};
	int ret = find_person(c, input, &out->person, e);
	if (ret == 0 && out->person && name_of(c, out, &why) < 0) {
		/* someone outside the lead's scope is no one at its door */
		if (why.code == ERR_DB) {
			if (e)
				*e = why;
			ret = -1;
		}
		out->person = 0;
		why = (struct err){0};
	}
	if (ret == 0 && !out->person)
		verdict(out, DOOR_UNKNOWN, "no one has this code");
	else if (ret == 0 && scan_in_tx(c, d, out, &why) < 0) {
		if (why.code == ERR_DB) {
			if (e)
				*e = why;
			ret = -1;
		} else {
			verdict(out, DOOR_REFUSED, "%s", why.msg);
		}
	}
	if (ret < 0 || out->verdict != DOOR_OK) {
		db_rollback(c->db);
		return ret;
	}
	return db_commit(c->db, e);
}

int door_counts(struct ctx *c, const struct door *d, int64_t *checked_in, int64_t *expected,
                int64_t *capacity, struct err *e)
{
	*capacity = 0;
	if (!d->session)
		return registration_store_counts(c->db, d->event, expected, checked_in, e);
	struct signup_counts n;
	if (signup_store_counts(c->db, d->session, &n, e) < 0)
		return -1;
	*checked_in = n.checked_in;
	*expected = n.registered + n.checked_in + n.no_show;
	int64_t taken;
	return signup_seats(c, d->session, capacity, &taken, e);
}
