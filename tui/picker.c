/* picker.c - the choosing overlay: a list widget over a view (paged by
 * keyset, searchable with /) or over a field's fixed values. A person, an
 * organization, a room or a skill not there yet is created on the spot (n):
 * its add form, with the text searched as its name, and the new row is
 * chosen. */
#include "picker.h"

#include <stdlib.h>
#include <string.h>

#include "../core/entity.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "form.h"
#include "list.h"
#include "source.h"
#include "ui.h"

static const struct column pick_events[] = {
    {.title = "Event", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Starts", .width = 18, .src = "starts", .kind = CELL_TIME},
};
static const struct column pick_orgs[] = {
    {.title = "Organization", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Sector", .width = 15, .src = "sector", .kind = CELL_TEXT},
};
static const struct column pick_people[] = {
    {.title = "Name", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "Email", .width = 22, .src = "email", .kind = CELL_TEXT, .keep = true},
    {.title = "Org", .width = 14, .src = "org", .kind = CELL_TEXT},
};
static const struct column pick_skills[] = {
    {.title = "Skill", .width = 0, .src = "name", .kind = CELL_TEXT},
};
static const struct column pick_rooms[] = {
    {.title = "Room", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Kind", .width = 10, .src = "kind", .kind = CELL_TEXT},
    {.title = "Seats", .width = 6, .src = "capacity", .kind = CELL_INT},
};
static const struct column pick_sessions[] = {
    {.title = "Session", .width = 0, .src = "title", .kind = CELL_TEXT},
    {.title = "When", .width = 22, .src = "starts", .kind = CELL_SPAN},
};
static const struct column pick_booths[] = {
    {.title = "Booth", .width = 10, .src = "label", .kind = CELL_TEXT, .keep = true},
    {.title = "Organization", .width = 0, .src = "org", .kind = CELL_TEXT},
};
static const struct column pick_roles[] = {
    {.title = "Role", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Skill", .width = 16, .src = "skill", .kind = CELL_TEXT},
};
static const struct column pick_shifts[] = {
    {.title = "Role", .width = 0, .src = "role", .kind = CELL_TEXT},
    {.title = "When", .width = 22, .src = "starts", .kind = CELL_SPAN},
    {.title = "Place", .width = 12, .src = "place", .kind = CELL_TEXT},
};

struct pickdef {
	const char *entity, *view, *title;
	const struct column *cols;
	int ncols;
	bool scoped;
	const char *noun; /* n creates one ("organization"); NULL: not here */
};

/* The columns of a pick list and their count. */
#define COLUMNS(c) .cols = c, .ncols = (int)ARRAY_LEN(c)

static const struct pickdef pickdefs[] = {
    {.entity = "event", .view = "events", .title = "Choose an event", COLUMNS(pick_events)},
    {.entity = "org",
     .view = "orgs",
     .title = "Choose an organization",
     COLUMNS(pick_orgs),
     .noun = "organization"},
    {.entity = "person",
     .view = "people",
     .title = "Choose a person",
     COLUMNS(pick_people),
     .noun = "person"},
    {.entity = "skill",
     .view = "skills",
     .title = "Choose a skill",
     COLUMNS(pick_skills),
     .noun = "skill"},
    {.entity = "room",
     .view = "rooms",
     .title = "Choose a room",
     COLUMNS(pick_rooms),
     .scoped = true,
     .noun = "room"},
    {.entity = "session",
     .view = "sessions",
     .title = "Choose a session",
     COLUMNS(pick_sessions),
     .scoped = true},
    {.entity = "booth",
     .view = "booths",
     .title = "Choose a booth",
     COLUMNS(pick_booths),
     .scoped = true},
    {.entity = "role",
     .view = "roles",
     .title = "Choose a role",
     COLUMNS(pick_roles),
     .scoped = true},
    {.entity = "shift",
     .view = "shifts",
     .title = "Choose a shift",
     COLUMNS(pick_shifts),
     .scoped = true},
};

static const struct column value_cols[] = {
    {.title = "Value", .width = 0, .kind = CELL_TEXT},
};

struct picker {
	char title[160];
	const struct pickdef *def; /* NULL: fixed values */
	int64_t event;
	struct list list;
	struct source src;
	const char *const *values;
	picker_fn fn;
	void *arg;
	void (*free_arg)(void *);
};

static const enum action picker_actions[] = {
    ACT_OPEN, ACT_SEARCH, ACT_NEW,  ACT_CANCEL, ACT_HINTS_END, ACT_DOWN, ACT_UP,
    ACT_PGDN, ACT_PGUP,   ACT_HOME, ACT_END,    ACT_BACK,      ACT_NONE};

bool picker_has(const char *entity)
{
	for (size_t i = 0; i < ARRAY_LEN(pickdefs); i++)
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

/* The hint line: the keys, from the key table. */
static void picker_footer(struct tui *t, const struct picker *p, char *buf, size_t n)
{
	char open[32], search[32], make[32], cancel[32];
	keymap_label(&t->keys, ACT_OPEN, open, sizeof open, true);
	keymap_label(&t->keys, ACT_SEARCH, search, sizeof search, true);
	keymap_label(&t->keys, ACT_NEW, make, sizeof make, true);
	keymap_label(&t->keys, ACT_CANCEL, cancel, sizeof cancel, true);
	size_t at = 0;
	if (p->def && p->def->noun && p->list.search[0])
		at = (size_t)snprintf(buf, n, "%s new %s \"%s\"  ", make, p->def->noun,
		                      p->list.search);
	else if (p->def && p->def->noun)
		at = (size_t)snprintf(buf, n, "%s new %s  ", make, p->def->noun);
	if (at >= n)
		return;
	snprintf(buf + at, n - at, "%s choose  %s search  %s %s", open, search, cancel,
	         p->list.search[0] ? "clear search" : "cancel");
}

static void picker_draw(struct view *v, struct tui *t)
{
	struct picker *p = v->st;
	attr_t a = theme_attr(&t->theme, UI_DIALOG);
	int h = getmaxy(v->win), w = getmaxx(v->win);
	wbkgdset(v->win, a | ' ');
	char title[300];
	if (p->list.search[0])
		snprintf(title, sizeof title, "%s (search: %s)", p->title, p->list.search);
	else
		snprintf(title, sizeof title, "%s", p->title);
	ui_frame(v->win, title, a, theme_attr(&t->theme, UI_DIALOG_TITLE));
	list_draw(&p->list, &t->theme, v->win, 1, 1, h - 3, w - 2, true);
	char foot[400];
	if (p->def && p->def->noun && p->list.nrows == 0 && h > 7) {
		char make[32];
		keymap_label(&t->keys, ACT_NEW, make, sizeof make, true);
		snprintf(foot, sizeof foot, "%s creates a new %s%s%s%s.", make, p->def->noun,
		         p->list.search[0] ? " \"" : "", p->list.search,
		         p->list.search[0] ? "\"" : "");
		ui_text(v->win, 5, 3, w - 6, foot, theme_attr(&t->theme, UI_DIM));
	}
	picker_footer(t, p, foot, sizeof foot);
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

/* The row created from the picker (arg: its view) is the one chosen. */
static int picker_created(struct tui *t, void *arg, int64_t id, const char *label)
{
	struct view *v = arg;
	bool open = false;
	for (int i = 0; i < t->depth; i++)
		open = open || t->stack[i] == v;
	if (!open)
		return R_REDRAW;
	struct picker *p = v->st;
	int res = p->fn(t, p->arg, id, label);
	tui_close(t, v);
	return (res & ~R_POP) | R_REDRAW | R_RELOAD;
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
	case ACT_NEW:
		if (!p->def || !p->def->noun)
			return R_NONE;
		picker_create(t, p->def->entity, p->event, p->list.search, picker_created, v, NULL);
		return R_REDRAW;
	case ACT_CANCEL:
	case ACT_BACK:
		if (p->list.search[0])
			return picker_search_done(t, p, "");
		return R_POP;
	case ACT_HELP:
	case ACT_REDRAW:
		return -1; /* the loop's: ? lists the picker's keys */
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
	for (size_t i = 0; i < ARRAY_LEN(pickdefs); i++)
		if (strcmp(pickdefs[i].entity, entity) == 0)
			d = &pickdefs[i];
	if (!d) {
		if (free_arg)
			free_arg(arg);
		return;
	}
	struct picker *p = xcalloc(1, sizeof *p);
	snprintf(p->title, sizeof p->title, "%s", d->title);
	p->def = d;
	p->event = event;
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
	list_init(&p->list, value_cols, (int)ARRAY_LEN(value_cols), values_fetch, p, "No values.");
	tui_push(t, &picker_screen, p, NULL);
}

/* A row being created for a chooser: what to call with it. */
struct creation {
	const struct entity_def *ent;
	picker_fn fn;
	void *arg;
	void (*free_arg)(void *);
};

static void creation_free(void *arg)
{
	struct creation *c = arg;
	if (c->free_arg)
		c->free_arg(c->arg);
	free(c);
}

static int creation_saved(struct tui *t, void *arg, int64_t id)
{
	struct creation *c = arg;
	char label[512] = "";
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, c->ent, id, &r, &e) == 0) {
		const char *name = c->ent->label ? record_text(&r, c->ent->label) : NULL;
		snprintf(label, sizeof label, "%s", name ? name : "");
		record_free(&r);
	}
	return c->fn(t, c->arg, id, label);
}

bool picker_can_create(const char *entity)
{
	for (size_t i = 0; i < ARRAY_LEN(pickdefs); i++)
		if (strcmp(pickdefs[i].entity, entity) == 0)
			return pickdefs[i].noun != NULL;
	return false;
}

void picker_create(struct tui *t, const char *entity, int64_t event, const char *typed,
                   picker_fn fn, void *arg, void (*free_arg)(void *))
{
	struct creation *c = xcalloc(1, sizeof *c);
	c->ent = entity_find(entity);
	c->fn = fn;
	c->arg = arg;
	c->free_arg = free_arg;
	struct form_spec spec = {
	    .ent = c->ent,
	    .event = event,
	    .saved = creation_saved,
	    .arg = c,
	    .free_arg = creation_free,
	};
	if (typed && typed[0] && entity_field_index(c->ent, "name") >= 0)
		form_preset(&spec, "name", "%s", typed);
	form_open(t, &spec);
}
