/* signup_store.c - sign-up reads through the indexes UNIQUE (session,
 * person), signup_by_person (person, status) and signup_by_status (session,
 * status, waitlist_position). */
#include "signup_store.h"

#include <stdio.h>
#include <string.h>

#include "../core/array.h"
#include "../core/xmalloc.h"
#include "db_internal.h"
#include "status_sql.h"

enum find_col { FI_ID, FI_STATUS, FI_POSITION, FI_CHECKED_IN_AT, FI_NCOLS };
static const char sql_find[] =
    "SELECT id, status, coalesce(waitlist_position, 0), coalesce(checked_in_at, 0)"
    " FROM main.signup WHERE session = ? AND person = ?";
enum session_col {
	SE_EVENT,
	SE_ROOM,
	SE_STARTS,
	SE_ENDS,
	SE_CAPACITY,
	SE_ROOM_CAPACITY,
	SE_CANCELLED,
	SE_TITLE,
	SE_NCOLS
};
static const char sql_session[] =
    "SELECT s.event, coalesce(s.room, 0), s.starts, s.ends, s.capacity,"
    " coalesce(r.capacity, 0), s.status = 'cancelled', s.title"
    " FROM main.session s LEFT JOIN main.room r ON r.id = s.room WHERE s.id = ?";
static const char sql_of_session[] = "SELECT id FROM main.signup WHERE session = ?1 AND ?2 = ?2"
                                     " AND status IN " SIGNUP_ACTIVE_SQL " ORDER BY id";
static const char sql_of_person[] =
    "SELECT g.id FROM main.signup g JOIN main.session s ON s.id = g.session"
    " WHERE g.person = ?1 AND s.event = ?2 AND g.status IN " SIGNUP_ACTIVE_SQL " ORDER BY g.id";
static const char sql_in_room[] =
    "SELECT s.id FROM main.session s WHERE s.room = ?1 AND ?2 = ?2"
    " AND EXISTS (SELECT 1 FROM main.signup g WHERE g.session = s.id) ORDER BY s.id";
static const char sql_named[] =
    "SELECT id FROM session WHERE event = ? AND (uid = ?2 OR title = ?2 COLLATE NOCASE)"
    " ORDER BY id LIMIT 2";
enum count_col { CO_STATUS, CO_COUNT, CO_NCOLS };
static const char sql_counts[] = "SELECT status, count(*) FROM signup WHERE session = ?"
                                 " GROUP BY status";

int signup_store_find(struct db *db, int64_t session, int64_t person, struct signup_row *out,
                      bool *found, struct err *e)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	*found = false;
	if (db_acquire_ints(db, sql_find, FI_NCOLS, (int64_t[]){session, person}, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		out->id = db_column_int64(st, FI_ID);
		db_column_copy(st, FI_STATUS, out->status, sizeof out->status);
		out->position = db_column_int64(st, FI_POSITION);
		out->checked_in_at = db_column_int64(st, FI_CHECKED_IN_AT);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "signup");
}

int signup_store_session(struct db *db, int64_t id, struct signup_session *out, struct err *e)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (db_row_by_id(db, sql_session, SE_NCOLS, id, "session", &st, e) < 0)
		return -1;
	out->id = id;
	out->event = db_column_int64(st, SE_EVENT);
	out->room = db_column_int64(st, SE_ROOM);
	out->starts = db_column_int64(st, SE_STARTS);
	out->ends = db_column_int64(st, SE_ENDS);
	out->capacity = db_column_int64(st, SE_CAPACITY);
	out->room_capacity = db_column_int64(st, SE_ROOM_CAPACITY);
	out->cancelled = db_column_bool(st, SE_CANCELLED);
	db_column_copy(st, SE_TITLE, out->title, sizeof out->title);
	db_release(db, st);
	return 0;
}

/* The first column of every row of sql bound to (a, b), as a malloc'd array. */
static int ids_query(struct db *db, const char *sql, int64_t a, int64_t b, int64_t **ids, size_t *n,
                     struct err *e)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	if (db_acquire_ints(db, sql, 0, (int64_t[]){a, b}, 2, &st, e) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(*ids, *n, cap, 16);
		(*ids)[(*n)++] = db_column_int64(st, DB_COL_ONLY);
	}
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "signup");
}

int signup_store_of_session(struct db *db, int64_t session, int64_t **ids, size_t *n, struct err *e)
{
	return ids_query(db, sql_of_session, session, 0, ids, n, e);
}

int signup_store_of_person(struct db *db, int64_t person, int64_t event, int64_t **ids, size_t *n,
                           struct err *e)
{
	return ids_query(db, sql_of_person, person, event, ids, n, e);
}

int signup_store_sessions_in_room(struct db *db, int64_t room, int64_t **ids, size_t *n,
                                  struct err *e)
{
	return ids_query(db, sql_in_room, room, 0, ids, n, e);
}

int signup_store_session_named(struct db *db, int64_t event, const char *text, int64_t *id,
                               int *matches, struct err *e)
{
	sqlite3_stmt *st;
	*id = 0;
	*matches = 0;
	if (db_acquire(db, sql_named, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!*matches)
			*id = db_column_int64(st, DB_COL_ONLY);
		++*matches;
	}
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "session");
}

int signup_store_counts(struct db *db, int64_t session, struct signup_counts *out, struct err *e)
{
	static const struct {
		const char *status;
		size_t at;
	} slots[] = {
	    {.status = "registered", .at = offsetof(struct signup_counts, registered)},
	    {.status = "waitlisted", .at = offsetof(struct signup_counts, waitlisted)},
	    {.status = "cancelled", .at = offsetof(struct signup_counts, cancelled)},
	    {.status = "checked_in", .at = offsetof(struct signup_counts, checked_in)},
	    {.status = "no_show", .at = offsetof(struct signup_counts, no_show)},
	};
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (db_acquire_ints(db, sql_counts, CO_NCOLS, (int64_t[]){session, 0}, 2, &st, e) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = db_column_text(st, CO_STATUS);
		for (size_t i = 0; s && i < ARRAY_LEN(slots); i++)
			if (strcmp(s, slots[i].status) == 0)
				*(int64_t *)((char *)out + slots[i].at) =
				    db_column_int64(st, CO_COUNT);
	}
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "signup");
}
