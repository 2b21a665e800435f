/* shift_copy.h - copying a day's shifts to another day of the same event:
 * each copy keeps its role, place (room or booth), wall-clock hours,
 * need_min, need_max and notes, and none of its volunteers. */
#ifndef MUSTER_SHIFT_COPY_H
#define MUSTER_SHIFT_COPY_H

#include "entity.h"

/* Copy the open shifts of event starting on local day from_day
 * ("YYYY-MM-DD", the event's zone), of role (0: every role), to local day
 * to_day, as one transaction: every copy passes the rules of an added shift
 * and is audited, or nothing is written. *copied gets how many. Refused
 * (ERR_REFUSED) when to_day is not a day of the event or is from_day, when
 * there is nothing to copy, or when a copy breaks a rule (named in e). */
int shift_copy_day(struct ctx *c, int64_t event, int64_t role, const char *from_day,
                   const char *to_day, int *copied, struct err *e);

#endif
