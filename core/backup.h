/* backup.h - `muster backup FILE`: a consistent copy of the database taken
 * while others keep writing (SQLite's online backup API), mode 0600, checked
 * with integrity_check before it takes the name; and `backup --prune DIR`:
 * the backups muster made in DIR that are older than [privacy]
 * backup_keep_days are removed, and nothing else. Erasure never reaches a
 * backup: a person erased today is still in the backups taken before. */
#ifndef MUSTER_BACKUP_H
#define MUSTER_BACKUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

/* Copy the database into path through core/outfile.h (a new or regular
 * file only; a stream cannot hold a database). *pages: the copy's size. */
int backup_take(struct ctx *c, const char *path, int64_t *pages, struct err *e);

/* Is the file at dirfd/name a backup muster made (a regular file of ours,
 * the SQLite magic, a rollback journal and BACKUP_APPLICATION_ID; no -wal,
 * -shm or -journal beside it)? */
bool backup_is_ours(int dirfd, const char *name);

/* Remove from dir the backups muster made whose time (the file's
 * modification time) is more than backup_keep_days before now, never the
 * open database (live_path). fn is told each file removed. *off: the
 * setting is 0 (keep all), nothing done. dir must be a folder of ours that
 * nobody else may write into. */
int backup_prune(struct ctx *c, const char *dir, const char *live_path, bool *off,
                 int (*fn)(void *arg, const char *name, int64_t taken), void *arg, size_t *removed,
                 size_t *kept, struct err *e);

#endif
