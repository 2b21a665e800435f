/* cli.h - the command table shared by the command line, the ':' prompt of
 * the TUI and --help: name, usage, option spec, help and handler. */
#ifndef MUSTER_CLI_H
#define MUSTER_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "../core/lead.h"
#include "app.h"
#include "args.h"

struct command {
	const char *name;
	const char *usage; /* after the name */
	const char *opts;  /* args_parse spec (NULL: no options) */
	int min_pos, max_pos;
	const char *help;
	/* writes the rest of the help, made from another table (NULL: none) */
	void (*help_more)(FILE *out);
	int (*run)(struct app *a, const struct args *args, FILE *out, struct err *e);
	bool no_db; /* never touches a database: none is opened or created for it */
	/* The words the first argument may be (an entity, a report, an action),
	 * the i-th or NULL past the end; NULL: the argument is free. The
	 * handler reads the same list, and shell completion offers it. */
	const char *(*word_at)(size_t i);
	/* What it does, for the lead's permission (core/lead.h): act on rows
	 * of any of tables (names separated by spaces; "@" the ENTITY
	 * argument). NULL: only admins run it. */
	const char *tables;
	enum lead_act act;
};

/* Run argv[0] with its arguments, writing to out. Returns 0 or -1 with e set. */
int cli_run(struct app *a, int argc, char **argv, FILE *out, struct err *e);
const struct command *cli_find(const char *name);
/* Does the command need the database opened (and created) first? */
bool cli_needs_db(const char *name);
const struct command *cli_at(size_t i);
/* The command list for --help and the TUI's help screen. */
void cli_usage(FILE *out);

#endif
