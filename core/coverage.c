/* coverage.c - per-hour staffing of an event, paged like the lists: walk
 * the clock hours from a starting hour, jumping over hours with no shift. */
#include "coverage.h"

#include "entity.h"
#include <stdio.h>

#include "tz.h"

int64_t coverage_hour_floor(const char *tz, int64_t t)
{
	struct tz_local l;
	if (tz_local(tz, t, &l) < 0)
		return t - ((t % 3600) + 3600) % 3600;
	return t - l.minute * 60 - l.second;
}

/* The next hour at or after h (forward) or at or before h (backward) with
 * an open shift; *found false when there is none. */
static int next_hour(struct ctx *c, const struct coverage_req *r, const char *tz, int64_t maxlen,
                     int64_t *h, bool *found, struct coverage_sums *s, struct err *e)
{
	for (int guard = 0; guard < 100000; guard++) {
		if (coverage_store_sums(c->db, r->event, *h, *h + 3600, maxlen, s, e) < 0)
			return -1;
		if (s->shifts > 0)
			return *found = true, 0;
		int64_t t;
		bool any;
		if (!r->backward) {
			if (coverage_store_next_start(c->db, r->event, *h + 3600, &t, &any, e) < 0)
				return -1;
		} else if (coverage_store_prev_end(c->db, r->event, *h, maxlen, &t, &any, e) < 0) {
			return -1;
		} else {
			t -= 1;
		}
		if (!any)
			return *found = false, 0;
		*h = coverage_hour_floor(tz, t);
	}
	return *found = false, 0;
}

int coverage_hours(struct ctx *c, const struct coverage_req *r,
                   int (*fn)(void *arg, const struct coverage_hour *h), void *arg, struct err *e)
{
	char tz[64];
	int64_t maxlen, h;
	if (entity_tz_of(c, entity_find("event"), r->event, tz, sizeof tz, e) < 0 ||
	    coverage_store_maxlen(c->db, r->event, &maxlen, e) < 0)
		return -1;
	if (!tz[0])
		snprintf(tz, sizeof tz, "UTC");
	if (r->has_after) {
		h = coverage_hour_floor(tz, r->after);
		if (!r->inclusive)
			h += r->backward ? -3600 : 3600;
	} else if (!r->backward) {
		bool any;
		if (coverage_store_next_start(c->db, r->event, INT64_MIN / 2, &h, &any, e) < 0)
			return -1;
		if (!any)
			return 0;
		h = coverage_hour_floor(tz, h);
	} else {
		h = INT64_MAX / 4;
	}
	for (int n = 0; r->limit <= 0 || n < r->limit; n++) {
		struct coverage_hour hour;
		bool found;
		if (next_hour(c, r, tz, maxlen, &h, &found, &hour.sums, e) < 0)
			return -1;
		if (!found)
			break;
		hour.starts = h;
		hour.ends = h + 3600;
		if (fn(arg, &hour))
			break;
		h += r->backward ? -3600 : 3600;
	}
	return 0;
}
