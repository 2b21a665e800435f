/* cmd_mail.c - mail from the command line: invite, updates and reminders
 * queue (core/mail_outbox.h), send delivers (core/mail_send.h), status
 * tells. mail send hands each message over in a process of its own, this
 * program again running `mail handoff ID`, so that killing mail send
 * neither loses nor repeats a message (see mail_send.h). */
#define _GNU_SOURCE /* POSIX_SPAWN_SETSID */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/array.h"
#include "../core/audit.h"
#include "../core/mail_outbox.h"
#include "../core/mail_send.h"
#include "../core/tz.h"
#include "cmd.h"
#include "text.h"

extern char **environ;

/* ---- queueing ------------------------------------------------------------ */

static void refused_line(void *arg, int64_t person, const char *name, const char *why)
{
	char clean_name[512], clean_why[1200];
	fprintf(stderr, "muster: %s: person %" PRId64 " (%s): %s; nothing queued for them\n",
	        (const char *)arg, person, text_sanitize(name, clean_name, sizeof clean_name),
	        text_sanitize(why, clean_why, sizeof clean_why));
}

static void say_summary(const char *what, const struct mail_summary *s, FILE *out)
{
	fprintf(out, "%s: %zu queued for %zu %s", what, s->queued, s->people,
	        s->people == 1 ? "person" : "people");
	const char *sep = " (";
	for (int k = 0; k < MAIL_NKINDS; k++) {
		if (!s->by_kind[k])
			continue;
		fprintf(out, "%s%zu %s", sep, s->by_kind[k], mail_kind_name((enum mail_kind)k));
		sep = ", ";
	}
	fprintf(out, "%s, %zu skipped without an email, %zu addresses refused",
	        s->queued ? ")" : "", s->no_email, s->refused);
	if (s->withdrawn)
		fprintf(out, ", %zu queued withdrawn", s->withdrawn);
	fputc('\n', out);
}

static int need_event(const struct args *args, const char *what, int64_t *event, struct err *e)
{
	if (cmd_event_opt(args, event, e) < 0)
		return -1;
	if (!*event)
		return err_set(e, ERR_USAGE, "usage: muster mail %s --event ID%s", what,
		               strcmp(what, "invite") == 0 ? " [--kind KIND]" : "");
	return 0;
}

static int only_opts(const struct args *args, const char *what, const char *const *allowed,
                     struct err *e)
{
	for (int i = 0; i < args->nopt; i++) {
		bool ok = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, args->opt_name[i]) == 0;
		if (!ok)
			return err_set(e, ERR_USAGE, "mail %s takes no --%s", what,
			               args->opt_name[i]);
	}
	return 0;
}

static int mail_invite_cmd(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	static const char *const allowed[] = {"event", "kind", NULL};
	int64_t event;
	struct mail_summary s;
	if (only_opts(args, "invite", allowed, e) < 0 || need_event(args, "invite", &event, e) < 0)
		return -1;
	if (mail_invite(&a->ctx, event, args_get(args, "kind"), refused_line, "mail invite", &s,
	                e) < 0) {
		cmd_clean_err(e);
		return -1;
	}
	say_summary("mail invite", &s, out);
	return 0;
}

static int mail_updates_cmd(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	static const char *const allowed[] = {"event", NULL};
	int64_t event;
	struct mail_summary s;
	if (only_opts(args, "updates", allowed, e) < 0 ||
	    need_event(args, "updates", &event, e) < 0)
		return -1;
	if (mail_updates(&a->ctx, event, refused_line, "mail updates", &s, e) < 0) {
		cmd_clean_err(e);
		return -1;
	}
	say_summary("mail updates", &s, out);
	return 0;
}

static int mail_reminders_cmd(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	static const char *const allowed[] = {NULL};
	struct mail_summary s;
	if (only_opts(args, "reminders", allowed, e) < 0)
		return -1;
	if (mail_reminders(&a->ctx, refused_line, "mail reminders", &s, e) < 0) {
		cmd_clean_err(e);
		return -1;
	}
	say_summary("mail reminders", &s, out);
	return 0;
}

/* ---- delivering ---------------------------------------------------------- */

