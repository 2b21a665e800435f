/* ical_tz.c - trimmed VTIMEZONEs from the system zoneinfo. The changes of a
 * zone are found by sampling its UTC offset (core/tz.h) every few hours and
 * narrowing each change down to the second; libical only holds and writes
 * the result, so none of its built-in zone data (a TZID prefix, the whole
 * history since 1883) reaches a file. */
#include "ical_tz.h"

#include <string.h>
#include <strings.h>

#include "array.h"
#include "tz.h"

#define HOUR 3600
#define DAY  86400
#define STEP (6 * HOUR) /* changes closer together than this are not seen */

bool ical_tz_is_utc(const char *tz)
{
	static const char *const names[] = {
	    "UTC",       "Etc/UTC",       "Etc/UCT",   "UCT",     "Etc/Zulu", "Zulu",
	    "Universal", "Etc/Universal", "GMT",       "Etc/GMT", "Etc/GMT0", "Etc/GMT+0",
	    "Etc/GMT-0", "Etc/Greenwich", "Greenwich", "GMT0",    "GMT+0",    "GMT-0"};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (strcmp(tz, names[i]) == 0)
			return true;
	return false;
}

/* Fields of a wall-clock time counted as seconds since 1970 as if it were UTC
 * (not through tz_local("UTC"): switching TZ back and forth is slow). */
static struct icaltimetype floating(int64_t naive)
{
	int64_t days = naive / DAY, secs = naive % DAY, year;
	if (secs < 0) {
		secs += DAY;
		days--;
	}
	struct icaltimetype t = icaltime_null_time();
	tz_civil_from_days(days, &year, &t.month, &t.day);
	t.year = (int)year;
	t.hour = (int)(secs / HOUR);
	t.minute = (int)(secs / 60 % 60);
	t.second = (int)(secs % 60);
	t.is_date = 0;
	t.zone = NULL;
	return t;
}

struct icaltimetype ical_tz_local(const char *tz, int64_t t)
{
	struct tz_local l;
	tz_local(tz, t, &l);
	return floating(t + l.utc_offset);
}

struct icaltimetype ical_tz_utc(int64_t t)
{
	struct icaltimetype u = floating(t);
	u.zone = icaltimezone_get_utc_timezone();
	return u;
}

static bool same_rule(const struct tz_local *a, const struct tz_local *b)
{
	return a->utc_offset == b->utc_offset && a->dst == b->dst &&
	       strcmp(a->abbrev, b->abbrev) == 0;
}

/* The first instant in (lo, hi] whose rule differs from lo's; the rule at hi
 * differs from lo's. */
static int64_t narrow(const char *tz, int64_t lo, int64_t hi)
{
	struct tz_local a, m;
	tz_local(tz, lo, &a);
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		tz_local(tz, mid, &m);
		if (same_rule(&a, &m))
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

static void add_observance(icalcomponent *vtz, const char *tz, int64_t at, int64_t start_naive,
                           int from_offset)
{
	struct tz_local to;
	tz_local(tz, at, &to);
	icalcomponent *obs = to.dst ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
	icalcomponent_add_property(obs, icalproperty_new_dtstart(floating(start_naive)));
	icalcomponent_add_property(obs, icalproperty_new_tzoffsetfrom(from_offset));
	icalcomponent_add_property(obs, icalproperty_new_tzoffsetto(to.utc_offset));
	if (to.abbrev[0])
		icalcomponent_add_property(obs, icalproperty_new_tzname(to.abbrev));
	icalcomponent_add_component(vtz, obs);
}

/* The change at which the rule in force at t began, if it lies within a
 * year and a day before t; else 0 (the rule is older). */
static int64_t change_before(const char *tz, int64_t t)
{
	struct tz_local now, then;
	tz_local(tz, t, &now);
	for (int64_t back = STEP; back <= 367 * DAY; back += STEP) {
		tz_local(tz, t - back, &then);
		if (!same_rule(&now, &then))
			return narrow(tz, t - back, t - back + STEP);
	}
	return 0;
}

icalcomponent *ical_tz_vtimezone(const char *tz, int64_t first, int64_t last)
{
	struct tz_local a, b;
	tz_local(tz, first, &a);
	tz_local(tz, last, &b);
	/* [lo, hi): the local years covered, with a day to spare for any offset */
	int64_t lo = tz_days_from_civil(a.year, 1, 1) * DAY - DAY;
	int64_t hi = tz_days_from_civil(b.year + 1, 1, 1) * DAY + DAY;
	icalcomponent *vtz = icalcomponent_new_vtimezone();
	icalcomponent_add_property(vtz, icalproperty_new_tzid(tz));

	struct tz_local cur, prev;
	tz_local(tz, lo, &cur);
	int64_t began = change_before(tz, lo);
	if (began) {
		tz_local(tz, began - 1, &prev);
		add_observance(vtz, tz, began, began + prev.utc_offset, prev.utc_offset);
	} else {
		/* older than a year: say it holds from 1 January of the first year */
		add_observance(vtz, tz, lo, tz_days_from_civil(a.year, 1, 1) * DAY, cur.utc_offset);
	}
	for (int64_t t = lo; t < hi;) {
		int64_t next = t + STEP < hi ? t + STEP : hi;
		struct tz_local n;
		tz_local(tz, next, &n);
		if (same_rule(&cur, &n)) {
			t = next;
			continue;
		}
		int64_t at = narrow(tz, t, next);
		add_observance(vtz, tz, at, at + cur.utc_offset, cur.utc_offset);
		tz_local(tz, at, &cur);
		t = at;
	}
	return vtz;
}
