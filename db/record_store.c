/* record_store.c - generic insert/update/delete/select over one table, the
 * SQL built only from identifiers in muster's static tables, values bound. */
#include "record_store.h"

#include <stdlib.h>
#include <string.h>

#include "../core/strbuf.h"
#include "../core/xmalloc.h"
#include "db_internal.h"

struct db_value db_int(int64_t i)
{
	return (struct db_value){.kind = DBV_INT, .i = i};
}

struct db_value db_text(const char *s)
{
	return (struct db_value){.kind = s ? DBV_TEXT : DBV_NULL, .s = (char *)s};
}

struct db_value db_null(void)
{
	return (struct db_value){.kind = DBV_NULL};
}

void db_value_clear(struct db_value *v)
{
	if (v->kind == DBV_TEXT)
		free(v->s);
	*v = db_null();
}

static int bind_values(sqlite3_stmt *st, int first, const struct db_value *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int at = first + (int)i, rc;
		if (v[i].kind == DBV_INT)
			rc = sqlite3_bind_int64(st, at, v[i].i);
		else if (v[i].kind == DBV_TEXT)
			rc = sqlite3_bind_text(st, at, v[i].s, -1, SQLITE_TRANSIENT);
		else
			rc = sqlite3_bind_null(st, at);
		if (rc != SQLITE_OK)
			return -1;
	}
	return 0;
}

struct db_value db_column_value(sqlite3_stmt *st, int i, int copy)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		return db_null();
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		return db_int(sqlite3_column_int64(st, i));
	default: {
		const char *t = (const char *)sqlite3_column_text(st, i);
		return (struct db_value){.kind = DBV_TEXT, .s = copy ? xstrdup(t) : (char *)t};
	}
	}
}

/* The statement built in b (cached), b freed either way. */
static int acquire_built(struct db *db, struct strbuf *b, sqlite3_stmt **st, struct err *e)
{
	int ret = db_acquire(db, strbuf_str(b), st, e);
	strbuf_free(b);
	return ret;
}

static int run_built(struct db *db, struct strbuf *b, const struct db_value *vals, size_t n,
                     const struct db_value *tail, size_t ntail, struct err *e, const char *what)
{
	sqlite3_stmt *st;
	if (acquire_built(db, b, &st, e) < 0)
		return -1;
	if (bind_values(st, 1, vals, n) < 0 || bind_values(st, (int)n + 1, tail, ntail) < 0) {
		db_fail(db, e, what);
		db_release(db, st);
		return -1;
	}
	return db_exec_stmt(db, st, e, what);
}

/* n items joined by ", ": each the column cols[i] (none when cols is NULL)
 * followed by each ("", " = ?", "?"). */
static void add_list(struct strbuf *b, const char *const *cols, size_t n, const char *each)
{
	for (size_t i = 0; i < n; i++) {
		strbuf_add(b, i ? ", " : "");
		strbuf_add(b, cols ? cols[i] : "");
		strbuf_add(b, each);
	}
}

int record_store_insert(struct db *db, const char *table, const char *const *cols,
                        const struct db_value *vals, size_t n, int64_t *id, struct err *e)
{
	struct strbuf b = {0};
	strbuf_addf(&b, "INSERT INTO main.%s (", table);
	add_list(&b, cols, n, "");
	strbuf_add(&b, n ? ") VALUES (" : ") DEFAULT VALUES");
	add_list(&b, NULL, n, "?");
	if (n)
		strbuf_add(&b, ")");
	if (run_built(db, &b, vals, n, NULL, 0, e, table) < 0)
		return -1;
	if (id)
		*id = sqlite3_last_insert_rowid(db_handle(db));
	return 0;
}

int record_store_update(struct db *db, const char *table, int64_t id, const char *const *cols,
                        const struct db_value *vals, size_t n, struct err *e)
{
	if (n == 0)
		return 0;
	struct strbuf b = {0};
	strbuf_addf(&b, "UPDATE main.%s SET ", table);
	add_list(&b, cols, n, " = ?");
	strbuf_add(&b, " WHERE id = ?");
	struct db_value key = db_int(id);
	return run_built(db, &b, vals, n, &key, 1, e, table);
}

int record_store_delete(struct db *db, const char *table, int64_t id, struct err *e)
{
	struct strbuf b = {0};
	strbuf_addf(&b, "DELETE FROM main.%s WHERE id = ?", table);
	struct db_value key = db_int(id);
	return run_built(db, &b, &key, 1, NULL, 0, e, table);
}

static void add_select(struct strbuf *b, const char *table, const char *const *cols, size_t n)
{
	strbuf_add(b, "SELECT ");
	add_list(b, cols, n, "");
	strbuf_addf(b, " FROM %s", table);
}

