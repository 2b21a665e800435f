/* outfile.h - the one way muster writes a file a user named (export -o,
 * --per-person folders, PDFs, JSON, backups): what is at the path is never
 * replaced by something else.
 *   - "-" (or NULL): standard output, as a stream;
 *   - an existing character device or FIFO: opened and written as a stream
 *     (never created, truncated or renamed over);
 *   - a new path or an existing regular file: written to a private temporary
 *     file beside it and renamed over the path only when the whole file is
 *     written (outfile_commit), so a failure leaves the old file untouched;
 *     a new path is never replaced by something that appeared meanwhile;
 *   - an existing regular file muster holds open (its own database, -wal,
 *     -shm, under any spelling of the path) or one the user may not write:
 *     refused;
 *   - a symlink, a directory, a socket or anything else: refused with a
 *     one-line error naming the path. */
#ifndef MUSTER_OUTFILE_H
#define MUSTER_OUTFILE_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "err.h"

struct outfile {
	FILE *f;      /* write here */
	char *path;   /* what the user named ("-" for standard output) */
	char *tmp;    /* the temporary file, NULL when streaming */
	bool created; /* the path did not exist: the rename must not replace anything */
	bool is_stdout;
};

/* Open path for writing; a new file gets mode (e.g. 0600). Fills o. */
int outfile_open(struct outfile *o, const char *path, mode_t mode, struct err *e);
/* Open dir/name (dir must already exist; see outfile_private_dir). */
int outfile_open_in(struct outfile *o, const char *dir, const char *name, mode_t mode,
                    struct err *e);
/* Finish: flush, and rename the temporary file over the path. On any error
 * the temporary file is removed and the path is left as it was. */
int outfile_commit(struct outfile *o, struct err *e);
/* Give up: remove the temporary file; the path is left as it was. Safe to
 * call after outfile_commit (does nothing then). */
void outfile_abort(struct outfile *o);
/* A standard-output or device stream (no rename happens at the end). */
bool outfile_is_stream(const struct outfile *o);

/* dir exists or is made mode 0700; it must be a real folder (not a link)
 * owned by the caller that nobody else may enter. */
int outfile_private_dir(const char *dir, struct err *e);

#endif
