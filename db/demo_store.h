/* demo_store.h - bulk writing for the large demo set: one prepared INSERT per
 * table, reused for every row inside the caller's transaction, and emptying
 * every table before a demo replaces the data. */
#ifndef MUSTER_DEMO_STORE_H
#define MUSTER_DEMO_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "record_store.h"

struct demo_insert;

/* Prepare INSERT INTO table (cols...) VALUES (?...); table and column names
 * come only from muster's static tables. */
int demo_store_insert_prepare(struct db *db, const char *table, const char *const *cols, size_t n,
                              struct demo_insert **out, struct err *e);
/* Insert one row (vals in the prepared column order; text is bound without a
 * copy, so it must live until the call returns) and give its id. */
int demo_store_insert_row(struct demo_insert *ins, const struct db_value *vals, int64_t *id,
                          struct err *e);
void demo_store_insert_free(struct demo_insert *ins);

/* Delete every row of every table (children first), audit log included.
 * Call inside a transaction. */
int demo_store_clear(struct db *db, struct err *e);

#endif
