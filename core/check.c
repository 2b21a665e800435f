/* check.c - `muster check`: a few set-based scans (db/check_store.c), each
 * row judged by the same rule functions the writes use (rules.c), so a
 * stored violation reads exactly like the refusal it would have met. The
 * active assignments come in one pass and are sorted here: by person and
 * start, where overlaps, rest and hours per local day are found without a
 * query per row, then by shift, where overfilled shifts are counted. */
#include "check.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "../db/check_store.h"
#include "../db/signup_store.h"
#include "checked.h"
#include "eligibility.h"
#include "rules.h"
#include "tz.h"
#include "xmalloc.h"

static const struct {
	const char *kind;
	bool hard;
} kinds[] = {
    {.kind = "overlap", .hard = true},  {.kind = "full", .hard = true},
    {.kind = "room", .hard = true},     {.kind = "booth", .hard = true},
    {.kind = "span", .hard = true},     {.kind = "event", .hard = true},
    {.kind = "capacity", .hard = true}, {.kind = "waitlist", .hard = true},
    {.kind = "speaker", .hard = false}, {.kind = "rest", .hard = false},
    {.kind = "hours", .hard = false},   {.kind = "skill", .hard = false},
    {.kind = "age", .hard = false},     {.kind = "availability", .hard = false},
    {.kind = "signup", .hard = true},   {.kind = "signups", .hard = false},
};

bool check_kind_hard(const char *kind)
{
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (strcmp(kind, kinds[i].kind) == 0)
			return kinds[i].hard;
	return false;
}

/* An event's local midnights, computed once per check. */
struct daygrid {
	int64_t event;
	char tz[64];
	int64_t *mid; /* ascending */
	size_t n;
};

struct checker {
	struct ctx *c;
	int (*fn)(void *arg, const char *kind, const char *message);
	void *arg;
	int stopped;
	int failed;
	struct err *e;
	struct daygrid *grids;
	size_t ngrids;
	/* every active assignment (CS_TIMELINE), and the current person's */
	struct cs_row *all;
	size_t nall, capall;
	const struct cs_row *rows;
	size_t nrows;
};

static int emit(struct checker *k, const char *kind, const char *msg)
{
	if (!k->stopped && k->fn(k->arg, kind, msg))
		k->stopped = 1;
	return k->stopped;
}

/* A store failure inside a row callback: remember it and stop the scan. */
static int fail(struct checker *k)
{
	k->failed = 1;
	return 1;
}

static void fmt_of(struct checker *k, const struct elig_shift *s, struct rules_fmt *f)
{
	eligibility_fmt(k->c, s, f);
}

/* ---- a person's timeline: overlap, rest, hours ------------------------- */

static struct daygrid *grid_of(struct checker *k, int64_t event)
{
	for (size_t i = 0; i < k->ngrids; i++)
		if (k->grids[i].event == event)
			return &k->grids[i];
	struct rs_event ev;
	if (rules_store_event(k->c->db, event, &ev, k->e) < 0)
		return NULL;
	k->grids = xrealloc(k->grids, (k->ngrids + 1) * sizeof *k->grids);
	struct daygrid *g = &k->grids[k->ngrids++];
	memset(g, 0, sizeof *g);
	g->event = event;
	snprintf(g->tz, sizeof g->tz, "%s", ev.tz);
	/* The event's days, two either side; shifts beyond are rare (and wrong). */
	int64_t days[64][2];
	size_t n = rules_days_of(ev.tz, ck_sub(ev.span_starts, 2 * 86400),
	                         ck_add(ev.span_ends, 2 * 86400), days, 64);
	g->mid = xmalloc((n + 1) * sizeof *g->mid);
	for (size_t i = 0; i < n; i++)
		g->mid[i] = days[i][0];
	g->mid[n] = days[n - 1][1];
	g->n = n + 1;
	return g;
}

