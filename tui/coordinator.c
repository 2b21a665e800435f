/* coordinator.c - the coordinator TUI's main loop: read a key (or time out),
 * turn it into an action of the view on top, apply the reaction flags, and
 * paint: every visible view draws into its window, then one wnoutrefresh per
 * window and a single doupdate. Between keys it polls the database's change
 * counter so writes by other leads, kiosks and the command line show within
 * a second. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/lead.h"
#include "../core/page.h"
#include "../core/undo.h"
#include "../core/xmalloc.h"
#include "screen.h"
#include "statusbar.h"
#include "tui.h"
#include "ui.h"

#define POLL_MS 500 /* a change by another process shows within a second */
#define IDLE_MS 150 /* keys resting this long: the views do their slow work */

struct view *tui_push(struct tui *t, const struct screen *s, void *st, const char *title)
{
	if (t->depth == TUI_STACK_MAX) {
		struct view tmp = {.s = s, .st = st};
		if (s->leave)
			s->leave(&tmp, t);
		tui_info(t, "too many screens open; close some with q");
		return NULL;
	}
	struct view *v = xcalloc(1, sizeof *v);
	v->s = s;
	v->st = st;
	snprintf(v->title, sizeof v->title, "%s", title ? title : "");
	t->stack[t->depth++] = v;
	if (s->layout)
		s->layout(v, t);
	return v;
}

int64_t tui_event_in_view(const struct tui *t)
{
	for (int i = t->depth - 1; i >= 0; i--)
		if (t->stack[i]->event)
			return t->stack[i]->event;
	return 0;
}

const enum action *view_actions(const struct view *v)
{
	return v->actions ? v->actions : v->s->actions;
}

void tui_close(struct tui *t, struct view *v)
{
	int at = -1;
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i] == v)
			at = i;
	if (at < 0)
		return;
	if (v->s->leave)
		v->s->leave(v, t);
	if (v->win)
		delwin(v->win);
	free(v);
	memmove(t->stack + at, t->stack + at + 1, (size_t)(t->depth - at - 1) * sizeof *t->stack);
	t->depth--;
}

void tui_home(struct tui *t)
{
	while (t->depth > 1)
		tui_close(t, t->stack[t->depth - 1]);
}

void tui_info(struct tui *t, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->status, sizeof t->status, fmt, ap);
	va_end(ap);
	t->status_error = false;
}

void tui_error(struct tui *t, const struct err *e)
{
	snprintf(t->status, sizeof t->status, "%s", e->msg[0] ? e->msg : "failed");
	t->status_error = true;
}

static int base_view(const struct tui *t);

/* Refetch what is on screen now; views hidden under another full screen are
 * marked and refetched when they show again. */
void tui_reload_all(struct tui *t)
{
	int base = base_view(t);
	for (int i = 0; i < t->depth; i++) {
		struct view *v = t->stack[i];
		v->stale = i < base;
		if (i >= base && v->s->reload)
			v->s->reload(v, t);
	}
}

/* After views close: the ones now showing catch up if they missed changes. */
static void reload_stale(struct tui *t)
{
	for (int i = base_view(t); i < t->depth; i++) {
		struct view *v = t->stack[i];
		if (v->stale && v->s->reload)
			v->s->reload(v, t);
		v->stale = false;
	}
}

static void layout_all(struct tui *t)
{
	t->body_y = 1;
	t->body_h = LINES - 3 > 1 ? LINES - 3 : 1;
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i]->s->layout)
			t->stack[i]->s->layout(t->stack[i], t);
}

/* The lowest view that must be drawn: the top full screen. */
static int base_view(const struct tui *t)
{
	int i = t->depth - 1;
	while (i > 0 && t->stack[i]->s->overlay)
		i--;
	return i < 0 ? 0 : i;
}

/* Blank the cells around an overlay on the screen below it, so that no text
 * there touches the overlay's border: a wide or combining character cut at
 * the border would seem to be part of the box, or push it. */
