/* door.h - scan-to-check-in at the door (SPEC section 11, "Sign-ups and
 * the door"): each scanned or typed person code (or person id) checks that
 * person in to the event, or to one session of it, at once, in one
 * transaction under the same rules as every other write. The verdict names
 * the person (a confidential one is not named) and why a refusal: unknown
 * code, not registered, waitlisted, already checked in and when, session
 * full. Nothing here carries contact details. */
#ifndef MUSTER_DOOR_H
#define MUSTER_DOOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

#define DOOR_INPUT_MAX 16 /* a code is 6 characters, an id a few digits */

/* The door: an event, and maybe one of its sessions. */
struct door {
	int64_t event, session; /* session 0: the event's own door */
	char tz[64];
	char title[256]; /* "Forum" or "Forum: Supply chains" */
};

enum door_verdict {
	DOOR_OK,             /* checked in now */
	DOOR_UNKNOWN,        /* no person has that code or id */
	DOOR_NOT_REGISTERED, /* no active registration (or a cancelled one) */
	DOOR_WAITLISTED,     /* waiting for the event, or for the session */
	DOOR_ALREADY,        /* checked in before */
	DOOR_FULL,           /* a walk-in to a session without a free seat */
	DOOR_CANCELLED,      /* the event or session is cancelled */
	DOOR_REFUSED,        /* another rule said no (its message in detail) */
};

struct door_result {
	enum door_verdict verdict;
	int64_t person;   /* 0 when unknown */
	char name[128];   /* the person's name; "Confidential" for a confidential person */
	char detail[192]; /* "checked in at 09:12", "on the waitlist, position 3", ... */
};

/* Open the door of event (and session, 0 for none): ERR_NOT_FOUND for a
 * missing one, ERR_USAGE for a session of another event. */
int door_open(struct ctx *c, int64_t event, int64_t session, struct door *d, struct err *e);
/* Check in whoever input names (a person code, any case, or a person id).
 * A refusal is a verdict, not an error: -1 only when the store fails. At a
 * session's door a registered person without a sign-up walks in when a seat
 * is free; checking in to a session checks in to the event too. */
int door_scan(struct ctx *c, const struct door *d, const char *input, struct door_result *out,
              struct err *e);
/* Who is in: checked_in of expected (the event's standing registrations, or
 * the session's seated sign-ups and its capacity when it has one). */
int door_counts(struct ctx *c, const struct door *d, int64_t *checked_in, int64_t *expected,
                int64_t *capacity, struct err *e);
/* The verdict as a word for the screen: "OK", "NOT REGISTERED", ... */
const char *door_verdict_word(enum door_verdict v);

#endif
