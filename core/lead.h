/* lead.h - leads: who may use muster, and the one decision every read and
 * write asks, "may this lead do this to these rows?". A lead is a login
 * (the Unix user running muster) with one role and scope rows naming
 * events, volunteer roles or organizations:
 *   admin        everything, leads included;
 *   coordinator  everything inside its events (every event without one);
 *                with the right `confidential`, confidential people too;
 *   role_lead    its roles' shifts and assignments, and the people on them
 *                or registered as volunteers for their events;
 *   org_lead     its organization's people, booths and booth shifts, and
 *                its people's registrations and shifts;
 *   viewer       reads its events (every event without one), no contacts.
 * One table in lead.c gives, for each role and table, the actions allowed
 * and, as SQL, the rows it sees, the rows it may write and the rows whose
 * contact details it reads. Reads: lead_open installs the rows seen as
 * views on the connection (db/scope_store.h), so every query of every
 * store sees only them, contacts masked "—". Writes: record.c asks
 * lead_row_allows before and after each row is written. Commands: the
 * command table names what each reads or writes, and the CLI asks
 * lead_allows before running it (a command that names nothing is for
 * admins). A confidential person is seen only by admins and coordinators
 * with the right; each time such a coordinator sees one, the audit log
 * says who saw whom and when. */
#ifndef MUSTER_LEAD_H
#define MUSTER_LEAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../db/scope_store.h"
#include "ctx.h"

struct record;

enum lead_role { LEAD_ADMIN, LEAD_COORDINATOR, LEAD_ROLE_LEAD, LEAD_ORG_LEAD, LEAD_VIEWER };
#define LEAD_NROLES 5
enum lead_act { LEAD_READ, LEAD_ADD, LEAD_SET, LEAD_RM };
#define LEAD_NACTS 4

/* Role names in enum order, NULL-terminated (the lead entity's choices). */
extern const char *const lead_role_names[];

/* One confidential person a lead saw, and when it was last audited. */
struct lead_sight {
	int64_t person;
	int64_t audited; /* 0: not yet */
	bool pending;    /* seen since the last lead_flush */
};

struct lead {
	char login[96];
	enum lead_role role;
	bool confidential;              /* coordinator: sees confidential people */
	int64_t *events, *roles, *orgs; /* scope rows */
	size_t nevents, nroles, norgs;
	struct lead_sight *seen;
	size_t nseen, capseen;
	struct scope_def scope; /* installed on the connection (non-admins) */
	struct scope_table *tables;
	char **owned; /* SQL built for the scope, freed by lead_close */
	size_t nowned;
};

/* The decision: may lead l do act on rows of table at all? NULL l is
 * unrestricted (the kiosk, which keeps to the volunteer itself, and the
 * unit tests); the rows themselves are lead_row_allows's. */
bool lead_may(const struct lead *l, const char *table, enum lead_act act);
/* lead_may for c->lead, refused as one line naming the lead, its role and
 * its scope ("refused: ana (viewer of event 2) may not add people"). */
int lead_allows(const struct ctx *c, const char *table, enum lead_act act, struct err *e);
/* May the lead run a command that does act to rows of any of tables
 * (names separated by spaces)? tables NULL: a command for admins only. */
int lead_allows_command(const struct ctx *c, const char *command, const char *tables,
                        enum lead_act act, struct err *e);
/* The same for one row of table: lead_allows, then the row against the
 * role's SQL for act (read: the rows seen; else the rows written). */
int lead_row_allows(struct ctx *c, const char *table, int64_t id, enum lead_act act, struct err *e);

/* The lead c->actor is: its rows read into out, and for any role but
 * admin its scope installed on c->db; c->lead = out. A database without
 * leads first makes the owner of its file admin (a new file's owner is the
 * login creating it; in memory, c->actor). ERR_REFUSED when c->actor is
 * no lead of this database. */
int lead_open(struct ctx *c, struct lead *out, struct err *e);
void lead_close(struct lead *l);
/* The lead login is, as far as the current lead may see (its own rows, or
 * anyone's for an admin), without installing anything; ERR_NOT_FOUND when
 * it sees none. lead_close it. */
int lead_find(struct ctx *c, const char *login, struct lead *out, struct err *e);
/* "ana (viewer of event 2)", "bo (coordinator of every event, confidential)". */
void lead_describe(const struct lead *l, char *buf, size_t n);
/* What the lead may do, in a line per table ("shift: see, add, change,
 * remove"), for lead show. */
void lead_abilities(const struct lead *l, void (*line)(void *arg, const char *text), void *arg);
/* Audit the confidential people seen since the last call (one entry per
 * person, again after LEAD_SIGHT_AGAIN seconds). Runs its own transaction. */
#define LEAD_SIGHT_AGAIN 600
int lead_flush(struct ctx *c, struct err *e);

/* Hooks of the lead entity (core/entity.c). */
int lead_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int lead_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int lead_after_write(struct ctx *c, const struct record *r, const char *action, struct err *e);

#endif