/* The local days [d0, d1) a shift touches, from the event's grid. */
static size_t shift_days(struct checker *k, const struct cs_row *r, int64_t (*days)[2], size_t max)
{
	struct daygrid *g = grid_of(k, r->i[CS_TL_EVENT]);
	if (!g) {
		k->failed = 1;
		return 0;
	}
	int64_t starts = r->i[CS_TL_STARTS], ends = r->i[CS_TL_ENDS];
	if (starts < g->mid[0] || ends > g->mid[g->n - 1])
		return rules_days_of(g->tz, starts, ends, days, max);
	size_t lo = 0, hi = g->n - 1; /* last midnight <= starts */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (g->mid[mid] <= starts)
			lo = mid;
		else
			hi = mid;
	}
	size_t n = 0;
	for (size_t i = lo; i + 1 < g->n && n < max && g->mid[i] < ends; i++) {
		days[n][0] = g->mid[i];
		days[n++][1] = g->mid[i + 1];
	}
	return n;
}

/* Names for the current person's shifts, looked up only when one of them
 * breaks a rule. */
struct named {
	bool have_person;
	struct rs_person p;
	struct elig_shift *s;
	struct rules_slot *slots;
	bool *loaded;
};

static int name_row(struct checker *k, struct named *nm, size_t i)
{
	if (!nm->s) { /* the first name needed: most people never get here */
		nm->s = xcalloc(k->nrows, sizeof *nm->s);
		nm->slots = xcalloc(k->nrows, sizeof *nm->slots);
		nm->loaded = xcalloc(k->nrows, sizeof *nm->loaded);
	}
	if (!nm->have_person) {
		if (rules_store_person(k->c->db, k->rows[0].i[CS_TL_PERSON], &nm->p, k->e) < 0)
			return -1;
		nm->have_person = true;
	}
	if (nm->loaded[i])
		return 0;
	if (eligibility_load(k->c, k->rows[i].i[CS_TL_SHIFT], &nm->s[i], k->e) < 0)
		return -1;
	eligibility_slot(&nm->s[i], &nm->slots[i]);
	nm->loaded[i] = true;
	return 0;
}

static int name_all(struct checker *k, struct named *nm)
{
	for (size_t i = 0; i < k->nrows; i++)
		if (name_row(k, nm, i) < 0)
			return -1;
	return 0;
}

/* Sorted by start, a person's shifts are clear of overlap and rest when
 * each consecutive pair is; hours can only break past the daily limit in
 * total. Most people pass here without a name looked up. */
static bool timeline_clean(struct checker *k)
{
	int64_t rest = (int64_t)k->c->cfg->min_rest_minutes * 60, total = 0;
	for (size_t i = 0; i < k->nrows; i++) {
		total = ck_add(total, ck_sub(k->rows[i].i[CS_TL_ENDS], k->rows[i].i[CS_TL_STARTS]));
		if (i + 1 < k->nrows &&
		    k->rows[i + 1].i[CS_TL_STARTS] < ck_add(k->rows[i].i[CS_TL_ENDS], rest))
			return false;
	}
	return (double)total <= k->c->cfg->max_hours_per_day * 3600.0;
}

static int timeline_pairs(struct checker *k, struct named *nm)
{
	int64_t rest = (int64_t)k->c->cfg->min_rest_minutes * 60;
	char msg[RULE_MSG_MAX];
	for (size_t i = 0; i < k->nrows; i++) {
		for (size_t j = i + 1; j < k->nrows && k->rows[j].i[CS_TL_STARTS] <
		                                           ck_add(k->rows[i].i[CS_TL_ENDS], rest);
		     j++) {
			struct rules_fmt f;
			if (name_row(k, nm, i) < 0 || name_row(k, nm, j) < 0)
				return fail(k);
			fmt_of(k, &nm->s[i], &f);
			if (rules_person_overlap(&f, nm->p.name, &nm->slots[i], &nm->slots[j], msg,
			                         sizeof msg) != RULE_OK) {
				if (emit(k, "overlap", msg))
					return 1;
			} else if (rules_rest(&f, nm->p.name, &nm->slots[i], &nm->slots[j],
			                      k->c->cfg->min_rest_minutes, msg,
			                      sizeof msg) != RULE_OK &&
			           emit(k, "rest", msg)) {
				return 1;
			}
		}
	}
	return 0;
}

