/* ical_store.h - the reads behind iCalendar export and import: the rows of
 * one calendar (an event's sessions or shifts, a person's shifts and talks,
 * an organization's booths) streamed one at a time, the zones and spans they
 * cover, the people attached to a row, and room lookup by name. */
#ifndef MUSTER_ICAL_STORE_H
#define MUSTER_ICAL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* Which rows a calendar holds. */
enum ical_store_query {
	ICAL_Q_AGENDA,          /* key = event: its sessions */
	ICAL_Q_SHIFTS,          /* key = event: its shifts, with fill */
	ICAL_Q_PERSON_SHIFTS,   /* key = person: shifts with an active assignment */
	ICAL_Q_PERSON_SESSIONS, /* key = person: sessions they speak at */
	ICAL_Q_PERSON_SIGNUPS,  /* key = person: sessions they hold a sign-up for
	                           (and do not speak at) */
	ICAL_Q_ORG_BOOTHS,      /* key = org: its booths */
	ICAL_Q_EVENT,           /* key = event: the event itself, one row */
	ICAL_Q_SHIFT,           /* key = shift: that shift, one row */
	ICAL_Q_SESSION,         /* key = session: that session, one row */
};

enum ical_store_kind { ICAL_ITEM_SESSION, ICAL_ITEM_SHIFT, ICAL_ITEM_BOOTH, ICAL_ITEM_EVENT };

/* One row as a calendar entry. Strings may be NULL; they live until the
 * callback returns. */
struct ical_store_item {
	enum ical_store_kind kind;
	int64_t id;
	const char *uid;
	int64_t sequence;
	int64_t starts, ends;    /* UTC seconds */
	const char *tz;          /* the event's zone */
	const char *title;       /* session title, role name, or booth label */
	const char *category;    /* session kind, role name, or "booth" */
	const char *status;      /* as stored: confirmed, open, cancelled ...
	                          * (cancelled when its event is); an event's as
	                          * tentative (draft), confirmed (published) or
	                          * cancelled */
	const char *room;        /* room name */
	const char *booth;       /* booth label (shifts at a booth) */
	const char *venue;       /* the event's venue (event rows: and address) */
	const char *description; /* session description or role description */
	const char *event_name;
	const char *org_name;      /* booths */
	int64_t filled;            /* shifts: active assignments */
	int64_t need_max;          /* shifts */
	const char *signup;        /* ICAL_Q_PERSON_SIGNUPS: the sign-up's status, else NULL */
	int64_t waitlist_position; /* of a waitlisted sign-up */
};

/* A person attached to a row (speaker, assignee, registrant). */
struct ical_store_person {
	int64_t id;
	const char *name;
	const char *email;
	bool confidential;
	const char *role; /* speaker role, or registration kind */
};

typedef int (*ical_store_item_fn)(void *arg, const struct ical_store_item *it);
typedef int (*ical_store_zone_fn)(void *arg, const char *tz, int64_t first, int64_t last,
                                  size_t count);
typedef int (*ical_store_person_fn)(void *arg, const struct ical_store_person *p);

/* One snapshot for a whole export: a deferred read transaction, so every
 * query of the export sees the same data while others keep writing. Does
 * nothing (and *began is false) inside a transaction already open. */
int ical_store_read_begin(struct db *db, bool *began, struct err *e);
void ical_store_read_end(struct db *db, bool began);

/* Rows of query q for key, limited to one event when event != 0 (person
 * queries), in start order. A non-zero return from fn stops the scan and is
 * returned. */
int ical_store_items(struct db *db, enum ical_store_query q, int64_t key, int64_t event,
                     ical_store_item_fn fn, void *arg, struct err *e);
/* Each zone the same rows use, with their earliest start, latest end and
 * number. */
int ical_store_zones(struct db *db, enum ical_store_query q, int64_t key, int64_t event,
                     ical_store_zone_fn fn, void *arg, struct err *e);
/* Speakers of a session, in the order they were added. */
int ical_store_session_people(struct db *db, int64_t session, ical_store_person_fn fn, void *arg,
                              struct err *e);
/* People with an active assignment on a shift. */
int ical_store_shift_people(struct db *db, int64_t shift, ical_store_person_fn fn, void *arg,
                            struct err *e);
/* People registered for an event (registered or checked in), by id. */
int ical_store_event_people(struct db *db, int64_t event, ical_store_person_fn fn, void *arg,
                            struct err *e);
/* The room of an event with this name (case-insensitive); 0 when none. */
int ical_store_room_by_name(struct db *db, int64_t event, const char *name, int64_t *id,
                            struct err *e);
/* The shift, booth or event whose UID this is: *kind "shift", "booth" or
 * "event" (NULL when none), its id and its event. */
int ical_store_uid_owner(struct db *db, const char *uid, const char **kind, int64_t *id,
                         int64_t *event, struct err *e);
/* The session with this UID, and its event; 0 when none. */
int ical_store_session_by_uid(struct db *db, const char *uid, int64_t *id, int64_t *event,
                              struct err *e);

#endif
