/* cmd_staff.c - staffing and attendance from the command line (and the ':'
 * prompt): assign, unassign, register, unregister, checkin, checkout, pin,
 * check. Each calls one core operation and prints one line for a person. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/check.h"
#include "../core/registration.h"
#include "../core/rules.h"
#include "../core/staffing.h"
#include "../core/tz.h"
#include "cmd.h"
#include "text.h"

static int two_ids(const struct args *args, const char *w0, const char *w1, int64_t *a, int64_t *b,
                   struct err *e)
{
	if (args_id(args->pos[0], w0, a, e) < 0 || args_id(args->pos[1], w1, b, e) < 0)
		return -1;
	return 0;
}

static int cmd_assign(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t shift, person, id;
	char who[512], what[512], raw[512];
	if (two_ids(args, "SHIFT", "PERSON", &shift, &person, e) < 0 ||
	    cmd_override(a, args, e) < 0)
		return -1;
	if (a->ctx.override_reason) {
		/* Say what is being overridden (the audit log keeps it too). */
		struct err soft = {0};
		const char *reason = a->ctx.override_reason;
		a->ctx.override_reason = NULL;
		if (staffing_check(&a->ctx, shift, person, &soft) < 0 && soft.code == ERR_SOFT) {
			char why[512];
			cmd_clean_err(&soft);
			fprintf(out, "overriding: %s (reason: %s)\n", soft.msg,
			        text_sanitize(reason, why, sizeof why));
		}
		a->ctx.override_reason = reason;
	}
	if (staffing_assign(&a->ctx, shift, person, "coordinator", &id, e) < 0)
		return cmd_refused(e, "assign");
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0 ||
	    staffing_describe(&a->ctx, shift, raw, sizeof raw, e) < 0)
		return -1;
	text_sanitize(raw, what, sizeof what);
	fprintf(out, "assignment %" PRId64 ": %s works %s\n", id, who, what);
	return 0;
}

static int cmd_unassign(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t shift, person;
	char who[512], what[512], raw[512];
	if (two_ids(args, "SHIFT", "PERSON", &shift, &person, e) < 0)
		return -1;
	if (staffing_unassign(&a->ctx, shift, person, e) < 0)
		return cmd_refused(e, "unassign");
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0 ||
	    staffing_describe(&a->ctx, shift, raw, sizeof raw, e) < 0)
		return -1;
	text_sanitize(raw, what, sizeof what);
	fprintf(out, "%s no longer works %s\n", who, what);
	return 0;
}

static int cmd_register(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t event, person, id;
	char who[512], ev[512], where[128];
	if (two_ids(args, "EVENT", "PERSON", &event, &person, e) < 0)
		return -1;
	if (registration_register(&a->ctx, event, person, args_get(args, "kind"), &id, e) < 0)
		return cmd_refused(e, "register");
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0 ||
	    cmd_label(a, "event", event, ev, sizeof ev, e) < 0 ||
	    registration_describe(&a->ctx, event, person, where, sizeof where, e) < 0)
		return -1;
	fprintf(out, "registration %" PRId64 ": %s for %s: %s\n", id, who, ev, where);
	return 0;
}

static int cmd_unregister(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t event, person, promoted;
	char who[512], ev[512], next[512];
	if (two_ids(args, "EVENT", "PERSON", &event, &person, e) < 0)
		return -1;
	if (registration_cancel(&a->ctx, event, person, &promoted, e) < 0)
		return cmd_refused(e, "unregister");
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0 ||
	    cmd_label(a, "event", event, ev, sizeof ev, e) < 0)
		return -1;
	fprintf(out, "%s's registration for %s is cancelled\n", who, ev);
	if (promoted && cmd_label(a, "person", promoted, next, sizeof next, e) == 0)
		fprintf(out, "%s moves up from the waitlist\n", next);
	return 0;
}

/* --event ID or --shift ID, and --person ID. */
static int attendance_opts(const struct args *args, const char *cmd, int64_t *event, int64_t *shift,
                           int64_t *person, struct err *e)
{
	const char *ev = args_get(args, "event"), *sh = args_get(args, "shift");
	const char *p = args_get(args, "person");
	*event = *shift = 0;
	if ((ev && sh) || (!ev && !sh) || !p)
		return err_set(e, ERR_USAGE,
		               "usage: muster %s --event ID --person ID, or --shift ID --person ID",
		               cmd);
	if ((ev && args_id(ev, "--event", event, e) < 0) ||
	    (sh && args_id(sh, "--shift", shift, e) < 0))
		return -1;
	return args_id(p, "--person", person, e);
}

/* Print the attendance times of (shift or event, person) just written. */
static int print_attendance(struct app *a, int64_t event, int64_t shift, int64_t person, bool in,
                            FILE *out, struct err *e)
{
	struct record r;
	int64_t id = 0;
	char who[512], what[512], raw[512], at[64];
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0)
		return -1;
	if (shift) {
		if (staffing_find(&a->ctx, shift, person, &id, e) < 0 ||
		    staffing_describe(&a->ctx, shift, raw, sizeof raw, e) < 0 ||
		    record_get(&a->ctx, entity_find("assignment"), id, &r, e) < 0)
			return -1;
		text_sanitize(raw, what, sizeof what);
	} else if (cmd_label(a, "event", event, what, sizeof what, e) < 0 ||
	           registration_find(&a->ctx, event, person, &id, e) < 0 ||
	           record_get(&a->ctx, entity_find("registration"), id, &r, e) < 0) {
		return -1;
	}
	int64_t t_in = record_int(&r, "checked_in_at"), t_out = record_int(&r, "checked_out_at");
	tz_format_human(r.tz, in ? t_in : t_out, a->cfg.time_12h, at, sizeof at);
	if (in) {
		fprintf(out, "%s checked in to %s at %s\n", who, what, at);
	} else {
		char worked[64];
		rules_duration(t_out - t_in, worked, sizeof worked);
		fprintf(out, "%s checked out of %s at %s, after %s\n", who, what, at, worked);
	}
	record_free(&r);
	return 0;
}

