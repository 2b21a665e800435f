/* signup.c - session sign-ups: the operations (sign up, cancel, check in,
 * dry run) and the entity hooks that apply the rules to every write of a
 * sign-up, a session or a room, whichever front end makes it. */
#include "signup.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/record_store.h"
#include "../db/registration_store.h"
#include "../db/signup_store.h"
#include "agenda.h"
#include "eligibility.h"
#include "lead.h"
#include "rules.h"
#include "schedule.h"
#include "text_is.h"
#include "tz.h"
#include "waitlist.h"

static const struct entity_def *signup_ent(void)
{
	return entity_find("signup");
}

bool signup_seated(const char *status)
{
	return text_is(status, "registered") || text_is(status, "checked_in") ||
	       text_is(status, "no_show");
}

bool signup_active(const char *status)
{
	return signup_seated(status) || signup_waitlisted(status);
}

bool signup_waitlisted(const char *status)
{
	return text_is(status, "waitlisted");
}

static bool active(const char *status)
{
	return signup_active(status);
}

static bool seated(const struct record *r)
{
	return signup_seated(record_text(r, "status"));
}

/* ---- the session's seats ------------------------------------------------ */

/* "\"Supply chains\"" */
static void title_of(const struct signup_session *s, char *buf, size_t n)
{
	snprintf(buf, n, "\"%s\"", s->title);
}

static int session_capacity(struct ctx *c, int64_t session, int64_t *cap, char *name, size_t n,
                            struct err *e)
{
	struct signup_session s;
	if (signup_store_session(c->db, session, &s, e) < 0)
		return -1;
	*cap = rules_session_capacity(s.capacity, s.room_capacity);
	title_of(&s, name, n);
	return 0;
}

static const struct waitlist session_waitlist = {
    .table = WL_SIGNUP,
    .entity = "signup",
    .group = "session",
    .as = "",
    .seats = "sign-ups",
    .rows = "sign-ups",
    .capacity = session_capacity,
    .seated = seated,
};

int signup_seats(struct ctx *c, int64_t session, int64_t *capacity, int64_t *taken, struct err *e)
{
	char name[RS_NAME + 2];
	if (session_capacity(c, session, capacity, name, sizeof name, e) < 0)
		return -1;
	return waitlist_store_seated(c->db, WL_SIGNUP, session, 0, taken, e);
}

/* ---- facts and rules ------------------------------------------------------ */

/* A session, its event, a person and their sign-up for it. */
struct pair {
	struct signup_session s;
	struct rs_event ev;
	struct rs_person p;
	struct signup_row g;
	bool found;
};

/* A session or person the lead cannot see is not found (through its scope,
 * core/lead.h), before any rule could name what it holds. */
static int seen(struct ctx *c, const char *table, int64_t id, struct err *e)
{
	bool found;
	if (record_store_exists(c->db, table, id, &found, e) < 0)
		return -1;
	return found ? 0 : err_set(e, ERR_NOT_FOUND, "%s %" PRId64 ": not found", table, id);
}

static int load(struct ctx *c, int64_t session, int64_t person, struct pair *x, struct err *e)
{
	if (seen(c, "session", session, e) < 0 || seen(c, "person", person, e) < 0 ||
	    signup_store_session(c->db, session, &x->s, e) < 0 ||
	    rules_store_event(c->db, x->s.event, &x->ev, e) < 0 ||
	    rules_store_person(c->db, person, &x->p, e) < 0)
		return -1;
	return signup_store_find(c->db, session, person, &x->g, &x->found, e);
}

static void describe_session(const struct ctx *c, const struct pair *x, char *buf, size_t n)
{
	struct rules_fmt f;
	char when[128];
	eligibility_event_fmt(c, &x->ev, &f);
	rules_when(&f, x->s.starts, x->s.ends, when, sizeof when);
	snprintf(buf, n, "\"%s\" %s", x->s.title, when);
}

