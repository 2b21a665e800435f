/* screen_autofill.c - F on the Shifts tab: auto-fill's proposal for one day
 * of the event (the day of the selected shift), before anything is
 * written. Every proposed assignment is a line; d drops a line (or takes it
 * back, ACT_DROP), y accepts what is left as one batch (core/autofill.h writes it,
 * each assignment checked again by the rules), q leaves without writing.
 * After the proposals come the shifts that stay short of need_min, each with
 * its reasons in the words the command line uses; the line under the list
 * tells the selected line in full. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/autofill.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "event.h"
#include "ui.h"

#define HEADER_H 2
#define FOOTER_H 2

enum { ROW_PICK, ROW_SHORT };

struct autofill_view {
	int64_t event;
	char tz[64];
	char day[11];   /* YYYY-MM-DD */
	char label[32]; /* "Sat 13 Mar" */
	struct af_plan plan;
	bool planned;
	struct table tb;
	struct view *self;
};

static int af_key(struct tui *t, struct table *tb, enum action a);
static int af_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e);

static const struct column cols[] = {
    {.title = "When", .width = 22, .kind = CELL_TEXT},
    {.title = "Role", .width = 16, .kind = CELL_TEXT},
    {.title = "Where", .width = 10, .kind = CELL_TEXT},
    {.title = "Volunteer, or why still short", .width = 0, .marked = true, .kind = CELL_TEXT},
};

static const enum action actions[] = {ACT_ACCEPT,    ACT_DROP,   ACT_BACK,
                                      ACT_HINTS_END, LIST_MOVES, ACT_NONE};

static const struct table_def def = {
    .view = "autofill",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "Nothing to propose: no open shift of this day, or nobody may take one.",
    .actions = actions,
    .key = af_key,
    .fetch = af_fetch,
};

static long nrows(const struct autofill_view *s)
{
	return (long)(s->plan.npicks + s->plan.nshorts);
}

/* Line i: a proposal, then the short shifts. */
static void row_cells(struct autofill_view *s, struct tui *t, long i, char (*buf)[512],
                      enum ui_role *role)
{
	const struct af_plan *p = &s->plan;
	int64_t starts, ends;
	const char *what, *place;
	if (i < (long)p->npicks) {
		const struct af_pick *pk = &p->picks[i];
		starts = pk->starts;
		ends = pk->ends;
		what = pk->role;
		place = pk->place;
		bool dropped = pk->state == AF_DROPPED;
		snprintf(buf[3], 512, "%s%s%s", dropped ? "(dropped) " : "", pk->name,
		         pk->confidential ? " (confidential)" : "");
		*role = dropped ? UI_DIM : UI_FULL;
	} else {
		const struct af_short *sh = &p->shorts[i - (long)p->npicks];
		char why[400];
		starts = sh->starts;
		ends = sh->ends;
		what = sh->role;
		place = sh->place;
		autofill_reasons_text(sh, why, sizeof why);
		snprintf(buf[3], 512, "SHORT %" PRId64 "/%" PRId64 ": %s", sh->filled, sh->need_min,
		         why);
		*role = UI_UNDER;
	}
	source_span(t, s->tz, starts, ends, buf[0], 512);
	snprintf(buf[1], 512, "%s", what);
	snprintf(buf[2], 512, "%s", place);
}

/* The first line of a request, by index: after (or before) the anchor. */
static long first_row(const struct autofill_view *s, const struct page_req *r)
{
	if (!r->has_after)
		return r->backward ? nrows(s) - 1 : 0;
	long k = r->after_key.kind == DBV_INT ? (long)r->after_key.i : 0;
	if (!r->backward)
		return r->inclusive ? k : k + 1;
	return r->inclusive ? k : k - 1;
}

static int af_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct table *tb = arg;
	struct autofill_view *s = tb->owner;
	struct tui *t = tb->src.t;
	long step = r->backward ? -1 : 1;
	long i = first_row(s, r);
	for (int n = 0; i >= 0 && i < nrows(s) && n < r->limit; i += step, n++) {
		char buf[4][512];
		enum ui_role role;
		row_cells(s, t, i, buf, &role);
		const char *cells[] = {buf[0], buf[1], buf[2], buf[3]};
		struct db_value key = db_int(i);
		list_take(l, &key, i, i, i < (long)s->plan.npicks ? ROW_PICK : ROW_SHORT, cells,
		          role);
	}
	return 0;
}

/* d: drop the selected proposal, or take it back. */
static int drop(struct tui *t, struct autofill_view *s, const struct list_row *r)
{
	if (!r || r->aux != ROW_PICK)
		return R_NONE;
	struct af_pick *pk = &s->plan.picks[r->row];
	bool dropped = pk->state != AF_DROPPED;
	autofill_drop(&s->plan, (size_t)r->row, dropped);
	tui_info(t, "%s %s.", dropped ? "Dropped" : "Took back", pk->name);
	table_reload(&s->tb, t);
	return R_REDRAW;
}

