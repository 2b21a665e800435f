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
	int64_t over;   /* max(0, filled - need_min): on the shift beyond its need */
};

/* One clock hour in the event's zone, [starts, ends), from the first hour of
 * the event (or of an earlier shift) to the last; on a DST day the hours are
 * the real ones (23 or 25 of them). Sums over the shifts overlapping it,
 * each shift counted up to its need_min, so that filled + gap = needed and
 * volunteers beyond one shift's need never hide another's gap. */
struct report_hour {
	int64_t starts, ends;
	int64_t shifts;       /* shifts overlapping the hour */
	int64_t short_shifts; /* of those, the ones below need_min */
	int64_t needed;       /* sum of need_min */
	int64_t wanted;       /* sum of need_max */
	int64_t filled;       /* sum of min(filled, need_min): places filled */
	int64_t gap;          /* sum of the shifts' gaps: needed - filled */
	int64_t over;         /* sum of the shifts' over: volunteers beyond need_min */
};

/* One local day of the event: the shifts that start on it. */
struct report_day {
	int64_t starts, ends; /* the day, midnight to midnight in the zone */
	int64_t shifts;       /* shifts starting that day */
	int64_t short_shifts; /* of those, below need_min */
	int64_t needed;       /* their need_min */
	int64_t filled;       /* their places filled (up to need_min) */
	int64_t gap;          /* places short */
	int64_t over;         /* volunteers beyond need_min */
	int64_t gap_seconds;  /* volunteer-seconds short: each gap times its shift's length */
};

struct report_coverage_fns {
	int (*shift)(void *arg, const struct report_shift *s); /* NULL: skip */
	int (*hour)(void *arg, const struct report_hour *h);   /* NULL: skip */
	void *arg;
	/* after the hours of each day with a shift starting on it (NULL: skip) */
	int (*day)(void *arg, const struct report_day *d);
};

/* The per-shift numbers of report_shift from need_min and filled. */
void report_shift_numbers(int64_t need_min, int64_t filled, int64_t *gap, int64_t *over);

/* Every shift in start order, then every hour, each day's total after its
 * last hour. */
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