/* Seconds of the current person's shifts inside [d0, d1). */
static int64_t day_total(const struct checker *k, int64_t d0, int64_t d1)
{
	int64_t total = 0;
	for (size_t i = 0; i < k->nrows; i++) {
		int64_t a = k->rows[i].i[CS_TL_STARTS] > d0 ? k->rows[i].i[CS_TL_STARTS] : d0;
		int64_t b = k->rows[i].i[CS_TL_ENDS] < d1 ? k->rows[i].i[CS_TL_ENDS] : d1;
		total = ck_add(total, b > a ? ck_sub(b, a) : 0);
	}
	return total;
}

static int timeline_hours(struct checker *k, struct named *nm)
{
	int64_t seen[64];
	size_t nseen = 0;
	char msg[RULE_MSG_MAX];
	double limit = k->c->cfg->max_hours_per_day * 3600.0;
	for (size_t i = 0; i < k->nrows; i++) {
		int64_t days[8][2];
		size_t nd = shift_days(k, &k->rows[i], days, 8);
		for (size_t d = 0; d < nd; d++) {
			bool dup = false;
			for (size_t s = 0; s < nseen && !dup; s++)
				dup = seen[s] == days[d][0];
			if (dup)
				continue;
			if (nseen < 64)
				seen[nseen++] = days[d][0];
			if ((double)day_total(k, days[d][0], days[d][1]) <= limit)
				continue;
			struct rules_fmt f;
			if (name_all(k, nm) < 0)
				return fail(k);
			fmt_of(k, &nm->s[i], &f);
			if (rules_day_hours(&f, nm->p.name, days[d][0], days[d][1], nm->slots,
			                    k->nrows, k->c->cfg->max_hours_per_day, msg,
			                    sizeof msg) != RULE_OK &&
			    emit(k, "hours", msg))
				return 1;
		}
	}
	return 0;
}

/* One person's shifts, in start order. */
static int timeline_person(struct checker *k)
{
	if (k->nrows == 0 || timeline_clean(k))
		return 0;
	struct named nm;
	memset(&nm, 0, sizeof nm);
	int ret = timeline_pairs(k, &nm) || timeline_hours(k, &nm);
	free(nm.s);
	free(nm.slots);
	free(nm.loaded);
	return ret;
}

static int timeline_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	XGROW(k->all, k->nall, k->capall, 1024);
	k->all[k->nall++] = *row;
	return 0;
}

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* person, start, shift */
static int by_person(const void *x, const void *y)
{
	const struct cs_row *a = x, *b = y;
	int c = cmp_i64(a->i[CS_TL_PERSON], b->i[CS_TL_PERSON]);
	if (!c)
		c = cmp_i64(a->i[CS_TL_STARTS], b->i[CS_TL_STARTS]);
	return c ? c : cmp_i64(a->i[CS_TL_SHIFT], b->i[CS_TL_SHIFT]);
}

static int by_shift(const void *x, const void *y)
{
	const struct cs_row *a = x, *b = y;
	return cmp_i64(a->i[CS_TL_SHIFT], b->i[CS_TL_SHIFT]);
}

static int overfilled_row(void *arg, const struct cs_row *row);

