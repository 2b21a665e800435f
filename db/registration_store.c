/* registration_store.c - seats and the waitlist, through the indexes
 * registration_by_kind (event, kind, status) and registration_by_status
 * (event, status, waitlist_position). */
#include "registration_store.h"

#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "status_sql.h"

enum find_col {
	FI_ID,
	FI_KIND,
	FI_STATUS,
	FI_POSITION,
	FI_CHECKED_IN_AT,
	FI_CHECKED_OUT_AT,
	FI_NCOLS
};
static const char sql_find[] =
    "SELECT id, kind, status, coalesce(waitlist_position, 0), coalesce(checked_in_at, 0),"
    " coalesce(checked_out_at, 0) FROM main.registration WHERE event = ? AND person = ?";
static const char sql_seated[] = "SELECT count(*) FROM main.registration WHERE event = ?"
                                 " AND kind = " REGISTRATION_SEATED_KIND_SQL
                                 " AND status IN " REGISTRATION_SEATED_SQL " AND id != ?";
static const char sql_last[] = "SELECT coalesce(max(waitlist_position), 0) FROM main.registration"
                               " WHERE event = ? AND status = " REGISTRATION_WAITLISTED_SQL;
enum first_col { FW_ID, FW_PERSON, FW_POSITION, FW_NCOLS };
static const char sql_first[] =
    "SELECT id, person, coalesce(waitlist_position, 0) FROM main.registration"
    " WHERE event = ? AND status = " REGISTRATION_WAITLISTED_SQL
    " ORDER BY waitlist_position, id LIMIT 1";
static const char sql_close_gap[] =
    "UPDATE main.registration SET waitlist_position = waitlist_position - 1"
    " WHERE event = ? AND status = " REGISTRATION_WAITLISTED_SQL " AND waitlist_position > ?";
static const char sql_promote[] = "UPDATE main.registration SET status = 'registered',"
                                  " waitlist_position = NULL WHERE id = ?";

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
		out->id = db_column_int64(st, FI_ID);
		db_column_copy(st, FI_KIND, out->kind, sizeof out->kind);
		db_column_copy(st, FI_STATUS, out->status, sizeof out->status);
		out->position = db_column_int64(st, FI_POSITION);
		out->checked_in_at = db_column_int64(st, FI_CHECKED_IN_AT);
		out->checked_out_at = db_column_int64(st, FI_CHECKED_OUT_AT);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "registration");
}

static int one_int(struct db *db, const char *sql, int64_t a, int64_t b, int nb, int64_t *out,
                   struct err *e)
{
	sqlite3_stmt *st;
	*out = 0;
	if (run(db, sql, a, b, nb, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = db_column_int64(st, DB_COL_ONLY);
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "registration");
}

int registration_store_seated(struct db *db, int64_t event, int64_t except, int64_t *n,
                              struct err *e)
{
	return one_int(db, sql_seated, event, except, 2, n, e);
}

int registration_store_last_position(struct db *db, int64_t event, int64_t *pos, struct err *e)
{
	return one_int(db, sql_last, event, 0, 1, pos, e);
}

int registration_store_first_waiting(struct db *db, int64_t event, int64_t *id, int64_t *person,
                                     int64_t *position, struct err *e)
{
	sqlite3_stmt *st;
	*id = *person = *position = 0;
	if (run(db, sql_first, event, 0, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = db_column_int64(st, FW_ID);
		*person = db_column_int64(st, FW_PERSON);
		*position = db_column_int64(st, FW_POSITION);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "registration");
}

int registration_store_close_gap(struct db *db, int64_t event, int64_t position, struct err *e)
{
	sqlite3_stmt *st;
	if (run(db, sql_close_gap, event, position, 2, &st, e) < 0)
		return -1;
	return db_exec_stmt(db, st, e, "registration");
}

int registration_store_promote(struct db *db, int64_t id, struct err *e)
{
	sqlite3_stmt *st;
	if (run(db, sql_promote, id, 0, 1, &st, e) < 0)
		return -1;
	return db_exec_stmt(db, st, e, "registration");
}
