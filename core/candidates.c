/* candidates.c - a shift's possible volunteers ranked by a set-based
 * estimate: the shift's facts and the rules every candidate shares
 * (staffing_gate) are worked out here, each person's own in one query. */
#include "candidates.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../db/candidate_store.h"
#include "checked.h"
#include "eligibility.h"
#include "staffing.h"
#include "tz.h"
#include "xmalloc.h"

#define MAX_DAYS 8

#define HARD_FLAGS (CS_ON_SHIFT | CS_OVERLAP)
#define SOFT_FLAGS (CS_REST | CS_HOURS | CS_SPEAKER | CS_SKILL | CS_AGE | CS_AVAIL)

/* The query for shift s, as eligibility.c would test each person. */
static void query_of(struct ctx *c, const struct elig_shift *s, struct cand_query *q)
{
	struct rules_fmt f;
	int64_t days[MAX_DAYS][2];
	int64_t rest = (int64_t)c->cfg->min_rest_minutes * 60;
	eligibility_fmt(c, s, &f);
	memset(q, 0, sizeof *q);
	q->event = s->shift.event;
	q->shift = s->shift.id;
	q->starts = s->shift.starts;
	q->ends = s->shift.ends;
	q->rest = rest;
	size_t nd = rules_days_of(f.tz, q->starts, q->ends, days, MAX_DAYS);
	q->lo = ck_sub(q->starts, rest);
	q->hi = ck_add(q->ends, rest);
	q->lo = days[0][0] < q->lo ? days[0][0] : q->lo;
	q->hi = days[nd - 1][1] > q->hi ? days[nd - 1][1] : q->hi;
	/* a shift over more than two local days: the others go untested (the
	 * exact check has them) */
	for (size_t d = 0; d < 2; d++)
		if (d < nd)
			memcpy(q->day[d], days[d], sizeof q->day[d]);
	q->max_day = c->cfg->max_hours_per_day * 3600.0;
	q->skill = s->role.skill;
	rules_date(&f, q->starts, q->skill_date, sizeof q->skill_date);
	q->min_age = s->role.min_age;
	struct tz_local l;
	tz_local(f.tz && f.tz[0] ? f.tz : "UTC", q->starts, &l);
	if (q->min_age > 0 && l.year - q->min_age >= 0)
		snprintf(q->born_by, sizeof q->born_by, "%04d-%02d-%02d", l.year - q->min_age,
		         l.month, l.day);
}

struct load {
	struct candidates *out;
	size_t cap;
	enum cand_rank floor; /* what the shift itself allows at best */
	bool may_override;
};

static int take(void *arg, const struct cand_row *r)
{
	struct load *ld = arg;
	struct candidates *cs = ld->out;
	XGROW(cs->v, cs->n, ld->cap, 256);
	enum cand_rank rank = CAND_ELIGIBLE;
	if (r->flags & HARD_FLAGS)
		rank = CAND_HARD;
	else if ((r->flags & SOFT_FLAGS) && !ld->may_override)
		rank = CAND_SOFT;
	if (rank < ld->floor)
		rank = ld->floor;
	cs->v[cs->n++] = (struct candidate){
	    r->person, xstrdup(r->name), r->confidential, r->tell ? xstrdup(r->tell) : NULL, rank,
	    0};
	return 0;
}

static int by_name(const void *x, const void *y)
{
	const struct candidate *a = x, *b = y;
	int d = strcasecmp(a->name, b->name);
	if (d)
		return d;
	return a->person < b->person ? -1 : a->person > b->person;
}

int candidates_cmp(const struct candidate *a, const struct candidate *b)
{
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->by_name < b->by_name ? -1 : a->by_name > b->by_name;
}

static int by_rank(const void *x, const void *y)
{
	return candidates_cmp(x, y);
}

int candidates_load(struct ctx *c, int64_t shift, struct candidates *out, struct err *e)
{
	struct elig_shift s;
	struct verdict v;
	struct cand_query q;
	memset(out, 0, sizeof *out);
	verdict_init(&v);
	if (eligibility_load(c, shift, &s, e) < 0 || staffing_gate(c, &s, &v, e) < 0)
		return -1;
	query_of(c, &s, &q);
	struct load ld = {out, 0, v.nhard ? CAND_HARD : CAND_ELIGIBLE, eligibility_may_override(c)};
	if (candidate_store_scan(c->db, &q, take, &ld, e) < 0) {
		candidates_free(out);
		return -1;
	}
	if (!out->n)
		return 0; /* no array to sort (qsort's pointer must not be NULL) */
	qsort(out->v, out->n, sizeof *out->v, by_name);
	for (size_t i = 0; i < out->n; i++)
		out->v[i].by_name = i;
	qsort(out->v, out->n, sizeof *out->v, by_rank);
	return 0;
}

void candidates_free(struct candidates *cs)
{
	for (size_t i = 0; i < cs->n; i++) {
		free(cs->v[i].name);
		free(cs->v[i].tell);
	}
	free(cs->v);
	memset(cs, 0, sizeof *cs);
}

enum cand_rank candidates_rank_of(int rc, const struct err *e)
{
	if (rc == 0)
		return CAND_ELIGIBLE;
	return e->code == ERR_SOFT ? CAND_SOFT : CAND_HARD;
}
