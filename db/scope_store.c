/* scope_store.c - a lead's scope as TEMP views over every table (see
 * scope_store.h): the lead's login and ids in TEMP tables, one view per
 * table of the main schema with its columns (masked or nulled where the
 * scope says) and its WHERE, and the function muster_saw that tells core
 * which confidential people a query let through. */
#include "scope_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/strbuf.h"
#include "../core/xmalloc.h"
#include "db_internal.h"

static const char sql_ids[] = "CREATE TEMP TABLE lead_me (login TEXT NOT NULL);"
                              "CREATE TEMP TABLE lead_event (id INTEGER PRIMARY KEY);"
                              "CREATE TEMP TABLE lead_role (id INTEGER PRIMARY KEY);"
                              "CREATE TEMP TABLE lead_org (id INTEGER PRIMARY KEY);";

/* muster_saw(id, confidential): true; a confidential row is told to core. */
static void fn_saw(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const struct scope_def *d = sqlite3_user_data(cx);
	if (argc == 2 && sqlite3_value_int64(argv[1]) != 0 && d->saw)
		d->saw(d->arg, sqlite3_value_int64(argv[0]));
	sqlite3_result_int(cx, 1);
}

static int insert_ids(struct db *db, const char *table, const int64_t *ids, size_t n, struct err *e)
{
	char sql[96];
	sqlite3_stmt *st;
	snprintf(sql, sizeof sql, "INSERT OR IGNORE INTO temp.%s (id) VALUES (?)", table);
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			ret = db_fail(db, e, "lead scope");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return ret;
}

static int fill_ids(struct db *db, const struct scope_def *d, struct err *e)
{
	sqlite3_stmt *st;
	if (db_exec(db, sql_ids, e) < 0 ||
	    db_prepare(db, "INSERT INTO temp.lead_me (login) VALUES (?)", &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, d->login, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, "lead scope");
	if (insert_ids(db, "lead_event", d->events, d->nevents, e) < 0 ||
	    insert_ids(db, "lead_role", d->roles, d->nroles, e) < 0 ||
	    insert_ids(db, "lead_org", d->orgs, d->norgs, e) < 0)
		return -1;
	return 0;
}

static const struct scope_table *table_of(const struct scope_def *d, const char *name)
{
	for (size_t i = 0; i < d->ntables; i++)
		if (strcmp(d->tables[i].table, name) == 0)
			return &d->tables[i];
	return NULL;
}

/* "table.column" in list? */
static bool listed(const char *const *list, size_t n, const char *table, const char *col)
{
	size_t tl = strlen(table);
	for (size_t i = 0; i < n; i++)
		if (strncmp(list[i], table, tl) == 0 && list[i][tl] == '.' &&
		    strcmp(list[i] + tl + 1, col) == 0)
			return true;
	return false;
}

enum table_info_col { TI_CID, TI_NAME };

/* CREATE TEMP VIEW name AS SELECT <columns> FROM main.name AS name WHERE ... */
static int make_view(struct db *db, const struct scope_def *d, const char *name, struct err *e)
{
	const struct scope_table *t = table_of(d, name);
	struct strbuf b = {0};
	char *info = xasprintf("SELECT cid, name FROM pragma_table_info('%s', 'main')", name);
	sqlite3_stmt *st;
	int ret = db_prepare(db, info, &st, e);
	free(info);
	if (ret < 0)
		return -1;
	strbuf_addf(&b, "CREATE TEMP VIEW \"%s\" AS SELECT ", name);
	for (int n = 0; sqlite3_step(st) == SQLITE_ROW; n++) {
		const char *col = db_column_str(st, TI_NAME);
		strbuf_add(&b, n ? ", " : "");
		if (listed(d->secret, d->nsecret, name, col))
			strbuf_addf(&b, "NULL AS \"%s\"", col);
		else if (listed(d->masked, d->nmasked, name, col))
			strbuf_addf(&b,
			            "CASE WHEN %s THEN \"%s\".\"%s\" ELSE '" SCOPE_MASK
			            "' END AS \"%s\"",
			            t && t->cover ? t->cover : "0", name, col, col);
		else
			strbuf_addf(&b, "\"%s\".\"%s\"", name, col);
	}
	sqlite3_finalize(st);
	strbuf_addf(&b, " FROM main.\"%s\" AS \"%s\" WHERE %s", name, name,
	            t && t->where ? t->where : "0");
	ret = db_exec(db, strbuf_str(&b), e);
	if (ret < 0)
		err_prefix(e, "lead scope: view of %s", name);
	strbuf_free(&b);
	return ret;
}

int scope_store_install(struct db *db, const struct scope_def *d, struct err *e)
{
	/* what the views hold never goes to a file: temporary tables, indexes
	 * and sorts stay in memory */
	if (db_exec(db, "PRAGMA temp_store = MEMORY", e) < 0 || fill_ids(db, d, e) < 0)
		return -1;
	if (sqlite3_create_function(db_handle(db), "muster_saw", 2, SQLITE_UTF8, (void *)d, fn_saw,
	                            NULL, NULL) != SQLITE_OK)
		return db_fail(db, e, "lead scope");
	sqlite3_stmt *st;
	if (db_prepare(db,
	               "SELECT name FROM main.sqlite_master WHERE type = 'table'"
	               " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
	               &st, e) < 0)
		return -1;
	char **names = NULL;
	size_t n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		names = xrealloc(names, (n + 1) * sizeof *names);
		names[n++] = xstrdup(db_column_str(st, DB_COL_ONLY));
	}
	sqlite3_finalize(st);
	int ret = 0;
	for (size_t i = 0; i < n; i++) {
		if (ret == 0)
			ret = make_view(db, d, names[i], e);
		free(names[i]);
	}
	free(names);
	return ret;
}

int scope_store_row(struct db *db, const char *table, const char *where, int64_t id, int *yes,
                    struct err *e)
{
	char *sql = xasprintf("SELECT EXISTS (SELECT 1 FROM \"%s\" WHERE \"%s\".id = ? AND (%s))",
	                      table, table, where ? where : "1");
	sqlite3_stmt *st;
	int ret = db_acquire(db, sql, &st, e);
	free(sql);
	if (ret < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW && db_column_int64(st, DB_COL_ONLY) != 0;
	if (rc != SQLITE_ROW)
		ret = db_fail(db, e, table);
	db_release(db, st);
	return ret;
}
