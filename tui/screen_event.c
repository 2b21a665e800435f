/* screen_event.c - one event: a tab bar and the tab in view. Tabs are made
 * when first shown; Tab/S-Tab and the digits switch; the hints and the keys
 * the screen takes follow the tab. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/privacy.h"
#include "../core/xmalloc.h"
#include "../core/array.h"
#include "event.h"
#include "form.h"
#include "text.h"
#include "ui.h"

static const struct tab *const tabs[] = {&tab_agenda, &tab_sessions,  &tab_rooms,
                                         &tab_booths, &tab_people,    &tab_roles,
                                         &tab_shifts, &tab_conflicts, &tab_audit};
#define NTABS ((int)ARRAY_LEN(tabs))

struct event_view {
	struct event_info ev;
	int64_t sweep_due;     /* people the next privacy sweep erases */
	int64_t sweep_counted; /* when (clock seconds); 0 = not yet */
	int tab;
	struct table *tables[NTABS];
	void *custom[NTABS];
	enum action acts[64];
	struct view *self;
};

static const enum action common[] = {ACT_NEXT_TAB,     ACT_PREV_TAB, ACT_TAB1, ACT_TAB2,
                                     ACT_TAB3,         ACT_TAB4,     ACT_TAB5, ACT_TAB6,
                                     ACT_TAB7,         ACT_TAB8,     ACT_TAB9, ACT_EDIT_THIS,
                                     ACT_MAIL_UPDATES, ACT_MAIL,     ACT_BACK, ACT_NONE};

