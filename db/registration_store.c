/* registration_store.c - one person's registration for one event, through
 * the UNIQUE (event, person) index. */
#include "registration_store.h"

#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "status_sql.h"

static const char sql_find[] =
    "SELECT id, kind, status, coalesce(waitlist_position, 0), coalesce(checked_in_at, 0),"
    " coalesce(checked_out_at, 0) FROM registration WHERE event = ? AND person = ?";
/* Two counts of index ranges (event, status): cheaper than reading each
 * row's status over a summit's 70,000 registrations. */
static const char sql_counts[] =
    "SELECT (SELECT count(*) FROM registration WHERE event = ?1 AND status "
    "IN " REGISTRATION_ATTENDING_SQL "),"
    " (SELECT count(*) FROM registration WHERE event = ?1 AND status = 'checked_in')";

static int run(struct db *db, const char *sql, int64_t a, int64_t b, int nb, sqlite3_stmt **st,
               struct err *e)
{
	if (db_acquire(db, sql, st, e) < 0)
		return -1;
	sqlite3_bind_int64(*st, 1, a);
	if (nb > 1)
		sqlite3_bind_int64(*st, 2, b);
	return 0;
}

int registration_store_find(struct db *db, int64_t event, int64_t person, struct reg_row *out,
                            bool *found, struct err *e)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	*found = false;
	if (run(db, sql_find, event, person, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		out->id = sqlite3_column_int64(st, 0);
		db_column_copy(st, 1, out->kind, sizeof out->kind);
		db_column_copy(st, 2, out->status, sizeof out->status);
		out->position = sqlite3_column_int64(st, 3);
		out->checked_in_at = sqlite3_column_int64(st, 4);
		out->checked_out_at = sqlite3_column_int64(st, 5);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "registration");
}

int registration_store_counts(struct db *db, int64_t event, int64_t *standing, int64_t *checked_in,
                              struct err *e)
{
	sqlite3_stmt *st;
	*standing = *checked_in = 0;
	if (run(db, sql_counts, event, 0, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*standing = sqlite3_column_int64(st, 0);
		*checked_in = sqlite3_column_int64(st, 1);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "registration");
}
