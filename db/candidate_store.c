/* candidate_store.c - one query over a shift's possible volunteers. Each
 * test mirrors a rule of core/rules.c on the same rows eligibility.c reads,
 * and can only err towards "fine" (a window union is not worked out: the
 * windows' summed overlap is a bound), so nobody is ranked worse than the
 * exact check would. The person's shifts near this one are read once, by
 * time, for everyone (near): the event's only, through its index (every
 * event's was a scan of the whole table; another event's shift at that time
 * can only leave a rank too good, which staffing_check corrects on screen);
 * the other tests are per person, by index.
 * (In SQL, | and << bind alike, left to right: every term is bracketed.) */
#include "candidate_store.h"

#include "../core/array.h"
#include "db_internal.h"
#include "person_sql.h"
#include "status_sql.h"

#define CLIP(a, b, lo, hi) "max(0, min(" b ", " hi ") - max(" a ", " lo "))"

/* Binds: ?1 event, ?2 shift, ?3 starts, ?4 ends, ?5 lo, ?6 hi, ?7 rest,
 * ?8-?11 the two days (from, to), ?12 seconds a day, ?13 skill, ?14 the
 * shift's local date, ?15 min_age, ?16 latest birth date old enough. */
/* The columns of scan_sql. */
enum scan_col { CA_ID, CA_NAME, CA_CONFIDENTIAL, CA_TELL, CA_FLAGS, CA_NCOLS };

/* Laid out by clause; the formatter would scatter the CLIP() calls. */
/* clang-format off */
static const char scan_sql[] =
    "WITH near(person, overlap, rest, h0, h1) AS ("
    " SELECT a.person, max(s.starts < ?4 AND s.ends > ?3),"
    "  max((s.starts >= ?4 AND s.starts - ?4 < ?7)"
    "   OR (s.starts < ?4 AND s.ends <= ?3 AND ?3 - s.ends < ?7)),"
    "  sum(" CLIP("s.starts", "s.ends", "?8", "?9") "),"
    "  sum(" CLIP("s.starts", "s.ends", "?10", "?11") ")"
    " FROM main.shift s CROSS JOIN main.assignment a ON a.shift = s.id"
    " WHERE s.event = ?1 AND s.starts < ?6 AND s.ends > ?5"
    " AND s.status = 'open' AND s.id != ?2"
    "  AND a.status IN " ASSIGNMENT_ACTIVE_SQL " GROUP BY a.person)"
    " SELECT p.id, p.name, p.confidential, " PERSON_TELL("p") ","
    " EXISTS (SELECT 1 FROM main.assignment a WHERE a.shift = ?2 AND a.person = p.id"
    "  AND a.status IN " ASSIGNMENT_ACTIVE_SQL ")"
    " | (coalesce(near.overlap, 0) << 1)"
    " | (coalesce(near.rest, 0) << 2)"
    " | ((coalesce(near.h0, 0) + " CLIP("?3", "?4", "?8", "?9") " > ?12"
    "   OR coalesce(near.h1, 0) + " CLIP("?3", "?4", "?10", "?11") " > ?12) << 3)"
    " | (EXISTS (SELECT 1 FROM main.speaker sp JOIN main.session se ON se.id = sp.session"
    "  WHERE sp.person = p.id AND se.status != 'cancelled' AND se.starts < ?4"
    "  AND se.ends > ?3) << 4)"
    " | ((?13 != 0 AND NOT EXISTS (SELECT 1 FROM main.person_skill ps WHERE ps.person = p.id"
    "  AND ps.skill = ?13 AND (ps.expires IS NULL OR ps.expires = '' OR ps.expires >= ?14)))"
    "  << 5)"
    " | ((?15 > 0 AND coalesce((SELECT birth_date > ?16 OR birth_date = '' FROM main.person"
    "  WHERE id = p.id), 1)) << 6)"
    " | ((SELECT count(*) > 0 AND coalesce(sum(" CLIP("w.starts", "w.ends", "?3", "?4") "), 0)"
    "  < ?4 - ?3 FROM main.availability w WHERE w.person = p.id AND w.event = ?1) << 7)"
    " FROM registration r CROSS JOIN person p ON p.id = r.person"
    " LEFT JOIN near ON near.person = p.id"
    " WHERE r.event = ?1 AND r.kind IN " REGISTRATION_CREW_KINDS_SQL " AND r.status != 'cancelled'";
/* clang-format on */
/* clang-format on */

static void bind_query(sqlite3_stmt *st, const struct cand_query *q)
{
	const int64_t ints[] = {q->event,     q->shift,     q->starts,   q->ends,
	                        q->lo,        q->hi,        q->rest,     q->day[0][0],
	                        q->day[0][1], q->day[1][0], q->day[1][1]};
	for (int i = 0; i < (int)ARRAY_LEN(ints); i++)
		sqlite3_bind_int64(st, i + 1, ints[i]);
	sqlite3_bind_double(st, 12, q->max_day);
	sqlite3_bind_int64(st, 13, q->skill);
	sqlite3_bind_text(st, 14, q->skill_date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 15, q->min_age);
	sqlite3_bind_text(st, 16, q->born_by, -1, SQLITE_TRANSIENT);
}

int candidate_store_scan(struct db *db, const struct cand_query *q,
                         int (*fn)(void *arg, const struct cand_row *r), void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire_cols(db, scan_sql, CA_NCOLS, &st, e) < 0)
		return -1;
	bind_query(st, q);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = db_column_text(st, CA_NAME);
		struct cand_row r = {db_column_int64(st, CA_ID), name ? name : "",
		                     db_column_bool(st, CA_CONFIDENTIAL),
		                     db_column_text(st, CA_TELL),
		                     (unsigned)db_column_int(st, CA_FLAGS)};
		if ((ret = fn(arg, &r)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "candidates");
	db_release(db, st);
	return ret < 0 ? -1 : 0;
}
