/* screen_session.c - one session: when, where, what and how full, then
 * (Tab switches) the people on it (speakers, moderators, panelists, hosts:
 * a adds one, e changes their role, d takes them off) or its sign-ups, the
 * seated then the waitlist in order (a signs someone up, d cancels a
 * sign-up and the first waiting moves up, i checks in; someone not yet
 * registered, or new from the list, is registered as an attendee first).
 * Enter opens the person, ^E edits the session. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/registration.h"
#include "../core/signup.h"
#include "../core/xmalloc.h"
#include "detail.h"
#include "dialog.h"
#include "picker.h"
#include "source.h"

static int session_key(struct tui *t, struct table *tb, enum action a);
static int open_person(struct tui *t, struct table *tb, const struct list_row *r);
static void preset_session(struct tui *t, struct table *tb, struct form_spec *spec);

static const enum action actions[] = {ACT_NEXT_TAB,  ACT_ADD,  ACT_EDIT,      ACT_DELETE,
                                      ACT_EDIT_THIS, ACT_OPEN, ACT_HINTS_END, ACT_SEARCH,
                                      ACT_PREV_TAB,  ACT_BACK, LIST_MOVES,    ACT_NONE};
static const enum action signup_actions[] = {ACT_NEXT_TAB, ACT_ADD,       ACT_DELETE, ACT_CHECKIN,
                                             ACT_OPEN,     ACT_HINTS_END, ACT_EDIT,   ACT_SEARCH,
                                             ACT_PREV_TAB, ACT_BACK,      LIST_MOVES, ACT_NONE};

static const struct column cols[] = {
    {.title = "Person", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "As", .width = 12, .src = "role", .kind = CELL_TEXT},
};
static const struct column signup_cols[] = {
    {.title = "Person", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "Status", .width = 11, .src = "status", .kind = CELL_TEXT},
    {.title = "Wait", .width = 4, .right = true, .src = "waitlist", .kind = CELL_INT},
    {.title = "Checked in", .width = 18, .src = "checked_in_at", .kind = CELL_TIME},
};

/* The tabs, in order. */
enum { TAB_SPEAKERS, TAB_SIGNUPS, TAB_COUNT };

static const struct table_def defs[TAB_COUNT] = {
    [TAB_SPEAKERS] =
        {
            .view = "speakers",
            .entity = "speaker",
            .cols = cols,
            .ncols = ARRAY_LEN(cols),
            .empty = "Nobody on this session yet: a adds a speaker, moderator, panelist or host.",
            .actions = actions,
            .key = session_key,
            .open = open_person,
            .preset = preset_session,
        },
    [TAB_SIGNUPS] =
        {
            .view = "signups",
            .entity = "signup",
            .cols = signup_cols,
            .ncols = ARRAY_LEN(signup_cols),
            .empty = "Nobody has signed up yet: a signs a registered person up.",
            .actions = signup_actions,
            .key = session_key,
            .open = open_person,
            .preset = preset_session,
        },
};
static const char *const tab_names[] = {[TAB_SPEAKERS] = "Speakers", [TAB_SIGNUPS] = "Sign-ups"};
_Static_assert(ARRAY_LEN(tab_names) == ARRAY_LEN(defs), "a name for each table");

static void preset_session(struct tui *t, struct table *tb, struct form_spec *spec)
{
	struct detail *d = tb->owner;
	form_preset(spec, "session", "%" PRId64, d->id);
}

/* Title, time and room; then kind, status and the description. */
static void load_header(struct detail *d, struct tui *t)
{
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, entity_find("session"), d->id, &r, &e) < 0) {
		snprintf(d->line[0], sizeof d->line[0], "%s", e.msg);
		return;
	}
	d->event = record_int(&r, "event");
	char span[96], room[160] = "no room";
	source_span(t, r.tz, record_int(&r, "starts"), record_int(&r, "ends"), span, sizeof span);
	if (record_has(&r, "room")) {
		struct record rm;
		if (record_get(t->ctx, entity_find("room"), record_int(&r, "room"), &rm, &e) == 0) {
			snprintf(room, sizeof room, "%s", record_text(&rm, "name"));
			record_free(&rm);
		}
	}
	const char *desc = record_text(&r, "description");
	char fill[96] = "";
	int64_t cap, taken;
	if (signup_seats(t->ctx, d->id, &cap, &taken, &e) == 0)
		snprintf(fill, sizeof fill,
		         cap ? "   %" PRId64 "/%" PRId64 " seats taken"
		             : "   %" PRId64 " signed up",
		         taken, cap);
	snprintf(d->line[0], sizeof d->line[0], "%s   %s   %s%s", record_text(&r, "title"), span,
	         room, fill);
	snprintf(d->line[1], sizeof d->line[1], "%s, %s%s%s", record_text(&r, "kind"),
	         record_text(&r, "status"), desc ? ": " : "", desc ? desc : "");
	record_free(&r);
}

/* A sign-up on its way: the person, and the session's screen. */
struct pending {
	struct detail *d;
	int64_t person;
	char name[160];
};

