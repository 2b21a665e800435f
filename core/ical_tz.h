/* ical_tz.h - VTIMEZONE components built from the system zoneinfo, not from
 * libical's built-in zones: TZID is exactly the IANA name, and only the
 * changes of the years a file covers are listed. */
#ifndef MUSTER_ICAL_TZ_H
#define MUSTER_ICAL_TZ_H

#include <libical/ical.h>
#include <stdbool.h>
#include <stdint.h>

#include "tz.h"

/* Is tz UTC under one of its names? Such times are written with Z and need
 * no VTIMEZONE. */
bool ical_tz_is_utc(const char *tz);

/* One change of a zone's rule: at UTC instant at, from UTC offset from to
 * the rule of to (offset, daylight saving, abbreviation). */
struct ical_tz_change {
	int64_t at;
	int64_t start_naive; /* the wall time it starts at, in the offset before */
	int from;
	struct tz_local to;
};

/* A zone over the local calendar years of a span (first to last): every
 * change of offset, daylight saving or abbreviation from the year before
 * the span to the year after it, and the rule in force when that begins. */
struct ical_tz_zone {
	char tz[64];
	int year_first, year_last; /* local years of the span */
	struct tz_local before;    /* the rule in force on 1 January of the year before */
	int64_t before_from;       /* that 1 January, as a wall time */
	struct ical_tz_change *v;  /* in time order */
	size_t n;
};

void ical_tz_zone_load(struct ical_tz_zone *z, const char *tz, int64_t first, int64_t last);
void ical_tz_zone_free(struct ical_tz_zone *z);
/* The VTIMEZONE of the zone, for times inside the span: a change that
 * recurs every year on the same weekday rule (the 2nd Sunday of March at
 * 02:00) is one observance with an RRULE, from its first occurrence in the
 * year before the span (so every observance has begun when the span
 * begins: some readers, ruby-icalendar among them, need that), without an
 * UNTIL when the rule still holds the year after the span; a change that
 * does not recur so is an observance of its own. */
icalcomponent *ical_tz_zone_vtimezone(const struct ical_tz_zone *z);
/* Does the wall time of t (inside the span) occur twice, as in the hour
 * repeated when clocks fall back, or is it the wall time the fall back ends
 * on (02:00 after 01:59 the second time)? RFC 5545 section 3.3.5 reads a
 * repeated local time as its first occurrence, and parsers differ on both:
 * such instants are written in UTC. */
bool ical_tz_zone_ambiguous(const struct ical_tz_zone *z, int64_t t);

/* ical_tz_zone_load, _vtimezone and _free at once. */
icalcomponent *ical_tz_vtimezone(const char *tz, int64_t first, int64_t last);

/* The wall time of t in tz as a floating icaltimetype (no zone). */
struct icaltimetype ical_tz_local(const char *tz, int64_t t);
/* t as a UTC icaltimetype (written with Z). */
struct icaltimetype ical_tz_utc(int64_t t);

#endif
