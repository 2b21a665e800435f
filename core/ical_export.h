/* ical_export.h - iCalendar files of SPEC section 8: an event's agenda, its
 * staffing calendar, one person's schedule, one organization's booth times,
 * and one file per registered person; published, as invitations, or as
 * cancellations. Rows are written as they are read, so memory stays flat. */
#ifndef MUSTER_ICAL_EXPORT_H
#define MUSTER_ICAL_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "ctx.h"

enum ical_method { ICAL_PUBLISH, ICAL_REQUEST, ICAL_CANCEL };

enum ical_scope {
	ICAL_AGENDA, /* the event's sessions */
	ICAL_SHIFTS, /* the event's shifts, titled with their fill: Greeter (3/5) */
	ICAL_PERSON, /* a person's shifts and the sessions they speak at */
	ICAL_ORG,    /* an organization's booths */
};

struct ical_export_opts {
	enum ical_scope scope;
	enum ical_method method;
	int64_t event;  /* AGENDA, SHIFTS; PERSON: only this event when not 0 */
	int64_t person; /* PERSON */
	int64_t org;    /* ORG */
};

/* "publish", "request" or "cancel". */
int ical_export_method_parse(const char *text, enum ical_method *out, struct err *e);

/* Write one calendar to out. Nothing is written when there is nothing to
 * export (ERR_NOT_FOUND) or a row is missing. *nevents (may be NULL) gets the
 * number of VEVENTs written. */
int ical_export(struct ctx *c, const struct ical_export_opts *o, FILE *out, size_t *nevents,
                struct err *e);

/* One file per person registered for the event (registered or checked in),
 * in dir (created 0700; an existing dir must not be open to others):
 * person-ID.ics, mode 0600, holding one entry for the event itself (its
 * stored UID and SEQUENCE, span, venue and address, status, the person's
 * registration kind as CATEGORIES) followed by the person's shifts and the
 * sessions they speak at; and index.tsv (id, name, email, file, events;
 * mode 0600) listing every registered person with their file, for a mail
 * merge. *npeople gets the number of people listed, *nfiles the number of
 * calendar files written (the same). */
int ical_export_per_person(struct ctx *c, int64_t event, enum ical_method method, const char *dir,
                           size_t *npeople, size_t *nfiles, struct err *e);

#endif