static int override_done(struct tui *t, void *arg, const char *text);

/* Sign up for real: the core decides, and a soft no (an overlapping
 * sign-up) asks for the reason of an override. */
static int sign_up(struct tui *t, struct detail *d, int64_t person, const char *name,
                   const char *reason)
{
	struct err e = {0};
	char where[128];
	t->ctx->override_reason = reason;
	int rc = signup_register(t->ctx, d->id, person, NULL, &e);
	t->ctx->override_reason = NULL;
	if (rc < 0 && e.code == ERR_SOFT && !reason) {
		struct pending *p = xmalloc(sizeof *p);
		char q[1400];
		p->d = d;
		p->person = person;
		snprintf(p->name, sizeof p->name, "%s", name);
		snprintf(
		    q, sizeof q,
		    "%s\n\nSign up anyway? Type the reason (it goes to the audit log), or Esc.",
		    e.msg);
		dialog_prompt(t, "Override a soft rule", q, "Reason: ", "", override_done, p, free);
		return R_REDRAW;
	}
	if (rc < 0 || signup_describe(t->ctx, d->id, person, where, sizeof where, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW | R_RELOAD;
	}
	tui_info(t, "%s: %s.", name, where);
	return R_RELOAD | R_REDRAW;
}

static int override_done(struct tui *t, void *arg, const char *text)
{
	struct pending *p = arg;
	if (!text[0]) {
		tui_info(t, "Not signed up: an override needs a reason.");
		return R_REDRAW;
	}
	return sign_up(t, p->d, p->person, p->name, text);
}

/* A sign-up needs a registration: someone chosen with none at all (a new
 * person made from the list, n) is registered as an attendee first. */
static int person_chosen(struct tui *t, void *arg, int64_t id, const char *label)
{
	struct detail *d = arg;
	struct err e = {0};
	int64_t registration = 0;
	if (registration_find(t->ctx, d->event, id, &registration, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	bool registering = !registration;
	if (registering &&
	    registration_register(t->ctx, d->event, id, "attendee", &registration, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW | R_RELOAD;
	}
	int r = sign_up(t, d, id, label, NULL);
	if (registering && !t->status_error) {
		char said[sizeof t->status];
		snprintf(said, sizeof said, "%s", t->status);
		tui_info(t, "Registered for the event as an attendee. %s", said);
	}
	return r | R_RELOAD;
}

static int cancel_yes(struct tui *t, void *arg)
{
	struct pending *p = arg;
	struct err e = {0};
	int64_t promoted;
	if (signup_cancel(t->ctx, p->d->id, p->person, &promoted, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	struct record r;
	if (promoted && record_get(t->ctx, entity_find("person"), promoted, &r, &e) == 0) {
		tui_info(t, "Sign-up cancelled; %s moves up from the waitlist.",
		         record_int(&r, "confidential") ? "a confidential person"
		                                        : record_text(&r, "name"));
		record_free(&r);
	} else {
		tui_info(t, "Sign-up cancelled.");
	}
	return R_RELOAD;
}

static int signup_key(struct tui *t, struct detail *d, const struct list_row *r, enum action a)
{
	struct err e = {0};
	switch (a) {
	case ACT_ADD:
		picker_entity(t, "person", d->event, person_chosen, d, NULL);
		return R_REDRAW;
	case ACT_DELETE: {
		if (!r)
			return R_NONE;
		struct pending *p = xcalloc(1, sizeof *p);
		char q[600];
		p->d = d;
		p->person = r->aux;
		snprintf(q, sizeof q,
		         "Cancel the sign-up of %s? The first person waiting moves up.",
		         r->cells[0]);
		dialog_confirm(t, "Cancel sign-up", q, cancel_yes, p, free);
		return R_REDRAW;
	}
	case ACT_CHECKIN:
		if (!r)
			return R_NONE;
		if (signup_checkin(t->ctx, d->id, r->aux, &e) < 0) {
			table_fail(t, &e);
			return R_REDRAW;
		}
		tui_info(t, "Checked in: %s.", r->cells[0]);
		return R_RELOAD;
	default:
		return -1;
	}
}

static int session_key(struct tui *t, struct table *tb, enum action a)
{
	struct detail *d = tb->owner;
	if (a == ACT_EDIT_THIS) {
		form_open(t, &(struct form_spec){
		                 .ent = entity_find("session"), .id = d->id, .event = d->event});
		return R_REDRAW;
	}
	return d->tab == TAB_SIGNUPS ? signup_key(t, d, list_current(&tb->list), a) : -1;
}

static int open_person(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_person_open(t, r->aux);
	return R_REDRAW;
}

static const struct detail_def session_detail = {
    .name = "session",
    .title = "Session",
    .actions = actions,
    .tables = defs,
    .tab_names = tab_names,
    .ntables = ARRAY_LEN(defs),
    .header_lines = 2,
    .load = load_header,
};

void screen_session_open(struct tui *t, int64_t session)
{
	detail_open(t, &session_detail, session);
}
