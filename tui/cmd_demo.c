/* cmd_demo.c - the demo command: fill the database with a fictional set. */
#include <stdio.h>
#include <string.h>

#include "../core/demo.h"
#include "cmd.h"

static int cmd_demo(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const char *size = args_get(args, "size");
	enum demo_size which = DEMO_SMALL;
	if (size && strcmp(size, "large") == 0)
		which = DEMO_LARGE;
	else if (size && strcmp(size, "small") != 0)
		return err_set(e, ERR_USAGE, "--size: \"%s\" is not small or large", size);
	struct demo_summary s = {0};
	if (demo_fill(&a->ctx, which, args_has(args, "force"), &s, e) < 0) {
		err_prefix(e, "demo");
		return -1;
	}
	fprintf(out,
	        "demo (%s) written to %s:\n"
	        "  %ld events, %ld organizations, %ld people, %ld skills\n"
	        "  %ld rooms, %ld sessions, %ld speakers, %ld booths\n"
	        "  %ld registrations, %ld sign-ups\n"
	        "  %ld roles, %ld shifts, %ld assignments, %ld availability windows\n",
	        which == DEMO_LARGE ? "large" : "small", a->db_path, s.events, s.orgs, s.people,
	        s.skills, s.rooms, s.sessions, s.speakers, s.booths, s.registrations, s.signups,
	        s.roles, s.shifts, s.assignments, s.availabilities);
	return 0;
}

const struct command cmd_demo_commands[] = {
    {
        .name = "demo",
        .usage = "[--size small|large] [--force]",
        .opts = "size: force",
        .help = "fill the database with a fictional demo (refuses a non-empty one without --force)",
        .run = cmd_demo,
    },
    {.name = NULL},
};