/* y: write what is left as one batch. */
static int accept(struct tui *t, struct autofill_view *s)
{
	struct err e = {0};
	if (s->plan.stats.proposed == 0) {
		tui_info(t, "Nothing to write: every line is dropped.");
		return R_REDRAW;
	}
	if (autofill_apply(t->ctx, &s->plan, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW | R_RELOAD;
	}
	const struct af_stats *st = &s->plan.stats;
	tui_info(t,
	         "Batch %" PRId64 ": %" PRId64 " assignments added, %" PRId64
	         " skipped (:autofill --undo %" PRId64 " takes it back).",
	         s->plan.batch, st->added, st->skipped, s->plan.batch);
	tui_close(t, s->self);
	return R_RELOAD | R_REDRAW;
}

static int af_key(struct tui *t, struct table *tb, enum action a)
{
	struct autofill_view *s = tb->owner;
	switch (a) {
	case ACT_DROP:
		return drop(t, s, list_current(&tb->list));
	case ACT_ACCEPT:
		return accept(t, s);
	case ACT_OPEN:
		return R_NONE;
	default:
		return -1;
	}
}

static void draw_footer(struct autofill_view *s, struct tui *t, int y)
{
	const struct list_row *r = list_current(&s->tb.list);
	attr_t dim = theme_attr(&t->theme, UI_DIM);
	char line[1024];
	line[0] = '\0';
	if (r && r->aux == ROW_PICK) {
		const struct af_pick *pk = &s->plan.picks[r->row];
		snprintf(line, sizeof line, "%s on %s %s%s%s", pk->name, pk->role, r->cells[0],
		         pk->state == AF_DROPPED ? " (dropped: d takes it back)" : " (d drops it)",
		         "");
	} else if (r) {
		const struct af_short *sh = &s->plan.shorts[r->row - (long)s->plan.npicks];
		char why[400];
		autofill_reasons_text(sh, why, sizeof why);
		snprintf(line, sizeof line,
		         "Shift %" PRId64 " stays short (%" PRId64 " of %" PRId64
		         "); volunteers kept off: %s",
		         sh->shift, sh->filled, sh->need_min, why);
	}
	for (int i = 0; i < FOOTER_H; i++)
		ui_fill(stdscr, y + i, 0, COLS, dim);
	ui_wrap(stdscr, y, 0, COLS, FOOTER_H, line, dim);
}

static void af_draw(struct view *v, struct tui *t)
{
	struct autofill_view *s = v->st;
	const struct af_stats *st = &s->plan.stats;
	attr_t normal = theme_attr(&t->theme, UI_NORMAL);
	char line[512];
	snprintf(line, sizeof line,
	         "Auto-fill %s: %" PRId64 " proposed, %" PRId64 " dropped; need_min %" PRId64
	         "/%" PRId64 ", places %" PRId64 "/%" PRId64,
	         s->label, st->proposed, st->dropped, st->min_after, st->min_places, st->max_after,
	         st->max_places);
	ui_text(stdscr, t->body_y, 0, COLS, line, normal | A_BOLD);
	if (st->used)
		snprintf(line, sizeof line,
		         "%" PRId64 " volunteers, hours max %.1f median %.1f min %.1f; %zu short",
		         st->used, st->hours_max, st->hours_median, st->hours_min, s->plan.nshorts);
	else
		snprintf(line, sizeof line, "Nothing proposed; %zu short", s->plan.nshorts);
	ui_text(stdscr, t->body_y + 1, 0, COLS, line, theme_attr(&t->theme, UI_DIM));
	int h = t->body_h - HEADER_H - FOOTER_H;
	table_draw(&s->tb, t, stdscr, t->body_y + HEADER_H, 0, h, COLS);
	draw_footer(s, t, t->body_y + HEADER_H + h);
}

static int af_screen_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct autofill_view *s = v->st;
	int r = table_key(&s->tb, t, a);
	if (r >= 0)
		return r;
	if (a == ACT_BACK) {
		tui_info(t, "Auto-fill left: nothing was written.");
		return R_POP;
	}
	return -1;
}

static void af_layout(struct view *v, struct tui *t)
{
	struct autofill_view *s = v->st;
	s->self = v;
	table_resize(&s->tb, t, t->body_h - HEADER_H - FOOTER_H);
}

/* Another writer's change does not move the proposal: accepting checks each
 * line against the database as it is then. */
static void af_reload(struct view *v, struct tui *t)
{
	struct autofill_view *s = v->st;
	table_reload(&s->tb, t);
}

static void af_leave(struct view *v, struct tui *t)
{
	struct autofill_view *s = v->st;
	table_free(&s->tb);
	autofill_free(&s->plan);
	free(s);
}

static const struct screen autofill_screen = {
    .name = "autofill",
    .actions = actions,
    .draw = af_draw,
    .key = af_screen_key,
    .reload = af_reload,
    .layout = af_layout,
    .leave = af_leave,
};

void screen_autofill_open(struct tui *t, int64_t event, const char *tz, int64_t day)
{
	struct autofill_view *s = xcalloc(1, sizeof *s);
	struct tz_local l;
	struct err e = {0};
	s->event = event;
	snprintf(s->tz, sizeof s->tz, "%s", tz && tz[0] ? tz : "UTC");
	tz_local(s->tz, day, &l);
	snprintf(s->day, sizeof s->day, "%04d-%02d-%02d", l.year, l.month, l.day);
	source_time(t, s->tz, day, s->label, sizeof s->label);
	s->label[strlen(s->label) > 6 ? strlen(s->label) - 6 : 0] = '\0'; /* drop the time */
	struct af_scope sc = {.event = event};
	snprintf(sc.day, sizeof sc.day, "%s", s->day);
	if (autofill_plan(t->ctx, &sc, &s->plan, &e) < 0) {
		tui_error(t, &e);
		free(s);
		return;
	}
	table_init(&s->tb, t, &def, event, event);
	s->tb.owner = s;
	tui_push(t, &autofill_screen, s, "Auto-fill");
}
