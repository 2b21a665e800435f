/* coverage.h - how well an event's volunteer shifts are staffed, hour by
 * hour in the event's zone: shifts running, volunteers needed (need_min) and
 * wanted (need_max), places filled, and how many are still missing. Hours
 * without any open shift are skipped. */
#ifndef MUSTER_COVERAGE_H
#define MUSTER_COVERAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "../db/coverage_store.h"
#include "ctx.h"

struct coverage_hour {
	int64_t starts, ends; /* one local clock hour */
	struct coverage_sums sums;
};

struct coverage_req {
	int64_t event;
	bool has_after;
	int64_t after; /* an hour's start */
	bool inclusive;
	bool backward; /* hours before, nearest first */
	int limit;
};

int coverage_hours(struct ctx *c, const struct coverage_req *r,
                   int (*fn)(void *arg, const struct coverage_hour *h), void *arg, struct err *e);
/* The start of the local clock hour holding t in zone tz. */
int64_t coverage_hour_floor(const char *tz, int64_t t);

#endif
