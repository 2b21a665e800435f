/* coverage_store.c - the SQL behind per-hour coverage: every query is a range
 * on shift_by_event (event, starts), bounded by the longest shift. */
#include "coverage_store.h"

#include <stddef.h>

#include "db_internal.h"

#define ACTIVE "('signed_up','confirmed','checked_in','completed')"
#define FILLED                                                                                     \
	"(SELECT count(*) FROM assignment WHERE assignment.shift = shift.id"                       \
	" AND assignment.status IN " ACTIVE ")"

static const char maxlen_sql[] =
    "SELECT ifnull(max(ends - starts), 0) FROM shift WHERE event = ?1 AND status = 'open'";
static const char sums_sql[] =
    "SELECT count(*), ifnull(sum(need_min), 0), ifnull(sum(need_max), 0), ifnull(sum(f), 0),"
    " ifnull(sum(max(need_min - f, 0)), 0) FROM (SELECT need_min, need_max, " FILLED " AS f"
    " FROM shift WHERE event = ?1 AND status = 'open' AND starts >= ?2 - ?4 AND starts < ?3"
    " AND ends > ?2)";
static const char next_sql[] =
    "SELECT min(starts) FROM shift WHERE event = ?1 AND status = 'open' AND starts >= ?2";
static const char prev_start_sql[] =
    "SELECT max(starts) FROM shift WHERE event = ?1 AND status = 'open' AND starts < ?2";
static const char prev_end_sql[] =
    "SELECT max(ends) FROM shift WHERE event = ?1 AND status = 'open' AND starts >= ?2 - ?3"
    " AND starts < ?4";

/* Run sql with up to four integer binds; copy up to n integer columns of the
 * first row (NULL columns leave *null set). */
static int query_ints(struct db *db, const char *sql, const int64_t *binds, int nb, int64_t *out,
                      int n, bool *null, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	for (int i = 0; i < nb; i++)
		sqlite3_bind_int64(st, i + 1, binds[i]);
	int rc = sqlite3_step(st), ret = 0;
	if (null)
		*null = true;
	if (rc == SQLITE_ROW) {
		for (int i = 0; i < n; i++)
			out[i] = sqlite3_column_int64(st, i);
		if (null)
			*null = sqlite3_column_type(st, 0) == SQLITE_NULL;
	} else if (rc != SQLITE_DONE) {
		ret = db_fail(db, e, "coverage");
	}
	sqlite3_finalize(st);
	return ret;
}

int coverage_store_maxlen(struct db *db, int64_t event, int64_t *maxlen, struct err *e)
{
	return query_ints(db, maxlen_sql, &event, 1, maxlen, 1, NULL, e);
}

int coverage_store_sums(struct db *db, int64_t event, int64_t from, int64_t to, int64_t maxlen,
                        struct coverage_sums *out, struct err *e)
{
	int64_t b[] = {event, from, to, maxlen}, v[5] = {0};
	if (query_ints(db, sums_sql, b, 4, v, 5, NULL, e) < 0)
		return -1;
	*out = (struct coverage_sums){v[0], v[1], v[2], v[3], v[4]};
	return 0;
}

int coverage_store_next_start(struct db *db, int64_t event, int64_t t, int64_t *out, bool *found,
                              struct err *e)
{
	int64_t b[] = {event, t};
	bool null;
	if (query_ints(db, next_sql, b, 2, out, 1, &null, e) < 0)
		return -1;
	*found = !null;
	return 0;
}

int coverage_store_prev_end(struct db *db, int64_t event, int64_t t, int64_t maxlen, int64_t *out,
                            bool *found, struct err *e)
{
	int64_t b[] = {event, t}, start;
	bool null;
	*found = false;
	if (query_ints(db, prev_start_sql, b, 2, &start, 1, &null, e) < 0)
		return -1;
	if (null)
		return 0;
	/* a shift ending latest starts no earlier than maxlen before the last start */
	int64_t b2[] = {event, start, maxlen, t};
	if (query_ints(db, prev_end_sql, b2, 4, out, 1, &null, e) < 0)
		return -1;
	*found = !null;
	return 0;
}