int event_info_load(struct tui *t, int64_t id, struct event_info *out, struct err *e)
{
	struct record r;
	if (record_get(t->ctx, entity_find("event"), id, &r, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	snprintf(out->name, sizeof out->name, "%s", record_text(&r, "name"));
	snprintf(out->tz, sizeof out->tz, "%s", record_text(&r, "tz"));
	out->starts = record_int(&r, "starts");
	out->ends = record_int(&r, "ends");
	out->span_from =
	    record_has(&r, "setup_starts") ? record_int(&r, "setup_starts") : out->starts;
	out->span_to =
	    record_has(&r, "teardown_ends") ? record_int(&r, "teardown_ends") : out->ends;
	record_free(&r);
	return 0;
}

/* How many of the event's people the next sweep erases: counted on opening,
 * then again at most once a minute ([privacy] retain_days_after_event; on
 * the large demo a count takes ~85 ms, too much for every change another
 * process makes). */
#define SWEEP_RECOUNT_S 60

static void count_sweep(struct tui *t, struct event_view *s)
{
	int64_t now = clock_now(t->ctx->clock);
	struct err e = {0};
	if (s->sweep_counted && now - s->sweep_counted < SWEEP_RECOUNT_S && now >= s->sweep_counted)
		return;
	s->sweep_counted = now ? now : 1;
	if (privacy_sweep_count(t->ctx, s->ev.id, &s->sweep_due, &e) < 0)
		tui_error(t, &e);
}

/* The event's name, after how many of its people the next privacy sweep
 * erases when there are any. */
static void event_title(const struct event_view *s, char *buf, size_t n)
{
	if (s->sweep_due > 0)
		snprintf(buf, n, "sweep erases %" PRId64 " \xc2\xb7 %s", s->sweep_due, s->ev.name);
	else
		snprintf(buf, n, "%s", s->ev.name);
}

static int content_h(const struct tui *t)
{
	return t->body_h - 1;
}

/* The tab's actions, then switching tabs and leaving. */
static void set_actions(struct event_view *s)
{
	const struct tab *tab = tabs[s->tab];
	const struct table_def *def =
	    tab->table && s->tables[s->tab] ? s->tables[s->tab]->def : tab->table;
	const enum action *own = def ? def->actions : tab->ops->actions;
	int hinted = keymap_hinted(own), n = 0, i = 0;
	/* the tab's hinted actions, then Tab (how to reach the other tabs), the rest */
	for (; own && own[i] != ACT_NONE && n < 40; i++) {
		if (i == hinted) {
			s->acts[n++] = ACT_NEXT_TAB;
			s->acts[n++] = ACT_HINTS_END;
		}
		if (own[i] != ACT_HINTS_END)
			s->acts[n++] = own[i];
	}
	if (i <= hinted) { /* no actions of its own */
		s->acts[n++] = ACT_NEXT_TAB;
		s->acts[n++] = ACT_HINTS_END;
	}
	for (const enum action *a = common; *a != ACT_NONE; a++)
		if (*a != ACT_NEXT_TAB)
			s->acts[n++] = *a;
	s->acts[n] = ACT_NONE;
	if (s->self)
		s->self->actions = s->acts;
}

/* Make the tab on first use and size it. */
static void show_tab(struct event_view *s, struct tui *t, int i)
{
	s->tab = i;
	const struct tab *tab = tabs[i];
	if (tab->table) {
		if (!s->tables[i]) {
			s->tables[i] = xmalloc(sizeof *s->tables[i]);
			table_init(s->tables[i], t, tab->table, s->ev.id, s->ev.id);
			s->tables[i]->owner = s;
		}
		table_resize(s->tables[i], t, content_h(t));
		table_reload(s->tables[i], t);
	} else {
		if (!s->custom[i])
			s->custom[i] = tab->ops->open(t, &s->ev);
		tab->ops->resize(s->custom[i], t, content_h(t));
		tab->ops->reload(s->custom[i], t);
	}
	set_actions(s);
}

static void ev_layout(struct view *v, struct tui *t)
{
	struct event_view *s = v->st;
	s->self = v;
	show_tab(s, t, s->tab);
}

/* Tab labels, widest first: the first whose row fits is drawn. Every one
 * keeps the tab's number, the key that opens it. */
static const char *const tab_formats[] = {" %d %s ", "%d %s ", "%d%s "};

static int tabs_width(const char *fmt)
{
	int w = 0;
	for (int i = 0; i < NTABS; i++) {
		char label[40];
		snprintf(label, sizeof label, fmt, i + 1, tabs[i]->name);
		w += text_width(label);
	}
	return w;
}

static void draw_tabs(struct event_view *s, struct tui *t)
{
	int y = t->body_y, x = 0;
	attr_t plain = theme_attr(&t->theme, UI_TAB), on = theme_attr(&t->theme, UI_TAB_ACTIVE);
	ui_fill(stdscr, y, 0, COLS, plain);
	size_t f = 0;
	while (f + 1 < ARRAY_LEN(tab_formats) && tabs_width(tab_formats[f]) > COLS)
		f++;
	for (int i = 0; i < NTABS && x < COLS; i++) {
		char label[40];
		snprintf(label, sizeof label, tab_formats[f], i + 1, tabs[i]->name);
		x += ui_text_tight(stdscr, y, x, COLS - x, label, i == s->tab ? on : plain);
	}
}

static void ev_draw(struct view *v, struct tui *t)
{
	struct event_view *s = v->st;
	draw_tabs(s, t);
	int y = t->body_y + 1, h = content_h(t);
	const struct tab *tab = tabs[s->tab];
	if (tab->table)
		table_draw(s->tables[s->tab], t, stdscr, y, 0, h, COLS);
	else
		tab->ops->draw(s->custom[s->tab], t, y, h);
}

static int edit_event(struct tui *t, struct event_view *s)
{
	struct form_spec spec = {.ent = entity_find("event"), .id = s->ev.id};
	form_open(t, &spec);
	return R_REDRAW;
}

static int ev_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct event_view *s = v->st;
	const struct tab *tab = tabs[s->tab];
	int r = tab->table ? table_key(s->tables[s->tab], t, a)
	                   : tab->ops->key(s->custom[s->tab], t, a);
	set_actions(s); /* a tab may have switched mode (per hour, waitlist) */
	if (r >= 0)
		return r;
	switch (a) {
	case ACT_NEXT_TAB:
		show_tab(s, t, (s->tab + 1) % NTABS);
		return R_REDRAW;
	case ACT_PREV_TAB:
		show_tab(s, t, (s->tab + NTABS - 1) % NTABS);
		return R_REDRAW;
	case ACT_TAB1:
	case ACT_TAB2:
	case ACT_TAB3:
	case ACT_TAB4:
	case ACT_TAB5:
	case ACT_TAB6:
	case ACT_TAB7:
	case ACT_TAB8:
	case ACT_TAB9:
		if ((int)(a - ACT_TAB1) < NTABS)
			show_tab(s, t, (int)(a - ACT_TAB1));
		return R_REDRAW;
	case ACT_EDIT_THIS:
		return edit_event(t, s);
	case ACT_MAIL:
		screen_outbox_open(t, s->ev.id);
		return R_REDRAW;
	case ACT_MAIL_UPDATES:
		screen_outbox_updates(t, s->ev.id, s->ev.name);
		return R_REDRAW;
	case ACT_BACK:
		return R_POP;
	default:
		return -1;
	}
}

static void ev_reload(struct view *v, struct tui *t)
{
	struct event_view *s = v->st;
	struct err e = {0};
	struct event_info info;
	if (event_info_load(t, s->ev.id, &info, &e) < 0) {
		tui_error(t, &e); /* deleted by someone else: keep what we had */
		return;
	}
	s->ev = info;
	count_sweep(t, s);
	event_title(s, v->title, sizeof v->title);
	const struct tab *tab = tabs[s->tab];
	if (tab->table)
		table_reload(s->tables[s->tab], t);
	else
		tab->ops->reload(s->custom[s->tab], t);
}

static bool ev_idle(struct view *v, struct tui *t)
{
	struct event_view *s = v->st;
	const struct tab *tab = tabs[s->tab];
	if (tab->table)
		return table_idle(s->tables[s->tab], t);
	return tab->ops->idle && tab->ops->idle(s->custom[s->tab], t);
}

/* The tabs' work ahead: a tab that has some is made at once, before it shows. */
static int ev_work(struct view *v, struct tui *t)
{
	struct event_view *s = v->st;
	int flags = 0;
	for (int i = 0; i < NTABS; i++) {
		const struct tab *tab = tabs[i];
		if (tab->table || !tab->ops->work)
			continue;
		if (!s->custom[i])
			s->custom[i] = tab->ops->open(t, &s->ev);
		flags |= tab->ops->work(s->custom[i], t, i == s->tab);
	}
	return flags;
}

static void ev_leave(struct view *v, struct tui *t)
{
	struct event_view *s = v->st;
	for (int i = 0; i < NTABS; i++) {
		if (s->tables[i]) {
			table_free(s->tables[i]);
			free(s->tables[i]);
		}
		if (s->custom[i])
			tabs[i]->ops->free(s->custom[i]);
	}
	free(s);
}

static const struct screen event_screen = {
    .name = "event",
    .actions = common,
    .draw = ev_draw,
    .key = ev_key,
    .reload = ev_reload,
    .layout = ev_layout,
    .leave = ev_leave,
    .idle = ev_idle,
    .work = ev_work,
};

void screen_event_open(struct tui *t, int64_t event)
{
	struct event_view *s = xcalloc(1, sizeof *s);
	struct err e = {0};
	if (event_info_load(t, event, &s->ev, &e) < 0) {
		tui_error(t, &e);
		free(s);
		return;
	}
	s->tab = 0;
	char title[160];
	count_sweep(t, s);
	event_title(s, title, sizeof title);
	struct view *v = tui_push(t, &event_screen, s, title);
	if (v)
		v->event = event;
}
