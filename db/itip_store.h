/* itip_store.h - what was last sent to each person for each iCalendar UID
 * (table itip_sent), and the sequence raises that follow from changes to a
 * room or an event (a renamed room moves the place of everything in it; a
 * cancelled event cancels its sessions, shifts and booths). */
#ifndef MUSTER_ITIP_STORE_H
#define MUSTER_ITIP_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

/* One row: method is "REQUEST" or "CANCEL". */
struct itip_store_sent {
	int64_t person;
	char uid[256];
	char method[8];
	int64_t sequence;      /* the SEQUENCE sent */
	int64_t item_sequence; /* the item's own sequence when it was sent */
	int64_t sent_at;       /* UTC seconds */
};

/* The row for (person, uid); *found false when nothing was sent. */
int itip_store_get(struct db *db, int64_t person, const char *uid, struct itip_store_sent *out,
                   bool *found, struct err *e);
/* Insert or replace the row of (s->person, s->uid). */
int itip_store_put(struct db *db, const struct itip_store_sent *s, struct err *e);
/* Every row of a person, by uid. A non-zero return of fn stops and is returned. */
int itip_store_person(struct db *db, int64_t person,
                      int (*fn)(void *arg, const struct itip_store_sent *s), void *arg,
                      struct err *e);
/* Raise by one the sequence of the sessions, shifts and booths in room
 * (shifts at a booth in it included). */
int itip_store_raise_room(struct db *db, int64_t room, struct err *e);
/* Raise by one the sequence of the shifts at booth. */
int itip_store_raise_booth(struct db *db, int64_t booth, struct err *e);
/* Raise by one the sequence of the sessions, shifts and booths of event. */
int itip_store_raise_event(struct db *db, int64_t event, struct err *e);

#endif
