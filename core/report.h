/* report.h - the coordinator's reports on one event, computed here and
 * handed row by row to callbacks, so the command line and the TUI's event
 * view draw them each their own way:
 *   coverage    per shift and per hour of the event: needed, filled, gap;
 *   hours       per volunteer: scheduled and worked hours, no-shows;
 *   attendance  per registration kind: counts by status; per session: its
 *               seats and its sign-ups (signed up, waitlisted, checked in,
 *               no-shows).
 * A callback returns 0 to go on, non-zero to stop (then the report returns
 * -1 when the value is negative, 0 otherwise). */
#ifndef MUSTER_REPORT_H
#define MUSTER_REPORT_H

#include <stdint.h>

#include "ctx.h"

struct report_event {
	int64_t id;
	char name[512];
	char tz[64];
	int64_t starts, ends;
	int64_t capacity; /* 0 = unlimited */
};

/* The event a report is about; ERR_NOT_FOUND when there is none. */
int report_event(struct ctx *c, int64_t event, struct report_event *out, struct err *e);

/* ---- coverage ----------------------------------------------------------- */

/* Active assignments are signed_up, confirmed, checked_in and completed;
 * cancelled shifts are left out. */
struct report_shift {
	int64_t id;
	const char *role;
	const char *place; /* room name or booth label, "" when none */
	int64_t starts, ends;
	int64_t need_min, need_max;
	int64_t filled; /* active assignments */
	int64_t gap;    /* max(0, need_min - filled) */
};

/* One clock hour in the event's zone, [starts, ends), from the first hour of
 * the event (or of an earlier shift) to the last; on a DST day the hours are
 * the real ones (23 or 25 of them). Sums over the shifts overlapping it. */
struct report_hour {
	int64_t starts, ends;
	int64_t shifts; /* shifts overlapping the hour */
	int64_t needed; /* sum of need_min */
	int64_t wanted; /* sum of need_max */
	int64_t filled; /* sum of filled */
	int64_t gap;    /* sum of the shifts' gaps (more on one shift fills no other) */
};

struct report_coverage_fns {
	int (*shift)(void *arg, const struct report_shift *s); /* NULL: skip */
	int (*hour)(void *arg, const struct report_hour *h);   /* NULL: skip */
	void *arg;
};

/* Every shift in start order, then every hour. */
int report_coverage(struct ctx *c, const struct report_event *ev,
                    const struct report_coverage_fns *fns, struct err *e);

/* ---- hours -------------------------------------------------------------- */

struct report_volunteer {
	int64_t person;
	const char *name;
	int64_t shifts;    /* active assignments on open shifts */
	int64_t scheduled; /* seconds of those shifts */
	int64_t worked;    /* seconds between check-in and check-out */
	int64_t no_shows;
	int64_t on_shift; /* checked in and not yet out */
};

/* Everyone with an assignment in the event (dropped ones aside), by name. */
int report_hours(struct ctx *c, const struct report_event *ev,
                 int (*fn)(void *arg, const struct report_volunteer *v), void *arg, struct err *e);

/* ---- attendance --------------------------------------------------------- */

struct report_kind {
	const char *kind; /* attendee, volunteer, ... */
	int64_t registered, waitlisted, cancelled, checked_in, no_show;
	int64_t total;
};

struct report_session {
	int64_t id;
	const char *title, *kind, *room;
	int64_t starts, ends;
	int64_t capacity; /* min of the session's and the room's, 0 = unlimited */
	int64_t speakers; /* speaker links */
	/* its sign-ups: seated (registered, checked in or no-show), waiting,
	 * cancelled, checked in, and no-shows (marked so, or still only
	 * registered once the session has ended) */
	int64_t signed_up, waitlisted, cancelled, checked_in, no_show;
};

struct report_attendance_fns {
	int (*kind)(void *arg, const struct report_kind *k);
	int (*session)(void *arg, const struct report_session *s);
	void *arg;
};

/* Kinds (those with registrations) in the order of SPEC section 2, then
 * sessions (not cancelled) by start. */
int report_attendance(struct ctx *c, const struct report_event *ev,
                      const struct report_attendance_fns *fns, struct err *e);

#endif
