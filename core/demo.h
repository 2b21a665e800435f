/* demo.h - the fictional demo data of SPEC section 4: the one-day community
 * gathering and the two-day forum (small), or the scale set (large). */
#ifndef MUSTER_DEMO_H
#define MUSTER_DEMO_H

#include <stdbool.h>

#include "ctx.h"

enum demo_size { DEMO_SMALL, DEMO_LARGE };

/* Rows in the database after a fill. */
struct demo_summary {
	long events, orgs, people, skills, rooms, sessions, speakers, booths, registrations,
	    signups, roles, shifts, assignments, availabilities;
};

/* Fill the database with the demo set. A database that already holds rows is
 * refused (ERR_REFUSED, "database is not empty (N events, N people); use
 * --force to replace it") unless force, which deletes everything first. One
 * transaction; the same rows on every run (UIDs aside). Prints nothing. */
int demo_fill(struct ctx *c, enum demo_size size, bool force, struct demo_summary *out,
              struct err *e);

#endif
