/* ical_export.h - iCalendar files of SPEC section 8: an event's agenda, its
 * staffing calendar, one person's schedule, one organization's booth times,
 * and one file per registered person; published, as invitations, or as
 * cancellations. Rows are written as they are read, so memory stays flat. */
#ifndef MUSTER_ICAL_EXPORT_H
#define MUSTER_ICAL_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "../db/ical_store.h"
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
 * number of VEVENTs written. REQUEST and CANCEL: the calendar must hold one
 * row (one UID, RFC 5546), else ERR_USAGE; its SEQUENCE is above what each
 * attendee was last sent for it, and what was sent is stored (core/itip.h). */
int ical_export(struct ctx *c, const struct ical_export_opts *o, FILE *out, size_t *nevents,
                struct err *e);

/* What ical_export_per_person wrote. */
struct ical_per_person_result {
	size_t people;  /* registered people listed */
	size_t files;   /* calendar files written */
	size_t skipped; /* REQUEST, CANCEL: people without an email (no ATTENDEE) */
};

/* One file per person registered for the event (registered or checked in),
 * in dir (created 0700; an existing dir must not be open to others), each
 * mode 0600, and index.tsv (mode 0600) listing them for a mail merge.
 * PUBLISH: person-ID.ics holds one entry for the event itself (its stored
 * UID and SEQUENCE, span, venue and address, status, the person's
 * registration kind as CATEGORIES) followed by the person's shifts and the
 * sessions they speak at; index.tsv has id, name, email, file, events.
 * REQUEST, CANCEL: one file per person and UID (RFC 5546 gives an iTIP
 * object one UID), person-ID-KIND-ID.ics (KIND event, shift or session),
 * whose only ATTENDEE is the person and whose SEQUENCE is above what the
 * person was last sent for that UID (core/itip.h; what is written is
 * stored as sent); a cancelled item, or one of a cancelled event, goes as
 * a CANCEL. index.tsv has id, name, email, file, uid, method, sequence.
 * People without an email get no file and are counted in r->skipped. */
int ical_export_per_person(struct ctx *c, int64_t event, enum ical_method method, const char *dir,
                           struct ical_per_person_result *r, struct err *e);

/* Who one iTIP object is for: its only ATTENDEE. */
struct ical_attendee {
	int64_t person;
	const char *name;
	const char *email;
	bool confidential; /* named "Confidential" on the ATTENDEE line */
};

/* Objects written one at a time (mail), keeping the VTIMEZONEs made. */
struct ical_objects;
struct ical_objects *ical_objects_new(struct ctx *c);
void ical_objects_free(struct ical_objects *o);
/* One iTIP object (RFC 5546) about it to out: METHOD m, the VTIMEZONE of
 * its zone and one VEVENT with SEQUENCE seq whose only ATTENDEE is to. It
 * names nobody else: no speakers in a session's DESCRIPTION. Nothing is
 * stored as sent (the caller numbers and records, core/itip.h). */
int ical_objects_write(struct ical_objects *o, const struct ical_store_item *it, enum ical_method m,
                       int64_t seq, const struct ical_attendee *to, FILE *out, struct err *e);
/* The SUMMARY and LOCATION an item has in a person's calendar, malloc'd
 * (the location NULL when it has none). */
char *ical_export_summary(const struct ical_store_item *it);
char *ical_export_location(const struct ical_store_item *it);

#endif
