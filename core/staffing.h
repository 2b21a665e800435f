/* staffing.h - volunteers on shifts: assign, unassign, dry-run check,
 * check-in and check-out, under every rule of SPEC section 3. Each write is
 * one BEGIN IMMEDIATE transaction holding the checks and the write, and goes
 * through the generic record path (core/record.c), so the same hooks guard
 * `add assignment`, `set shift`, imports, the TUI and the kiosk.
 *
 * The kiosk is the acting user "kiosk:CODE" (c->actor), or source "kiosk":
 * there soft rules are never overridden and the self-service windows apply
 * (sign-up closes rules.signup_close_minutes before the start, dropping
 * rules.drop_close_hours before, check-in opens rules.checkin_open_minutes
 * before the start and closes at the end). */
#ifndef MUSTER_STAFFING_H
#define MUSTER_STAFFING_H

#include <stdbool.h>
#include <stdint.h>

#include "eligibility.h"
#include "entity.h"
#include "person.h"

/* Assign person to shift, applying every hard rule and (unless
 * c->override_reason is set) every soft rule; source is "coordinator",
 * "kiosk" or "autofill". Registers the person for the event as a volunteer if
 * needed. One transaction, audited (with the override reason when one was
 * used). A dropped assignment is revived. */
int staffing_assign(struct ctx *c, int64_t shift, int64_t person, const char *source,
                    int64_t *assignment, struct err *e);
/* Take person off shift: the assignment is marked dropped (kept for
 * history); assigning again revives it. */
int staffing_unassign(struct ctx *c, int64_t shift, int64_t person, struct err *e);
/* Dry run of staffing_assign with no write: 0 when it would succeed; else -1
 * with ERR_REFUSED (a hard rule) or ERR_SOFT (only soft rules), message
 * naming both sides. */
int staffing_check(struct ctx *c, int64_t shift, int64_t person, struct err *e);
/* What refuses everyone alike on shift s, before anyone's own facts: a
 * cancelled shift or event, a full shift, and at the kiosk the sign-up
 * switch and window; added to v (hard). */
int staffing_gate(struct ctx *c, const struct elig_shift *s, struct verdict *v, struct err *e);
/* Shift attendance: record checked_in_at / checked_out_at = now, status
 * checked_in / completed. */
int staffing_checkin(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int staffing_checkout(struct ctx *c, int64_t shift, int64_t person, struct err *e);
/* The assignment of person on shift (0 when none, of any status). */
int staffing_find(struct ctx *c, int64_t shift, int64_t person, int64_t *assignment, struct err *e);
/* "Greeter Sat 7 Dec 09:00–11:00" for messages. */
int staffing_describe(struct ctx *c, int64_t shift, char *buf, size_t n, struct err *e);
/* Does an assignment status hold a place on its shift (signed_up, confirmed,
 * checked_in, completed)? The one C definition; its SQL twin is
 * ASSIGNMENT_ACTIVE_SQL in db/status_sql.h. */
bool staffing_status_active(const char *status);

/* Entity hooks (core/entity.c). */
int staffing_assignment_validate(struct ctx *c, struct record *r, const struct record *old,
                                 struct err *e);
int staffing_assignment_after_write(struct ctx *c, const struct record *r, const char *action,
                                    struct err *e);
int staffing_shift_validate(struct ctx *c, struct record *r, const struct record *old,
                            struct err *e);

#endif
