/* ical_scan.h - a line-by-line check of an iCalendar file before libical
 * parses it, so a malformed file is refused with the line it breaks on
 * (libical itself gives no line numbers): encoding, content-line syntax,
 * BEGIN/END nesting, and per VEVENT where each property we read stands. */
#ifndef MUSTER_ICAL_SCAN_H
#define MUSTER_ICAL_SCAN_H

#include <stddef.h>

#include "err.h"

#define ICAL_SCAN_MAX_SKIPPED 8

/* Where the properties of one VEVENT stand (physical line numbers, 1-based;
 * 0 when absent). */
struct ical_scan_event {
	int begin, uid, dtstart, dtend, duration, summary, location, status;
	struct ical_scan_prop {
		char name[32];
		int line;
	} * props; /* every property, for messages about one of them */
	size_t nprops;
};

struct ical_scan {
	struct ical_scan_event *ev; /* VEVENTs in file order */
	size_t nev, cap;
	char **tzids; /* TZIDs defined by VTIMEZONEs of the file */
	size_t ntz;
	/* components of the calendar that are neither VEVENT nor VTIMEZONE
	 * (VTODO, VJOURNAL ...), counted by name, in the order first seen */
	struct ical_scan_skipped {
		char name[32];
		size_t n;
	} skipped[ICAL_SCAN_MAX_SKIPPED];
	size_t nskipped;
	size_t skipped_other; /* past the kinds skipped[] holds */
	int last_line;
};

/* Check text (len bytes, NUL-terminated) and fill s. On a problem: ERR_INPUT
 * with "PATH:LINE: why" and -1. */
int ical_scan(const char *path, const char *text, size_t len, struct ical_scan *s, struct err *e);
void ical_scan_free(struct ical_scan *s);
/* The line of the property of ev whose name appears as a word in text (a
 * message from libical), else the VEVENT's BEGIN line. */
int ical_scan_line_of(const struct ical_scan_event *ev, const char *text);
/* Is tzid defined by a VTIMEZONE of the scanned file? */
int ical_scan_has_tzid(const struct ical_scan *s, const char *tzid);

#endif
