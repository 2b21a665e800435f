/* search_store.h - a bulk write's pause of the search indexes' triggers
 * (db/search_sql.h): the rows it adds are indexed in one statement per
 * index at the end, instead of one flush of FTS5's pending terms per row. */
#ifndef MUSTER_SEARCH_STORE_H
#define MUSTER_SEARCH_STORE_H

#include "db.h"

/* Inside a transaction: the rows added to a searched table from now on are
 * left out of its indexes until search_store_resume. */
int search_store_pause(struct db *db, struct err *e);
/* Index the rows added since the pause and end it (same transaction). */
int search_store_resume(struct db *db, struct err *e);

#endif
