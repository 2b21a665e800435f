/* privacy_store.c - the SQL of the privacy lifecycle. Table and column names
 * come from the schema itself (sqlite_master, PRAGMA foreign_key_list) and
 * are quoted as identifiers; every value is bound. */
#include "privacy_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/array.h"
#include "../core/strbuf.h"
#include "../core/xmalloc.h"
#include "db_internal.h"

/* An identifier from the schema, quoted: "name" with inner quotes doubled. */
static void sql_ident(struct strbuf *b, const char *name)
{
	char *q = sqlite3_mprintf("\"%w\"", name);
	strbuf_add(b, q);
	sqlite3_free(q);
}

/* Prepare sql, whose columns enum names ncols of (db_columns). */
static int prepare_cols(struct db *db, const char *sql, int ncols, sqlite3_stmt **st, struct err *e)
{
	if (db_prepare(db, sql, st, e) < 0)
		return -1;
	if (db_columns(*st, ncols, e) < 0) {
		sqlite3_finalize(*st);
		*st = NULL;
		return -1;
	}
	return 0;
}

/* ---- the references ----------------------------------------------------- */

enum ref_col { RF_TABLE, RF_COLUMN, RF_NCOLS };
static const char sql_refs[] =
    "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
    " WHERE m.type = 'table' AND f.\"table\" = 'person' COLLATE NOCASE ORDER BY m.name, f.id";
/* The foreign keys of one table: column, referenced table and column. */
enum fk_col { FK_FROM, FK_TABLE, FK_TO, FK_NCOLS };
static const char sql_fks[] =
    "SELECT \"from\", \"table\", coalesce(\"to\", 'rowid') FROM pragma_foreign_key_list(?)"
    " ORDER BY id";

/* The column of table that references event, "" when none. */
static int event_column(struct db *db, const char *table, char *out, size_t n, struct err *e)
{
	sqlite3_stmt *st;
	out[0] = '\0';
	if (prepare_cols(db, sql_fks, FK_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (strcasecmp(db_column_str(st, FK_TABLE), "event") == 0 && !out[0])
			snprintf(out, n, "%s", db_column_str(st, FK_FROM));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "foreign keys");
}

/* How a row of r->table reaches its event: its own event column, else
 * through one reference to a table that has one. */
static int find_event_expr(struct db *db, struct person_ref *r, struct err *e)
{
	char col[64];
	r->event_expr[0] = '\0';
	if (event_column(db, r->table, col, sizeof col, e) < 0)
		return -1;
	if (col[0]) {
		char *q = sqlite3_mprintf("t.\"%w\"", col);
		snprintf(r->event_expr, sizeof r->event_expr, "%s", q);
		sqlite3_free(q);
		return 0;
	}
	sqlite3_stmt *st;
	if (prepare_cols(db, sql_fks, FK_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, r->table, -1, SQLITE_TRANSIENT);
	int rc;
	while (!r->event_expr[0] && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *from = db_column_str(st, FK_FROM);
		const char *to_table = db_column_str(st, FK_TABLE);
		const char *to_col = db_column_str(st, FK_TO);
		if (strcasecmp(to_table, "person") == 0 ||
		    event_column(db, to_table, col, sizeof col, e) < 0 || !col[0])
			continue;
		char *q =
		    sqlite3_mprintf("(SELECT u.\"%w\" FROM \"%w\" u WHERE u.\"%w\" = t.\"%w\")",
		                    col, to_table, to_col, from);
		snprintf(r->event_expr, sizeof r->event_expr, "%s", q);
		sqlite3_free(q);
	}
	sqlite3_finalize(st);
	return 0;
}

int privacy_store_person_refs(struct db *db, struct person_ref **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	if (prepare_cols(db, sql_refs, RF_NCOLS, &st, e) < 0)
		return -1;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(*out, *n, cap, 16);
		struct person_ref *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		db_column_copy(st, RF_TABLE, r->table, sizeof r->table);
		db_column_copy(st, RF_COLUMN, r->column, sizeof r->column);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, "foreign keys");
	for (size_t i = 0; i < *n; i++)
		if (find_event_expr(db, &(*out)[i], e) < 0)
			return -1;
	return 0;
}

/* ---- rows pointing at a person ----------------------------------------- */

/* "SELECT what FROM table t WHERE t.column = ?1" */
static char *ref_sql(const char *what, const struct person_ref *r, const char *more)
{
	struct strbuf b = {0};
	strbuf_add(&b, "SELECT ");
	strbuf_add(&b, what);
	strbuf_add(&b, " FROM ");
	sql_ident(&b, r->table);
	strbuf_add(&b, " t WHERE t.");
	sql_ident(&b, r->column);
	strbuf_add(&b, " = ?1");
	strbuf_add(&b, more ? more : "");
	return strbuf_take(&b);
}

static int run_rows(struct db *db, const char *sql, int64_t id, privacy_row_fn fn, void *arg,
                    struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int ncols = sqlite3_column_count(st), rc;
	const char **names = xcalloc((size_t)ncols + 1, sizeof *names);
	struct db_value *vals = xcalloc((size_t)ncols + 1, sizeof *vals);
	for (int i = 0; i < ncols; i++)
		names[i] = sqlite3_column_name(st, i);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++)
			vals[i] = db_column_value(st, i, 0);
		if (fn(arg, names, vals, (size_t)ncols)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "reading");
	free(names);
	free(vals);
	sqlite3_finalize(st);
	return ret;
}

