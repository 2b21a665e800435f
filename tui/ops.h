/* ops.h - the writes the screens make besides add, edit and delete:
 * staffing shifts and registering people, each one core call (the rules
 * and their messages are the core's). */
#ifndef MUSTER_OPS_H
#define MUSTER_OPS_H

#include <stdint.h>

#include "../core/ctx.h"

int ops_assign(struct ctx *c, int64_t shift, int64_t person, struct err *e);
/* Dry run: 0 when person may take shift; -1 with ERR_REFUSED or ERR_SOFT. */
int ops_assign_check(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int ops_unassign(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int ops_shift_checkin(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int ops_shift_checkout(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int ops_register(struct ctx *c, int64_t event, int64_t person, const char *kind, struct err *e);
int ops_unregister(struct ctx *c, int64_t event, int64_t person, struct err *e);
int ops_event_checkin(struct ctx *c, int64_t event, int64_t person, struct err *e);
/* The violations `muster check` reports for an event, one call each. */
int ops_check(struct ctx *c, int64_t event,
              int (*fn)(void *arg, const char *kind, const char *message), void *arg,
              struct err *e);

#endif