/* Each person's shifts in start order; then each shift's count. */
static int timeline_sweep(struct checker *k)
{
	if (k->nall == 0) /* qsort's array may not be NULL */
		return 0;
	qsort(k->all, k->nall, sizeof *k->all, by_person);
	for (size_t i = 0, j; i < k->nall; i = j) {
		for (j = i + 1;
		     j < k->nall && k->all[j].i[CS_TL_PERSON] == k->all[i].i[CS_TL_PERSON]; j++)
			;
		k->rows = &k->all[i];
		k->nrows = j - i;
		if (timeline_person(k))
			return 1;
	}
	qsort(k->all, k->nall, sizeof *k->all, by_shift);
	for (size_t i = 0, j; i < k->nall; i = j) {
		for (j = i + 1; j < k->nall && k->all[j].i[CS_TL_SHIFT] == k->all[i].i[CS_TL_SHIFT];
		     j++)
			;
		struct cs_row over = {.i = {[CS_OF_SHIFT] = k->all[i].i[CS_TL_SHIFT],
		                            [CS_OF_TAKEN] = (int64_t)(j - i),
		                            [CS_OF_NEED_MAX] = k->all[i].i[CS_TL_NEED_MAX]}};
		if (over.i[CS_OF_TAKEN] > over.i[CS_OF_NEED_MAX] && overfilled_row(k, &over))
			return 1;
	}
	return 0;
}

/* ---- one row per violation ------------------------------------------- */

static int overfilled_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct elig_shift s;
	struct rules_fmt f;
	struct rules_slot slot;
	char msg[RULE_MSG_MAX];
	if (eligibility_load(k->c, row->i[CS_OF_SHIFT], &s, k->e) < 0)
		return fail(k);
	fmt_of(k, &s, &f);
	eligibility_slot(&s, &slot);
	rules_shift_overfilled(&f, row->i[CS_OF_SHIFT], &slot, row->i[CS_OF_TAKEN],
	                       row->i[CS_OF_NEED_MAX], msg, sizeof msg);
	return emit(k, "full", msg);
}

/* A session as a slot, with its room's name and its event's zone. */
static int session_of(struct checker *k, int64_t id, struct rs_slot *s, struct rs_event *ev,
                      char *room, size_t n)
{
	int64_t event, of;
	bool off;
	if (rules_store_session(k->c->db, id, s, &event, &off, k->e) < 0 ||
	    rules_store_event(k->c->db, event, ev, k->e) < 0 ||
	    rules_store_room_event(k->c->db, s->ref, &of, room, n, k->e) < 0)
		return -1;
	return 0;
}

static int room_clash_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct rs_slot a, b;
	struct rs_event ev;
	char room[RS_NAME], msg[RULE_MSG_MAX], title[RS_NAME + 2];
	if (session_of(k, row->i[CS_CL_FIRST], &a, &ev, room, sizeof room) < 0 ||
	    session_of(k, row->i[CS_CL_LATER], &b, &ev, room, sizeof room) < 0)
		return fail(k);
	snprintf(title, sizeof title, "\"%s\"", b.what);
	struct rules_fmt f = {ev.tz, k->c->cfg->time_12h};
	struct rules_slot x = {a.what, a.starts, a.ends}, y = {title, b.starts, b.ends};
	rules_room_clash(&f, room, &x, &y, msg, sizeof msg);
	return emit(k, "room", msg);
}

static int booth_clash_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct rs_slot a, b;
	struct rs_event ev;
	int64_t event;
	char msg[RULE_MSG_MAX], label[RS_NAME];
	if (rules_store_booth(k->c->db, row->i[CS_CL_LATER], &b, &event, label, sizeof label,
	                      k->e) < 0 ||
	    rules_store_booth(k->c->db, row->i[CS_CL_FIRST], &a, &event, label, sizeof label,
	                      k->e) < 0 ||
	    rules_store_event(k->c->db, event, &ev, k->e) < 0)
		return fail(k);
	struct rules_fmt f = {ev.tz, k->c->cfg->time_12h};
	struct rules_slot x = {a.what, a.starts, a.ends}, y = {b.what, b.starts, b.ends};
	rules_booth_clash(&f, label, a.ref, &x, b.ref, &y, msg, sizeof msg);
	return emit(k, "booth", msg);
}

