/* db_internal.h - what the store files of db/ share: the raw handle, one
 * prepare helper, and SQLite error translation. Never included outside db/. */
#ifndef MUSTER_DB_INTERNAL_H
#define MUSTER_DB_INTERNAL_H

#include <sqlite3.h>

#include "db.h"

sqlite3 *db_handle(struct db *db);
/* Prepare sql; on failure fill e (ERR_DB) and return -1. */
int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st, struct err *e);
/* Fill e from the connection's last error, prefixed by what; returns -1.
 * Busy/locked become a clear ERR_DB; constraint failures ERR_REFUSED. */
int db_fail(struct db *db, struct err *e, const char *what);
/* Step a statement that returns no rows, then finalize it. */
int db_exec_stmt(struct db *db, sqlite3_stmt *st, struct err *e, const char *what);
/* Run literal SQL (no parameters) */
int db_exec(struct db *db, const char *sql, struct err *e);
/* Apply the migrations in migrate.c. */
int db_migrate(struct db *db, struct err *e);

#endif