int privacy_store_rows(struct db *db, const char *table, const char *column, int64_t id,
                       privacy_row_fn fn, void *arg, struct err *e)
{
	struct person_ref r = {0};
	snprintf(r.table, sizeof r.table, "%s", table);
	snprintf(r.column, sizeof r.column, "%s", column);
	char *sql = ref_sql("t.*", &r, " ORDER BY t.rowid");
	int ret = run_rows(db, sql, id, fn, arg, e);
	free(sql);
	return ret;
}

static int one_int(struct db *db, const char *sql, int64_t a, int64_t *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? db_column_int64(st, DB_COL_ONLY) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "counting");
}

int privacy_store_count(struct db *db, const struct person_ref *r, int64_t person, int64_t *n,
                        struct err *e)
{
	char *sql = ref_sql("count(*)", r, NULL);
	int ret = one_int(db, sql, person, n, e);
	free(sql);
	return ret;
}

/* the row and its event */
enum open_col { OR_ROW, OR_EVENT, OR_NCOLS };

int privacy_store_open_rows(struct db *db, const struct person_ref *r, int64_t person,
                            int64_t ends_after, int (*fn)(void *arg, int64_t row, int64_t event),
                            void *arg, struct err *e)
{
	if (!r->event_expr[0])
		return 0;
	struct strbuf what = {0}, more = {0};
	strbuf_add(&what, "t.rowid, ");
	strbuf_add(&what, r->event_expr);
	strbuf_add(&more, " AND ");
	strbuf_add(&more, r->event_expr);
	strbuf_add(&more, " IN (SELECT id FROM event WHERE ends > ?2) ORDER BY t.rowid");
	char *sql = ref_sql(strbuf_str(&what), r, strbuf_str(&more));
	strbuf_free(&what);
	strbuf_free(&more);
	sqlite3_stmt *st;
	int ret = prepare_cols(db, sql, OR_NCOLS, &st, e);
	free(sql);
	if (ret < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, ends_after);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(arg, db_column_int64(st, OR_ROW), db_column_int64(st, OR_EVENT))) {
			rc = SQLITE_DONE;
			break;
		}
	ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, r->table);
	sqlite3_finalize(st);
	return ret;
}

static int exec_id(struct db *db, const char *sql, int64_t id, const char *what, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_exec_stmt(db, st, e, what);
}

