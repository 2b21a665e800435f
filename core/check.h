/* check.h - every rule violation present in the stored data (SPEC section
 * 3): after an override, an import, or a write from an older muster. Streams
 * one violation at a time, for `muster check` and the TUI's conflicts tab.
 * Cross-event overlaps and hours, and a speaker's session in another event
 * than the shift's, are only seen when checking all events. */
#ifndef MUSTER_CHECK_H
#define MUSTER_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"

/* Call fn(arg, kind, message) for each violation in event (0 = all), until
 * fn returns non-zero. kind names the rule: overlap, full, room, booth, span,
 * event, capacity, waitlist, signup (a sign-up without a registration)
 * (hard); speaker, rest, hours, skill, age, availability, signups
 * (overlapping sign-ups) (soft). Returns 0, or -1 when the store fails. */
int check_run(struct ctx *c, int64_t event,
              int (*fn)(void *arg, const char *kind, const char *message), void *arg,
              struct err *e);
/* The same check in steps, for a screen that must keep answering keys:
 * each step runs one scan. check_step returns 1 when the check is done, 0
 * when steps remain, -1 when the store failed or stop(arg) (asked every
 * few thousand steps of SQLite's; NULL: never) gave up: the step is then
 * undone in the checker, and the caller drops the violations it reported
 * since the step began and may take the same step again. Each step reads
 * the data as it is then: a caller that wants one consistent answer starts
 * again when the data changed in between (core/page.h: page_data_stamp). */
struct check_job;
struct check_job *check_start(struct ctx *c, int64_t event,
                              int (*fn)(void *arg, const char *kind, const char *message),
                              void *arg);
int check_step(struct check_job *j, int (*stop)(void *arg), void *stop_arg, struct err *e);
void check_free(struct check_job *j);
/* Is kind a hard rule (never overridden)? */
bool check_kind_hard(const char *kind);

#endif
