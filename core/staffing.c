/* staffing.c - volunteers on shifts: the assign / unassign / check-in /
 * check-out operations, and the entity hooks that apply the rules to every
 * write of an assignment or a shift, whichever front end makes it. */
#include "staffing.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "elig_memo.h"
#include "eligibility.h"
#include "registration.h"
#include "text_is.h"
#include "tz.h"

bool staffing_status_active(const char *s)
{
	static const char *const active[] = {"signed_up", "confirmed", "checked_in", "completed"};
	for (size_t i = 0; s && i < ARRAY_LEN(active); i++)
		if (strcmp(s, active[i]) == 0)
			return true;
	return false;
}

static const struct entity_def *assignment_ent(void)
{
	return entity_find("assignment");
}

/* Shift, person and their assignment (id 0 when none). */
struct pair {
	struct elig_shift s;
	struct rs_person p;
	int64_t id;
	char status[16];
	char what[300]; /* "Greeter Sat 7 Dec 09:00–11:00" */
};

/* The pair assign_in_tx has just read, handed to the validate hook of the
 * write it makes (record_write between them reads, never writes, those
 * rows), so that one assignment reads them once. NULL otherwise. */
static const struct pair *handed;
static int64_t handed_shift, handed_person;

static int load_pair(struct ctx *c, int64_t shift, int64_t person, struct pair *out, struct err *e)
{
	if (handed && handed_shift == shift && handed_person == person) {
		*out = *handed;
		return 0;
	}
	if (eligibility_load(c, shift, &out->s, e) < 0 ||
	    elig_fact_person(c, person, &out->p, e) < 0 ||
	    rules_store_assignment_of(c->db, shift, person, &out->id, out->status,
	                              sizeof out->status, e) < 0)
		return -1;
	eligibility_describe(c, &out->s, out->what, sizeof out->what);
	return 0;
}

/* What refuses anyone on the shift before the rules: a cancelled shift or
 * event, and at the kiosk the sign-up switch and window. */
static void assign_gate(struct ctx *c, const struct elig_shift *s, const char *what, bool kiosk,
                        struct verdict *v)
{
	char msg[RULE_MSG_MAX];
	struct rules_fmt f;
	struct rules_slot want;
	eligibility_fmt(c, s, &f);
	eligibility_slot(s, &want);
	if (s->shift.cancelled) {
		snprintf(msg, sizeof msg, "%s (shift %" PRId64 ") is cancelled", what, s->shift.id);
		verdict_add(v, RULE_HARD, msg);
	}
	if (s->event.cancelled) {
		snprintf(msg, sizeof msg, "%s is cancelled", s->event.name);
		verdict_add(v, RULE_HARD, msg);
	}
	if (!kiosk)
		return;
	if (!c->cfg->kiosk_signup)
		verdict_add(v, RULE_HARD, "signing up at the kiosk is turned off");
	verdict_add(v,
	            rules_signup_open(&f, &want, clock_now(c->clock), c->cfg->signup_close_minutes,
	                              msg, sizeof msg),
	            msg);
}

int staffing_gate(struct ctx *c, const struct elig_shift *s, struct verdict *v, struct err *e)
{
	char what[300], msg[RULE_MSG_MAX];
	struct rules_fmt f;
	struct rules_slot want;
	int64_t taken;
	eligibility_describe(c, s, what, sizeof what);
	assign_gate(c, s, what, eligibility_is_kiosk(c), v);
	if (rules_store_taken(c->db, s->shift.id, 0, &taken, e) < 0)
		return -1;
	eligibility_fmt(c, s, &f);
	eligibility_slot(s, &want);
	verdict_add(
	    v, rules_shift_room(&f, "anyone", &want, taken, s->shift.need_max, msg, sizeof msg),
	    msg);
	return 0;
}

int staffing_describe(struct ctx *c, int64_t shift, char *buf, size_t n, struct err *e)
{
	struct elig_shift s;
	if (eligibility_load(c, shift, &s, e) < 0)
		return -1;
	eligibility_describe(c, &s, buf, n);
	return 0;
}

int staffing_find(struct ctx *c, int64_t shift, int64_t person, int64_t *assignment, struct err *e)
{
	return rules_store_assignment_of(c->db, shift, person, assignment, NULL, 0, e);
}

/* ---- hooks ------------------------------------------------------------ */