int privacy_store_delete(struct db *db, const struct person_ref *r, int64_t person, struct err *e)
{
	struct strbuf b = {0};
	strbuf_add(&b, "DELETE FROM ");
	sql_ident(&b, r->table);
	strbuf_add(&b, " WHERE ");
	sql_ident(&b, r->column);
	strbuf_add(&b, " = ?1");
	int ret = exec_id(db, strbuf_str(&b), person, r->table, e);
	strbuf_free(&b);
	return ret;
}

int privacy_store_clear(struct db *db, const struct person_ref *r, int64_t person, struct err *e)
{
	struct strbuf b = {0};
	strbuf_add(&b, "UPDATE ");
	sql_ident(&b, r->table);
	strbuf_add(&b, " SET ");
	sql_ident(&b, r->column);
	strbuf_add(&b, " = NULL WHERE ");
	sql_ident(&b, r->column);
	strbuf_add(&b, " = ?1");
	int ret = exec_id(db, strbuf_str(&b), person, r->table, e);
	strbuf_free(&b);
	return ret;
}

/* ---- the person --------------------------------------------------------- */

static const char sql_anonymize[] =
    "UPDATE person SET name = ?2, email = NULL, phone = NULL, org = NULL, birth_date = NULL,"
    " confidential = 0, volunteer_code = ?3, pin_hash = NULL, notes = NULL, keep = 0,"
    " keep_reason = NULL, erased_at = ?4 WHERE id = ?1";

int privacy_store_anonymize(struct db *db, int64_t person, const char *name, const char *code,
                            int64_t now, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql_anonymize, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, now);
	return db_exec_stmt(db, st, e, "person");
}

/* The code's lock and its failed attempts (the global limit's rows). */
static const char *const forget_code_sql[] = {
    "DELETE FROM kiosk_lock WHERE code = ?1",
    "DELETE FROM kiosk_failure WHERE code = ?1",
};

int privacy_store_unlock_code(struct db *db, const char *code, struct err *e)
{
	for (size_t i = 0; i < ARRAY_LEN(forget_code_sql); i++) {
		sqlite3_stmt *st;
		if (db_prepare(db, forget_code_sql[i], &st, e) < 0)
			return -1;
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
		if (db_exec_stmt(db, st, e, "kiosk lock") < 0)
			return -1;
	}
	return 0;
}

int privacy_store_name_shared(struct db *db, int64_t person, const char *name, bool *shared,
                              struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db,
	               "SELECT 1 FROM person WHERE name = ?2 COLLATE NOCASE AND id != ?1"
	               " AND erased_at IS NULL LIMIT 1",
	               &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	*shared = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "person");
}

/* ---- the audit log ------------------------------------------------------ */

/* WHERE for the entries about ?1 (the person) or by ?2 (their kiosk actor). */
static void where_about(struct strbuf *b, const struct audit_filter *f)
{
	strbuf_add(b, " WHERE (entity = 'person' AND entity_id = ?1) OR actor = ?2");
	for (size_t i = 0; i < f->nrefs; i++) {
		char *q = sqlite3_mprintf(" OR (entity = %Q AND entity_id IN (SELECT t.rowid FROM "
		                          "\"%w\" t WHERE t.\"%w\" = ?1))",
		                          f->refs[i].table, f->refs[i].table, f->refs[i].column);
		strbuf_add(b, q);
		sqlite3_free(q);
	}
}

/* WHERE for the entries holding needle ?i in their actor or summary. */
static void where_holding(struct strbuf *b, const struct audit_filter *f)
{
	strbuf_add(b, " WHERE 0");
	for (size_t i = 0; i < f->nneedles; i++)
		strbuf_addf(b, " OR instr(actor, ?%zu) OR instr(summary, ?%zu)", i + 1, i + 1);
}

