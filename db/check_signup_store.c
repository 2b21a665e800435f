/* check_signup_store.c - the two sign-up scans of `muster check` that join
 * every sign-up of an event with more rows: a person's other sign-ups
 * (CS_SIGNUP_OVERLAP) and the person's registration (CS_SIGNUP_UNREGISTERED).
 * SQLite would seek a b-tree per sign-up (tens of thousands on a large
 * event); here each table is read once, in index order, and joined in
 * memory. The rows come out in the order, ties included, of the queries
 * they replace (kept in the comments below), so `check` reads the same. */
#include "check_memory.h"

#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "db_internal.h"
#include "status_sql.h"

/* The event condition of each spelling, as in check_store.c: every event
 * (?1 is 0), or the event ?1 only (sought by index). */
#define EVERY_EVENT(x) " ?1 = 0"
#define ONE_EVENT(x)   " " x " = ?1"
/* The SQL of a scan, in the spelling for event. */
#define SPELLING(sql, event) ((event) ? sql[1] : sql[0])

/* ---- sign-ups that overlap ---------------------------------------------

   Replaces: SELECT x.person, a.id, b.id FROM session a
     CROSS JOIN signup x ON x.session = a.id
     JOIN signup y ON y.person = x.person AND y.session != x.session
     JOIN session b ON b.id = y.session
     WHERE x, y active AND a, b not cancelled AND a in the event
     AND b overlaps a AND (b starts later, or at once with a higher id)
     ORDER BY x.person, a.starts, b.starts
   whose ties came in the join's order: a.id, then y by status (the IN list
   in text order) and id (signup_by_person). b may be another event's. */

/* The sessions, not cancelled, that touch the time of the event's sessions
 * (all of them for event 0). */
#define WINDOW_SQL(EVENT)                                                                          \
	"WITH w(lo, hi) AS (SELECT min(starts), max(ends) FROM session WHERE" EVENT(               \
	    "event") " AND status != 'cancelled')"                                                 \
	             " SELECT se.id, se.starts, se.ends, se.event FROM w, session se"              \
	             " WHERE se.status != 'cancelled' AND se.starts < w.hi AND se.ends > w.lo"
static const char *const window_sql[] = {WINDOW_SQL(EVERY_EVENT), WINDOW_SQL(ONE_EVENT)};
enum { SE_ID, SE_STARTS, SE_ENDS, SE_EVENT, SE_NCOLS };

/* A session's active sign-ups, by person (signup_by_session covers them). */
static const char signups_sql[] =
    "SELECT person, id, status FROM signup"
    " WHERE session = ?1 AND status NOT IN " SIGNUP_INACTIVE_SQL " ORDER BY person";
enum { SU_PERSON, SU_ID, SU_STATUS, SU_NCOLS };

struct taken {
	int64_t person, signup, session, starts, ends, event;
	char status[16];
};

struct taken_list {
	struct taken *v;
	size_t n, cap;
};

struct session_at {
	int64_t id, starts, ends, event;
	size_t first, n; /* its sign-ups in the memo's list, by person */
};

struct sessions {
	struct session_at *v;
	size_t n, cap;
};

/* What the two scans of one check share: the sessions touching the time of
 * the event's, and their active sign-ups, read once (check_store.h). */
struct cs_signups {
	int64_t event;
	struct sessions ses;
	struct taken_list taken;
};

void check_signups_free(struct cs_signups *m)
{
	if (!m)
		return;
	free(m->ses.v);
	free(m->taken.v);
	free(m);
}

static int read_sessions(struct db *db, const char *sql, int64_t event, struct sessions *out,
                         struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	if (db_columns(st, SE_NCOLS, e) < 0) {
		db_release(db, st);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(out->v, out->n, out->cap, 64);
		out->v[out->n++] = (struct session_at){.id = db_column_int64(st, SE_ID),
		                                       .starts = db_column_int64(st, SE_STARTS),
		                                       .ends = db_column_int64(st, SE_ENDS),
		                                       .event = db_column_int64(st, SE_EVENT)};
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "check");
	db_release(db, st);
	return ret;
}

/* Call row(arg, session, st) for each active sign-up of session, by person;
 * stops when it returns non-zero (1), -1 when the store fails. */
static int each_signup(struct db *db, const struct session_at *se,
                       int (*row)(void *arg, const struct session_at *se, sqlite3_stmt *st),
                       void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, signups_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, se->id);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = row(arg, se, st)) != 0)
			break;
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "check");
	db_release(db, st);
	return ret;
}

