/* mail_send.c - one message to the MTA: claim, spawn the sendmail command
 * with the message on its input, record what it said. See mail_send.h. */
#define _GNU_SOURCE /* memfd_create, POSIX_SPAWN_SETSID */
#include "mail_send.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wordexp.h>

#include "itip.h"
#include "lead.h"
#include "xmalloc.h"

extern char **environ;

/* A handoff older than this is gone whatever its process id says (ids are
 * reused). No MTA takes an hour to accept one message. */
#define HANDOFF_LEASE 3600
/* The MTA's words kept: the start of what it wrote. */
#define WORDS_MAX 900

/* ---- the command ------------------------------------------------------- */

static int split(const char *cmd, wordexp_t *we, struct err *e)
{
	int rc = wordexp(cmd, we, WRDE_NOCMD);
	if (rc == 0 && we->we_wordc > 0)
		return 0;
	if (rc == 0)
		wordfree(we);
	return err_set(e, ERR_CONFIG,
	               "[mail] sendmail: \"%s\" is not a command line (a program and its "
	               "arguments, without $(...), pipes or redirections)",
	               cmd);
}

/* Is prog, or prog found on PATH, a file we may run? */
static bool runnable(const char *prog)
{
	struct stat st;
	if (strchr(prog, '/'))
		return access(prog, X_OK) == 0 && stat(prog, &st) == 0 && S_ISREG(st.st_mode);
	const char *path = getenv("PATH");
	char *copy = xstrdup(path && path[0] ? path : "/usr/bin:/bin");
	bool found = false;
	for (char *save, *dir = strtok_r(copy, ":", &save); dir && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char *full = xasprintf("%s/%s", dir, prog);
		found = access(full, X_OK) == 0 && stat(full, &st) == 0 && S_ISREG(st.st_mode);
		free(full);
	}
	free(copy);
	return found;
}

int mail_sendmail_check(const struct config *cfg, struct err *e)
{
	wordexp_t we;
	if (split(cfg->mail_sendmail, &we, e) < 0)
		return -1;
	int ret = 0;
	if (!runnable(we.we_wordv[0]))
		ret = err_set(e, ERR_CONFIG,
		              "[mail] sendmail: %s cannot be run (not found, or not executable); "
		              "nothing was sent",
		              we.we_wordv[0]);
	wordfree(&we);
	return ret;
}

int64_t mail_retry_delay(int64_t attempts)
{
	int64_t d = 300;
	for (int64_t i = 1; i < attempts && d < 86400; i++)
		d *= 2;
	return d < 86400 ? d : 86400;
}

/* ---- running it ---------------------------------------------------------- */

/* An anonymous file holding text, at its start. -1 on failure. */
static int text_file(const char *name, const char *text)
{
	int fd = memfd_create(name, MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t len = strlen(text), done = 0;
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* What the MTA wrote, as one line of at most WORDS_MAX bytes. */
static void read_words(int fd, char *buf, size_t n)
{
	char raw[WORDS_MAX + 1];
	ssize_t got = pread(fd, raw, sizeof raw - 1, 0);
	size_t len = got > 0 ? (size_t)got : 0, o = 0;
	for (size_t i = 0; i < len && o + 1 < n; i++) {
		unsigned char ch = (unsigned char)raw[i];
		if (ch == '\n' && i + 1 < len)
			o += (size_t)snprintf(buf + o, n - o, " / ");
		else if (ch >= 0x20 && ch != 0x7f)
			buf[o++] = (char)ch;
	}
	buf[o < n ? o : n - 1] = '\0';
}

/* Run the command with input on fd 0 and its output to out; *status gets
 * its wait status. -1 with errno when it could not be started. */
static int spawn_wait(char *const *argv, int input, int out, int *status)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dflt;
	sigemptyset(&none);
	sigemptyset(&dflt);
	sigaddset(&dflt, SIGPIPE);
	sigaddset(&dflt, SIGINT);
	sigaddset(&dflt, SIGTERM);
	sigaddset(&dflt, SIGHUP);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, input, 0);
	posix_spawn_file_actions_adddup2(&fa, out, 1);
	posix_spawn_file_actions_adddup2(&fa, out, 2);
	posix_spawnattr_init(&at);
	/* a session of its own: killing the handoff leaves the MTA to finish */
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK |
	                                  POSIX_SPAWN_SETSIGDEF);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dflt);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	if (rc != 0) {
		errno = rc;
		return -1;
	}
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

