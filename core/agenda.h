/* agenda.h - the rules of SPEC section 3 for the event's frame: sessions
 * never overlap in one room, a booth label is never held by two
 * organizations at once (rule 3), and sessions, booths and shifts lie inside
 * the event's span widened by setup and teardown (rule 4), also when the
 * event itself is changed. Entity hooks for core/entity.c. */
#ifndef MUSTER_AGENDA_H
#define MUSTER_AGENDA_H

#include "entity.h"

struct rs_event;
struct rules_slot;
struct verdict;

int agenda_session_validate(struct ctx *c, struct record *r, const struct record *old,
                            struct err *e);
int agenda_booth_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);
/* An event's span may not shrink past what it holds; capacity as in
 * registration.h. */
int agenda_event_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);
/* A room used by an event's rows stays in that event. */
int agenda_room_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);

/* Rule 6 for a speaker: person's shifts during talk, each added to v. */
int agenda_speaker_busy(struct ctx *c, const struct rs_event *ev, int64_t person,
                        const struct rules_slot *talk, struct verdict *v, struct err *e);

/* Which rows of its event use row id (a room, a booth, a role): what, or ""
 * when none (the rules_store_*_used_elsewhere queries). */
typedef int (*agenda_used_fn)(struct db *db, int64_t id, int64_t event, char *what, size_t n,
                              struct err *e);
/* The rule for every such row: while rows of its event use it, it does not
 * move to another event (ERR_REFUSED naming the row and what uses it). */
int agenda_keeps_event(struct ctx *c, const struct record *r, const struct record *old,
                       agenda_used_fn used, struct err *e);

#endif
