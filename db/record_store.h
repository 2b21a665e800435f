/* record_store.h - generic row access for the entity table of core/entity.c:
 * insert, update, delete, fetch and scan rows of one table given its column
 * names. Table and column names come only from muster's own static tables;
 * every value is a bound parameter. Writes, and the checks that must see
 * every row (uniqueness, rows that depend on one), name the main.* table;
 * reads name the table, which is the lead's scope when one is installed
 * (db/scope_store.h). */
#ifndef MUSTER_RECORD_STORE_H
#define MUSTER_RECORD_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

enum dbv_kind { DBV_NULL, DBV_INT, DBV_TEXT };

struct db_value {
	enum dbv_kind kind;
	int64_t i;
	char *s; /* owned by whoever filled it */
};

/* One scan: SELECT cols FROM table [WHERE where] [AND id > after_id]
 * ORDER BY order_by LIMIT limit. cols may be SQL expressions from static tables. */
struct record_query {
	const char *table;
	const char *const *cols;
	size_t ncols;
	const char *where; /* static SQL with ? placeholders, or NULL */
	const struct db_value *binds;
	size_t nbinds;
	const char *order_by; /* NULL: id */
	int64_t limit;        /* 0: no limit */
};

/* Called for each row; vals[i] belong to the scan and live until it returns.
 * Return non-zero to stop. */
typedef int (*record_row_fn)(void *arg, const struct db_value *vals, size_t n);

int record_store_insert(struct db *db, const char *table, const char *const *cols,
                        const struct db_value *vals, size_t n, int64_t *id, struct err *e);
int record_store_update(struct db *db, const char *table, int64_t id, const char *const *cols,
                        const struct db_value *vals, size_t n, struct err *e);
int record_store_delete(struct db *db, const char *table, int64_t id, struct err *e);
/* Fetch one row's cols into out (strings malloc'd; free with db_value_clear).
 * A missing row is ERR_NOT_FOUND. */
int record_store_get(struct db *db, const char *table, int64_t id, const char *const *cols,
                     size_t n, struct db_value *out, struct err *e);
int record_store_scan(struct db *db, const struct record_query *q, record_row_fn fn, void *arg,
                      struct err *e);
/* How many rows of table have col = id, and the first few of their ids. */
int record_store_refs(struct db *db, const char *table, const char *col, int64_t id, int64_t *first,
                      size_t max, int64_t *count, struct err *e);
/* The id of a row of table whose col equals v (by the column's collation),
 * other than except_id; 0 when none. */
int record_store_find(struct db *db, const char *table, const char *col, const struct db_value *v,
                      int64_t except_id, int64_t *id, struct err *e);
/* The same over several columns at once (a composite UNIQUE). */
int record_store_find_all(struct db *db, const char *table, const char *const *cols,
                          const struct db_value *v, size_t n, int64_t except_id, int64_t *id,
                          struct err *e);
/* Does table have row id (that the current scope shows)? */
int record_store_exists(struct db *db, const char *table, int64_t id, bool *found, struct err *e);
/* Run a static single-value query (one result column) with binds; *out is
 * DBV_NULL when no row. */
int record_store_value(struct db *db, const char *sql, const struct db_value *binds, size_t nbinds,
                       struct db_value *out, struct err *e);

void db_value_clear(struct db_value *v);
struct db_value db_int(int64_t i);
struct db_value db_text(const char *s); /* borrows s */
struct db_value db_null(void);

#endif
