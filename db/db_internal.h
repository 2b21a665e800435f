/* db_internal.h - what the store files of db/ share: the raw handle, one
 * prepare helper, and SQLite error translation. Never included outside db/. */
#ifndef MUSTER_DB_INTERNAL_H
#define MUSTER_DB_INTERNAL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "db.h"
#include "record_store.h"

sqlite3 *db_handle(struct db *db);
/* Prepare sql; on failure fill e (ERR_DB) and return -1. */
int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st, struct err *e);
/* A prepared statement for sql from the connection's cache (reset, no
 * bindings), prepared on a miss; a fresh one when the cached copy is in use
 * (nested). Give it back with db_release on every path. sql is looked up
 * by its text, so SQL built at run time is cached as well. */
int db_acquire(struct db *db, const char *sql, sqlite3_stmt **st, struct err *e);
/* Back to the cache (reset, bindings cleared), or finalized when it is not
 * a cached one (db_prepare's statements may be released this way too). */
void db_release(struct db *db, sqlite3_stmt *st);
/* Fill e from the connection's last error, prefixed by what; returns -1.
 * Busy/locked become a clear ERR_DB; constraint failures ERR_REFUSED. */
int db_fail(struct db *db, struct err *e, const char *what);
/* Step a statement that returns no rows, then release it (db_release). */
int db_exec_stmt(struct db *db, sqlite3_stmt *st, struct err *e, const char *what);
/* Run literal SQL (no parameters) */
int db_exec(struct db *db, const char *sql, struct err *e);
/* Rows are read by the names of their columns (fossil's db_column_*): a
 * SELECT of more than one column has an enum next to it naming them in
 * order and ending with their count (EV_NAME, ..., EV_NCOLS), and every read
 * uses a name; a one-column SELECT reads DB_COL_ONLY. db_columns holds the
 * enum and the statement together. */
#define DB_COL_ONLY 0
/* The "detail" column of EXPLAIN QUERY PLAN. */
#define DB_PLAN_DETAIL 3
static inline int64_t db_column_int64(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int64(st, col);
}
static inline int db_column_int(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int(st, col);
}
static inline bool db_column_bool(sqlite3_stmt *st, int col)
{
	return sqlite3_column_int(st, col) != 0;
}
/* Does st return the ncols columns its enum names? Otherwise (a column added
 * to one and not the other) an assertion fails in debug and test builds,
 * and elsewhere e is ERR_DB and -1 returned: the caller releases st. */
int db_columns(sqlite3_stmt *st, int ncols, struct err *e);
/* Column i of the current row as text: NULL when the value is NULL. */
const char *db_column_text(sqlite3_stmt *st, int i);
/* Column i as a db_value (record_store.h): NULL, an integer, or text
 * borrowed from the statement (copy 0: valid until the next step) or
 * malloc'd (copy 1). */
struct db_value db_column_value(sqlite3_stmt *st, int i, int copy);
/* db_acquire, then db_columns: a cached statement for sql, checked to
 * return the ncols columns its enum names. */
int db_acquire_cols(struct db *db, const char *sql, int ncols, sqlite3_stmt **st, struct err *e);
/* Step st (acquired, bound) to its one row: 0 there, the row to read and
 * then db_release. Else st is released and -1 returned with e filled:
 * ERR_NOT_FOUND "what ID: not found" when there is no row. */
int db_one_row(struct db *db, sqlite3_stmt *st, const char *what, int64_t id, struct err *e);
/* db_acquire (ncols 0) or db_acquire_cols, then bind the n integers v to
 * ?1, ?2, ... (those the statement has). */
int db_acquire_ints(struct db *db, const char *sql, int ncols, const int64_t *v, int n,
                    sqlite3_stmt **st, struct err *e);
/* The one row of sql (ncols columns) for id bound to ?1: db_acquire_ints,
 * then db_one_row (ERR_NOT_FOUND "what ID: not found" when none). At 0, *st
 * is on the row: read it, then db_release. */
int db_row_by_id(struct db *db, const char *sql, int ncols, int64_t id, const char *what,
                 sqlite3_stmt **st, struct err *e);
/* Step st (prepared and bound) calling row for each row until it returns
 * non-zero, then release st (db_release). Returns what row stopped with, 0
 * at the end, or -1 with e filled (db_fail, what) when a step fails. */
int db_each_row(struct db *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *st, void *arg), void *arg,
                struct err *e, const char *what);
/* The caller's callback and argument, carried through db_each_row to the
 * row function that fills the caller's row struct and calls it: with
 * DB_RELAY(int (*shift)(void *arg, const struct x_shift *s);), a store has
 * struct relay r = {.to.shift = fn, .arg = arg}, and its row function
 * calls r->to.shift(r->arg, &row). One member for each kind of row. */
#define DB_RELAY(...)                                                                              \
	struct relay {                                                                             \
		union {                                                                            \
			__VA_ARGS__                                                                \
		} to;                                                                              \
		void *arg;                                                                         \
	}
/* db_acquire_ints, then db_each_row: 0 at the end or when row stopped it,
 * -1 with e filled. */
int db_each_row_ints(struct db *db, const char *sql, int ncols, const int64_t *v, int n,
                     int (*row)(sqlite3_stmt *st, void *arg), void *arg, struct err *e,
                     const char *what);
/* Column i as text, "" when NULL. */
const char *db_column_str(sqlite3_stmt *st, int i);
/* Column i copied into buf of n bytes ("" when NULL), cut at a UTF-8
 * character boundary when it does not fit. */
void db_column_copy(sqlite3_stmt *st, int i, char *buf, size_t n);
/* Apply the migrations in migrate.c. */
int db_migrate(struct db *db, struct err *e);

#endif
