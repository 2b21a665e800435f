/* crashwriter.c - the SIGKILL test of tests/cli/concurrency.sh. Forks
 * writers that hammer one database through the core API (single adds,
 * 40-row transactions, registrations on a full event, assignments), kills
 * them with SIGKILL at random moments, and repeats. Each writer reports a
 * write on a pipe only after its commit returned. At the end the database
 * must pass PRAGMA integrity_check, hold every reported write, and show no
 * rule violation.
 * usage: crashwriter DB ROUNDS WRITERS   (exit 0 when all holds) */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../core/check.h"
#include "../../core/entity.h"
#include "../../core/registration.h"
#include "../../core/staffing.h"

#define NSHIFTS 8
#define BULK    40

struct env {
	struct config cfg;
	struct clock clock;
	struct ctx ctx;
};

static int open_env(struct env *v, const char *path, const char *actor, struct err *e)
{
	memset(v, 0, sizeof *v);
	config_defaults(&v->cfg);
	v->ctx.cfg = &v->cfg;
	v->ctx.clock = &v->clock;
	snprintf(v->ctx.actor, sizeof v->ctx.actor, "%s", actor);
	return db_open(path, NULL, &v->ctx.db, e);
}

static int64_t add(struct ctx *c, const char *entity, struct err *e, const char *k1, const char *v1,
                   ...)
{
	struct field_assign fa[12];
	size_t n = 0;
	va_list ap;
	fa[n].name = k1;
	fa[n++].value = v1;
	va_start(ap, v1);
	for (const char *k; (k = va_arg(ap, const char *)) != NULL; n++) {
		fa[n].name = k;
		fa[n].value = va_arg(ap, const char *);
	}
	va_end(ap);
	int64_t id;
	return record_add(c, entity_find(entity), fa, n, &id, e) < 0 ? -1 : id;
}

/* Event 1 with 10 seats, role 1, shifts 1..NSHIFTS an hour apart. */
static int setup(const char *path)
{
	struct env v;
	struct err e = {0};
	if (open_env(&v, path, "setup", &e) < 0 ||
	    add(&v.ctx, "event", &e, "name", "Crash", "starts", "2030-06-01 08:00", "ends",
	        "2030-06-01 23:30", "tz", "UTC", "capacity", "10", NULL) < 0 ||
	    add(&v.ctx, "role", &e, "event", "1", "name", "Runner", NULL) < 0) {
		fprintf(stderr, "crashwriter: setup: %s\n", e.msg);
		return -1;
	}
	for (int i = 0; i < NSHIFTS; i++) {
		char a[32], b[32];
		snprintf(a, sizeof a, "2030-06-01 %02d:00", 8 + 2 * i);
		snprintf(b, sizeof b, "2030-06-01 %02d:00", 9 + 2 * i);
		if (add(&v.ctx, "shift", &e, "event", "1", "role", "1", "starts", a, "ends", b,
		        "need_max", "3", NULL) < 0) {
			fprintf(stderr, "crashwriter: setup: %s\n", e.msg);
			return -1;
		}
	}
	db_close(v.ctx.db);
	return 0;
}

static void say(int fd, const char *fmt, ...)
{
	char line[64];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (write(fd, line, (size_t)n) != n)
		_exit(3);
}

static int64_t new_person(struct ctx *c, int w, unsigned *seq, struct err *e)
{
	char name[48];
	snprintf(name, sizeof name, "w%d-%u-%u", w, (unsigned)getpid(), (*seq)++);
	return add(c, "person", e, "name", name, NULL);
}

/* A writer: forever, one of four kinds of write; "b" before a
 * transaction, "p/r/a ID" after each commit, "x MSG" on a database error. */
static void writer(const char *path, int w, int fd)
{
	struct env v;
	struct err e = {0};
	char actor[32];
	unsigned seq = 0, seed = (unsigned)getpid() ^ (unsigned)time(NULL);
	snprintf(actor, sizeof actor, "crash:%d", w);
	if (open_env(&v, path, actor, &e) < 0) {
		say(fd, "x open\n");
		_exit(2);
	}
	struct ctx *c = &v.ctx;
	for (;;) {
		int64_t id, ids[BULK], reg;
		int op = rand_r(&seed) % 4;
		say(fd, "b\n");
		if (op == 0) {
			if ((id = new_person(c, w, &seq, &e)) > 0)
				say(fd, "p %" PRId64 "\n", id);
		} else if (op == 1) {
			int n = 0;
			if (db_begin(c->db, &e) == 0) {
				while (n < BULK && (ids[n] = new_person(c, w, &seq, &e)) > 0)
					n++;
				if (n == BULK && db_commit(c->db, &e) == 0)
					for (int i = 0; i < n; i++)
						say(fd, "p %" PRId64 "\n", ids[i]);
				else if (n < BULK)
					db_rollback(c->db);
			}
		} else if (op == 2) {
			if ((id = new_person(c, w, &seq, &e)) > 0 &&
			    registration_register(c, 1, id, NULL, &reg, &e) == 0)
				say(fd, "r %" PRId64 "\n", reg);
		} else {
			id = 1 + rand_r(&seed) % 30;
			int64_t shift = 1 + rand_r(&seed) % NSHIFTS, a;
			if (staffing_assign(c, shift, id, "coordinator", &a, &e) == 0)
				say(fd, "a %" PRId64 "\n", a);
		}
		if (e.code == ERR_DB)
			say(fd, "x %.50s\n", e.msg);
		err_clear(&e);
	}
}

