/* screen_assign.c - who can take this shift? The event's volunteers and
 * staff, each checked against the rules with a dry run: those who may take it
 * first, then those a soft rule holds back (with the rule's words; ! assigns
 * anyway with a reason), then those a hard rule excludes, saying why. / looks
 * through everyone in the directory instead, checked as they scroll by. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../core/page.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "event.h"
#include "ops.h"
#include "ui.h"

#define POOL_MAX  20000
#define RECHECK_S 5
#define HEADER_H  2

enum rank { ELIGIBLE, SOFT, HARD };

struct cand {
	int64_t person;
	char name[160];
	char why[700];
	enum rank rank;
};

struct assign_view {
	int64_t shift, event;
	struct timespec checked; /* when the candidates were last checked */
	char what[300];
	struct cand *c;
	int n, cap;
	bool truncated;
	struct table tb;
	struct view *self;
};

static int assign_key(struct tui *t, struct table *tb, enum action a);
static int assign_open_row(struct tui *t, struct table *tb, const struct list_row *r);
static int assign_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e);

static const struct column cols[] = {
    {"Person", 24, false, false, NULL, CELL_TEXT},
    {"May take this shift?", 0, false, true, NULL, CELL_TEXT},
};

static const enum action actions[] = {ACT_OPEN, ACT_OVERRIDE, ACT_SEARCH,
                                      ACT_BACK, LIST_MOVES,   ACT_NONE};

static const struct table_def def = {
    .view = "people",
    .cols = cols,
    .ncols = 2,
    .empty = "Nobody is registered for this event yet: / searches the whole directory.",
    .actions = actions,
    .hints = 4,
    .key = assign_key,
    .open = assign_open_row,
    .fetch = assign_fetch,
};

/* The rule's message without the person's name in front (the row has it). */
static const char *without_name(const char *msg, const char *name)
{
	size_t n = strlen(name);
	const char *paren = strstr(name, " (confidential)");
	if (paren)
		n = (size_t)(paren - name);
	if (n && strncmp(msg, name, n) == 0 && msg[n] == ' ')
		return msg + n + 1;
	return msg;
}

static void verdict(struct tui *t, int64_t shift, int64_t person, struct cand *c)
{
	struct err e = {0};
	c->person = person;
	if (ops_assign_check(t->ctx, shift, person, &e) == 0) {
		c->rank = ELIGIBLE;
		snprintf(c->why, sizeof c->why, "yes");
	} else if (e.code == ERR_SOFT) {
		c->rank = SOFT;
		snprintf(c->why, sizeof c->why, "only with an override (!): %s",
		         without_name(e.msg, c->name));
	} else {
		c->rank = HARD;
		snprintf(c->why, sizeof c->why, "no: %s", without_name(e.msg, c->name));
	}
}

static enum ui_role rank_role(enum rank r)
{
	return r == ELIGIBLE ? UI_FULL : r == SOFT ? UI_PARTIAL : UI_DIM;
}

struct pool_ctx {
	struct assign_view *s;
	struct tui *t;
	struct db_value last_key;
	int64_t last_id;
	int got;
};

static int take_registered(void *arg, const struct page_row *r)
{
	struct pool_ctx *p = arg;
	struct assign_view *s = p->s;
	int si = page_col("volunteers", "status"), ni = page_col("volunteers", "name"),
	    pi = page_col("volunteers", "person"), ci = page_col("volunteers", "confidential");
	db_value_clear(&p->last_key);
	p->last_key = r->key.kind == DBV_TEXT
	                  ? (struct db_value){.kind = DBV_TEXT, .s = xstrdup(r->key.s)}
	                  : r->key;
	p->last_id = r->id;
	p->got++;
	if (r->cols[si].kind == DBV_TEXT && strcmp(r->cols[si].s, "cancelled") == 0)
		return 0;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->c = xrealloc(s->c, (size_t)s->cap * sizeof *s->c);
	}
	struct cand *c = &s->c[s->n++];
	snprintf(c->name, sizeof c->name, "%s%s", r->cols[ni].kind == DBV_TEXT ? r->cols[ni].s : "",
	         r->cols[ci].kind == DBV_INT && r->cols[ci].i ? " (confidential)" : "");
	verdict(p->t, s->shift, r->cols[pi].i, c);
	return 0;
}

static int by_rank(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcasecmp(x->name, y->name);
}

