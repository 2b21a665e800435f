/* demo_plan.c - the demo's planner: from the data tables and a seeded
 * xorshift64* generator (so every run gives the same rows) it plans every
 * row in memory, with volunteers staffed by a planner that keeps the rules
 * of SPEC section 3 by construction. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_internal.h"
#include "rules.h"
#include "tz.h"
#include "xmalloc.h"

/* ---- deterministic randomness (xorshift64*) ------------------------------ */

static uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * UINT64_C(0x2545F4914F6CDD1D);
}

/* 0 .. n-1 (0 when n is 0). */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return n ? (unsigned)((rng_next(r) >> 32) % n) : 0;
}

static bool rng_pct(struct rng *r, unsigned pct)
{
	return rng_below(r, 100) < pct;
}

/* ---- calendar dates as YYYYMMDD integers --------------------------------- */

/* Days since 1970-01-01 of a YYYYMMDD date, and back (core/tz.c's algorithm). */
static int64_t ymd_days(int32_t ymd)
{
	return tz_days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

static int32_t days_ymd(int64_t z)
{
	int64_t y;
	int m, d;
	tz_civil_from_days(z, &y, &m, &d);
	return (int32_t)(y * 10000 + m * 100 + d);
}

static int32_t ymd_add(int32_t ymd, int64_t days)
{
	return days_ymd(ymd_days(ymd) + days);
}

/* Whole years from birth to date (both YYYYMMDD). */
static int age_on(int32_t birth, int32_t date)
{
	return (date - birth) / 10000;
}

/* ---- storage helpers: growable arrays, string arena, counting map -------- */

/* v with room for element n (size bytes each): when full, cap doubles. */
static void *vec_room(void *v, size_t *cap, size_t n, size_t size)
{
	if (n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		v = xrealloc(v, *cap * size);
	}
	return v;
}

/* Append one zeroed element to a VEC and point at it (typed); earlier
 * pointers into it may move. */
#define VEC_PUSH(x)                                                                                \
	((x).v = vec_room((x).v, &(x).cap, (x).n, sizeof *(x).v),                                  \
	 memset(&(x).v[(x).n], 0, sizeof *(x).v), &(x).v[(x).n++])

static const char *arena_str(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	if (a->used + n > a->cap) {
		a->cap = n > 65536 ? n : 65536;
		a->block = xmalloc(a->cap);
		a->used = 0;
		*VEC_PUSH(a->blocks) = a->block;
	}
	char *at = a->block + a->used;
	memcpy(at, s, n);
	a->used += n;
	return at;
}

static void arena_free(struct arena *a)
{
	for (size_t i = 0; i < a->blocks.n; i++)
		free(a->blocks.v[i]);
	free(a->blocks.v);
}

static size_t map_home(uint64_t key, size_t cap)
{
	return (size_t)((key * UINT64_C(0x9E3779B97F4A7C15)) >> 20) & (cap - 1);
}

static void map_grow(struct map *m)
{
	struct map old = *m;
	m->cap = old.cap ? old.cap * 2 : 1024;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.vals[i])
			continue;
		size_t j = map_home(old.keys[i], m->cap);
		while (m->vals[j])
			j = (j + 1) & (m->cap - 1);
		m->keys[j] = old.keys[i];
		m->vals[j] = old.vals[i];
	}
	free(old.keys);
	free(old.vals);
}

/* Count one more key; returns how many times it has now been seen. */
static uint32_t map_bump(struct map *m, uint64_t key)
{
	if ((m->n + 1) * 2 > m->cap)
		map_grow(m);
	size_t j = map_home(key, m->cap);
	while (m->vals[j] && m->keys[j] != key)
		j = (j + 1) & (m->cap - 1);
	if (!m->vals[j]) {
		m->keys[j] = key;
		m->n++;
	}
	return ++m->vals[j];
}

static void map_free(struct map *m)
{
	free(m->keys);
	free(m->vals);
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
	return h;
}

/* ---- plan helpers -------------------------------------------------------- */

