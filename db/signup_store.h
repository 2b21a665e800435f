/* signup_store.h - session sign-ups as the rules and the door read them: a
 * person's sign-up for a session, a session with its room's capacity, the
 * sign-ups a cancellation touches, a session's counts by status. */
#ifndef MUSTER_SIGNUP_STORE_H
#define MUSTER_SIGNUP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "rules_store.h"
#include "status_sql.h"

/* The seats of a session: min(session capacity, room capacity) with 0
 * meaning unlimited, over two SQL expressions; in C,
 * rules_session_capacity (test_signup holds the two together). */
#define SIGNUP_SEATS_SQL(session_cap, room_cap)                                                    \
	"(CASE WHEN " session_cap " > 0 AND " room_cap " > 0 THEN min(" session_cap ", " room_cap  \
	") ELSE max(" session_cap ", " room_cap ") END)"

struct signup_row {
	int64_t id;
	char status[16];
	int64_t position;      /* 0: not waiting */
	int64_t checked_in_at; /* 0: not set */
};

/* A session with what its seats depend on. */
struct signup_session {
	int64_t id, event, room; /* room 0: none */
	int64_t starts, ends;
	int64_t capacity, room_capacity; /* 0 = unlimited */
	bool cancelled;
	char title[RS_NAME];
};

/* A session's sign-ups by status. */
struct signup_counts {
	int64_t registered, waitlisted, cancelled, checked_in, no_show;
};

/* The sign-up of person for session; *found false when none. */
int signup_store_find(struct db *db, int64_t session, int64_t person, struct signup_row *out,
                      bool *found, struct err *e);
/* Session id; ERR_NOT_FOUND "session 12: not found" when missing. */
int signup_store_session(struct db *db, int64_t id, struct signup_session *out, struct err *e);
/* Ids of the sign-ups of session holding a place, in id order (malloc'd). */
int signup_store_of_session(struct db *db, int64_t session, int64_t **ids, size_t *n,
                            struct err *e);
/* Ids of person's sign-ups holding a place in sessions of event. */
int signup_store_of_person(struct db *db, int64_t person, int64_t event, int64_t **ids, size_t *n,
                           struct err *e);
/* Ids of the sessions in room that have sign-ups. */
int signup_store_sessions_in_room(struct db *db, int64_t room, int64_t **ids, size_t *n,
                                  struct err *e);
/* The session of event whose UID is text or whose title is text (any
 * case): *id the first, *matches how many (0, 1, or 2 meaning several). */
int signup_store_session_named(struct db *db, int64_t event, const char *text, int64_t *id,
                               int *matches, struct err *e);
/* The sign-ups of session counted by status. */
int signup_store_counts(struct db *db, int64_t session, struct signup_counts *out, struct err *e);

#endif
