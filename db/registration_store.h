/* registration_store.h - the reads and writes of SPEC rule 5 (capacity and
 * waitlist): an event's seated attendees, its waitlist in order, promotion. */
#ifndef MUSTER_REGISTRATION_STORE_H
#define MUSTER_REGISTRATION_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct reg_row {
	int64_t id;
	char kind[16];
	char status[16];
	int64_t position;      /* 0: not waiting */
	int64_t checked_in_at; /* 0: not set */
	int64_t checked_out_at;
};

/* The registration of person for event; *found false when none. */
int registration_store_find(struct db *db, int64_t event, int64_t person, struct reg_row *out,
                            bool *found, struct err *e);
/* Attendees of event holding a seat, not counting registration except. */
int registration_store_seated(struct db *db, int64_t event, int64_t except, int64_t *n,
                              struct err *e);
/* The highest waitlist position in event (0 when nobody waits). */
int registration_store_last_position(struct db *db, int64_t event, int64_t *pos, struct err *e);
/* The first on the waitlist (id 0 when nobody waits). */
int registration_store_first_waiting(struct db *db, int64_t event, int64_t *id, int64_t *person,
                                     int64_t *position, struct err *e);
/* Everyone waiting behind position moves up one place. */
int registration_store_close_gap(struct db *db, int64_t event, int64_t position, struct err *e);
/* Give registration id a seat: registered, off the waitlist. */
int registration_store_promote(struct db *db, int64_t id, struct err *e);

#endif