/* Everything that may keep x.p out of x.s, added to v. */
static int judge(struct ctx *c, const struct pair *x, struct verdict *v, struct err *e)
{
	char msg[RULE_MSG_MAX], what[RS_NAME + 80];
	describe_session(c, x, what, sizeof what);
	if (x->s.cancelled) {
		snprintf(msg, sizeof msg, "%s is cancelled; %s cannot sign up", what, x->p.name);
		verdict_add(v, RULE_HARD, msg);
	}
	if (x->ev.cancelled) {
		snprintf(msg, sizeof msg, "%s is cancelled; %s cannot sign up", x->ev.name,
		         x->p.name);
		verdict_add(v, RULE_HARD, msg);
	}
	struct reg_row reg;
	bool registered;
	if (registration_store_find(c->db, x->ev.id, x->p.id, &reg, &registered, e) < 0)
		return -1;
	verdict_add(v,
	            rules_signup_registered(x->p.name, x->ev.name, registered ? reg.status : "",
	                                    reg.position, msg, sizeof msg),
	            msg);
	struct rs_slots held = {0};
	if (rules_store_signed_up(c->db, x->p.id, x->s.starts, x->s.ends, x->s.id, &held, e) < 0)
		return -1;
	struct rules_fmt f;
	struct rules_slot want = {x->s.title, x->s.starts, x->s.ends};
	eligibility_event_fmt(c, &x->ev, &f);
	for (size_t i = 0; i < held.n; i++) {
		struct rules_slot h = eligibility_stored_slot(&held.v[i]);
		verdict_add(v, rules_signup_overlap(&f, x->p.name, &h, &want, msg, sizeof msg),
		            msg);
	}
	rs_slots_free(&held);
	return 0;
}

static void status_text(const struct ctx *c, const struct pair *x, char *buf, size_t n)
{
	char at[64];
	if (!x->found)
		snprintf(buf, n, "not signed up");
	else if (signup_waitlisted(x->g.status))
		snprintf(buf, n, "waitlisted at position %" PRId64, x->g.position);
	else if (text_is(x->g.status, "registered"))
		snprintf(buf, n, "signed up");
	else if (text_is(x->g.status, "checked_in")) {
		tz_format_human(x->ev.tz, x->g.checked_in_at, c->cfg->time_12h, at, sizeof at);
		snprintf(buf, n, "checked in at %s", at);
	} else if (text_is(x->g.status, "no_show"))
		snprintf(buf, n, "marked no-show");
	else
		snprintf(buf, n, "%s", x->g.status);
}

/* Refuses (ERR_REFUSED) when x's person already holds a place in x's session. */
static int refuse_signed_up(const struct ctx *c, const struct pair *x, struct err *e)
{
	char what[RS_NAME + 80], st[128];
	if (!x->found || !active(x->g.status))
		return 0;
	describe_session(c, x, what, sizeof what);
	status_text(c, x, st, sizeof st);
	return err_set(e, ERR_REFUSED, "%s is already signed up for %s (%s)", x->p.name, what, st);
}

/* ---- hooks ---------------------------------------------------------------- */

int signup_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (schedule_prepare(c, r, old, e) < 0)
		return -1;
	if (!record_text(r, "status") ||
	    (old && (record_int(old, "session") != record_int(r, "session") ||
	             record_int(old, "person") != record_int(r, "person"))))
		return 0; /* the required-field check and validate refuse these */
	return waitlist_prepare(c, &session_waitlist, r, old, e);
}

