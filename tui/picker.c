/* picker.c - the choosing overlay: a list widget over a view (paged by
 * keyset, searchable with /) or over a field's fixed values. */
#include "picker.h"

#include <stdlib.h>
#include <string.h>

#include "../core/entity.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "list.h"
#include "source.h"
#include "ui.h"

#define COL(t, w, s, k)                                                                            \
	{                                                                                          \
		t, w, false, false, s, k                                                           \
	}

static const struct column pick_events[] = {COL("Event", 0, "name", CELL_TEXT),
                                            COL("Starts", 18, "starts", CELL_TIME)};
static const struct column pick_orgs[] = {COL("Organization", 0, "name", CELL_TEXT),
                                          COL("Sector", 15, "sector", CELL_TEXT)};
static const struct column pick_people[] = {COL("Name", 0, "name", CELL_CONF),
                                            COL("Email", 22, "email", CELL_TEXT),
                                            COL("Org", 14, "org", CELL_TEXT)};
static const struct column pick_skills[] = {COL("Skill", 0, "name", CELL_TEXT)};
static const struct column pick_rooms[] = {COL("Room", 0, "name", CELL_TEXT),
                                           COL("Kind", 10, "kind", CELL_TEXT),
                                           COL("Seats", 6, "capacity", CELL_INT)};
static const struct column pick_sessions[] = {COL("Session", 0, "title", CELL_TEXT),
                                              COL("When", 22, "starts", CELL_SPAN)};
static const struct column pick_booths[] = {COL("Booth", 10, "label", CELL_TEXT),
                                            COL("Organization", 0, "org", CELL_TEXT)};
static const struct column pick_roles[] = {COL("Role", 0, "name", CELL_TEXT),
                                           COL("Skill", 16, "skill", CELL_TEXT)};
static const struct column pick_shifts[] = {COL("Role", 0, "role", CELL_TEXT),
                                            COL("When", 22, "starts", CELL_SPAN),
                                            COL("Place", 12, "place", CELL_TEXT)};

struct pickdef {
	const char *entity, *view, *title;
	const struct column *cols;
	int ncols;
	bool scoped;
};

#define PICK(e, v, t, c, s)                                                                        \
	{                                                                                          \
		e, v, t, c, (int)(sizeof c / sizeof c[0]), s                                       \
	}

static const struct pickdef pickdefs[] = {
    PICK("event", "events", "Choose an event", pick_events, false),
    PICK("org", "orgs", "Choose an organization", pick_orgs, false),
    PICK("person", "people", "Choose a person", pick_people, false),
    PICK("skill", "skills", "Choose a skill", pick_skills, false),
    PICK("room", "rooms", "Choose a room", pick_rooms, true),
    PICK("session", "sessions", "Choose a session", pick_sessions, true),
    PICK("booth", "booths", "Choose a booth", pick_booths, true),
    PICK("role", "roles", "Choose a role", pick_roles, true),
    PICK("shift", "shifts", "Choose a shift", pick_shifts, true),
};

static const struct column value_cols[] = {COL("Value", 0, NULL, CELL_TEXT)};

struct picker {
	char title[160];
	struct list list;
	struct source src;
	const char *const *values;
	picker_fn fn;
	void *arg;
	void (*free_arg)(void *);
};

static const enum action picker_actions[] = {ACT_OPEN, ACT_SEARCH, ACT_CANCEL, ACT_DOWN,
                                             ACT_UP,   ACT_PGDN,   ACT_PGUP,   ACT_HOME,
                                             ACT_END,  ACT_BACK,   ACT_NONE};

bool picker_has(const char *entity)
{
	for (size_t i = 0; i < sizeof pickdefs / sizeof pickdefs[0]; i++)
		if (strcmp(pickdefs[i].entity, entity) == 0)
			return true;
	return false;
}

/* Fixed values as a list: key = index. */
static int values_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct picker *p = arg;
	int n = 0;
	while (p->values[n])
		n++;
	int64_t i, step = r->backward ? -1 : 1;
	if (!r->has_after)
		i = r->backward ? n - 1 : 0;
	else
		i = r->after_key.i + (r->inclusive ? 0 : step);
	for (int taken = 0; i >= 0 && i < n && (r->limit <= 0 || taken < r->limit); i += step) {
		if (r->search && r->search[0] && !strstr(p->values[i], r->search))
			continue;
		struct db_value key = db_int(i);
		const char *cells[] = {p->values[i]};
		list_take(l, &key, i, i, 0, cells, UI_NORMAL);
		taken++;
	}
	return 0;
}

