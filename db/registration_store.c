/* registration_store.c - one person's registration for one event, through
 * the UNIQUE (event, person) index, and an event's counts of standing and
 * checked-in registrations (registration_by_status); the seats and the
 * waitlist are db/waitlist_store.c's. */
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
/* Two counts of index ranges (event, status): cheaper than reading each
 * row's status over a summit's 70,000 registrations. */
enum count_col { CO_STANDING, CO_CHECKED_IN, CO_NCOLS };
static const char sql_counts[] =
    "SELECT (SELECT count(*) FROM registration WHERE event = ?1 AND status "
    "IN " REGISTRATION_ATTENDING_SQL "),"
    " (SELECT count(*) FROM registration WHERE event = ?1 AND status = 'checked_in')";

int registration_store_find(struct db *db, int64_t event, int64_t person, struct reg_row *out,
                            bool *found, struct err *e)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	*found = false;
	if (db_acquire_ints(db, sql_find, 0, (int64_t[]){event, person}, 2, &st, e) < 0)
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

int registration_store_counts(struct db *db, int64_t event, int64_t *standing, int64_t *checked_in,
                              struct err *e)
{
	sqlite3_stmt *st;
	*standing = *checked_in = 0;
	if (db_acquire_ints(db, sql_counts, 0, (int64_t[]){event, 0}, 1, &st, e) < 0)
		return -1;
	if (db_columns(st, CO_NCOLS, e) < 0) {
		db_release(db, st);
		return -1;
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*standing = db_column_int64(st, CO_STANDING);
		*checked_in = db_column_int64(st, CO_CHECKED_IN);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "registration");
}
