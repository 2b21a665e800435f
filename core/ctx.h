/* ctx.h - what every core operation needs: the store, the settings, the
 * clock, who is acting, an optional override reason for soft rules, and who
 * hears of side effects.
 * tui/main.c builds one inside its struct app and passes it down. */
#ifndef MUSTER_CTX_H
#define MUSTER_CTX_H

#include "../db/db.h"
#include "clock.h"
#include "config.h"

struct elig_memo;
struct lead;
struct undo_session;

struct ctx {
	struct db *db;
	const struct config *cfg;
	struct clock *clock;
	char actor[96];              /* login name, or "kiosk:CODE" */
	const char *override_reason; /* non-NULL: soft rules may be overridden */
	struct lead *lead;           /* what the actor may do (core/lead.h); NULL: anything */
	/* Told what a write did besides itself (the sign-ups a cancelled session
	 * took with it), one line at a time, for the front end to show once the
	 * write has committed; NULL: nobody listens. */
	void (*notice)(void *arg, const char *line);
	void *notice_arg;
	struct elig_memo *memo;    /* facts the rules read, kept (core/elig_memo.h); NULL: none */
	struct undo_session *undo; /* this session's changes, for undo (core/undo.h); NULL: none */
};

/* A write about a pair of rows: (event, person), (shift, person). */
typedef int (*ctx_pair_fn)(struct ctx *c, int64_t a, int64_t b, struct err *e);
/* Run fn(c, a, b) inside one BEGIN IMMEDIATE transaction: committed when it
 * returns 0, rolled back when it fails. */
int ctx_tx(struct ctx *c, int64_t a, int64_t b, ctx_pair_fn fn, struct err *e);
/* The same for a write that also tells something back through out (the id
 * it wrote, who it promoted). */
typedef int (*ctx_pair_out_fn)(struct ctx *c, int64_t a, int64_t b, int64_t *out, struct err *e);
int ctx_tx_out(struct ctx *c, int64_t a, int64_t b, int64_t *out, ctx_pair_out_fn fn,
               struct err *e);

/* The login name of the user running muster (from the password database, not
 * the environment), for the audit log. */
void ctx_default_actor(char *buf, size_t n);
/* Tell the listener (if any) one line. */
void ctx_notice(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