int staffing_assignment_validate(struct ctx *c, struct record *r, const struct record *old,
                                 struct err *e)
{
	int64_t shift = record_int(r, "shift"), person = record_int(r, "person");
	const char *status = record_text(r, "status");
	const char *source = record_text(r, "source");
	bool moved =
	    !old || record_int(old, "shift") != shift || record_int(old, "person") != person;
	if (!moved &&
	    (!staffing_status_active(status) || staffing_status_active(record_text(old, "status"))))
		return 0; /* no new place taken: check-in, check-out, drop, no-show */
	struct pair pr;
	if (load_pair(c, shift, person, &pr, e) < 0)
		return -1;
	if (moved && pr.id && pr.id != r->id)
		return err_set(e, ERR_REFUSED,
		               "%s already has assignment %" PRId64 " on %s (status %s); change "
		               "that one instead",
		               pr.p.name, pr.id, pr.what, pr.status);
	if (!staffing_status_active(status))
		return 0;
	bool kiosk = eligibility_is_kiosk(c) || text_is(source, "kiosk");
	struct verdict v;
	verdict_init(&v);
	assign_gate(c, &pr.s, pr.what, kiosk, &v);
	if (eligibility_eval(c, &pr.s, &pr.p, ELIG_ALL, &v, e) < 0)
		return -1;
	if (kiosk && v.nsoft && !v.nhard)
		return verdict_err(&v, e); /* the kiosk never overrides */
	return eligibility_decide(c, &v, "shift", shift, e);
}

int staffing_assignment_after_write(struct ctx *c, const struct record *r, const char *action,
                                    struct err *e)
{
	if (strcmp(action, "rm") == 0 || !staffing_status_active(record_text(r, "status")))
		return 0;
	struct rs_shift s;
	if (elig_fact_shift(c, record_int(r, "shift"), &s, e) < 0)
		return -1;
	return registration_ensure_volunteer(c, s.event, record_int(r, "person"), e);
}

/* Rule 4 and same-event references for a shift about to be written. */
static int shift_frame(struct ctx *c, const struct elig_shift *s, struct verdict *v, struct err *e)
{
	char msg[RULE_MSG_MAX], name[RS_NAME];
	int64_t ev;
	if (s->role.event != s->shift.event) {
		snprintf(msg, sizeof msg, "role %" PRId64 " (%s) belongs to another event, not %s",
		         s->role.id, s->role.name, s->event.name);
		verdict_add(v, RULE_HARD, msg);
	}
	if (s->shift.room) {
		if (rules_store_room_event(c->db, s->shift.room, &ev, name, sizeof name, e) < 0)
			return -1;
		if (ev != s->shift.event) {
			snprintf(msg, sizeof msg,
			         "room %" PRId64 " (%s) belongs to another event, not %s",
			         s->shift.room, name, s->event.name);
			verdict_add(v, RULE_HARD, msg);
		}
	}
	if (s->shift.booth) {
		if (rules_store_booth_event(c->db, s->shift.booth, &ev, e) < 0)
			return -1;
		if (ev != s->shift.event) {
			snprintf(msg, sizeof msg,
			         "booth %" PRId64 " belongs to another event, not %s",
			         s->shift.booth, s->event.name);
			verdict_add(v, RULE_HARD, msg);
		}
	}
	if (s->shift.cancelled)
		return 0;
	struct rules_fmt f;
	char what[RS_NAME + 8];
	snprintf(what, sizeof what, "%s shift", s->role.name);
	struct rules_slot item = {what, s->shift.starts, s->shift.ends};
	eligibility_fmt(c, s, &f);
	verdict_add(v,
	            rules_in_span(&f, &item, s->event.name, s->event.span_starts,
	                          s->event.span_ends, msg, sizeof msg),
	            msg);
	return 0;
}

/* A stored shift whose times, role or status change: its people again. */
static int shift_people(struct ctx *c, const struct elig_shift *s, const struct record *old,
                        struct verdict *v, struct err *e)
{
	char msg[RULE_MSG_MAX], what[300];
	int64_t taken;
	if (rules_store_taken(c->db, s->shift.id, 0, &taken, e) < 0)
		return -1;
	eligibility_describe(c, s, what, sizeof what);
	if (taken > s->shift.need_max) {
		snprintf(msg, sizeof msg,
		         "%s has %" PRId64 " people on it; need_max %" PRId64
		         " would leave too many (drop people first)",
		         what, taken, s->shift.need_max);
		verdict_add(v, RULE_HARD, msg);
	}
	const char *was = record_text(old, "status");
	bool changed = record_int(old, "starts") != s->shift.starts ||
	               record_int(old, "ends") != s->shift.ends ||
	               record_int(old, "role") != s->shift.role ||
	               (was && strcmp(was, "open") != 0);
	if (!changed)
		return 0;
	struct rs_pair *pairs;
	size_t n;
	if (rules_store_pairs(c->db, RS_PAIRS_SHIFT, s->shift.id, 0, &pairs, &n, e) < 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++) {
		struct rs_person p;
		ret = rules_store_person(c->db, pairs[i].person, &p, e);
		if (ret == 0)
			ret = eligibility_eval(c, s, &p, ELIG_ALL & ~ELIG_FILL, v, e);
	}
	free(pairs);
	return ret;
}