static int outside_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct rs_event ev;
	char msg[RULE_MSG_MAX];
	if (rules_store_event(k->c->db, row->i[CS_OU_EVENT], &ev, k->e) < 0)
		return fail(k);
	struct rules_fmt f = {ev.tz, k->c->cfg->time_12h};
	struct rules_slot item = {row->t[CS_OU_WHAT], row->i[CS_OU_STARTS], row->i[CS_OU_ENDS]};
	rules_in_span(&f, &item, ev.name, row->i[CS_OU_SPAN0], row->i[CS_OU_SPAN1], msg,
	              sizeof msg);
	return emit(k, "span", msg);
}

static int cross_event_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct rs_event a, b;
	char msg[RULE_MSG_MAX];
	if (rules_store_event(k->c->db, row->i[CS_CE_EVENT], &a, k->e) < 0 ||
	    rules_store_event(k->c->db, row->i[CS_CE_OTHER], &b, k->e) < 0)
		return fail(k);
	snprintf(msg, sizeof msg, "%s of %s uses %s of %s, another event", row->t[CS_CE_ITEM],
	         a.name, row->t[CS_CE_USES], b.name);
	return emit(k, "event", msg);
}

static int seats_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct rs_event ev;
	char msg[RULE_MSG_MAX];
	if (rules_store_event(k->c->db, row->i[CS_SE_EVENT], &ev, k->e) < 0)
		return fail(k);
	if (rules_over_capacity(ev.name, row->i[CS_SE_SEATED], row->i[CS_SE_CAPACITY], msg,
	                        sizeof msg) != RULE_OK &&
	    emit(k, "capacity", msg))
		return 1;
	if (!row->i[CS_SE_WAITING])
		return 0;
	struct rs_person p;
	if (rules_store_person(k->c->db, row->i[CS_SE_WAITING], &p, k->e) < 0)
		return fail(k);
	if (rules_waitlist_idle(ev.name, row->i[CS_SE_SEATED], row->i[CS_SE_CAPACITY], p.name,
	                        row->i[CS_SE_POSITION], msg, sizeof msg) != RULE_OK)
		return emit(k, "waitlist", msg);
	return 0;
}

/* A (person, shift) candidate judged by the rules in mask; kind names them. */
static int pair_row(struct checker *k, int64_t person, int64_t shift, unsigned mask,
                    const char *kind)
{
	struct elig_shift s;
	struct rs_person p;
	struct verdict v;
	if (eligibility_load(k->c, shift, &s, k->e) < 0 ||
	    rules_store_person(k->c->db, person, &p, k->e) < 0)
		return fail(k);
	verdict_init(&v);
	if (eligibility_eval(k->c, &s, &p, mask, &v, k->e) < 0)
		return fail(k);
	return v.nsoft || v.nhard ? emit(k, kind, v.nhard ? v.hard : v.soft) : 0;
}

static int speaker_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct elig_shift s;
	struct rs_person p;
	struct rs_slot talk;
	int64_t event;
	bool off;
	char msg[RULE_MSG_MAX];
	if (eligibility_load(k->c, row->i[CS_SP_SHIFT], &s, k->e) < 0 ||
	    rules_store_person(k->c->db, row->i[CS_SP_PERSON], &p, k->e) < 0 ||
	    rules_store_session(k->c->db, row->i[CS_SP_SESSION], &talk, &event, &off, k->e) < 0)
		return fail(k);
	struct rules_fmt f;
	struct rules_slot w, t = {talk.what, talk.starts, talk.ends};
	fmt_of(k, &s, &f);
	eligibility_slot(&s, &w);
	rules_speaker_busy(&f, p.name, &t, &w, msg, sizeof msg);
	return emit(k, "speaker", msg);
}

static int skill_row(void *arg, const struct cs_row *row)
{
	return pair_row(arg, row->i[CS_PA_PERSON], row->i[CS_PA_SHIFT], ELIG_SKILL, "skill");
}

