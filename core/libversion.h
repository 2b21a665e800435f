/* libversion.h - the versions muster --version reports from below the
 * front end: the schema this build writes and the libraries core and db run
 * with, as loaded at run time. */
#ifndef MUSTER_LIBVERSION_H
#define MUSTER_LIBVERSION_H

#include <stddef.h>

/* libical's version, e.g. "3.0.16": from the file name of the shared object
 * this process loaded (libical exposes only the "3.0" it was built as),
 * falling back to that. buf is returned. */
const char *libversion_ical(char *buf, size_t n);

/* SQLite's version, e.g. "3.40.1". */
const char *libversion_sqlite(void);
/* The schema version this build writes (PRAGMA user_version). */
int libversion_schema(void);

#endif
