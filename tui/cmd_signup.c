/* cmd_signup.c - session sign-ups from the command line (and the ':'
 * prompt): signup, unsignup, checkin --session, and door (the screen). Each calls one core
 * operation and prints a line for a person; the people a write moved (a promotion) follow. */
#include <curses.h>
#include <inttypes.h>
#include <stdio.h>

#include "../core/signup.h"
#include "cmd.h"
#include "screen.h"
#include "text.h"

static int session_person(const struct args *args, int64_t *session, int64_t *person, struct err *e)
{
	if (args_id(args->pos[0], "SESSION", session, e) < 0 ||
	    args_id(args->pos[1], "PERSON", person, e) < 0)
		return -1;
	return 0;
}

/* "\"Supply chains\" Sat 13 Mar 09:45–11:00", safe for a terminal. */
static int session_text(struct app *a, int64_t session, char *buf, size_t n, struct err *e)
{
	char raw[512];
	if (signup_session_describe(&a->ctx, session, raw, sizeof raw, e) < 0)
		return -1;
	text_sanitize(raw, buf, n);
	return 0;
}

/* With --force: say which soft rule is overridden (the audit log keeps it). */
static void say_override(struct app *a, int64_t session, int64_t person, FILE *out)
{
	struct err soft = {0};
	const char *reason = a->ctx.override_reason;
	char why[512];
	a->ctx.override_reason = NULL;
	if (signup_check(&a->ctx, session, person, &soft) < 0 && soft.code == ERR_SOFT) {
		char msg[sizeof soft.msg * 2];
		fprintf(out, "overriding: %s (reason: %s)\n",
		        text_sanitize(soft.msg, msg, sizeof msg),
		        text_sanitize(reason, why, sizeof why));
	}
	a->ctx.override_reason = reason;
}

static int cmd_signup(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t session, person, id, cap, taken;
	char who[512], what[512], where[256];
	if (session_person(args, &session, &person, e) < 0 || cmd_override(a, args, e) < 0)
		return -1;
	if (a->ctx.override_reason)
		say_override(a, session, person, out);
	if (signup_register(&a->ctx, session, person, &id, e) < 0)
		return cmd_refused(e, "signup");
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0 ||
	    session_text(a, session, what, sizeof what, e) < 0 ||
	    signup_describe(&a->ctx, session, person, where, sizeof where, e) < 0 ||
	    signup_seats(&a->ctx, session, &cap, &taken, e) < 0)
		return -1;
	fprintf(out, "signup %" PRId64 ": %s for %s: %s", id, who, what, where);
	if (cap)
		fprintf(out, " (%" PRId64 " of %" PRId64 " seats taken)", taken, cap);
	fputc('\n', out);
	return 0;
}

static int cmd_unsignup(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t session, person, promoted;
	char who[512], what[512], next[512];
	if (session_person(args, &session, &person, e) < 0)
		return -1;
	if (signup_cancel(&a->ctx, session, person, &promoted, e) < 0)
		return cmd_refused(e, "unsignup");
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0 ||
	    session_text(a, session, what, sizeof what, e) < 0)
		return -1;
	fprintf(out, "%s's sign-up for %s is cancelled\n", who, what);
	if (promoted && cmd_label(a, "person", promoted, next, sizeof next, e) == 0)
		fprintf(out, "%s moves up from the waitlist\n", next);
	return 0;
}

int cmd_session_checkin(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const char *se = args_get(args, "session"), *p = args_get(args, "person");
	int64_t session, person, id;
	char who[512], what[512], where[256];
	if (!p || args_get(args, "event") || args_get(args, "shift"))
		return err_set(e, ERR_USAGE, "usage: muster checkin --session ID --person ID");
	if (args_id(se, "--session", &session, e) < 0 || args_id(p, "--person", &person, e) < 0)
		return -1;
	if (signup_checkin(&a->ctx, session, person, e) < 0)
		return cmd_refused(e, "checkin");
	if (cmd_label(a, "person", person, who, sizeof who, e) < 0 ||
	    session_text(a, session, what, sizeof what, e) < 0 ||
	    signup_find(&a->ctx, session, person, &id, e) < 0 ||
	    signup_describe(&a->ctx, session, person, where, sizeof where, e) < 0)
		return -1;
	fprintf(out, "%s (sign-up %" PRId64 ") for %s: %s\n", who, id, what, where);
	return 0;
}

static int cmd_door(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t event, session = 0;
	const char *se = args_get(args, "session");
	if (cmd_event_opt(args, &event, e) < 0 || (se && args_id(se, "--session", &session, e) < 0))
		return -1;
	if (!event)
		return err_set(e, ERR_USAGE, "usage: muster door --event ID [--session ID]");
	/* under the coordinator's ':' prompt curses is already up */
	if (stdscr)
		return err_set(e, ERR_USAGE,
		               "door: start it from a shell, as muster door --event ID");
	return screen_run_door(a, event, session, e);
}

const struct command cmd_signup_commands[] = {
    {
        .name = "signup",
        .usage = "SESSION PERSON [--force --reason TEXT]",
        .opts = "force reason:",
        .min_pos = 2,
        .max_pos = 2,
        .help = "sign a registered person up for a session (waitlisted beyond min(session, "
                "room) capacity); --force --reason overrides an overlapping sign-up (audited)",
        .run = cmd_signup,
        .tables = "signup",
        .act = LEAD_ADD,
    },
    {
        .name = "unsignup",
        .usage = "SESSION PERSON",
        .min_pos = 2,
        .max_pos = 2,
        .help = "cancel a sign-up; the first on the session's waitlist moves up",
        .run = cmd_unsignup,
        .tables = "signup",
        .act = LEAD_SET,
    },
    {
        .name = "door",
        .usage = "--event ID [--session ID]",
        .opts = "event: session:",
        .help = "a locked-down scan-to-check-in screen: each person code or id typed or "
                "scanned checks\n      that person in to the event (or the session) at once; "
                "F10 and the kiosk's exit\n      passphrase leave it",
        .run = cmd_door,
        .tables = "registration signup",
        .act = LEAD_SET,
    },
    {.name = NULL},
};
