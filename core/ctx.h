/* ctx.h - what every core operation needs: the store, the settings, the
 * clock, who is acting, and an optional override reason for soft rules.
 * tui/main.c builds one inside its struct app and passes it down. */
#ifndef MUSTER_CTX_H
#define MUSTER_CTX_H

#include "../db/db.h"
#include "clock.h"
#include "config.h"

struct ctx {
	struct db *db;
	const struct config *cfg;
	struct clock *clock;
	char actor[96];              /* login name, or "kiosk:CODE" */
	const char *override_reason; /* non-NULL: soft rules may be overridden */
};

/* The login name of the user running muster (from the password database, not
 * the environment), for the audit log. */
void ctx_default_actor(char *buf, size_t n);

#endif