int signup_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	int64_t session = record_int(r, "session"), person = record_int(r, "person");
	if (old && (record_int(old, "session") != session || record_int(old, "person") != person))
		return err_set(e, ERR_REFUSED,
		               "a sign-up keeps its session and person; cancel it and sign up "
		               "again");
	const char *status = record_text(r, "status");
	if (old && (!active(status) || active(record_text(old, "status"))))
		return 0; /* no new place taken: check-in, cancellation, promotion */
	struct pair x;
	char what[RS_NAME + 80], st[128];
	if (load(c, session, person, &x, e) < 0)
		return -1;
	if (!old && x.found) {
		describe_session(c, &x, what, sizeof what);
		status_text(c, &x, st, sizeof st);
		return err_set(e, ERR_REFUSED, "%s already has sign-up %" PRId64 " for %s (%s)",
		               x.p.name, x.g.id, what, st);
	}
	if (!active(status))
		return 0;
	struct verdict v;
	verdict_init(&v);
	if (judge(c, &x, &v, e) < 0)
		return -1;
	return eligibility_decide(c, &v, "session", session, e);
}

int signup_after_write(struct ctx *c, const struct record *r, const char *action, struct err *e)
{
	return waitlist_after_write(c, &session_waitlist, r, action, e);
}

static bool cancelled(const struct record *r)
{
	return text_is(record_text(r, "status"), "cancelled");
}

/* The capacity of a room (0 when none or unlimited). */
static int room_capacity(struct ctx *c, int64_t room, int64_t *cap, struct err *e)
{
	struct record rr;
	*cap = 0;
	if (!room)
		return 0;
	struct err lookup = {0};
	if (record_get(c, entity_find("room"), room, &rr, &lookup) < 0)
		return lookup.code == ERR_NOT_FOUND ? 0 : err_set(e, lookup.code, "%s", lookup.msg);
	*cap = record_int(&rr, "capacity");
	record_free(&rr);
	return 0;
}

int signup_session_validate(struct ctx *c, struct record *r, const struct record *old,
                            struct err *e)
{
	if (agenda_session_validate(c, r, old, e) < 0)
		return -1;
	if (!old || cancelled(r) ||
	    (record_int(old, "capacity") == record_int(r, "capacity") &&
	     record_int(old, "room") == record_int(r, "room") && !cancelled(old)))
		return 0;
	int64_t room_cap;
	char name[RS_NAME + 2];
	if (room_capacity(c, record_int(r, "room"), &room_cap, e) < 0)
		return -1;
	snprintf(name, sizeof name, "\"%s\"", record_text(r, "title"));
	return waitlist_fits(c, &session_waitlist, r->id,
	                     rules_session_capacity(record_int(r, "capacity"), room_cap), name, e);
}

/* Cancel each sign-up of ids (audited through the record path). */
static int cancel_ids(struct ctx *c, const int64_t *ids, size_t n, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		struct record r;
		/* a sign-up the lead cannot reach refuses the whole write */
		if (lead_row_allows(c, "signup", ids[i], LEAD_SET, e) < 0 ||
		    record_get(c, signup_ent(), ids[i], &r, e) < 0)
			return -1;
		record_set_text(&r, "status", "cancelled");
		int ret = record_write(c, &r, 0, e);
		record_free(&r);
		if (ret < 0)
			return -1;
	}
	return 0;
}

/* A cancelled session takes its sign-ups with it: the waiting first (so no
 * one is promoted on the way), then the seated; each person is named. */
static int cancel_session(struct ctx *c, const struct record *session, struct err *e)
{
	int64_t *ids;
	size_t n;
	if (signup_store_of_session(c->db, session->id, &ids, &n, e) < 0)
		return -1;
	int ret = 0;
	for (int pass = 0; pass < 2 && ret == 0; pass++) {
		for (size_t i = 0; i < n && ret == 0; i++) {
			struct record r;
			/* a sign-up the lead cannot reach refuses the cancellation */
			if ((ret = lead_row_allows(c, "signup", ids[i], LEAD_SET, e)) < 0 ||
			    (ret = record_get(c, signup_ent(), ids[i], &r, e)) < 0)
				break;
			bool waits = text_is(record_text(&r, "status"), "waitlisted");
			if (active(record_text(&r, "status")) && waits == (pass == 0)) {
				struct rs_person p;
				record_set_text(&r, "status", "cancelled");
				ret = record_write(c, &r, 0, e);
				if (ret == 0)
					ret = rules_store_person(c->db, record_int(&r, "person"),
					                         &p, e);
				if (ret == 0)
					ctx_notice(c, "%s's sign-up for \"%s\" is cancelled (%s)",
					           p.name, record_text(session, "title"),
					           waits ? "was waiting" : "had a seat");
			}
			record_free(&r);
		}
	}
	free(ids);
	return ret;
}

