/* kiosk_store.h - the SQL behind the volunteer kiosk: the shared PIN
 * lockout (table kiosk_lock), the wrong PINs across all codes (table
 * kiosk_failure), one volunteer's own shifts, and candidate open
 * shifts pre-filtered for one volunteer. No other person's name or contact
 * ever leaves these queries, except a role lead's name for core to cut to a
 * first name. */
#ifndef MUSTER_KIOSK_STORE_H
#define MUSTER_KIOSK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* One shift as the kiosk shows it. */
struct kiosk_store_row {
	int64_t shift, event;
	int64_t starts, ends;
	char tz[64];
	char event_name[128];
	char role[128];
	char place[128]; /* room name, else booth label, else the venue */
	char lead[128];  /* the role lead's full name ("" = none); core cuts it */
	bool lead_confidential;
	bool cancelled;        /* the shift or its event is cancelled */
	char status[16];       /* the volunteer's assignment status ("" = none) */
	int64_t checked_in_at; /* 0 = not set */
	int64_t checked_out_at;
	int filled; /* active assignments on the shift */
	int need_max;
};

/* The lockout row of code (zeros when there is none). */
int kiosk_store_lock_get(struct db *db, const char *code, int *failures, int64_t *locked_until,
                         struct err *e);
/* Insert or replace the lockout row of code. */
int kiosk_store_lock_put(struct db *db, const char *code, int failures, int64_t locked_until,
                         struct err *e);
/* Forget code's failures (after a good PIN). */
int kiosk_store_lock_clear(struct db *db, const char *code, struct err *e);

/* Wrong PINs at every kiosk after `since`: how many, across how many
 * codes, and when the latest one that reached the limit across all codes
 * was (0 = none). */
int kiosk_store_failures(struct db *db, int64_t since, int *count, int *codes, int64_t *paused_at,
                         struct err *e);
/* Record a wrong PIN typed for code at time at; *id names it for
 * kiosk_store_failure_forget. */
int kiosk_store_failure_add(struct db *db, const char *code, int64_t at, int64_t *id,
                            struct err *e);
/* Mark the newest one after `since` as the one at which the limit engaged. */
int kiosk_store_failures_mark_paused(struct db *db, int64_t since, struct err *e);
/* Forget one (its PIN turned out right). */
int kiosk_store_failure_forget(struct db *db, int64_t id, struct err *e);
/* Forget those from before `before`. */
int kiosk_store_failures_prune(struct db *db, int64_t before, struct err *e);

/* The person with this volunteer code: id (0 when none), whether
 * confidential, whether a PIN is set, and their name. */
int kiosk_store_person(struct db *db, const char *code, int64_t *id, bool *confidential,
                       bool *has_pin, char *name, size_t n, struct err *e);

/* person's own shifts, soonest first: active assignments (signed up,
 * confirmed, checked in, completed) whose shift ends after now, plus any
 * still checked in; at most limit rows into out; *count = rows filled. */
int kiosk_store_mine(struct db *db, int64_t person, int64_t now, struct kiosk_store_row *out,
                     int limit, int *count, struct err *e);

/* One shift as person sees it (status "" when person holds no assignment on
 * it); ERR_NOT_FOUND when there is no such shift. */
int kiosk_store_shift(struct db *db, int64_t person, int64_t shift, struct kiosk_store_row *out,
                      struct err *e);

/* Candidate open shifts for person in (starts, id) order after the cursor
 * (after_starts, after_id): open, in a non-cancelled event, starting after
 * min_start, not full, not already held by person, not overlapping person's
 * active shifts, and (when the role needs a skill) person holds it. */
int kiosk_store_open(struct db *db, int64_t person, int64_t min_start, int64_t after_starts,
                     int64_t after_id, struct kiosk_store_row *out, int limit, int *count,
                     struct err *e);

#endif