/* The words mail handoff says on standard output, by outcome. */
static const char *const outcome_words[] = {[MAIL_SENT] = "sent",
                                            [MAIL_DEFERRED] = "deferred",
                                            [MAIL_FAILED] = "failed",
                                            [MAIL_NOT_CLAIMED] = "not claimed"};

/* The argument list of `muster --db DB [--config FILE] [--now @T] mail
 * handoff ID` (strings in the caller's buffers). */
static void handoff_argv(struct app *a, char *self, char *id, char *now, char **argv)
{
	int k = 0;
	argv[k++] = self;
	argv[k++] = "--db";
	argv[k++] = a->db_path;
	if (a->config_given) {
		argv[k++] = "--config";
		argv[k++] = a->config_path;
	}
	if (a->clock.pinned) {
		snprintf(now, 32, "@%" PRId64, a->clock.at);
		argv[k++] = "--now";
		argv[k++] = now;
	}
	argv[k++] = "mail";
	argv[k++] = "handoff";
	argv[k++] = id;
	argv[k] = NULL;
}

/* What one handoff said on its standard output (a pipe), to *said. */
static void read_outcome(int fd, char *said, size_t n)
{
	size_t got = 0;
	ssize_t r;
	while (got + 1 < n &&
	       ((r = read(fd, said + got, n - 1 - got)) > 0 || (r < 0 && errno == EINTR)))
		got += r > 0 ? (size_t)r : 0;
	said[got] = '\0';
	said[strcspn(said, "\n")] = '\0';
}

/* Run the handoff of message id in a session of its own and wait for it:
 * its exit status (or -1) and its outcome word in said. */
