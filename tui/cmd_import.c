/* cmd_import.c - `import KIND FILE ...`: one command, one row per kind of
 * import; each kind lives in its own command file. */
#include <string.h>

#include "cmd.h"

static const struct {
	const char *kind;
	int (*run)(struct app *a, const struct args *args, FILE *out, struct err *e);
} kinds[] = {
    {"sessions", cmd_import_sessions},
};

#define NKINDS (sizeof kinds / sizeof kinds[0])

static int cmd_import(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	char names[128] = "";
	for (size_t i = 0; i < NKINDS; i++) {
		if (strcmp(args->pos[0], kinds[i].kind) == 0)
			return kinds[i].run(a, args, out, e);
		strncat(names, i ? ", " : "", sizeof names - strlen(names) - 1);
		strncat(names, kinds[i].kind, sizeof names - strlen(names) - 1);
	}
	return err_set(e, ERR_USAGE, "import: unknown kind %s (one of: %s)", args->pos[0], names);
}

const struct command cmd_import_commands[] = {
    {"import", "sessions FILE.ics --event ID", "event:", 2, 2,
     "read a file into the database in one transaction (sessions: VEVENTs of an "
     "iCalendar file; a UID seen before updates its session)",
     cmd_import},
    {NULL, NULL, NULL, 0, 0, NULL, NULL},
};
