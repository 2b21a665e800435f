/* ical_tz.c - trimmed VTIMEZONEs from the system zoneinfo. The changes of a
 * zone are found by sampling its UTC offset (core/tz.h) every few hours and
 * narrowing each change down to the second; libical only holds and writes
 * the result, so none of its built-in zone data (a TZID prefix, the whole
 * history since 1883) reaches a file. */
#include "ical_tz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "tz.h"
#include "xmalloc.h"

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

static void push(struct ical_tz_zone *z, int64_t at, int64_t start_naive, int from,
                 const struct tz_local *to)
{
	z->v = xrealloc(z->v, (z->n + 1) * sizeof *z->v);
	z->v[z->n++] = (struct ical_tz_change){at, start_naive, from, *to};
}

/* Start of local calendar year y, as a UTC instant with a day to spare for
 * any offset. */
static int64_t year_start(int y)
{
	return tz_days_from_civil(y, 1, 1) * DAY;
}

void ical_tz_zone_load(struct ical_tz_zone *z, const char *tz, int64_t first, int64_t last)
{
	struct tz_local a, b;
	memset(z, 0, sizeof *z);
	snprintf(z->tz, sizeof z->tz, "%s", tz);
	tz_local(tz, first, &a);
	tz_local(tz, last, &b);
	z->year_first = a.year;
	z->year_last = b.year;
	/* the changes of the year before the span (so that a yearly rule can be
	 * seen to hold when the span begins), of the span, and of the year after
	 * (so that a rule still in force gets no UNTIL) */
	int64_t lo = year_start(a.year - 1) - DAY, hi = year_start(b.year + 2) + DAY;
	struct tz_local cur;
	tz_local(tz, lo, &cur);
	z->before = cur;
	z->before_from = year_start(a.year - 1);
	for (int64_t t = lo; t < hi;) {
		int64_t next = t + STEP < hi ? t + STEP : hi;
		struct tz_local n;
		tz_local(tz, next, &n);
		if (same_rule(&cur, &n)) {
			t = next;
			continue;
		}
		int64_t at = narrow(tz, t, next);
		struct tz_local to;
		tz_local(tz, at, &to);
		push(z, at, at + cur.utc_offset, cur.utc_offset, &to);
		cur = to;
		t = at;
	}
}

void ical_tz_zone_free(struct ical_tz_zone *z)
{
	free(z->v);
	z->v = NULL;
	z->n = 0;
}

bool ical_tz_zone_ambiguous(const struct ical_tz_zone *z, int64_t t)
{
	/* a change from offset A down to B at T shows the wall times of
	 * [T - (A - B), T + (A - B)) twice; and T + (A - B) shows the wall
	 * time the change's observance starts at, which ruby-icalendar reads
	 * with the offset before it (it looks for an onset strictly before) */
	for (size_t i = 0; i < z->n; i++) {
		const struct ical_tz_change *c = &z->v[i];
		int64_t d = (int64_t)c->from - c->to.utc_offset;
		if (d > 0 && t >= c->at - d && t <= c->at + d)
			return true;
	}
	return false;
}

/* ---- observances --------------------------------------------------------- */

/* When in its year a change happens, on the wall clock before it: month,
 * time of day, weekday, and which of that weekday in the month it is
 * (1-4; last is -1 when it is also the last). */
struct when {
	int year, month, secs, wday, nth, last;
};

static struct when when_of(const struct ical_tz_change *c)
{
	struct when w = {0};
	int64_t days = c->start_naive / DAY, year;
	int d;
	w.secs = (int)(c->start_naive - days * DAY);
	if (w.secs < 0) {
		w.secs += DAY;
		days--;
	}
	tz_civil_from_days(days, &year, &w.month, &d);
	w.year = (int)year;
	w.wday = (int)(((days % 7) + 11) % 7); /* 1970-01-01 was a Thursday */
	w.nth = (d - 1) / 7 + 1;
	int next_month = w.month == 12 ? 1 : w.month + 1;
	int64_t month_end = tz_days_from_civil(w.month == 12 ? year + 1 : year, next_month, 1);
	w.last = days + 7 >= month_end ? -1 : 0;
	return w;
}

static bool same_kind(const struct ical_tz_change *a, const struct ical_tz_change *b)
{
	return a->from == b->from && same_rule(&a->to, &b->to);
}

/* The BYDAY ordinal that describes both changes (a yearly rule), or 0. */
static int common_ordinal(const struct when *a, const struct when *b, int ordinal)
{
	if (a->month != b->month || a->secs != b->secs || a->wday != b->wday)
		return 0;
	if (ordinal == 0 || ordinal > 0) {
		if (a->nth == b->nth && a->nth <= 4 && (ordinal == 0 || ordinal == a->nth))
			return a->nth;
	}
	if (a->last && b->last && ordinal <= 0)
		return -1;
	return 0;
}

/* A yearly rule: changes v[i] of the zone, the same kind in consecutive
 * years on the same weekday rule. */
struct series {
	size_t idx[64];
	size_t n;
	int ordinal; /* BYDAY ordinal; 0 for a change on its own */
};

