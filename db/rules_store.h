/* rules_store.h - the facts the rules of SPEC section 3 need, read with
 * indexed queries inside the caller's transaction: events, roles, people,
 * shifts, a person's other shifts, sessions and windows, clashes. Names are
 * copied into fixed buffers (cut at RS_NAME bytes). */
#ifndef MUSTER_RULES_STORE_H
#define MUSTER_RULES_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

#define RS_NAME 200

struct rs_event {
	int64_t id;
	char name[RS_NAME];
	char tz[64];
	int64_t starts, ends;
	int64_t span_starts, span_ends; /* widened by setup and teardown */
	int64_t capacity;
	bool cancelled;
};

struct rs_role {
	int64_t id, event, skill; /* skill 0: none */
	char name[RS_NAME];
	char skill_name[RS_NAME];
	int min_age;
};

struct rs_person {
	int64_t id;
	char name[RS_NAME];
	char birth_date[16]; /* "" when unknown */
	char code[16];
};

struct rs_shift {
	int64_t id, event, role, room, booth; /* room, booth 0: none */
	int64_t starts, ends, need_max;
	bool cancelled;
};

/* A timed row with its name (role, session title, organization...). */
struct rs_slot {
	int64_t id;  /* the shift, session, booth or window */
	int64_t ref; /* shift: its role; booth: its org; else 0 */
	int64_t starts, ends;
	char what[RS_NAME];
};

struct rs_slots {
	struct rs_slot *v;
	size_t n, cap;
};

void rs_slots_free(struct rs_slots *s);

/* One row by id; a missing row is ERR_NOT_FOUND ("shift 12: not found"). */
int rules_store_event(struct db *db, int64_t id, struct rs_event *out, struct err *e);
int rules_store_role(struct db *db, int64_t id, struct rs_role *out, struct err *e);
int rules_store_person(struct db *db, int64_t id, struct rs_person *out, struct err *e);
int rules_store_shift(struct db *db, int64_t id, struct rs_shift *out, struct err *e);
/* A session as a slot (what = title, ref = room or 0). */
int rules_store_session(struct db *db, int64_t id, struct rs_slot *out, int64_t *event,
                        bool *cancelled, struct err *e);
/* A booth as a slot (what = its org's name, ref = org), its event and label. */
int rules_store_booth(struct db *db, int64_t id, struct rs_slot *out, int64_t *event, char *label,
                      size_t n, struct err *e);
/* A skill's name ("" when missing). */
int rules_store_skill_name(struct db *db, int64_t id, char *buf, size_t n, struct err *e);
/* The event a room or booth belongs to (0 when the row is missing). */
int rules_store_room_event(struct db *db, int64_t room, int64_t *event, char *name, size_t n,
                           struct err *e);
int rules_store_booth_event(struct db *db, int64_t booth, int64_t *event, struct err *e);
/* A room's kind ("room", "hall", "outdoor", "booth_area"; "" when missing). */
int rules_store_room_kind(struct db *db, int64_t room, char *kind, size_t n, struct err *e);

/* The person's active assignments on open shifts meeting [from, to), other
 * than on shift except, in start order (what = role name, ref = role). */
int rules_store_person_shifts(struct db *db, int64_t person, int64_t from, int64_t to,
                              int64_t except, struct rs_slots *out, struct err *e);
/* Active assignments on shift, not counting person except. */
int rules_store_taken(struct db *db, int64_t shift, int64_t except, int64_t *n, struct err *e);
/* Non-cancelled sessions meeting [from, to) that person speaks at (any
 * speaker role), other than session except (what = title). */
int rules_store_speaking(struct db *db, int64_t person, int64_t from, int64_t to, int64_t except,
                         struct rs_slots *out, struct err *e);
/* Non-cancelled sessions meeting [from, to) that person holds a sign-up
 * for (seated or waiting), other than session except (what = title). */
int rules_store_signed_up(struct db *db, int64_t person, int64_t from, int64_t to, int64_t except,
                          struct rs_slots *out, struct err *e);
/* Does person hold skill, and until when (expires "" = no end)? */
int rules_store_skill(struct db *db, int64_t person, int64_t skill, bool *held, char *expires,
                      size_t n, struct err *e);
/* The person's availability windows for event, other than window except. */
int rules_store_windows(struct db *db, int64_t person, int64_t event, int64_t except,
                        struct rs_slots *out, struct err *e);
/* A non-cancelled session in room meeting [from, to), other than except. */
int rules_store_room_clash(struct db *db, int64_t room, int64_t from, int64_t to, int64_t except,
                           struct rs_slot *out, bool *found, struct err *e);
/* A booth of event with label, held by an org other than org, meeting
 * [from, to), other than booth except (what = org name). */
int rules_store_booth_clash(struct db *db, int64_t event, const char *label, int64_t org,
                            int64_t from, int64_t to, int64_t except, struct rs_slot *out,
                            bool *found, struct err *e);
/* A session, booth or shift of event outside [span0, span1) (what = "session
 * \"Opening\"", "booth B12", "shift 7 (Greeter)"). */
int rules_store_outside_span(struct db *db, int64_t event, int64_t span0, int64_t span1,
                             struct rs_slot *out, bool *found, struct err *e);
/* A session, shift or booth of another event using room (or a shift using
 * booth, or role). */
int rules_store_room_used_elsewhere(struct db *db, int64_t room, int64_t event, char *what,
                                    size_t n, struct err *e);
int rules_store_booth_used_elsewhere(struct db *db, int64_t booth, int64_t event, char *what,
                                     size_t n, struct err *e);
int rules_store_role_used_elsewhere(struct db *db, int64_t role, int64_t event, char *what,
                                    size_t n, struct err *e);

/* Pairs (shift, person) of active assignments on open shifts, selected by: */
enum rs_pairs_by {
	RS_PAIRS_SHIFT,        /* a = shift */
	RS_PAIRS_PERSON,       /* a = person */
	RS_PAIRS_ROLE,         /* a = role */
	RS_PAIRS_PERSON_EVENT, /* a = person, b = event */
	RS_PAIRS_PERSON_SKILL, /* a = person, b = skill required by the role */
	RS_PAIRS_SESSION,      /* speakers of session a working during it */
};
struct rs_pair {
	int64_t assignment, shift, person;
};
int rules_store_pairs(struct db *db, enum rs_pairs_by by, int64_t a, int64_t b,
                      struct rs_pair **out, size_t *n, struct err *e);

/* The assignment of person on shift (id 0 when none) and its status. */
int rules_store_assignment_of(struct db *db, int64_t shift, int64_t person, int64_t *id,
                              char *status, size_t n, struct err *e);

#endif
