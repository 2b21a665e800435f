/* system.c - the privilege of the system build (see system.h): a clean
 * environment, the group kept only while the database opens, then dropped
 * for good. */
#define _GNU_SOURCE
#include "system.h"

#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/array.h"

bool system_mode(void)
{
	return system_statedir() != NULL;
}

void system_db_path(char *buf, size_t n)
{
	snprintf(buf, n, "%s/muster.db", system_statedir());
}

/* The sections that steer what a write may do, or the kiosk: one set for
 * everybody on the server, not each lead's to loosen. */
static const char *const shared_sections[] = {"rules", "kiosk", "privacy"};

int system_settings_load(struct config *shared, struct err *e)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/muster.ini", system_statedir());
	return config_load(shared, path, false, e);
}

void system_settings_apply(struct config *own, const struct config *shared)
{
	for (size_t i = 0; i < ARRAY_LEN(shared_sections); i++)
		config_take_section(own, shared, shared_sections[i]);
}

const char *system_group(void)
{
	struct group *g = getgrgid(getegid());
	return g ? g->gr_name : NULL;
}

/* A value made of the characters allowed, at most max bytes, with no "..". */
static bool plain(const char *v, const char *allowed, size_t max)
{
	size_t n = strlen(v);
	return n > 0 && n <= max && strspn(v, allowed) == n && !strstr(v, "..");
}

#define ALNUM "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

/* The variables a session keeps, each with the characters its value may
 * hold; a value that does not fit goes too. Locale names never hold a
 * '/' (a locale name may be a path). Paths of the user's own (HOME, the
 * config) are read only after the privilege is gone. */
static const struct keep {
	const char *name;
	const char *allowed; /* NULL: any printable text */
	size_t max;
} keep[] = {
    {.name = "HOME", .max = 4096},
    {.name = "USER", .allowed = ALNUM "._-$", .max = 64},
    {.name = "LOGNAME", .allowed = ALNUM "._-$", .max = 64},
    {.name = "TERM", .allowed = ALNUM "._+-", .max = 64},
    {.name = "COLUMNS", .allowed = "0123456789", .max = 6},
    {.name = "LINES", .allowed = "0123456789", .max = 6},
    {.name = "NO_COLOR", .max = 64},
    {.name = "TZ", .allowed = ALNUM "/_+-:", .max = 64},
    {.name = "LANG", .allowed = ALNUM "._-@", .max = 64},
    {.name = "LANGUAGE", .allowed = ALNUM "._-@:", .max = 128},
    {.name = "LC_ALL", .allowed = ALNUM "._-@", .max = 64},
    {.name = "LC_CTYPE", .allowed = ALNUM "._-@", .max = 64},
    {.name = "LC_COLLATE", .allowed = ALNUM "._-@", .max = 64},
    {.name = "LC_MESSAGES", .allowed = ALNUM "._-@", .max = 64},
    {.name = "LC_NUMERIC", .allowed = ALNUM "._-@", .max = 64},
    {.name = "LC_TIME", .allowed = ALNUM "._-@", .max = 64},
    {.name = "XDG_CONFIG_HOME", .max = 4096},
    {.name = "MUSTER_CONFIG", .max = 4096},
    {.name = "MUSTER_NOW", .max = 64},
};

static bool printable(const char *v)
{
	for (; *v; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f)
			return false;
	return true;
}

static void clean_environment(void)
{
	char *kept[ARRAY_LEN(keep)];
	for (size_t i = 0; i < ARRAY_LEN(keep); i++) {
		const char *v = getenv(keep[i].name);
		bool ok = v && (keep[i].allowed ? plain(v, keep[i].allowed, keep[i].max)
		                                : strlen(v) <= keep[i].max && printable(v));
		/* TZ names a zone, never a file of the user's */
		if (ok && strcmp(keep[i].name, "TZ") == 0 && (v[0] == '/' || strchr(v, ':')))
			ok = false;
		kept[i] = ok ? strdup(v) : NULL;
	}
	clearenv();
	setenv("PATH", "/usr/local/bin:/usr/bin:/bin", 1);
	for (size_t i = 0; i < ARRAY_LEN(keep); i++) {
		if (kept[i])
			setenv(keep[i].name, kept[i], 1);
		free(kept[i]);
	}
}

int system_start(struct err *e)
{
	if (!system_mode())
		return 0;
	if (geteuid() != getuid())
		return err_set(e, ERR_USAGE,
		               "muster must not run setuid; install it setgid "
		               "(make install-system)");
	clean_environment();
	/* nobody traces the process holding the database open, or reads its
	 * memory in a core file */
	struct rlimit none = {0, 0};
	setrlimit(RLIMIT_CORE, &none);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	umask(077);
	return 0;
}

int system_drop(struct err *e)
{
	if (!system_mode())
		return 0;
	gid_t g = getgid(), r, ef, s;
	if (setresgid(g, g, g) < 0 || getresgid(&r, &ef, &s) < 0 || r != g || ef != g || s != g)
		return err_set(e, ERR_DB, "cannot give up the group privilege; stopping");
	/* the change of group makes the process dumpable again on some kernels */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	return 0;
}
