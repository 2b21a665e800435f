/* itip.h - iTIP state (RFC 5546): what each person was last sent for each
 * iCalendar UID, and the SEQUENCE the next message to them must carry.
 *
 * Every REQUEST or CANCEL that muster writes for a person (an invitation
 * file of `export ics --per-person DIR --method request|cancel`, a
 * single-UID `export ics ... --method request|cancel`, and later a mail)
 * goes through here:
 *
 *   1. itip_next(c, person, uid, method, item_sequence, &seq, e) gives the
 *      SEQUENCE to write, from the item's own stored sequence (it rises
 *      with every change of time, place or status) and what the person was
 *      last sent for that UID;
 *   2. once the message has left (the file is written, the mail handed to
 *      the MTA), itip_record(c, &sent, e) stores it.
 *
 * The rule (itip_sequence): the person never receives a changed item with
 * a SEQUENCE they already hold. An unchanged item sent again with the same
 * method keeps its number; a changed item, a CANCEL after a REQUEST, and a
 * REQUEST after a CANCEL (a reinstatement) each take one above the last
 * sent, and never below the item's own. So a cancellation followed by a
 * reinstatement never reuses a number.
 *
 * Entity hooks raise the stored sequence of items whose place or status
 * changes without a write of their own: renaming a room (its sessions,
 * shifts and booths), and cancelling, reinstating or moving an event (its
 * sessions, shifts and booths, which cascade its status in exports). */
#ifndef MUSTER_ITIP_H
#define MUSTER_ITIP_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"
#include "entity.h"

enum itip_method { ITIP_REQUEST, ITIP_CANCEL };

/* What was sent to a person for a UID. */
struct itip_sent {
	int64_t person;
	char uid[256];
	enum itip_method method;
	int64_t sequence;      /* the SEQUENCE in the message */
	int64_t item_sequence; /* the item's own sequence then */
	int64_t sent_at;       /* UTC seconds */
};

/* "REQUEST" or "CANCEL". */
const char *itip_method_name(enum itip_method m);

/* The SEQUENCE of a message m about an item whose stored sequence is
 * item_sequence, to someone last sent *last (NULL: nothing yet). Pure. */
int64_t itip_sequence(const struct itip_sent *last, enum itip_method m, int64_t item_sequence);

/* What person was last sent for uid; *found false when nothing. */
int itip_last(struct ctx *c, int64_t person, const char *uid, struct itip_sent *out, bool *found,
              struct err *e);
/* itip_sequence for person and uid, from the stored state. */
int itip_next(struct ctx *c, int64_t person, const char *uid, enum itip_method m,
              int64_t item_sequence, int64_t *sequence, struct err *e);
/* Store what was sent (replacing the person's previous row for the UID),
 * in its own transaction or the caller's. */
int itip_record(struct ctx *c, const struct itip_sent *s, struct err *e);
/* Every UID a person was sent something for, by uid. */
int itip_each(struct ctx *c, int64_t person, int (*fn)(void *arg, const struct itip_sent *s),
              void *arg, struct err *e);

/* Entity hooks (core/entity.c): a room whose name changes raises the
 * sequence of what is in it; a booth whose label or room changes raises
 * the sequence of the shifts at it (their LOCATION names it); an event
 * whose status, venue or address changes raises the sequence of its
 * sessions, shifts and booths. The booth's and the event's also run
 * schedule_prepare. */
int itip_room_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int itip_booth_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);
int itip_event_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);

#endif
