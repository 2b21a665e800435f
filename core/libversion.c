/* libversion.c - runtime versions of core's libraries (see libversion.h). */
#define _GNU_SOURCE /* dladdr */
#include "libversion.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "../db/db.h"

/* "3.0.16" out of ".../libical.so.3.0.16" (the soname link resolved). */
static int version_from_path(const char *path, char *buf, size_t n)
{
	const char *so = strstr(path, ".so.");
	if (!so || !so[4])
		return -1;
	snprintf(buf, n, "%s", so + 4);
	return 0;
}

const char *libversion_ical(char *buf, size_t n)
{
	Dl_info info;
	char real[PATH_MAX];
	if (dladdr((void *)icalcomponent_new, &info) && info.dli_fname &&
	    realpath(info.dli_fname, real) && version_from_path(real, buf, n) == 0)
		return buf;
	snprintf(buf, n, "%s", ICAL_VERSION);
	return buf;
}

const char *libversion_sqlite(void)
{
	return db_sqlite_version();
}

int libversion_schema(void)
{
	return db_schema_latest();
}
