/* search_store.c - pausing and resuming the search indexes for a bulk
 * write. The pause is a row per searched table in search_pause holding its
 * last id, and the trigger that indexes new rows dropped; the triggers of
 * updates and deletes leave rows past that id alone (db/migrate.c, version
 * 11). The resume indexes those rows with INSERT ... SELECT, one statement
 * per index, makes the triggers again and deletes the pause. Both run
 * inside the writer's transaction: no other connection ever sees a pause.
 * Every name is in main: a lead's connection reads the tables through TEMP
 * views of its scope (db/scope_store.c), and the pause is about every row. */
#include "search_store.h"

#include "db_internal.h"
#include "search_sql.h"

#define PAUSE_ONE(t)                                                                               \
	"INSERT OR REPLACE INTO main.search_pause (tbl, last)"                                     \
	" SELECT '" #t "', coalesce(max(id), 0) FROM main." #t ";"                                 \
	"DROP TRIGGER main." #t "_search_add;"
#define RESUME_ONE(t)                                                                              \
	"INSERT INTO main." #t "_trigram (rowid, " SEARCH_COLS_##t ") SELECT id, " SEARCH_COLS_##t \
	    " FROM main." #t " WHERE id > (SELECT last FROM main.search_pause WHERE tbl = '" #t    \
	    "');"                                                                                  \
	    "INSERT INTO main." #t "_words (rowid, " SEARCH_COLS_##t                               \
	    ") SELECT id, " SEARCH_COLS_##t                                                        \
	    " FROM " #t " WHERE id > (SELECT last FROM search_pause WHERE tbl = '" #t              \
	    "');" SEARCH_ADD_TRIGGER(t)

static const char pause_sql[] = SEARCH_TABLES(PAUSE_ONE);
static const char resume_sql[] = SEARCH_TABLES(RESUME_ONE) "DELETE FROM main.search_pause;";

int search_store_pause(struct db *db, struct err *e)
{
	if (!db_in_transaction(db))
		return err_set(e, ERR_DB, "database: search paused outside a transaction");
	return db_exec(db, pause_sql, e);
}

int search_store_resume(struct db *db, struct err *e)
{
	return db_exec(db, resume_sql, e);
}
