/* cli.c - the command table: the groups of cmd_*.c joined into one list
 * that serves the command line, the ':' prompt and --help. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "../core/suggest.h"
#include "../core/xmalloc.h"
#include "cmd.h"
#include "text.h"

/* Every group of commands, in --help order; one a line, so that branches
 * adding a group merge cleanly. */
/* clang-format off */
static const struct command *const groups[] = {
    cmd_record_commands,
    cmd_demo_commands,
    cmd_staff_commands,
    cmd_signup_commands,
    cmd_autofill_commands,
    cmd_kiosk_commands,
    cmd_ical_commands,
    cmd_import_commands,
    cmd_report_commands,
    cmd_privacy_commands,
    cmd_print_commands,
    cmd_mail_commands,
    cmd_lead_commands,
};
/* clang-format on */

#define NGROUPS ARRAY_LEN(groups)

const struct command *cli_at(size_t i)
{
	for (size_t g = 0; g < NGROUPS; g++) {
		size_t n = 0;
		while (groups[g][n].name)
			n++;
		if (i < n)
			return &groups[g][i];
		i -= n;
	}
	return NULL;
}

const struct command *cli_find(const char *name)
{
	for (size_t i = 0; cli_at(i); i++)
		if (strcmp(cli_at(i)->name, name) == 0)
			return cli_at(i);
	return NULL;
}

bool cli_needs_db(const char *name)
{
	const struct command *c = cli_find(name);
	return !c || !c->no_db;
}

void cli_usage(FILE *out)
{
	for (size_t i = 0; cli_at(i); i++) {
		const struct command *c = cli_at(i);
		fprintf(out, "  %s %s\n      %s", c->name, c->usage, c->help);
		if (c->help_more)
			c->help_more(out);
		fputc('\n', out);
	}
}

static int unknown_command(const char *name, struct err *e)
{
	const char *names[128];
	size_t n = 0;
	for (size_t i = 0; cli_at(i) && n < 128; i++)
		names[n++] = cli_at(i)->name;
	const char *near = suggest_closest(name, names, n);
	if (near)
		return err_set(e, ERR_USAGE, "unknown command %s; did you mean %s?", name, near);
	return err_set(e, ERR_USAGE, "unknown command %s (see muster --help)", name);
}

/* The lead may run c (core/lead.c decides). */
static int gate(struct app *a, const struct command *c, const struct args *args, struct err *e)
{
	if (!c->tables || strcmp(c->tables, "@") != 0)
		return lead_allows_command(&a->ctx, c->name, c->tables, c->act, e);
	const struct entity_def *ent;
	if (cmd_entity(args->pos[0], &ent, e) < 0)
		return -1;
	return lead_allows_command(&a->ctx, c->name, ent->table, c->act, e);
}

/* What a write did besides itself (ctx notices), kept until it commits. */
struct notices {
	char **lines;
	size_t n;
};

static void notice_keep(void *arg, const char *line)
{
	struct notices *k = arg;
	k->lines = xrealloc(k->lines, (k->n + 1) * sizeof *k->lines);
	k->lines[k->n++] = xstrdup(line);
}

/* Print the notices after a command that succeeded; forget them either way. */
static void notices_end(struct notices *k, bool print, FILE *out)
{
	for (size_t i = 0; i < k->n; i++) {
		char clean[2048];
		if (print)
			fprintf(out, "%s\n", text_sanitize(k->lines[i], clean, sizeof clean));
		free(k->lines[i]);
	}
	free(k->lines);
}

static int run_noticed(struct app *a, const struct command *c, const struct args *args, FILE *out,
                       struct err *e)
{
	struct notices k = {0};
	a->ctx.notice = notice_keep;
	a->ctx.notice_arg = &k;
	int ret = c->run(a, args, out, e);
	a->ctx.notice = NULL;
	a->ctx.notice_arg = NULL;
	notices_end(&k, ret == 0, out);
	return ret;
}

int cli_run(struct app *a, int argc, char **argv, FILE *out, struct err *e)
{
	const struct command *c = cli_find(argv[0]);
	if (!c)
		return unknown_command(argv[0], e);
	struct args args;
	if (args_parse(c->opts, argc - 1, argv + 1, &args, e) < 0) {
		err_prefix(e, "%s", c->name);
		return -1;
	}
	if (args.npos < c->min_pos || args.npos > c->max_pos)
		return err_set(e, ERR_USAGE, "usage: muster %s %s", c->name, c->usage);
	if (!c->no_db && gate(a, c, &args, e) < 0)
		return -1;
	a->ctx.override_reason = NULL;
	int ret = run_noticed(a, c, &args, out, e);
	/* the confidential people it showed, in the audit log (kept apart
	 * from the command's own result) */
	struct err seen = {0};
	if (!c->no_db && lead_flush(&a->ctx, &seen) < 0 && ret == 0) {
		*e = seen;
		ret = -1;
	}
	return ret;
}