static const char *plan_fmt(struct plan *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static const char *plan_fmt(struct plan *p, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return arena_str(&p->text, buf);
}

/* The UTC instant of a local date and minute of the day in tz. */
static int64_t at_local(struct plan *p, const char *tz, int32_t ymd, int minute)
{
	int64_t t = 0;
	struct err e = {ERR_NONE, ""};
	if (tz_from_local(tz, ymd / 10000, ymd / 100 % 100, ymd % 100, minute / 60, minute % 60, 0,
	                  &t, &e) < 0 &&
	    !p->failed) {
		p->err = e;
		p->failed = true;
	}
	return t;
}

static int32_t add_org(struct plan *p, const char *name, const char *sector, const char *slug,
                       const char *notes);

/* ---- adding rows to the plan --------------------------------------------- */

/* A name from a culture drawn by weight; the ASCII parts go to *email_local. */
static const char *make_name(struct plan *p, char *email_local, size_t n)
{
	unsigned total = 0;
	for (size_t i = 0; i < demo_cultures_n; i++)
		total += demo_cultures[i].weight;
	unsigned pick = rng_below(&p->rng, total);
	const struct culture *c = demo_cultures;
	while (pick >= c->weight)
		pick -= c++->weight;
	const struct name *g = &c->given[rng_below(&p->rng, (unsigned)c->ngiven)];
	const struct name *f = &c->family[rng_below(&p->rng, (unsigned)c->nfamily)];
	snprintf(email_local, n, "%s.%s", g->ascii, f->ascii);
	if (c->family_first)
		return plan_fmt(p, "%s%s%s", f->text, c->sep, g->text);
	return plan_fmt(p, "%s%s%s", g->text, c->sep, f->text);
}

/* A fictional address, unique case-insensitively: first.last, then first.last2 ... */
static const char *make_email(struct plan *p, const char *local)
{
	uint32_t seen = map_bump(&p->emails, fnv1a(local));
	const char *domain = rng_below(&p->rng, 3) ? "example.org" : "example.net";
	if (seen == 1)
		return plan_fmt(p, "%s@%s", local, domain);
	return plan_fmt(p, "%s%u@%s", local, (unsigned)seen, domain);
}

/* A volunteer code no one else has, from the kiosk alphabet. */
static void make_code(struct plan *p, char *code)
{
	static const char alphabet[] = PERSON_CODE_ALPHABET;
	for (;;) {
		uint64_t key = 0;
		for (int i = 0; i < PERSON_CODE_LEN; i++) {
			unsigned k = rng_below(&p->rng, sizeof alphabet - 1);
			code[i] = alphabet[k];
			key = key * 32 + k;
		}
		code[PERSON_CODE_LEN] = '\0';
		if (map_bump(&p->codes, key) == 1)
			return;
	}
}

enum age_band { AGE_NONE, AGE_ADULT, AGE_VOLUNTEER };

/* What a new person is: their org (-1 none), how likely an email, an age. */
struct who {
	int32_t org;
	unsigned email_pct;
	enum age_band age;
	int32_t age_ref; /* the date ages refer to (YYYYMMDD) */
	bool confidential;
	const char *notes;
};

/* Volunteers include a few minors and under-21s, so minimum ages matter. */
static int32_t make_birth(struct plan *p, enum age_band band, int32_t ref)
{
	unsigned roll = rng_below(&p->rng, 100);
	int age = 22 + (int)rng_below(&p->rng, 48);
	if (band == AGE_VOLUNTEER && roll < 6)
		age = 15 + (int)rng_below(&p->rng, 3);
	else if (band == AGE_VOLUNTEER && roll < 16)
		age = 18 + (int)rng_below(&p->rng, 3);
	int64_t days = (int64_t)age * 146097 / 400 + 2 + rng_below(&p->rng, 360);
	return ymd_add(ref, -days);
}

static int32_t add_person(struct plan *p, const struct who *w)
{
	char local[128];
	const char *name = make_name(p, local, sizeof local);
	int32_t i = (int32_t)p->people.n;
	struct p_person *x = VEC_PUSH(p->people);
	x->name = name;
	x->org = w->org;
	x->confidential = w->confidential;
	x->notes = w->notes;
	if (rng_pct(&p->rng, w->email_pct))
		x->email = make_email(p, local);
	if (rng_pct(&p->rng, 75))
		snprintf(x->phone, sizeof x->phone, "+1-%s-555-01%02u", p->area,
		         rng_below(&p->rng, 100));
	if (w->age != AGE_NONE)
		x->birth = make_birth(p, w->age, w->age_ref);
	make_code(p, x->code);
	return i;
}

static void add_busy(struct plan *p, int32_t person, int64_t starts, int64_t ends, int32_t date,
                     bool work)
{
	struct p_person *x = PERSON(p, person);
	XGROW(x->busy, x->nbusy, x->capbusy, 4);
	x->busy[x->nbusy++] = (struct busy){starts, ends, date, work};
}

static void add_person_skill(struct plan *p, int32_t person, int skill, int32_t expires)
{
	struct p_person *x = PERSON(p, person);
	x->skills |= (uint8_t)(1u << skill);
	x->expires[skill] = expires;
	struct p_pskill *ps = VEC_PUSH(p->pskills);
	ps->person = person;
	ps->skill = skill;
	ps->expires = expires;
}

static void add_reg(struct plan *p, int32_t event, int32_t person, const char *kind)
{
	struct p_reg *r = VEC_PUSH(p->regs);
	r->event = event;
	r->person = person;
	r->kind = kind;
}

/* New people, each registered for event with kind; indices go to out (may be NULL). */
static void add_people(struct plan *p, int32_t event, const char *kind, int count,
                       const struct who *w, int32_t *out)
{
	for (int k = 0; k < count; k++) {
		int32_t i = add_person(p, w);
		add_reg(p, event, i, kind);
		if (out)
			out[k] = i;
	}
}

static int32_t add_room(struct plan *p, int32_t event, const char *name, int capacity,
                        const char *kind)
{
	struct p_room *r = VEC_PUSH(p->rooms);
	r->event = event;
	r->name = name;
	r->capacity = capacity;
	r->kind = kind;
	return (int32_t)(p->rooms.n - 1);
}

static int32_t add_session(struct plan *p, int32_t event, int32_t room, const struct topic *t,
                           int64_t starts, int64_t ends)
{
	struct p_session *s = VEC_PUSH(p->sessions);
	s->event = event;
	s->room = room;
	s->title = t->title;
	s->kind = t->kind;
	s->description = t->about;
	s->status = "confirmed";
	s->starts = starts;
	s->ends = ends;
	return (int32_t)(p->sessions.n - 1);
}

static void add_speaker(struct plan *p, int32_t session, int32_t person, const char *role)
{
	struct p_speaker *s = VEC_PUSH(p->speakers);
	s->session = session;
	s->person = person;
	s->role = role;
	add_busy(p, person, SESSION(p, session)->starts, SESSION(p, session)->ends, 0, false);
}

static int32_t add_booth(struct plan *p, int32_t event, int32_t org, int32_t room,
                         const char *label, int64_t starts, int64_t ends)
{
	struct p_booth *b = VEC_PUSH(p->booths);
	b->event = event;
	b->org = org;
	b->room = room;
	b->label = label;
	b->starts = starts;
	b->ends = ends;
	return (int32_t)(p->booths.n - 1);
}

static int32_t add_role(struct plan *p, int32_t event, const char *name, const char *about,
                        int skill, int min_age, int32_t lead)
{
	struct p_role *r = VEC_PUSH(p->roles);
	r->event = event;
	r->name = name;
	r->description = about;
	r->skill = skill;
	r->min_age = min_age;
	r->lead = lead;
	return (int32_t)(p->roles.n - 1);
}

/* Where and when a shift is; the planner staffs it later. */
struct shift_at {
	int32_t room, booth, date;
	int64_t starts, ends;
	const char *notes;
};

static void add_shift(struct plan *p, int32_t event, int32_t role, const struct shift_at *at,
                      int need_min, int need_max)
{
	struct p_shift *s = VEC_PUSH(p->shifts);
	s->event = event;
	s->role = role;
	s->room = at->room;
	s->booth = at->booth;
	s->date = at->date;
	s->starts = at->starts;
	s->ends = at->ends;
	s->need_min = need_min;
	s->need_max = need_max;
	s->notes = at->notes;
}

/* Windows of one person must be added one after another. */
static void add_avail(struct plan *p, int32_t person, int32_t event, int64_t starts, int64_t ends)
{
	struct p_person *x = PERSON(p, person);
	if (!x->navail)
		x->avail0 = (uint32_t)p->avails.n;
	x->navail++;
	struct p_avail *a = VEC_PUSH(p->avails);
	a->person = person;
	a->event = event;
	a->starts = starts;
	a->ends = ends;
}

static int32_t add_org(struct plan *p, const char *name, const char *sector, const char *slug,
                       const char *notes)
{
	char local[128];
	struct p_org *o = VEC_PUSH(p->orgs);
	o->name = name;
	o->sector = sector;
	o->contact = make_name(p, local, sizeof local);
	o->email = plan_fmt(p, "info@%s.example.org", slug);
	o->phone = plan_fmt(p, "+1-%s-555-01%02u", p->area, rng_below(&p->rng, 100));
	o->website = plan_fmt(p, "https://%s.example.org", slug);
	o->notes = notes;
	return (int32_t)(p->orgs.n - 1);
}

static void add_seed_orgs(struct plan *p)
{
	for (size_t i = 0; i < ARRAY_LEN(demo_org_seeds); i++)
		add_org(p, demo_org_seeds[i].name, demo_org_seeds[i].sector, demo_org_seeds[i].slug,
		        demo_org_seeds[i].notes);
}

/* Large set: every place x kind, after the seeds. */
static void add_generated_orgs(struct plan *p)
{
	for (size_t k = 0; k < demo_org_kinds_n; k++) {
		for (size_t i = 0; i < demo_org_places_n; i++) {
			const char *name =
			    plan_fmt(p, "%s %s", demo_org_places[i], demo_org_kinds[k].kind);
			char slug[64];
			size_t n = 0;
			for (const char *s = name; *s && n + 1 < sizeof slug; s++)
				if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
					slug[n++] = (char)(*s | 0x20);
			slug[n] = '\0';
			add_org(p, name, demo_org_kinds[k].sector, slug, NULL);
		}
	}
}

/* Give each skill to an exact share of vols: a slice of one shuffled order,
 * each skill starting elsewhere, so some people hold several. */
static void give_skills(struct plan *p, const int32_t *vols, size_t n,
                        const struct skill_rate *rates, size_t nrates, int32_t ref)
{
	if (n == 0)
		return;
	int32_t *order = xmalloc(n * sizeof *order);
	memcpy(order, vols, n * sizeof *order);
	for (size_t i = n - 1; i > 0; i--) {
		size_t j = rng_below(&p->rng, (unsigned)i + 1);
		int32_t t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (size_t r = 0; r < nrates; r++) {
		size_t count = (n * rates[r].pct + 99) / 100,
		       start = rng_below(&p->rng, (unsigned)n);
		for (size_t k = 0; k < count && k < n; k++) {
			int32_t expires = 0;
			if (rng_pct(&p->rng, rates[r].expiring_pct))
				expires = ymd_add(ref, -200 + (int64_t)rng_below(&p->rng, 1100));
			add_person_skill(p, order[(start + k) % n], rates[r].skill, expires);
		}
	}
	free(order);
}

/* ---- the staffing planner: SPEC section 3 by construction ---------------- */

/* Inside one of the person's windows for the shift's event, or no windows. */
static bool inside_windows(const struct plan *p, const struct p_person *x, const struct p_shift *s)
{
	bool any = false;
	for (uint32_t k = 0; k < x->navail; k++) {
		const struct p_avail *a = AVAIL(p, x->avail0 + k);
		if (a->event != s->event)
			continue;
		any = true;
		if (a->starts <= s->starts && s->ends <= a->ends)
			return true;
	}
	return !any;
}

/* Could person take shift s? Skill held and unexpired on the day, minimum
 * age met, inside availability, not speaking then, no overlap, rest kept
 * before and after every other shift, and the day's hours under the cap.
 * Boundaries are kept with a margin (a gap of exactly the minimum rest, a
 * skill expiring on the shift's day), so the data holds however a checker
 * reads them. */
static bool can_work(const struct plan *p, int32_t person, const struct p_shift *s)
{
	const struct p_person *x = PERSON(p, person);
	const struct p_role *r = ROLE(p, s->role);
	if (r->skill >= 0 && (!(x->skills & (1u << r->skill)) ||
	                      (x->expires[r->skill] && x->expires[r->skill] <= s->date)))
		return false;
	if (r->min_age > 0 && (!x->birth || age_on(x->birth, s->date) < r->min_age))
		return false;
	if (!inside_windows(p, x, s))
		return false;
	int64_t day = s->ends - s->starts;
	for (uint16_t k = 0; k < x->nbusy; k++) {
		const struct busy *b = &x->busy[k];
		int64_t gap = b->work ? p->rest : 0;
		if (b->starts <= s->ends + gap && s->starts <= b->ends + gap)
			return false;
		if (b->work && b->date == s->date)
			day += b->ends - b->starts;
	}
	return day <= p->max_day;
}

/* How many to staff: mostly between need_min and need_max, some visibly short. */
static int shift_target(struct plan *p, const struct p_shift *s)
{
	unsigned roll = rng_below(&p->rng, 100);
	if (roll < 20)
		return s->need_min > 1 ? s->need_min - 1 : 0;
	if (roll < 30)
		return s->need_max;
	return s->need_min + (int)rng_below(&p->rng, (unsigned)(s->need_max - s->need_min + 1));
}

/* The volunteers who could ever take a role, walked round-robin. */
struct pool {
	int32_t *who;
	size_t n, next;
};

static void fill_shift(struct plan *p, int32_t shift, struct pool *pool)
{
	const struct p_shift *s = SHIFT(p, shift);
	int want = shift_target(p, s), have = 0;
	size_t tries = pool->n < 400 ? pool->n : 400;
	while (have < want && tries-- > 0) {
		int32_t who = pool->who[pool->next];
		pool->next = (pool->next + 1) % pool->n;
		if (!can_work(p, who, s))
			continue;
		struct p_assign *a = VEC_PUSH(p->assigns);
		a->shift = shift;
		a->person = who;
		a->status = rng_pct(&p->rng, 65) ? "confirmed" : "signed_up";
		add_busy(p, who, s->starts, s->ends, s->date, true);
		have++;
	}
}

/* Skilled roles first, then roles with a minimum age, then the rest; by time. */
struct shift_order {
	int rank;
	int64_t starts;
	int32_t shift;
};

static int shift_order_cmp(const void *a, const void *b)
{
	const struct shift_order *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->starts != y->starts)
		return x->starts < y->starts ? -1 : 1;
	return x->shift < y->shift ? -1 : x->shift > y->shift;
}

/* Staff the shifts from first_shift on (roles from first_role on) with vols. */
static void staff_event(struct plan *p, const int32_t *vols, size_t nvol, size_t first_role,
                        size_t first_shift)
{
	size_t nroles = p->roles.n - first_role, nshifts = p->shifts.n - first_shift;
	struct pool *pools = xcalloc(nroles ? nroles : 1, sizeof *pools);
	for (size_t r = 0; r < nroles; r++) {
		int skill = ROLE(p, first_role + r)->skill;
		pools[r].who = xmalloc((nvol ? nvol : 1) * sizeof *pools[r].who);
		for (size_t k = 0; k < nvol; k++)
			if (skill < 0 || (PERSON(p, vols[k])->skills & (1u << skill)))
				pools[r].who[pools[r].n++] = vols[k];
	}
	struct shift_order *order = xmalloc((nshifts ? nshifts : 1) * sizeof *order);
	for (size_t i = 0; i < nshifts; i++) {
		const struct p_shift *s = SHIFT(p, first_shift + i);
		const struct p_role *r = ROLE(p, s->role);
		order[i].rank = r->skill >= 0 ? 0 : r->min_age > 0 ? 1 : 2;
		order[i].starts = s->starts;
		order[i].shift = (int32_t)(first_shift + i);
	}
	qsort(order, nshifts, sizeof *order, shift_order_cmp);
	for (size_t i = 0; i < nshifts; i++) {
		int32_t s = order[i].shift;
		fill_shift(p, s, &pools[(size_t)SHIFT(p, s)->role - first_role]);
	}
	for (size_t r = 0; r < nroles; r++)
		free(pools[r].who);
	free(pools);
	free(order);
}

static bool is_busy(const struct plan *p, int32_t person, int64_t starts, int64_t ends)
{
	const struct p_person *x = PERSON(p, person);
	for (uint16_t k = 0; k < x->nbusy; k++)
		if (x->busy[k].starts < ends && starts < x->busy[k].ends)
			return true;
	return false;
}

/* ---- events -------------------------------------------------------------- */

static int32_t add_event(struct plan *p, const struct event_seed *s)
{
	int32_t last = ymd_add(s->first_day, s->days - 1);
	struct p_event *ev = VEC_PUSH(p->events);
	ev->name = s->name;
	ev->tz = s->tz;
	ev->venue = s->venue;
	ev->address = s->address;
	ev->description = s->description;
	ev->status = "published";
	ev->capacity = s->capacity;
	ev->host = s->host;
	int32_t i = (int32_t)(p->events.n - 1);
	int64_t starts = at_local(p, s->tz, s->first_day, s->day_start);
	int64_t ends = at_local(p, s->tz, last, s->day_end);
	int64_t setup = at_local(p, s->tz, s->first_day, s->setup_start);
	int64_t teardown = at_local(p, s->tz, last, s->teardown_end);
	ev = EVENT(p, i);
	ev->starts = starts;
	ev->ends = ends;
	ev->setup = setup;
	ev->teardown = teardown;
	return i;
}

/* ---- the one-day community gathering (small set) ------------------------- */

static void gathering_people(struct plan *p, int32_t ev, int32_t *staff, int32_t *vols)
{
	static const int32_t staff_orgs[G_STAFF] = {O_LAKESHORE, O_LAKESHORE, O_SOUTHSIDE};
	for (int k = 0; k < G_STAFF; k++) {
		struct who w = {staff_orgs[k], 100, AGE_NONE, 0, false, "Coalition staff"};
		add_people(p, ev, "staff", 1, &w, &staff[k]);
	}
	struct who vw = {-1, 90, AGE_VOLUNTEER, G_DATE, false, NULL};
	add_people(p, ev, "volunteer", G_VOLUNTEERS, &vw, vols);
	PERSON(p, vols[YOUTH_SPEAKER])->org = O_NORTHSIDE_YOUTH;
	PERSON(p, vols[YOUTH_SPEAKER])->birth = 20030611;
	give_skills(p, vols, G_VOLUNTEERS, demo_gathering_rates, demo_gathering_rates_n, G_DATE);
	for (size_t k = 0; k < demo_gathering_windows_n; k++)
		add_avail(
		    p, vols[demo_gathering_windows[k][0]], ev,
		    at_local(p, demo_gathering_event.tz, G_DATE, demo_gathering_windows[k][1]),
		    at_local(p, demo_gathering_event.tz, G_DATE, demo_gathering_windows[k][2]));
}

static void gathering_program(struct plan *p, int32_t ev, int32_t room0, const int32_t *vols)
{
	int32_t first = (int32_t)p->sessions.n, speakers[G_SPEAKERS];
	for (size_t k = 0; k < demo_gathering_sessions_n; k++) {
		struct topic t = {demo_gathering_sessions[k].title, demo_gathering_sessions[k].kind,
		                  demo_gathering_sessions[k].about};
		add_session(
		    p, ev, room0 + demo_gathering_sessions[k].room, &t,
		    at_local(p, demo_gathering_event.tz, G_DATE, demo_gathering_sessions[k].start),
		    at_local(p, demo_gathering_event.tz, G_DATE, demo_gathering_sessions[k].end));
	}
	SESSION(p, first + 2)->capacity = 60;
	for (size_t k = 0; k < demo_gathering_speakers_n; k++) {
		struct who w = {demo_gathering_speakers[k].org,
		                100,
		                AGE_NONE,
		                0,
		                demo_gathering_speakers[k].confidential,
		                demo_gathering_speakers[k].notes};
		add_people(p, ev, "speaker", 1, &w, &speakers[k]);
	}
	for (size_t k = 0; k < demo_gathering_talks_n; k++) {
		int who = demo_gathering_talks[k].who;
		add_speaker(p, first + demo_gathering_talks[k].session,
		            demo_gathering_talks[k].by_volunteer ? vols[who] : speakers[who],
		            demo_gathering_talks[k].role);
	}
}

static void gathering_fair(struct plan *p, int32_t ev, int32_t fair, int32_t *booths)
{
	int64_t opens = at_local(p, demo_gathering_event.tz, G_DATE, HM(9, 30));
	int64_t closes = at_local(p, demo_gathering_event.tz, G_DATE, HM(16, 0));
	for (int k = 0; k < G_BOOTHS; k++) {
		int32_t org = O_POLICE + k;
		booths[k] = add_booth(p, ev, org, fair, plan_fmt(p, "B%02d", k + 1), opens, closes);
		if (k < 6) {
			struct who w = {org, 100, AGE_NONE, 0, false, "Booth contact"};
			add_people(p, ev, "partner", 1, &w, NULL);
		}
	}
}

/* Attendees (some with an org, some without email) and the press. */
static void gathering_audience(struct plan *p, int32_t ev)
{
	struct who press = {-1, 100, AGE_NONE, 0, false, "Press: local radio and newspaper"};
	add_people(p, ev, "press", 2, &press, NULL);
	for (int k = 0; k < 84; k++) {
		struct who w = {rng_pct(&p->rng, 15) ? (int32_t)rng_below(&p->rng, 18) : -1,
		                85,
		                AGE_NONE,
		                0,
		                false,
		                NULL};
		int32_t i = add_person(p, &w);
		add_reg(p, ev, i, "attendee");
		*VEC_PUSH(p->history) = i;
	}
}

static void gathering_staffing(struct plan *p, int32_t ev, int32_t room0, const int32_t *staff,
                               const int32_t *vols, const int32_t *booths)
{
	size_t first_role = p->roles.n, first_shift = p->shifts.n;
	int32_t av_lead = vols[0];
	for (int k = G_VOLUNTEERS - 1; k >= 0; k--)
		if (PERSON(p, vols[k])->skills & (1u << SK_AV))
			av_lead = vols[k];
	for (size_t k = 0; k < demo_gathering_roles_n; k++)
		add_role(p, ev, demo_gathering_roles[k].name, demo_gathering_roles[k].about,
		         demo_gathering_roles[k].skill, demo_gathering_roles[k].min_age,
		         k < G_STAFF ? staff[k] : av_lead);
	for (size_t k = 0; k < demo_gathering_shifts_n; k++) {
		struct shift_at at = {
		    demo_gathering_shifts[k].room >= 0 ? room0 + demo_gathering_shifts[k].room : -1,
		    demo_gathering_shifts[k].booth >= 0 ? booths[demo_gathering_shifts[k].booth]
		                                        : -1,
		    G_DATE,
		    at_local(p, demo_gathering_event.tz, G_DATE, demo_gathering_shifts[k].start),
		    at_local(p, demo_gathering_event.tz, G_DATE, demo_gathering_shifts[k].end),
		    demo_gathering_shifts[k].notes,
		};
		add_shift(p, ev, (int32_t)first_role + demo_gathering_shifts[k].role, &at,
		          demo_gathering_shifts[k].need_min, demo_gathering_shifts[k].need_max);
	}
	staff_event(p, vols, G_VOLUNTEERS, first_role, first_shift);
}

static void build_gathering(struct plan *p)
{
	int32_t staff[G_STAFF], vols[G_VOLUNTEERS], booths[G_BOOTHS];
	p->area = "312";
	int32_t ev = add_event(p, &demo_gathering_event);
	int32_t room0 = (int32_t)p->rooms.n;
	for (size_t k = 0; k < demo_gathering_rooms_n; k++)
		add_room(p, ev, demo_gathering_rooms[k].name, demo_gathering_rooms[k].capacity,
		         demo_gathering_rooms[k].kind);
	gathering_people(p, ev, staff, vols);
	gathering_program(p, ev, room0, vols);
	gathering_fair(p, ev, room0 + G_FAIR, booths);
	gathering_audience(p, ev);
	gathering_staffing(p, ev, room0, staff, vols, booths);
}

/* ---- conferences: the two-day forum (small) and the scale set (large) ---- */

/* A conference being built: what later steps refer to. */
struct conf {
	const struct conf_spec *s;
	int32_t event, plenary, first_breakout, first_exhibit, stage, first_booth;
	size_t nbooths, first_reg, first_session, org_next;
	int32_t *vols, *staff, *spk;
	size_t nspk, spk_next;
	int32_t role_of[NCONF_ROLES];
};

/* Breakout slots and plenary times of every conference day (minutes). */
static const int slot_times[][2] = {
    {HM(9, 45), HM(11, 0)},
    {HM(11, 15), HM(12, 30)},
    {HM(13, 45), HM(15, 0)},
    {HM(15, 15), HM(16, 30)},
};
#define OPENING_AT HM(8, 30)
#define OPENING_TO HM(9, 30)
#define LUNCH_AT   HM(12, 30)
#define LUNCH_TO   HM(13, 45)
#define CLOSING_AT HM(16, 45)
#define CLOSING_TO HM(17, 30)
#define EVENING_AT HM(18, 30)
#define EVENING_TO HM(20, 0)

/* Sign-ups for breakouts. */
#define WORKSHOP_SEATS 40 /* hands-on: a workshop fills and keeps a waitlist */
#define SIGNUP_PCT     35 /* an attendee signs up for one breakout of a slot */
#define WAITLIST_MAX   6  /* beyond this, an attendee picks nothing that slot */

static int32_t conf_date(const struct conf *c, int day)
{
	return ymd_add(c->s->ev.first_day, day);
}

static int64_t conf_at(struct plan *p, const struct conf *c, int day, int minute)
{
	return at_local(p, c->s->ev.tz, conf_date(c, day), minute);
}

static int32_t conf_org(struct conf *c)
{
	const struct conf_spec *s = c->s;
	size_t k = c->org_next++ % (size_t)s->norgs;
	return s->orgs ? s->orgs[k] : s->org_first + (int32_t)k;
}

/* The first org of a sector among the partners (or the host). */
static int32_t conf_org_of(const struct plan *p, const struct conf *c, const char *sector)
{
	for (int k = 0; k < c->s->norgs; k++) {
		int32_t o = c->s->orgs ? c->s->orgs[k] : c->s->org_first + k;
		if (strcmp(ORG(p, o)->sector, sector) == 0)
			return o;
	}
	return c->s->ev.host;
}

static void conf_rooms(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	c->plenary = add_room(p, c->event, s->plenary, s->plenary_cap, "hall");
	c->first_breakout = (int32_t)p->rooms.n;
	for (int k = 0; k < s->nbreakouts; k++) {
		const char *name = s->breakouts
		                       ? s->breakouts[k]
		                       : plan_fmt(p, "Room %d", 100 * (1 + k / 10) + 1 + k % 10);
		add_room(p, c->event, name, 100 + 25 * (k % 5), "room");
	}
	c->first_exhibit = (int32_t)p->rooms.n;
	for (int k = 0; k < s->nexhibits; k++)
		add_room(p, c->event,
		         s->nexhibits > 1 ? plan_fmt(p, "Exhibit Hall %c", s->booth_prefix[k])
		                          : "Exhibit Hall",
		         600, "booth_area");
	c->stage = s->stage ? add_room(p, c->event, s->stage, 2000, "outdoor") : -1;
}

/* A window of block first .. block last on day d. */
static void conf_window(struct plan *p, const struct conf *c, int32_t person, int d, int first,
                        int last)
{
	const struct conf_spec *s = c->s;
	add_avail(p, person, c->event, conf_at(p, c, d, s->block_start + first * s->block_len),
	          conf_at(p, c, d, s->block_start + (last + 1) * s->block_len));
}

static void conf_volunteers(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	struct who staff = {s->ev.host, 100, AGE_NONE, 0, false, "Event staff"};
	struct who vol = {-1, 92, AGE_VOLUNTEER, s->ev.first_day, false, NULL};
	c->staff = xmalloc((size_t)s->staff * sizeof *c->staff);
	c->vols = xmalloc((size_t)s->volunteers * sizeof *c->vols);
	add_people(p, c->event, "staff", s->staff, &staff, c->staff);
	add_people(p, c->event, "volunteer", s->volunteers, &vol, c->vols);
	for (int k = 0; k < s->volunteers; k++)
		if (rng_pct(&p->rng, 12))
			PERSON(p, c->vols[k])->org = conf_org(c);
	give_skills(p, c->vols, (size_t)s->volunteers, s->rates, s->nrates, s->ev.first_day);
	int half = s->nblocks / 2;
	for (int k = 0; k < s->volunteers; k++) {
		if (!rng_pct(&p->rng, (unsigned)s->avail_pct))
			continue;
		int d = (int)rng_below(&p->rng, (unsigned)s->ev.days);
		switch (rng_below(&p->rng, 3)) {
		case 0:
			conf_window(p, c, c->vols[k], d, 0, s->nblocks - 1);
			break;
		case 1:
			conf_window(p, c, c->vols[k], d, 0, half - 1);
			break;
		default:
			conf_window(p, c, c->vols[k], d, half, s->nblocks - 1);
			break;
		}
	}
}

/* Speakers: new people (survivors among them, confidential) and a few
 * volunteers, in one round-robin pool. */
static void conf_speaker_pool(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	c->spk = xmalloc((size_t)(s->speakers + s->vol_speakers) * sizeof *c->spk);
	int32_t survivors_org = conf_org_of(p, c, "ngo");
	int spacing = s->speakers / (s->survivors + 1) > 0 ? s->speakers / (s->survivors + 1) : 1;
	for (int k = 0; k < s->speakers; k++) {
		bool survivor = (k + 1) % spacing == 0 && (k + 1) / spacing <= s->survivors;
		struct who w = {
		    rng_pct(&p->rng, 80) ? conf_org(c) : -1, 95, AGE_NONE, 0, false, NULL};
		if (survivor)
			w = (struct who){.org = survivors_org,
			                 .email_pct = 100,
			                 .confidential = true,
			                 .notes =
			                     "Survivor speaker: first name only on screens and "
			                     "badges; no photos."};
		add_people(p, c->event, "speaker", 1, &w, &c->spk[c->nspk++]);
	}
	/* Volunteers who also speak: their sessions keep them off shifts. */
	int step = s->volunteers / (s->vol_speakers + 1);
	for (int k = 1; k <= s->vol_speakers; k++) {
		size_t at = (size_t)k * c->nspk / (size_t)(k + 1);
		memmove(&c->spk[at + 1], &c->spk[at], (c->nspk - at) * sizeof *c->spk);
		c->spk[at] = c->vols[k * step];
		c->nspk++;
	}
}

static int32_t next_speaker(struct plan *p, struct conf *c, int32_t session)
{
	const struct p_session *s = SESSION(p, session);
	for (size_t tries = 0; tries < c->nspk; tries++) {
		int32_t who = c->spk[c->spk_next];
		c->spk_next = (c->spk_next + 1) % c->nspk;
		if (!is_busy(p, who, s->starts, s->ends))
			return who;
	}
	return -1;
}

static void conf_talks(struct plan *p, struct conf *c, int32_t session)
{
	const char *kind = SESSION(p, session)->kind;
	for (size_t k = 0; k < demo_speaker_patterns_n; k++) {
		if (strcmp(demo_speaker_patterns[k].kind, kind) != 0)
			continue;
		for (int r = 0; r < 4 && demo_speaker_patterns[k].roles[r]; r++) {
			int32_t who = next_speaker(p, c, session);
			if (who >= 0)
				add_speaker(p, session, who, demo_speaker_patterns[k].roles[r]);
		}
	}
}

static int32_t conf_session(struct plan *p, struct conf *c, int32_t room, const struct topic *t,
                            int day, int from, int to)
{
	int32_t s =
	    add_session(p, c->event, room, t, conf_at(p, c, day, from), conf_at(p, c, day, to));
	conf_talks(p, c, s);
	return s;
}

static void conf_plenaries(struct plan *p, struct conf *c, int d)
{
	const struct conf_spec *s = c->s;
	int last = s->ev.days - 1;
	struct topic opening = {demo_opening_titles[d < 3 ? d : 3], "general",
	                        "Keynotes and the day's program."};
	struct topic lunch = {"Lunch and networking", "break", "Lunch in the hall."};
	struct topic closing = {demo_closing_titles[d == last ? 3
	                                            : d < 2   ? d
	                                                      : 2],
	                        "general", "Highlights of the day and what comes next."};
	conf_session(p, c, c->plenary, &opening, d, OPENING_AT, OPENING_TO);
	conf_session(p, c, c->plenary, &lunch, d, LUNCH_AT, LUNCH_TO);
	conf_session(p, c, c->plenary, &closing, d, CLOSING_AT, CLOSING_TO);
	if (c->stage >= 0) {
		struct topic evening = {demo_evening_titles[d % 4], "general",
		                        "Open to everyone; outdoors, weather permitting."};
		conf_session(p, c, c->stage, &evening, d, EVENING_AT, EVENING_TO);
	}
}

static void conf_breakouts(struct plan *p, struct conf *c, int d, size_t *count)
{
	const struct conf_spec *s = c->s;
	for (int slot = 0; slot < (int)ARRAY_LEN(slot_times); slot++) {
		for (int r = 0; r < s->nbreakouts; r++) {
			if (s->skip_every && r == s->nbreakouts - 1 &&
			    (d * (int)ARRAY_LEN(slot_times) + slot) % s->skip_every == 0)
				continue;
			size_t k = (*count)++;
			struct topic t = demo_topics[k % demo_topics_n];
			if (s->regional_titles)
				t.title =
				    plan_fmt(p, "%s (%s)", t.title,
				             demo_regions[k / demo_topics_n % demo_regions_n]);
			int32_t sess = conf_session(p, c, c->first_breakout + r, &t, d,
			                            slot_times[slot][0], slot_times[slot][1]);
			if (k % 17 == 16)
				SESSION(p, sess)->status = "tentative";
			if (strcmp(t.kind, "workshop") == 0)
				SESSION(p, sess)->capacity = WORKSHOP_SEATS;
		}
	}
}

static void conf_program(struct plan *p, struct conf *c)
{
	size_t count = 0;
	c->first_session = p->sessions.n;
	for (int d = 0; d < c->s->ev.days; d++) {
		conf_plenaries(p, c, d);
		conf_breakouts(p, c, d, &count);
	}
}

static void conf_partner(struct plan *p, struct conf *c, int32_t org)
{
	struct who w = {org, 100, AGE_NONE, 0, false, "Booth contact"};
	add_people(p, c->event, "partner", c->s->partners_per_booth, &w, NULL);
}

/* Booths for the whole event, and labels held by a different org each day. */
static void conf_booths(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	const struct p_event *ev = EVENT(p, c->event);
	int64_t starts = ev->starts, ends = ev->ends;
	c->first_booth = (int32_t)p->booths.n;
	for (int h = 0; h < s->nexhibits; h++) {
		int32_t hall = c->first_exhibit + h;
		for (int k = 0; k < s->booths_all; k++) {
			int32_t org = conf_org(c);
			add_booth(p, c->event, org, hall,
			          plan_fmt(p, "%c%02d", s->booth_prefix[h], k + 1), starts, ends);
			conf_partner(p, c, org);
		}
		for (int k = 0; k < s->booths_day; k++) {
			const char *label =
			    plan_fmt(p, "%c%02d", s->booth_prefix[h], s->booths_all + k + 1);
			for (int d = 0; d < s->ev.days; d++) {
				int32_t org = conf_org(c);
				add_booth(p, c->event, org, hall, label,
				          conf_at(p, c, d, s->ev.day_start),
				          conf_at(p, c, d, s->ev.day_end));
				conf_partner(p, c, org);
			}
		}
	}
	c->nbooths = p->booths.n - (size_t)c->first_booth;
}

/* Press, attendees (some from earlier events), an undercover officer; all
 * under the event's capacity, so nobody is waitlisted. */
static void conf_audience(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	struct who press = {-1, 100, AGE_NONE, 0, false, "Press"};
	add_people(p, c->event, "press", s->press, &press, NULL);
	struct who cop = {.org = conf_org_of(p, c, "law_enforcement"),
	                  .confidential = true,
	                  .notes = "Undercover officer: never list, photograph or name publicly."};
	add_people(p, c->event, "attendee", s->undercover, &cop, NULL);
	size_t used = p->regs.n - c->first_reg, old = p->history.n;
	size_t room = (size_t)s->ev.capacity > used ? (size_t)s->ev.capacity - used : 0;
	size_t want = (size_t)s->attendees < room ? (size_t)s->attendees : room;
	for (size_t k = 0; k < want; k++) {
		int32_t who;
		if (k < (size_t)s->reuse && p->history_next < old) {
			who = p->history.v[p->history_next++];
		} else {
			struct who w = {
			    rng_pct(&p->rng, 15) ? conf_org(c) : -1, 85, AGE_NONE, 0, false, NULL};
			who = add_person(p, &w);
			*VEC_PUSH(p->history) = who;
		}
		add_reg(p, c->event, who, "attendee");
	}
}

/* Seats of a breakout: the session's capacity within its room's (0: unlimited). */
static int session_seats(const struct plan *p, const struct p_session *s)
{
	return (int)rules_session_capacity(s->capacity, ROOM(p, s->room)->capacity);
}

/* One sign-up for a person to one of the breakouts [from, to) of a slot,
 * seated while seats last, else waitlisted while the line is short. */
static void sign_up_in_slot(struct plan *p, struct rng *rng, int32_t person, size_t from, size_t to,
                            int *taken)
{
	const struct p_session *first = SESSION(p, (int32_t)from);
	if (is_busy(p, person, first->starts, first->ends))
		return;
	size_t k = from + rng_below(rng, (unsigned)(to - from));
	const struct p_session *s = SESSION(p, (int32_t)k);
	int seats = session_seats(p, s), *n = &taken[k - from];
	if (seats && *n >= seats + WAITLIST_MAX)
		return;
	struct p_signup *g = VEC_PUSH(p->signups);
	g->session = (int32_t)k;
	g->person = person;
	g->position = seats && *n >= seats ? *n - seats + 1 : 0;
	(*n)++;
}

static bool is_breakout(const struct conf *c, const struct p_session *s)
{
	return s->room >= c->first_breakout && s->room < c->first_breakout + c->s->nbreakouts;
}

/* Attendees sign up for breakouts: in each slot about SIGNUP_PCT of them
 * pick one at random, so the small workshops fill and keep a waitlist. The
 * draws come from a generator of their own, so the rest of the plan is the
 * same with or without them. */
static void conf_signups(struct plan *p, struct conf *c)
{
	struct rng rng = {p->rng.s ^ UINT64_C(0x5349474e555053)};
	size_t nsess = p->sessions.n - c->first_session;
	int *taken = xcalloc(nsess ? nsess : 1, sizeof *taken);
	for (size_t from = c->first_session; from < p->sessions.n;) {
		size_t to = from + 1;
		const struct p_session *s = SESSION(p, (int32_t)from);
		while (to < p->sessions.n && SESSION(p, (int32_t)to)->starts == s->starts &&
		       is_breakout(c, SESSION(p, (int32_t)to)))
			to++;
		if (is_breakout(c, s))
			for (size_t r = c->first_reg; r < p->regs.n; r++) {
				const struct p_reg *g = &p->regs.v[r];
				if (strcmp(g->kind, "attendee") == 0 && rng_pct(&rng, SIGNUP_PCT))
					sign_up_in_slot(p, &rng, g->person, from, to,
					                taken + (from - c->first_session));
			}
		from = to;
	}
	free(taken);
}

static void conf_role(struct plan *p, struct conf *c, enum conf_role r)
{
	if (c->role_of[r] >= 0)
		return;
	int32_t lead = c->staff[(size_t)(p->roles.n) % (size_t)c->s->staff];
	c->role_of[r] = add_role(p, c->event, demo_conf_roles[r].name, demo_conf_roles[r].about,
	                         demo_conf_roles[r].skill, demo_conf_roles[r].min_age, lead);
}

/* Is [starts, ends) inside booth b's hours on a day open .. close? */
static bool booth_open(const struct plan *p, int32_t b, int64_t starts, int64_t ends, int64_t open,
                       int64_t close)
{
	const struct p_booth *x = BOOTH(p, b);
	return starts >= x->starts && starts >= open && ends <= x->ends && ends <= close;
}

/* The shifts of one post at one place, over every day. */
static void post_shifts(struct plan *p, struct conf *c, const struct post *post, struct shift_at at)
{
	const struct conf_spec *s = c->s;
	int32_t role = c->role_of[post->role];
	for (int d = 0; d < s->ev.days; d++) {
		at.date = conf_date(c, d);
		int64_t open = conf_at(p, c, d, s->ev.day_start),
		        close = conf_at(p, c, d, s->ev.day_end);
		for (int b = 0; b < s->nblocks; b++) {
			if (!(post->blocks & (1u << b)))
				continue;
			int from = s->block_start + b * s->block_len;
			at.starts = conf_at(p, c, d, from);
			at.ends = conf_at(p, c, d, from + s->block_len);
			if (at.booth >= 0 &&
			    !booth_open(p, at.booth, at.starts, at.ends, open, close))
				continue;
			add_shift(p, c->event, role, &at, post->need_min, post->need_max);
		}
		if ((post->blocks & B_SETUP) && d == 0 && s->ev.setup_start < s->block_start) {
			at.starts = conf_at(p, c, d, s->ev.setup_start);
			at.ends = conf_at(p, c, d, s->block_start);
			add_shift(p, c->event, role, &at, post->need_min, post->need_max);
		}
		if ((post->blocks & B_TEARDOWN) && d == s->ev.days - 1) {
			at.starts = close;
			at.ends = conf_at(p, c, d, s->ev.teardown_end);
			add_shift(p, c->event, role, &at, post->need_min, post->need_max);
		}
	}
}

static void post_places(struct plan *p, struct conf *c, const struct post *post)
{
	const struct conf_spec *s = c->s;
	struct shift_at at = {-1, -1, 0, 0, 0, post->where};
	switch (post->at) {
	case AT_NONE:
		for (int k = 0; k < post->count; k++) {
			at.notes = post->count > 1 ? plan_fmt(p, "%s %d", post->where, k + 1)
			                           : post->where;
			post_shifts(p, c, post, at);
		}
		break;
	case AT_PLENARY:
		at.room = c->plenary;
		post_shifts(p, c, post, at);
		break;
	case AT_BREAKOUTS:
	case AT_EXHIBITS: {
		bool breakouts = post->at == AT_BREAKOUTS;
		int n = breakouts ? s->nbreakouts : s->nexhibits;
		for (int k = 0; k < n; k++) {
			at.room = (breakouts ? c->first_breakout : c->first_exhibit) + k;
			post_shifts(p, c, post, at);
		}
		break;
	}
	case AT_BOOTHS:
		for (size_t k = 0; k < c->nbooths; k++) {
			at.booth = c->first_booth + (int32_t)k;
			post_shifts(p, c, post, at);
		}
		break;
	}
}

static void conf_staffing(struct plan *p, struct conf *c)
{
	const struct conf_spec *s = c->s;
	size_t first_role = p->roles.n, first_shift = p->shifts.n;
	for (size_t k = 0; k < s->nposts; k++)
		conf_role(p, c, s->posts[k].role);
	for (size_t k = 0; k < s->nposts; k++)
		post_places(p, c, &s->posts[k]);
	staff_event(p, c->vols, (size_t)s->volunteers, first_role, first_shift);
}

static void build_conference(struct plan *p, const struct conf_spec *s)
{
	struct conf c = {.s = s, .stage = -1, .first_reg = p->regs.n};
	for (int r = 0; r < NCONF_ROLES; r++)
		c.role_of[r] = -1;
	p->area = s->area;
	c.event = add_event(p, &s->ev);
	conf_rooms(p, &c);
	conf_volunteers(p, &c);
	conf_speaker_pool(p, &c);
	conf_program(p, &c);
	conf_booths(p, &c);
	conf_audience(p, &c);
	conf_signups(p, &c);
	conf_staffing(p, &c);
	free(c.vols);
	free(c.staff);
	free(c.spk);
}

/* ---- the sets ------------------------------------------------------------ */

static void build_regional(struct plan *p, size_t i)
{
	struct conf_spec s = demo_forum;
	s.ev.name = demo_regionals[i].name;
	s.ev.tz = demo_regionals[i].tz;
	s.ev.venue = demo_regionals[i].venue;
	s.ev.address = demo_regionals[i].address;
	s.ev.description = "A two-day regional forum: general sessions, breakouts, partner booths.";
	s.ev.first_day = demo_regionals[i].date;
	s.ev.capacity = 4000;
	s.ev.host = REGIONAL_ORGS + (int32_t)i;
	s.area = demo_regionals[i].area;
	s.plenary = "Main Hall";
	s.breakouts = NULL;
	s.nbreakouts = 4;
	s.booths_all = 8;
	s.booths_day = 2;
	s.orgs = NULL;
	s.org_first = REGIONAL_ORGS;
	s.norgs = 35;
	s.volunteers = 300;
	s.vol_speakers = 3;
	s.speakers = 60;
	s.survivors = 1;
	s.press = 10;
	s.attendees = 3000;
	s.reuse = 400;
	build_conference(p, &s);
}

static void add_skills(struct plan *p)
{
	for (size_t i = 0; i < NSKILLS; i++)
		VEC_PUSH(p->skills)->name = demo_skill_names[i];
}

void demo_plan_small(struct plan *p)
{
	p->area = "312";
	add_seed_orgs(p);
	add_skills(p);
	build_gathering(p);
	build_conference(p, &demo_forum);
}

/* The scale set: the summit, four regional forums, then a people directory
 * (mailing list, past attendees) up to LARGE_PEOPLE. */
void demo_plan_large(struct plan *p)
{
	p->area = "213";
	add_seed_orgs(p);
	add_generated_orgs(p);
	add_skills(p);
	build_conference(p, &demo_summit);
	for (size_t i = 0; i < demo_regionals_n; i++)
		build_regional(p, i);
	p->area = "202";
	while (p->people.n < LARGE_PEOPLE) {
		struct who w = {
		    rng_pct(&p->rng, 15) ? (int32_t)rng_below(&p->rng, (unsigned)p->orgs.n) : -1,
		    80,
		    AGE_NONE,
		    0,
		    false,
		    NULL};
		add_person(p, &w);
	}
}

/* ---- the plan's life ----------------------------------------------------- */

void demo_plan_init(struct plan *p, const struct ctx *c, enum demo_size size)
{
	memset(p, 0, sizeof *p);
	p->rng.s = size == DEMO_SMALL ? UINT64_C(0x6d7573746572) : UINT64_C(0x6d757374657221);
	p->rest = (int64_t)(c->cfg ? c->cfg->min_rest_minutes : 30) * 60;
	p->max_day = (int64_t)((c->cfg ? c->cfg->max_hours_per_day : 10.0) * 3600);
}

void demo_plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->people.n; i++)
		free(PERSON(p, i)->busy);
	void *all[] = {p->orgs.v,   p->skills.v, p->people.v,   p->pskills.v,
	               p->events.v, p->rooms.v,  p->sessions.v, p->speakers.v,
	               p->booths.v, p->regs.v,   p->signups.v,  p->roles.v,
	               p->shifts.v, p->avails.v, p->assigns.v,  p->history.v};
	for (size_t i = 0; i < ARRAY_LEN(all); i++)
		free(all[i]);
	arena_free(&p->text);
	map_free(&p->emails);
	map_free(&p->codes);
}