int signup_session_after_write(struct ctx *c, const struct record *r, const char *action,
                               struct err *e)
{
	if (!text_is(action, "set"))
		return 0;
	if (cancelled(r))
		return cancel_session(c, r, e);
	return waitlist_settle(c, &session_waitlist, r->id, e);
}

/* For each session in room with sign-ups: fn(session). */
static int each_session(struct ctx *c, int64_t room,
                        int (*fn)(struct ctx *, const struct signup_session *, int64_t,
                                  struct err *),
                        int64_t arg, struct err *e)
{
	int64_t *ids;
	size_t n;
	if (signup_store_sessions_in_room(c->db, room, &ids, &n, e) < 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++) {
		struct signup_session s;
		ret = signup_store_session(c->db, ids[i], &s, e);
		if (ret == 0 && !s.cancelled)
			ret = fn(c, &s, arg, e);
	}
	free(ids);
	return ret;
}

static int session_fits(struct ctx *c, const struct signup_session *s, int64_t room_cap,
                        struct err *e)
{
	char name[RS_NAME + 2];
	title_of(s, name, sizeof name);
	return waitlist_fits(c, &session_waitlist, s->id,
	                     rules_session_capacity(s->capacity, room_cap), name, e);
}

static int session_settle(struct ctx *c, const struct signup_session *s, int64_t unused,
                          struct err *e)
{
	return waitlist_settle(c, &session_waitlist, s->id, e);
}

int signup_room_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (agenda_room_validate(c, r, old, e) < 0)
		return -1;
	if (!old || record_int(old, "capacity") == record_int(r, "capacity"))
		return 0;
	return each_session(c, r->id, session_fits, record_int(r, "capacity"), e);
}

int signup_room_after_write(struct ctx *c, const struct record *r, const char *action,
                            struct err *e)
{
	return text_is(action, "set") ? each_session(c, r->id, session_settle, 0, e) : 0;
}

/* ---- operations ----------------------------------------------------------- */

static int register_in_tx(struct ctx *c, int64_t session, int64_t person, int64_t *id,
                          struct err *e)
{
	struct pair x;
	struct record r;
	if (lead_allows(c, "signup", LEAD_ADD, e) < 0 || load(c, session, person, &x, e) < 0 ||
	    refuse_signed_up(c, &x, e) < 0)
		return -1;
	if (x.found) {
		if (record_get(c, signup_ent(), x.g.id, &r, e) < 0)
			return -1;
		record_set_text(&r, "checked_in_at", NULL);
	} else {
		record_init(&r, signup_ent());
		record_set_int(&r, "session", session);
		record_set_int(&r, "person", person);
		snprintf(r.tz, sizeof r.tz, "%s", x.ev.tz);
	}
	record_set_text(&r, "status", "registered");
	int ret = record_write(c, &r, 0, e);
	if (ret == 0 && id)
		*id = r.id;
	record_free(&r);
	return ret;
}

int signup_register(struct ctx *c, int64_t session, int64_t person, int64_t *signup, struct err *e)
{
	return ctx_tx_out(c, session, person, signup, register_in_tx, e);
}

static int not_signed_up(const struct ctx *c, const struct pair *x, struct err *e)
{
	char what[RS_NAME + 80];
	describe_session(c, x, what, sizeof what);
	return err_set(e, ERR_NOT_FOUND, "%s is not signed up for %s", x->p.name, what);
}

