/* screen_assign.c - who can take this shift? The event's volunteers and
 * staff, those who may take it first, then those a soft rule holds back
 * (with the rule's words; ! assigns anyway with a reason), then those a hard
 * rule excludes, saying why. The order comes from core/candidates.h (one
 * set-based estimate for everyone, never worse than the truth); each row is
 * checked with the core's dry run as it comes into view, and a row the dry
 * run ranks worse than the estimate moves down to its place before it is
 * shown. / looks through everyone in the directory instead, checked as
 * they scroll by; n adds a new person (named as searched) and assigns them. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/candidates.h"
#include "../core/page.h"
#include "../core/rules.h"
#include "../core/staffing.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "event.h"
#include "picker.h"
#include "ui.h"

#define HEADER_H 2

struct cand {
	int64_t person;
	char *name;          /* with "(confidential)" when flagged */
	char *tell;          /* what tells them from another of the name, or NULL */
	char *why;           /* the dry run's answer, NULL until checked */
	enum cand_rank rank; /* its place: the estimate, then no better than the dry run's */
	enum cand_rank said; /* the dry run's */
	size_t by_name;
};

struct assign_view {
	int64_t shift, event;
	char what[300];
	struct cand *c; /* by rank, then name */
	long n;
	struct table tb;
	struct view *self;
};

static int assign_key(struct tui *t, struct table *tb, enum action a);
static int assign_open_row(struct tui *t, struct table *tb, const struct list_row *r);
static int assign_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e);

static const struct column cols[] = {
    {.title = "Person", .width = 32, .kind = CELL_CONF},
    {.title = "May take this shift?", .width = 0, .marked = true, .kind = CELL_TEXT},
};

static const enum action actions[] = {ACT_OPEN, ACT_OVERRIDE,  ACT_SEARCH, ACT_NEW,
                                      ACT_BACK, ACT_HINTS_END, LIST_MOVES, ACT_NONE};