static void picker_layout(struct view *v, struct tui *t)
{
	struct picker *p = v->st;
	int w = COLS - 4 < 76 ? COLS - 4 : 76, h = LINES - 4 < 20 ? LINES - 4 : 20;
	if (v->win)
		delwin(v->win);
	v->win = newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
	struct err e = {0};
	if (list_resize(&p->list, h - 4, &e) < 0)
		tui_error(t, &e);
}

static void picker_draw(struct view *v, struct tui *t)
{
	struct picker *p = v->st;
	attr_t a = theme_attr(&t->theme, UI_DIALOG);
	int h = getmaxy(v->win), w = getmaxx(v->win);
	wbkgdset(v->win, a | ' ');
	ui_frame(v->win, p->title, a, theme_attr(&t->theme, UI_DIALOG_TITLE));
	list_draw(&p->list, &t->theme, v->win, 1, 1, h - 3, w - 2, true);
	char foot[200];
	if (p->list.search[0])
		snprintf(foot, sizeof foot, "search: %s   Enter choose  Esc clear", p->list.search);
	else
		snprintf(foot, sizeof foot, "Enter choose  / search  Esc cancel");
	ui_text(v->win, h - 2, 2, w - 4, foot, a);
}

static int picker_search_done(struct tui *t, void *arg, const char *text)
{
	struct picker *p = arg;
	struct err e = {0};
	if (list_set_search(&p->list, text, &e) < 0)
		tui_error(t, &e);
	return R_REDRAW;
}

static int picker_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct picker *p = v->st;
	struct err e = {0};
	int moved = list_key(&p->list, a, &e);
	if (moved < 0)
		tui_error(t, &e);
	if (moved)
		return R_REDRAW;
	switch (a) {
	case ACT_OPEN: {
		const struct list_row *r = list_current(&p->list);
		if (!r)
			return R_NONE;
		char label[512];
		snprintf(label, sizeof label, "%s", r->cells[0]);
		int res = p->fn(t, p->arg, r->row, label);
		tui_close(t, v);
		return (res & ~R_POP) | R_REDRAW;
	}
	case ACT_SEARCH:
		dialog_prompt(t, NULL, NULL, "search: ", p->list.search, picker_search_done, p,
		              NULL);
		return R_REDRAW;
	case ACT_CANCEL:
	case ACT_BACK:
		if (p->list.search[0])
			return picker_search_done(t, p, "");
		return R_POP;
	default:
		return R_NONE;
	}
}

static void picker_reload(struct view *v, struct tui *t)
{
	struct picker *p = v->st;
	struct err e = {0};
	if (list_reload(&p->list, &e) < 0)
		tui_error(t, &e);
}

static void picker_leave(struct view *v, struct tui *t)
{
	struct picker *p = v->st;
	list_free(&p->list);
	if (p->free_arg)
		p->free_arg(p->arg);
	free(p);
}

static const struct screen picker_screen = {
    .name = "choose",
    .actions = picker_actions,
    .hints = 3,
    .overlay = true,
    .draw = picker_draw,
    .key = picker_key,
    .reload = picker_reload,
    .layout = picker_layout,
    .leave = picker_leave,
};

void picker_entity(struct tui *t, const char *entity, int64_t event, picker_fn fn, void *arg,
                   void (*free_arg)(void *))
{
	const struct pickdef *d = NULL;
	for (size_t i = 0; i < sizeof pickdefs / sizeof pickdefs[0]; i++)
		if (strcmp(pickdefs[i].entity, entity) == 0)
			d = &pickdefs[i];
	if (!d) {
		if (free_arg)
			free_arg(arg);
		return;
	}
	struct picker *p = xcalloc(1, sizeof *p);
	snprintf(p->title, sizeof p->title, "%s", d->title);
	p->src.t = t;
	p->src.view = d->view;
	p->src.scope = d->scoped ? event : 0;
	if (d->scoped && event) {
		struct err e = {0};
		entity_tz_of(t->ctx, entity_find("event"), event, p->src.tz, sizeof p->src.tz, &e);
	}
	p->fn = fn;
	p->arg = arg;
	p->free_arg = free_arg;
	list_init(&p->list, d->cols, d->ncols, source_fetch, &p->src,
	          d->scoped && !event ? "Choose the event first." : "Nothing to choose from yet.");
	tui_push(t, &picker_screen, p, NULL);
}

void picker_values(struct tui *t, const char *title, const char *const *values, picker_fn fn,
                   void *arg, void (*free_arg)(void *))
{
	struct picker *p = xcalloc(1, sizeof *p);
	snprintf(p->title, sizeof p->title, "%s", title);
	p->values = values;
	p->fn = fn;
	p->arg = arg;
	p->free_arg = free_arg;
	list_init(&p->list, value_cols, 1, values_fetch, p, "No values.");
	tui_push(t, &picker_screen, p, NULL);
}
