/* screen_person.c - one person: their details, then (Tab switches) the
 * skills they hold, the windows they are available in, and the shifts they
 * work. a adds a skill or a window, e edits the row, d removes it, ^E edits
 * the person; Enter on a shift opens it. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "dialog.h"
#include "event.h"
#include "ops.h"
#include "ui.h"

#define HEADER_H 3

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

static const struct table_def defs[] = {
    {.view = "person_skills",
     .entity = "person_skill",
     .cols = skill_cols,
     .ncols = ARRAY_LEN(skill_cols),
     .empty = "No skills recorded: a adds one (first aid, an interpreter's language...).",
     .actions = actions,
     .key = person_key,
     .preset = preset_person},
    {.view = "person_availability",
     .entity = "availability",
     .cols = avail_cols,
     .ncols = ARRAY_LEN(avail_cols),
     .empty = "No windows: available at any time. a adds a window.",
     .actions = actions,
     .key = person_key,
     .preset = preset_person},
    {.view = "person_shifts",
     .entity = "assignment",
     .cols = shift_cols,
     .ncols = ARRAY_LEN(shift_cols),
     .empty = "No shifts (assign from a shift's screen).",
     .actions = actions,
     .key = person_key,
     .open = open_shift,
     .aux_col = "shift"},
};
static const char *const mode_names[] = {"Skills", "Availability", "Shifts"};
#define NMODES 3

struct person_view {
	int64_t id;
	char line1[512], line2[512];
	int mode;
	struct table tb;
};

static void preset_person(struct tui *t, struct table *tb, struct form_spec *spec)
{
	struct person_view *p = tb->owner;
	form_preset(spec, "person", "%" PRId64, p->id);
}

static void load_header(struct person_view *p, struct tui *t)
{
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, entity_find("person"), p->id, &r, &e) < 0) {
		snprintf(p->line1, sizeof p->line1, "%s", e.msg);
		p->line2[0] = '\0';
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
	snprintf(p->line1, sizeof p->line1, "%s%s%s", record_text(&r, "name"),
	         record_int(&r, "confidential") ? "  (confidential)" : "", org);
	snprintf(p->line2, sizeof p->line2, "%s   %s   code %s%s%s", email ? email : "(no email)",
	         phone ? phone : "(no phone)", code ? code : "-", born ? "   born " : "",
	         born ? born : "");
	record_free(&r);
}

static void set_mode(struct person_view *p, struct tui *t, int mode)
{
	p->mode = mode;
	table_switch(&p->tb, t, &defs[mode]);
	tui_info(t, "%s of this person (Tab: %s).", mode_names[mode],
	         mode_names[(mode + 1) % NMODES]);
}

struct off {
	int64_t shift, person;
};

static int unassign_yes(struct tui *t, void *arg)
{
	struct off *o = arg;
	struct err e = {0};
	if (ops_unassign(t->ctx, o->shift, o->person, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	tui_info(t, "Taken off the shift.");
	return R_RELOAD;
}

static int person_key(struct tui *t, struct table *tb, enum action a)
{
	struct person_view *p = tb->owner;
	const struct list_row *r = list_current(&tb->list);
	switch (a) {
	case ACT_DELETE:
		if (p->mode != 2)
			return -1;
		if (!r)
			return R_NONE;
		struct off *o = xmalloc(sizeof *o);
		o->shift = r->aux;
		o->person = p->id;
		char q[600];
		snprintf(q, sizeof q, "Take this person off %s %s?", r->cells[1], r->cells[0]);
		dialog_confirm(t, "Unassign", q, unassign_yes, o, free);
		return R_REDRAW;
	case ACT_NEXT_TAB:
		set_mode(p, t, (p->mode + 1) % NMODES);
		return R_REDRAW;
	case ACT_PREV_TAB:
		set_mode(p, t, (p->mode + NMODES - 1) % NMODES);
		return R_REDRAW;
	case ACT_EDIT_THIS:
		form_open(t, &(struct form_spec){.ent = entity_find("person"), .id = p->id});
		return R_REDRAW;
	case ACT_ADD:
		if (p->mode == 2) {
			tui_info(
			    t,
			    "Shifts are assigned from the shift: Shifts tab of an event, then s.");
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

static void pv_layout(struct view *v, struct tui *t)
{
	struct person_view *p = v->st;
	table_resize(&p->tb, t, t->body_h - HEADER_H);
}

static void pv_draw(struct view *v, struct tui *t)
{
	struct person_view *p = v->st;
	int y = t->body_y;
	attr_t normal = theme_attr(&t->theme, UI_NORMAL);
	ui_fill(stdscr, y, 0, 1, normal);
	ui_text(stdscr, y, 1, COLS - 1, p->line1, normal | A_BOLD);
	ui_fill(stdscr, y + 1, 0, 1, normal);
	ui_text(stdscr, y + 1, 1, COLS - 1, p->line2, normal);
	/* the three lists as tabs */
	int x = 0;
	ui_fill(stdscr, y + 2, 0, COLS, theme_attr(&t->theme, UI_TAB));
	for (int i = 0; i < NMODES; i++) {
		char label[40];
		snprintf(label, sizeof label, " %s ", mode_names[i]);
		x += ui_text_tight(stdscr, y + 2, x, COLS - x, label,
		                   theme_attr(&t->theme, i == p->mode ? UI_TAB_ACTIVE : UI_TAB));
	}
	table_draw(&p->tb, t, stdscr, y + HEADER_H, 0, t->body_h - HEADER_H, COLS);
}

static int pv_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct person_view *p = v->st;
	int r = table_key(&p->tb, t, a);
	if (r >= 0)
		return r;
	return a == ACT_BACK ? R_POP : -1;
}

static void pv_reload(struct view *v, struct tui *t)
{
	struct person_view *p = v->st;
	load_header(p, t);
	table_reload(&p->tb, t);
}

static void pv_leave(struct view *v, struct tui *t)
{
	struct person_view *p = v->st;
	table_free(&p->tb);
	free(p);
}

static const struct screen person_screen = {
    .name = "person",
    .actions = actions,
    .draw = pv_draw,
    .key = pv_key,
    .reload = pv_reload,
    .layout = pv_layout,
    .leave = pv_leave,
};

void screen_person_open(struct tui *t, int64_t person)
{
	struct person_view *p = xcalloc(1, sizeof *p);
	p->id = person;
	load_header(p, t);
	table_init(&p->tb, t, &defs[0], person, 0);
	p->tb.owner = p;
	char title[64];
	snprintf(title, sizeof title, "Person %" PRId64, person);
	tui_push(t, &person_screen, p, title);
}
