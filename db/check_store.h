/* check_store.h - the set-based scans behind `muster check`: each query
 * finds, in one pass over indexed joins, the rows that break (or may break)
 * one rule of SPEC section 3, optionally within one event. */
#ifndef MUSTER_CHECK_STORE_H
#define MUSTER_CHECK_STORE_H

#include <stdint.h>

#include "db.h"

/* One result row: integer columns i[], text columns t[]. */
struct cs_row {
	int64_t i[8];
	const char *t[2];
};

enum cs_query {
	CS_TIMELINE,            /* i: person, shift, event, starts, ends; by person, then start */
	CS_OVERFILLED,          /* i: shift, taken, need_max */
	CS_ROOM_CLASH,          /* i: session, later session (same room, overlapping) */
	CS_BOOTH_CLASH,         /* i: booth, later booth (same label, other org, overlapping) */
	CS_OUTSIDE,             /* i: id, event, starts, ends, span0, span1; t: "session 4 \"X\"" */
	CS_CROSS_EVENT,         /* i: event, other event; t: "shift 7", "role 3 (Greeter)" */
	CS_SEATS,               /* i: event, capacity, seated, first waiting person, position */
	CS_SPEAKERS,            /* i: person, session, shift (overlapping) */
	CS_SKILLS,              /* i: person, shift (maybe lacking the role's skill) */
	CS_AGES,                /* i: person, shift (maybe under the role's minimum age) */
	CS_WINDOWS,             /* i: person, shift (not inside one availability window) */
	CS_SESSION_SEATS,       /* i: session, capacity, room capacity, seated, first waiting
	                           person, position (sessions with sign-ups) */
	CS_SIGNUP_UNREGISTERED, /* i: person, session, registration's waitlist position;
	                           t: its status ("" when none), not registered/checked_in */
	CS_SIGNUP_OVERLAP, /* i: person, session, later session (both signed up, overlapping) */
	CS_NQUERIES
};

/* Run query q (event 0: all events), calling fn for each row until it
 * returns non-zero. */
int check_store_scan(struct db *db, enum cs_query q, int64_t event,
                     int (*fn)(void *arg, const struct cs_row *row), void *arg, struct err *e);

#endif