struct pair {
	const struct taken *a, *b;
};

static int cmp_i64(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

/* person, start, session */
static int by_person_start(const void *x, const void *y)
{
	const struct taken *a = x, *b = y;
	int c = cmp_i64(a->person, b->person);
	if (!c)
		c = cmp_i64(a->starts, b->starts);
	return c ? c : cmp_i64(a->session, b->session);
}

/* The order the query gave: person, a's start, b's start; then a, and b's
 * sign-up by status and id. */
static int pair_order(const void *x, const void *y)
{
	const struct pair *p = x, *q = y;
	int c = cmp_i64(p->a->person, q->a->person);
	if (!c)
		c = cmp_i64(p->a->starts, q->a->starts);
	if (!c)
		c = cmp_i64(p->b->starts, q->b->starts);
	if (!c)
		c = cmp_i64(p->a->session, q->a->session);
	if (!c)
		c = strcmp(p->b->status, q->b->status);
	return c ? c : cmp_i64(p->b->signup, q->b->signup);
}

static int take(void *arg, const struct session_at *se, sqlite3_stmt *st)
{
	struct taken_list *out = arg;
	XGROW(out->v, out->n, out->cap, 1024);
	struct taken *t = &out->v[out->n++];
	t->person = db_column_int64(st, SU_PERSON);
	t->signup = db_column_int64(st, SU_ID);
	t->session = se->id;
	t->starts = se->starts;
	t->ends = se->ends;
	t->event = se->event;
	db_column_copy(st, SU_STATUS, t->status, sizeof t->status);
	return 0;
}

/* The memo for event, read now unless it holds it already. */
static int signups_of(struct db *db, struct cs_memo *memo, int64_t event, struct err *e)
{
	if (memo->signups && memo->signups->event == event)
		return 0;
	struct cs_signups *m = xcalloc(1, sizeof *m);
	m->event = event;
	int ret = read_sessions(db, SPELLING(window_sql, event), event, &m->ses, e);
	for (size_t i = 0; ret == 0 && i < m->ses.n; i++) {
		m->ses.v[i].first = m->taken.n;
		ret = each_signup(db, &m->ses.v[i], take, &m->taken, e);
		m->ses.v[i].n = m->taken.n - m->ses.v[i].first;
	}
	if (ret < 0) {
		check_signups_free(m);
		return -1;
	}
	check_signups_free(memo->signups);
	memo->signups = m;
	return 0;
}

int check_signup_overlaps(struct db *db, struct cs_memo *memo, int64_t event,
                          int (*fn)(void *arg, const struct cs_row *row), void *arg, struct err *e)
{
	struct taken_list all = {0};
	struct pair *pairs = NULL;
	size_t npairs = 0, cap = 0;
	int ret = signups_of(db, memo, event, e);
	if (ret == 0 && memo->signups->taken.n > 0) {
		/* a copy: sorted here, the memo keeps its order */
		all.n = all.cap = memo->signups->taken.n;
		all.v = xmalloc(all.n * sizeof *all.v);
		memcpy(all.v, memo->signups->taken.v, all.n * sizeof *all.v);
		qsort(all.v, all.n, sizeof *all.v, by_person_start);
		/* a before b in that order, b starting before a ends: they overlap */
		for (size_t i = 0; i < all.n; i++) {
			const struct taken *a = &all.v[i];
			if (event && a->event != event)
				continue;
			for (size_t j = i + 1;
			     j < all.n && all.v[j].person == a->person && all.v[j].starts < a->ends;
			     j++) {
				XGROW(pairs, npairs, cap, 64);
				pairs[npairs++] = (struct pair){a, &all.v[j]};
			}
		}
	}
	if (npairs > 0)
		qsort(pairs, npairs, sizeof *pairs, pair_order);
	for (size_t i = 0; ret == 0 && i < npairs; i++) {
		struct cs_row row = {.i = {[CS_OV_PERSON] = pairs[i].a->person,
		                           [CS_OV_FIRST] = pairs[i].a->session,
		                           [CS_OV_LATER] = pairs[i].b->session}};
		if (fn(arg, &row))
			break;
	}
	free(pairs);
	free(all.v);
	return ret;
}

/* ---- sign-ups without a registration -----------------------------------

   Replaces: SELECT g.person, g.session, coalesce(r.waitlist_position, 0),
     coalesce(r.status, '') FROM session se CROSS JOIN signup g
     LEFT JOIN registration r ON r.event = se.event AND r.person = g.person
     WHERE g active AND se not cancelled AND se in the event
     AND (no r OR r not registered or checked in)
     ORDER BY se.starts, se.id, g.person */

/* The people attending (registered or checked in), in index order
 * (registration_by_event): event, person. */
#define ATTENDING_SQL(EVENT)                                                                       \
	"SELECT event, person FROM registration WHERE" EVENT(                                      \
	    "event") " AND status IN " REGISTRATION_ATTENDING_SQL " ORDER BY event, person"
static const char *const attending_sql[] = {ATTENDING_SQL(EVERY_EVENT), ATTENDING_SQL(ONE_EVENT)};
enum { AT_EVENT, AT_PERSON, AT_NCOLS };

/* The registration of a sign-up's person who is not attending, if any. */
static const char registration_sql[] =
    "SELECT status, coalesce(waitlist_position, 0) FROM registration"
    " WHERE event = ?1 AND person = ?2";
enum { RG_STATUS, RG_POSITION, RG_NCOLS };

struct attendee {
	int64_t event, person;
};

struct attendee_list {
	struct attendee *v;
	size_t n, cap;
};

static int read_attending(struct db *db, int64_t event, struct attendee_list *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, SPELLING(attending_sql, event), &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	if (db_columns(st, AT_NCOLS, e) < 0) {
		db_release(db, st);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(out->v, out->n, out->cap, 1024);
		out->v[out->n++] = (struct attendee){db_column_int64(st, AT_EVENT),
		                                     db_column_int64(st, AT_PERSON)};
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "check");
	db_release(db, st);
	return ret;
}

static bool attending(const struct attendee_list *l, int64_t event, int64_t person)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct attendee *a = &l->v[mid];
		int c = cmp_i64(a->event, event);
		if (!c)
			c = cmp_i64(a->person, person);
		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* status ("" when none) and waitlist position of (event, person)'s registration */
static int registration_of(struct db *db, int64_t event, int64_t person, char *status, size_t n,
                           int64_t *position, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, registration_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_int64(st, 2, person);
	status[0] = '\0';
	*position = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_column_copy(st, RG_STATUS, status, n);
		*position = db_column_int64(st, RG_POSITION);
		rc = sqlite3_step(st);
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "check");
	db_release(db, st);
	return ret;
}

