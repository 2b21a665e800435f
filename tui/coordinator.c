/* coordinator.c - until the full-screen TUI lands: show the events. */
#include <stdio.h>

#include "cli.h"
#include "screen.h"

int screen_run_coordinator(struct app *a, struct err *e)
{
	char *argv[] = {"list", "events", NULL};
	printf("muster: database %s\n\n", a->db_path);
	return cli_run(a, 2, argv, stdout, e);
}
