/* main.c - argv to a struct app, then the coordinator TUI, the kiosk, or
 * one command. The only place that exits, and the only mutable state. */
#define _GNU_SOURCE
#include <langinfo.h>
#include <stddef.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/array.h"
#include "app.h"
#include "cli.h"
#include "complete.h"
#include "screen.h"
#include "system.h"
#include "text.h"
#include "version.h"

/* Errors may quote database text: neutralise it, and keep it one line. */
static int die(const struct err *e)
{
	char clean[sizeof e->msg * 3];
	fprintf(stderr, "muster: %s\n", text_sanitize(e->msg, clean, sizeof clean));
	return err_exit_status(e->code);
}

/* $XDG_x_HOME/muster/NAME, falling back to ~/FALLBACK/muster/NAME. */
static void xdg_path(char *buf, size_t n, const char *var, const char *fallback, const char *name)
{
	const char *base = getenv(var);
	const char *home = getenv("HOME");
	if (base && base[0] == '/')
		snprintf(buf, n, "%s/muster/%s", base, name);
	else
		snprintf(buf, n, "%s/%s/muster/%s", home ? home : ".", fallback, name);
}

struct globals {
	const char *db, *config, *now;
	bool help, version, dump, complete;
	int first; /* index of the command word */
};

/* The global options, before the command word: parsed, and offered by
 * shell completion, from this table. */
static const struct global_opt {
	const char *name, *alias;
	const char *value; /* what it takes ("PATH"); NULL: a flag */
	size_t member;     /* in struct globals: a const char * or a bool */
	bool hidden;       /* not offered: for the build */
	const char *rest;  /* what the words after it are ("SETTING..."), NULL: a command */
	const char *help;  /* lines after the first indented by usage */
} global_opts[] = {
    {
        .name = "--db",
        .value = "PATH",
        .member = offsetof(struct globals, db),
        .help = "database (else $MUSTER_DB, else [database] path,\n"
                "else $XDG_DATA_HOME/muster/muster.db)",
    },
    {
        .name = "--config",
        .value = "PATH",
        .member = offsetof(struct globals, config),
        .help = "settings (else $MUSTER_CONFIG, else\n$XDG_CONFIG_HOME/muster/muster.ini)",
    },
    {
        .name = "--now",
        .value = "TIME",
        .member = offsetof(struct globals, now),
        .help = "pin the clock (else $MUSTER_NOW), e.g. 2026-12-05T09:00:00Z",
    },
    {
        .name = "--dump-config",
        .value = NULL,
        .member = offsetof(struct globals, dump),
        .rest = "SETTING...",
        .help = "print every setting with its value and help; words after it\n"
                "name the sections or keys to print (kiosk, print.paper)",
    },
    {
        .name = "--help",
        .alias = "-h",
        .member = offsetof(struct globals, help),
        .help = "this text",
    },
    {
        .name = "--version",
        .member = offsetof(struct globals, version),
        .help = "the version, the schema version and the libraries'",
    },
    {
        .name = "--complete-dump",
        .member = offsetof(struct globals, complete),
        .hidden = true,
        .help = "the tables shell completion is made from (for the build)",
    },
};

/* The word that opens the kiosk instead of a command. */
static const char kiosk_word[] = "kiosk";

/* The option w is, and its value when written --name=value. */
static const struct global_opt *global_find(const char *w, const char **inline_value)
{
	*inline_value = NULL;
	for (size_t k = 0; k < ARRAY_LEN(global_opts); k++) {
		const struct global_opt *o = &global_opts[k];
		size_t len = strlen(o->name);
		if (o->alias && strcmp(w, o->alias) == 0)
			return o;
		if (strncmp(w, o->name, len) != 0 || (w[len] && (w[len] != '=' || !o->value)))
			continue;
		if (w[len] == '=')
			*inline_value = w + len + 1;
		return o;
	}
	return NULL;
}

static int parse_globals(int argc, char **argv, struct globals *g, struct err *e)
{
	memset(g, 0, sizeof *g);
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *value;
		const struct global_opt *o = global_find(argv[i], &value);
		if (!o)
			return err_set(e, ERR_USAGE, "unknown option %s (see muster --help)",
			               argv[i]);
		char *member = (char *)g + o->member;
		if (!o->value) {
			*(bool *)member = true;
			continue;
		}
		if (!value && i + 1 >= argc)
			return err_set(e, ERR_USAGE, "%s needs a value", o->name);
		if (!value)
			value = argv[++i];
		memcpy(member, &value, sizeof value);
	}
	g->first = i;
	return 0;
}