/* start, id: the order of the rows out */
static int by_start(const void *x, const void *y)
{
	const struct session_at *const *a = x, *const *b = y;
	int c = cmp_i64((*a)->starts, (*b)->starts);
	return c ? c : cmp_i64((*a)->id, (*b)->id);
}

/* One sign-up of session se by a person not attending: its row; 1 when fn
 * stops, -1 when the store fails. */
static int unregistered_row(struct db *db, const struct session_at *se, int64_t person,
                            int (*fn)(void *arg, const struct cs_row *row), void *arg,
                            struct err *e)
{
	char status[16];
	int64_t position;
	if (registration_of(db, se->event, person, status, sizeof status, &position, e) < 0)
		return -1;
	struct cs_row row = {
	    .i = {[CS_UR_PERSON] = person, [CS_UR_SESSION] = se->id, [CS_UR_POSITION] = position},
	    .t = {[CS_UR_STATUS] = status}};
	return fn(arg, &row) ? 1 : 0;
}

int check_signup_unregistered(struct db *db, struct cs_memo *memo, int64_t event,
                              int (*fn)(void *arg, const struct cs_row *row), void *arg,
                              struct err *e)
{
	struct attendee_list att = {0};
	int ret = read_attending(db, event, &att, e);
	if (ret == 0)
		ret = signups_of(db, memo, event, e);
	const struct cs_signups *m = memo->signups;
	/* the event's sessions (the memo has others' beside them) by start */
	const struct session_at **ses = NULL;
	size_t n = 0;
	if (ret == 0 && m->ses.n > 0) {
		ses = xmalloc(m->ses.n * sizeof *ses);
		for (size_t i = 0; i < m->ses.n; i++)
			if (!event || m->ses.v[i].event == event)
				ses[n++] = &m->ses.v[i];
		if (n > 0)
			qsort(ses, n, sizeof *ses, by_start);
	}
	for (size_t i = 0; ret == 0 && i < n; i++)
		for (size_t k = ses[i]->first; ret == 0 && k < ses[i]->first + ses[i]->n; k++) {
			const struct taken *t = &m->taken.v[k];
			if (!attending(&att, t->event, t->person))
				ret = unregistered_row(db, ses[i], t->person, fn, arg, e);
		}
	free(ses);
	free(att.v);
	return ret < 0 ? -1 : 0;
}