static void clear_margin(struct tui *t, WINDOW *over)
{
	int y, x, h, w;
	getbegyx(over, y, x);
	getmaxyx(over, h, w);
	int left = x > 0 ? x - 1 : 0, right = x + w < COLS ? x + w : COLS - 1;
	attr_t a = theme_attr(&t->theme, UI_NORMAL);
	for (int r = y > 0 ? y - 1 : 0; r <= y + h && r < LINES; r++) {
		if (r == y - 1 || r == y + h) {
			ui_fill(stdscr, r, left, right - left + 1, a);
			continue;
		}
		if (x > 0)
			ui_fill(stdscr, r, left, 1, a);
		if (x + w < COLS)
			ui_fill(stdscr, r, right, 1, a);
	}
}

static void paint(struct tui *t)
{
	if (t->clear_next) {
		clearok(curscr, TRUE);
		t->clear_next = false;
	}
	if (LINES < 10 || COLS < 40) {
		werase(stdscr);
		ui_text(stdscr, 0, 0, COLS, "muster needs at least 40x10; enlarge the terminal",
		        theme_attr(&t->theme, UI_ERROR));
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	int base = base_view(t);
	WINDOW *cursor = NULL;
	for (int i = base; i < t->depth; i++) {
		struct view *v = t->stack[i];
		v->s->draw(v, t);
		if (i == base) {
			statusbar_draw(t);
			for (int o = base + 1; o < t->depth; o++)
				if (t->stack[o]->win)
					clear_margin(t, t->stack[o]->win);
		}
		WINDOW *w = v->win ? v->win : stdscr;
		if (v->win)
			touchwin(v->win);
		wnoutrefresh(w);
		cursor = v->cursor_win;
	}
	if (cursor) {
		curs_set(1);
		wnoutrefresh(cursor);
	} else {
		curs_set(0);
	}
	doupdate();
}

/* Another process committed: refetch what is on screen. */
static bool poll_changes(struct tui *t)
{
	int64_t v = page_data_version(t->ctx);
	if (v == t->data_version)
		return false;
	t->data_version = v;
	tui_reload_all(t);
	return true;
}

/* The keys rest: each view on screen does its slow work. */
static bool idle_all(struct tui *t)
{
	bool changed = false;
	for (int i = base_view(t); i < t->depth; i++) {
		struct view *v = t->stack[i];
		if (v->s->idle && v->s->idle(v, t))
			changed = true;
	}
	return changed;
}

/* Between keys: one step of each view's work done ahead (TUI_WORK_*). */
static int work_all(struct tui *t)
{
	int flags = 0;
	for (int i = base_view(t); i < t->depth; i++) {
		struct view *v = t->stack[i];
		if (v->s->work)
			flags |= v->s->work(v, t);
	}
	return flags;
}

static bool printable(const struct key *k)
{
	return !k->fn && k->ch >= 32 && k->ch != 127;
}

/* z: this session's last change taken back, or why not, on the status line. */
static void undo_key(struct tui *t)
{
	char done[1024];
	struct err e = {0};
	if (undo_last(t->ctx, done, sizeof done, &e) < 0)
		tui_error(t, &e);
	else
		tui_info(t, "%s", done);
}

/* O, P, K: a directory over the screen the lead is on, so q (after adding
 * someone there, say) goes back to that screen and row; a whole-screen
 * list on top (another directory, the outbox) is replaced, not piled on. */
static void directory_open(struct tui *t, void (*open)(struct tui *t))
{
	while (t->depth > 1 && t->stack[t->depth - 1]->s->overlay)
		tui_close(t, t->stack[t->depth - 1]);
	struct view *top = t->stack[t->depth - 1];
	if (t->depth > 1 && strcmp(top->s->name, "list") == 0)
		tui_close(t, top);
	open(t);
}

static int dispatch(struct tui *t, const struct key *k)
{
	struct view *top = t->stack[t->depth - 1];
	enum action a;
	if (top->s->typing) {
		/* text entry: printable keys are text; only the view's own actions */
		a = printable(k) ? ACT_NONE : keymap_find(&t->keys, k, view_actions(top));
		if (a == ACT_NONE && keymap_is(&t->keys, k, ACT_REDRAW)) {
			t->clear_next = true;
			return R_REDRAW;
		}
		int r = top->s->key(top, t, a, k);
		return r >= 0 ? r : R_REDRAW;
	}
	a = keymap_lookup(&t->keys, k, view_actions(top));
	int r = top->s->key(top, t, a, k);
	if (r >= 0)
		return r;
	/* not taken by the view: the global actions */
	switch (a) {
	case ACT_HELP:
		screen_help_open(t);
		return R_REDRAW;
	case ACT_COMMAND:
		screen_command_open(t);
		return R_REDRAW;
	case ACT_REDRAW:
		t->clear_next = true;
		return R_REDRAW;
	case ACT_QUIT:
		return R_QUIT;
	case ACT_EVENTS:
		tui_home(t);
		return R_REDRAW;
	case ACT_ORGS:
		directory_open(t, screen_orgs_open);
		return R_REDRAW;
	case ACT_PEOPLE:
		directory_open(t, screen_people_open);
		return R_REDRAW;
	case ACT_SKILLS:
		directory_open(t, screen_skills_open);
		return R_REDRAW;
	case ACT_MAIL:
		screen_outbox_open(t, 0);
		return R_REDRAW;
	case ACT_UNDO:
		undo_key(t);
		return R_RELOAD;
	case ACT_IDS:
		t->show_ids = !t->show_ids;
		tui_info(t, t->show_ids ? "Lists show each row's id (# hides them)."
		                        : "Ids hidden (# shows them).");
		return R_REDRAW;
	default:
		return R_NONE;
	}
}

/* The confidential people the screen now shows, in the audit log. */
static void audit_sightings(struct tui *t)
{
	struct err e = {0};
	if (lead_flush(t->ctx, &e) < 0)
		tui_error(t, &e);
}

static void run(struct tui *t)
{
	/* working: the views' work ahead is asked for a step as soon as no
	 * key waits (after a key or a change, until they say it is done) */
	bool dirty = true, soon = true, working = true;
	for (;;) {
		if (dirty) {
			reload_stale(t);
			paint(t);
			audit_sightings(t);
		}
		dirty = false;
		struct key k;
		int got = ui_read(&k, working ? 0 : soon ? IDLE_MS : POLL_MS);
		if (got < 0)
			return; /* nobody is there to answer */
		if (!got && working) {
			int w = work_all(t);
			working = w & TUI_WORK_MORE;
			dirty = w & TUI_WORK_CHANGED;
			continue;
		}
		if (!got) {
			soon = false;
			dirty = poll_changes(t);
			dirty = idle_all(t) || dirty;
			working = true;
			continue;
		}
		soon = working = true;
		if (k.fn && k.ch == KEY_RESIZE) {
			layout_all(t);
			t->clear_next = true;
			dirty = true;
			continue;
		}
		if (t->status[0] && !t->status_error)
			t->status[0] = '\0';
		else if (t->status_error)
			t->status[0] = '\0', t->status_error = false;
		struct view *top = t->stack[t->depth - 1];
		int r = dispatch(t, &k);
		dirty = true;
		if (r & R_QUIT)
			return;
		if ((r & R_POP) && t->depth > 1 && t->stack[t->depth - 1] == top)
			tui_close(t, top);
		if (r & R_RELOAD) {
			t->data_version = page_data_version(t->ctx);
			tui_reload_all(t);
		} else {
			poll_changes(t);
		}
		if (t->depth == 0)
			return;
	}
}

int screen_run_coordinator(struct app *a, struct err *e)
{
	struct tui *t = xcalloc(1, sizeof *t);
	t->app = a;
	t->ctx = &a->ctx;
	if (keymap_load(&t->keys, &a->cfg, a->config_path, e) < 0 ||
	    ui_start(&t->theme, &a->cfg, e) < 0) {
		free(t);
		return -1;
	}
	t->data_version = page_data_version(t->ctx);
	a->ctx.undo = undo_session_new(); /* z takes back this session's changes */
	layout_all(t);
	screen_events_open(t);
	run(t);
	while (t->depth > 0)
		tui_close(t, t->stack[t->depth - 1]);
	undo_session_free(a->ctx.undo);
	a->ctx.undo = NULL;
	ui_stop();
	free(t);
	return 0;
}