static int age_row(void *arg, const struct cs_row *row)
{
	return pair_row(arg, row->i[CS_PA_PERSON], row->i[CS_PA_SHIFT], ELIG_AGE, "age");
}

static int window_row(void *arg, const struct cs_row *row)
{
	return pair_row(arg, row->i[CS_PA_PERSON], row->i[CS_PA_SHIFT], ELIG_AVAIL, "availability");
}

/* ---- sign-ups ----------------------------------------------------------- */

/* A session as a named slot, and how its event writes times. */
static int signup_session_of(struct checker *k, int64_t id, struct signup_session *s,
                             struct rs_event *ev, struct rules_fmt *f, struct rules_slot *slot)
{
	if (signup_store_session(k->c->db, id, s, k->e) < 0 ||
	    rules_store_event(k->c->db, s->event, ev, k->e) < 0)
		return -1;
	f->tz = ev->tz;
	f->twelve_hour = k->c->cfg->time_12h;
	*slot = (struct rules_slot){s->title, s->starts, s->ends};
	return 0;
}

static int session_seats_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct signup_session s;
	struct rs_event ev;
	struct rules_fmt f;
	struct rules_slot slot;
	char msg[RULE_MSG_MAX], what[RS_NAME + 100], when[128];
	if (signup_session_of(k, row->i[CS_SS_SESSION], &s, &ev, &f, &slot) < 0)
		return fail(k);
	int64_t cap = rules_session_capacity(row->i[CS_SS_CAPACITY], row->i[CS_SS_ROOM_CAPACITY]),
	        seated = row->i[CS_SS_SEATED];
	if (rules_session_over_capacity(&f, &slot, seated, cap, msg, sizeof msg) != RULE_OK &&
	    emit(k, "capacity", msg))
		return 1;
	if (!row->i[CS_SS_WAITING])
		return 0;
	struct rs_person p;
	if (rules_store_person(k->c->db, row->i[CS_SS_WAITING], &p, k->e) < 0)
		return fail(k);
	rules_when(&f, s.starts, s.ends, when, sizeof when);
	snprintf(what, sizeof what, "session \"%s\" %s", s.title, when);
	if (rules_waitlist_idle(what, seated, cap, p.name, row->i[CS_SS_POSITION], msg,
	                        sizeof msg) != RULE_OK)
		return emit(k, "waitlist", msg);
	return 0;
}

static int signup_unregistered_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct signup_session s;
	struct rs_event ev;
	struct rs_person p;
	struct rules_fmt f;
	struct rules_slot slot;
	char msg[RULE_MSG_MAX], line[1000], when[128];
	if (signup_session_of(k, row->i[CS_UR_SESSION], &s, &ev, &f, &slot) < 0 ||
	    rules_store_person(k->c->db, row->i[CS_UR_PERSON], &p, k->e) < 0)
		return fail(k);
	if (rules_signup_registered(p.name, ev.name, row->t[CS_UR_STATUS], row->i[CS_UR_POSITION],
	                            msg, sizeof msg) == RULE_OK)
		return 0;
	rules_when(&f, s.starts, s.ends, when, sizeof when);
	snprintf(line, sizeof line, "%s, yet signed up for \"%s\" %s", msg, s.title, when);
	return emit(k, "signup", line);
}

static int signup_overlap_row(void *arg, const struct cs_row *row)
{
	struct checker *k = arg;
	struct signup_session a, b;
	struct rs_event ev;
	struct rs_person p;
	struct rules_fmt f;
	struct rules_slot x, y;
	char msg[RULE_MSG_MAX];
	if (signup_session_of(k, row->i[CS_OV_FIRST], &a, &ev, &f, &x) < 0 ||
	    signup_session_of(k, row->i[CS_OV_LATER], &b, &ev, &f, &y) < 0 ||
	    rules_store_person(k->c->db, row->i[CS_OV_PERSON], &p, k->e) < 0)
		return fail(k);
	if (rules_signup_overlap(&f, p.name, &x, &y, msg, sizeof msg) == RULE_OK)
		return 0;
	return emit(k, "signups", msg);
}

