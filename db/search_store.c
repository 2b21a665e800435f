/* search_store.c - pausing and resuming the search indexes for a bulk
 * write. The pause is a row per searched table in search_pause holding its
 * last id; the triggers leave rows past it alone (db/migrate.c, version
 * 10), and the resume indexes them with INSERT ... SELECT, one statement
 * per index, then deletes the rows of the pause. Both run inside the
 * writer's transaction: no other connection ever sees a pause. */
#include "search_store.h"

#include "db_internal.h"
#include "search_sql.h"

#define PAUSE_ONE(t)                                                                               \
	"INSERT OR REPLACE INTO search_pause (tbl, last)"                                          \
	" SELECT '" #t "', coalesce(max(id), 0) FROM " #t ";"
#define RESUME_ONE(t)                                                                              \
	"INSERT INTO " #t "_trigram (rowid, " SEARCH_COLS_##t ") SELECT id, " SEARCH_COLS_##t      \
	    " FROM " #t " WHERE id > (SELECT last FROM search_pause WHERE tbl = '" #t "');"        \
	    "INSERT INTO " #t "_words (rowid, " SEARCH_COLS_##t ") SELECT id, " SEARCH_COLS_##t    \
	    " FROM " #t " WHERE id > (SELECT last FROM search_pause WHERE tbl = '" #t "');"

static const char pause_sql[] = SEARCH_TABLES(PAUSE_ONE);
static const char resume_sql[] = SEARCH_TABLES(RESUME_ONE) "DELETE FROM search_pause;";

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