static int cancel_in_tx(struct ctx *c, int64_t session, int64_t person, int64_t *promoted,
                        struct err *e)
{
	struct pair x;
	int64_t first, first_person, pos;
	if (lead_allows(c, "signup", LEAD_SET, e) < 0 || load(c, session, person, &x, e) < 0)
		return -1;
	if (!x.found || !active(x.g.status))
		return not_signed_up(c, &x, e);
	if (waitlist_store_first(c->db, WL_SIGNUP, session, &first, &first_person, &pos, e) < 0 ||
	    cancel_ids(c, &x.g.id, 1, e) < 0)
		return -1;
	if (!promoted || !first || first == x.g.id)
		return 0;
	struct signup_row after;
	bool found;
	if (signup_store_find(c->db, session, first_person, &after, &found, e) < 0)
		return -1;
	if (found && !text_is(after.status, "waitlisted"))
		*promoted = first_person;
	return 0;
}

int signup_cancel(struct ctx *c, int64_t session, int64_t person, int64_t *promoted, struct err *e)
{
	if (promoted)
		*promoted = 0;
	return ctx_tx_out(c, session, person, promoted, cancel_in_tx, e);
}

static int checkin_in_tx(struct ctx *c, int64_t session, int64_t person, struct err *e)
{
	struct pair x;
	struct record r;
	char what[RS_NAME + 80], st[128];
	if (lead_allows(c, "signup", LEAD_SET, e) < 0 || load(c, session, person, &x, e) < 0)
		return -1;
	if (!x.found || !active(x.g.status))
		return not_signed_up(c, &x, e);
	if (!text_is(x.g.status, "registered") && !text_is(x.g.status, "no_show")) {
		describe_session(c, &x, what, sizeof what);
		status_text(c, &x, st, sizeof st);
		return err_set(e, ERR_REFUSED, "%s %s %s for %s", x.p.name,
		               text_is(x.g.status, "checked_in") ? "already" : "is not seated:", st,
		               what);
	}
	if (record_get(c, signup_ent(), x.g.id, &r, e) < 0)
		return -1;
	record_set_text(&r, "status", "checked_in");
	record_set_int(&r, "checked_in_at", clock_now(c->clock));
	int ret = record_write(c, &r, 0, e);
	record_free(&r);
	return ret;
}

int signup_checkin(struct ctx *c, int64_t session, int64_t person, struct err *e)
{
	return ctx_tx(c, session, person, checkin_in_tx, e);
}

int signup_check(struct ctx *c, int64_t session, int64_t person, struct err *e)
{
	struct pair x;
	if (load(c, session, person, &x, e) < 0 || refuse_signed_up(c, &x, e) < 0)
		return -1;
	struct verdict v;
	verdict_init(&v);
	if (judge(c, &x, &v, e) < 0)
		return -1;
	if (!v.nhard && v.nsoft && eligibility_may_override(c))
		return 0;
	return verdict_err(&v, e);
}

int signup_find(struct ctx *c, int64_t session, int64_t person, int64_t *signup, struct err *e)
{
	struct signup_row g;
	bool found;
	if (signup_store_find(c->db, session, person, &g, &found, e) < 0)
		return -1;
	*signup = found ? g.id : 0;
	return 0;
}

int signup_describe(struct ctx *c, int64_t session, int64_t person, char *buf, size_t n,
                    struct err *e)
{
	struct pair x;
	if (load(c, session, person, &x, e) < 0)
		return -1;
	status_text(c, &x, buf, n);
	return 0;
}

int signup_session_describe(struct ctx *c, int64_t session, char *buf, size_t n, struct err *e)
{
	struct pair x;
	if (signup_store_session(c->db, session, &x.s, e) < 0 ||
	    rules_store_event(c->db, x.s.event, &x.ev, e) < 0)
		return -1;
	describe_session(c, &x, buf, n);
	return 0;
}

int signup_cancel_person(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	int64_t *ids;
	size_t n;
	if (signup_store_of_person(c->db, person, event, &ids, &n, e) < 0)
		return -1;
	int ret = cancel_ids(c, ids, n, e);
	free(ids);
	return ret;
}
