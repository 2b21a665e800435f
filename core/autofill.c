/* autofill.c - auto-fill from the outside: the scope checked, the snapshot
 * read into the model (autofill_model.h), the plan (autofill_plan.c) turned
 * into picks, shortfalls with their reasons and a spread of hours; then the
 * writes in chunks and the undo of a batch.
 *
 * Writing: no transaction holds the database longer than about CHUNK_MS.
 * Each chunk is one BEGIN IMMEDIATE transaction in which every pick is
 * written by staffing_assign, `assign`'s own operation (source autofill; the
 * entity hooks check every hard and soft rule against the database as it is
 * now, and auto-fill never gives an override reason). The rules' facts are
 * read through a memo (core/elig_memo.h) that each chunk first brings in
 * sync under its lock: kept from chunk to chunk while no other connection
 * writes, forgotten as soon as one has, so that each check still sees the
 * database as it is. A pick the rules refuse by now is skipped and counted:
 * each pick is a light step (db_savepoint), taken back alone when the
 * refusal came before anything was written, as the rules' refusals do; a
 * chunk in which a step that wrote was refused is rolled back and done again
 * with a real savepoint per pick. A volunteer whose registration ended
 * since the plan is skipped too (`assign` would register them again).
 * Between chunks the lock is let go for PAUSE_MS so that kiosks and other
 * leads get their turn. */
#define _POSIX_C_SOURCE 200809L
#include "autofill.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../db/autofill_store.h"
#include "../db/rules_store.h"
#include "audit.h"
#include "lead.h"
#include "autofill_model.h"
#include "elig_memo.h"
#include "entity.h"
#include "rules.h"
#include "staffing.h"
#include "tz.h"
#include "xmalloc.h"

#define CHUNK_MS  80          /* the longest a chunk keeps the write lock, about */
#define CHUNK_MAX 1024        /* and the most writes in one */
#define PAUSE_MS  10          /* the lock left free between chunks */
#define MARGIN    (2 * 86400) /* facts read around the event's shifts */
#define WORK      20000000    /* rule checks the repairs may spend */

const char *const autofill_reason_words[AF_NREASONS] = {
    [AF_BUSY] = "busy at that time",
    [AF_SKILL] = "lack the skill",
    [AF_AGE] = "too young",
    [AF_AVAIL] = "outside availability",
    [AF_REST] = "would break rest or the day's hours",
    [AF_FULL] = "already full",
};

const char *const autofill_reason_keys[AF_NREASONS] = {
    [AF_BUSY] = "busy",          [AF_SKILL] = "lack_skill",
    [AF_AGE] = "too_young",      [AF_AVAIL] = "outside_availability",
    [AF_REST] = "rest_or_hours", [AF_FULL] = "already_full",
};

/* The model's flag for each reason. */
static const unsigned reason_flag[AF_NREASONS] = {
    [AF_BUSY] = AM_BUSY,   [AF_SKILL] = AM_SKILL, [AF_AGE] = AM_AGE,
    [AF_AVAIL] = AM_AVAIL, [AF_REST] = AM_REST,   [AF_FULL] = AM_FULL,
};

void autofill_reasons_text(const struct af_short *s, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	if (s->could)
		used += (size_t)snprintf(buf, n, "%" PRId64 " could take it", s->could);
	for (int r = 0; r < AF_NREASONS; r++)
		if (s->count[r] && used < n)
			used += (size_t)snprintf(buf + used, n - used, "%s%" PRId64 " %s",
			                         used ? ", " : "", s->count[r],
			                         autofill_reason_words[r]);
	if (!used)
		snprintf(buf, n, "no volunteers");
}

/* ---- the snapshot ------------------------------------------------------- */

struct loader {
	struct af_model *m;
	const struct af_scope *scope;
	int64_t *only; /* scope->shifts sorted */
	int64_t now;
	bool indexed;
	int err;
};

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
	return a < b ? -1 : a > b;
}

static int role_index(const struct af_model *m, int64_t id)
{
	for (size_t i = 0; i < m->nroles; i++)
		if (m->roles[i].id == id)
			return (int)i;
	return -1;
}

static int load_role(void *arg, const struct afs_role *r)
{
	struct af_model *m = ((struct loader *)arg)->m;
	XGROW(m->roles, m->nroles, m->croles, 8);
	m->roles[m->nroles++] = (struct am_role){r->id, r->skill, r->min_age, xstrdup(r->name), 0};
	return 0;
}

