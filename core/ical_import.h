/* ical_import.h - sessions from an iCalendar file (SPEC section 8): each
 * VEVENT becomes a session of the event, its LOCATION a room (created when
 * new), its UID kept, so importing an updated file updates those sessions. */
#ifndef MUSTER_ICAL_IMPORT_H
#define MUSTER_ICAL_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

struct ical_import_result {
	size_t added, updated, unchanged; /* sessions */
	size_t rooms;                     /* rooms created */
	char skipped[160];                /* components not read, "1 VTODO, 1 VJOURNAL", or "" */
};

/* Read path into event in one transaction: every VEVENT (times with a TZID,
 * in UTC, or floating = the event's zone) is written through the session
 * entity's hooks, so the rules of SPEC section 3 apply. A malformed file or a
 * refused row: -1 with "PATH:LINE: why" in e, and nothing is kept. Other
 * components (VTODO, VJOURNAL ...) are counted in r->skipped; a file with no
 * VEVENT is refused. A UID that is one of this database's shifts, booths or
 * events (a staffing export, a person's file) is refused: a session never
 * takes another entry's UID. */
int ical_import_sessions(struct ctx *c, const char *path, int64_t event,
                         struct ical_import_result *r, struct err *e);

#endif
