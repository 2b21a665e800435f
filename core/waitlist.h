/* waitlist.h - the one waitlist of SPEC rule 5, kept by event registrations
 * (the event's capacity, attendees only) and by session sign-ups (the
 * smaller of the session's and its room's capacity): a row that would take
 * a seat in a full group waits in order (positions 1, 2, ...); when a seat
 * frees, the first waiting is promoted at once, in the same transaction,
 * with an audit entry. The entity hooks of both call these. */
#ifndef MUSTER_WAITLIST_H
#define MUSTER_WAITLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../db/waitlist_store.h"
#include "entity.h"

/* What differs between the tables keeping a waitlist. */
struct waitlist {
	enum waitlist_table table;
	const char *entity; /* audited as: "registration", "signup" */
	const char *group;  /* the field naming the group: "event", "session" */
	const char *as;     /* after the person in a refusal: " as an attendee", "" */
	const char *seats;  /* the seated rows: "attendees registered", "sign-ups" */
	const char *rows;   /* the rows to cancel: "registrations", "sign-ups" */
	/* The group's capacity (0 = unlimited) and its name for people;
	 * ERR_NOT_FOUND when there is no such group. */
	int (*capacity)(struct ctx *c, int64_t group, int64_t *cap, char *name, size_t n,
	                struct err *e);
	/* Does the row, as written, hold one of the group's seats? */
	bool (*seated)(const struct record *r);
};

/* Promote the first waiting while seats are free (each audited). */
int waitlist_settle(struct ctx *c, const struct waitlist *w, int64_t group, struct err *e);
/* prepare hook: a row about to take a seat it did not hold waits when the
 * group is full (a new or revived row) or is refused (a change of a held
 * row); a row starting to wait gets the last place, one leaving the
 * waitlist closes its gap. */
int waitlist_prepare(struct ctx *c, const struct waitlist *w, struct record *r,
                     const struct record *old, struct err *e);
/* after_write hook: a removed waiting row closes its gap; then settle. */
int waitlist_after_write(struct ctx *c, const struct waitlist *w, const struct record *r,
                         const char *action, struct err *e);
/* For a group (name) whose capacity changes to cap: refused when below the
 * seats already taken. */
int waitlist_fits(struct ctx *c, const struct waitlist *w, int64_t group, int64_t cap,
                  const char *name, struct err *e);

#endif
