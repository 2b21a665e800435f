/* coverage_store.h - staffing sums over an event's open shifts for one time
 * window, and the neighbouring shift times used to skip empty hours. */
#ifndef MUSTER_COVERAGE_STORE_H
#define MUSTER_COVERAGE_STORE_H

#include <stdint.h>

#include "db.h"

struct coverage_sums {
	int64_t shifts, need_min, need_max, filled, short_by;
};

/* Longest open shift of the event in seconds (0 when none). */
int coverage_store_maxlen(struct db *db, int64_t event, int64_t *maxlen, struct err *e);
/* Sums over open shifts overlapping [from, to); maxlen bounds the index range. */
int coverage_store_sums(struct db *db, int64_t event, int64_t from, int64_t to, int64_t maxlen,
                        struct coverage_sums *out, struct err *e);
/* First start at or after t (*found false when none). */
int coverage_store_next_start(struct db *db, int64_t event, int64_t t, int64_t *out, bool *found,
                              struct err *e);
/* Latest end of open shifts starting before t (*found false when none). */
int coverage_store_prev_end(struct db *db, int64_t event, int64_t t, int64_t maxlen, int64_t *out,
                            bool *found, struct err *e);

#endif