int record_store_get(struct db *db, const char *table, int64_t id, const char *const *cols,
                     size_t n, struct db_value *out, struct err *e)
{
	struct strbuf b = {0};
	add_select(&b, table, cols, n);
	strbuf_add(&b, " WHERE id = ?");
	sqlite3_stmt *st;
	if (acquire_built(db, &b, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (db_one_row(db, st, table, id, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		out[i] = db_column_value(st, (int)i, 1);
	db_release(db, st);
	return 0;
}

int record_store_scan(struct db *db, const struct record_query *q, record_row_fn fn, void *arg,
                      struct err *e)
{
	struct strbuf b = {0};
	add_select(&b, q->table, q->cols, q->ncols);
	if (q->where) {
		strbuf_add(&b, " WHERE ");
		strbuf_add(&b, q->where);
	}
	strbuf_add(&b, " ORDER BY ");
	strbuf_add(&b, q->order_by ? q->order_by : "id");
	if (q->limit > 0)
		strbuf_add(&b, " LIMIT ?");
	sqlite3_stmt *st;
	if (acquire_built(db, &b, &st, e) < 0)
		return -1;
	int ret = 0;
	struct db_value lim = db_int(q->limit);
	if (bind_values(st, 1, q->binds, q->nbinds) < 0 ||
	    (q->limit > 0 && bind_values(st, (int)q->nbinds + 1, &lim, 1) < 0)) {
		db_fail(db, e, q->table);
		db_release(db, st);
		return -1;
	}
	struct db_value *vals = xcalloc(q->ncols, sizeof *vals);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (size_t i = 0; i < q->ncols; i++)
			vals[i] = db_column_value(st, (int)i, 0);
		if (fn(arg, vals, q->ncols))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_fail(db, e, q->table);
	free(vals);
	db_release(db, st);
	return ret;
}

int record_store_refs(struct db *db, const char *table, const char *col, int64_t id, int64_t *first,
                      size_t max, int64_t *count, struct err *e)
{
	struct strbuf b = {0};
	strbuf_addf(&b, "SELECT id, count(*) OVER () FROM main.%s WHERE %s = ? ORDER BY id LIMIT ?",
	            table, col);
	sqlite3_stmt *st;
	if (acquire_built(db, &b, &st, e) < 0)
		return -1;
	int ret = 0;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	*count = 0;
	size_t k = 0;
	int rc;
	enum { REF_ID, REF_COUNT };
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k < max)
			first[k++] = db_column_int64(st, REF_ID);
		*count = db_column_int64(st, REF_COUNT);
	}
	if (rc != SQLITE_DONE)
		ret = db_fail(db, e, table);
	db_release(db, st);
	return ret;
}

int record_store_find_all(struct db *db, const char *table, const char *const *cols,
                          const struct db_value *v, size_t n, int64_t except_id, int64_t *id,
                          struct err *e)
{
	struct strbuf b = {0};
	strbuf_addf(&b, "SELECT id FROM main.%s WHERE ", table);
	for (size_t i = 0; i < n; i++) {
		/* the column's own collation applies: NOCASE where the schema says so */
		strbuf_add(&b, cols[i]);
		strbuf_add(&b, " = ? AND ");
	}
	strbuf_add(&b, "id != ? LIMIT 1");
	sqlite3_stmt *st;
	if (acquire_built(db, &b, &st, e) < 0)
		return -1;
	int ret = 0;
	struct db_value except = db_int(except_id);
	bind_values(st, 1, v, n);
	bind_values(st, (int)n + 1, &except, 1);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? db_column_int64(st, DB_COL_ONLY) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_fail(db, e, table);
	db_release(db, st);
	return ret;
}

int record_store_find(struct db *db, const char *table, const char *col, const struct db_value *v,
                      int64_t except_id, int64_t *id, struct err *e)
{
	return record_store_find_all(db, table, &col, v, 1, except_id, id, e);
}

int record_store_exists(struct db *db, const char *table, int64_t id, bool *found, struct err *e)
{
	char *sql = xasprintf("SELECT EXISTS (SELECT 1 FROM %s WHERE id = ?)", table);
	struct db_value key = db_int(id), out;
	int ret = record_store_value(db, sql, &key, 1, &out, e);
	free(sql);
	*found = ret == 0 && out.kind == DBV_INT && out.i;
	return ret;
}

int record_store_value(struct db *db, const char *sql, const struct db_value *binds, size_t nbinds,
                       struct db_value *out, struct err *e)
{
	sqlite3_stmt *st;
	*out = db_null();
	if (db_acquire(db, sql, &st, e) < 0)
		return -1;
	if (bind_values(st, 1, binds, nbinds) < 0) {
		db_fail(db, e, "query");
		db_release(db, st);
		return -1;
	}
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW)
		*out = db_column_value(st, DB_COL_ONLY, 1);
	else if (rc != SQLITE_DONE)
		ret = db_fail(db, e, "query");
	db_release(db, st);
	return ret;
}
