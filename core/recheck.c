/* recheck.c - when a fact under existing assignments changes, the
 * assignments it touches are judged again by the rules it feeds, with the
 * new value, before the change is written (or, for a delete, after it, in
 * the same transaction). */
#include "recheck.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "eligibility.h"
#include "text_is.h"
#include "xmalloc.h"

/* Called for each active assignment selected. */
typedef int (*pair_fn)(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                       const void *arg, struct verdict *v, struct err *e);

static int each_pair(struct ctx *c, enum rs_pairs_by by, int64_t a, int64_t b, pair_fn fn,
                     const void *arg, struct verdict *v, struct err *e)
{
	struct rs_pair *pairs;
	size_t n;
	if (rules_store_pairs(c->db, by, a, b, &pairs, &n, e) < 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++) {
		struct elig_shift s;
		struct rs_person p;
		ret = eligibility_load(c, pairs[i].shift, &s, e);
		if (ret == 0)
			ret = rules_store_person(c->db, pairs[i].person, &p, e);
		if (ret == 0)
			ret = fn(c, &s, &p, arg, v, e);
	}
	free(pairs);
	return ret;
}

/* ---- person: birth date ------------------------------------------------ */

static int age_with(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                    const void *arg, struct verdict *v, struct err *e)
{
	struct rs_person q = *p;
	snprintf(q.birth_date, sizeof q.birth_date, "%s", arg ? (const char *)arg : "");
	return eligibility_eval(c, s, &q, ELIG_AGE, v, e);
}

int recheck_person(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	const char *birth = record_text(r, "birth_date");
	if (!old || text_same(birth, record_text(old, "birth_date")))
		return 0;
	struct verdict v;
	verdict_init(&v);
	if (each_pair(c, RS_PAIRS_PERSON, r->id, 0, age_with, birth, &v, e) < 0)
		return -1;
	return eligibility_decide(c, &v, "person", r->id, e);
}

/* ---- role: skill, minimum age, event ----------------------------------- */

static int role_with(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                     const void *arg, struct verdict *v, struct err *e)
{
	struct elig_shift t = *s;
	const struct rs_role *role = arg;
	t.role.skill = role->skill;
	t.role.min_age = role->min_age;
	snprintf(t.role.skill_name, sizeof t.role.skill_name, "%s", role->skill_name);
	return eligibility_eval(c, &t, p, ELIG_SKILL | ELIG_AGE, v, e);
}

int recheck_role(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (!old)
		return 0;
	if (agenda_keeps_event(c, r, old, rules_store_role_used_elsewhere, e) < 0)
		return -1;
	struct rs_role role = {0};
	role.skill = record_int(r, "skill");
	role.min_age = (int)record_int(r, "min_age");
	if (role.skill == record_int(old, "skill") && role.min_age == record_int(old, "min_age"))
		return 0;
	if (role.skill && rules_store_skill_name(c->db, role.skill, role.skill_name,
	                                         sizeof role.skill_name, e) < 0)
		return -1;
	struct verdict v;
	verdict_init(&v);
	if (each_pair(c, RS_PAIRS_ROLE, r->id, 0, role_with, &role, &v, e) < 0)
		return -1;
	return eligibility_decide(c, &v, "role", r->id, e);
}

/* ---- person_skill: held, expiry ---------------------------------------- */

struct holding {
	bool held;
	const char *expires;
};

static int skill_with(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                      const void *arg, struct verdict *v, struct err *e)
{
	const struct holding *h = arg;
	struct elig_told t = eligibility_told(c, s);
	char msg[RULE_MSG_MAX];
	(void)e;
	verdict_add(v,
	            rules_skill(&t.f, p->name, &t.slot, s->role.skill_name, h->held, h->expires,
	                        msg, sizeof msg),
	            msg);
	return 0;
}

/* Judge every active assignment of person that needs skill, as if the
 * holding were h, and decide (refuse, or allow with an override). */
static int skill_recheck(struct ctx *c, int64_t person, int64_t skill, const struct holding *h,
                         int64_t id, struct err *e)
{
	struct verdict v;
	verdict_init(&v);
	if (each_pair(c, RS_PAIRS_PERSON_SKILL, person, skill, skill_with, h, &v, e) < 0)
		return -1;
	return eligibility_decide(c, &v, "person_skill", id, e);
}

