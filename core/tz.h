/* tz.h - instants in an event's IANA time zone: parsing what people type and
 * formatting what they read, correct across DST changes. All instants are
 * UTC seconds (int64_t); intervals are half-open [start, end). */
#ifndef MUSTER_TZ_H
#define MUSTER_TZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* Local calendar fields of an instant in a zone. */
struct tz_local {
	int year, month, day;     /* month 1-12, day 1-31 */
	int hour, minute, second; /* 0-23, 0-59, 0-60 */
	int wday;                 /* 0 = Sunday */
	int utc_offset;           /* seconds east of UTC */
	char abbrev[16];          /* "EST", "CET" ... */
	bool dst;                 /* daylight saving time is in force */
};

/* The instants muster stores: those that can be typed, the years 1900-9999
 * in any zone. Another program may have written others into the file; the
 * reports and exports that walk a span of time refuse those rows. */
#define TZ_INSTANT_MIN INT64_C(-2209075200)  /* 1899-12-31T00:00:00Z */
#define TZ_INSTANT_MAX INT64_C(253402387199) /* 10000-01-01T23:59:59Z */
bool tz_instant_ok(int64_t t);

/* Is name a zone in the system zoneinfo ("America/Chicago", "UTC")?
 * Refuses names with "..", leading "/", or anything not in tzdata. */
bool tz_valid(const char *name);

/* Parse a time typed by a person:
 *   "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM[:SS]" read in zone tz;
 *   ISO 8601 with an offset or Z ("2026-12-05T09:30:00Z", "...+01:00") in any zone.
 * A local time that does not exist (spring-forward gap) is refused; an ambiguous
 * one (fall-back) takes the earlier instant. Fills e with ERR_INPUT on failure. */
int tz_parse(const char *tz, const char *text, int64_t *out, struct err *e);

/* Parse "YYYY-MM-DD" (a real calendar date). */
int tz_parse_date(const char *text, int *year, int *month, int *day, struct err *e);

/* Local fields of instant t in tz. */
int tz_local(const char *tz, int64_t t, struct tz_local *out);

/* The UTC instant of local midnight starting the local day containing t. */
int64_t tz_day_start(const char *tz, int64_t t);

/* Local time in tz to UTC: same gap/ambiguity rules as tz_parse. */
int tz_from_local(const char *tz, int year, int month, int day, int hour, int minute, int second,
                  int64_t *out, struct err *e);

/* Is the wall time of t in tz shown twice (the hour repeated when clocks
 * fall back)? */
bool tz_ambiguous(const char *tz, int64_t t);
/* "YYYY-MM-DD HH:MM" in tz, what tz_parse reads back; a wall time that occurs
 * twice carries its offset, "2027-11-07 01:30-05:00", so it is never
 * mistaken for the other one. */
void tz_format(const char *tz, int64_t t, char *buf, size_t n);
/* "(-05:00)" after a wall time of tz that occurs twice, else "": what the
 * screens add to tz_format_human and tz_format_hm. */
void tz_format_mark(const char *tz, int64_t t, char *buf, size_t n);
/* "Sat 7 Dec 09:00" in tz (for messages); "Sat 7 Dec 9:00am" when twelve_hour. */
void tz_format_human(const char *tz, int64_t t, bool twelve_hour, char *buf, size_t n);
/* "HH:MM" (or "9:00am") in tz. */
void tz_format_hm(const char *tz, int64_t t, bool twelve_hour, char *buf, size_t n);
/* "2026-12-05T15:00:00Z" (UTC). */
void tz_format_utc(int64_t t, char *buf, size_t n);

/* Age in whole years on the date (in tz) of instant t for a birth date
 * "YYYY-MM-DD"; -1 when birth is not a valid date. */
int tz_age_on(const char *tz, int64_t t, const char *birth);

/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
int64_t tz_days_from_civil(int64_t y, int m, int d);
void tz_civil_from_days(int64_t z, int64_t *y, int *m, int *d);
/* text in double quotes for an error message: controls, non-ASCII, quotes and
 * backslashes escaped as \xNN, cut after 48 characters. */
void tz_quote(const char *text, char *buf, size_t n);

#endif
