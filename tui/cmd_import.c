/* cmd_import.c - `import KIND FILE ...`: one command, one row per kind of
 * import; each kind lives in its own command file. */
#include <string.h>

#include "cmd.h"

#include "../core/array.h"

static const struct {
	const char *kind;
	int (*run)(struct app *a, const struct args *args, FILE *out, struct err *e);
} kinds[] = {
    {.kind = "sessions", .run = cmd_import_sessions},
    {.kind = "people", .run = cmd_import_people},
};

#define NKINDS ARRAY_LEN(kinds)

static const char *import_kind_at(size_t i)
{
	return i < NKINDS ? kinds[i].kind : NULL;
}

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
    {
        .name = "import",
        .usage = "(sessions FILE.ics --event ID | people FILE.csv [--event ID --kind KIND])",
        .opts = "event: kind:",
        .min_pos = 2,
        .max_pos = 2,
        .help =
            "read a file into the database in one transaction; a bad record is reported as\n"
            "      FILE:LINE: and nothing is kept.\n"
            "      sessions: VEVENTs of an iCalendar file (TZID or UTC); LOCATION becomes a\n"
            "      room; a UID seen before updates its session.\n"
            "      people: a spreadsheet saved as CSV (UTF-8; '-' reads standard input).\n"
            "      The header row names the columns, in any order and case: name (required),\n"
            "      email, phone, org (a name; created when new), birth_date (YYYY-MM-DD),\n"
            "      confidential (yes/no), notes, skills (\"First aid;AV (until 2027-06-30)\"),\n"
            "      volunteer_code (kept for a new person when free), id (ignored): what\n"
            "      list people --format csv writes. A row whose email is a person's updates\n"
            "      them (else volunteer_code and name together); empty cells keep what is\n"
            "      stored, skills are added, confidential is never cleared. Two rows with one\n"
            "      email are one person unless their names differ (an error). --event\n"
            "      registers everyone (--kind, default attendee) with the waitlist; existing\n"
            "      and cancelled registrations are left as they are. With --event, a sessions\n"
            "      column (session UIDs or titles, ';'-separated) signs each person up, under\n"
            "      the session's seats and waitlist",
        .run = cmd_import,
        .word_at = import_kind_at,
        .tables = "session person",
        .act = LEAD_ADD,
    },
    {.name = NULL},
};
