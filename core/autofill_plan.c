/* autofill_plan.c - the planner of auto-fill, on the model in memory.
 *
 * Objective, in this order:
 *   1. coverage: the most places filled up to need_min, over the shifts in
 *      scope (a place beyond need_min counts for nothing here);
 *   2. fill: then the most places filled up to need_max;
 *   3. fairness: among plans alike in 1 and 2, the hours spread evenly:
 *      each place goes to the volunteer with the fewest scheduled hours in
 *      the event (existing shifts included) who may take it.
 * Every place it fills holds every hard and soft rule of SPEC section 3
 * (am_check); it never overrides one, and it only adds.
 *
 * Algorithm (greedy with repairs; it is a heuristic, measured against an
 * exact solver in `make bench`):
 *   A. need_min: the shifts in scope, the roles whose volunteers are
 *      scarcest for the places still needed first (skills, ages), within a
 *      role the shortest shifts first (a place costs its hours: when not
 *      all fit, short shifts fill more places with them), then by start;
 *      each short place goes to one of the least loaded volunteers who may
 *      take it (those who may do skilled roles count half an hour heavier
 *      per such role, so they stay free for them when others can go); among
 *      those within an hour of the least loaded, the one whose day it fits
 *      most snugly (the least idle time next to another shift of theirs),
 *      so that free hours are not cut into pieces nobody can use.
 *   A'. repair: for each shift still short, an ejection chain: a volunteer
 *      kept off it by one shift of this plan alone (too close, or the day's
 *      hours) moves over, and that shift gets its place back from someone
 *      free or by the same move one level down (CHAIN_DEPTH levels; below
 *      the top the CHAIN_WIDTH least loaded movers; each shift once per
 *      search, as in an augmenting-path search). A chain that ends without
 *      a free volunteer is taken back whole.
 *   B. need_max: rounds over the same order, one more place per shift a
 *      round, so that extra volunteers spread over the shifts rather than
 *      crowd the first ones; then the same repair towards need_max.
 * What it gives up when not everything fits: a shift short of need_min
 * that no such chain can free a volunteer for (one that needs two of a
 * person's shifts moved at once, or is longer or wider than the search)
 * stays short (the exact solver finds those); places between need_min and
 * need_max go to the shifts met first in the order, not to the short ones
 * that would let more places fit in a day; the repairs stop after a fixed
 * amount of work (WORK checks) on very large events; and fairness comes
 * after the places: it picks among those who may, it never costs a place.
 * `make bench` measures the result against CBC's optimum. */
#include <stdlib.h>
#include <string.h>

#include "autofill_model.h"
#include "rules.h"
#include "xmalloc.h"

#define SKILLED_WEIGHT 1800 /* seconds a skilled role adds to the tie-break */
#define FIT_CANDIDATES 8    /* the least loaded people weighed for a place */
#define FAIR_SLACK     3600 /* ... loaded at most this much above the least */

int64_t am_filled(const struct am_shift *s)
{
	return s->filled0 + s->ntaken;
}

