/* report_store.h - the queries behind the reports of core/report.c: one
 * event's shifts with their fill, volunteers with their hours, registrations
 * by kind, sessions with their rooms. Rows are handed to callbacks; strings
 * live until the callback returns. */
#ifndef MUSTER_REPORT_STORE_H
#define MUSTER_REPORT_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct report_store_event {
	char name[512];
	char tz[64];
	int64_t starts, ends, capacity;
};

/* ERR_NOT_FOUND when there is no such event. */
int report_store_event(struct db *db, int64_t event, struct report_store_event *out, struct err *e);

struct report_store_shift {
	int64_t id;
	const char *role;
	const char *place; /* room name or booth label, "" when none */
	int64_t starts, ends, need_min, need_max;
	int64_t filled; /* active assignments: signed_up, confirmed, checked_in, completed */
};
/* Open (not cancelled) shifts by start. */
int report_store_shifts(struct db *db, int64_t event,
                        int (*fn)(void *arg, const struct report_store_shift *s), void *arg,
                        struct err *e);

struct report_store_volunteer {
	int64_t person;
	const char *name;
	int64_t shifts;    /* active assignments on open shifts */
	int64_t scheduled; /* seconds of those shifts */
	int64_t worked;    /* seconds from check-in to check-out */
	int64_t no_shows;
	int64_t on_shift; /* checked in, not yet out */
};
/* People with an assignment (not dropped) in the event, by name. */
int report_store_volunteers(struct db *db, int64_t event,
                            int (*fn)(void *arg, const struct report_store_volunteer *v), void *arg,
                            struct err *e);

struct report_store_kind {
	const char *kind;
	int64_t registered, waitlisted, cancelled, checked_in, no_show;
};
/* Registrations counted by status, one row per kind that has any. */
int report_store_kinds(struct db *db, int64_t event,
                       int (*fn)(void *arg, const struct report_store_kind *k), void *arg,
                       struct err *e);

struct report_store_session {
	int64_t id;
	const char *title, *kind, *room; /* room "" when none */
	int64_t starts, ends;
	int64_t capacity, room_capacity; /* 0 = unlimited */
	int64_t speakers;
	int64_t registered, waitlisted, cancelled, checked_in, no_show; /* its sign-ups */
};
/* Sessions that are not cancelled, by start. */
int report_store_sessions(struct db *db, int64_t event,
                          int (*fn)(void *arg, const struct report_store_session *s), void *arg,
                          struct err *e);

#endif