/* muster --complete-dump: the facts shell completion is made from. */
static void dump_completion(FILE *out)
{
	for (size_t k = 0; k < ARRAY_LEN(global_opts); k++) {
		const struct global_opt *o = &global_opts[k];
		if (!o->hidden)
			complete_global(out, o->name, o->rest ? o->rest : o->value);
	}
	complete_mode(out, kiosk_word, "the volunteer kiosk (full screen)");
	complete_dump(out);
}

/* The global options for --help: name and value in a column, then help. */
static void globals_usage(FILE *out)
{
	for (size_t k = 0; k < ARRAY_LEN(global_opts); k++) {
		const struct global_opt *o = &global_opts[k];
		char head[64];
		if (o->hidden)
			continue;
		snprintf(head, sizeof head, "%s%s%s", o->name, o->value ? " " : "",
		         o->value ? o->value : "");
		fprintf(out, "  %-16s ", head);
		for (const char *h = o->help; *h; h++) {
			if (*h == '\n')
				fprintf(out, "\n%19s", "");
			else
				fputc(*h, out);
		}
		fputc('\n', out);
	}
}

static void usage(FILE *out)
{
	fputs("usage: muster [GLOBAL OPTIONS]                 coordinator TUI\n"
	      "       muster [GLOBAL OPTIONS] kiosk           volunteer kiosk\n"
	      "       muster [GLOBAL OPTIONS] COMMAND ARGS    one command, then exit\n"
	      "\n"
	      "global options:\n",
	      out);
	globals_usage(out);
	fputs("\ncommands:\n", out);
	cli_usage(out);
	fputs("\nexit status: 0 done, 1 refused or not found, 2 bad usage or input, "
	      "3 database error\n",
	      out);
}

/* The system build with --db FILE: the user's own database, opened as the
 * user after the group privilege is gone (the shared one is then out of
 * reach: its folder and file are the group's). Its creator is its admin. */
static bool own_database(const struct globals *g)
{
	return system_mode() && g->db && g->db[0];
}

static int setup(struct app *a, const struct globals *g, const struct config *shared, struct err *e)
{
	const char *cfg = g->config ? g->config : getenv("MUSTER_CONFIG");
	a->config_given = cfg && cfg[0];
	if (a->config_given)
		snprintf(a->config_path, sizeof a->config_path, "%s", cfg);
	else
		xdg_path(a->config_path, sizeof a->config_path, "XDG_CONFIG_HOME", ".config",
		         "muster.ini");
	if (config_load(&a->cfg, a->config_path, a->config_given, e) < 0)
		return -1;
	if (system_mode() && !own_database(g))
		system_settings_apply(&a->cfg, shared);
	const char *now = g->now ? g->now : getenv("MUSTER_NOW");
	if (now && now[0] && clock_pin(&a->clock, now, e) < 0)
		return -1;
	const char *db = g->db ? g->db : getenv("MUSTER_DB");
	if (system_mode() && !own_database(g))
		system_db_path(a->db_path, sizeof a->db_path);
	else if (db && db[0])
		snprintf(a->db_path, sizeof a->db_path, "%s", db);
	else if (a->cfg.db_path[0])
		snprintf(a->db_path, sizeof a->db_path, "%s", a->cfg.db_path);
	else
		xdg_path(a->db_path, sizeof a->db_path, "XDG_DATA_HOME", ".local/share",
		         "muster.db");
	a->ctx.cfg = &a->cfg;
	a->ctx.clock = &a->clock;
	ctx_default_actor(a->ctx.actor, sizeof a->ctx.actor);
	return 0;
}

int app_open_db(struct app *a, struct err *e)
{
	struct db_options opt = {a->cfg.busy_timeout_ms, a->cfg.db_group, false};
	return db_open(a->db_path, &opt, &a->ctx.db, e);
}

/* The system build's database, opened with the group's privilege, before
 * any file of the user's is read. Only root creates it: the first login to
 * create a database is its admin. */
static int open_system_db(struct app *a, struct err *e)
{
	struct stat st;
	system_db_path(a->db_path, sizeof a->db_path);
	if (stat(a->db_path, &st) < 0 && getuid() != 0)
		return err_set(e, ERR_DB,
		               "%s: no database yet; the administrator makes it (make "
		               "install-system, contrib/DEPLOY.md)",
		               a->db_path);
	struct db_options opt = {0, system_group(), true};
	return db_open(a->db_path, &opt, &a->ctx.db, e);
}

