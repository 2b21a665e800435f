/* mail_store.h - the outbox (table mail_outbox): messages queued by mail
 * invite, updates and reminders, one person and one iCalendar UID each,
 * and their delivery by mail send; plus the reads that decide what to
 * queue: who holds what in an event, and what was last said to whom. */
#ifndef MUSTER_MAIL_STORE_H
#define MUSTER_MAIL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "ical_store.h"

/* A message as queued. Strings are the caller's. */
struct mail_store_new {
	int64_t person, event;
	const char *kind; /* invite, update, cancel, reminder */
	enum ical_store_kind item_kind;
	int64_t item_id;
	const char *uid;
	const char *method; /* REQUEST or CANCEL */
	int64_t sequence, item_sequence;
	const char *recipient; /* the one address */
	const char *subject;
	const char *message_id;
	const char *message; /* RFC 5322, LF line ends */
	int64_t now;
};

/* One outbox row (without the message text). */
struct mail_store_row {
	int64_t id, person, event, item_id;
	char kind[16], item_kind[16], method[8], status[16];
	char uid[256];
	int64_t sequence, item_sequence, attempts;
	int64_t next_attempt_at, queued_at, sent_at, claimed_at, claimed_by; /* 0: none */
	char recipient[320];
	char subject[512];
	char last_error[1024];
	char person_name[256];
};

/* The last thing said to a person about a UID, from the outbox (rows not
 * superseded) and itip_sent: the highest SEQUENCE (numbers only rise, and
 * two messages with one number say the same), then the newest (a message
 * still queued or sending is newer than anything sent; a sent one dates
 * from its sending; the outbox on a tie); max_sequence is the highest
 * SEQUENCE of either. */
struct mail_store_last {
	char method[8];
	int64_t sequence, item_sequence, max_sequence;
	char status[16]; /* the outbox row's, "" when it comes from itip_sent */
	char kind[16];   /* the outbox row's, "" when it comes from itip_sent */
	/* anything about the UID may have reached them: in itip_sent, or an
	 * outbox row sending, sent or unknown */
	bool delivered;
};

/* Which pairs of person and item mail_store_pairs gives. */
enum mail_store_scope {
	MAIL_PAIRS_HELD,         /* what people with a standing registration hold */
	MAIL_PAIRS_HELD_OR_SAID, /* that, and everything something was said about */
};

/* A person and an item of the event: held true when the person holds it
 * now (a standing registration for the event; an active assignment on the
 * shift; a speaker of the session, with a standing registration). */
struct mail_store_pair {
	int64_t person;
	enum ical_store_kind kind; /* ICAL_ITEM_EVENT, _SHIFT or _SESSION */
	int64_t item;
	bool held;
};

/* The pairs of event, by person, the event itself first, then by start.
 * kind (NULL: all): only people registered as that kind. A non-zero return
 * of fn stops and is returned. */
int mail_store_pairs(struct db *db, int64_t event, enum mail_store_scope scope, const char *kind,
                     int (*fn)(void *arg, const struct mail_store_pair *p), void *arg,
                     struct err *e);
/* *found false when nothing was ever said to person about uid. */
int mail_store_last(struct db *db, int64_t person, const char *uid, struct mail_store_last *out,
                    bool *found, struct err *e);

/* Active assignments on shifts (neither they nor their event cancelled)
 * starting in (from, to], with no reminder queued or sent yet for that
 * person and shift: fn(person, shift, its event), by start. */
int mail_store_reminders_due(struct db *db, int64_t from, int64_t to,
                             int (*fn)(void *arg, int64_t person, int64_t shift, int64_t event),
                             void *arg, struct err *e);

/* Messages still queued for person about uid are superseded (withdrawn
 * before they left); *n (may be NULL) gets how many. */
int mail_store_supersede(struct db *db, int64_t person, const char *uid, int *n, struct err *e);
/* Queue m: messages still queued for the same person and UID are
 * superseded by it. *id gets its row. */
int mail_store_insert(struct db *db, const struct mail_store_new *m, int64_t *id, struct err *e);

/* Up to limit (0: no limit) ids of queued messages due at now, oldest
 * first. */
int mail_store_due(struct db *db, int64_t now, size_t limit, int64_t **ids, size_t *n,
                   struct err *e);
/* Take a due queued message for one handoff: status sending, one attempt
 * more, claimed_at now and claimed_by pid. *claimed false when it is not
 * queued and due (another run took it, or it is not due). */
int mail_store_claim(struct db *db, int64_t id, int64_t now, int64_t pid, bool *claimed,
                     struct err *e);
/* Row id; *message (when not NULL) gets the message text, malloc'd. */
int mail_store_get(struct db *db, int64_t id, struct mail_store_row *out, char **message,
                   struct err *e);
/* After the handoff: sent at now; back in the queue until retry_at, with
 * the MTA's words; failed with them; or unclaimed (the MTA could not be
 * run: not an attempt). Each only from status sending. */
int mail_store_sent(struct db *db, int64_t id, int64_t now, struct err *e);
int mail_store_retry(struct db *db, int64_t id, int64_t retry_at, const char *why, struct err *e);
int mail_store_fail(struct db *db, int64_t id, const char *why, struct err *e);
int mail_store_unclaim(struct db *db, int64_t id, const char *why, struct err *e);
/* A message whose handoff was killed after its claim: status unknown. */
int mail_store_unknown(struct db *db, int64_t id, const char *why, struct err *e);

/* Every row in status (NULL: every status but superseded), of event when
 * not 0, by id. A non-zero return of fn stops and is returned. */
int mail_store_each(struct db *db, const char *status, int64_t event,
                    int (*fn)(void *arg, const struct mail_store_row *r), void *arg, struct err *e);
/* How many rows in each status (of event when not 0): fn(status, count). */
int mail_store_counts(struct db *db, int64_t event,
                      int (*fn)(void *arg, const char *status, int64_t n), void *arg,
                      struct err *e);

#endif
