/* system.h - the shared-server deployment (contrib/DEPLOY.md): one binary
 * installed setgid to a group (muster) that alone may enter the folder
 * holding the database. Such a muster
 *   - takes almost nothing from the environment (system_start);
 *   - opens the one database of that folder with the group's privilege,
 *     whatever --db, MUSTER_DB or [database] path say;
 *   - then gives the privilege up for good (system_drop), before it reads
 *     or writes any file of the user's (config, CSV, .ics, exports, PDFs,
 *     backups), so none of those can reach the database's folder;
 *   - keeps SQLite's temporary data in memory, and cannot be traced or
 *     dumped, so the open database is reached only through muster. */
#ifndef MUSTER_SYSTEM_H
#define MUSTER_SYSTEM_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/config.h"
#include "../core/err.h"

/* The folder of the database of a system build (MUSTER_STATEDIR), NULL in
 * an ordinary build. */
const char *system_statedir(void);
/* Is this the system build? */
bool system_mode(void);
/* First thing in main: refuse a setuid start, keep only the environment
 * a session needs (locale names, TERM, HOME, ...: no TERMINFO, LOCPATH,
 * NLSPATH, TMPDIR, SQLITE_TMPDIR, MUSTER_DB, LD_*), no core dumps, no
 * tracing. */
int system_start(struct err *e);
/* The database of the system build: STATEDIR/muster.db. */
void system_db_path(char *buf, size_t n);
/* The settings every lead shares (STATEDIR/muster.ini, the administrator's;
 * none: the defaults), read with the group's privilege, and laid over a
 * lead's own settings once those are read (system_settings_apply). */
int system_settings_load(struct config *shared, struct err *e);
void system_settings_apply(struct config *own, const struct config *shared);
/* The group the database belongs to (the one muster runs setgid to). */
const char *system_group(void);
/* Give up the group privilege for good (real, effective and saved). */
int system_drop(struct err *e);

#endif