static bool in_scope(const struct loader *ld, const struct am_shift *s)
{
	const struct af_scope *sc = ld->scope;
	if (s->starts <= ld->now)
		return false; /* started already */
	if (sc->role && ld->m->roles[s->role].id != sc->role)
		return false;
	if (sc->day[0] && strcmp(sc->day, s->date) != 0)
		return false;
	return !ld->only || bsearch(&s->id, ld->only, sc->nshifts, sizeof *ld->only, cmp_i64);
}

static int load_shift(void *arg, const struct afs_shift *r)
{
	struct loader *ld = arg;
	struct af_model *m = ld->m;
	int role = role_index(m, r->role);
	if (role < 0)
		return 0;
	XGROW(m->shifts, m->nshifts, m->cshifts, 8);
	struct am_shift *s = &m->shifts[m->nshifts++];
	memset(s, 0, sizeof *s);
	s->id = r->id;
	s->role = role;
	s->starts = r->starts;
	s->ends = r->ends;
	s->need_min = r->need_min;
	s->need_max = r->need_max;
	s->filled0 = r->filled;
	s->place = xstrdup(r->place);
	struct tz_local l;
	tz_local(m->tz, s->starts, &l);
	s->ly = l.year;
	s->lm = l.month;
	s->ld = l.day;
	snprintf(s->date, sizeof s->date, "%04d-%02d-%02d", l.year, l.month, l.day);
	s->nday = (int)rules_days_of(m->tz, s->starts, s->ends, s->day, AM_MAX_DAYS);
	s->scope = in_scope(ld, s);
	return 0;
}

static int load_person(void *arg, const struct afs_person *r)
{
	struct af_model *m = ((struct loader *)arg)->m;
	XGROW(m->people, m->npeople, m->cpeople, 8);
	struct am_person *p = &m->people[m->npeople++];
	memset(p, 0, sizeof *p);
	p->id = r->id;
	p->name = xstrdup(r->name);
	p->confidential = r->confidential;
	p->born =
	    r->birth_date[0] && tz_parse_date(r->birth_date, &p->by, &p->bm, &p->bd, NULL) == 0;
	return 0;
}

/* The person of a fact row, with the shift index ready. */
static struct am_person *person_of(struct loader *ld, int64_t id)
{
	struct af_model *m = ld->m;
	if (!ld->indexed) {
		ld->indexed = true;
		am_prepare_index(m);
	}
	int i = am_person_index(m, id);
	return i < 0 ? NULL : &m->people[i];
}

static int load_busy(void *arg, const struct afs_slot *r)
{
	struct loader *ld = arg;
	struct am_person *p = person_of(ld, r->person);
	if (!p)
		return 0;
	int si = am_shift_index(ld->m, r->id);
	XGROW(p->iv, p->niv, p->civ, 8);
	p->iv[p->niv++] = (struct am_iv){r->starts, r->ends, si, false};
	if (si >= 0)
		p->load0 += r->ends - r->starts;
	return 0;
}

static int load_talk(void *arg, const struct afs_slot *r)
{
	struct am_person *p = person_of(arg, r->person);
	if (p) {
		XGROW(p->talk, p->ntalk, p->ctalk, 8);
		p->talk[p->ntalk++] = (struct am_iv){r->starts, r->ends, -1, false};
	}
	return 0;
}

static int load_window(void *arg, const struct afs_slot *r)
{
	struct am_person *p = person_of(arg, r->person);
	if (p) {
		XGROW(p->win, p->nwin, p->cwin, 8);
		p->win[p->nwin++] = (struct am_iv){r->starts, r->ends, -1, false};
	}
	return 0;
}

static int load_skill(void *arg, const struct afs_skill *r)
{
	struct am_person *p = person_of(arg, r->person);
	if (p) {
		XGROW(p->skill, p->nskill, p->cskill, 8);
		p->skill[p->nskill].skill = r->skill;
		snprintf(p->skill[p->nskill].expires, sizeof p->skill[p->nskill].expires, "%s",
		         r->expires);
		p->nskill++;
	}
	return 0;
}

