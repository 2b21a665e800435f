/* backup_store.c - the online backup: sqlite3_backup_step(-1) copies every
 * page under one read transaction of the source, which in WAL mode never
 * holds a writer up; the copy is then made a standalone rollback-journal
 * file, stamped and checked on its own connection. */
#include "backup_store.h"

#include <stdio.h>
#include <string.h>

#include "db_internal.h"

static int dest_fail(sqlite3 *h, struct err *e, const char *what)
{
	return err_set(e, ERR_DB, "backup: %s: %s", what, sqlite3_errmsg(h));
}

static int dest_exec(sqlite3 *h, const char *sql, struct err *e)
{
	if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return dest_fail(h, e, sql);
	return 0;
}

/* PRAGMA integrity_check on the copy. */
static int dest_check(sqlite3 *h, struct err *e)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return dest_fail(h, e, "integrity check");
	int ret = 0;
	if (sqlite3_step(st) != SQLITE_ROW)
		ret = dest_fail(h, e, "integrity check");
	else if (strcmp(db_column_str(st, DB_COL_ONLY), "ok") != 0)
		ret = err_set(e, ERR_DB, "backup: the copy fails its integrity check: %s",
		              db_column_str(st, DB_COL_ONLY));
	sqlite3_finalize(st);
	return ret;
}

static int copy_pages(struct db *db, sqlite3 *dest, int64_t *pages, struct err *e)
{
	sqlite3_backup *b = sqlite3_backup_init(dest, "main", db_handle(db), "main");
	if (!b)
		return dest_fail(dest, e, "starting the copy");
	int rc = sqlite3_backup_step(b, -1);
	*pages = sqlite3_backup_pagecount(b);
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return err_set(e, ERR_DB, "backup: the database stayed busy; try again");
	return err_set(e, ERR_DB, "backup: copying: %s", sqlite3_errstr(rc));
}

int backup_store_copy(struct db *db, const char *path, int64_t *pages, struct err *e)
{
	sqlite3 *dest = NULL;
	if (sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		err_set(e, ERR_DB, "backup: %s: %s", path,
		        dest ? sqlite3_errmsg(dest) : "out of memory");
		sqlite3_close_v2(dest);
		return -1;
	}
	char stamp[64];
	snprintf(stamp, sizeof stamp, "PRAGMA application_id = %d", (int)BACKUP_APPLICATION_ID);
	int ret = copy_pages(db, dest, pages, e);
	if (ret == 0)
		ret = dest_exec(dest, "PRAGMA journal_mode = DELETE", e);
	if (ret == 0)
		ret = dest_exec(dest, stamp, e);
	if (ret == 0)
		ret = dest_check(dest, e);
	if (sqlite3_close_v2(dest) != SQLITE_OK && ret == 0)
		ret = err_set(e, ERR_DB, "backup: closing the copy failed");
	return ret;
}