int am_shift_index(const struct af_model *m, int64_t id)
{
	size_t lo = 0, hi = m->nshifts;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int64_t at = m->shifts[m->shift_by_id[mid]].id;
		if (at == id)
			return m->shift_by_id[mid];
		if (at < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int am_person_index(const struct af_model *m, int64_t id)
{
	size_t lo = 0, hi = m->npeople;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (m->people[mid].id == id)
			return (int)mid;
		if (m->people[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* ---- the rules -------------------------------------------------------- */

static bool has_row(const struct am_person *p, int64_t shift)
{
	int lo = 0, hi = p->nrows;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (p->rows[mid] == shift)
			return true;
		if (p->rows[mid] < shift)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* Rule 8: the skill held and unexpired on the shift's local date. */
static bool skill_ok(const struct am_person *p, const struct am_role *r, const struct am_shift *s)
{
	if (!r->skill)
		return true;
	for (int i = 0; i < p->nskill; i++)
		if (p->skill[i].skill == r->skill)
			return !p->skill[i].expires[0] || strcmp(p->skill[i].expires, s->date) >= 0;
	return false;
}

/* Rule 8: old enough on the shift's local date (tz_age_on's arithmetic). */
static bool age_ok(const struct am_person *p, const struct am_role *r, const struct am_shift *s)
{
	if (r->min_age <= 0)
		return true;
	if (!p->born)
		return false;
	int age = s->ly - p->by - (s->lm < p->bm || (s->lm == p->bm && s->ld < p->bd));
	return (age < 0 ? 0 : age) >= r->min_age;
}

/* Rule 9: the windows' union covers the shift (rules_available's sweep). */
static bool avail_ok(const struct am_person *p, const struct am_shift *s)
{
	if (!p->nwin)
		return true;
	int64_t covered = s->starts;
	for (int i = 0; i < p->nwin && covered < s->ends; i++) {
		if (p->win[i].starts > covered)
			break;
		if (p->win[i].ends > covered)
			covered = p->win[i].ends;
	}
	return covered >= s->ends;
}

static bool talk_free(const struct am_person *p, const struct am_shift *s)
{
	for (int i = 0; i < p->ntalk; i++)
		if (rules_overlaps(p->talk[i].starts, p->talk[i].ends, s->starts, s->ends))
			return false;
	return true;
}

/* Rule 7's rest between iv and s (rules_rest: from the first one's end to
 * the second one's start; negative when they overlap, rule 1's business). */
static bool rest_broken(const struct af_model *m, const struct am_iv *iv, const struct am_shift *s)
{
	int64_t gap = s->ends <= iv->starts ? iv->starts - s->ends : s->starts - iv->ends;
	return gap >= 0 && gap < m->rest;
}

static int64_t clip(int64_t a0, int64_t a1, int64_t d0, int64_t d1)
{
	int64_t a = a0 > d0 ? a0 : d0, b = a1 < d1 ? a1 : d1;
	return b > a ? b - a : 0;
}

/* Rules 1, 6 and 7 on the person's timeline. */
static unsigned timeline(const struct af_model *m, const struct am_person *p,
                         const struct am_shift *s, bool all)
{
	unsigned why = 0;
	int self = (int)(s - m->shifts);
	for (int i = 0; i < p->niv; i++) {
		const struct am_iv *iv = &p->iv[i];
		if (iv->starts >= s->ends + m->rest)
			break;
		if (iv->shift == self)
			return AM_ON;
		if (rules_overlaps(iv->starts, iv->ends, s->starts, s->ends))
			why |= AM_BUSY;
		else if (rest_broken(m, iv, s))
			why |= AM_REST;
		if (why && !all)
			return why;
	}
	if (!talk_free(p, s)) {
		why |= AM_BUSY;
		if (!all)
			return why;
	}
	for (int d = 0; d < s->nday; d++) {
		int64_t d0 = s->day[d][0], d1 = s->day[d][1], held = 0;
		for (int i = 0; i < p->niv && p->iv[i].starts < d1; i++)
			held += clip(p->iv[i].starts, p->iv[i].ends, d0, d1);
		if ((double)(held + clip(s->starts, s->ends, d0, d1)) <= m->max_day)
			continue;
		why |= (double)held >= m->max_day ? AM_FULL : AM_REST;
		if (!all)
			return why;
	}
	return why;
}

unsigned am_check(const struct af_model *m, const struct am_person *p, const struct am_shift *s,
                  bool all)
{
	const struct am_role *r = &m->roles[s->role];
	if (has_row(p, s->id))
		return AM_ON;
	unsigned why = 0;
	if (!skill_ok(p, r, s))
		why |= AM_SKILL;
	if (!age_ok(p, r, s))
		why |= AM_AGE;
	if (!avail_ok(p, s))
		why |= AM_AVAIL;
	if (why && !all)
		return why;
	unsigned t = timeline(m, p, s, all);
	return t == AM_ON ? AM_ON : why | t;
}

/* ---- the plan's moves ------------------------------------------------- */

static int64_t key_of(const struct am_person *p)
{
	return p->load + p->weight;
}

static bool before(const struct am_person *a, const struct am_person *b)
{
	return key_of(a) < key_of(b) || (key_of(a) == key_of(b) && a->id < b->id);
}

/* Move person pi to its place in the order after its load changed. */
static void reorder(struct af_model *m, int pi)
{
	struct am_person *p = &m->people[pi];
	int k = p->pos;
	while (k + 1 < (int)m->npeople && before(&m->people[m->order[k + 1]], p)) {
		m->order[k] = m->order[k + 1];
		m->people[m->order[k]].pos = k;
		k++;
	}
	while (k > 0 && before(p, &m->people[m->order[k - 1]])) {
		m->order[k] = m->order[k - 1];
		m->people[m->order[k]].pos = k;
		k--;
	}
	m->order[k] = pi;
	p->pos = k;
}

void am_assign(struct af_model *m, int si, int pi)
{
	struct am_shift *s = &m->shifts[si];
	struct am_person *p = &m->people[pi];
	XGROW(p->iv, p->niv, p->civ, 8);
	int k = p->niv;
	while (k > 0 && p->iv[k - 1].starts > s->starts) {
		p->iv[k] = p->iv[k - 1];
		k--;
	}
	p->iv[k] = (struct am_iv){s->starts, s->ends, si, true};
	p->niv++;
	XGROW(s->taken, s->ntaken, s->ctaken, 4);
	s->taken[s->ntaken++] = pi;
	p->load += s->ends - s->starts;
	reorder(m, pi);
}

void am_unassign(struct af_model *m, int si, int pi)
{
	struct am_shift *s = &m->shifts[si];
	struct am_person *p = &m->people[pi];
	for (int k = 0; k < p->niv; k++) {
		if (p->iv[k].shift == si && p->iv[k].planned) {
			memmove(&p->iv[k], &p->iv[k + 1], (size_t)(p->niv - k - 1) * sizeof *p->iv);
			p->niv--;
			break;
		}
	}
	for (int k = 0; k < s->ntaken; k++) {
		if (s->taken[k] == pi) {
			memmove(&s->taken[k], &s->taken[k + 1],
			        (size_t)(s->ntaken - k - 1) * sizeof *s->taken);
			s->ntaken--;
			break;
		}
	}
	p->load -= s->ends - s->starts;
	reorder(m, pi);
}

/* The least loaded person who may take s, other than skip; -1 when none. */
/* How snugly s fits p's day: the idle time between s and p's nearest
 * shift (a day when p has none). */
static int64_t fit(const struct am_person *p, const struct am_shift *s)
{
	int64_t best = 86400;
	for (int i = 0; i < p->niv; i++) {
		const struct am_iv *iv = &p->iv[i];
		int64_t gap = iv->ends <= s->starts ? s->starts - iv->ends : iv->starts - s->ends;
		if (gap >= 0 && gap < best)
			best = gap;
	}
	return best;
}

/* Who takes s, other than skip; -1 when nobody may: of the (at most
 * FIT_CANDIDATES) people who may and are loaded no more than FAIR_SLACK
 * above the least loaded of them, the one it fits most snugly (an idle
 * hour left between two shifts is an hour nobody else can use). */
static int pick(struct af_model *m, int si, int skip)
{
	const struct am_shift *s = &m->shifts[si];
	const unsigned char *may = m->may + (size_t)s->role * m->npeople;
	int best = -1, seen = 0;
	int64_t best_fit = 0, least = 0;
	for (size_t k = 0; k < m->npeople && seen < FIT_CANDIDATES; k++) {
		int pi = m->order[k];
		if (pi == skip || !may[pi])
			continue;
		if (best >= 0 && key_of(&m->people[pi]) > least + FAIR_SLACK)
			break;
		m->work--;
		if (am_check(m, &m->people[pi], s, false) != 0)
			continue;
		if (best < 0)
			least = key_of(&m->people[pi]);
		int64_t f = fit(&m->people[pi], s);
		if (best < 0 || f < best_fit) {
			best = pi;
			best_fit = f;
		}
		seen++;
	}
	return best;
}

/* ---- preparing -------------------------------------------------------- */

/* Sort keys: (a, b, c) then the index, ascending. */
struct sort_key {
	double a;
	int64_t b, c;
	int index;
};

static int key_cmp(const void *x, const void *y)
{
	const struct sort_key *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	if (p->c != q->c)
		return p->c < q->c ? -1 : 1;
	return p->index < q->index ? -1 : p->index > q->index;
}

/* Sort the n indices in v by the keys key(m, v[i]) gives. */
static void sort_by(const struct af_model *m, int *v, size_t n,
                    struct sort_key (*key)(const struct af_model *m, int i))
{
	struct sort_key *k = xmalloc((n + 1) * sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[i] = key(m, v[i]);
	qsort(k, n, sizeof *k, key_cmp);
	for (size_t i = 0; i < n; i++)
		v[i] = k[i].index;
	free(k);
}

static struct sort_key load_key(const struct af_model *m, int i)
{
	const struct am_person *p = &m->people[i];
	return (struct sort_key){(double)key_of(p), p->id, 0, i};
}

static struct sort_key id_key(const struct af_model *m, int i)
{
	return (struct sort_key){0, m->shifts[i].id, 0, i};
}

/* The fill order: scarce roles first, then short shifts (a place costs
 * its hours: when not all fit, the short ones fill more places), then by
 * start. */
static struct sort_key fill_key(const struct af_model *m, int i)
{
	const struct am_shift *s = &m->shifts[i];
	return (struct sort_key){m->roles[s->role].scarcity, s->ends - s->starts, s->starts, i};
}

/* May p do role r at all (the skill held, a birth date when an age is asked)? */
static bool may_do(const struct am_person *p, const struct am_role *r)
{
	if (r->min_age > 0 && !p->born)
		return false;
	if (!r->skill)
		return true;
	for (int i = 0; i < p->nskill; i++)
		if (p->skill[i].skill == r->skill)
			return true;
	return false;
}

void am_prepare_index(struct af_model *m)
{
	free(m->shift_by_id);
	m->shift_by_id = xmalloc((m->nshifts + 1) * sizeof *m->shift_by_id);
	for (size_t i = 0; i < m->nshifts; i++)
		m->shift_by_id[i] = (int)i;
	sort_by(m, m->shift_by_id, m->nshifts, id_key);
}

void am_prepare(struct af_model *m)
{
	m->may = xcalloc(m->nroles * m->npeople + 1, 1);
	for (size_t r = 0; r < m->nroles; r++) {
		int64_t supply = 0, demand = 0;
		for (size_t p = 0; p < m->npeople; p++) {
			bool may = may_do(&m->people[p], &m->roles[r]);
			m->may[r * m->npeople + p] = may;
			supply += may;
			if (may && m->roles[r].skill)
				m->people[p].weight += SKILLED_WEIGHT;
		}
		for (size_t s = 0; s < m->nshifts; s++)
			if (m->shifts[s].scope && m->shifts[s].role == (int)r &&
			    m->shifts[s].need_min > m->shifts[s].filled0)
				demand += m->shifts[s].need_min - m->shifts[s].filled0;
		m->roles[r].scarcity = (double)supply / (double)(demand ? demand : 1);
	}
	m->order = xmalloc((m->npeople + 1) * sizeof *m->order);
	for (size_t p = 0; p < m->npeople; p++)
		m->order[p] = (int)p;
	sort_by(m, m->order, m->npeople, load_key);
	for (size_t k = 0; k < m->npeople; k++)
		m->people[m->order[k]].pos = (int)k;
}

/* ---- filling ---------------------------------------------------------- */

/* One more place on s, from whoever may take it. */
static bool add_one(struct af_model *m, int si)
{
	struct am_shift *s = &m->shifts[si];
	if (s->dry)
		return false;
	int pi = pick(m, si, -1);
	if (pi < 0) {
		s->dry = true; /* the plan only adds: nobody will become free */
		return false;
	}
	am_assign(m, si, pi);
	return true;
}

#define MOVES_PER_PERSON 4
#define CHAIN_DEPTH      8 /* shifts a chain of moves may pass through */
#define CHAIN_WIDTH      8 /* movers tried at each level below the top */

/* Shifts of this plan whose move to someone else could free p for s:
 * the one that overlaps s or comes too close to it, when it alone does;
 * or, when only the day's hours stand in the way, p's shifts of this plan
 * on that day. Fills up to MOVES_PER_PERSON into out; 0 when the rules
 * keep p off s for more than this plan's shifts. */
static int movable(const struct af_model *m, const struct am_person *p, const struct am_shift *s,
                   int *out)
{
	int n = 0, close = 0;
	for (int i = 0; i < p->niv; i++) {
		const struct am_iv *iv = &p->iv[i];
		if (iv->starts >= s->ends + m->rest)
			break;
		if (!rules_overlaps(iv->starts, iv->ends, s->starts, s->ends) &&
		    !rest_broken(m, iv, s))
			continue;
		if (!iv->planned || close++)
			return 0;
		out[n++] = iv->shift;
	}
	if (close)
		return n;
	for (int i = 0; i < p->niv && n < MOVES_PER_PERSON; i++) {
		const struct am_iv *iv = &p->iv[i];
		for (int d = 0; iv->planned && d < s->nday; d++)
			if (clip(iv->starts, iv->ends, s->day[d][0], s->day[d][1])) {
				out[n++] = iv->shift;
				break;
			}
	}
	return n;
}

/* Those who may take s on their own facts and whom only shifts of this plan
 * keep off it, least loaded first (at most max of them); their count. */
static size_t movers(struct af_model *m, const struct am_shift *s, int skip, int *out, size_t max)
{
	const unsigned char *may = m->may + (size_t)s->role * m->npeople;
	size_t n = 0;
	for (size_t pi = 0; pi < m->npeople && m->work > 0; pi++) {
		const struct am_person *p = &m->people[pi];
		int moves[MOVES_PER_PERSON];
		m->work--;
		if ((int)pi == skip || !may[pi] || has_row(p, s->id) ||
		    !skill_ok(p, &m->roles[s->role], s) || !age_ok(p, &m->roles[s->role], s) ||
		    !avail_ok(p, s) || !talk_free(p, s))
			continue;
		if (movable(m, p, s, moves) > 0)
			out[n++] = (int)pi;
	}
	sort_by(m, out, n, load_key);
	return n < max ? n : max;
}

/* One more place on s, taken by someone other than skip: someone free
 * takes it; or, depth > 0, a person p leaves one of this plan's shifts, t,
 * for s, and t gets its place back the same way one level down (an
 * ejection chain: at depth 1 a swap, two places filled where one was).
 * Below the top only the CHAIN_WIDTH least loaded movers are tried. The
 * plan is as it was when it fails. */
static bool augment(struct af_model *m, int si, int skip, int depth, bool top)
{
	int wi = pick(m, si, skip);
	if (wi >= 0) {
		am_assign(m, si, wi);
		return true;
	}
	struct am_shift *s = &m->shifts[si];
	if (depth == 0 || m->work <= 0 || (!top && s->seen == m->search))
		return false;
	s->seen = m->search;
	int *cand = xmalloc((m->npeople + 1) * sizeof *cand);
	size_t n = movers(m, s, skip, cand, top ? m->npeople : CHAIN_WIDTH);
	bool done = false;
	for (size_t k = 0; k < n && !done && m->work > 0; k++) {
		int pi = cand[k], moves[MOVES_PER_PERSON];
		int nm = movable(m, &m->people[pi], s, moves);
		for (int j = 0; j < nm && !done; j++) {
			int ti = moves[j];
			am_unassign(m, ti, pi);
			m->work--;
			if (am_check(m, &m->people[pi], s, false) == 0) {
				am_assign(m, si, pi);
				done = augment(m, ti, pi, depth - 1, false);
				if (!done)
					am_unassign(m, si, pi);
			}
			if (!done)
				am_assign(m, ti, pi);
		}
	}
	free(cand);
	return done;
}

/* A move that adds a place on s: the chains above, deepest CHAIN_DEPTH. */
static bool repair(struct af_model *m, int si)
{
	m->search++;
	return augment(m, si, -1, CHAIN_DEPTH, true);
}

void am_fill(struct af_model *m)
{
	int *ord = xmalloc((m->nshifts + 1) * sizeof *ord);
	size_t n = 0;
	for (size_t i = 0; i < m->nshifts; i++)
		if (m->shifts[i].scope)
			ord[n++] = (int)i;
	sort_by(m, ord, n, fill_key);
	/* A: need_min */
	for (size_t k = 0; k < n; k++)
		while (am_filled(&m->shifts[ord[k]]) < m->shifts[ord[k]].need_min &&
		       add_one(m, ord[k]))
			;
	for (size_t k = 0; k < n && m->work > 0; k++)
		while (am_filled(&m->shifts[ord[k]]) < m->shifts[ord[k]].need_min && m->work > 0 &&
		       repair(m, ord[k]))
			;
	for (size_t k = 0; k < n; k++)
		m->shifts[ord[k]].dry = false; /* a repair may have freed someone */
	/* B: towards need_max, one place per shift a round */
	for (bool more = true; more;) {
		more = false;
		for (size_t k = 0; k < n; k++)
			if (am_filled(&m->shifts[ord[k]]) < m->shifts[ord[k]].need_max &&
			    add_one(m, ord[k]))
				more = true;
	}
	for (size_t k = 0; k < n && m->work > 0; k++)
		while (am_filled(&m->shifts[ord[k]]) < m->shifts[ord[k]].need_max && m->work > 0 &&
		       repair(m, ord[k]))
			;
	free(ord);
}

void am_free(struct af_model *m)
{
	for (size_t i = 0; i < m->nroles; i++)
		free(m->roles[i].name);
	for (size_t i = 0; i < m->nshifts; i++) {
		free(m->shifts[i].place);
		free(m->shifts[i].taken);
	}
	for (size_t i = 0; i < m->npeople; i++) {
		struct am_person *p = &m->people[i];
		free(p->name);
		free(p->iv);
		free(p->talk);
		free(p->win);
		free(p->skill);
		free(p->rows);
	}
	free(m->roles);
	free(m->shifts);
	free(m->shift_by_id);
	free(m->people);
	free(m->order);
	free(m->may);
	free(m);
}
