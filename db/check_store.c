/* check_store.c - one static query per rule family for `muster check`, in
 * two spellings: over every event (a sweep of every row), and over the event
 * ?1 only (seeking that event's rows by index: the conflicts tab runs it).
 * Candidate queries (skills, ages, windows) over-select near a date or
 * window boundary; the caller decides with the rules of core/rules.c in the
 * event's zone. */
#include "check_store.h"

#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "../core/xmalloc.h"
#include "check_memory.h"
#include "db_internal.h"
#include "status_sql.h"
#include "rules_store.h"

#define ACTIVE " a.status IN " ASSIGNMENT_ACTIVE_SQL
/* The event condition of each spelling. */
#define EVERY_EVENT(x) " 1"
#define ONE_EVENT(x)   " " x " = ?1"
/* An erased person's skills and birth date are gone on purpose: their past
 * shifts are not judged on them. */
#define NOT_ERASED(p) " (SELECT erased_at FROM person WHERE id = " p ") IS NULL"
/* The last local date a UTC instant can fall on anywhere (UTC+14). */
#define LATEST_DATE(t)   "date(" t " + 50400, 'unixepoch')"
#define EARLIEST_DATE(t) "date(" t " - 50400, 'unixepoch')"

/* clang-format off */
#define QUERIES(EVENT) { \
    /* In no order: the caller sorts them twice (by person, by shift) for \
     * less than SQLite's sort of them once. */ \
    [CS_TIMELINE] = \
	"SELECT a.person, s.id, s.event, s.starts, s.ends, s.need_max" \
	" FROM assignment a JOIN shift s ON s.id = a.shift" \
	" WHERE" ACTIVE " AND s.status = 'open' AND" EVENT("s.event"), \
    [CS_ROOM_CLASH] = \
	"SELECT x.id, y.id FROM session x JOIN session y ON y.room = x.room" \
	" AND y.starts >= x.starts AND y.starts < x.ends AND y.id != x.id" \
	" WHERE x.room IS NOT NULL AND x.status != 'cancelled' AND y.status != 'cancelled'" \
	" AND (y.starts > x.starts OR y.id > x.id) AND" EVENT("x.event") \
	" ORDER BY x.starts, x.id, y.id", \
    [CS_BOOTH_CLASH] = \
	"SELECT x.id, y.id FROM booth x JOIN booth y ON y.event = x.event" \
	" AND y.label = x.label COLLATE NOCASE AND y.org != x.org" \
	" AND y.starts >= x.starts AND y.starts < x.ends AND y.id != x.id" \
	" WHERE (y.starts > x.starts OR y.id > x.id) AND" EVENT("x.event") \
	" ORDER BY x.starts, x.id, y.id", \
    [CS_OUTSIDE] = \
	"WITH span(id, s0, s1) AS (SELECT id, coalesce(setup_starts, starts)," \
	" coalesce(teardown_ends, ends) FROM event WHERE" EVENT("id") ")" \
	" SELECT x.id, x.event, x.starts, x.ends, p.s0, p.s1," \
	" 'session ' || x.id || ' \"' || x.title || '\"'" \
	" FROM session x JOIN span p ON p.id = x.event" \
	" WHERE x.status != 'cancelled' AND (x.starts < p.s0 OR x.ends > p.s1)" \
	" UNION ALL SELECT x.id, x.event, x.starts, x.ends, p.s0, p.s1," \
	" 'booth ' || x.id || ' (' || x.label || ')'" \
	" FROM booth x JOIN span p ON p.id = x.event WHERE x.starts < p.s0 OR x.ends > p.s1" \
	" UNION ALL SELECT x.id, x.event, x.starts, x.ends, p.s0, p.s1," \
	" 'shift ' || x.id || ' (' || (SELECT name FROM role WHERE id = x.role) || ')'" \
	" FROM shift x JOIN span p ON p.id = x.event" \
	" WHERE x.status = 'open' AND (x.starts < p.s0 OR x.ends > p.s1)", \
    /* CS_CROSS_EVENT: check_cross_store.c */ \
    [CS_SEATS] = \
	"SELECT ev.id, ev.capacity," \
	" (SELECT count(*) FROM registration g WHERE g.event = ev.id" \
	" AND g.kind = " REGISTRATION_SEATED_KIND_SQL " AND g.status IN " REGISTRATION_SEATED_SQL ")," \
	" coalesce(w.person, 0), coalesce(w.waitlist_position, 0)" \
	" FROM event ev LEFT JOIN registration w ON w.id = (SELECT id FROM registration" \
	" WHERE event = ev.id AND status = " REGISTRATION_WAITLISTED_SQL \
	" ORDER BY waitlist_position, id LIMIT 1)" \
	" WHERE" EVENT("ev.id") " ORDER BY ev.id", \
    /* From the sessions (of the event): their speakers are few, their \
     * shifts fewer. */ \
    [CS_SPEAKERS] = \
	"SELECT sp.person, se.id, s.id FROM session se" \
	" CROSS JOIN speaker sp ON sp.session = se.id" \
	" CROSS JOIN assignment a ON a.person = sp.person CROSS JOIN shift s ON s.id = a.shift" \
	" WHERE se.status != 'cancelled' AND" ACTIVE " AND s.status = 'open'" \
	" AND s.starts < se.ends AND s.ends > se.starts AND" EVENT("se.event") \
	" AND" EVENT("s.event") " ORDER BY sp.person, s.starts", \
    /* From the roles that need a skill or an age: CROSS JOIN keeps that order. */ \
    [CS_SKILLS] = \
	"SELECT a.person, s.id FROM role r CROSS JOIN shift s ON s.role = r.id" \
	" CROSS JOIN assignment a ON a.shift = s.id" \
	" WHERE r.skill IS NOT NULL AND s.status = 'open' AND" ACTIVE " AND" EVENT("r.event") \
	" AND" NOT_ERASED("a.person") " AND NOT EXISTS (SELECT 1 FROM person_skill ps" \
	" WHERE ps.person = a.person AND ps.skill = r.skill" \
	" AND (ps.expires IS NULL OR ps.expires >= " LATEST_DATE("s.starts") "))" \
	" ORDER BY s.starts, a.person", \
    [CS_AGES] = \
	"SELECT a.person, s.id FROM role r CROSS JOIN shift s ON s.role = r.id" \
	" CROSS JOIN assignment a ON a.shift = s.id JOIN person p ON p.id = a.person" \
	" WHERE r.min_age > 0 AND s.status = 'open' AND" ACTIVE " AND" EVENT("r.event") \
	" AND p.erased_at IS NULL AND (p.birth_date IS NULL" \
	" OR date(p.birth_date, '+' || r.min_age || ' years') > " EARLIEST_DATE("s.starts") ")" \
	" ORDER BY s.starts, a.person", \
    [CS_WINDOWS] = \
	"SELECT a.person, s.id" \
	" FROM (SELECT DISTINCT person, event FROM availability WHERE" EVENT("event") ") w" \
	" JOIN assignment a ON a.person = w.person" \
	" JOIN shift s ON s.id = a.shift AND s.event = w.event" \
	" WHERE" ACTIVE " AND s.status = 'open' AND NOT EXISTS (SELECT 1" \
	" FROM availability v WHERE v.person = a.person AND v.event = s.event" \
	" AND v.starts <= s.starts AND v.ends >= s.ends) ORDER BY a.person, s.starts", \
    [CS_SESSION_SEATS] = \
	"SELECT se.id, se.capacity, coalesce(m.capacity, 0)," \
	" (SELECT count(*) FROM signup g WHERE g.session = se.id" \
	" AND g.status IN " SIGNUP_SEATED_SQL ")," \
	" coalesce(w.person, 0), coalesce(w.waitlist_position, 0)" \
	" FROM session se LEFT JOIN room m ON m.id = se.room" \
	" LEFT JOIN signup w ON w.id = (SELECT id FROM signup WHERE session = se.id" \
	" AND status = " SIGNUP_WAITLISTED_SQL " ORDER BY waitlist_position, id LIMIT 1)" \
	" WHERE se.status != 'cancelled' AND" EVENT("se.event") \
	" AND EXISTS (SELECT 1 FROM signup g WHERE g.session = se.id) ORDER BY se.starts, se.id", \
    /* CS_SIGNUP_UNREGISTERED, CS_SIGNUP_OVERLAP: check_signup_store.c */ \
}
static const char *const every_event[CS_NQUERIES] = QUERIES(EVERY_EVENT);
static const char *const one_event[CS_NQUERIES] = QUERIES(ONE_EVENT);
/* clang-format on */