static int load_row(void *arg, const struct afs_row *r)
{
	struct am_person *p = person_of(arg, r->person);
	if (p) {
		XGROW(p->rows, p->nrows, p->crows, 8);
		p->rows[p->nrows++] = r->shift;
	}
	return 0;
}

static int iv_cmp(const void *x, const void *y)
{
	const struct am_iv *a = x, *b = y;
	if (a->starts != b->starts)
		return a->starts < b->starts ? -1 : 1;
	return a->ends < b->ends ? -1 : a->ends > b->ends;
}

/* The facts of each person in the order the rules read them. */
static void settle(struct af_model *m)
{
	for (size_t i = 0; i < m->npeople; i++) {
		struct am_person *p = &m->people[i];
		if (p->niv > 1)
			qsort(p->iv, (size_t)p->niv, sizeof *p->iv, iv_cmp);
		if (p->nwin > 1)
			qsort(p->win, (size_t)p->nwin, sizeof *p->win, iv_cmp);
		if (p->nrows > 1)
			qsort(p->rows, (size_t)p->nrows, sizeof *p->rows, cmp_i64);
		p->load = p->load0;
	}
}

/* [from, to): the event's shifts and span, widened by MARGIN. */
static void reach(const struct rs_event *ev, int64_t *from, int64_t *to)
{
	*from = ev->span_starts - MARGIN;
	*to = ev->span_ends + MARGIN;
}

static int read_model(struct ctx *c, const struct rs_event *ev, const struct af_scope *scope,
                      struct af_model *m, struct err *e)
{
	struct loader ld = {m, scope, NULL, clock_now(c->clock), false, 0};
	if (scope->shifts) {
		ld.only = xmalloc((scope->nshifts + 1) * sizeof *ld.only);
		memcpy(ld.only, scope->shifts, scope->nshifts * sizeof *ld.only);
		qsort(ld.only, scope->nshifts, sizeof *ld.only, cmp_i64);
	}
	struct afs_fns fns = {load_role,   load_shift, load_person, load_busy, load_talk,
	                      load_window, load_skill, load_row,    &ld};
	int64_t from, to;
	reach(ev, &from, &to);
	int ret = autofill_store_snapshot_begin(c->db, e);
	if (ret == 0) {
		ret = autofill_store_load(c->db, ev->id, from, to, &fns, e);
		autofill_store_snapshot_end(c->db);
	}
	free(ld.only);
	if (ret == 0 && !ld.indexed)
		am_prepare_index(m);
	settle(m);
	return ret;
}

/* ---- the scope ---------------------------------------------------------- */

static int check_scope(struct ctx *c, const struct af_scope *sc, const struct rs_event *ev,
                       struct err *e)
{
	if (ev->cancelled)
		return err_set(e, ERR_REFUSED, "%s is cancelled: there is nothing to fill",
		               ev->name);
	if (sc->role) {
		struct rs_role r;
		if (rules_store_role(c->db, sc->role, &r, e) < 0)
			return -1;
		if (r.event != ev->id)
			return err_set(e, ERR_REFUSED,
			               "role %" PRId64 " (%s) belongs to another event, not %s",
			               sc->role, r.name, ev->name);
	}
	if (!sc->day[0])
		return 0;
	int y, mo, d;
	if (tz_parse_date(sc->day, &y, &mo, &d, NULL) < 0)
		return err_set(e, ERR_USAGE, "day \"%s\" is not a date (YYYY-MM-DD)", sc->day);
	struct rules_fmt f = {ev->tz, false};
	char first[16], last[16];
	rules_date(&f, ev->span_starts, first, sizeof first);
	rules_date(&f, ev->span_ends - 1, last, sizeof last);
	if (strcmp(sc->day, first) < 0 || strcmp(sc->day, last) > 0)
		return err_set(e, ERR_REFUSED, "%s is outside %s (%s to %s)", sc->day, ev->name,
		               first, last);
	return 0;
}

/* ---- what the plan says ------------------------------------------------- */

static bool counted(const struct af_pick *p)
{
	return p->state == AF_PROPOSED || p->state == AF_ADDED;
}

static int pick_cmp(const void *x, const void *y)
{
	const struct af_pick *a = x, *b = y;
	if (a->starts != b->starts)
		return a->starts < b->starts ? -1 : 1;
	if (a->shift != b->shift)
		return a->shift < b->shift ? -1 : 1;
	int d = strcmp(a->name, b->name);
	if (d)
		return d;
	return a->person < b->person ? -1 : a->person > b->person;
}