/* The event's volunteers and staff, checked and ordered. */
static void load_pool(struct assign_view *s, struct tui *t)
{
	struct pool_ctx p = {s, t, {0}, 0, 0};
	struct err e = {0};
	s->n = 0;
	s->truncated = false;
	for (;;) {
		struct page_req r = {.scope = s->event, .limit = 500};
		if (p.got) {
			r.has_after = true;
			r.after_key = p.last_key;
			r.after_id = p.last_id;
		}
		int before = p.got;
		if (page_fetch(t->ctx, "volunteers", &r, take_registered, &p, &e) < 0) {
			tui_error(t, &e);
			break;
		}
		if (p.got - before < 500)
			break;
		if (s->n >= POOL_MAX) {
			s->truncated = true;
			break;
		}
	}
	db_value_clear(&p.last_key);
	qsort(s->c, (size_t)s->n, sizeof *s->c, by_rank);
}

/* The directory, for a search: checked row by row as pages come. */
struct search_ctx {
	struct assign_view *s;
	struct tui *t;
	struct list *l;
};

static int take_person(void *arg, const struct page_row *r)
{
	struct search_ctx *sc = arg;
	int ni = page_col("people", "name"), ci = page_col("people", "confidential");
	struct cand c;
	snprintf(c.name, sizeof c.name, "%s%s", r->cols[ni].kind == DBV_TEXT ? r->cols[ni].s : "",
	         r->cols[ci].kind == DBV_INT && r->cols[ci].i ? " (confidential)" : "");
	verdict(sc->t, sc->s->shift, r->row, &c);
	const char *cells[] = {c.name, c.why};
	list_take(sc->l, &r->key, r->id, r->row, (int64_t)c.rank, cells, rank_role(c.rank));
	return 0;
}

static int assign_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct table *tb = arg;
	struct assign_view *s = tb->owner;
	if (r->search && r->search[0]) {
		struct search_ctx sc = {s, tb->src.t, l};
		return page_fetch(tb->src.t->ctx, "people", r, take_person, &sc, e);
	}
	int64_t step = r->backward ? -1 : 1;
	int64_t i = !r->has_after ? (r->backward ? s->n - 1 : 0)
	                          : r->after_key.i + (r->inclusive ? 0 : step);
	for (int taken = 0; i >= 0 && i < s->n && taken < r->limit; i += step, taken++) {
		const struct cand *c = &s->c[i];
		const char *cells[] = {c->name, c->why};
		struct db_value key = db_int(i);
		list_take(l, &key, i, c->person, (int64_t)c->rank, cells, rank_role(c->rank));
	}
	return 0;
}

struct pending {
	struct assign_view *s;
	int64_t person;
	char name[160];
};

static int override_done(struct tui *t, void *arg, const char *text);

/* Ask for the reason to lift a soft rule, showing the rule's message. */
static int ask_override(struct tui *t, struct assign_view *s, int64_t person, const char *name,
                        const char *msg)
{
	struct pending *p = xmalloc(sizeof *p);
	p->s = s;
	p->person = person;
	snprintf(p->name, sizeof p->name, "%s", name);
	char q[1400];
	snprintf(q, sizeof q,
	         "%s\n\nAssign anyway? Type the reason (it goes to the audit log), or Esc.", msg);
	dialog_prompt(t, "Override a soft rule", q, "Reason: ", "", override_done, p, free);
	return R_REDRAW;
}

/* Assign for real: the core decides, and its message is what the screen shows
 * when it says no; a soft no offers the override when none was given. */
static int assign_now(struct tui *t, struct assign_view *s, int64_t person, const char *name,
                      const char *reason)
{
	struct err e = {0};
	t->ctx->override_reason = reason;
	int rc = ops_assign(t->ctx, s->shift, person, &e);
	t->ctx->override_reason = NULL;
	if (rc < 0 && e.code == ERR_SOFT && !reason)
		return ask_override(t, s, person, name, e.msg);
	if (rc < 0) {
		table_fail(t, &e);
		return R_REDRAW | R_RELOAD;
	}
	if (reason)
		tui_info(t, "Assigned %s to %s (override: %s).", name, s->what, reason);
	else
		tui_info(t, "Assigned %s to %s.", name, s->what);
	tui_close(t, s->self);
	return R_RELOAD | R_REDRAW;
}

