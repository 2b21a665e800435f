/* app.h - the one struct built by main.c and passed to every front end:
 * settings, the store, the clock and the operator, plus where they came from. */
#ifndef MUSTER_APP_H
#define MUSTER_APP_H

#include <stdbool.h>

#include "../core/config.h"
#include "../core/ctx.h"
#include "../core/lead.h"

struct app {
	struct config cfg;
	struct clock clock;
	struct ctx ctx;   /* ctx.db is NULL until app_open_db */
	struct lead lead; /* who is running muster: ctx.lead once app_open_lead */
	char db_path[4096];
	char config_path[4096];
	bool config_given; /* --config or MUSTER_CONFIG: a missing file is an error */
};

/* Open (create, migrate) the database at a->db_path. */
int app_open_db(struct app *a, struct err *e);
void app_close(struct app *a);
/* Who the login is (core/lead.h): its lead and scope; refused when it is
 * no lead of the database. */
int app_open_lead(struct app *a, struct err *e);

#endif
