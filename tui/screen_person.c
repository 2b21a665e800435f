/* screen_person.c - one person: their details, then (Tab switches) the
 * skills they hold, the windows they are available in, the shifts they
 * work, and the sessions they signed up for. a adds a skill or a window, e
 * edits the row, d removes it (a sign-up: cancels it), ^E edits the person;
 * Enter on a shift or a session opens it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/signup.h"
#include "../core/xmalloc.h"
#include "detail.h"
#include "dialog.h"

static int person_key(struct tui *t, struct table *tb, enum action a);
static int open_shift(struct tui *t, struct table *tb, const struct list_row *r);
static void preset_person(struct tui *t, struct table *tb, struct form_spec *spec);

static const enum action actions[] = {ACT_NEXT_TAB,  ACT_ADD,  ACT_EDIT,      ACT_DELETE,
                                      ACT_EDIT_THIS, ACT_OPEN, ACT_HINTS_END, ACT_SEARCH,
                                      ACT_PREV_TAB,  ACT_BACK, LIST_MOVES,    ACT_NONE};

static const struct column skill_cols[] = {
    {.title = "Skill", .width = 0, .src = "skill", .kind = CELL_TEXT},
    {.title = "Expires", .width = 12, .src = "expires", .kind = CELL_TEXT},
};
static const struct column avail_cols[] = {
    {.title = "Available", .width = 30, .src = "starts", .kind = CELL_SPAN},
    {.title = "Event", .width = 0, .src = "event", .kind = CELL_TEXT},
};
static const struct column shift_cols[] = {
    {.title = "When", .width = 22, .src = "starts", .kind = CELL_SPAN},
    {.title = "Role", .width = 0, .src = "role", .kind = CELL_TEXT},
    {.title = "Status", .width = 11, .src = "status", .kind = CELL_TEXT},
    {.title = "Event", .width = 20, .src = "event", .kind = CELL_TEXT},
};

static const struct column signup_cols[] = {
    {.title = "When", .width = 22, .src = "starts", .kind = CELL_SPAN},
    {.title = "Session", .width = 0, .src = "title", .kind = CELL_TEXT},
    {.title = "Status", .width = 11, .src = "status", .kind = CELL_TEXT},
    {.title = "Wait", .width = 4, .right = true, .src = "waitlist", .kind = CELL_INT},
    {.title = "Event", .width = 16, .src = "event", .kind = CELL_TEXT},
};

static int open_session(struct tui *t, struct table *tb, const struct list_row *r);

/* The tabs, in order. */
enum { TAB_SKILLS, TAB_AVAILABILITY, TAB_SHIFTS, TAB_SIGNUPS, TAB_COUNT };

static const struct table_def defs[TAB_COUNT] = {
    [TAB_SKILLS] = {.view = "person_skills",
                    .entity = "person_skill",
                    .cols = skill_cols,
                    .ncols = ARRAY_LEN(skill_cols),
                    .empty =
                        "No skills recorded: a adds one (first aid, an interpreter's language...).",
                    .actions = actions,
                    .key = person_key,
                    .preset = preset_person},
    [TAB_AVAILABILITY] = {.view = "person_availability",
                          .entity = "availability",
                          .cols = avail_cols,
                          .ncols = ARRAY_LEN(avail_cols),
                          .empty = "No windows: available at any time. a adds a window.",
                          .actions = actions,
                          .key = person_key,
                          .preset = preset_person},
    [TAB_SHIFTS] = {.view = "person_shifts",
                    .entity = "assignment",
                    .cols = shift_cols,
                    .ncols = ARRAY_LEN(shift_cols),
                    .empty = "No shifts (assign from a shift's screen).",
                    .actions = actions,
                    .key = person_key,
                    .open = open_shift,
                    .aux_col = "shift"},
    [TAB_SIGNUPS] = {.view = "person_signups",
                     .entity = "signup",
                     .cols = signup_cols,
                     .ncols = ARRAY_LEN(signup_cols),
                     .empty =
                         "No sign-ups (sign up from a session's screen: Sessions tab of an event).",
                     .actions = actions,
                     .key = person_key,
                     .open = open_session,
                     .aux_col = "session"},
};
static const char *const tab_names[] = {[TAB_SKILLS] = "Skills",
                                        [TAB_AVAILABILITY] = "Availability",
                                        [TAB_SHIFTS] = "Shifts",
                                        [TAB_SIGNUPS] = "Sign-ups"};