static void collect_picks(struct af_plan *p)
{
	struct af_model *m = p->model;
	size_t n = 0;
	for (size_t i = 0; i < m->nshifts; i++)
		n += (size_t)m->shifts[i].ntaken;
	p->picks = xcalloc(n + 1, sizeof *p->picks);
	for (size_t i = 0; i < m->nshifts; i++) {
		const struct am_shift *s = &m->shifts[i];
		for (int k = 0; k < s->ntaken; k++) {
			const struct am_person *pe = &m->people[s->taken[k]];
			p->picks[p->npicks++] = (struct af_pick){s->id,
			                                         pe->id,
			                                         s->starts,
			                                         s->ends,
			                                         m->roles[s->role].name,
			                                         s->place,
			                                         pe->name,
			                                         pe->confidential,
			                                         AF_PROPOSED,
			                                         0,
			                                         NULL};
		}
	}
	qsort(p->picks, p->npicks, sizeof *p->picks, pick_cmp);
}

/* The shifts in scope under need_min with the plan, and why. */
static void collect_shorts(struct af_plan *p)
{
	struct af_model *m = p->model;
	free(p->shorts);
	p->shorts = NULL;
	p->nshorts = 0;
	size_t cap = 0;
	for (size_t i = 0; i < m->nshifts; i++) {
		const struct am_shift *s = &m->shifts[i];
		if (!s->scope || am_filled(s) >= s->need_min)
			continue;
		XGROW(p->shorts, p->nshorts, cap, 8);
		struct af_short *sh = &p->shorts[p->nshorts++];
		memset(sh, 0, sizeof *sh);
		*sh = (struct af_short){.shift = s->id,
		                        .starts = s->starts,
		                        .ends = s->ends,
		                        .role = m->roles[s->role].name,
		                        .place = s->place,
		                        .need_min = s->need_min,
		                        .need_max = s->need_max,
		                        .filled = am_filled(s)};
		for (size_t k = 0; k < m->npeople; k++) {
			unsigned why = am_check(m, &m->people[k], s, true);
			if (why & AM_ON)
				continue;
			sh->could += why == 0;
			for (int r = 0; r < AF_NREASONS; r++)
				if (why & reason_flag[r])
					sh->count[r]++;
		}
	}
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

/* The hours of the volunteers the counted picks use. */
static void spread(struct af_plan *p)
{
	struct af_model *m = p->model;
	struct af_stats *st = &p->stats;
	int64_t *secs = xcalloc(m->npeople + 1, sizeof *secs);
	bool *used = xcalloc(m->npeople + 1, sizeof *used);
	for (size_t i = 0; i < p->npicks; i++) {
		int k = am_person_index(m, p->picks[i].person);
		if (k < 0 || !counted(&p->picks[i]))
			continue;
		used[k] = true;
		secs[k] += p->picks[i].ends - p->picks[i].starts;
	}
	double *h = xmalloc((m->npeople + 1) * sizeof *h);
	size_t n = 0;
	for (size_t k = 0; k < m->npeople; k++)
		if (used[k])
			h[n++] = (double)(m->people[k].load0 + secs[k]) / 3600.0;
	qsort(h, n, sizeof *h, cmp_double);
	st->used = (int64_t)n;
	st->hours_min = n ? h[0] : 0;
	st->hours_max = n ? h[n - 1] : 0;
	st->hours_median = !n ? 0 : n % 2 ? h[n / 2] : (h[n / 2 - 1] + h[n / 2]) / 2;
	free(h);
	free(secs);
	free(used);
}

static void restat(struct af_plan *p)
{
	struct af_model *m = p->model;
	struct af_stats *st = &p->stats;
	int64_t *extra = xcalloc(m->nshifts + 1, sizeof *extra);
	st->proposed = st->added = st->skipped = st->dropped = 0;
	for (size_t i = 0; i < p->npicks; i++) {
		const struct af_pick *pk = &p->picks[i];
		st->proposed += pk->state != AF_DROPPED;
		st->added += pk->state == AF_ADDED;
		st->skipped += pk->state == AF_SKIPPED;
		st->dropped += pk->state == AF_DROPPED;
		int si = am_shift_index(m, pk->shift);
		if (si >= 0 && counted(pk))
			extra[si]++;
	}
	st->shifts = st->min_places = st->min_before = st->min_after = 0;
	st->max_places = st->max_before = st->max_after = 0;
	for (size_t i = 0; i < m->nshifts; i++) {
		const struct am_shift *s = &m->shifts[i];
		if (!s->scope)
			continue;
		int64_t before = s->filled0, after = s->filled0 + extra[i];
		st->shifts++;
		st->min_places += s->need_min;
		st->max_places += s->need_max;
		st->min_before += before < s->need_min ? before : s->need_min;
		st->min_after += after < s->need_min ? after : s->need_min;
		st->max_before += before < s->need_max ? before : s->need_max;
		st->max_after += after < s->need_max ? after : s->need_max;
	}
	st->volunteers = (int64_t)m->npeople;
	free(extra);
	spread(p);
}

int autofill_plan(struct ctx *c, const struct af_scope *scope, struct af_plan *out, struct err *e)
{
	struct rs_event ev;
	memset(out, 0, sizeof *out);
	if (rules_store_event(c->db, scope->event, &ev, e) < 0 || check_scope(c, scope, &ev, e) < 0)
		return -1;
	out->event = ev.id;
	snprintf(out->event_name, sizeof out->event_name, "%s", ev.name);
	snprintf(out->tz, sizeof out->tz, "%s", ev.tz);
	struct af_model *m = xcalloc(1, sizeof *m);
	out->model = m;
	m->tz = out->tz;
	m->rest = (int64_t)c->cfg->min_rest_minutes * 60;
	m->max_day = c->cfg->max_hours_per_day * 3600.0;
	m->work = WORK;
	if (read_model(c, &ev, scope, m, e) < 0) {
		autofill_free(out);
		return -1;
	}
	am_prepare(m);
	am_fill(m);
	collect_picks(out);
	collect_shorts(out);
	restat(out);
	return 0;
}

void autofill_drop(struct af_plan *p, size_t i, bool dropped)
{
	if (i >= p->npicks || (p->picks[i].state == AF_DROPPED) == dropped ||
	    (p->picks[i].state != AF_PROPOSED && p->picks[i].state != AF_DROPPED))
		return;
	struct af_model *m = p->model;
	int si = am_shift_index(m, p->picks[i].shift), pi = am_person_index(m, p->picks[i].person);
	if (dropped)
		am_unassign(m, si, pi);
	else
		am_assign(m, si, pi);
	p->picks[i].state = dropped ? AF_DROPPED : AF_PROPOSED;
	collect_shorts(p);
	restat(p);
}

void autofill_free(struct af_plan *p)
{
	for (size_t i = 0; i < p->npicks; i++)
		free(p->picks[i].why);
	free(p->picks);
	free(p->shorts);
	free(p->volunteers);
	if (p->model)
		am_free(p->model);
	memset(p, 0, sizeof *p);
}

/* ---- writing ------------------------------------------------------------ */

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void pause_ms(int ms)
{
	struct timespec ts = {0, (long)ms * 1000000L};
	nanosleep(&ts, NULL);
}

/* Pick i written by `assign`'s own operation (its rules run inside: hard and
 * soft, never overridden) in a step of the chunk, or skipped with the rules'
 * words when they refuse it by now. A light step (careful false) costs
 * nothing; a refusal is taken back alone when it came before anything was
 * written, as the rules' refusals do. -1 when the store fails; -2 when a
 * light step cannot be taken back (the chunk is then done again with full
 * savepoints). */
static int write_pick(struct ctx *c, struct af_plan *p, struct af_pick *pk, bool careful,
                      struct err *e)
{
	struct err why = {0};
	if (!bsearch(&pk->person, p->volunteers, p->nvolunteers, sizeof *p->volunteers, cmp_i64)) {
		pk->state = AF_SKIPPED; /* `assign` would register them again */
		pk->why = xasprintf("%s is no longer a registered volunteer of %s", pk->name,
		                    p->event_name);
		return 0;
	}
	if (db_savepoint(c->db, !careful, e) < 0)
		return -1;
	if (staffing_assign(c, pk->shift, pk->person, "autofill", &pk->assignment, &why) < 0) {
		if (db_savepoint_undo(c->db) < 0)
			return -2;
		if (why.code == ERR_DB) {
			*e = why;
			return -1;
		}
		pk->state = AF_SKIPPED;
		pk->why = xstrdup(why.msg);
		return 0;
	}
	if (autofill_store_item(c->db, p->batch, pk->assignment, e) < 0 ||
	    db_savepoint_release(c->db, e) < 0) {
		db_savepoint_undo(c->db);
		return -1;
	}
	pk->state = AF_ADDED;
	return 0;
}

/* Picks [from, to) back to proposed after their chunk was rolled back. */
static void unwrite(struct af_plan *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		struct af_pick *pk = &p->picks[i];
		if (pk->state == AF_ADDED || pk->state == AF_SKIPPED) {
			pk->state = AF_PROPOSED;
			pk->assignment = 0;
			free(pk->why);
			pk->why = NULL;
		}
	}
}

