/* kiosk_store.c - SQL for the volunteer kiosk: the kiosk_lock and
 * kiosk_failure tables shared by every kiosk process, a volunteer's own
 * shifts, and pre-filtered open shifts. */
#include "kiosk_store.h"

#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "status_sql.h"

/* The columns every kiosk row reads, in struct kiosk_store_row order (named
 * by enum row_col); the query names its shift s, its event e, role r, room
 * rm, booth b, lead l and the volunteer's assignment a. */
enum row_col {
	RC_SHIFT,
	RC_EVENT,
	RC_STARTS,
	RC_ENDS,
	RC_TZ,
	RC_EVENT_NAME,
	RC_ROLE,
	RC_PLACE,
	RC_LEAD,
	RC_LEAD_CONFIDENTIAL,
	RC_CANCELLED,
	RC_STATUS,
	RC_CHECKED_IN_AT,
	RC_CHECKED_OUT_AT,
	RC_FILLED,
	RC_NEED_MAX,
	RC_NCOLS
};
#define ROW_COLS_LEAD(lead)                                                                        \
	"SELECT s.id, s.event, s.starts, s.ends, e.tz, e.name, r.name,"                            \
	" COALESCE(rm.name, b.label, e.venue, ''), " lead ","                                      \
	" (s.status = 'cancelled' OR e.status = 'cancelled'),"                                     \
	" COALESCE(a.status, ''), COALESCE(a.checked_in_at, 0), COALESCE(a.checked_out_at, 0),"    \
	" (SELECT COUNT(*) FROM assignment x"                                                      \
	"  WHERE x.shift = s.id AND x.status IN " ASSIGNMENT_ACTIVE_SQL "),"                       \
	" s.need_max"
#define ROW_COLS ROW_COLS_LEAD("COALESCE(l.name, ''), COALESCE(l.confidential, 0)")
#define ROW_JOINS                                                                                  \
	" JOIN event e ON e.id = s.event JOIN role r ON r.id = s.role"                             \
	" LEFT JOIN room rm ON rm.id = s.room LEFT JOIN booth b ON b.id = s.booth"                 \
	" LEFT JOIN person l ON l.id = r.lead"

enum lock_col { LK_FAILURES, LK_LOCKED_UNTIL, LK_NCOLS };
static const char sql_lock_get[] = "SELECT failures, locked_until FROM kiosk_lock WHERE code = ?";
static const char sql_lock_put[] =
    "INSERT INTO kiosk_lock (code, failures, locked_until) VALUES (?, ?, ?)"
    " ON CONFLICT (code) DO UPDATE SET failures = excluded.failures,"
    " locked_until = excluded.locked_until";
static const char sql_lock_clear[] = "DELETE FROM kiosk_lock WHERE code = ?";
enum failures_col { FA_COUNT, FA_CODES, FA_PAUSED_AT };
static const char sql_failures[] =
    "SELECT COUNT(*), COUNT(DISTINCT code), COALESCE(MAX(CASE WHEN paused THEN at END), 0)"
    " FROM kiosk_failure WHERE at > ?";
static const char sql_failure_add[] = "INSERT INTO kiosk_failure (code, at) VALUES (?, ?)";
static const char sql_failures_mark[] =
    "UPDATE kiosk_failure SET paused = 1"
    " WHERE id = (SELECT id FROM kiosk_failure WHERE at > ? ORDER BY at DESC, id DESC LIMIT 1)";
static const char sql_failure_forget[] = "DELETE FROM kiosk_failure WHERE id = ?";
static const char sql_failures_prune[] = "DELETE FROM kiosk_failure WHERE at < ?";
enum person_col { PE_ID, PE_CONFIDENTIAL, PE_NAME, PE_HAS_PIN, PE_NCOLS };
static const char sql_person[] =
    "SELECT id, confidential, name, pin_hash IS NOT NULL FROM person WHERE volunteer_code = ?";

/* Checked-in shifts stay listed this long after their end, for checking out. */
#define CHECKOUT_GRACE_S 86400

