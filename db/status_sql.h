/* status_sql.h - the status sets of SPEC section 3 as SQL, one definition
 * each, for the statements of every store: `a.status IN "
 * ASSIGNMENT_ACTIVE_SQL`. Where the core asks the same question in C it has
 * one function for it (named below); tests/unit/test_status.c holds each
 * pair together over every kind and status of the entity table. */
#ifndef MUSTER_STATUS_SQL_H
#define MUSTER_STATUS_SQL_H

/* Assignments that hold a place on their shift (rules 1 and 2); in C,
 * staffing_status_active. */
#define ASSIGNMENT_ACTIVE_SQL "('signed_up','confirmed','checked_in','completed')"

/* Registrations that take one of the event's seats (rule 5): of this kind
 * and with one of these statuses; in C, registration_seated. */
#define REGISTRATION_SEATED_KIND_SQL "'attendee'"
#define REGISTRATION_SEATED_SQL      "('registered','checked_in','no_show')"

/* A registration on the waitlist (rule 5); in C, registration_waitlisted. */
#define REGISTRATION_WAITLISTED_SQL "'waitlisted'"

/* Registrations that stand: registered or checked in (neither waiting,
 * cancelled nor a no-show); in C, registration_attending. */
#define REGISTRATION_ATTENDING_SQL "('registered','checked_in')"

/* Registrations that may be asked to take a shift: of these kinds, and not
 * cancelled (`r.kind IN REGISTRATION_CREW_KINDS_SQL AND r.status !=
 * 'cancelled'`). */
#define REGISTRATION_CREW_KINDS_SQL "('volunteer','staff')"

/* Sign-ups that take one of their session's seats (rule 2); in C,
 * signup_seated. */
#define SIGNUP_SEATED_SQL "('registered','checked_in','no_show')"

/* Sign-ups that hold a place in their session, seated or waiting; in C,
 * signup_active. */
#define SIGNUP_ACTIVE_SQL "('registered','waitlisted','checked_in','no_show')"

/* The other sign-ups: `status NOT IN SIGNUP_INACTIVE_SQL` holds for the
 * same statuses as `status IN SIGNUP_ACTIVE_SQL` (test_status.c), and costs
 * less on a scan of every sign-up: SQLite compares a list of one or two in
 * place, where it looks a longer one up in a table it builds. */
#define SIGNUP_INACTIVE_SQL "('cancelled')"

/* A sign-up on its session's waitlist (the waitlist of rule 5, as a
 * registration's); in C, signup_waitlisted. */
#define SIGNUP_WAITLISTED_SQL REGISTRATION_WAITLISTED_SQL

#endif
