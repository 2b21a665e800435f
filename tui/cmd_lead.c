/* cmd_lead.c - lead add|list|show|rm: who may use muster and what each may
 * reach (core/lead.h). Leads are rows of the lead entity, so adding and
 * removing one runs the generic record path: admins only, checked and
 * audited. */
#define _DEFAULT_SOURCE
#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

#include "../core/array.h"
#include "../core/lead.h"
#include "cmd.h"
#include "text.h"

static int lead_add(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	static const struct {
		const char *option, *field;
	} scopes[] = {{"event", "event"}, {"role-id", "role_id"}, {"org", "org"}};
	const char *login = args->pos[1], *role = args_get(args, "role");
	struct field_assign fa[8];
	size_t n = 0;
	int64_t id;
	if (args->npos != 2 || !role)
		return err_set(e, ERR_USAGE,
		               "usage: muster lead add LOGIN --role admin|coordinator|role_lead|"
		               "org_lead|viewer [--event ID] [--role-id ID] [--org ID] "
		               "[--confidential]");
	if (!getpwnam(login))
		return err_set(e, ERR_INPUT, "lead add: no user named %s on this system", login);
	fa[n++] = (struct field_assign){"login", login};
	fa[n++] = (struct field_assign){"role", role};
	for (size_t i = 0; i < ARRAY_LEN(scopes); i++) {
		const char *v = args_get(args, scopes[i].option);
		int64_t ref;
		char what[32];
		snprintf(what, sizeof what, "--%s", scopes[i].option);
		if (v && args_id(v, what, &ref, e) < 0)
			return -1;
		if (v)
			fa[n++] = (struct field_assign){scopes[i].field, v};
	}
	if (args_has(args, "confidential"))
		fa[n++] = (struct field_assign){"confidential", "yes"};
	if (record_add(&a->ctx, entity_find("lead"), fa, n, &id, e) < 0) {
		err_prefix(e, "lead add");
		cmd_clean_err(e);
		return -1;
	}
	fprintf(out, "%" PRId64 "\n", id);
	return 0;
}

static int lead_list(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	enum out_format fmt;
	struct record_filter f = {0};
	if (args->npos != 1)
		return err_set(e, ERR_USAGE, "usage: muster lead list [--format FORMAT]");
	if (cmd_format(args, &fmt, e) < 0 || cmd_event_opt(args, &f.event, e) < 0)
		return -1;
	return cmd_list_rows(a, entity_find("lead"), &f, fmt, out, e);
}

static void show_line(void *arg, const char *text)
{
	fprintf(arg, "  %s\n", text);
}

static int lead_show(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const char *login = args->npos > 1 ? args->pos[1] : a->ctx.actor;
	struct lead l;
	char who[256];
	if (args->npos > 2)
		return err_set(e, ERR_USAGE, "usage: muster lead show [LOGIN]");
	if (lead_find(&a->ctx, login, &l, e) < 0)
		return -1;
	lead_describe(&l, who, sizeof who);
	fprintf(out, "%s\nmay:\n", who);
	lead_abilities(&l, show_line, out);
	lead_close(&l);
	return 0;
}

/* The lead rows rm takes: the login's, narrowed by the scope options. */
struct rm_pick {
	const char *login;
	int64_t event, role, org;
	int64_t ids[64];
	size_t n;
};

static int pick_row(void *arg, const struct record *r)
{
	struct rm_pick *p = arg;
	if (strcmp(record_text(r, "login"), p->login) != 0 ||
	    (p->event && record_int(r, "event") != p->event) ||
	    (p->role && record_int(r, "role_id") != p->role) ||
	    (p->org && record_int(r, "org") != p->org))
		return 0;
	if (p->n < sizeof p->ids / sizeof p->ids[0])
		p->ids[p->n++] = r->id;
	return 0;
}

static int lead_rm(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	struct rm_pick p = {.login = args->pos[1]};
	const char *ev = args_get(args, "event"), *ro = args_get(args, "role-id"),
	           *org = args_get(args, "org");
	if (args->npos != 2)
		return err_set(
		    e, ERR_USAGE,
		    "usage: muster lead rm LOGIN [--event ID] [--role-id ID] [--org ID]");
	if ((ev && args_id(ev, "--event", &p.event, e) < 0) ||
	    (ro && args_id(ro, "--role-id", &p.role, e) < 0) ||
	    (org && args_id(org, "--org", &p.org, e) < 0))
		return -1;
	if (lead_allows(&a->ctx, "lead", LEAD_RM, e) < 0 ||
	    record_list(&a->ctx, entity_find("lead"), NULL, pick_row, &p, e) < 0)
		return -1;
	if (p.n == 0)
		return err_set(e, ERR_NOT_FOUND, "lead rm: %s is not a lead%s", p.login,
		               ev || ro || org ? " with that scope" : "");
	if (db_begin(a->ctx.db, e) < 0)
		return -1;
	for (size_t i = 0; i < p.n; i++)
		if (record_rm(&a->ctx, entity_find("lead"), p.ids[i], e) < 0) {
			db_rollback(a->ctx.db);
			err_prefix(e, "lead rm");
			return -1;
		}
	if (db_commit(a->ctx.db, e) < 0)
		return -1;
	fprintf(out, "%s: %zu lead row%s removed\n", p.login, p.n, p.n == 1 ? "" : "s");
	return 0;
}

static const struct {
	const char *name;
	int (*run)(struct app *a, const struct args *args, FILE *out, struct err *e);
} subcommands[] = {
    {.name = "add", .run = lead_add},
    {.name = "list", .run = lead_list},
    {.name = "show", .run = lead_show},
    {.name = "rm", .run = lead_rm},
};

/* The subcommands, for the command table's first word (shell completion). */
static const char *lead_subcommand_at(size_t i)
{
	return i < ARRAY_LEN(subcommands) ? subcommands[i].name : NULL;
}

static int cmd_lead(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	for (size_t i = 0; i < ARRAY_LEN(subcommands); i++)
		if (strcmp(args->pos[0], subcommands[i].name) == 0)
			return subcommands[i].run(a, args, out, e);
	return err_set(e, ERR_USAGE, "lead: unknown subcommand %s (add, list, show or rm)",
	               args->pos[0]);
}

const struct command cmd_lead_commands[] = {
    {
        .name = "lead",
        .usage = "add LOGIN --role admin|coordinator|role_lead|org_lead|viewer [--event ID]\n"
                 "      [--role-id ID] [--org ID] [--confidential] | list | show [LOGIN] |\n"
                 "      rm LOGIN [--event ID] [--role-id ID] [--org ID]",
        .opts = "role: event: role-id: org: confidential format:",
        .min_pos = 1,
        .max_pos = 2,
        .help = "who may use muster and what each reaches: an admin does everything; a\n"
                "      coordinator everything in its events (every event without --event;\n"
                "      --confidential: confidential people too, each sight audited); a\n"
                "      role_lead its roles' shifts; an org_lead its organization's people,\n"
                "      booths and booth shifts; a viewer reads, without contact details.\n"
                "      Adding and removing leads is for admins, audited; show without LOGIN\n"
                "      is yourself",
        .run = cmd_lead,
        .word_at = lead_subcommand_at,
        .tables = "lead",
        .act = LEAD_READ,
    },
    {.name = NULL},
};