static const char sql_mine[] =
    ROW_COLS " FROM assignment a JOIN shift s ON s.id = a.shift" ROW_JOINS
             " WHERE a.person = ?1 AND a.status IN " ASSIGNMENT_ACTIVE_SQL
             " AND (s.ends > ?2 OR (a.status = 'checked_in'"
             " AND s.ends > ?2 - ?3))"
             " ORDER BY s.starts, s.id LIMIT ?4";

static const char sql_shift[] =
    ROW_COLS " FROM shift s LEFT JOIN assignment a"
             " ON a.shift = s.id AND a.person = ?1" ROW_JOINS " WHERE s.id = ?2";

/* Events first (CROSS JOIN keeps that order), so shifts come through
 * shift_by_event (event, starts); the cheap tests go before the subqueries. */
static const char sql_open[] = ROW_COLS_LEAD(
    "'', 0") " FROM event e CROSS JOIN shift s ON s.event = e.id AND s.starts > ?2"
             " JOIN role r ON r.id = s.role"
             " LEFT JOIN room rm ON rm.id = s.room LEFT JOIN booth b ON b.id = s.booth"
             " LEFT JOIN assignment a ON a.shift = s.id AND a.person = ?1"
             " WHERE e.status <> 'cancelled' AND s.status = 'open'"
             " AND (s.starts > ?3 OR (s.starts = ?3 AND s.id > ?4))"
             " AND (a.id IS NULL OR a.status = 'dropped')"
             " AND (r.skill IS NULL OR EXISTS (SELECT 1 FROM person_skill ps"
             "  WHERE ps.person = ?1 AND ps.skill = r.skill))"
             " AND (SELECT COUNT(*) FROM assignment x WHERE x.shift = s.id"
             "  AND x.status IN " ASSIGNMENT_ACTIVE_SQL ") < s.need_max"
             " AND NOT EXISTS (SELECT 1 FROM assignment m JOIN shift o ON o.id = m.shift"
             "  WHERE m.person = ?1 AND m.status IN " ASSIGNMENT_ACTIVE_SQL
             " AND o.starts < s.ends AND s.starts < o.ends)"
             " ORDER BY s.starts, s.id LIMIT ?5";

static void row_read(sqlite3_stmt *st, struct kiosk_store_row *r)
{
	memset(r, 0, sizeof *r);
	r->shift = db_column_int64(st, RC_SHIFT);
	r->event = db_column_int64(st, RC_EVENT);
	r->starts = db_column_int64(st, RC_STARTS);
	r->ends = db_column_int64(st, RC_ENDS);
	db_column_copy(st, RC_TZ, r->tz, sizeof r->tz);
	db_column_copy(st, RC_EVENT_NAME, r->event_name, sizeof r->event_name);
	db_column_copy(st, RC_ROLE, r->role, sizeof r->role);
	db_column_copy(st, RC_PLACE, r->place, sizeof r->place);
	db_column_copy(st, RC_LEAD, r->lead, sizeof r->lead);
	r->lead_confidential = db_column_bool(st, RC_LEAD_CONFIDENTIAL);
	r->cancelled = db_column_bool(st, RC_CANCELLED);
	db_column_copy(st, RC_STATUS, r->status, sizeof r->status);
	r->checked_in_at = db_column_int64(st, RC_CHECKED_IN_AT);
	r->checked_out_at = db_column_int64(st, RC_CHECKED_OUT_AT);
	r->filled = db_column_int(st, RC_FILLED);
	r->need_max = db_column_int(st, RC_NEED_MAX);
}

