/* registration.h - people registered for events, with the capacity and
 * waitlist of SPEC rule 5: attendees beyond the event's capacity wait in
 * order (positions 1, 2, ...); when a seat frees, the first waiting is
 * promoted at once, in the same transaction, with an audit entry. Capacity
 * counts attendees only (kind attendee, status registered, checked_in or
 * no_show); volunteers, speakers, partners, staff and press are never
 * waitlisted. Every write goes through the generic record path, so
 * `add registration`, imports and the TUI get the same waitlist. */
#ifndef MUSTER_REGISTRATION_H
#define MUSTER_REGISTRATION_H

#include <stdbool.h>
#include <stdint.h>

#include "entity.h"

/* Registration with waitlist (SPEC rule 5). kind as in the schema (NULL:
 * attendee). A cancelled registration is revived. */
int registration_register(struct ctx *c, int64_t event, int64_t person, const char *kind,
                          int64_t *registration, struct err *e);
/* Cancels; promotes the first waitlisted in the same transaction, audited. */
int registration_unregister(struct ctx *c, int64_t event, int64_t person, struct err *e);
/* registration_unregister, telling who was promoted (0: nobody). */
int registration_cancel(struct ctx *c, int64_t event, int64_t person, int64_t *promoted,
                        struct err *e);
/* Attendance: checked_in_at (status checked_in) / checked_out_at = now. */
int registration_checkin(struct ctx *c, int64_t event, int64_t person, struct err *e);
int registration_checkout(struct ctx *c, int64_t event, int64_t person, struct err *e);
/* The registration of person for event (0 when none, of any status). */
int registration_find(struct ctx *c, int64_t event, int64_t person, int64_t *registration,
                      struct err *e);
/* Where person stands for event, for people: "registered as attendee",
 * "waitlisted at position 3", "not registered". */
int registration_describe(struct ctx *c, int64_t event, int64_t person, char *buf, size_t n,
                          struct err *e);
/* Register person as a volunteer unless already holding a place (an
 * assignment does this). */
int registration_ensure_volunteer(struct ctx *c, int64_t event, int64_t person, struct err *e);
/* Promote the waitlist while seats are free (audited). */
int registration_settle(struct ctx *c, int64_t event, struct err *e);

/* The status sets of rule 5 (their SQL twins: db/status_sql.h). Does a
 * registration of kind with status take one of the event's seats? Is it on
 * the waitlist? Does it stand (registered or checked in)? */
bool registration_seated(const char *kind, const char *status);
bool registration_waitlisted(const char *status);
bool registration_attending(const char *status);

/* Entity hooks (core/entity.c). */
int registration_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int registration_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int registration_after_write(struct ctx *c, const struct record *r, const char *action,
                             struct err *e);
/* For an event: capacity never below the attendees seated; raising it
 * promotes the waitlist. */
int registration_event_validate(struct ctx *c, struct record *r, const struct record *old,
                                struct err *e);
int registration_event_after_write(struct ctx *c, const struct record *r, const char *action,
                                   struct err *e);

#endif