/* How many of a query's columns, at the end, are text. */
static const int ntext[CS_NQUERIES] = {
    [CS_OUTSIDE] = 1,
};

/* The scans joined in memory rather than by SQLite. */
static int (*const in_memory[CS_NQUERIES])(struct db *db, struct cs_memo *memo, int64_t event,
                                           int (*fn)(void *arg, const struct cs_row *row),
                                           void *arg, struct err *e) = {
    [CS_CROSS_EVENT] = check_cross_event,
    [CS_SIGNUP_UNREGISTERED] = check_signup_unregistered,
    [CS_SIGNUP_OVERLAP] = check_signup_overlaps,
};

/* A scan's caller, and where its rows' text columns start. */
struct scan {
	int (*fn)(void *arg, const struct cs_row *row);
	void *arg;
	int nints, ncols;
};

/* The row into a cs_row for the caller; 1 (stop) when it stops. */
static int scan_row(sqlite3_stmt *st, void *ctx)
{
	const struct scan *sc = ctx;
	struct cs_row row;
	memset(&row, 0, sizeof row);
	for (int k = 0; k < sc->nints && k < (int)ARRAY_LEN(row.i); k++)
		row.i[k] = db_column_int64(st, k);
	for (int k = sc->nints; k < sc->ncols && k - sc->nints < (int)ARRAY_LEN(row.t); k++)
		row.t[k - sc->nints] = db_column_str(st, k);
	return sc->fn(sc->arg, &row) ? 1 : 0;
}

