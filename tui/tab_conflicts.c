/* tab_conflicts.c - what `muster check` reports for the event: every rule
 * violation present in the data (after an override or an import), one per
 * line. The sweep is done ahead, between keys, from the moment the event
 * opens (screen.work): one scan a step, and a scan gives way to a key
 * pressed meanwhile (it is given up and read again later). A sweep counts
 * only when the data did not change from its first step to its last
 * (another connection committed, PRAGMA data_version, or this one wrote):
 * otherwise it starts again. The result is kept until the data changes:
 * switching back to the tab and moving in it reuse it. A result older than
 * the data is never shown: the tab says it is checking until the new one is
 * in. While the tab is hidden, a sweep after a change starts at most every
 * RESWEEP_HIDDEN_S: other processes may write every second. A lead's
 * sweep waits for the tab: what a lead reads is audited. */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#endif
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/check.h"
#include "../core/page.h"
#include "../core/xmalloc.h"
#include "event.h"
#include "ui.h"

#define RESWEEP_HIDDEN_S 10.0

struct conflict {
	char *kind, *message;
};

struct found {
	struct conflict *items;
	int n, cap;
};

struct conflicts {
	struct found shown; /* what the list pages through */
	char error[1024];
	struct table tb;
	struct ctx *ctx;
	bool swept; /* shown holds the sweep of the data at stamp */
	struct page_stamp stamp;
	/* the sweep under way: what it found so far, since when */
	struct check_job *job;
	struct found next;
	int mark; /* next.n when the current step began */
	struct page_stamp job_stamp;
	double job_began; /* monotonic seconds */
	bool gave_way;    /* the step was given up for a key */
};

static const struct column cols[] = {
    {.title = "Rule", .width = 14, .marked = true, .kind = CELL_TEXT},
    {.title = "Conflict", .width = 0, .kind = CELL_TEXT},
};

static const enum action actions[] = {ACT_SEARCH, ACT_HINTS_END, ACT_OPEN, LIST_MOVES, ACT_NONE};

static const char checking[] = "Checking the event's rules\xe2\x80\xa6";

static int collect(void *arg, const char *kind, const char *message)
{
	struct found *f = arg;
	XGROW(f->items, f->n, f->cap, 16);
	f->items[f->n].kind = xstrdup(kind);
	f->items[f->n++].message = xstrdup(message);
	return 0;
}

/* Keep the first n. */
static void found_cut(struct found *f, int n)
{
	for (int i = n; i < f->n; i++) {
		free(f->items[i].kind);
		free(f->items[i].message);
	}
	f->n = n < f->n ? n : f->n;
}

static double monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The list pages through the collected violations by index. */
static int fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct table *tb = arg;
	struct conflicts *c = tb->owner;
	const struct found *f = &c->shown;
	int64_t step = r->backward ? -1 : 1;
	int64_t i = !r->has_after ? (r->backward ? f->n - 1 : 0)
	                          : r->after_key.i + (r->inclusive ? 0 : step);
	for (int taken = 0; i >= 0 && i < f->n && taken < r->limit; i += step) {
		const struct conflict *k = &f->items[i];
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
	c->ctx = t->ctx;
	return c;
}

/* What the list says when it has no rows. */
static void empty_text(struct conflicts *c)
{
	c->tb.list.empty = c->error[0] ? c->error : c->swept ? def.empty : checking;
}

/* The data changed since the result shown: it goes, the tab checks
 * (true). */
static bool forget_stale(struct conflicts *c, struct page_stamp now)
{
	if (!c->swept || page_stamp_same(now, c->stamp))
		return false;
	found_cut(&c->shown, 0);
	c->swept = false;
	c->error[0] = '\0';
	return true;
}

static void c_reload(void *st, struct tui *t)
{
	struct conflicts *c = st;
	forget_stale(c, page_data_stamp(t->ctx));
	empty_text(c);
	table_reload(&c->tb, t);
}

static void job_drop(struct conflicts *c)
{
	check_free(c->job);
	c->job = NULL;
	found_cut(&c->next, 0);
}

/* check_step's stop: a key waits. */
static int key_waits(void *arg)
{
	struct conflicts *c = arg;
	if (!ui_key_waiting())
		return 0;
	c->gave_way = true;
	return 1;
}

/* The finished sweep becomes what the tab shows. */
static int job_done(struct conflicts *c, struct tui *t, int ret, const struct err *e, bool shown)
{
	struct found old = c->shown;
	c->shown = c->next;
	c->next = old;
	found_cut(&c->next, 0);
	check_free(c->job);
	c->job = NULL;
	c->swept = true;
	c->stamp = c->job_stamp;
	snprintf(c->error, sizeof c->error, "%s", ret < 0 ? e->msg : "");
	if (!shown)
		return 0;
	empty_text(c);
	table_reload(&c->tb, t);
	return TUI_WORK_CHANGED;
}

static int c_work(void *st, struct tui *t, bool shown)
{
	struct conflicts *c = st;
	struct page_stamp now = page_data_stamp(t->ctx);
	int flags = 0;
	if (forget_stale(c, now) && shown) {
		empty_text(c);
		table_reload(&c->tb, t);
		flags = TUI_WORK_CHANGED;
	}
	if (c->swept)
		return 0;
	if (c->job && !page_stamp_same(now, c->job_stamp))
		job_drop(c); /* the data changed under the sweep: start again */
	/* a lead's reads of confidential people are audited as sightings
	 * (core/lead.c): a lead's sweep runs only while the tab is in view */
	if (!shown && t->ctx->lead)
		return flags;
	if (!c->job) {
		double at = monotonic();
		/* hidden, and not the first sweep: not more often than this */
		if (!shown && c->job_began > 0 && at - c->job_began < RESWEEP_HIDDEN_S)
			return flags;
		c->job = check_start(c->ctx, c->tb.event, collect, &c->next);
		c->job_stamp = now;
		c->job_began = at;
	}
	struct err e = {0};
	c->mark = c->next.n;
	c->gave_way = false;
	int ret = check_step(c->job, key_waits, c, &e);
	if (ret < 0 && c->gave_way) {
		found_cut(&c->next, c->mark); /* the step again, after the key */
		return flags | TUI_WORK_MORE;
	}
	if (ret == 0)
		return flags | TUI_WORK_MORE;
	if (!page_stamp_same(page_data_stamp(t->ctx), c->job_stamp)) {
		job_drop(c);
		return flags | TUI_WORK_MORE;
	}
	return flags | job_done(c, t, ret, &e, shown) | TUI_WORK_MORE;
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
	job_drop(c);
	found_cut(&c->shown, 0);
	free(c->shown.items);
	free(c->next.items);
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
    .work = c_work,
    .actions = actions,
};

const struct tab tab_conflicts = {
    .name = "Conflicts",
    .ops = &ops,
};
