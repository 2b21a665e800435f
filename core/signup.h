/* signup.h - session sign-ups (SPEC section 11, "Sign-ups and the door"):
 * a person's place in a breakout, seated or waiting. A session seats
 * min(session capacity, room capacity), 0 meaning unlimited; beyond that
 * people wait in order on the session's waitlist (core/waitlist.c, the one
 * registrations keep), and a cancellation promotes the first waiting in the
 * same transaction, audited. Signing up needs an active registration for
 * the event (hard); two sign-ups whose sessions overlap are a soft rule,
 * overridden with a reason. Cancelling a session cancels its sign-ups and
 * names the people (ctx notices); cancelling a registration cancels the
 * person's sign-ups in that event. Every write goes through the generic
 * record path, so `add signup`, imports, the TUI and the door get the same
 * rules. */
#ifndef MUSTER_SIGNUP_H
#define MUSTER_SIGNUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "entity.h"

/* The status sets of a sign-up (db/status_sql.h spells them in SQL): one
 * that takes a seat (registered, checked_in, no_show), one that holds a
 * place seated or waiting, one that waits. */
bool signup_seated(const char *status);
bool signup_active(const char *status);
bool signup_waitlisted(const char *status);

/* Sign person up for session (seated, or waitlisted when it is full); a
 * cancelled sign-up is revived. Soft rules yield to c->override_reason. */
int signup_register(struct ctx *c, int64_t session, int64_t person, int64_t *signup, struct err *e);
/* Cancel; the first waiting moves up in the same transaction (promoted:
 * that person, 0 when nobody; may be NULL). */
int signup_cancel(struct ctx *c, int64_t session, int64_t person, int64_t *promoted, struct err *e);
/* Check a seated sign-up in (checked_in_at = now). */
int signup_checkin(struct ctx *c, int64_t session, int64_t person, struct err *e);
/* Dry run of signup_register: 0, or -1 with ERR_REFUSED (hard) or ERR_SOFT
 * (only soft rules, no override given). */
int signup_check(struct ctx *c, int64_t session, int64_t person, struct err *e);
/* The sign-up of person for session (0 when none, of any status). */
int signup_find(struct ctx *c, int64_t session, int64_t person, int64_t *signup, struct err *e);
/* Where person stands: "signed up", "waitlisted at position 3", "checked in
 * at Sat 13 Mar 09:12", "cancelled", "not signed up". */
int signup_describe(struct ctx *c, int64_t session, int64_t person, char *buf, size_t n,
                    struct err *e);
/* The session for people: "\"Supply chains\" Sat 13 Mar 09:45–11:00". */
int signup_session_describe(struct ctx *c, int64_t session, char *buf, size_t n, struct err *e);
/* Seats of session: capacity (0 = unlimited) and the seats taken. */
int signup_seats(struct ctx *c, int64_t session, int64_t *capacity, int64_t *taken, struct err *e);
/* Cancel person's sign-ups for the sessions of event (their registration
 * was cancelled). */
int signup_cancel_person(struct ctx *c, int64_t event, int64_t person, struct err *e);

/* Entity hooks (core/entity.c). */
int signup_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int signup_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int signup_after_write(struct ctx *c, const struct record *r, const char *action, struct err *e);
/* A session: its seats never below the sign-ups seated (after the agenda's
 * own rules); cancelled, its sign-ups go; more seats promote the waiting. */
int signup_session_validate(struct ctx *c, struct record *r, const struct record *old,
                            struct err *e);
int signup_session_after_write(struct ctx *c, const struct record *r, const char *action,
                               struct err *e);
/* A room: the same for every session in it whose seats its capacity sets. */
int signup_room_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int signup_room_after_write(struct ctx *c, const struct record *r, const char *action,
                            struct err *e);

#endif
