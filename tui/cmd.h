/* cmd.h - what the command files (cmd_*.c) share: their tables, which
 * cli.c joins into one, and the helpers of tui/cmd.c for common options. */
#ifndef MUSTER_CMD_H
#define MUSTER_CMD_H

#include <stdint.h>

#include "../core/entity.h"
#include "cli.h"
#include "output.h"

/* Each table ends with an entry whose name is NULL. */
extern const struct command cmd_record_commands[];
extern const struct command cmd_import_commands[];
extern const struct command cmd_report_commands[];
extern const struct command cmd_demo_commands[];
extern const struct command cmd_staff_commands[];
extern const struct command cmd_kiosk_commands[];
extern const struct command cmd_ical_commands[];
extern const struct command cmd_signup_commands[];
extern const struct command cmd_autofill_commands[];
extern const struct command cmd_privacy_commands[];
extern const struct command cmd_print_commands[];
extern const struct command cmd_mail_commands[];
extern const struct command cmd_lead_commands[];

/* import people FILE.csv [--event ID --kind KIND] (the import dispatcher's
 * people branch). */
int cmd_import_people(struct app *a, const struct args *args, FILE *out, struct err *e);
/* import sessions FILE.ics --event ID (the import dispatcher's sessions branch). */
int cmd_import_sessions(struct app *a, const struct args *args, FILE *out, struct err *e);

/* List rows of ent (list ENTITY's table, tsv, csv or json). */
int cmd_list_rows(struct app *a, const struct entity_def *ent, const struct record_filter *f,
                  enum out_format fmt, FILE *out, struct err *e);
/* checkin --session ID --person ID (the checkin command's session branch). */
int cmd_session_checkin(struct app *a, const struct args *args, FILE *out, struct err *e);

/* Look up an entity by singular or plural name, with a did-you-mean. */
int cmd_entity(const char *name, const struct entity_def **out, struct err *e);
/* --format (default table). */
int cmd_format(const struct args *args, enum out_format *fmt, struct err *e);
/* --event ID (0 when absent). */
int cmd_event_opt(const struct args *args, int64_t *event, struct err *e);
/* --force --reason TEXT: sets a->ctx.override_reason (both or neither). */
int cmd_override(struct app *a, const struct args *args, struct err *e);
/* After a refused write: say how to override a soft rule, and make names
 * from the database in the message safe for a terminal. */
void cmd_explain(struct err *e);
/* A refused write: prefix what (unless not found or bad usage), explain;
 * returns -1. */
int cmd_refused(struct err *e, const char *what);
/* The label of row id of entity (a person's name, an event's name), made
 * safe for a terminal. */
int cmd_label(struct app *a, const char *entity, int64_t id, char *buf, size_t n, struct err *e);
/* Make names from the database in e's message safe for a terminal. */
void cmd_clean_err(struct err *e);

#endif