int staffing_shift_validate(struct ctx *c, struct record *r, const struct record *old,
                            struct err *e)
{
	struct elig_shift s;
	memset(&s, 0, sizeof s);
	const char *status = record_text(r, "status");
	s.shift.id = r->id;
	s.shift.event = record_int(r, "event");
	s.shift.role = record_int(r, "role");
	s.shift.room = record_int(r, "room");
	s.shift.booth = record_int(r, "booth");
	s.shift.starts = record_int(r, "starts");
	s.shift.ends = record_int(r, "ends");
	s.shift.need_max = record_int(r, "need_max");
	s.shift.cancelled = text_is(status, "cancelled");
	if (eligibility_complete(c, &s, e) < 0)
		return -1;
	struct verdict v;
	verdict_init(&v);
	if (shift_frame(c, &s, &v, e) < 0)
		return -1;
	if (old && !s.shift.cancelled && shift_people(c, &s, old, &v, e) < 0)
		return -1;
	return eligibility_decide(c, &v, "shift", r->id, e);
}

/* ---- operations ------------------------------------------------------- */

/* Write r (insert or update) and hand back its id. */
static int write_assignment(struct ctx *c, struct record *r, int64_t *id, struct err *e)
{
	int ret = record_write(c, r, 0, e);
	if (ret == 0 && id)
		*id = r->id;
	record_free(r);
	return ret;
}

static int assign_in_tx(struct ctx *c, int64_t shift, int64_t person, const char *source,
                        int64_t *assignment, struct err *e)
{
	struct pair pr;
	struct record r;
	if (load_pair(c, shift, person, &pr, e) < 0)
		return -1;
	if (pr.id && staffing_status_active(pr.status))
		return err_set(e, ERR_REFUSED, "%s already works %s (assignment %" PRId64 ", %s)",
		               pr.p.name, pr.what, pr.id, pr.status);
	if (pr.id) {
		if (record_get(c, assignment_ent(), pr.id, &r, e) < 0)
			return -1;
		record_set_text(&r, "checked_in_at", NULL);
		record_set_text(&r, "checked_out_at", NULL);
	} else {
		record_init(&r, assignment_ent());
		record_set_int(&r, "shift", shift);
		record_set_int(&r, "person", person);
		snprintf(r.tz, sizeof r.tz, "%s", pr.s.event.tz);
	}
	record_set_text(&r, "status", "signed_up");
	record_set_text(&r, "source", source);
	handed = &pr;
	handed_shift = shift;
	handed_person = person;
	int ret = write_assignment(c, &r, assignment, e);
	handed = NULL;
	if (ret == 0 && c->memo)
		elig_memo_assigned(c->memo, &pr.s, person);
	return ret;
}

