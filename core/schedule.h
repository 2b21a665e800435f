/* schedule.h - what timed rows (sessions, booths, shifts, registrations,
 * assignments) get before they are written: UIDs, creation times, spans. */
#ifndef MUSTER_SCHEDULE_H
#define MUSTER_SCHEDULE_H

#include "entity.h"

/* A new random UUID (libuuid) as 36 lower-case characters. */
void schedule_new_uid(char out[37]);
/* record hook: uid, created_at, a booth's default span (the event's). */
int schedule_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);

#endif
