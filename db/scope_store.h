/* scope_store.h - what a lead may see, installed on the connection. Every
 * table of the main schema gets a TEMP view of the same name holding only
 * the rows the lead may see, with contact columns masked outside its reach;
 * SQLite resolves an unqualified table name to the TEMP view first, so
 * every query of every store (lists, screens, reports, exports, checks)
 * reads through the scope without knowing it. A table the scope does not
 * name shows no rows. Writes name "main." tables (a view cannot be
 * written), and so do the rules, which must see every row. The SQL comes
 * from core/lead.c; this file only builds the views from it. */
#ifndef MUSTER_SCOPE_STORE_H
#define MUSTER_SCOPE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* Rows of one table: where (SQL on the row, the table named by its own
 * name) says which show; cover says on which the masked columns show. */
struct scope_table {
	const char *table;
	const char *where; /* NULL: no row */
	const char *cover; /* NULL: masked columns are always masked */
};

/* The text a masked column shows. */
#define SCOPE_MASK "\xe2\x80\x94" /* U+2014 EM DASH */

struct scope_def {
	const char *login;                    /* temp.lead_me(login) */
	const int64_t *events, *roles, *orgs; /* temp.lead_event / lead_role / lead_org (id) */
	size_t nevents, nroles, norgs;
	const struct scope_table *tables;
	size_t ntables;
	const char *const *masked; /* "table.column": SCOPE_MASK outside cover */
	size_t nmasked;
	const char *const *secret; /* "table.column": always NULL */
	size_t nsecret;
	/* muster_saw(id, confidential) in a where calls saw(arg, id) for each
	 * confidential row it lets through, and is true */
	void (*saw)(void *arg, int64_t id);
	void *arg;
};

/* Install d on db (once, before the first query of the session). */
int scope_store_install(struct db *db, const struct scope_def *d, struct err *e);
/* Is row id of table visible through the installed scope (or at all,
 * without one)? Reads through the view: the test the writes use. */
int scope_store_row(struct db *db, const char *table, const char *where, int64_t id, int *yes,
                    struct err *e);

#endif