_Static_assert(ARRAY_LEN(tab_names) == ARRAY_LEN(defs), "a name for each table");

static void preset_person(struct tui *t, struct table *tb, struct form_spec *spec)
{
	struct detail *d = tb->owner;
	form_preset(spec, "person", "%" PRId64, d->id);
}

/* Name and organization; email, phone, volunteer code and birth date. */
static void load_header(struct detail *d, struct tui *t)
{
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, entity_find("person"), d->id, &r, &e) < 0) {
		snprintf(d->line[0], sizeof d->line[0], "%s", e.msg);
		return;
	}
	const char *email = record_text(&r, "email"), *phone = record_text(&r, "phone");
	const char *code = record_text(&r, "volunteer_code"), *born = record_text(&r, "birth_date");
	char org[160] = "";
	if (record_has(&r, "org")) {
		struct record o;
		if (record_get(t->ctx, entity_find("org"), record_int(&r, "org"), &o, &e) == 0) {
			snprintf(org, sizeof org, "   %s", record_text(&o, "name"));
			record_free(&o);
		}
	}
	snprintf(d->line[0], sizeof d->line[0], "%s%s%s", record_text(&r, "name"),
	         record_int(&r, "confidential") ? "  (confidential)" : "", org);
	snprintf(d->line[1], sizeof d->line[1], "%s   %s   code %s%s%s",
	         email ? email : "(no email)", phone ? phone : "(no phone)", code ? code : "-",
	         born ? "   born " : "", born ? born : "");
	record_free(&r);
}

/* A sign-up to cancel: its session and person. */
struct off {
	int64_t session, person;
};

static int cancel_yes(struct tui *t, void *arg)
{
	struct off *o = arg;
	struct err e = {0};
	if (signup_cancel(t->ctx, o->session, o->person, NULL, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	tui_info(t, "Sign-up cancelled (the first waiting moves up).");
	return R_RELOAD;
}

static int person_key(struct tui *t, struct table *tb, enum action a)
{
	struct detail *d = tb->owner;
	const struct list_row *r = list_current(&tb->list);
	switch (a) {
	case ACT_DELETE:
		if (d->tab == TAB_SIGNUPS && r) {
			struct off *o = xmalloc(sizeof *o);
			char q[600];
			o->session = r->aux;
			o->person = d->id;
			snprintf(q, sizeof q, "Cancel the sign-up for %s %s?", r->cells[1],
			         r->cells[0]);
			dialog_confirm(t, "Cancel sign-up", q, cancel_yes, o, free);
			return R_REDRAW;
		}
		if (d->tab != TAB_SHIFTS)
			return -1;
		if (!r)
			return R_NONE;
		char q[600];
		snprintf(q, sizeof q, "Take this person off %s %s?", r->cells[1], r->cells[0]);
		screen_assign_take_off(t, r->aux, d->id, q);
		return R_REDRAW;
	case ACT_EDIT_THIS:
		form_open(t, &(struct form_spec){.ent = entity_find("person"), .id = d->id});
		return R_REDRAW;
	case ACT_ADD:
		if (d->tab == TAB_SHIFTS) {
			tui_info(
			    t,
			    "Shifts are assigned from the shift: Shifts tab of an event, then s.");
			return R_REDRAW;
		}
		if (d->tab == TAB_SIGNUPS) {
			tui_info(t, "Sign-ups are made on the session: Sessions tab of an event, "
			            "Enter, Tab, then a.");
			return R_REDRAW;
		}
		return -1;
	default:
		return -1;
	}
}

static int open_shift(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_shift_open(t, r->aux);
	return R_REDRAW;
}

static int open_session(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_session_open(t, r->aux);
	return R_REDRAW;
}

static const struct detail_def person_detail = {
    .name = "person",
    .title = "Person",
    .actions = actions,
    .tables = defs,
    .tab_names = tab_names,
    .ntables = ARRAY_LEN(defs),
    .header_lines = 2,
    .load = load_header,
};

void screen_person_open(struct tui *t, int64_t person)
{
	detail_open(t, &person_detail, person);
}