/* KiB of page cache a check may fill: a summit of 20,000 shifts and
 * 100,000 people is a 47 MiB file. Pages are taken only as they are read. */
#define CHECK_CACHE_KIB  65536
#define CHECK_CACHE_TEXT "65536"

struct cs_memo *check_store_begin(struct db *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db_handle(db), "PRAGMA cache_size", -1, &st, NULL) == SQLITE_OK) {
		int64_t now = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		/* negative: KiB; positive: pages (4 KiB here) */
		if (now < 0 ? -now < CHECK_CACHE_KIB : now * 4 < CHECK_CACHE_KIB)
			db_exec(db, "PRAGMA cache_size = -" CHECK_CACHE_TEXT, NULL);
	}
	return xcalloc(1, sizeof(struct cs_memo));
}

void check_store_end(struct cs_memo *m)
{
	if (!m)
		return;
	check_signups_free(m->signups);
	free(m);
}

int check_store_scan(struct db *db, struct cs_memo *memo, enum cs_query q, int64_t event,
                     int (*fn)(void *arg, const struct cs_row *row), void *arg, struct err *e)
{
	if (in_memory[q])
		return in_memory[q](db, memo, event, fn, arg, e);
	sqlite3_stmt *st;
	if (db_prepare(db, event ? one_event[q] : every_event[q], &st, e) < 0)
		return -1;
	if (event)
		sqlite3_bind_int64(st, 1, event);
	struct scan sc = {.fn = fn, .arg = arg, .ncols = sqlite3_column_count(st)};
	sc.nints = sc.ncols - ntext[q];
	return db_each_row(db, st, scan_row, &sc, e, "check") < 0 ? -1 : 0;
}