/* The series that starts with change i: the next change of its kind, the
 * year after, on a weekday rule both share, and so on. */
static void series_from(const struct ical_tz_zone *z, size_t i, const bool *used, struct series *s)
{
	s->idx[0] = i;
	s->n = 1;
	s->ordinal = 0;
	struct when prev = when_of(&z->v[i]);
	for (size_t j = i + 1; j < z->n && s->n < ARRAY_LEN(s->idx); j++) {
		if (used[j] || !same_kind(&z->v[i], &z->v[j]))
			continue;
		struct when w = when_of(&z->v[j]);
		int ord = w.year == prev.year + 1 ? common_ordinal(&prev, &w, s->ordinal) : 0;
		if (ord == 0)
			break;
		s->ordinal = ord;
		s->idx[s->n++] = j;
		prev = w;
	}
}

static void add_observance(icalcomponent *vtz, const struct tz_local *to, int from,
                           int64_t start_naive, const char *rrule)
{
	icalcomponent *obs =
	    to->dst ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
	icalcomponent_add_property(obs, icalproperty_new_dtstart(floating(start_naive)));
	if (rrule)
		icalcomponent_add_property(
		    obs, icalproperty_new_rrule(icalrecurrencetype_from_string(rrule)));
	icalcomponent_add_property(obs, icalproperty_new_tzoffsetfrom(from));
	icalcomponent_add_property(obs, icalproperty_new_tzoffsetto(to->utc_offset));
	if (to->abbrev[0])
		icalcomponent_add_property(obs, icalproperty_new_tzname(to->abbrev));
	icalcomponent_add_component(vtz, obs);
}

/* One observance for series s: with an RRULE when it spans several years
 * (an UNTIL at its last change when the rule does not hold in the year
 * after the span), else the change alone. */
static void add_series(icalcomponent *vtz, const struct ical_tz_zone *z, const struct series *s)
{
	static const char *const days[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
	const struct ical_tz_change *c = &z->v[s->idx[0]];
	if (s->n < 2) {
		add_observance(vtz, &c->to, c->from, c->start_naive, NULL);
		return;
	}
	struct when w = when_of(c);
	char rule[128];
	int n = snprintf(rule, sizeof rule, "FREQ=YEARLY;BYMONTH=%d;BYDAY=%d%s", w.month,
	                 s->ordinal, days[w.wday]);
	const struct ical_tz_change *end = &z->v[s->idx[s->n - 1]];
	if (when_of(end).year <= z->year_last) {
		struct icaltimetype u = ical_tz_utc(end->at);
		snprintf(rule + n, sizeof rule - (size_t)n, ";UNTIL=%04d%02d%02dT%02d%02d%02dZ",
		         u.year, u.month, u.day, u.hour, u.minute, u.second);
	}
	add_observance(vtz, &c->to, c->from, c->start_naive, rule);
}

/* Every change is a member of one series, found from the earliest. A
 * series wholly before the span adds nothing but the change in force when
 * it begins; changes of the year after the span only tell that a rule goes
 * on. When no change happens before the span, the rule of the year before
 * holds from its 1 January. */
icalcomponent *ical_tz_zone_vtimezone(const struct ical_tz_zone *z)
{
	icalcomponent *vtz = icalcomponent_new_vtimezone();
	icalcomponent_add_property(vtz, icalproperty_new_tzid(z->tz));
	int64_t span_lo = year_start(z->year_first), span_hi = year_start(z->year_last + 1);
	/* the change in force when the span begins */
	size_t in_force = z->n;
	for (size_t i = 0; i < z->n && z->v[i].start_naive < span_lo; i++)
		in_force = i;
	if (in_force == z->n)
		add_observance(vtz, &z->before, z->before.utc_offset, z->before_from, NULL);
	bool *used = xcalloc(z->n ? z->n : 1, sizeof *used);
	for (size_t i = 0; i < z->n; i++) {
		if (used[i] || z->v[i].start_naive >= span_hi)
			continue;
		struct series s;
		series_from(z, i, used, &s);
		for (size_t k = 0; k < s.n; k++)
			used[s.idx[k]] = true;
		const struct ical_tz_change *end = &z->v[s.idx[s.n - 1]];
		bool reaches_span = end->start_naive >= span_lo;
		bool holds_in_force = false;
		for (size_t k = 0; k < s.n; k++)
			holds_in_force |= s.idx[k] == in_force;
		if (reaches_span) {
			/* the occurrences of the year after the span are not written */
			add_series(vtz, z, &s);
		} else if (holds_in_force) {
			const struct ical_tz_change *c = &z->v[in_force];
			add_observance(vtz, &c->to, c->from, c->start_naive, NULL);
		}
	}
	free(used);
	return vtz;
}

icalcomponent *ical_tz_vtimezone(const char *tz, int64_t first, int64_t last)
{
	struct ical_tz_zone z;
	ical_tz_zone_load(&z, tz, first, last);
	icalcomponent *vtz = ical_tz_zone_vtimezone(&z);
	ical_tz_zone_free(&z);
	return vtz;
}
