/* elig_memo.c - the facts the rules read, kept while they stay true (see
 * elig_memo.h): events, roles and shifts by id; per person their row,
 * their active shifts and their talks meeting the memo's span, their
 * skills and their windows, each read once with the store's own query and
 * then filtered as that query would for any narrower ask. */
#include "elig_memo.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* ids to slots of a vector: open addressing, linear probing */
struct idmap {
	int64_t *keys; /* 0: empty (ids are never 0) */
	size_t *vals;
	size_t cap, n;
};

struct memo_skill {
	int64_t skill;
	bool held;
	char expires[16];
};

struct memo_person {
	int64_t id;
	bool have_row, have_shifts, have_talks, have_windows;
	struct rs_person row;
	struct rs_slots shifts; /* active, on open shifts, meeting the span, by start */
	struct rs_slots talks;  /* sessions spoken at, meeting the span, by start */
	int64_t windows_event;
	struct rs_slots windows;
	struct memo_skill *skills;
	size_t nskills, cskills;
};

struct elig_memo {
	int64_t from, to;
	int64_t version; /* PRAGMA data_version it holds for; -1: none yet */
	struct idmap event_at, role_at, shift_at, person_at;
	struct rs_event *events;
	struct rs_role *roles;
	struct rs_shift *shifts;
	struct memo_person *people;
	size_t nevents, cevents, nroles, croles, nshifts, cshifts, npeople, cpeople;
	int64_t read, kept;
};

/* ---- the id map --------------------------------------------------------- */

static size_t slot_of(const struct idmap *m, int64_t key)
{
	uint64_t h = (uint64_t)key * 0x9e3779b97f4a7c15u;
	size_t i = (size_t)(h >> 20) & (m->cap - 1);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static bool idmap_get(const struct idmap *m, int64_t key, size_t *val)
{
	if (!m->cap)
		return false;
	size_t i = slot_of(m, key);
	if (!m->keys[i])
		return false;
	*val = m->vals[i];
	return true;
}

static void idmap_put(struct idmap *m, int64_t key, size_t val)
{
	if (2 * (m->n + 1) > m->cap) {
		struct idmap old = *m;
		m->cap = m->cap ? m->cap * 2 : 64;
		m->keys = xcalloc(m->cap, sizeof *m->keys);
		m->vals = xcalloc(m->cap, sizeof *m->vals);
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.keys[i])
				idmap_put(m, old.keys[i], old.vals[i]);
		free(old.keys);
		free(old.vals);
	}
	size_t i = slot_of(m, key);
	if (!m->keys[i])
		m->n++;
	m->keys[i] = key;
	m->vals[i] = val;
}