struct acks {
	char (*kind)[2];
	int64_t *id;
	size_t n, cap;
	int inside; /* writers killed between "b" and its acknowledgement */
	int errors;
};

/* Read everything a dead writer said. */
static void collect(int fd, struct acks *a)
{
	char buf[4096], line[80];
	size_t len = 0;
	ssize_t got;
	char last = 0;
	while ((got = read(fd, buf, sizeof buf)) > 0 || (got < 0 && errno == EINTR)) {
		for (ssize_t i = 0; i < got; i++) {
			if (buf[i] != '\n') {
				if (len + 1 < sizeof line)
					line[len++] = buf[i];
				continue;
			}
			line[len] = '\0';
			len = 0;
			last = line[0];
			if (line[0] == 'x') {
				fprintf(stderr, "writer error: %s\n", line + 2);
				a->errors++;
			}
			if (line[0] != 'p' && line[0] != 'r' && line[0] != 'a')
				continue;
			if (a->n == a->cap) {
				a->cap = a->cap ? a->cap * 2 : 1024;
				a->kind = realloc(a->kind, a->cap * sizeof *a->kind);
				a->id = realloc(a->id, a->cap * sizeof *a->id);
				if (!a->kind || !a->id)
					abort();
			}
			a->kind[a->n][0] = line[0];
			a->id[a->n++] = strtoll(line + 2, NULL, 10);
		}
	}
	if (last == 'b')
		a->inside++;
}

static int run_round(const char *path, int writers, unsigned *seed, struct acks *a, int *killed)
{
	pid_t pid[64];
	int fds[64];
	for (int w = 0; w < writers; w++) {
		int p[2];
		if (pipe(p) < 0)
			return -1;
		pid[w] = fork();
		if (pid[w] < 0)
			return -1;
		if (pid[w] == 0) {
			close(p[0]);
			writer(path, w, p[1]);
		}
		close(p[1]);
		fds[w] = p[0];
	}
	struct timespec ts = {0, (long)(5 + rand_r(seed) % 40) * 1000000L};
	nanosleep(&ts, NULL);
	for (int w = 0; w < writers; w++)
		kill(pid[w], SIGKILL); /* our own child, not yet reaped */
	for (int w = 0; w < writers; w++) {
		int status;
		collect(fds[w], a);
		close(fds[w]);
		while (waitpid(pid[w], &status, 0) < 0 && errno == EINTR)
			;
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
			(*killed)++;
	}
	return 0;
}

static int present(struct ctx *c, const struct acks *a, size_t i)
{
	static const char *const tables[] = {"person", "registration", "assignment"};
	const char *t = tables[a->kind[i][0] == 'p' ? 0 : a->kind[i][0] == 'r' ? 1 : 2];
	struct db_value key = db_int(a->id[i]);
	int64_t found = 0;
	struct err e = {0};
	return record_store_find(c->db, t, "id", &key, 0, &found, &e) == 0 && found;
}

static int count_violation(void *arg, const char *kind, const char *message)
{
	fprintf(stderr, "violation: %s: %s\n", kind, message);
	(*(int *)arg)++;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: crashwriter DB ROUNDS WRITERS\n");
		return 2;
	}
	const char *path = argv[1];
	int rounds = atoi(argv[2]), writers = atoi(argv[3]), killed = 0;
	unsigned seed = (unsigned)time(NULL) ^ (unsigned)getpid();
	struct acks a = {0};
	if (writers < 1 || writers > 64 || rounds < 1 || setup(path) < 0)
		return 2;
	/* A loaded machine may kill every writer of the first rounds before one
	 * write is acknowledged: go on (a bounded number of rounds) until one is. */
	for (int r = 0; r < rounds || (a.n == 0 && r < rounds * 20); r++)
		if (run_round(path, writers, &seed, &a, &killed) < 0) {
			perror("crashwriter");
			return 2;
		}
	struct env v;
	struct err e = {0};
	int bad = 0, violations = 0;
	if (open_env(&v, path, "verify", &e) < 0 || db_integrity_check(v.ctx.db, &e) < 0) {
		printf("integrity FAILED: %s\n", e.msg);
		return 1;
	}
	for (size_t i = 0; i < a.n; i++)
		if (!present(&v.ctx, &a, i)) {
			fprintf(stderr, "lost: %s %" PRId64 "\n", a.kind[i], a.id[i]);
			bad++;
		}
	if (check_run(&v.ctx, 0, count_violation, &violations, &e) < 0) {
		printf("check failed: %s\n", e.msg);
		return 1;
	}
	db_close(v.ctx.db);
	printf("killed %d writers (%d inside a write), %zu acknowledged writes, %d missing, "
	       "%d violations, %d database errors; integrity ok\n",
	       killed, a.inside, a.n, bad, violations, a.errors);
	free(a.kind);
	free(a.id);
	return bad || violations || a.errors || a.n == 0 ? 1 : 0;
}