/* Step st (already bound) into out[0..limit), then finalize. */
static int rows_read(struct db *db, sqlite3_stmt *st, struct kiosk_store_row *out, int limit,
                     int *count, struct err *e)
{
	int rc = SQLITE_DONE, n = 0;
	if (db_columns(st, RC_NCOLS, e) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		row_read(st, &out[n++]);
	if (n < limit && rc != SQLITE_DONE) {
		db_fail(db, e, "kiosk shifts");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	*count = n;
	return 0;
}

int kiosk_store_lock_get(struct db *db, const char *code, int *failures, int64_t *locked_until,
                         struct err *e)
{
	sqlite3_stmt *st;
	*failures = 0;
	*locked_until = 0;
	if (db_prepare(db, sql_lock_get, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*failures = db_column_int(st, LK_FAILURES);
		*locked_until = db_column_int64(st, LK_LOCKED_UNTIL);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, e, "kiosk lockout");
	return 0;
}

int kiosk_store_lock_put(struct db *db, const char *code, int failures, int64_t locked_until,
                         struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql_lock_put, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, failures);
	sqlite3_bind_int64(st, 3, locked_until);
	return db_exec_stmt(db, st, e, "kiosk lockout");
}

int kiosk_store_failures(struct db *db, int64_t since, int *count, int *codes, int64_t *paused_at,
                         struct err *e)
{
	sqlite3_stmt *st;
	*count = *codes = 0;
	*paused_at = 0;
	if (db_acquire(db, sql_failures, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, since);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*count = db_column_int(st, FA_COUNT);
		*codes = db_column_int(st, FA_CODES);
		*paused_at = db_column_int64(st, FA_PAUSED_AT);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_fail(db, e, "kiosk failures");
		db_release(db, st);
		return -1;
	}
	db_release(db, st);
	return 0;
}

int kiosk_store_failure_add(struct db *db, const char *code, int64_t at, int64_t *id, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql_failure_add, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, at);
	if (db_exec_stmt(db, st, e, "kiosk failures") < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db_handle(db));
	return 0;
}

int kiosk_store_failures_mark_paused(struct db *db, int64_t since, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql_failures_mark, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, since);
	return db_exec_stmt(db, st, e, "kiosk failures");
}

int kiosk_store_failure_forget(struct db *db, int64_t id, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql_failure_forget, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_exec_stmt(db, st, e, "kiosk failures");
}

int kiosk_store_failures_prune(struct db *db, int64_t before, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql_failures_prune, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, before);
	return db_exec_stmt(db, st, e, "kiosk failures");
}

int kiosk_store_lock_clear(struct db *db, const char *code, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql_lock_clear, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(db, st, e, "kiosk lockout");
}

int kiosk_store_person(struct db *db, const char *code, int64_t *id, bool *confidential,
                       bool *has_pin, char *name, size_t n, struct err *e)
{
	sqlite3_stmt *st;
	*id = 0;
	*confidential = *has_pin = false;
	if (n)
		name[0] = '\0';
	if (db_prepare(db, sql_person, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = db_column_int64(st, PE_ID);
		*confidential = db_column_bool(st, PE_CONFIDENTIAL);
		*has_pin = db_column_bool(st, PE_HAS_PIN);
		if (n)
			db_column_copy(st, PE_NAME, name, n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, e, "volunteer code");
	return 0;
}

int kiosk_store_mine(struct db *db, int64_t person, int64_t now, struct kiosk_store_row *out,
                     int limit, int *count, struct err *e)
{
	sqlite3_stmt *st;
	*count = 0;
	if (db_prepare(db, sql_mine, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, CHECKOUT_GRACE_S);
	sqlite3_bind_int(st, 4, limit);
	return rows_read(db, st, out, limit, count, e);
}

int kiosk_store_shift(struct db *db, int64_t person, int64_t shift, struct kiosk_store_row *out,
                      struct err *e)
{
	sqlite3_stmt *st;
	int n = 0;
	if (db_prepare(db, sql_shift, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, shift);
	if (rows_read(db, st, out, 1, &n, e) < 0)
		return -1;
	if (n == 0)
		return err_set(e, ERR_NOT_FOUND, "shift %lld: not found", (long long)shift);
	return 0;
}

int kiosk_store_open(struct db *db, int64_t person, int64_t min_start, int64_t after_starts,
                     int64_t after_id, struct kiosk_store_row *out, int limit, int *count,
                     struct err *e)
{
	sqlite3_stmt *st;
	*count = 0;
	if (db_prepare(db, sql_open, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, min_start);
	sqlite3_bind_int64(st, 3, after_starts);
	sqlite3_bind_int64(st, 4, after_id);
	sqlite3_bind_int(st, 5, limit);
	return rows_read(db, st, out, limit, count, e);
}
