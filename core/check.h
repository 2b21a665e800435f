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
/* Is kind a hard rule (never overridden)? */
bool check_kind_hard(const char *kind);

#endif
