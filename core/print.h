/* print.h - the printed sheets of one event, written as PDF files:
 *   roster    per station (room, booth, else role) its shifts in time
 *             order, each with its volunteers, a check-in box, their phone
 *             ([print] roster_phones) and the role's lead;
 *   signin    the registration desk's alphabetical sign-in sheet (name,
 *             organization, a signature column), the waitlist on its own
 *             page; confidential people are left off;
 *   badges    several to a sheet with cut marks: the name as large as it
 *             fits, organization, roles, and the volunteer code as a Code 128
 *             barcode with the code under it;
 *   coverage  filled and needed volunteers per hour as a bar chart on one
 *             landscape page, short hours marked.
 * Confidential people read "Confidential" on every sheet but their own
 * badge; no sheet carries an email address. The page size is [print] paper.
 * cairo, pango and zint stay behind this interface (core/print*.c only). */
#ifndef MUSTER_PRINT_H
#define MUSTER_PRINT_H

#include <stdint.h>

#include "ctx.h"

enum print_doc { PRINT_ROSTER, PRINT_SIGNIN, PRINT_BADGES, PRINT_COVERAGE };

struct print_opts {
	enum print_doc doc;
	int64_t event;
	const char *day;  /* roster, coverage: "YYYY-MM-DD" in the event's zone; NULL: all */
	int64_t role;     /* roster: one role of the event; 0: every role */
	const char *kind; /* signin: one registration kind, NULL: all; badges: NULL = volunteer */
};

struct print_summary {
	int pages;
	long items;  /* shifts, people, badges or hours */
	long groups; /* stations (roster), waitlisted people (signin), sheets (badges) */
};

/* "roster", "signin", "badges" or "coverage"; ERR_USAGE naming them. */
int print_doc_parse(const char *name, enum print_doc *out, struct err *e);
const char *print_doc_name(enum print_doc doc);

/* Draw the sheet and write it to path through core/outfile.h (a new file
 * is mode 0600; "-" is standard output). An unknown event, role, kind or
 * day, or nothing to print, fills e and writes nothing. */
int print_write(struct ctx *c, const struct print_opts *o, const char *path,
                struct print_summary *out, struct err *e);

#endif