/* ---- recording ----------------------------------------------------------- */

static int claim(struct ctx *c, int64_t id, bool *claimed, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	if (mail_store_claim(c->db, id, clock_now(c->clock), (int64_t)getpid(), claimed, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

static int record_sent(struct ctx *c, const struct mail_store_row *row, struct err *e)
{
	int64_t now = clock_now(c->clock);
	struct itip_sent s = {
	    .person = row->person,
	    .method = strcmp(row->method, "CANCEL") == 0 ? ITIP_CANCEL : ITIP_REQUEST,
	    .sequence = row->sequence,
	    .item_sequence = row->item_sequence,
	    .sent_at = now,
	};
	snprintf(s.uid, sizeof s.uid, "%s", row->uid);
	if (db_begin(c->db, e) < 0)
		return -1;
	if (mail_store_sent(c->db, row->id, now, e) < 0 || itip_record(c, &s, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

/* The MTA refused: again later, or failed after the last attempt. */
static int record_refused(struct ctx *c, const struct mail_store_row *row,
                          struct mail_handoff_result *r, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	int ret;
	if (row->attempts >= c->cfg->mail_max_attempts) {
		r->outcome = MAIL_FAILED;
		ret = mail_store_fail(c->db, row->id, r->words, e);
	} else {
		r->outcome = MAIL_DEFERRED;
		r->retry_at = clock_now(c->clock) + mail_retry_delay(row->attempts);
		ret = mail_store_retry(c->db, row->id, r->retry_at, r->words, e);
	}
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

static int record_unrunnable(struct ctx *c, int64_t id, const char *prog, int err, struct err *e)
{
	char why[512];
	snprintf(why, sizeof why, "%s cannot be run: %s", prog, strerror(err));
	if (db_begin(c->db, e) < 0)
		return -1;
	if (mail_store_unclaim(c->db, id, why, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	if (db_commit(c->db, e) < 0)
		return -1;
	return err_set(e, ERR_CONFIG, "[mail] sendmail: %s; the message stays queued", why);
}

/* Run the MTA on message; words and status filled. */
static int run_mta(struct ctx *c, const char *message, int *status, char *words, size_t nwords,
                   int *spawn_errno, char *prog, size_t nprog, struct err *e)
{
	wordexp_t we;
	if (split(c->cfg->mail_sendmail, &we, e) < 0)
		return -1;
	snprintf(prog, nprog, "%s", we.we_wordv[0]);
	int in = text_file("muster-mail", message), out = memfd_create("muster-mta", MFD_CLOEXEC);
	int ret = 0;
	*spawn_errno = 0;
	if (in < 0 || out < 0)
		ret = err_set(e, ERR_INPUT, "mail: no memory for the message: %s", strerror(errno));
	else if (spawn_wait(we.we_wordv, in, out, status) < 0)
		*spawn_errno = errno ? errno : ENOEXEC;
	else
		read_words(out, words, nwords);
	if (in >= 0)
		close(in);
	if (out >= 0)
		close(out);
	wordfree(&we);
	return ret;
}

static void describe_refusal(int status, const char *said, char *buf, size_t n)
{
	if (WIFSIGNALED(status))
		snprintf(buf, n, "the MTA was killed by signal %d%s%s", WTERMSIG(status),
		         said[0] ? ": " : "", said);
	else
		snprintf(buf, n, "the MTA refused it (exit %d)%s%s", WEXITSTATUS(status),
		         said[0] ? ": " : "", said);
}

int mail_handoff(struct ctx *c, int64_t id, struct mail_handoff_result *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	r->outcome = MAIL_NOT_CLAIMED;
	if (lead_allows(c, "mail_outbox", LEAD_SET, e) < 0)
		return -1;
	bool claimed;
	if (claim(c, id, &claimed, e) < 0)
		return -1;
	if (!claimed)
		return 0;
	struct mail_store_row row;
	char *message;
	if (mail_store_get(c->db, id, &row, &message, e) < 0)
		return -1;
	r->person = row.person;
	int status = 0, spawn_errno = 0;
	char said[WORDS_MAX + 1] = "", prog[256];
	int ret =
	    run_mta(c, message, &status, said, sizeof said, &spawn_errno, prog, sizeof prog, e);
	free(message);
	if (ret < 0 || spawn_errno)
		return record_unrunnable(c, id, ret < 0 ? "the MTA" : prog,
		                         spawn_errno ? spawn_errno : EIO, e);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		r->outcome = MAIL_SENT;
		return record_sent(c, &row, e);
	}
	describe_refusal(status, said, r->words, sizeof r->words);
	return record_refused(c, &row, r, e);
}

/* ---- recovery and the queue ------------------------------------------------ */

struct stale {
	struct ctx *c;
	int64_t *ids;
	size_t n, cap;
};

static bool alive(int64_t pid)
{
	return pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM);
}

static int note_stale(void *arg, const struct mail_store_row *row)
{
	struct stale *s = arg;
	int64_t now = clock_now(s->c->clock);
	if (alive(row->claimed_by) && row->claimed_at > now - HANDOFF_LEASE)
		return 0; /* its handoff is still under way */
	XGROW(s->ids, s->n, s->cap, 8);
	s->ids[s->n++] = row->id;
	return 0;
}

int mail_recover(struct ctx *c, size_t *n, struct err *e)
{
	struct stale s = {.c = c};
	if (n)
		*n = 0;
	if (lead_allows(c, "mail_outbox", LEAD_SET, e) < 0)
		return -1;
	if (db_begin(c->db, e) < 0)
		return -1;
	int ret = mail_store_each(c->db, "sending", 0, note_stale, &s, e);
	for (size_t i = 0; ret == 0 && i < s.n; i++)
		ret =
		    mail_store_unknown(c->db, s.ids[i],
		                       "its handoff ended before the MTA's answer was recorded; it "
		                       "most likely reached the MTA and is not sent again",
		                       e);
	free(s.ids);
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	if (n)
		*n = s.n;
	return db_commit(c->db, e);
}

int mail_due(struct ctx *c, size_t limit, int64_t **ids, size_t *n, struct err *e)
{
	*ids = NULL;
	*n = 0;
	if (lead_allows(c, "mail_outbox", LEAD_SET, e) < 0)
		return -1;
	return mail_store_due(c->db, clock_now(c->clock), limit, ids, n, e);
}

int mail_status_each(struct ctx *c, const char *status, int64_t event,
                     int (*fn)(void *arg, const struct mail_store_row *r), void *arg, struct err *e)
{
	if (lead_allows(c, "mail_outbox", LEAD_READ, e) < 0)
		return -1;
	return mail_store_each(c->db, status, event, fn, arg, e);
}

int mail_status_counts(struct ctx *c, int64_t event,
                       int (*fn)(void *arg, const char *status, int64_t n), void *arg,
                       struct err *e)
{
	if (lead_allows(c, "mail_outbox", LEAD_READ, e) < 0)
		return -1;
	return mail_store_counts(c->db, event, fn, arg, e);
}

int mail_status_get(struct ctx *c, int64_t id, struct mail_store_row *out, struct err *e)
{
	if (lead_allows(c, "mail_outbox", LEAD_READ, e) < 0)
		return -1;
	return mail_store_get(c->db, id, out, NULL, e);
}