int staffing_assign(struct ctx *c, int64_t shift, int64_t person, const char *source,
                    int64_t *assignment, struct err *e)
{
	if (!source)
		source = "coordinator";
	if (entity_check_choice(assignment_ent(), "source", source, e) < 0)
		return -1;
	if (db_begin(c->db, e) < 0)
		return -1;
	if (assign_in_tx(c, shift, person, source, assignment, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

int staffing_check(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	struct pair pr;
	if (load_pair(c, shift, person, &pr, e) < 0)
		return -1;
	if (pr.id && staffing_status_active(pr.status))
		return err_set(e, ERR_REFUSED, "%s already works %s (assignment %" PRId64 ", %s)",
		               pr.p.name, pr.what, pr.id, pr.status);
	struct verdict v;
	verdict_init(&v);
	assign_gate(c, &pr.s, pr.what, eligibility_is_kiosk(c), &v);
	if (eligibility_eval(c, &pr.s, &pr.p, ELIG_ALL, &v, e) < 0)
		return -1;
	if (!v.nhard && v.nsoft && eligibility_may_override(c))
		return 0;
	return verdict_err(&v, e);
}

/* Load the pair and the assignment record, refusing when there is none
 * (or it was dropped). */
static int load_assigned(struct ctx *c, int64_t shift, int64_t person, struct pair *pr,
                         struct record *r, struct err *e)
{
	if (load_pair(c, shift, person, pr, e) < 0)
		return -1;
	if (!pr->id || strcmp(pr->status, "dropped") == 0)
		return err_set(e, ERR_NOT_FOUND, "%s is not on %s (shift %" PRId64 ")", pr->p.name,
		               pr->what, shift);
	return record_get(c, assignment_ent(), pr->id, r, e);
}

/* "Sat 7 Dec 09:02" in the shift's zone. */
static void at_text(struct ctx *c, const struct pair *pr, int64_t t, char *buf, size_t n)
{
	tz_format_human(pr->s.event.tz, t, c->cfg->time_12h, buf, n);
}

static int unassign_in_tx(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	struct pair pr;
	struct record r;
	char msg[RULE_MSG_MAX];
	if (load_assigned(c, shift, person, &pr, &r, e) < 0)
		return -1;
	int ret = 0;
	if (strcmp(pr.status, "checked_in") == 0)
		ret = err_set(e, ERR_REFUSED, "%s has checked in to %s; check them out instead",
		              pr.p.name, pr.what);
	else if (strcmp(pr.status, "completed") == 0)
		ret = err_set(e, ERR_REFUSED, "%s has already worked %s; that stays on record",
		              pr.p.name, pr.what);
	else if (strcmp(pr.status, "no_show") == 0)
		ret =
		    err_set(e, ERR_REFUSED, "%s is marked as a no-show on %s", pr.p.name, pr.what);
	if (ret == 0 && eligibility_is_kiosk(c)) {
		struct rules_fmt f;
		struct rules_slot s;
		eligibility_fmt(c, &pr.s, &f);
		eligibility_slot(&pr.s, &s);
		if (rules_drop_open(&f, &s, clock_now(c->clock), c->cfg->drop_close_hours, msg,
		                    sizeof msg) != RULE_OK)
			ret = err_set(e, ERR_REFUSED, "%s", msg);
	}
	if (ret < 0) {
		record_free(&r);
		return -1;
	}
	record_set_text(&r, "status", "dropped");
	return write_assignment(c, &r, NULL, e);
}

int staffing_unassign(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return ctx_tx(c, shift, person, unassign_in_tx, e);
}

static int checkin_in_tx(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	struct pair pr;
	struct record r;
	char at[64], msg[RULE_MSG_MAX];
	if (load_assigned(c, shift, person, &pr, &r, e) < 0)
		return -1;
	int ret = 0;
	if (strcmp(pr.status, "checked_in") == 0) {
		at_text(c, &pr, record_int(&r, "checked_in_at"), at, sizeof at);
		ret = err_set(e, ERR_REFUSED, "%s already checked in to %s at %s", pr.p.name,
		              pr.what, at);
	} else if (strcmp(pr.status, "completed") == 0) {
		at_text(c, &pr, record_int(&r, "checked_out_at"), at, sizeof at);
		ret = err_set(e, ERR_REFUSED, "%s already checked out of %s at %s", pr.p.name,
		              pr.what, at);
	} else if (eligibility_is_kiosk(c)) {
		struct rules_fmt f;
		struct rules_slot s;
		eligibility_fmt(c, &pr.s, &f);
		eligibility_slot(&pr.s, &s);
		if (rules_checkin_open(&f, &s, clock_now(c->clock), c->cfg->checkin_open_minutes,
		                       msg, sizeof msg) != RULE_OK)
			ret = err_set(e, ERR_REFUSED, "%s", msg);
	}
	if (ret < 0) {
		record_free(&r);
		return -1;
	}
	record_set_text(&r, "status", "checked_in");
	record_set_int(&r, "checked_in_at", clock_now(c->clock));
	record_set_text(&r, "checked_out_at", NULL);
	return write_assignment(c, &r, NULL, e);
}

int staffing_checkin(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return ctx_tx(c, shift, person, checkin_in_tx, e);
}

static int checkout_in_tx(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	struct pair pr;
	struct record r;
	char at[64];
	if (load_assigned(c, shift, person, &pr, &r, e) < 0)
		return -1;
	int64_t now = clock_now(c->clock), in = record_int(&r, "checked_in_at");
	int ret = 0;
	if (strcmp(pr.status, "completed") == 0) {
		at_text(c, &pr, record_int(&r, "checked_out_at"), at, sizeof at);
		ret = err_set(e, ERR_REFUSED, "%s already checked out of %s at %s", pr.p.name,
		              pr.what, at);
	} else if (strcmp(pr.status, "checked_in") != 0) {
		ret = err_set(e, ERR_REFUSED, "%s has not checked in to %s", pr.p.name, pr.what);
	} else if (now < in) {
		at_text(c, &pr, in, at, sizeof at);
		ret = err_set(e, ERR_REFUSED, "%s checked in to %s at %s, which is after now",
		              pr.p.name, pr.what, at);
	}
	if (ret < 0) {
		record_free(&r);
		return -1;
	}
	record_set_text(&r, "status", "completed");
	record_set_int(&r, "checked_out_at", now);
	return write_assignment(c, &r, NULL, e);
}

int staffing_checkout(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return ctx_tx(c, shift, person, checkout_in_tx, e);
}