static int override_done(struct tui *t, void *arg, const char *text)
{
	struct pending *p = arg;
	if (!text[0]) {
		tui_info(t, "Not assigned: an override needs a reason.");
		return R_REDRAW;
	}
	return assign_now(t, p->s, p->person, p->name, text);
}

static int assign_open_row(struct tui *t, struct table *tb, const struct list_row *r)
{
	return assign_now(t, tb->owner, r->row, r->cells[0], NULL);
}

/* !: straight to the reason for a soft refusal. */
static int assign_key(struct tui *t, struct table *tb, enum action a)
{
	struct assign_view *s = tb->owner;
	const struct list_row *r = list_current(&tb->list);
	if (a != ACT_OVERRIDE)
		return -1;
	if (!r)
		return R_NONE;
	if (r->aux != SOFT)
		return assign_now(t, s, r->row, r->cells[0], NULL);
	return ask_override(t, s, r->row, r->cells[0], r->cells[1]);
}

static void as_layout(struct view *v, struct tui *t)
{
	struct assign_view *s = v->st;
	s->self = v;
	table_resize(&s->tb, t, t->body_h - HEADER_H);
}

static void as_draw(struct view *v, struct tui *t)
{
	struct assign_view *s = v->st;
	attr_t normal = theme_attr(&t->theme, UI_NORMAL);
	char line[512];
	snprintf(line, sizeof line, "Assign to: %s", s->what);
	ui_text(stdscr, t->body_y, 0, COLS, line, normal | A_BOLD);
	snprintf(
	    line, sizeof line, "%s",
	    s->tb.list.search[0]
	        ? "Everyone in the directory matching the search, checked as listed."
	    : s->truncated
	        ? "The first 20,000 volunteers, those who may take it first; / finds anyone."
	        : "The event's volunteers and staff, those who may take it first; / finds anyone.");
	ui_text(stdscr, t->body_y + 1, 0, COLS, line, theme_attr(&t->theme, UI_DIM));
	table_draw(&s->tb, t, stdscr, t->body_y + HEADER_H, 0, t->body_h - HEADER_H, COLS);
}

static int as_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct assign_view *s = v->st;
	int r = table_key(&s->tb, t, a);
	if (r >= 0)
		return r;
	return a == ACT_BACK ? R_POP : -1;
}

static void describe(struct assign_view *s, struct tui *t)
{
	struct record r;
	struct err e = {0};
	snprintf(s->what, sizeof s->what, "shift %" PRId64, s->shift);
	if (record_get(t->ctx, entity_find("shift"), s->shift, &r, &e) < 0)
		return;
	s->event = record_int(&r, "event");
	struct record role;
	char span[96];
	source_span(t, r.tz, record_int(&r, "starts"), record_int(&r, "ends"), span, sizeof span);
	if (record_get(t->ctx, entity_find("role"), record_int(&r, "role"), &role, &e) == 0) {
		snprintf(s->what, sizeof s->what, "%s %s", record_text(&role, "name"), span);
		record_free(&role);
	}
	record_free(&r);
}

/* Checking thousands of volunteers takes a moment: while other processes
 * keep writing, check again at most every few seconds (the assignment itself
 * is checked by the core anyway). */
static bool due(struct assign_view *s)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (s->checked.tv_sec && now.tv_sec - s->checked.tv_sec < RECHECK_S)
		return false;
	s->checked = now;
	return true;
}

static void as_reload(struct view *v, struct tui *t)
{
	struct assign_view *s = v->st;
	describe(s, t);
	if (due(s))
		load_pool(s, t);
	table_reload(&s->tb, t);
}

static void as_leave(struct view *v, struct tui *t)
{
	struct assign_view *s = v->st;
	table_free(&s->tb);
	free(s->c);
	free(s);
}

static const struct screen assign_screen = {
    .name = "assign",
    .actions = actions,
    .hints = 4,
    .draw = as_draw,
    .key = as_key,
    .reload = as_reload,
    .layout = as_layout,
    .leave = as_leave,
};

void screen_assign_open(struct tui *t, int64_t shift)
{
	struct assign_view *s = xcalloc(1, sizeof *s);
	s->shift = shift;
	describe(s, t);
	due(s);
	load_pool(s, t);
	table_init(&s->tb, t, &def, s->event, s->event);
	s->tb.owner = s;
	tui_push(t, &assign_screen, s, "Assign");
}
