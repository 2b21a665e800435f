/* demo_store.c - bulk rows for the large demo: prepared INSERTs reused across
 * rows (bound, reset, stepped), and clearing all tables for `demo --force`. */
#include "demo_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "../core/xmalloc.h"
#include "db_internal.h"

struct demo_insert {
	struct db *db;
	sqlite3_stmt *st;
	size_t n;
	char table[32];
};

/* Tables `demo --force` keeps: who may use the database is no demo data. */
static const char *const kept_tables[] = {"lead"};
/* but a lead's scope row names an event, role or organization that goes */
static const char sql_scoped_leads[] =
    "DELETE FROM lead WHERE event IS NOT NULL OR role_id IS NOT NULL OR org IS NOT NULL";

static bool kept(const char *table)
{
	for (size_t i = 0; i < ARRAY_LEN(kept_tables); i++)
		if (strcmp(table, kept_tables[i]) == 0)
			return true;
	return false;
}

/* Every ordinary table of the schema, whichever migration made it (search
 * indexes follow through their triggers). */
static const char tables_sql[] = "SELECT name FROM pragma_table_list"
                                 " WHERE schema = 'main' AND type = 'table'"
                                 " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

int demo_store_insert_prepare(struct db *db, const char *table, const char *const *cols, size_t n,
                              struct demo_insert **out, struct err *e)
{
	size_t len = 64 + strlen(table);
	for (size_t i = 0; i < n; i++)
		len += strlen(cols[i]) + 5;
	char *sql = xmalloc(len);
	size_t at = (size_t)snprintf(sql, len, "INSERT INTO %s (", table);
	for (size_t i = 0; i < n; i++)
		at += (size_t)snprintf(sql + at, len - at, "%s%s", i ? ", " : "", cols[i]);
	at += (size_t)snprintf(sql + at, len - at, ") VALUES (");
	for (size_t i = 0; i < n; i++)
		at += (size_t)snprintf(sql + at, len - at, "%s", i ? ", ?" : "?");
	snprintf(sql + at, len - at, ")");
	sqlite3_stmt *st;
	int ret = db_prepare(db, sql, &st, e);
	free(sql);
	if (ret < 0)
		return -1;
	struct demo_insert *ins = xcalloc(1, sizeof *ins);
	ins->db = db;
	ins->st = st;
	ins->n = n;
	snprintf(ins->table, sizeof ins->table, "%s", table);
	*out = ins;
	return 0;
}

static int bind_one(sqlite3_stmt *st, int at, const struct db_value *v)
{
	if (v->kind == DBV_INT)
		return sqlite3_bind_int64(st, at, v->i);
	if (v->kind == DBV_TEXT)
		return sqlite3_bind_text(st, at, v->s, -1, SQLITE_STATIC);
	return sqlite3_bind_null(st, at);
}

int demo_store_insert_row(struct demo_insert *ins, const struct db_value *vals, int64_t *id,
                          struct err *e)
{
	sqlite3_stmt *st = ins->st;
	for (size_t i = 0; i < ins->n; i++) {
		if (bind_one(st, (int)i + 1, &vals[i]) != SQLITE_OK) {
			sqlite3_reset(st);
			return db_fail(ins->db, e, ins->table);
		}
	}
	int rc = sqlite3_step(st);
	int ret = rc == SQLITE_DONE ? 0 : db_fail(ins->db, e, ins->table);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (ret == 0 && id)
		*id = sqlite3_last_insert_rowid(db_handle(ins->db));
	return ret;
}

void demo_store_insert_free(struct demo_insert *ins)
{
	if (!ins)
		return;
	sqlite3_finalize(ins->st);
	free(ins);
}

int demo_store_clear(struct db *db, struct err *e)
{
	sqlite3_stmt *st;
	/* foreign keys are checked at commit, so the order of deletes is free */
	if (db_exec(db, "PRAGMA defer_foreign_keys = ON", e) < 0 ||
	    db_prepare(db, tables_sql, &st, e) < 0)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = db_column_text(st, DB_COL_ONLY);
		if (!name || kept(name))
			continue;
		XGROW(names, n, cap, 32);
		names[n++] = xstrdup(name);
	}
	sqlite3_finalize(st);
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "listing tables");
	for (size_t i = 0; i < n; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "DELETE FROM \"%s\"", names[i]);
		if (ret == 0 && db_exec(db, sql, e) < 0)
			ret = -1;
		free(names[i]);
	}
	free(names);
	if (ret == 0 && db_exec(db, sql_scoped_leads, e) < 0)
		ret = -1;
	return ret;
}