static const struct table_def def = {
    .view = "people",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "Nobody is registered for this event yet: / searches the whole directory.",
    .actions = actions,
    .key = assign_key,
    .open = assign_open_row,
    .fetch = assign_fetch,
    .uncounted = true,
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

/* The core's dry run of person on shift: its rank and its words. */
static enum cand_rank verdict(struct tui *t, int64_t shift, int64_t person, const char *name,
                              char *why, size_t n)
{
	struct err e = {0};
	int rc = staffing_check(t->ctx, shift, person, &e);
	enum cand_rank rank = candidates_rank_of(rc, &e);
	if (rank == CAND_ELIGIBLE)
		snprintf(why, n, "yes");
	else if (rank == CAND_SOFT)
		snprintf(why, n, "only with an override (!): %s", without_name(e.msg, name));
	else
		snprintf(why, n, "no: %s", without_name(e.msg, name));
	return rank;
}

static enum ui_role rank_role(enum cand_rank r)
{
	return r == CAND_ELIGIBLE ? UI_FULL : r == CAND_SOFT ? UI_PARTIAL : UI_DIM;
}

static void pool_free(struct assign_view *s)
{
	for (long i = 0; i < s->n; i++) {
		free(s->c[i].name);
		free(s->c[i].tell);
		free(s->c[i].why);
	}
	free(s->c);
	s->c = NULL;
	s->n = 0;
}

/* The event's volunteers and staff, ranked by the estimate. */
static void load_pool(struct assign_view *s, struct tui *t)
{
	struct candidates cs;
	struct err e = {0};
	pool_free(s);
	if (candidates_load(t->ctx, s->shift, &cs, &e) < 0) {
		tui_error(t, &e);
		return;
	}
	s->c = xcalloc(cs.n ? cs.n : 1, sizeof *s->c);
	for (size_t i = 0; i < cs.n; i++) {
		struct cand *c = &s->c[s->n++];
		size_t len = strlen(cs.v[i].name) + sizeof " (confidential)";
		c->name = xmalloc(len);
		snprintf(c->name, len, "%s%s", cs.v[i].name,
		         cs.v[i].confidential ? " (confidential)" : "");
		c->tell = cs.v[i].tell ? xstrdup(cs.v[i].tell) : NULL;
		c->person = cs.v[i].person;
		c->rank = cs.v[i].rank;
		c->by_name = cs.v[i].by_name;
	}
	candidates_free(&cs);
}

/* A row's place in the order (its list key): rank, then name. */
static int64_t order_of(const struct assign_view *s, const struct cand *c)
{
	return (int64_t)c->rank * (s->n + 1) + (int64_t)c->by_name;
}

/* The dry run for row i; when it ranks the row worse than the estimate,
 * the row moves down to its place and true is returned. */
static bool check_row(struct assign_view *s, struct tui *t, long i)
{
	struct cand c = s->c[i];
	char why[RULE_MSG_MAX];
	enum cand_rank rank = verdict(t, s->shift, c.person, c.name, why, sizeof why);
	c.why = xstrdup(why);
	c.said = rank;
	if (rank <= c.rank) {
		s->c[i] = c;
		return false;
	}
	c.rank = rank;
	long j = i + 1;
	while (j < s->n && order_of(s, &s->c[j]) < order_of(s, &c))
		j++;
	memmove(&s->c[i], &s->c[i + 1], (size_t)(j - i - 1) * sizeof *s->c);
	s->c[j - 1] = c;
	return true;
}

/* The first row of a request, by order: after (or before) the anchor. */
static long first_row(const struct assign_view *s, const struct page_req *r)
{
	if (!r->has_after)
		return r->backward ? s->n - 1 : 0;
	int64_t k = r->after_key.kind == DBV_INT ? r->after_key.i : 0;
	if (!r->backward) {
		long i = 0;
		while (i < s->n &&
		       (order_of(s, &s->c[i]) < k || (order_of(s, &s->c[i]) == k && !r->inclusive)))
			i++;
		return i;
	}
	long i = s->n - 1;
	while (i >= 0 &&
	       (order_of(s, &s->c[i]) > k || (order_of(s, &s->c[i]) == k && !r->inclusive)))
		i--;
	return i;
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
	char name[300], why[RULE_MSG_MAX];
	snprintf(name, sizeof name, "%s%s", r->cols[ni].kind == DBV_TEXT ? r->cols[ni].s : "",
	         r->cols[ci].kind == DBV_INT && r->cols[ci].i ? " (confidential)" : "");
	enum cand_rank rank = verdict(sc->t, sc->s->shift, r->row, name, why, sizeof why);
	const char *cells[] = {name, why};
	list_take(sc->l, &r->key, r->id, r->row, (int64_t)rank, cells, rank_role(rank));
	int ti = page_col("people", "tell");
	if (r->cols[ti].kind == DBV_TEXT)
		list_tell(sc->l, r->cols[ti].s);
	return 0;
}

/* The rows asked for, each checked first; a check that moves a row down
 * starts the walk again, so the rows handed over are in their true order. */
static int assign_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct table *tb = arg;
	struct assign_view *s = tb->owner;
	struct tui *t = tb->src.t;
	if (r->search && r->search[0]) {
		struct search_ctx sc = {s, t, l};
		return page_fetch(t->ctx, "people", r, take_person, &sc, e);
	}
	long step = r->backward ? -1 : 1, i;
	for (bool moved = true; moved;) {
		moved = false;
		i = first_row(s, r);
		for (int n = 0; i >= 0 && i < s->n && n < r->limit && !moved; i += step, n++)
			moved = !s->c[i].why && check_row(s, t, i);
	}
	i = first_row(s, r);
	for (int n = 0; i >= 0 && i < s->n && n < r->limit; i += step, n++) {
		const struct cand *c = &s->c[i];
		const char *cells[] = {c->name, c->why};
		struct db_value key = db_int(order_of(s, c));
		list_take(l, &key, c->person, c->person, (int64_t)c->said, cells,
		          rank_role(c->said));
		list_tell(l, c->tell);
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
	int64_t id;
	int rc = staffing_assign(t->ctx, s->shift, person, "coordinator", &id, &e);
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

/* The person just added from the dialog (arg: its view), assigned. */
static int created(struct tui *t, void *arg, int64_t id, const char *label)
{
	for (int i = 0; i < t->depth; i++)
		if (t->stack[i] == arg)
			return assign_now(t, t->stack[i]->st, id, label, NULL);
	return R_REDRAW;
}

/* !: straight to the reason for a soft refusal. n: a new person. */
static int assign_key(struct tui *t, struct table *tb, enum action a)
{
	struct assign_view *s = tb->owner;
	const struct list_row *r = list_current(&tb->list);
	if (a == ACT_NEW) {
		picker_create(t, "person", s->event, tb->list.search, created, s->self, NULL);
		return R_REDRAW;
	}
	if (a != ACT_OVERRIDE)
		return -1;
	if (!r)
		return R_NONE;
	/* the rule's own words, which name the person (the row's do not) */
	struct err e = {0};
	if (staffing_check(t->ctx, s->shift, r->row, &e) == 0 || e.code != ERR_SOFT)
		return assign_now(t, s, r->row, r->cells[0], NULL);
	return ask_override(t, s, r->row, r->cells[0], e.msg);
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
	        ? "Everyone in the directory matching the search; n adds a new person."
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

static void as_reload(struct view *v, struct tui *t)
{
	struct assign_view *s = v->st;
	describe(s, t);
	load_pool(s, t);
	table_reload(&s->tb, t);
}

static bool as_idle(struct view *v, struct tui *t)
{
	struct assign_view *s = v->st;
	return table_idle(&s->tb, t);
}

static void as_leave(struct view *v, struct tui *t)
{
	struct assign_view *s = v->st;
	table_free(&s->tb);
	pool_free(s);
	free(s);
}

static const struct screen assign_screen = {
    .name = "assign",
    .actions = actions,
    .draw = as_draw,
    .key = as_key,
    .reload = as_reload,
    .layout = as_layout,
    .leave = as_leave,
    .idle = as_idle,
};

struct who {
	int64_t shift, person;
};

static int unassign_yes(struct tui *t, void *arg)
{
	struct who *w = arg;
	struct err e = {0};
	if (staffing_unassign(t->ctx, w->shift, w->person, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	tui_info(t, "Taken off the shift.");
	return R_RELOAD;
}

void screen_assign_take_off(struct tui *t, int64_t shift, int64_t person, const char *question)
{
	struct who *w = xmalloc(sizeof *w);
	w->shift = shift;
	w->person = person;
	dialog_confirm(t, "Unassign", question, unassign_yes, w, free);
}

void screen_assign_open(struct tui *t, int64_t shift)
{
	struct assign_view *s = xcalloc(1, sizeof *s);
	s->shift = shift;
	describe(s, t);
	load_pool(s, t);
	table_init(&s->tb, t, &def, s->event, s->event);
	s->tb.owner = s;
	tui_push(t, &assign_screen, s, "Assign");
}
