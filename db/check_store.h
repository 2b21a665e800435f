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
	CS_TIMELINE,            /* i: person, shift, event, starts, ends, need_max; in no order:
	                           every active assignment on an open shift */
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

/* Each query's columns by name: integers index i[], texts t[]. */
enum cs_timeline_col {
	CS_TL_PERSON,
	CS_TL_SHIFT,
	CS_TL_EVENT,
	CS_TL_STARTS,
	CS_TL_ENDS,
	CS_TL_NEED_MAX
};
/* rows timeline_sweep makes from the timeline */
enum cs_overfilled_col { CS_OF_SHIFT, CS_OF_TAKEN, CS_OF_NEED_MAX };
/* CS_ROOM_CLASH (sessions), CS_BOOTH_CLASH (booths). */
enum cs_clash_col { CS_CL_FIRST, CS_CL_LATER };
enum cs_outside_col {
	CS_OU_ID,
	CS_OU_EVENT,
	CS_OU_STARTS,
	CS_OU_ENDS,
	CS_OU_SPAN0,
	CS_OU_SPAN1,
	CS_OU_WHAT = 0 /* t */
};
enum cs_cross_col { CS_CE_EVENT, CS_CE_OTHER, CS_CE_ITEM = 0 /* t */, CS_CE_USES = 1 /* t */ };
/* CS_SEATS (an event's) and CS_SESSION_SEATS (a session's, with its room's
 * capacity after its own). */
enum cs_seats_col { CS_SE_EVENT, CS_SE_CAPACITY, CS_SE_SEATED, CS_SE_WAITING, CS_SE_POSITION };
enum cs_session_seats_col {
	CS_SS_SESSION,
	CS_SS_CAPACITY,
	CS_SS_ROOM_CAPACITY,
	CS_SS_SEATED,
	CS_SS_WAITING,
	CS_SS_POSITION
};
enum cs_speaker_col { CS_SP_PERSON, CS_SP_SESSION, CS_SP_SHIFT };
/* CS_SKILLS, CS_AGES, CS_WINDOWS. */
enum cs_pair_col { CS_PA_PERSON, CS_PA_SHIFT };
enum cs_unregistered_col {
	CS_UR_PERSON,
	CS_UR_SESSION,
	CS_UR_POSITION,
	CS_UR_STATUS = 0 /* t */
};
enum cs_overlap_col { CS_OV_PERSON, CS_OV_FIRST, CS_OV_LATER };
_Static_assert(CS_SS_POSITION < 8 && CS_OU_SPAN1 < 8, "every integer column has a place in i[]");

/* What one check's scans share (db/check_memory.h). */
struct cs_memo;
/* Before a check: a page cache that holds what a check of a large event
 * reads (it reads every sign-up, registration and shift of the event, and
 * SQLite's default 2 MiB would read them from the file again and again),
 * kept for the connection (a second check reads from memory); and what
 * its scans share, for check_store_end to free. */
struct cs_memo *check_store_begin(struct db *db);
void check_store_end(struct cs_memo *m);

/* Run query q (event 0: all events), calling fn for each row until it
 * returns non-zero. The rows read are those of the data now: memo keeps
 * some for the scans after, which a caller that finds the data changed
 * since check_store_begin must not use (it begins again). */
int check_store_scan(struct db *db, struct cs_memo *memo, enum cs_query q, int64_t event,
                     int (*fn)(void *arg, const struct cs_row *row), void *arg, struct err *e);

#endif
