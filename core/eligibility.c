/* eligibility.c - one person on one shift against rules 1, 2 and 6 to 9:
 * the person's other shifts around it (overlap, rest, hours per local day),
 * the shift's fill, sessions they speak at, the role's skill and minimum
 * age, their availability windows. Also the override decision. */
#include "eligibility.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "checked.h"
#include "elig_memo.h"
#include "utf8.h"
#include "xmalloc.h"

#define MAX_DAYS 8

int eligibility_complete(struct ctx *c, struct elig_shift *out, struct err *e)
{
	if (elig_fact_role(c, out->shift.role, &out->role, e) < 0)
		return -1;
	return elig_fact_event(c, out->shift.event, &out->event, e);
}

int eligibility_load(struct ctx *c, int64_t shift, struct elig_shift *out, struct err *e)
{
	if (elig_fact_shift(c, shift, &out->shift, e) < 0)
		return -1;
	return eligibility_complete(c, out, e);
}

void eligibility_event_fmt(const struct ctx *c, const struct rs_event *ev, struct rules_fmt *f)
{
	f->tz = ev->tz;
	f->twelve_hour = c->cfg && c->cfg->time_12h;
}

void eligibility_fmt(const struct ctx *c, const struct elig_shift *s, struct rules_fmt *f)
{
	eligibility_event_fmt(c, &s->event, f);
}

struct rules_slot eligibility_stored_slot(const struct rs_slot *s)
{
	return (struct rules_slot){.what = s->what, .starts = s->starts, .ends = s->ends};
}

void eligibility_slot(const struct elig_shift *s, struct rules_slot *out)
{
	out->what = s->role.name;
	out->starts = s->shift.starts;
	out->ends = s->shift.ends;
}

struct elig_told eligibility_told(const struct ctx *c, const struct elig_shift *s)
{
	struct elig_told t;
	eligibility_fmt(c, s, &t.f);
	eligibility_slot(s, &t.slot);
	return t;
}

void eligibility_describe(const struct ctx *c, const struct elig_shift *s, char *buf, size_t n)
{
	struct rules_fmt f;
	char when[128];
	eligibility_fmt(c, s, &f);
	rules_when(&f, s->shift.starts, s->shift.ends, when, sizeof when);
	snprintf(buf, n, "%s %s", s->role.name, when);
}

/* Rules 1 and 7 against the person's other shifts near this one. */
static int eval_timeline(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                         unsigned mask, struct verdict *v, struct err *e)
{
	struct rules_fmt f;
	struct rules_slot want, anon;
	int64_t days[MAX_DAYS][2];
	int64_t rest = (int64_t)c->cfg->min_rest_minutes * 60;
	char msg[RULE_MSG_MAX];
	eligibility_fmt(c, s, &f);
	eligibility_slot(s, &want);
	anon = want;
	anon.what = NULL;
	size_t nd = rules_days_of(f.tz, want.starts, want.ends, days, MAX_DAYS);
	int64_t lo = ck_sub(want.starts, rest), hi = ck_add(want.ends, rest);
	lo = days[0][0] < lo ? days[0][0] : lo;
	hi = days[nd - 1][1] > hi ? days[nd - 1][1] : hi;
	struct rs_slots held = {0};
	if (elig_fact_person_shifts(c, p->id, lo, hi, s->shift.id, &held, e) < 0)
		return -1;
	struct rules_slot *all = xmalloc((held.n + 1) * sizeof *all);
	for (size_t i = 0; i < held.n; i++) {
		all[i] = eligibility_stored_slot(&held.v[i]);
		if (mask & ELIG_OVERLAP)
			verdict_add(
			    v, rules_person_overlap(&f, p->name, &all[i], &anon, msg, sizeof msg),
			    msg);
		if (mask & ELIG_REST)
			verdict_add(v,
			            rules_rest(&f, p->name, &all[i], &want,
			                       c->cfg->min_rest_minutes, msg, sizeof msg),
			            msg);
	}
	all[held.n] = want;
	for (size_t d = 0; (mask & ELIG_HOURS) && d < nd; d++)
		verdict_add(v,
		            rules_day_hours(&f, p->name, days[d][0], days[d][1], all, held.n + 1,
		                            c->cfg->max_hours_per_day, msg, sizeof msg),
		            msg);
	free(all);
	rs_slots_free(&held);
	return 0;
}

