/* print_store.h - the queries behind the printed sheets of core/print*.c:
 * the event, a role's event, the roster (shifts by station with their
 * volunteers and role lead), the sign-in sheet (registered people, then
 * the waitlist) and the badges (people with their roles). Rows are handed
 * to callbacks one at a time; strings live until the callback returns. */
#ifndef MUSTER_PRINT_STORE_H
#define MUSTER_PRINT_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct print_store_event {
	char name[512];
	char tz[64];
	char venue[512];
	int64_t starts, ends;
	int64_t first, last; /* the span widened by setup and teardown */
};

/* ERR_NOT_FOUND when there is no such event. */
int print_store_event(struct db *db, int64_t event, struct print_store_event *out, struct err *e);

/* The event a role belongs to and its name; ERR_NOT_FOUND when there is no
 * such role. */
int print_store_role(struct db *db, int64_t role, int64_t *event, char *name, size_t n,
                     struct err *e);

/* A station is where a shift happens: its room, else its booth, else (no
 * place) its role. */
enum print_station { PRINT_AT_ROOM, PRINT_AT_BOOTH, PRINT_AT_ROLE };

struct print_store_person {
	int64_t id; /* 0: none */
	const char *name, *phone;
	bool confidential;
};

/* One volunteer of a shift (or the shift alone, volunteer.id 0, when it has
 * none). */
struct print_store_roster_row {
	enum print_station at;
	int64_t station_id;
	const char *station;
	int64_t shift, starts, ends, need_min, need_max;
	const char *notes, *role;
	struct print_store_person lead, volunteer;
	const char *status; /* the volunteer's assignment status */
};

struct print_store_roster_query {
	int64_t event;
	int64_t role;     /* 0: every role */
	int64_t from, to; /* shifts starting in [from, to) */
};

/* Open shifts by station, then start; each with its active volunteers by
 * name. */
int print_store_roster(struct db *db, const struct print_store_roster_query *q,
                       int (*fn)(void *arg, const struct print_store_roster_row *r), void *arg,
                       struct err *e);

struct print_store_signin_row {
	const char *name, *org, *kind, *status;
	int64_t waitlist_position; /* 0 unless waitlisted */
	int64_t checked_in_at;     /* 0 when not */
};

/* The event's people who are not confidential: registered and checked-in
 * people by name (waitlisted false), or the waitlist in its order (true);
 * kind "" for every kind. */
int print_store_signin(struct db *db, int64_t event, const char *kind, bool waitlisted,
                       int (*fn)(void *arg, const struct print_store_signin_row *r), void *arg,
                       struct err *e);

struct print_store_badge_row {
	int64_t person;
	const char *name, *org, *code, *kind;
	const char *roles; /* roles of their active shifts, ", "-separated */
	const char *leads; /* roles they lead */
	bool confidential;
};

/* Registered and checked-in people of one kind, by name. */
int print_store_badges(struct db *db, int64_t event, const char *kind,
                       int (*fn)(void *arg, const struct print_store_badge_row *r), void *arg,
                       struct err *e);

#endif
