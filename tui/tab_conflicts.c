/* tab_conflicts.c - what `muster check` reports for the event: every rule
 * violation present in the data (after an override or an import), one per
 * line. The sweep runs when the tab first shows and again only once the
 * data changed (another connection committed, PRAGMA data_version, or this
 * one wrote): switching back to the tab and moving in it reuse the result. */
#include <stdlib.h>
#include <string.h>

#include "../core/check.h"
#include "../core/page.h"
#include "../core/xmalloc.h"
#include "event.h"

struct conflict {
	char *kind, *message;
};

struct conflicts {
	struct conflict *items;
	int n, cap;
	char error[1024];
	struct table tb;
	bool swept; /* items hold the sweep of the data at stamp */
	struct page_stamp stamp;
};

static const struct column cols[] = {
    {.title = "Rule", .width = 14, .marked = true, .kind = CELL_TEXT},
    {.title = "Conflict", .width = 0, .kind = CELL_TEXT},
};

static const enum action actions[] = {ACT_SEARCH, ACT_HINTS_END, ACT_OPEN, LIST_MOVES, ACT_NONE};

static int collect(void *arg, const char *kind, const char *message)
{
	struct conflicts *c = arg;
	XGROW(c->items, c->n, c->cap, 16);
	c->items[c->n].kind = xstrdup(kind);
	c->items[c->n++].message = xstrdup(message);
	return 0;
}

static void conflicts_clear(struct conflicts *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->items[i].kind);
		free(c->items[i].message);
	}
	c->n = 0;
}

/* The list pages through the collected violations by index. */
static int fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct table *tb = arg;
	struct conflicts *c = tb->owner;
	int64_t step = r->backward ? -1 : 1;
	int64_t i = !r->has_after ? (r->backward ? c->n - 1 : 0)
	                          : r->after_key.i + (r->inclusive ? 0 : step);
	for (int taken = 0; i >= 0 && i < c->n && taken < r->limit; i += step) {
		const struct conflict *k = &c->items[i];
		if (r->search && r->search[0] && !strstr(k->message, r->search))
			continue;
		const char *cells[] = {k->kind, k->message};
		struct db_value key = db_int(i);
		list_take(l, &key, i, i, 0, cells, UI_UNDER);
		taken++;
	}
	return 0;
}

static const struct table_def def = {
    .view = "conflicts",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No conflicts: every rule holds in this event's data.",
    .actions = actions,
    .fetch = fetch,
};

static void *c_open(struct tui *t, const struct event_info *ev)
{
	struct conflicts *c = xcalloc(1, sizeof *c);
	table_init(&c->tb, t, &def, ev->id, ev->id);
	c->tb.owner = c;
	return c;
}

static void c_reload(void *st, struct tui *t)
{
	struct conflicts *c = st;
	struct err e = {0};
	struct page_stamp now = page_data_stamp(t->ctx);
	if (!c->swept || !page_stamp_same(now, c->stamp)) {
		conflicts_clear(c);
		c->error[0] = '\0';
		c->swept = check_run(t->ctx, c->tb.event, collect, c, &e) == 0;
		if (!c->swept)
			snprintf(c->error, sizeof c->error, "%s", e.msg);
		c->stamp = now;
	}
	c->tb.list.empty = c->error[0] ? c->error : def.empty;
	table_reload(&c->tb, t);
}

static void c_draw(void *st, struct tui *t, int y, int h)
{
	struct conflicts *c = st;
	table_draw(&c->tb, t, stdscr, y, 0, h, COLS);
}

static int c_key(void *st, struct tui *t, enum action a)
{
	struct conflicts *c = st;
	return table_key(&c->tb, t, a);
}

static void c_resize(void *st, struct tui *t, int h)
{
	struct conflicts *c = st;
	table_resize(&c->tb, t, h);
}

static bool c_idle(void *st, struct tui *t)
{
	struct conflicts *c = st;
	return table_idle(&c->tb, t);
}

static void c_free(void *st)
{
	struct conflicts *c = st;
	conflicts_clear(c);
	free(c->items);
	table_free(&c->tb);
	free(c);
}

static const struct tab_ops ops = {
    .open = c_open,
    .draw = c_draw,
    .key = c_key,
    .reload = c_reload,
    .resize = c_resize,
    .free = c_free,
    .idle = c_idle,
    .actions = actions,
};

const struct tab tab_conflicts = {
    .name = "Conflicts",
    .ops = &ops,
};
