/* registration_store.h - a person's registration for an event; the event's
 * seats and waitlist are read and moved by db/waitlist_store.h. */
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

/* The event's standing registrations (registered or checked in) and, of
 * those, the checked in. */
int registration_store_counts(struct db *db, int64_t event, int64_t *standing, int64_t *checked_in,
                              struct err *e);
/* The registration of person for event; *found false when none. */
int registration_store_find(struct db *db, int64_t event, int64_t person, struct reg_row *out,
                            bool *found, struct err *e);

#endif
