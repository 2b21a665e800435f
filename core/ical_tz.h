/* ical_tz.h - VTIMEZONE components built from the system zoneinfo, not from
 * libical's built-in zones: TZID is exactly the IANA name, and only the
 * changes of the years a file covers are listed. */
#ifndef MUSTER_ICAL_TZ_H
#define MUSTER_ICAL_TZ_H

#include <libical/ical.h>
#include <stdbool.h>
#include <stdint.h>

/* Is tz UTC under one of its names? Such times are written with Z and need
 * no VTIMEZONE. */
bool ical_tz_is_utc(const char *tz);

/* A VTIMEZONE for tz covering the local calendar years from that of first to
 * that of last: the observance in force when the first year begins (with its
 * real start when that lies in the year before), then every change of offset,
 * daylight saving or abbreviation until the last year ends. */
icalcomponent *ical_tz_vtimezone(const char *tz, int64_t first, int64_t last);

/* The wall time of t in tz as a floating icaltimetype (no zone). */
struct icaltimetype ical_tz_local(const char *tz, int64_t t);
/* t as a UTC icaltimetype (written with Z). */
struct icaltimetype ical_tz_utc(int64_t t);

#endif
