/* backup_store.h - a copy of the open database taken with SQLite's online
 * backup API while other processes keep writing (a read snapshot: every
 * write committed before the copy began is in it), marked as a muster
 * backup and checked. */
#ifndef MUSTER_BACKUP_STORE_H
#define MUSTER_BACKUP_STORE_H

#include <stdint.h>

#include "db.h"

/* The application id (SQLite header offset 68) of a backup muster made:
 * "MsTb". A live database never carries it for long: muster opens a
 * database in WAL mode, while a backup is left in rollback-journal mode. */
#define BACKUP_APPLICATION_ID 0x4D735462u

/* Copy db into path, an empty file that already exists (the private
 * temporary file of core/outfile.h): all pages in one step, then the copy
 * is switched to a rollback journal (one self-contained file), stamped
 * with BACKUP_APPLICATION_ID and must pass PRAGMA integrity_check.
 * *pages: its size in pages. */
int backup_store_copy(struct db *db, const char *path, int64_t *pages, struct err *e);

#endif
