/* candidate_store.h - who could take a shift, estimated for everyone at
 * once: the volunteers and staff registered for the shift's event (not
 * cancelled), each with the rules its rows show broken, in one query of
 * indexed lookups. core/candidates.c ranks them; the exact verdict stays
 * staffing_check's. */
#ifndef MUSTER_CANDIDATE_STORE_H
#define MUSTER_CANDIDATE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

/* What the query tests, all worked out by the caller. */
struct cand_query {
	int64_t event, shift, starts, ends;
	int64_t lo, hi;    /* the other shifts that matter meet [lo, hi) */
	int64_t rest;      /* seconds of rest wanted between two shifts (0: none) */
	int64_t day[2][2]; /* the first two local days the shift touches ([1] empty: one day) */
	double max_day;    /* seconds of shifts allowed in a local day */
	int64_t skill;     /* the role's skill, 0: none */
	char skill_date[16];
	int min_age;      /* 0: none */
	char born_by[16]; /* the latest birth date old enough ("": nobody is) */
};

/* Flags of a candidate row: the rules broken on the person's own data. */
#define CS_ON_SHIFT 0x001u /* already active on this shift (hard) */
#define CS_OVERLAP  0x002u /* another active shift overlaps (hard) */
#define CS_REST     0x004u /* too little rest next to another shift */
#define CS_HOURS    0x008u /* over the hours of a local day */
#define CS_SPEAKER  0x010u /* speaks at a session during the shift */
#define CS_SKILL    0x020u /* lacks the role's skill, or it expired */
#define CS_AGE      0x040u /* no birth date, or too young */
#define CS_AVAIL    0x080u /* has windows, and they cannot cover the shift */

struct cand_row {
	int64_t person;
	const char *name; /* valid during the callback */
	bool confidential;
	const char *tell; /* core/candidates.h; NULL = nothing; valid during the callback */
	unsigned flags;
};

int candidate_store_scan(struct db *db, const struct cand_query *q,
                         int (*fn)(void *arg, const struct cand_row *r), void *arg, struct err *e);

#endif