int recheck_person_skill(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (!old)
		return 0; /* a new skill can only help */
	bool same = record_int(r, "person") == record_int(old, "person") &&
	            record_int(r, "skill") == record_int(old, "skill");
	if (same && text_same(record_text(r, "expires"), record_text(old, "expires")))
		return 0;
	struct holding h = {same, same ? record_text(r, "expires") : NULL};
	return skill_recheck(c, record_int(old, "person"), record_int(old, "skill"), &h, r->id, e);
}

int recheck_person_skill_after(struct ctx *c, const struct record *r, const char *action,
                               struct err *e)
{
	if (strcmp(action, "rm") != 0)
		return 0;
	struct holding h = {false, NULL};
	return skill_recheck(c, record_int(r, "person"), record_int(r, "skill"), &h, r->id, e);
}

/* ---- availability ------------------------------------------------------ */

static int windows_with(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                        const void *arg, struct verdict *v, struct err *e)
{
	const struct rs_slots *w = arg;
	struct elig_told t = eligibility_told(c, s);
	char msg[RULE_MSG_MAX];
	(void)e;
	struct rules_slot *ws = xcalloc(w->n + 1, sizeof *ws);
	for (size_t i = 0; i < w->n; i++)
		ws[i] = (struct rules_slot){NULL, w->v[i].starts, w->v[i].ends};
	verdict_add(v, rules_available(&t.f, p->name, &t.slot, ws, w->n, msg, sizeof msg), msg);
	free(ws);
	return 0;
}

/* The person's assignments in event against their windows, without window
 * except and with extra (when not NULL). */
static int windows_check(struct ctx *c, int64_t person, int64_t event, int64_t except,
                         const struct rs_slot *extra, struct verdict *v, struct err *e)
{
	struct rs_slots w = {0};
	if (rules_store_windows(c->db, person, event, except, &w, e) < 0)
		return -1;
	if (extra) {
		w.v = xrealloc(w.v, (w.n + 1) * sizeof *w.v);
		w.v[w.n++] = *extra;
	}
	int ret = each_pair(c, RS_PAIRS_PERSON_EVENT, person, event, windows_with, &w, v, e);
	rs_slots_free(&w);
	return ret;
}

int recheck_availability(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	int64_t person = record_int(r, "person"), event = record_int(r, "event");
	struct rs_slot mine = {r->id, 0, record_int(r, "starts"), record_int(r, "ends"), ""};
	struct verdict v;
	verdict_init(&v);
	if (windows_check(c, person, event, r->id, &mine, &v, e) < 0)
		return -1;
	if (old && (record_int(old, "person") != person || record_int(old, "event") != event) &&
	    windows_check(c, record_int(old, "person"), record_int(old, "event"), r->id, NULL, &v,
	                  e) < 0)
		return -1;
	return eligibility_decide(c, &v, "availability", r->id, e);
}

int recheck_availability_after(struct ctx *c, const struct record *r, const char *action,
                               struct err *e)
{
	if (strcmp(action, "rm") != 0)
		return 0;
	struct verdict v;
	verdict_init(&v);
	if (windows_check(c, record_int(r, "person"), record_int(r, "event"), 0, NULL, &v, e) < 0)
		return -1;
	return eligibility_decide(c, &v, "availability", r->id, e);
}

/* ---- speaker ----------------------------------------------------------- */

int recheck_speaker(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	int64_t session = record_int(r, "session"), person = record_int(r, "person");
	if (old && record_int(old, "session") == session && record_int(old, "person") == person)
		return 0;
	struct rs_slot talk;
	struct rs_event ev;
	int64_t event;
	bool off;
	if (rules_store_session(c->db, session, &talk, &event, &off, e) < 0)
		return -1;
	if (off)
		return 0;
	struct rules_slot t = eligibility_stored_slot(&talk);
	struct verdict v;
	verdict_init(&v);
	if (rules_store_event(c->db, event, &ev, e) < 0 ||
	    agenda_speaker_busy(c, &ev, person, &t, &v, e) < 0)
		return -1;
	return eligibility_decide(c, &v, "speaker", r->id, e);
}