int app_open_lead(struct app *a, struct err *e)
{
	return lead_open(&a->ctx, &a->lead, e);
}

void app_close(struct app *a)
{
	if (a->ctx.lead)
		lead_flush(&a->ctx, NULL);
	db_close(a->ctx.db);
	a->ctx.db = NULL;
	lead_close(&a->lead);
	a->ctx.lead = NULL;
}

/* One command. On a terminal its output, whatever the format, goes through
 * text_terminal_stream: no byte from the database reaches it raw (an OSC 52
 * clipboard write, a CSI 6n report request, C1 controls, bidi overrides).
 * To a file or a pipe the bytes are exact. */
static int run_command(struct app *a, int argc, char **argv, struct err *e)
{
	FILE *out = isatty(STDOUT_FILENO) ? text_terminal_stream(stdout) : stdout;
	if (!out)
		return err_set(e, ERR_INPUT, "cannot write to the terminal");
	int ret = cli_run(a, argc, argv, out, e);
	if (out != stdout && fclose(out) != 0 && ret == 0)
		ret = err_set(e, ERR_INPUT, "writing output failed");
	return ret;
}

/* Wide characters need a UTF-8 locale; fall back to C.UTF-8. The kiosk
 * takes nothing from the environment: C.UTF-8 always (a locale name may be
 * a path, and an SSH client chooses LANG). */
static void use_utf8(bool kiosk)
{
	if (kiosk || !setlocale(LC_ALL, "") || strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(kiosk ? LC_ALL : LC_CTYPE, "C.UTF-8");
}

/* On a shared server a lead's clock is the server's: a pinned one would
 * date the audit log and move the rules' windows. */
static int clock_allowed(struct app *a, struct err *e)
{
	if (!system_mode() || !a->clock.pinned || !a->ctx.lead || a->lead.role == LEAD_ADMIN)
		return 0;
	return err_set(e, ERR_USAGE, "--now: only an admin pins the clock of a shared database");
}

int main(int argc, char **argv)
{
	static struct app app;
	static struct config shared; /* the system build's settings for everyone */
	struct err e = {0};
	struct globals g;
	/* before anything reads the environment */
	if (system_start(&e) < 0)
		return die(&e);
	int parsed = parse_globals(argc, argv, &g, &e);
	bool kiosk = parsed == 0 && g.first + 1 == argc && strcmp(argv[g.first], kiosk_word) == 0;
	use_utf8(kiosk);
	if (parsed < 0)
		return die(&e);
	if (g.help) {
		usage(stdout);
		return 0;
	}
	if (g.version) {
		version_print(stdout);
		return 0;
	}
	if (g.complete) {
		dump_completion(stdout);
		return 0;
	}
	bool needs_db = !g.dump && (g.first >= argc || cli_needs_db(argv[g.first]));
	/* the system build: the database with the group's privilege, then
	 * never again (system.h) */
	if (system_mode() && ((needs_db && !own_database(&g) && open_system_db(&app, &e) < 0) ||
	                      system_settings_load(&shared, &e) < 0 || system_drop(&e) < 0)) {
		app_close(&app);
		return die(&e);
	}
	if (setup(&app, &g, &shared, &e) < 0) {
		app_close(&app);
		return die(&e);
	}
	if (g.dump && g.first < argc) {
		if (config_dump_some(&app.cfg, argv + g.first, (size_t)(argc - g.first), stdout,
		                     &e) < 0)
			return die(&e);
		return 0;
	}
	if (g.dump) {
		config_dump(&app.cfg, stdout);
		return 0;
	}
	if (needs_db && app.ctx.db)
		db_set_busy_timeout(app.ctx.db, app.cfg.busy_timeout_ms);
	else if (needs_db && app_open_db(&app, &e) < 0)
		return die(&e);
	/* everyone but the kiosk (its own account, showing a volunteer only
	 * their own data) is a lead with a scope */
	if (needs_db && !kiosk && (app_open_lead(&app, &e) < 0 || clock_allowed(&app, &e) < 0)) {
		app_close(&app);
		return die(&e);
	}
	int ret;
	if (g.first >= argc)
		ret = screen_run_coordinator(&app, &e);
	else if (kiosk)
		ret = screen_run_kiosk(&app, &e);
	else
		ret = run_command(&app, argc - g.first, argv + g.first, &e);
	if (fflush(stdout) != 0 && ret == 0)
		ret = err_set(&e, ERR_INPUT, "writing output failed");
	app_close(&app);
	return ret < 0 ? die(&e) : 0;
}