static int audit_prepare(struct db *db, const char *cols, const struct audit_filter *f,
                         sqlite3_stmt **st, struct err *e)
{
	struct strbuf b = {0};
	strbuf_add(&b, "SELECT ");
	strbuf_add(&b, cols);
	strbuf_add(&b, " FROM audit");
	if (f->person > 0)
		where_about(&b, f);
	else
		where_holding(&b, f);
	strbuf_add(&b, " ORDER BY id");
	int ret = db_prepare(db, strbuf_str(&b), st, e);
	strbuf_free(&b);
	if (ret < 0)
		return -1;
	if (f->person > 0) {
		sqlite3_bind_int64(*st, 1, f->person);
		sqlite3_bind_text(*st, 2, f->kiosk_actor ? f->kiosk_actor : "", -1,
		                  SQLITE_TRANSIENT);
	} else {
		for (size_t i = 0; i < f->nneedles; i++)
			sqlite3_bind_text(*st, (int)i + 1, f->needles[i], -1, SQLITE_TRANSIENT);
	}
	return 0;
}

enum audit_col { AU_ID, AU_ACTOR, AU_SUMMARY, AU_NCOLS };

int privacy_store_audit_each(struct db *db, const struct audit_filter *f, privacy_audit_fn fn,
                             void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (audit_prepare(db, "id, actor, summary", f, &st, e) < 0)
		return -1;
	if (db_columns(st, AU_NCOLS, e) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(arg, db_column_int64(st, AU_ID), db_column_str(st, AU_ACTOR),
		       db_column_str(st, AU_SUMMARY))) {
			rc = SQLITE_DONE;
			break;
		}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "audit");
	sqlite3_finalize(st);
	return ret;
}

int privacy_store_audit_rows(struct db *db, const struct audit_filter *f, privacy_row_fn fn,
                             void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (audit_prepare(db, "id, at, actor, action, entity, entity_id, event, summary", f, &st,
	                  e) < 0)
		return -1;
	int ncols = sqlite3_column_count(st), rc;
	const char *names[8];
	struct db_value vals[8];
	for (int i = 0; i < ncols && i < 8; i++)
		names[i] = sqlite3_column_name(st, i);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols && i < 8; i++)
			vals[i] = db_column_value(st, i, 0);
		if (fn(arg, names, vals, (size_t)ncols)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "audit");
	sqlite3_finalize(st);
	return ret;
}

int privacy_store_audit_rewrite(struct db *db, int64_t id, const char *actor, const char *summary,
                                struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "UPDATE audit SET actor = ?2, summary = ?3 WHERE id = ?1", &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, actor, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, summary, -1, SQLITE_TRANSIENT);
	return db_exec_stmt(db, st, e, "audit");
}

/* ---- retention ---------------------------------------------------------- */

/* "SELECT t.col AS person FROM table t WHERE <event_expr> IN (SELECT id FROM
 * <events>)" for each reference that leads to an event, joined by UNION ALL. */
static void union_in_events(struct strbuf *b, const struct person_ref *refs, size_t nrefs,
                            const char *events)
{
	bool first = true;
	for (size_t i = 0; i < nrefs; i++) {
		if (!refs[i].event_expr[0])
			continue;
		strbuf_add(b, first ? "" : " UNION ALL ");
		first = false;
		strbuf_add(b, "SELECT t.");
		sql_ident(b, refs[i].column);
		strbuf_add(b, " AS person FROM ");
		sql_ident(b, refs[i].table);
		strbuf_add(b, " t WHERE ");
		strbuf_add(b, refs[i].event_expr);
		strbuf_add(b, " IN ");
		strbuf_add(b, events);
	}
	if (first)
		strbuf_add(b, "SELECT NULL AS person WHERE 0");
}

/* NOT EXISTS (a row of each reference in an event still held) */
static void none_in_events(struct strbuf *b, const struct person_ref *refs, size_t nrefs,
                           const char *events)
{
	for (size_t i = 0; i < nrefs; i++) {
		if (!refs[i].event_expr[0])
			continue;
		strbuf_add(b, " AND NOT EXISTS (SELECT 1 FROM ");
		sql_ident(b, refs[i].table);
		strbuf_add(b, " t WHERE t.");
		sql_ident(b, refs[i].column);
		strbuf_add(b, " = p.id AND ");
		strbuf_add(b, refs[i].event_expr);
		strbuf_add(b, " IN ");
		strbuf_add(b, events);
		strbuf_add(b, ")");
	}
}

