/* mail_send.h - delivering the outbox through the host's MTA: the command
 * of [mail] sendmail (default "/usr/sbin/sendmail -t -oi", which msmtp,
 * exim and postfix all provide) reads one whole message on its standard
 * input and finds its one recipient in To:.
 *
 * At most once. One handoff (mail_handoff) is: claim the message in its
 * own transaction (status sending, one attempt more, the claiming process
 * noted), run the MTA with the message on its input, then record what the
 * MTA said: sent (and, in the same transaction, what the person now holds,
 * core/itip.h), back in the queue with a wait (5, 10, 20 ... minutes), or
 * failed with the MTA's words after [mail] max_attempts. A message is
 * handed to the MTA only after its claim is committed, and a claimed
 * message is never claimed again: if the handoff dies between the two
 * (killed, power lost), mail_recover finds it still sending with its
 * process gone and marks it unknown (it most likely reached the MTA: the
 * MTA runs in a session of its own, with the whole message already on its
 * input); it is listed by mail status and never sent again by itself.
 * mail send runs each handoff as a process of its own, so killing mail
 * send loses and repeats nothing: the handoff under way finishes and
 * records, the messages after it stay queued. */
#ifndef MUSTER_MAIL_SEND_H
#define MUSTER_MAIL_SEND_H

#include <stddef.h>
#include <stdint.h>

#include "../db/mail_store.h"
#include "ctx.h"

enum mail_outcome {
	MAIL_SENT,        /* the MTA took it */
	MAIL_DEFERRED,    /* the MTA refused; queued again for a later attempt */
	MAIL_FAILED,      /* refused on the last attempt: failed */
	MAIL_NOT_CLAIMED, /* not queued and due (another run has it, or it left) */
};

struct mail_handoff_result {
	enum mail_outcome outcome;
	int64_t person;
	int64_t retry_at;
	char words[1024]; /* what the MTA said, one line (DEFERRED, FAILED) */
};

/* Can the sendmail command be run (its program found and executable)?
 * ERR_CONFIG naming [mail] sendmail when not. */
int mail_sendmail_check(const struct config *cfg, struct err *e);
/* Messages left sending by a handoff that is gone: marked unknown; *n
 * (may be NULL) gets how many. */
int mail_recover(struct ctx *c, size_t *n, struct err *e);
/* The ids of queued messages due now, oldest first; limit 0: all. */
int mail_due(struct ctx *c, size_t limit, int64_t **ids, size_t *n, struct err *e);
/* Hand message id to the MTA (see above). A sendmail command that cannot
 * be run leaves the message queued, its attempt not counted, and is
 * ERR_CONFIG; a database error after the MTA took it leaves it sending
 * (unknown at the next mail_recover). */
int mail_handoff(struct ctx *c, int64_t id, struct mail_handoff_result *r, struct err *e);
/* The wait before attempt n + 1 after n failed: 5 minutes, doubling, at
 * most a day. */
int64_t mail_retry_delay(int64_t attempts);

/* The outbox for mail status and the screen: rows (status NULL: every
 * status but superseded; event 0: all) and counts by status. */
int mail_status_each(struct ctx *c, const char *status, int64_t event,
                     int (*fn)(void *arg, const struct mail_store_row *r), void *arg,
                     struct err *e);
int mail_status_counts(struct ctx *c, int64_t event,
                       int (*fn)(void *arg, const char *status, int64_t n), void *arg,
                       struct err *e);
int mail_status_get(struct ctx *c, int64_t id, struct mail_store_row *out, struct err *e);

#endif