/* One chunk from *i on: the batch first when there is none yet. 0 done, -1
 * failed (rolled back), -2 rolled back to be done again with full steps. */
static int write_chunk(struct ctx *c, struct af_plan *p, size_t *i, bool careful, struct err *e)
{
	size_t from = *i;
	if (db_begin(c->db, e) < 0)
		return -1;
	int64_t t0 = mono_ms();
	int ret = elig_memo_sync(c->memo, c->db, e);
	if (ret == 1) { /* others wrote: who is still a volunteer? */
		free(p->volunteers);
		ret =
		    autofill_store_volunteers(c->db, p->event, &p->volunteers, &p->nvolunteers, e);
	}
	if (ret == 0 && !p->batch) {
		ret = autofill_store_batch_new(c->db, p->event, clock_now(c->clock), c->actor,
		                               &p->batch, e);
		if (ret == 0)
			ret = audit_log(c, "autofill", "event", p->event, e,
			                "autofill batch %" PRId64 " begins: %" PRId64
			                " assignments proposed",
			                p->batch, p->stats.proposed);
	}
	for (int n = 0; ret == 0 && *i < p->npicks && n < CHUNK_MAX && mono_ms() - t0 < CHUNK_MS;
	     ++*i) {
		struct af_pick *pk = &p->picks[*i];
		if (pk->state != AF_PROPOSED)
			continue;
		n++;
		ret = write_pick(c, p, pk, careful, e);
	}
	if (ret < 0) {
		db_rollback(c->db);
	} else if ((ret = db_commit(c->db, e)) == 0) {
		return 0;
	}
	elig_memo_forget(c->memo); /* it knew of writes that are gone */
	if (from == 0)
		p->batch = 0;
	unwrite(p, from, *i);
	*i = from;
	return ret == -2 ? -2 : -1;
}

