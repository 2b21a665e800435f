/* db.h - the SQLite store as the rest of muster sees it: open (create,
 * migrate, pragmas), nested BEGIN IMMEDIATE transactions, change detection.
 * The handle is opaque: only db/ includes sqlite3.h. */
#ifndef MUSTER_DB_H
#define MUSTER_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/err.h"

struct db;

struct db_options {
	int busy_timeout_ms; /* how long a writer waits for another's lock */
	const char *group;   /* NULL/"": file mode 0600; else 0660 and this group */
	/* the shared server's database (tui/system.h): temporary data only in
	 * memory, and the -wal kept when the last connection closes (a muster
	 * that gave up its privilege could not create it again) */
	bool shared;
};

/* Open path (":memory:" works), creating it mode 0600 and its folder when
 * missing, then migrate to the current schema. A file that is not a database,
 * or a schema newer than this program, is ERR_DB. */
int db_open(const char *path, const struct db_options *opt, struct db **out, struct err *e);
void db_close(struct db *db);

/* Transactions nest: the outermost db_begin is BEGIN IMMEDIATE, the matching
 * db_commit is COMMIT. A db_rollback at any depth dooms the whole transaction. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);
bool db_in_transaction(const struct db *db);
/* The number of the write transaction open now (or last begun): each
 * outermost db_begin takes the next one, so the rows one transaction
 * writes can be told apart from the next one's (core/undo.c). */
int64_t db_transaction_serial(const struct db *db);
/* One step inside the current transaction that can be taken back alone:
 * db_savepoint opens it (one at a time) and counts as a level of nesting;
 * db_savepoint_release keeps what it did (and fails when a level inside it
 * rolled back); db_savepoint_undo takes it back, an inner rollback
 * included, and the transaction goes on (0). A light step issues no
 * SAVEPOINT (SQLite's copy of every page it touches is most of the cost of
 * a small write): it can be taken back only when nothing was written since
 * it began (a write refused by a check before it wrote anything); when
 * something was, db_savepoint_undo returns -1 and the whole transaction
 * stays doomed, for the caller to roll back and do again with full steps. */
int db_savepoint(struct db *db, bool light, struct err *e);
int db_savepoint_release(struct db *db, struct err *e);
int db_savepoint_undo(struct db *db);
/* A read snapshot that nests like db_begin: the outermost is BEGIN DEFERRED
 * (others keep writing meanwhile); db_commit ends it. */
int db_begin_read(struct db *db, struct err *e);

/* How long a writer waits for another's lock, from now on. */
void db_set_busy_timeout(struct db *db, int ms);
/* From now on, every statement asks stop(arg) every few thousand of its
 * steps and gives up (fails) when it answers non-zero: a long read yields
 * to a key press. NULL: never. */
void db_set_interrupt(struct db *db, int (*stop)(void *arg), void *arg);
/* The file of the open database ("" for one in memory). */
const char *db_file(struct db *db);

/* Changes when another connection commits (PRAGMA data_version). */
int64_t db_data_version(struct db *db);
/* PRAGMA user_version of the open database. */
int db_schema_version(struct db *db);
/* The schema version this program writes. */
int db_schema_latest(void);
/* The version of the SQLite library muster runs with ("3.40.1"). */
const char *db_sqlite_version(void);
/* Number of rows changed by the last statement. */
int db_changes(struct db *db);
/* Rows this connection changed since it opened, by triggers too. */
int64_t db_total_changes(struct db *db);
/* Run PRAGMA integrity_check; 0 when "ok". */
int db_integrity_check(struct db *db, struct err *e);

/* From now on, call fn with the SQL text of every statement db runs (fn
 * NULL: stop). For tests that look at what the screens ask of SQLite. */
void db_trace(struct db *db, void (*fn)(void *arg, const char *sql), void *arg);
/* The query plan of sql (EXPLAIN QUERY PLAN, its parameters left unbound):
 * one step a line, e.g. "SEARCH person USING INDEX person_by_name (name>?)";
 * malloc'd. NULL and e filled when sql does not prepare. */
char *db_query_plan(struct db *db, const char *sql, struct err *e);

#endif