static int spawn_handoff(struct app *a, int64_t id, char *said, size_t n)
{
	char self[PATH_MAX], idbuf[32], now[32];
	char *argv[12];
	said[0] = '\0';
	ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
	int out[2];
	if (len <= 0 || pipe(out) < 0)
		return -1;
	self[len] = '\0';
	snprintf(idbuf, sizeof idbuf, "%" PRId64, id);
	handoff_argv(a, self, idbuf, now, argv);
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, out[0]);
	posix_spawnattr_t at;
	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID);
	pid_t pid;
	int rc = posix_spawn(&pid, self, &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(out[1]);
	if (rc == 0)
		read_outcome(out[0], said, n);
	close(out[0]);
	if (rc != 0)
		return -1;
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct send_counts {
	size_t n[ARRAY_LEN(outcome_words)];
};

static void count_outcome(const char *said, struct send_counts *c)
{
	for (size_t i = 0; i < ARRAY_LEN(outcome_words); i++)
		if (strcmp(said, outcome_words[i]) == 0)
			c->n[i]++;
}

static int parse_limit(const struct args *args, size_t *limit, struct err *e)
{
	const char *text = args_get(args, "limit");
	int64_t n = 0;
	*limit = 0;
	if (text && args_id(text, "--limit", &n, e) < 0)
		return -1;
	*limit = (size_t)n;
	return 0;
}

static int audit_send(struct app *a, const struct send_counts *n, struct err *e)
{
	if (db_begin(a->ctx.db, e) < 0)
		return -1;
	if (audit_log(&a->ctx, "mail", "mail", 0, e,
	              "mail send: %zu sent, %zu to retry, %zu failed", n->n[MAIL_SENT],
	              n->n[MAIL_DEFERRED], n->n[MAIL_FAILED]) < 0) {
		db_rollback(a->ctx.db);
		return -1;
	}
	return db_commit(a->ctx.db, e);
}

/* Each handoff in turn; a sendmail that cannot be run or a database error
 * stops the run (the handoff said why on standard error). */
static int hand_over(struct app *a, const int64_t *ids, size_t nids, struct send_counts *n,
                     struct err *e)
{
	for (size_t i = 0; i < nids; i++) {
		char said[32];
		int rc = spawn_handoff(a, ids[i], said, sizeof said);
		if (rc == 0) {
			count_outcome(said, n);
			continue;
		}
		if (rc == 2)
			return err_set(
			    e, ERR_CONFIG,
			    "mail send: stopped: the MTA cannot be run ([mail] sendmail); "
			    "%zu sent before, the rest stay queued",
			    n->n[MAIL_SENT]);
		return err_set(e, ERR_DB,
		               "mail send: stopped: handing message %" PRId64 " over failed "
		               "(exit %d); the rest stay queued",
		               ids[i], rc);
	}
	return 0;
}

static int mail_send_cmd(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	static const char *const allowed[] = {"limit", NULL};
	size_t limit, unknown, nids;
	int64_t *ids;
	if (only_opts(args, "send", allowed, e) < 0 || parse_limit(args, &limit, e) < 0 ||
	    mail_sendmail_check(&a->cfg, e) < 0 || mail_recover(&a->ctx, &unknown, e) < 0 ||
	    mail_due(&a->ctx, limit, &ids, &nids, e) < 0)
		return -1;
	struct send_counts n = {0};
	int ret = hand_over(a, ids, nids, &n, e);
	free(ids);
	struct err audit_err = {0};
	if (audit_send(a, &n, ret < 0 ? &audit_err : e) < 0 && ret == 0)
		ret = -1;
	fprintf(out, "mail send: %zu sent, %zu to retry, %zu failed", n.n[MAIL_SENT],
	        n.n[MAIL_DEFERRED], n.n[MAIL_FAILED]);
	if (unknown)
		fprintf(out, ", %zu unknown (a handoff was killed; see mail status)", unknown);
	fputc('\n', out);
	if (ret == 0 && (n.n[MAIL_DEFERRED] || n.n[MAIL_FAILED]))
		ret = err_set(e, ERR_REFUSED,
		              "mail send: the MTA refused %zu messages (mail status lists them and "
		              "what it said)",
		              n.n[MAIL_DEFERRED] + n.n[MAIL_FAILED]);
	return ret;
}

/* One message to the MTA, for mail send (see the top of this file). */
static int mail_handoff_cmd(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t id;
	if (args->npos != 2 || args->nopt)
		return err_set(e, ERR_USAGE, "usage: muster mail handoff ID");
	if (args_id(args->pos[1], "message", &id, e) < 0)
		return -1;
	struct mail_handoff_result r;
	if (mail_handoff(&a->ctx, id, &r, e) < 0)
		return -1;
	fprintf(out, "%s\n", outcome_words[r.outcome]);
	/* the MTA's words go to the log (standard error), never the audit */
	char clean[sizeof r.words * 3], when[40];
	text_sanitize(r.words, clean, sizeof clean);
	tz_format_utc(r.retry_at, when, sizeof when);
	if (r.outcome == MAIL_DEFERRED)
		fprintf(stderr,
		        "muster: mail: message %" PRId64 " to person %" PRId64
		        ": %s; tried again after %s\n",
		        id, r.person, clean, when);
	else if (r.outcome == MAIL_FAILED)
		fprintf(stderr,
		        "muster: mail: message %" PRId64 " to person %" PRId64
		        ": %s; failed, no attempts left\n",
		        id, r.person, clean);
	return 0;
}

/* ---- status -------------------------------------------------------------- */

struct status_out {
	FILE *out;
	int max_attempts;
	int counted;
};

static int count_line(void *arg, const char *status, int64_t n)
{
	struct status_out *s = arg;
	fprintf(s->out, "%s %" PRId64 " %s", s->counted++ ? "," : "", n, status);
	return 0;
}

static int row_line(void *arg, const struct mail_store_row *r)
{
	struct status_out *s = arg;
	/* what needs a look: refused, failed, unknown, or under way */
	bool fresh = strcmp(r->status, "queued") == 0 && r->attempts == 0;
	if (strcmp(r->status, "sent") == 0 || fresh)
		return 0;
	char name[600], to[1000], why[3200], when[40];
	text_sanitize(r->person_name, name, sizeof name);
	text_sanitize(r->recipient, to, sizeof to);
	text_sanitize(r->last_error, why, sizeof why);
	fprintf(s->out, "%s #%" PRId64 ": %s %s %" PRId64 " to person %" PRId64 " (%s <%s>)",
	        r->status, r->id, r->kind, r->item_kind, r->item_id, r->person, name, to);
	if (strcmp(r->status, "queued") == 0 || strcmp(r->status, "failed") == 0)
		fprintf(s->out, ", %" PRId64 " of %d attempts", r->attempts, s->max_attempts);
	if (strcmp(r->status, "queued") == 0 && r->attempts) {
		tz_format_utc(r->next_attempt_at, when, sizeof when);
		fprintf(s->out, ", next after %s", when);
	}
	if (why[0])
		fprintf(s->out, ": %s", why);
	fputc('\n', s->out);
	return 0;
}

static int mail_status_cmd(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	static const char *const allowed[] = {"event", NULL};
	int64_t event;
	if (only_opts(args, "status", allowed, e) < 0 || cmd_event_opt(args, &event, e) < 0)
		return -1;
	struct status_out s = {out, a->cfg.mail_max_attempts, 0};
	fputs("outbox:", out);
	if (mail_status_counts(&a->ctx, event, count_line, &s, e) < 0)
		return -1;
	fputs(s.counted ? "\n" : " empty\n", out);
	return mail_status_each(&a->ctx, NULL, event, row_line, &s, e);
}

/* ---- the command --------------------------------------------------------- */

struct mail_action {
	const char *name;
	int (*run)(struct app *a, const struct args *args, FILE *out, struct err *e);
};

static const struct mail_action actions[] = {
    {.name = "invite", .run = mail_invite_cmd},       {.name = "updates", .run = mail_updates_cmd},
    {.name = "reminders", .run = mail_reminders_cmd}, {.name = "send", .run = mail_send_cmd},
    {.name = "status", .run = mail_status_cmd},       {.name = "handoff", .run = mail_handoff_cmd},
};

/* The actions for the command table's first word (shell completion);
 * handoff, mail send's own step, is not offered. */
static const char *mail_action_at(size_t i)
{
	size_t seen = 0;
	for (size_t k = 0; k < ARRAY_LEN(actions); k++)
		if (actions[k].run != mail_handoff_cmd && seen++ == i)
			return actions[k].name;
	return NULL;
}

static int cmd_mail(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	for (size_t i = 0; i < ARRAY_LEN(actions); i++) {
		if (strcmp(actions[i].name, args->pos[0]) != 0)
			continue;
		if (args->npos > 1 && actions[i].run != mail_handoff_cmd)
			return err_set(e, ERR_USAGE, "mail %s takes no word after it",
			               args->pos[0]);
		return actions[i].run(a, args, out, e);
	}
	return err_set(e, ERR_USAGE,
	               "mail: unknown action %s (invite, updates, reminders, send or status)",
	               args->pos[0]);
}

static void mail_help(FILE *out)
{
	mail_template_help(out);
}

const struct command cmd_mail_commands[] = {
    {
        .name = "mail",
        .usage = "(invite --event ID [--kind KIND] | updates --event ID | reminders |\n"
                 "      send [--limit N] | status [--event ID])",
        .opts = "event: kind: limit:",
        .min_pos = 1,
        .max_pos = 2,
        .help = "invitations, updates and reminders by mail (iTIP over iMIP): one message per\n"
                "      person and calendar entry, queued in the database and delivered through\n"
                "      [mail] sendmail. invite: everything each registered person holds\n"
                "      (the event, their shifts and talks) not yet sent to them; updates:\n"
                "      what is new, changed (a higher SEQUENCE) or gone (a CANCEL) since each\n"
                "      person's last message; reminders: shifts starting within [mail]\n"
                "      remind_hours, once; send: hand what is due to the MTA (at most once;\n"
                "      refused messages wait 5, 10, 20... minutes, failed after [mail]\n"
                "      max_attempts); status: the outbox. Running one twice queues nothing new.\n"
                "      (mail handoff ID is mail send's own step.)",
        .help_more = mail_help,
        .run = cmd_mail,
        .word_at = mail_action_at,
        /* the outbox is for admins (core/lead.c); each action asks for
         * its own right in core: queueing adds, sending changes */
        .tables = "mail_outbox",
        .act = LEAD_READ,
    },
    {.name = NULL},
};
