/* undo_store.c - the statements of audit_step and audit_value (migration
 * 13): marking and valuing entries as they are written, and finding a
 * session's steps, their changes and what came after them. */
#include "undo_store.h"

#include <stdio.h>
#include <string.h>

#include "db_internal.h"

/* The changes an undo can take back. */
#define CHANGE_SQL "a.action IN ('add', 'set', 'rm')"

static int bind_value(sqlite3_stmt *st, int at, const struct db_value *v)
{
	if (v && v->kind == DBV_INT)
		return sqlite3_bind_int64(st, at, v->i);
	if (v && v->kind == DBV_TEXT)
		return sqlite3_bind_text(st, at, v->s, -1, SQLITE_TRANSIENT);
	return sqlite3_bind_null(st, at);
}

int undo_store_mark(struct db *db, int64_t audit, const char *session, int64_t step, int64_t undoes,
                    struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db,
	               "INSERT INTO main.audit_step (audit, session, step, undoes)"
	               " VALUES (?1, ?2, ?3, nullif(?4, 0))",
	               &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, audit);
	sqlite3_bind_text(st, 2, session, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, step);
	sqlite3_bind_int64(st, 4, undoes);
	return db_exec_stmt(db, st, e, "audit step");
}

int undo_store_value(struct db *db, int64_t audit, const char *field, const struct db_value *before,
                     const struct db_value *after, bool withheld, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db,
	               "INSERT INTO main.audit_value (audit, field, before, after, withheld)"
	               " VALUES (?1, ?2, ?3, ?4, ?5)",
	               &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, audit);
	sqlite3_bind_text(st, 2, field, -1, SQLITE_TRANSIENT);
	if (bind_value(st, 3, withheld ? NULL : before) != SQLITE_OK ||
	    bind_value(st, 4, withheld ? NULL : after) != SQLITE_OK) {
		db_fail(db, e, "audit value");
		db_release(db, st);
		return -1;
	}
	sqlite3_bind_int(st, 5, withheld);
	return db_exec_stmt(db, st, e, "audit value");
}

enum last_col { LS_STEP, LS_TOP, LS_NCOLS };

int undo_store_last_step(struct db *db, const char *session, int64_t below, int64_t *step,
                         int64_t *top, struct err *e)
{
	sqlite3_stmt *st;
	*step = *top = 0;
	if (db_acquire_cols(
	        db,
	        "SELECT s.step, max(s.audit) FROM main.audit_step s"
	        " JOIN main.audit a ON a.id = s.audit"
	        " WHERE s.session = ?1 AND (?2 = 0 OR s.audit < ?2)"
	        " AND s.undoes IS NULL AND " CHANGE_SQL
	        " AND NOT EXISTS (SELECT 1 FROM main.audit_step u WHERE u.undoes = s.audit)"
	        " GROUP BY s.step ORDER BY 2 DESC LIMIT 1",
	        LS_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, session, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, below);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*step = db_column_int64(st, LS_STEP);
		*top = db_column_int64(st, LS_TOP);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "audit steps");
}

enum entry_col { EN_ID, EN_ACTION, EN_ENTITY, EN_ENTITY_ID, EN_NCOLS };

struct entries {
	int (*fn)(void *arg, const struct undo_entry *u);
	void *arg;
};

static int entry_row(sqlite3_stmt *st, void *arg)
{
	struct entries *en = arg;
	struct undo_entry u = {.id = db_column_int64(st, EN_ID),
	                       .entity_id = db_column_int64(st, EN_ENTITY_ID)};
	db_column_copy(st, EN_ACTION, u.action, sizeof u.action);
	db_column_copy(st, EN_ENTITY, u.entity, sizeof u.entity);
	return en->fn(en->arg, &u);
}

int undo_store_entries(struct db *db, const char *session, int64_t step,
                       int (*fn)(void *arg, const struct undo_entry *u), void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire_cols(db,
	                    "SELECT a.id, a.action, a.entity, coalesce(a.entity_id, 0)"
	                    " FROM main.audit_step s JOIN main.audit a ON a.id = s.audit"
	                    " WHERE s.session = ?1 AND s.step = ?2 AND " CHANGE_SQL
	                    " ORDER BY a.id",
	                    EN_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, session, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, step);
	struct entries en = {fn, arg};
	return db_each_row(db, st, entry_row, &en, e, "audit steps");
}

enum value_col { VA_FIELD, VA_BEFORE, VA_AFTER, VA_WITHHELD, VA_NCOLS };

struct values {
	undo_value_fn fn;
	void *arg;
};

static int value_row(sqlite3_stmt *st, void *arg)
{
	struct values *va = arg;
	struct db_value before = db_column_value(st, VA_BEFORE, 0);
	struct db_value after = db_column_value(st, VA_AFTER, 0);
	return va->fn(va->arg, db_column_str(st, VA_FIELD), &before, &after,
	              db_column_bool(st, VA_WITHHELD));
}

int undo_store_values(struct db *db, int64_t audit, undo_value_fn fn, void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire_ints(db,
	                    "SELECT field, before, after, withheld FROM main.audit_value"
	                    " WHERE audit = ?1",
	                    VA_NCOLS, (int64_t[]){audit}, 1, &st, e) < 0)
		return -1;
	struct values va = {fn, arg};
	return db_each_row(db, st, value_row, &va, e, "audit values");
}

enum later_col { LA_ID, LA_ACTOR, LA_NCOLS };

int undo_store_later(struct db *db, const char *entity, int64_t id, int64_t audit,
                     const char *session, int64_t step, int64_t *later, char *actor, size_t n,
                     struct err *e)
{
	sqlite3_stmt *st;
	*later = 0;
	actor[0] = '\0';
	if (db_acquire_cols(db,
	                    "SELECT a.id, a.actor FROM main.audit a"
	                    " WHERE a.entity = ?1 AND a.entity_id = ?2 AND a.id > ?3"
	                    " AND NOT EXISTS (SELECT 1 FROM main.audit_step s WHERE s.audit = a.id"
	                    " AND s.session = ?4 AND s.step = ?5)"
	                    " ORDER BY a.id DESC LIMIT 1",
	                    LA_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, entity, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, audit);
	sqlite3_bind_text(st, 4, session, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 5, step);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*later = db_column_int64(st, LA_ID);
		db_column_copy(st, LA_ACTOR, actor, n);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "audit");
}

int undo_store_forget(struct db *db, int64_t audit, const char *text, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(
	        db,
	        "DELETE FROM main.audit_value WHERE audit = ?1 OR (?2 IS NOT NULL AND ?2 != ''"
	        " AND (instr(before, ?2) > 0 OR instr(after, ?2) > 0))",
	        &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, audit);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 2);
	return db_exec_stmt(db, st, e, "audit values");
}