static int finish_batch(struct ctx *c, struct af_plan *p, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	if (autofill_store_batch_added(c->db, p->batch, p->stats.added, e) < 0 ||
	    audit_log(c, "autofill", "event", p->event, e,
	              "autofill batch %" PRId64 ": %" PRId64 " assignments added, %" PRId64
	              " skipped (the rules refused them by then); undo: muster autofill --undo "
	              "%" PRId64,
	              p->batch, p->stats.added, p->stats.skipped, p->batch) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

/* The memo of the rules' facts for the picks' times (and the days around). */
static struct elig_memo *memo_for(const struct af_plan *p)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	for (size_t i = 0; i < p->npicks; i++) {
		lo = p->picks[i].starts < lo ? p->picks[i].starts : lo;
		hi = p->picks[i].ends > hi ? p->picks[i].ends : hi;
	}
	return elig_memo_new(lo - MARGIN, hi + MARGIN);
}

int autofill_apply(struct ctx *c, struct af_plan *p, struct err *e)
{
	/* a lead who may add no assignment at all writes no batch either */
	if (lead_allows(c, "assignment", LEAD_ADD, e) < 0)
		return -1;
	const char *reason = c->override_reason;
	struct elig_memo *memo = c->memo;
	c->override_reason = NULL; /* auto-fill never overrides */
	bool any = false;
	for (size_t i = 0; i < p->npicks; i++)
		any |= p->picks[i].state == AF_PROPOSED;
	c->memo = any ? memo_for(p) : NULL;
	int ret = 0;
	for (size_t i = 0; any && ret == 0 && i < p->npicks;) {
		ret = write_chunk(c, p, &i, false, e);
		if (ret == -2) /* a step wrote, then was refused: again with savepoints */
			ret = write_chunk(c, p, &i, true, e);
		if (ret == 0 && i < p->npicks)
			pause_ms(PAUSE_MS);
	}
	elig_memo_free(c->memo);
	c->memo = memo;
	restat(p);
	if (ret == 0 && p->batch)
		ret = finish_batch(c, p, e);
	else if (ret < 0 && p->batch)
		err_prefix(e, "autofill stopped after %" PRId64 " assignments of batch %" PRId64,
		           p->stats.added, p->batch);
	c->override_reason = reason;
	return ret;
}

/* ---- undo --------------------------------------------------------------- */

/* Take back one assignment of the batch, or say why it stays. */
static int undo_one(struct ctx *c, struct af_undo *u, int64_t id, size_t *cap, struct err *e)
{
	struct afs_item it;
	if (autofill_store_item_state(c->db, id, &it, e) < 0)
		return -1;
	if (it.gone) {
		u->gone++;
		return 0;
	}
	const char *why = NULL;
	char buf[64];
	if (strcmp(it.status, "signed_up") != 0) {
		snprintf(buf, sizeof buf, "now %s", it.status);
		why = buf;
	} else if (it.edited || strcmp(it.source, "autofill") != 0) {
		why = "edited since";
	}
	if (!why) {
		if (record_rm(c, entity_find("assignment"), id, e) < 0)
			return -1;
		u->removed++;
		return 0;
	}
	XGROW(u->kept, u->nkept, *cap, 8);
	struct af_kept *k = &u->kept[u->nkept++];
	k->assignment = id;
	k->shift = it.shift;
	k->person = it.person;
	snprintf(k->why, sizeof k->why, "%s", why);
	return 0;
}

/* The first chunk claims the batch: nobody else undoes it meanwhile. */
static int claim(struct ctx *c, int64_t batch, struct err *e)
{
	struct afs_batch b;
	if (autofill_store_batch_get(c->db, batch, &b, e) < 0)
		return -1;
	if (b.undone_at) {
		char when[64];
		struct rs_event ev;
		if (rules_store_event(c->db, b.event, &ev, e) < 0)
			return -1;
		tz_format_human(ev.tz, b.undone_at, c->cfg->time_12h, when, sizeof when);
		return err_set(e, ERR_REFUSED, "autofill batch %" PRId64 " was already undone (%s)",
		               batch, when);
	}
	return autofill_store_batch_undone(c->db, batch, clock_now(c->clock), e);
}

int autofill_undo(struct ctx *c, int64_t batch, struct af_undo *out, struct err *e)
{
	struct afs_batch b;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, i = 0;
	memset(out, 0, sizeof *out);
	out->batch = batch;
	if (lead_allows(c, "assignment", LEAD_SET, e) < 0 ||
	    autofill_store_batch_get(c->db, batch, &b, e) < 0 ||
	    autofill_store_items(c->db, batch, &ids, &n, e) < 0)
		return -1;
	out->event = b.event;
	int ret = 0;
	for (bool first = true; ret == 0 && (first || i < n); first = false) {
		if ((ret = db_begin(c->db, e)) < 0)
			break;
		int64_t t0 = mono_ms();
		if (first)
			ret = claim(c, batch, e);
		for (int k = 0; ret == 0 && i < n && k < CHUNK_MAX && mono_ms() - t0 < CHUNK_MS;
		     k++)
			ret = undo_one(c, out, ids[i++], &cap, e);
		if (ret == 0 && i == n)
			ret = audit_log(c, "autofill-undo", "event", b.event, e,
			                "autofill batch %" PRId64 " undone: %" PRId64
			                " assignments removed, %zu kept (changed since), %" PRId64
			                " gone already",
			                batch, out->removed, out->nkept, out->gone);
		if (ret < 0)
			db_rollback(c->db);
		else
			ret = db_commit(c->db, e);
		if (ret == 0 && i < n)
			pause_ms(PAUSE_MS);
	}
	free(ids);
	return ret;
}

void autofill_undo_free(struct af_undo *u)
{
	free(u->kept);
	memset(u, 0, sizeof *u);
}
