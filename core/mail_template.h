/* mail_template.h - the text of each kind of message: built in, or a file
 * named in [mail] (invite_template, update_template, cancel_template,
 * reminder_template) that the organizer writes:
 *
 *   Subject: Invitation: {item}
 *
 *   Hello {name},
 *   ...
 *
 * The first line is the subject, then an empty line, then the body.
 * Placeholders are a name in braces (the table in mail_template.c, listed
 * by mail_template_help); "{{" and "}}" are literal braces. A file is read
 * and checked whole before anything is queued: a missing file, an unknown
 * placeholder or an unclosed brace is ERR_CONFIG naming FILE:LINE. */
#ifndef MUSTER_MAIL_TEMPLATE_H
#define MUSTER_MAIL_TEMPLATE_H

#include <stdio.h>

#include "config.h"
#include "err.h"

enum mail_kind { MAIL_INVITE, MAIL_UPDATE, MAIL_CANCEL, MAIL_REMINDER, MAIL_NKINDS };

/* "invite", "update", "cancel", "reminder" (the outbox's kind). */
const char *mail_kind_name(enum mail_kind k);

struct mail_template {
	char *subject;
	char *body;
	char source[4200]; /* the file, or "built-in invite template" */
};

/* What the placeholders stand for in one message. */
struct mail_fields {
	const char *name;      /* the person the message is for */
	const char *event;     /* the event's name */
	const char *item;      /* what it is about: "Forum", "Greeter shift at Forum" */
	const char *when;      /* its time in the event's zone */
	const char *where;     /* its place, "" when none */
	const char *organizer; /* [export] organizer_name, else organizer_email */
};

/* The template of kind k from cfg (its file, or the built-in text),
 * checked. */
int mail_template_load(const struct config *cfg, enum mail_kind k, struct mail_template *t,
                       struct err *e);
void mail_template_free(struct mail_template *t);
/* text (a checked subject or body) with its placeholders filled; malloc'd.
 * one_line: line breaks and tabs become spaces (a subject). */
char *mail_template_fill(const char *text, const struct mail_fields *f, bool one_line);
/* One line per placeholder, for --help. */
void mail_template_help(FILE *out);

#endif
