/* status_sql.h - the status sets of SPEC section 3 as SQL conditions, one
 * definition each, for the statements of every store. Each takes the row's
 * table or alias with its dot ("a.") or "" for a bare column. Where the core
 * asks the same question in C it has one function for it (named below);
 * tests/unit/test_status.c holds each pair together over every kind and
 * status of the entity table. */
#ifndef MUSTER_STATUS_SQL_H
#define MUSTER_STATUS_SQL_H

/* An assignment that holds a place on its shift (rules 1 and 2); in C,
 * staffing_status_active. */
#define ASSIGNMENT_ACTIVE_SQL(t) t "status IN ('signed_up','confirmed','checked_in','completed')"

/* A registration that takes one of the event's seats (rule 5); in C,
 * registration_seated. */
#define REGISTRATION_SEATED_SQL(t)                                                                 \
	"(" t "kind = 'attendee' AND " t "status IN ('registered','checked_in','no_show'))"

/* A registration on the waitlist (rule 5); in C, registration_waitlisted. */
#define REGISTRATION_WAITLISTED_SQL(t) t "status = 'waitlisted'"

/* A registration that stands: registered or checked in (neither waiting,
 * cancelled nor a no-show). */
#define REGISTRATION_ATTENDING_SQL(t) t "status IN ('registered','checked_in')"

#endif
