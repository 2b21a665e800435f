/* recheck.h - soft rules 6, 8 and 9 when the facts under existing
 * assignments change: a person's birth date, a role's skill or minimum age,
 * a held skill or its expiry, availability windows, a speaker link. The
 * change is refused (ERR_SOFT) unless overridden with a reason, like an
 * assignment would be. Entity hooks for core/entity.c. */
#ifndef MUSTER_RECHECK_H
#define MUSTER_RECHECK_H

#include "entity.h"

int recheck_person(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int recheck_role(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int recheck_person_skill(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int recheck_person_skill_after(struct ctx *c, const struct record *r, const char *action,
                               struct err *e);
int recheck_availability(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int recheck_availability_after(struct ctx *c, const struct record *r, const char *action,
                               struct err *e);
int recheck_speaker(struct ctx *c, struct record *r, const struct record *old, struct err *e);

#endif
