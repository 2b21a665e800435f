/* ctx.c - who is acting, for the audit log, one write in a transaction, and
 * notices to the front end. */
#define _DEFAULT_SOURCE
#include "ctx.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

int ctx_tx(struct ctx *c, int64_t a, int64_t b, ctx_pair_fn fn, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	if (fn(c, a, b, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

int ctx_tx_out(struct ctx *c, int64_t a, int64_t b, int64_t *out, ctx_pair_out_fn fn, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	if (fn(c, a, b, out, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

void ctx_default_actor(char *buf, size_t n)
{
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && pw->pw_name[0])
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "uid:%ld", (long)getuid());
}

void ctx_notice(struct ctx *c, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	if (!c->notice)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	c->notice(c->notice_arg, line);
}
