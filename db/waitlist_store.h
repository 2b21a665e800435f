/* waitlist_store.h - the reads and writes of one waitlist (SPEC rule 5),
 * shared by the two tables that keep one: registration (seats of an event,
 * attendees only) and signup (seats of a session). Rows of a group (the
 * event or the session) hold a seat, wait at positions 1, 2, ... in order,
 * or neither (cancelled). */
#ifndef MUSTER_WAITLIST_STORE_H
#define MUSTER_WAITLIST_STORE_H

#include <stdint.h>

#include "db.h"

/* The tables that keep a waitlist. */
enum waitlist_table {
	WL_REGISTRATION, /* group: event; only attendees take seats */
	WL_SIGNUP,       /* group: session */
};

/* Rows of group holding a seat, not counting row except. */
int waitlist_store_seated(struct db *db, enum waitlist_table t, int64_t group, int64_t except,
                          int64_t *n, struct err *e);
/* The highest waitlist position in group (0 when nobody waits). */
int waitlist_store_last_position(struct db *db, enum waitlist_table t, int64_t group, int64_t *pos,
                                 struct err *e);
/* The first on the waitlist (id 0 when nobody waits). */
int waitlist_store_first(struct db *db, enum waitlist_table t, int64_t group, int64_t *id,
                         int64_t *person, int64_t *position, struct err *e);
/* Everyone waiting behind position moves up one place. */
int waitlist_store_close_gap(struct db *db, enum waitlist_table t, int64_t group, int64_t position,
                             struct err *e);
/* Give row id a seat: registered, off the waitlist. */
int waitlist_store_promote(struct db *db, enum waitlist_table t, int64_t id, struct err *e);

#endif
