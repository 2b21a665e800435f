/* detail.c - the base of the one-row screens (see detail.h). */
#include "detail.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/xmalloc.h"
#include "ui.h"

static int header_h(const struct detail *d)
{
	return d->def->header_lines + 1;
}

static void detail_layout(struct view *v, struct tui *t)
{
	struct detail *d = v->st;
	table_resize(&d->tb, t, t->body_h - header_h(d));
}

static void draw_tabs(struct detail *d, struct tui *t, int y)
{
	int x = 0;
	ui_fill(stdscr, y, 0, COLS, theme_attr(&t->theme, UI_TAB));
	for (int i = 0; i < d->def->ntables; i++) {
		char label[40];
		snprintf(label, sizeof label, " %s ", d->def->tab_names[i]);
		x += ui_text_tight(stdscr, y, x, COLS - x, label,
		                   theme_attr(&t->theme, i == d->tab ? UI_TAB_ACTIVE : UI_TAB));
	}
}

static void detail_draw(struct view *v, struct tui *t)
{
	struct detail *d = v->st;
	int y = t->body_y, lines = d->def->header_lines;
	attr_t normal = theme_attr(&t->theme, UI_NORMAL);
	for (int i = 0; i < lines; i++) {
		if (d->role[i] != UI_NORMAL) {
			ui_fill(stdscr, y + i, 0, COLS, normal);
			ui_text_tight(stdscr, y + i, 1, COLS - 1, d->line[i],
			              theme_attr(&t->theme, d->role[i]));
			continue;
		}
		ui_fill(stdscr, y + i, 0, 1, normal);
		ui_text(stdscr, y + i, 1, COLS - 1, d->line[i], normal | (i == 0 ? A_BOLD : 0));
	}
	if (d->def->tab_names)
		draw_tabs(d, t, y + lines);
	else
		ui_fill(stdscr, y + lines, 0, COLS, normal);
	table_draw(&d->tb, t, stdscr, y + header_h(d), 0, t->body_h - header_h(d), COLS);
}

static void show_tab(struct detail *d, struct tui *t, int tab)
{
	int n = d->def->ntables;
	d->tab = (tab + n) % n;
	table_switch(&d->tb, t, &d->def->tables[d->tab]);
	/* the keys and hints of the table shown */
	if (d->self)
		d->self->actions = d->tb.def->actions ? d->tb.def->actions : d->def->actions;
	tui_info(t, "%s of this %s (Tab: %s).", d->def->tab_names[d->tab], d->def->name,
	         d->def->tab_names[(d->tab + 1) % n]);
}

static int detail_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct detail *d = v->st;
	int r = table_key(&d->tb, t, a);
	if (r >= 0)
		return r;
	if (d->def->tab_names && (a == ACT_NEXT_TAB || a == ACT_PREV_TAB)) {
		show_tab(d, t, d->tab + (a == ACT_NEXT_TAB ? 1 : -1));
		return R_REDRAW;
	}
	return a == ACT_BACK ? R_POP : -1;
}

static void load(struct detail *d, struct tui *t)
{
	for (int i = 0; i < DETAIL_LINES; i++) {
		d->line[i][0] = '\0';
		d->role[i] = UI_NORMAL;
	}
	d->def->load(d, t);
}

static void detail_reload(struct view *v, struct tui *t)
{
	struct detail *d = v->st;
	load(d, t);
	table_reload(&d->tb, t);
}

static bool detail_idle(struct view *v, struct tui *t)
{
	struct detail *d = v->st;
	return table_idle(&d->tb, t);
}

static void detail_leave(struct view *v, struct tui *t)
{
	struct detail *d = v->st;
	table_free(&d->tb);
	free(d);
}

/* One screen for every definition; each view takes its definition's
 * actions. */
static const struct screen detail_screen = {
    .name = "detail",
    .draw = detail_draw,
    .key = detail_key,
    .reload = detail_reload,
    .layout = detail_layout,
    .leave = detail_leave,
    .idle = detail_idle,
};

void detail_open(struct tui *t, const struct detail_def *def, int64_t id)
{
	struct detail *d = xcalloc(1, sizeof *d);
	d->def = def;
	d->id = id;
	load(d, t);
	table_init(&d->tb, t, &def->tables[0], id, d->event);
	d->tb.owner = d;
	char title[64];
	snprintf(title, sizeof title, "%s %" PRId64, def->title, id);
	struct view *v = tui_push(t, &detail_screen, d, title);
	d->self = v;
	if (v)
		v->actions = def->tables[0].actions ? def->tables[0].actions : def->actions;
}