/* Rule 6: sessions the person speaks at during the shift. */
static int eval_speaking(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                         struct verdict *v, struct err *e)
{
	struct rules_fmt f;
	struct rules_slot want;
	struct rs_slots talks = {0};
	char msg[RULE_MSG_MAX];
	eligibility_fmt(c, s, &f);
	eligibility_slot(s, &want);
	if (elig_fact_speaking(c, p->id, want.starts, want.ends, 0, &talks, e) < 0)
		return -1;
	for (size_t i = 0; i < talks.n; i++) {
		struct rules_slot t = eligibility_stored_slot(&talks.v[i]);
		verdict_add(v, rules_speaker_busy(&f, p->name, &t, &want, msg, sizeof msg), msg);
	}
	rs_slots_free(&talks);
	return 0;
}

/* Rule 8: the role's skill, unexpired on the shift's date. */
static int eval_skill(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                      struct verdict *v, struct err *e)
{
	struct rules_fmt f;
	struct rules_slot want;
	char expires[16], msg[RULE_MSG_MAX];
	bool held;
	if (!s->role.skill)
		return 0;
	eligibility_fmt(c, s, &f);
	eligibility_slot(s, &want);
	if (elig_fact_skill(c, p->id, s->role.skill, &held, expires, sizeof expires, e) < 0)
		return -1;
	verdict_add(
	    v, rules_skill(&f, p->name, &want, s->role.skill_name, held, expires, msg, sizeof msg),
	    msg);
	return 0;
}

/* Rule 9: availability windows for the shift's event. */
static int eval_windows(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                        struct verdict *v, struct err *e)
{
	struct rules_fmt f;
	struct rules_slot want;
	struct rs_slots w = {0};
	char msg[RULE_MSG_MAX];
	eligibility_fmt(c, s, &f);
	eligibility_slot(s, &want);
	if (elig_fact_windows(c, p->id, s->shift.event, 0, &w, e) < 0)
		return -1;
	struct rules_slot *ws = xmalloc((w.n + 1) * sizeof *ws);
	for (size_t i = 0; i < w.n; i++)
		ws[i] = eligibility_stored_slot(&w.v[i]);
	verdict_add(v, rules_available(&f, p->name, &want, ws, w.n, msg, sizeof msg), msg);
	free(ws);
	rs_slots_free(&w);
	return 0;
}

int eligibility_eval(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                     unsigned mask, struct verdict *v, struct err *e)
{
	struct rules_fmt f;
	struct rules_slot want;
	char msg[RULE_MSG_MAX];
	eligibility_fmt(c, s, &f);
	eligibility_slot(s, &want);
	if (mask & ELIG_FILL) {
		int64_t taken;
		if (rules_store_taken(c->db, s->shift.id, p->id, &taken, e) < 0)
			return -1;
		verdict_add(
		    v,
		    rules_shift_room(&f, p->name, &want, taken, s->shift.need_max, msg, sizeof msg),
		    msg);
	}
	if ((mask & (ELIG_OVERLAP | ELIG_REST | ELIG_HOURS)) &&
	    eval_timeline(c, s, p, mask, v, e) < 0)
		return -1;
	if ((mask & ELIG_SPEAKER) && eval_speaking(c, s, p, v, e) < 0)
		return -1;
	if ((mask & ELIG_SKILL) && eval_skill(c, s, p, v, e) < 0)
		return -1;
	if (mask & ELIG_AGE)
		verdict_add(v,
		            rules_min_age(&f, p->name, &want, s->role.min_age, p->birth_date, msg,
		                          sizeof msg),
		            msg);
	if ((mask & ELIG_AVAIL) && eval_windows(c, s, p, v, e) < 0)
		return -1;
	return 0;
}

bool eligibility_is_kiosk(const struct ctx *c)
{
	return strncmp(c->actor, "kiosk:", 6) == 0;
}

bool eligibility_may_override(const struct ctx *c)
{
	return c->override_reason && c->override_reason[0] && !eligibility_is_kiosk(c);
}

int eligibility_decide(struct ctx *c, const struct verdict *v, const char *entity, int64_t id,
                       struct err *e)
{
	if (v->nhard || !v->nsoft)
		return verdict_err(v, e);
	if (!eligibility_may_override(c))
		return verdict_err(v, e);
	if (utf8_check_field("reason", c->override_reason, false, e) < 0)
		return -1;
	return audit_log(c, "override", entity, id, e, "override (%s): %s", c->override_reason,
	                 v->soft);
}
