/* statusbar.c - title bar, message line and key hints, drawn on stdscr. */
#include "statusbar.h"

#include <stdio.h>
#include <string.h>

#include "../core/undo.h"
#include "text.h"
#include "ui.h"

/* "muster › Events › Forum › Shift 12" from the full-screen views; when it
 * does not fit, the first crumbs give way to "…" (where you are matters
 * more than how you got there). */
static void draw_title(struct tui *t)
{
	static const char sep[] = " \xe2\x80\xba "; /* " › " */
	const char *crumbs[TUI_STACK_MAX + 1];
	int n = 0;
	crumbs[n++] = "muster";
	for (int i = 0; i < t->depth; i++)
		if (!t->stack[i]->s->overlay && t->stack[i]->title[0])
			crumbs[n++] = t->stack[i]->title;
	const char *right = "? help";
	int room = COLS - (int)strlen(right) - 3, first = 0;
	for (;;) {
		/* the crumbs shown, "…" in front when some are left out, " › " between */
		int shown = n - first + (first ? 1 : 0);
		int w = (first ? 1 : 0) + 3 * (shown - 1);
		for (int i = first; i < n; i++)
			w += text_width(crumbs[i]);
		if (w <= room || first == n - 1)
			break;
		first++;
	}
	char line[1024] = "";
	size_t used = 0;
	if (first)
		used += (size_t)snprintf(line, sizeof line, "\xe2\x80\xa6");
	for (int i = first; i < n && used < sizeof line; i++)
		used += (size_t)snprintf(line + used, sizeof line - used, "%s%s", used ? sep : "",
		                         crumbs[i]);
	attr_t a = theme_attr(&t->theme, UI_TITLE);
	ui_fill(stdscr, 0, 0, COLS, a);
	ui_text(stdscr, 0, 1, room, line, a);
	ui_text_right(stdscr, 0, COLS - (int)strlen(right) - 1, (int)strlen(right), right, a);
}

static void draw_message(struct tui *t)
{
	int y = LINES - 2;
	attr_t a = theme_attr(&t->theme, t->status_error ? UI_ERROR : UI_STATUS);
	ui_fill(stdscr, y, 0, COLS, theme_attr(&t->theme, UI_STATUS));
	if (t->status[0])
		ui_text(stdscr, y, 0, COLS, t->status, a);
}

/* "a add  e edit  / search  ? help  q back" for the view on top. */
/* One "key word" hint at x; returns the new x, or -1 when it does not fit
 * before limit. */
static int hint(struct tui *t, enum action a, int x, int limit)
{
	attr_t ak = theme_attr(&t->theme, UI_HINT_KEY), aw = theme_attr(&t->theme, UI_HINT);
	char label[32];
	keymap_label(&t->keys, a, label, sizeof label, true);
	if (!label[0])
		return x;
	const char *word = keymap_hint(a);
	if (a == ACT_BACK && t->depth == 1)
		word = "quit"; /* nothing to go back to */
	int need = text_width(label) + 1 + (int)strlen(word);
	if (x + need > limit)
		return -1;
	x += ui_text_tight(stdscr, LINES - 1, x, limit - x, label, ak);
	x += ui_text_tight(stdscr, LINES - 1, x + 1, limit - x - 1, word, aw) + 1;
	return x + 2;
}

/* Hint a at the right end, before limit: the new limit. */
static int right_hint(struct tui *t, enum action a, int limit)
{
	char label[32];
	keymap_label(&t->keys, a, label, sizeof label, true);
	int x = limit - (text_width(label) + 1 + (int)strlen(keymap_hint(a)));
	if (!label[0] || x < COLS / 2)
		return limit;
	hint(t, a, x, limit);
	return x - 2;
}

/* "a add  e edit  / search ... ? help" for the view on top; "? help" always
 * gets its place at the end. */
static void draw_hints(struct tui *t)
{
	ui_fill(stdscr, LINES - 1, 0, COLS, theme_attr(&t->theme, UI_HINT));
	const struct view *top = t->depth ? t->stack[t->depth - 1] : NULL;
	if (!top)
		return;
	int x = 0, limit = COLS;
	if (!top->s->overlay) {
		char help[32];
		keymap_label(&t->keys, ACT_HELP, help, sizeof help, true);
		limit = COLS - (text_width(help) + 1 + (int)strlen(keymap_hint(ACT_HELP)));
		hint(t, ACT_HELP, limit, COLS);
		limit -= 2;
		if (undo_pending(t->ctx)) /* this session has a change to take back */
			limit = right_hint(t, ACT_UNDO, limit);
	}
	const enum action *acts = view_actions(top);
	int hints = keymap_hinted(acts);
	for (int i = 0; acts && i < hints && acts[i] != ACT_NONE && x >= 0; i++)
		x = hint(t, acts[i], x, limit);
}

void statusbar_draw(struct tui *t)
{
	draw_title(t);
	draw_message(t);
	draw_hints(t);
}