/* The scans in output order, hard rules first. */
static const struct {
	enum cs_query q;
	int (*row)(void *arg, const struct cs_row *row);
} scans[] = {
    {.q = CS_TIMELINE, .row = timeline_row}, /* and the overfilled shifts: timeline_sweep */
    {.q = CS_ROOM_CLASH, .row = room_clash_row},
    {.q = CS_BOOTH_CLASH, .row = booth_clash_row},
    {.q = CS_OUTSIDE, .row = outside_row},
    {.q = CS_CROSS_EVENT, .row = cross_event_row},
    {.q = CS_SEATS, .row = seats_row},
    {.q = CS_SESSION_SEATS, .row = session_seats_row},
    {.q = CS_SIGNUP_UNREGISTERED, .row = signup_unregistered_row},
    {.q = CS_SPEAKERS, .row = speaker_row},
    {.q = CS_SKILLS, .row = skill_row},
    {.q = CS_AGES, .row = age_row},
    {.q = CS_WINDOWS, .row = window_row},
    {.q = CS_SIGNUP_OVERLAP, .row = signup_overlap_row},
};

struct check_job {
	struct checker k;
	struct cs_memo *memo;
	int64_t event;
	size_t next;    /* the next scan */
	bool sweep_due; /* the timeline is read: sort and judge it (a step of its own) */
};

struct check_job *check_start(struct ctx *c, int64_t event,
                              int (*fn)(void *arg, const char *kind, const char *message),
                              void *arg)
{
	struct check_job *j = xcalloc(1, sizeof *j);
	j->k.c = c;
	j->k.fn = fn;
	j->k.arg = arg;
	j->event = event;
	j->memo = check_store_begin(c->db);
	return j;
}

/* One scan, or the timeline's sweep after its scan. */
static int step_once(struct check_job *j, struct err *e)
{
	struct checker *k = &j->k;
	k->e = e;
	k->failed = 0;
	if (j->sweep_due) {
		timeline_sweep(k);
		if (k->failed)
			return -1;
		j->sweep_due = false;
		return 0;
	}
	enum cs_query q = scans[j->next].q;
	if (q == CS_TIMELINE)
		k->nall = 0; /* a scan given up half way is read again */
	if (check_store_scan(k->c->db, j->memo, q, j->event, scans[j->next].row, k, e) < 0 ||
	    k->failed)
		return -1;
	j->sweep_due = q == CS_TIMELINE && !k->stopped;
	j->next++;
	return 0;
}

int check_step(struct check_job *j, int (*stop)(void *arg), void *stop_arg, struct err *e)
{
	if (!j->k.stopped && (j->sweep_due || j->next < ARRAY_LEN(scans))) {
		if (stop)
			db_set_interrupt(j->k.c->db, stop, stop_arg);
		int ret = step_once(j, e);
		if (stop)
			db_set_interrupt(j->k.c->db, NULL, NULL);
		if (ret < 0)
			return -1;
	}
	return j->k.stopped || (!j->sweep_due && j->next >= ARRAY_LEN(scans)) ? 1 : 0;
}

void check_free(struct check_job *j)
{
	if (!j)
		return;
	for (size_t i = 0; i < j->k.ngrids; i++)
		free(j->k.grids[i].mid);
	free(j->k.grids);
	free(j->k.all);
	check_store_end(j->memo);
	free(j);
}

int check_run(struct ctx *c, int64_t event,
              int (*fn)(void *arg, const char *kind, const char *message), void *arg, struct err *e)
{
	struct check_job *j = check_start(c, event, fn, arg);
	int ret;
	while ((ret = check_step(j, NULL, NULL, e)) == 0)
		;
	check_free(j);
	return ret < 0 ? -1 : 0;
}
