/* mail_outbox.h - what mail invite, mail updates and mail reminders queue:
 * one message per person and iCalendar UID (RFC 5546 gives an iTIP object
 * one UID; RFC 6047 carries one object per message), each built whole when
 * it is queued (core/mail.c) and kept in the outbox until mail send hands
 * it to the MTA (core/mail_send.h).
 *
 * What a person holds in an event: the event itself (a standing
 * registration: registered or checked in), their shifts (active
 * assignments), the sessions they speak at and those they have a seat at
 * (a seated sign-up; the waitlist is not sent the session), all with a
 * standing registration. What was last said to them about each UID is
 * the newest of the outbox (a message not superseded) and itip_sent
 * (core/itip.h).
 *
 *  - invite: a REQUEST for everything a person holds that nothing was ever
 *    said to them about (the event first, then shifts and talks by start);
 *  - updates: for everything held or ever said about, to people who were
 *    said something about the event or the item: a REQUEST when it is held
 *    and new to them or changed since (its stored sequence moved: time,
 *    place or status), a CANCEL when it was requested and is no longer
 *    held (assignment dropped, speaker removed, sign-up or registration
 *    cancelled) or is cancelled (itself, or its event);
 *  - reminders: a REQUEST (its current SEQUENCE: unchanged, nothing moves
 *    in the calendar) with the reminder text, once per person and shift,
 *    for active assignments starting within [mail] remind_hours.
 *
 * Each decision is made, and its message queued, in one transaction (a
 * batch of them at a time, so other writers never wait for a whole run) on
 * what is committed: running one twice, or two at once, queues nothing
 * new. A message still queued about the same UID is
 * superseded by the newer one. Every message names only its reader and
 * the organizer. People without an email are skipped and counted; an
 * address the mail library refuses is reported by person, and the others
 * are queued. Templates and the From address are checked before anything
 * is queued. */
#ifndef MUSTER_MAIL_OUTBOX_H
#define MUSTER_MAIL_OUTBOX_H

#include <stddef.h>
#include <stdint.h>

#include "ctx.h"
#include "mail_template.h"

struct mail_summary {
	size_t queued;               /* messages queued */
	size_t by_kind[MAIL_NKINDS]; /* of them, by kind */
	size_t people;               /* people who have something queued */
	size_t no_email;             /* people skipped: no email */
	size_t refused;              /* people skipped: address refused */
	size_t withdrawn; /* queued messages withdrawn: the REQUEST never left, so no CANCEL */
};

/* Told of each person whose address is refused (why: the library's
 * reason), once per run. */
typedef void (*mail_refused_fn)(void *arg, int64_t person, const char *name, const char *why);

/* kind: only people registered as that kind (NULL: all). */
int mail_invite(struct ctx *c, int64_t event, const char *kind, mail_refused_fn refused, void *arg,
                struct mail_summary *s, struct err *e);
int mail_updates(struct ctx *c, int64_t event, mail_refused_fn refused, void *arg,
                 struct mail_summary *s, struct err *e);
int mail_reminders(struct ctx *c, mail_refused_fn refused, void *arg, struct mail_summary *s,
                   struct err *e);

#endif
