/* tab_people.c - people and registrations of the event: who is registered,
 * as what, who waits (w shows the waitlist in order), who has checked in.
 * a registers someone (chosen from the directory, or new: n in the list
 * makes the person there), and the cursor goes to them; d cancels a
 * registration (the first waiting moves up), i checks in, p prints the
 * sign-in sheet or the volunteers' badges. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/registration.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "event.h"
#include "picker.h"
#include "print_prompt.h"

static const struct column cols[] = {
    {.title = "Name", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "As", .width = 10, .src = "kind", .kind = CELL_TEXT},
    {.title = "Status", .width = 11, .src = "status", .kind = CELL_TEXT},
    {.title = "Wait", .width = 4, .right = true, .src = "waitlist", .kind = CELL_INT},
    {.title = "Checked in", .width = 18, .src = "checked_in_at", .kind = CELL_TIME},
};

static int people_key(struct tui *t, struct table *tb, enum action a);
static int people_open(struct tui *t, struct table *tb, const struct list_row *r);

static const enum action actions[] = {ACT_ADD,   ACT_UNREGISTER, ACT_CHECKIN,   ACT_WAITLIST,
                                      ACT_PRINT, ACT_EDIT,       ACT_HINTS_END, ACT_SEARCH,
                                      ACT_OPEN,  LIST_MOVES,     ACT_NONE};

static const struct table_def all_def = {
    .view = "registrations",
    .entity = "registration",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "Nobody is registered yet: press a to register someone.",
    .actions = actions,
    .key = people_key,
    .open = people_open,
};

static const struct table_def wait_def = {
    .view = "waitlist",
    .entity = "registration",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "Nobody is waiting (w shows everyone).",
    .actions = actions,
    .key = people_key,
    .open = people_open,
};

const struct tab tab_people = {
    .name = "People",
    .table = &all_def,
};

/* Registering: a person (or a new one, n in the picker), then what as. */
struct reg {
	int64_t event, person;
	struct table *tb; /* the tab: its cursor goes to the new registration */
};

/* The cursor on person's registration (the list is by name, then person). */
static void cursor_to(struct tui *t, struct table *tb, int64_t person)
{
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, entity_find("person"), person, &r, &e) < 0)
		return;
	if (tb->def != &all_def)
		table_switch(tb, t, &all_def);
	if (tb->list.search[0])
		list_set_search(&tb->list, "", &e);
	struct db_value key = db_text(record_text(&r, "name"));
	if (list_goto(&tb->list, &key, person, &e) < 0)
		tui_error(t, &e);
	record_free(&r);
}

static int kind_chosen(struct tui *t, void *arg, int64_t id, const char *label)
{
	struct reg *g = arg; /* freed by the picker */
	struct err e = {0};
	int64_t registration;
	int rc = registration_register(t->ctx, g->event, g->person, label, &registration, &e);
	if (rc < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	cursor_to(t, g->tb, g->person);
	char check[32];
	keymap_label(&t->keys, ACT_CHECKIN, check, sizeof check, true);
	tui_info(t, "Registered as %s (%s checks them in).", label, check);
	return R_RELOAD;
}

static int person_chosen(struct tui *t, void *arg, int64_t id, const char *label)
{
	const struct reg *chosen = arg;
	struct reg *g = xmalloc(sizeof *g);
	g->event = chosen->event;
	g->person = id;
	g->tb = chosen->tb;
	int i = entity_field_index(entity_find("registration"), "kind");
	picker_values(t, "Register as", entity_find("registration")->fields[i].values, kind_chosen,
	              g, free);
	return R_REDRAW;
}

static int unregister_yes(struct tui *t, void *arg)
{
	struct reg *g = arg;
	struct err e = {0};
	if (registration_unregister(t->ctx, g->event, g->person, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	tui_info(t, "Registration cancelled.");
	return R_RELOAD;
}

static int people_key(struct tui *t, struct table *tb, enum action a)
{
	const struct list_row *r = list_current(&tb->list);
	struct err e = {0};
	switch (a) {
	case ACT_ADD: {
		struct reg *g = xcalloc(1, sizeof *g);
		g->event = tb->event;
		g->tb = tb;
		picker_entity(t, "person", tb->event, person_chosen, g, free);
		return R_REDRAW;
	}
	case ACT_UNREGISTER: {
		if (!r)
			return R_NONE;
		struct reg *g = xcalloc(1, sizeof *g);
		g->event = tb->event;
		g->person = r->aux;
		char q[600];
		snprintf(q, sizeof q,
		         "Cancel the registration of %s? The first person waiting "
		         "moves up.",
		         r->cells[0]);
		dialog_confirm(t, "Cancel registration", q, unregister_yes, g, free);
		return R_REDRAW;
	}
	case ACT_CHECKIN:
		if (!r)
			return R_NONE;
		if (registration_checkin(t->ctx, tb->event, r->aux, &e) < 0) {
			table_fail(t, &e);
			return R_REDRAW;
		}
		tui_info(t, "Checked in: %s.", r->cells[0]);
		return R_RELOAD;
	case ACT_PRINT:
		print_prompt_people(t, tb->event);
		return R_REDRAW;
	case ACT_WAITLIST: {
		bool wait = tb->def == &all_def;
		table_switch(tb, t, wait ? &wait_def : &all_def);
		tui_info(t, wait ? "The waitlist, first in line at the top (w: everyone)."
		                 : "Everyone registered (w: the waitlist).");
		return R_REDRAW;
	}
	default:
		return -1;
	}
}

/* Enter: the person, with their skills, availability and shifts. */
static int people_open(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_person_open(t, r->aux);
	return R_REDRAW;
}
