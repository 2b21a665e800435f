/* mail.h - iMIP messages (RFC 6047) and mail addresses, made and read by
 * GMime. core/mail.c is the only file that includes GMime (make
 * check-layers holds it to that): the rest of muster hands it text and
 * gets a whole RFC 5322 message back.
 *
 * A message is one iTIP object for one person:
 *
 *   multipart/mixed
 *     multipart/alternative
 *       text/plain; charset=UTF-8                  the template's text
 *       text/calendar; charset=UTF-8; method=M     the object itself
 *     application/ics; name=NAME (attachment)      the same bytes again
 *
 * M equals the METHOD inside (checked here); headers are encoded by the
 * library (RFC 2047); there is one recipient, in To:. */
#ifndef MUSTER_MAIL_H
#define MUSTER_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct mail_parts {
	const char *from_name; /* may be NULL or "" */
	const char *from_addr;
	const char *to_name; /* may be NULL or "": the address alone */
	const char *to_addr;
	const char *subject;    /* one line */
	const char *body;       /* UTF-8 text, LF line ends */
	const char *calendar;   /* the iCalendar object, CRLF line ends */
	const char *method;     /* "REQUEST" or "CANCEL" */
	const char *message_id; /* without the angle brackets */
	const char *attachment; /* file name of the attached copy */
	int64_t date;           /* UTC seconds */
};

/* The whole message as text (LF line ends, as sendmail reads it), malloc'd.
 * ERR_INPUT when the calendar's METHOD is not p->method, or an address is
 * refused. */
int mail_message(const struct mail_parts *p, char **out, struct err *e);

/* Is addr one plain mailbox ("dana@example.org") that the library reads
 * back as itself? ERR_INPUT saying why not. */
int mail_address_check(const char *addr, struct err *e);

/* The mailbox of a From setting, "Name <addr>" or "addr": name and address
 * copied into the buffers. ERR_CONFIG saying why when it is not one. */
int mail_from_parse(const char *from, char *name, size_t nname, char *addr, size_t naddr,
                    struct err *e);

/* A new, unique Message-ID (without <>) in the domain of addr; malloc'd. */
char *mail_message_id(const char *addr);

#endif
