/* version.c - muster --version: one "name version" a line, the program
 * first, then the database schema this build writes (PRAGMA user_version)
 * and the libraries as loaded at run time. */
#include "version.h"

#include <curses.h>

#include "../core/libversion.h"

void version_print(FILE *out)
{
	char ical[64];
	fprintf(out, "muster %s\n", MUSTER_VERSION);
	fprintf(out, "schema %d\n", libversion_schema());
	fprintf(out, "SQLite %s\n", libversion_sqlite());
	fprintf(out, "libical %s\n", libversion_ical(ical, sizeof ical));
	/* "ncurses 6.4.20221231" */
	fprintf(out, "%s\n", curses_version());
}