static void idmap_clear(struct idmap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* ---- the memo ----------------------------------------------------------- */

struct elig_memo *elig_memo_new(int64_t from, int64_t to)
{
	struct elig_memo *m = xcalloc(1, sizeof *m);
	m->from = from;
	m->to = to;
	m->version = -1;
	return m;
}

static void person_free(struct memo_person *p)
{
	rs_slots_free(&p->shifts);
	rs_slots_free(&p->talks);
	rs_slots_free(&p->windows);
	free(p->skills);
}

void elig_memo_forget(struct elig_memo *m)
{
	for (size_t i = 0; i < m->npeople; i++)
		person_free(&m->people[i]);
	m->nevents = m->nroles = m->nshifts = m->npeople = 0;
	idmap_clear(&m->event_at);
	idmap_clear(&m->role_at);
	idmap_clear(&m->shift_at);
	idmap_clear(&m->person_at);
	m->version = -1;
}

void elig_memo_free(struct elig_memo *m)
{
	if (!m)
		return;
	elig_memo_forget(m);
	free(m->events);
	free(m->roles);
	free(m->shifts);
	free(m->people);
	free(m);
}

int elig_memo_sync(struct elig_memo *m, struct db *db, struct err *e)
{
	int64_t v = db_data_version(db);
	if (v < 0)
		return err_set(e, ERR_DB, "database: cannot read its data version");
	bool changed = v != m->version;
	if (changed)
		elig_memo_forget(m);
	m->version = v;
	return changed;
}

void elig_memo_counts(const struct elig_memo *m, int64_t *read, int64_t *kept)
{
	*read = m->read;
	*kept = m->kept;
}

/* The person's entry, made empty when new. */
static struct memo_person *person_at(struct elig_memo *m, int64_t id)
{
	size_t i;
	if (idmap_get(&m->person_at, id, &i))
		return &m->people[i];
	XGROW(m->people, m->npeople, m->cpeople, 16);
	struct memo_person *p = &m->people[m->npeople];
	memset(p, 0, sizeof *p);
	p->id = id;
	idmap_put(&m->person_at, id, m->npeople++);
	return p;
}

static bool within(const struct elig_memo *m, int64_t from, int64_t to)
{
	return m->from <= from && to <= m->to;
}

/* Rows of all meeting [from, to), other than except, appended to out. */
static void filter(const struct rs_slots *all, int64_t from, int64_t to, int64_t except,
                   struct rs_slots *out)
{
	for (size_t i = 0; i < all->n; i++) {
		const struct rs_slot *s = &all->v[i];
		if (s->starts < to && s->ends > from && s->id != except) {
			XGROW(out->v, out->n, out->cap, 16);
			out->v[out->n++] = *s;
		}
	}
}

void elig_memo_assigned(struct elig_memo *m, const struct elig_shift *s, int64_t person)
{
	size_t i;
	if (!m || s->shift.cancelled || !idmap_get(&m->person_at, person, &i) ||
	    !m->people[i].have_shifts || s->shift.starts >= m->to || s->shift.ends <= m->from)
		return;
	struct rs_slots *v = &m->people[i].shifts;
	size_t k = v->n;
	while (k > 0 && (v->v[k - 1].starts > s->shift.starts ||
	                 (v->v[k - 1].starts == s->shift.starts && v->v[k - 1].id > s->shift.id)))
		k--;
	if (k > 0 && v->v[k - 1].id == s->shift.id)
		return; /* held already */
	XGROW(v->v, v->n, v->cap, 16);
	memmove(&v->v[k + 1], &v->v[k], (v->n - k) * sizeof *v->v);
	v->n++;
	struct rs_slot *slot = &v->v[k];
	memset(slot, 0, sizeof *slot);
	slot->id = s->shift.id;
	slot->ref = s->role.id;
	slot->starts = s->shift.starts;
	slot->ends = s->shift.ends;
	memcpy(slot->what, s->role.name, sizeof slot->what);
}

/* ---- the facts ---------------------------------------------------------- */

int elig_fact_event(struct ctx *c, int64_t id, struct rs_event *out, struct err *e)
{
	struct elig_memo *m = c->memo;
	size_t i;
	if (!m)
		return rules_store_event(c->db, id, out, e);
	if (idmap_get(&m->event_at, id, &i)) {
		m->kept++;
		*out = m->events[i];
		return 0;
	}
	if (rules_store_event(c->db, id, out, e) < 0)
		return -1;
	m->read++;
	XGROW(m->events, m->nevents, m->cevents, 16);
	m->events[m->nevents] = *out;
	idmap_put(&m->event_at, id, m->nevents++);
	return 0;
}

int elig_fact_role(struct ctx *c, int64_t id, struct rs_role *out, struct err *e)
{
	struct elig_memo *m = c->memo;
	size_t i;
	if (!m)
		return rules_store_role(c->db, id, out, e);
	if (idmap_get(&m->role_at, id, &i)) {
		m->kept++;
		*out = m->roles[i];
		return 0;
	}
	if (rules_store_role(c->db, id, out, e) < 0)
		return -1;
	m->read++;
	XGROW(m->roles, m->nroles, m->croles, 16);
	m->roles[m->nroles] = *out;
	idmap_put(&m->role_at, id, m->nroles++);
	return 0;
}

int elig_fact_shift(struct ctx *c, int64_t id, struct rs_shift *out, struct err *e)
{
	struct elig_memo *m = c->memo;
	size_t i;
	if (!m)
		return rules_store_shift(c->db, id, out, e);
	if (idmap_get(&m->shift_at, id, &i)) {
		m->kept++;
		*out = m->shifts[i];
		return 0;
	}
	if (rules_store_shift(c->db, id, out, e) < 0)
		return -1;
	m->read++;
	XGROW(m->shifts, m->nshifts, m->cshifts, 16);
	m->shifts[m->nshifts] = *out;
	idmap_put(&m->shift_at, id, m->nshifts++);
	return 0;
}

int elig_fact_person(struct ctx *c, int64_t id, struct rs_person *out, struct err *e)
{
	struct elig_memo *m = c->memo;
	if (!m)
		return rules_store_person(c->db, id, out, e);
	struct memo_person *p = person_at(m, id);
	if (!p->have_row) {
		if (rules_store_person(c->db, id, &p->row, e) < 0)
			return -1;
		p->have_row = true;
		m->read++;
	} else {
		m->kept++;
	}
	*out = p->row;
	return 0;
}

int elig_fact_person_shifts(struct ctx *c, int64_t person, int64_t from, int64_t to, int64_t except,
                            struct rs_slots *out, struct err *e)
{
	struct elig_memo *m = c->memo;
	if (!m || !within(m, from, to))
		return rules_store_person_shifts(c->db, person, from, to, except, out, e);
	struct memo_person *p = person_at(m, person);
	if (!p->have_shifts) {
		if (rules_store_person_shifts(c->db, person, m->from, m->to, 0, &p->shifts, e) < 0)
			return -1;
		p->have_shifts = true;
		m->read++;
	} else {
		m->kept++;
	}
	filter(&p->shifts, from, to, except, out);
	return 0;
}

int elig_fact_speaking(struct ctx *c, int64_t person, int64_t from, int64_t to, int64_t except,
                       struct rs_slots *out, struct err *e)
{
	struct elig_memo *m = c->memo;
	if (!m || !within(m, from, to))
		return rules_store_speaking(c->db, person, from, to, except, out, e);
	struct memo_person *p = person_at(m, person);
	if (!p->have_talks) {
		if (rules_store_speaking(c->db, person, m->from, m->to, 0, &p->talks, e) < 0)
			return -1;
		p->have_talks = true;
		m->read++;
	} else {
		m->kept++;
	}
	filter(&p->talks, from, to, except, out);
	return 0;
}

int elig_fact_skill(struct ctx *c, int64_t person, int64_t skill, bool *held, char *expires,
                    size_t n, struct err *e)
{
	struct elig_memo *m = c->memo;
	if (!m)
		return rules_store_skill(c->db, person, skill, held, expires, n, e);
	struct memo_person *p = person_at(m, person);
	for (size_t i = 0; i < p->nskills; i++) {
		if (p->skills[i].skill == skill) {
			m->kept++;
			*held = p->skills[i].held;
			snprintf(expires, n, "%s", p->skills[i].expires);
			return 0;
		}
	}
	XGROW(p->skills, p->nskills, p->cskills, 16);
	struct memo_skill *k = &p->skills[p->nskills];
	k->skill = skill;
	if (rules_store_skill(c->db, person, skill, &k->held, k->expires, sizeof k->expires, e) < 0)
		return -1;
	p->nskills++;
	m->read++;
	*held = k->held;
	snprintf(expires, n, "%s", k->expires);
	return 0;
}

int elig_fact_windows(struct ctx *c, int64_t person, int64_t event, int64_t except,
                      struct rs_slots *out, struct err *e)
{
	struct elig_memo *m = c->memo;
	if (!m)
		return rules_store_windows(c->db, person, event, except, out, e);
	struct memo_person *p = person_at(m, person);
	if (!p->have_windows || p->windows_event != event) {
		p->windows.n = 0;
		p->have_windows = false;
		if (rules_store_windows(c->db, person, event, 0, &p->windows, e) < 0)
			return -1;
		p->have_windows = true;
		p->windows_event = event;
		m->read++;
	} else {
		m->kept++;
	}
	filter(&p->windows, INT64_MIN, INT64_MAX, except, out);
	return 0;
}