static int attendance(struct app *a, const struct args *args, FILE *out, bool in, struct err *e)
{
	int64_t event, shift, person;
	const char *cmd = in ? "checkin" : "checkout";
	if (attendance_opts(args, cmd, &event, &shift, &person, e) < 0)
		return -1;
	int ret;
	if (shift)
		ret = in ? staffing_checkin(&a->ctx, shift, person, e)
		         : staffing_checkout(&a->ctx, shift, person, e);
	else
		ret = in ? registration_checkin(&a->ctx, event, person, e)
		         : registration_checkout(&a->ctx, event, person, e);
	if (ret < 0)
		return cmd_refused(e, cmd);
	return print_attendance(a, event, shift, person, in, out, e);
}

static int cmd_checkin(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	if (args_get(args, "session"))
		return cmd_session_checkin(a, args, out, e);
	return attendance(a, args, out, true, e);
}

static int cmd_checkout(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	return attendance(a, args, out, false, e);
}

static int cmd_pin(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t person;
	char pin[PERSON_PIN_LEN + 1], who[512];
	struct record r;
	if (args_id(args->pos[0], "PERSON", &person, e) < 0)
		return -1;
	if (person_set_pin(&a->ctx, person, pin, sizeof pin, e) < 0)
		return cmd_refused(e, "pin");
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0 ||
	    record_get(&a->ctx, entity_find("person"), person, &r, e) < 0)
		return -1;
	fprintf(out, "new kiosk PIN for %s (volunteer code %s), shown only this once:\n%s\n", who,
	        record_text(&r, "volunteer_code"), pin);
	record_free(&r);
	return 0;
}

struct check_out {
	FILE *out;
	int hard, soft;
};

static int check_line(void *arg, const char *kind, const char *message)
{
	struct check_out *c = arg;
	char clean[2048];
	fprintf(c->out, "%s: %s\n", kind, text_sanitize(message, clean, sizeof clean));
	if (check_kind_hard(kind))
		c->hard++;
	else
		c->soft++;
	return 0;
}

static int cmd_check(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t event;
	struct check_out c = {out, 0, 0};
	if (cmd_event_opt(args, &event, e) < 0)
		return -1;
	if (event) {
		char name[512];
		if (cmd_label(a, "event", event, name, sizeof name, e) < 0)
			return -1;
	}
	if (check_run(&a->ctx, event, check_line, &c, e) < 0)
		return -1;
	if (c.hard + c.soft == 0)
		return 0;
	return err_set(e, ERR_REFUSED, "check: %d violation%s (%d hard, %d soft)", c.hard + c.soft,
	               c.hard + c.soft == 1 ? "" : "s", c.hard, c.soft);
}

const struct command cmd_staff_commands[] = {
    {
        .name = "assign",
        .usage = "SHIFT PERSON [--force --reason TEXT]",
        .opts = "force reason:",
        .min_pos = 2,
        .max_pos = 2,
        .help = "put a person on a shift under the rules; --force --reason overrides soft rules "
                "(audited)",
        .run = cmd_assign,
        .tables = "assignment",
        .act = LEAD_ADD,
    },
    {
        .name = "unassign",
        .usage = "SHIFT PERSON",
        .min_pos = 2,
        .max_pos = 2,
        .help = "take a person off a shift (kept as dropped)",
        .run = cmd_unassign,
        .tables = "assignment",
        .act = LEAD_SET,
    },
    {
        .name = "register",
        .usage = "EVENT PERSON [--kind KIND]",
        .opts = "kind:",
        .min_pos = 2,
        .max_pos = 2,
        .help = "register a person for an event (attendees beyond capacity are waitlisted)",
        .run = cmd_register,
        .tables = "registration",
        .act = LEAD_ADD,
    },
    {
        .name = "unregister",
        .usage = "EVENT PERSON",
        .min_pos = 2,
        .max_pos = 2,
        .help = "cancel a registration; the first on the waitlist moves up",
        .run = cmd_unregister,
        .tables = "registration",
        .act = LEAD_SET,
    },
    {
        .name = "checkin",
        .usage = "--event ID --person ID | --shift ID --person ID | --session ID --person ID",
        .opts = "event: shift: session: person:",
        .help = "check a person in to an event, a shift or a session they signed up for, now",
        .run = cmd_checkin,
        .tables = "registration assignment signup",
        .act = LEAD_SET,
    },
    {
        .name = "checkout",
        .usage = "--event ID --person ID | --shift ID --person ID",
        .opts = "event: shift: person:",
        .help = "check a person out of an event or a shift, now (records the time worked)",
        .run = cmd_checkout,
        .tables = "registration assignment",
        .act = LEAD_SET,
    },
    {
        .name = "pin",
        .usage = "PERSON",
        .min_pos = 1,
        .max_pos = 1,
        .help = "set a new random 6-digit kiosk PIN and print it, once",
        .run = cmd_pin,
        .tables = "person",
        .act = LEAD_SET,
    },
    {
        .name = "check",
        .usage = "[--event ID]",
        .opts = "event:",
        .help = "list every rule violation in the data, one per line; exit 1 if any",
        .run = cmd_check,
        .tables = "event",
        .act = LEAD_READ,
    },
    {.name = NULL},
};
