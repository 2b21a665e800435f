/* waitlist_store.c - one set of statements per waitlist table, written
 * once by WAITLIST_SQL; each reads through its table's index on (group,
 * status, waitlist_position). */
#include "waitlist_store.h"

#include "db_internal.h"
#include "status_sql.h"

/* The first waiting: its columns. */
enum first_col { FW_ID, FW_PERSON, FW_POSITION, FW_NCOLS };

struct waitlist_sql {
	const char *what;
	const char *seated, *last, *first, *close_gap, *promote;
};

/* The statements of a table whose group column is grp; seat_sql and
 * wait_sql are its status sets (db/status_sql.h). */
#define WAITLIST_SQL(tbl, grp, seat_sql, wait_sql)                                                 \
	{                                                                                          \
		.what = tbl,                                                                       \
		.seated = "SELECT count(*) FROM main." tbl " WHERE " grp " = ? AND " seat_sql      \
		          " AND id != ?",                                                          \
		.last = "SELECT coalesce(max(waitlist_position), 0) FROM main." tbl " WHERE " grp  \
		        " = ? AND " wait_sql,                                                      \
		.first =                                                                           \
		    "SELECT id, person, coalesce(waitlist_position, 0) FROM main." tbl             \
		    " WHERE " grp " = ? AND " wait_sql " ORDER BY waitlist_position, id LIMIT 1",  \
		.close_gap = "UPDATE main." tbl " SET waitlist_position = waitlist_position - 1"   \
		             " WHERE " grp " = ? AND " wait_sql " AND waitlist_position > ?",      \
		.promote =                                                                         \
		    "UPDATE main." tbl " SET status = 'registered', waitlist_position = NULL"      \
		    " WHERE id = ?",                                                               \
	}

static const struct waitlist_sql tables[] = {
    [WL_REGISTRATION] = WAITLIST_SQL("registration", "event",
                                     "kind = " REGISTRATION_SEATED_KIND_SQL
                                     " AND status IN " REGISTRATION_SEATED_SQL,
                                     "status = " REGISTRATION_WAITLISTED_SQL),
    [WL_SIGNUP] = WAITLIST_SQL("signup", "session", "status IN " SIGNUP_SEATED_SQL,
                               "status = " SIGNUP_WAITLISTED_SQL),
};

static int one_int(struct db *db, enum waitlist_table t, const char *sql, int64_t a, int64_t b,
                   int nb, int64_t *out, struct err *e)
{
	sqlite3_stmt *st;
	*out = 0;
	if (db_acquire_ints(db, sql, 0, (int64_t[]){a, b}, nb, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = db_column_int64(st, DB_COL_ONLY);
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, tables[t].what);
}

int waitlist_store_seated(struct db *db, enum waitlist_table t, int64_t group, int64_t except,
                          int64_t *n, struct err *e)
{
	return one_int(db, t, tables[t].seated, group, except, 2, n, e);
}

int waitlist_store_last_position(struct db *db, enum waitlist_table t, int64_t group, int64_t *pos,
                                 struct err *e)
{
	return one_int(db, t, tables[t].last, group, 0, 1, pos, e);
}

int waitlist_store_first(struct db *db, enum waitlist_table t, int64_t group, int64_t *id,
                         int64_t *person, int64_t *position, struct err *e)
{
	sqlite3_stmt *st;
	*id = *person = *position = 0;
	if (db_acquire_cols(db, tables[t].first, FW_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, group);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = db_column_int64(st, FW_ID);
		*person = db_column_int64(st, FW_PERSON);
		*position = db_column_int64(st, FW_POSITION);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, tables[t].what);
}

int waitlist_store_close_gap(struct db *db, enum waitlist_table t, int64_t group, int64_t position,
                             struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire_ints(db, tables[t].close_gap, 0, (int64_t[]){group, position}, 2, &st, e) <
	    0)
		return -1;
	return db_exec_stmt(db, st, e, tables[t].what);
}

int waitlist_store_promote(struct db *db, enum waitlist_table t, int64_t id, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire_ints(db, tables[t].promote, 0, (int64_t[]){id, 0}, 1, &st, e) < 0)
		return -1;
	return db_exec_stmt(db, st, e, tables[t].what);
}