int privacy_store_expired(struct db *db, const struct person_ref *refs, size_t nrefs,
                          int64_t cutoff, int64_t event, int (*fn)(void *arg, int64_t person),
                          void *arg, struct err *e)
{
	struct strbuf b = {0};
	strbuf_add(&b, "SELECT DISTINCT p.id FROM (");
	union_in_events(&b, refs, nrefs,
	                "(SELECT id FROM event WHERE ends <= ?1 AND (?2 = 0 OR id = ?2))");
	strbuf_add(&b, ") c JOIN person p ON p.id = c.person"
	               " WHERE p.keep = 0 AND p.erased_at IS NULL");
	none_in_events(&b, refs, nrefs, "(SELECT id FROM event WHERE ends > ?1)");
	strbuf_add(&b, " ORDER BY p.id");
	sqlite3_stmt *st;
	int ret = db_prepare(db, strbuf_str(&b), &st, e);
	strbuf_free(&b);
	if (ret < 0)
		return -1;
	sqlite3_bind_int64(st, 1, cutoff);
	sqlite3_bind_int64(st, 2, event);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(arg, db_column_int64(st, DB_COL_ONLY))) {
			rc = SQLITE_DONE;
			break;
		}
	ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "retention");
	sqlite3_finalize(st);
	return ret;
}

/* ---- scrubbing the file ------------------------------------------------- */

static int pragma_int(struct db *db, const char *sql, int64_t *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? db_column_int64(st, DB_COL_ONLY) : 0;
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, sql);
}

/* What PRAGMA wal_checkpoint returns. */
enum ckpt_col { CK_BUSY, CK_LOG, CK_CHECKPOINTED, CK_NCOLS };

/* The search indexes (FTS5, migration 8) keep a deleted row's words in
 * their segments until the segments are merged: 'optimize' merges each
 * index into one segment without them, and the pages that held them are
 * freed (and zeroed: secure_delete) for the vacuum to drop. */
static int merge_search_indexes(struct db *db, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db,
	               "SELECT name FROM sqlite_master WHERE type = 'table'"
	               " AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5(%' ORDER BY name",
	               &st, e) < 0)
		return -1;
	int rc = SQLITE_DONE, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = db_column_text(st, DB_COL_ONLY);
		char *sql =
		    sqlite3_mprintf("INSERT INTO \"%w\"(\"%w\") VALUES ('optimize')", name, name);
		ret = db_exec(db, sql, e);
		sqlite3_free(sql);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "search index");
	sqlite3_finalize(st);
	return ret;
}

int privacy_store_scrub(struct db *db, bool *complete, struct err *e)
{
	int64_t mode, ignored;
	*complete = true;
	if (db_in_transaction(db))
		return err_set(e, ERR_DB, "scrub: inside a transaction");
	if (merge_search_indexes(db, e) < 0 || pragma_int(db, "PRAGMA auto_vacuum", &mode, e) < 0)
		return -1;
	if (mode != 2) {
		/* made before muster set it: one VACUUM turns it on */
		if (db_exec(db, "PRAGMA auto_vacuum = INCREMENTAL", e) < 0 ||
		    db_exec(db, "VACUUM", e) < 0)
			return -1;
	} else if (pragma_int(db, "PRAGMA incremental_vacuum", &ignored, e) < 0) {
		return -1;
	}
	sqlite3_stmt *st;
	if (prepare_cols(db, "PRAGMA wal_checkpoint(TRUNCATE)", CK_NCOLS, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*complete = !db_column_bool(st, CK_BUSY);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
		return db_fail(db, e, "checkpoint");
	if (rc != SQLITE_ROW)
		*complete = false;
	return 0;
}
