/* table.c - the behaviour shared by every list of rows of one entity, and a
 * full-screen view holding one such list. */
#define _POSIX_C_SOURCE 200809L
#include "table.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/page.h"
#include "../core/strbuf.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "text.h"
#include "ui.h"

void table_init(struct table *tb, struct tui *t, const struct table_def *def, int64_t scope,
                int64_t event)
{
	memset(tb, 0, sizeof *tb);
	tb->def = def;
	tb->event = event;
	tb->src.t = t;
	tb->src.view = def->view;
	tb->src.aux_col = def->aux_col;
	tb->src.scope = scope;
	if (event) {
		struct err e = {0};
		entity_tz_of(t->ctx, entity_find("event"), event, tb->src.tz, sizeof tb->src.tz,
		             &e);
	}
	list_init(&tb->list, def->cols, def->ncols, def->fetch ? def->fetch : source_fetch,
	          def->fetch ? (void *)tb : (void *)&tb->src, def->empty);
}

/* Forget what the definition's load computed. */
static void drop_cache(struct table *tb)
{
	if (tb->cache && tb->def->drop)
		tb->def->drop(tb);
	tb->cache = NULL;
}

/* Compute the rows of a report-backed definition. */
static void load_cache(struct table *tb, struct tui *t)
{
	struct err e = {0};
	if (tb->def->load && tb->def->load(t, tb, &e) < 0)
		tui_error(t, &e);
}

void table_free(struct table *tb)
{
	drop_cache(tb);
	list_free(&tb->list);
}

/* Lines the caption takes: one when it has something to say. */
static int caption_lines(const struct table *tb)
{
	return tb->def->noun || tb->list.search[0] ? 1 : 0;
}

/* The list gets what the caption and the header leave. */
static void relayout(struct table *tb, struct tui *t)
{
	struct err e = {0};
	if (tb->h > 0 && list_resize(&tb->list, tb->h - 1 - caption_lines(tb), &e) < 0)
		tui_error(t, &e);
}

void table_switch(struct table *tb, struct tui *t, const struct table_def *def)
{
	char search[sizeof tb->list.search];
	snprintf(search, sizeof search, "%s", tb->list.search);
	int h = tb->h > 0 ? tb->h : tb->list.height + 1;
	list_free(&tb->list);
	drop_cache(tb);
	tb->def = def;
	tb->src.view = def->view;
	tb->src.aux_col = def->aux_col;
	list_init(&tb->list, def->cols, def->ncols, def->fetch ? def->fetch : source_fetch,
	          def->fetch ? (void *)tb : (void *)&tb->src, def->empty);
	snprintf(tb->list.search, sizeof tb->list.search, "%s", search);
	load_cache(tb, t);
	tb->stale = true;
	table_resize(tb, t, h);
}

void table_fail(struct tui *t, const struct err *e)
{
	tui_error(t, e);
	if (text_width(e->msg) > COLS)
		dialog_message(
		    t, e->code == ERR_REFUSED || e->code == ERR_SOFT ? "Refused" : "Error", e->msg);
}

/* Is the count for the list as it is now? */
static bool count_current(const struct table *tb)
{
	const struct table_count *c = &tb->count;
	return c->known && c->def == tb->def && strcmp(c->search, tb->list.search) == 0;
}

/* "227 shifts, 39 short" or "Filter "Usher" matches 12 shifts, 3 short ·
 * Esc shows all"; "…" while the rows are being counted. */
static void caption(const struct table *tb, char *buf, size_t n)
{
	const struct table_def *d = tb->def;
	const char *q = tb->list.search;
	bool known = count_current(tb);
	char num[64] = "\xe2\x80\xa6", flag[64] = "", noun[64];
	snprintf(noun, sizeof noun, "%s", d->noun ? d->noun : "rows");
	if (known && tb->count.rows == 1) {
		if (d->noun_one)
			snprintf(noun, sizeof noun, "%s", d->noun_one);
		else if (strlen(noun) > 1 && noun[strlen(noun) - 1] == 's')
			noun[strlen(noun) - 1] = '\0';
	}
	if (known) {
		snprintf(num, sizeof num, "%" PRId64, tb->count.rows);
		if (d->flag_word)
			snprintf(flag, sizeof flag, ", %" PRId64 " %s", tb->count.flagged,
			         d->flag_word);
	}
	if (q[0] && d->uncounted)
		snprintf(buf, n, "Filter \"%s\" \xc2\xb7 Esc shows all", q);
	else if (q[0])
		snprintf(buf, n, "Filter \"%s\" matches %s %s%s \xc2\xb7 Esc shows all", q, num,
		         noun, flag);
	else
		snprintf(buf, n, "%s %s%s", num, noun, flag);
}

void table_draw(struct table *tb, struct tui *t, WINDOW *w, int y, int x, int h, int width)
{
	int cap = caption_lines(tb);
	if (cap) {
		char line[512];
		caption(tb, line, sizeof line);
		bool filtered = tb->list.search[0] != '\0';
		ui_text(w, y, x, width, line,
		        theme_attr(&t->theme, filtered ? UI_PARTIAL : UI_DIM) |
		            (filtered ? A_BOLD : 0));
	}
	tb->list.show_ids = t->show_ids && (tb->def->entity || !tb->def->fetch); /* real ids */
	list_draw(&tb->list, &t->theme, w, y + cap, x, h - cap, width, true);
}

void table_resize(struct table *tb, struct tui *t, int h)
{
	tb->h = h;
	relayout(tb, t);
}

void table_reload(struct table *tb, struct tui *t)
{
	struct err e = {0};
	load_cache(tb, t);
	tb->stale = true;
	if (list_reload(&tb->list, &e) < 0)
		tui_error(t, &e);
}

static double monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Rows of a list that is not a view (conflicts, a report), counted by
 * fetching them all from memory. */
static int count_fetched(struct table *tb, int64_t *rows, struct err *e)
{
	struct list l;
	list_init(&l, tb->def->cols, tb->def->ncols, tb->list.fetch, tb->list.arg, NULL);
	struct page_req r = {.search = tb->list.search, .limit = 1 << 30};
	int ret = l.fetch(l.arg, &l, &r, e);
	*rows = l.ngot;
	list_free(&l);
	return ret;
}

/* A count of the same list is redone after data changed, at most this
 * often (each costs a scan; other leads and kiosks may write every second). */
#define RECOUNT_S 5.0

bool table_idle(struct table *tb, struct tui *t)
{
	if (!caption_lines(tb) || tb->def->uncounted)
		return false;
	double now = monotonic();
	bool same = count_current(tb);
	if (same && (!tb->stale || now - tb->count.at < RECOUNT_S))
		return false;
	struct table_count c = {.known = true, .def = tb->def, .at = now};
	snprintf(c.search, sizeof c.search, "%s", tb->list.search);
	struct page_req r = {.scope = tb->src.scope, .search = tb->list.search};
	struct err e = {0};
	int ret = tb->def->fetch ? count_fetched(tb, &c.rows, &e)
	                         : page_count(t->ctx, tb->def->view, &r, &c.rows, &c.flagged, &e);
	tb->stale = false;
	if (ret < 0) {
		tui_error(t, &e);
		return true;
	}
	tb->count = c;
	return true;
}

static int search_done(struct tui *t, void *arg, const char *text)
{
	struct table *tb = arg;
	struct err e = {0};
	if (list_set_search(&tb->list, text, &e) < 0)
		tui_error(t, &e);
	relayout(tb, t);
	tb->stale = true;
	return R_REDRAW;
}

/* A field as a person reads it; a reference names its row too. */
static void field_text(struct tui *t, const struct record *rec, size_t i, char *buf, size_t n)
{
	const struct field_def *f = &rec->ent->fields[i];
	const struct entity_def *to = f->type == FT_REF && f->ref ? entity_find(f->ref) : NULL;
	struct record ref;
	struct err e = {0};
	if (to && rec->v[i].kind == DBV_INT && record_get(t->ctx, to, rec->v[i].i, &ref, &e) == 0) {
		record_describe(&ref, buf, n);
		record_free(&ref);
		return;
	}
	record_format_field(rec, i, buf, n);
}

/* Every field of row id of ent, read-only, in a box titled with its id. */
static int view_record(struct tui *t, const struct entity_def *ent, int64_t id)
{
	struct record rec;
	struct err e = {0};
	if (record_get(t->ctx, ent, id, &rec, &e) < 0) {
		table_fail(t, &e);
		return R_RELOAD;
	}
	struct strbuf sb = {0};
	for (size_t i = 0; i < ent->nfields; i++) {
		char value[1024];
		field_text(t, &rec, i, value, sizeof value);
		strbuf_addf(&sb, "%s: %s\n", ent->fields[i].name, value[0] ? value : "-");
	}
	record_free(&rec);
	char title[96];
	snprintf(title, sizeof title, "%c%s %" PRId64 " (e edits it from the list)",
	         ent->name[0] - 'a' + 'A', ent->name + 1, id);
	dialog_text(t, title, sb.s ? sb.s : "", true);
	strbuf_free(&sb);
	return R_REDRAW;
}

/* A row of a list that is not one entity's (conflicts, the audit log, a
 * report): each column's whole text, read-only, in a box. */
static int view_cells(struct tui *t, struct table *tb, const struct list_row *r)
{
	struct strbuf sb = {0};
	for (int i = 0; i < tb->list.ncols; i++)
		strbuf_addf(&sb, "%s: %s\n", tb->def->cols[i].title, r->cells[i]);
	dialog_text(t, tb->def->noun ? tb->def->noun : "Details", sb.s ? sb.s : "", true);
	strbuf_free(&sb);
	return R_REDRAW;
}

int table_view_row(struct tui *t, struct table *tb, const struct list_row *r)
{
	return tb->def->entity ? view_record(t, entity_find(tb->def->entity), r->row)
	                       : view_cells(t, tb, r);
}

int table_add(struct tui *t, struct table *tb)
{
	if (!tb->def->entity)
		return R_NONE;
	struct form_spec spec = {.ent = entity_find(tb->def->entity), .event = tb->event};
	if (tb->def->preset)
		tb->def->preset(t, tb, &spec);
	form_open(t, &spec);
	return R_REDRAW;
}

int table_edit(struct tui *t, struct table *tb, int64_t id)
{
	if (!tb->def->entity)
		return R_NONE;
	struct form_spec spec = {.ent = entity_find(tb->def->entity), .id = id, .event = tb->event};
	form_open(t, &spec);
	return R_REDRAW;
}

struct doomed {
	const struct entity_def *ent;
	int64_t id;
};

static int delete_yes(struct tui *t, void *arg)
{
	struct doomed *d = arg;
	struct err e = {0};
	if (record_rm(t->ctx, d->ent, d->id, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	tui_info(t, "Deleted %s %" PRId64 ".", d->ent->name, d->id);
	return R_RELOAD;
}

int table_delete_row(struct tui *t, const struct entity_def *ent, int64_t id)
{
	struct record rec;
	struct err e = {0};
	if (record_get(t->ctx, ent, id, &rec, &e) < 0) {
		table_fail(t, &e);
		return R_RELOAD;
	}
	char what[200], q[400], undo[32];
	record_describe(&rec, what, sizeof what);
	record_free(&rec);
	keymap_label(&t->keys, ACT_UNDO, undo, sizeof undo, true);
	snprintf(q, sizeof q, "Delete %s? %s undoes it until you quit muster.", what, undo);
	struct doomed *d = xmalloc(sizeof *d);
	d->ent = ent;
	d->id = id;
	dialog_confirm(t, "Delete", q, delete_yes, d, free);
	return R_REDRAW;
}

int table_key(struct table *tb, struct tui *t, enum action a)
{
	struct err e = {0};
	int moved = list_key(&tb->list, a, &e);
	if (moved < 0)
		tui_error(t, &e);
	if (moved)
		return R_REDRAW;
	if (tb->def->key) {
		int r = tb->def->key(t, tb, a);
		if (r >= 0)
			return r;
	}
	const struct list_row *row = list_current(&tb->list);
	switch (a) {
	case ACT_SEARCH:
		dialog_prompt(t, NULL, NULL, "/", tb->list.search, search_done, tb, NULL);
		return R_REDRAW;
	case ACT_BACK:
	case ACT_CANCEL:
		if (!tb->list.search[0])
			return -1;
		return search_done(t, tb, "");
	case ACT_ADD:
		return tb->def->entity ? table_add(t, tb) : -1;
	case ACT_EDIT:
		return tb->def->entity && row ? table_edit(t, tb, row->row) : -1;
	case ACT_DELETE:
		return tb->def->entity && row
		           ? table_delete_row(t, entity_find(tb->def->entity), row->row)
		           : -1;
	case ACT_OPEN:
		if (!row)
			return R_NONE;
		if (tb->def->open)
			return tb->def->open(t, tb, row);
		return table_view_row(t, tb, row);
	default:
		return -1;
	}
}

int64_t table_time_in_view(const struct table *tb, int64_t fallback)
{
	const struct list_row *r = list_current(&tb->list);
	return r && r->key.kind == DBV_INT && tb->src.tz[0] ? r->key.i : fallback;
}

int table_day_jump(struct tui *t, struct table *tb, bool forward)
{
	const struct list_row *r = list_current(&tb->list);
	const char *tz = tb->src.tz[0] ? tb->src.tz : "UTC";
	if (!r || r->key.kind != DBV_INT)
		return R_NONE;
	int64_t day = tz_day_start(tz, r->key.i);
	int64_t to = forward ? tz_day_start(tz, day + 30 * 3600) : tz_day_start(tz, day - 1);
	struct db_value key = db_int(to);
	struct err e = {0};
	if (list_goto(&tb->list, &key, 0, &e) < 0)
		tui_error(t, &e);
	char label[64];
	source_time(t, tz, to, label, sizeof label);
	label[strlen(label) > 6 ? strlen(label) - 6 : 0] = '\0'; /* drop the time */
	tui_info(t, "From %s on ([ and ] change the day).", label);
	return R_REDRAW;
}

/* ---- a full screen of one table ----------------------------------------- */

static void ts_layout(struct view *v, struct tui *t)
{
	table_resize(v->st, t, t->body_h);
}

static void ts_draw(struct view *v, struct tui *t)
{
	table_draw(v->st, t, stdscr, t->body_y, 0, t->body_h, COLS);
}

static int ts_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct table *tb = v->st;
	int r = table_key(tb, t, a);
	if (r >= 0)
		return r;
	if (a == ACT_BACK)
		return t->depth > 1 ? R_POP : R_QUIT;
	return -1;
}

static void ts_reload(struct view *v, struct tui *t)
{
	table_reload(v->st, t);
}

static bool ts_idle(struct view *v, struct tui *t)
{
	return table_idle(v->st, t);
}

static void ts_leave(struct view *v, struct tui *t)
{
	table_free(v->st);
	free(v->st);
}

static const struct screen table_screen = {
    .name = "list",
    .draw = ts_draw,
    .key = ts_key,
    .reload = ts_reload,
    .layout = ts_layout,
    .leave = ts_leave,
    .idle = ts_idle,
};

void table_screen_open(struct tui *t, const struct table_def *def, const char *title, int64_t scope,
                       int64_t event)
{
	struct table *tb = xmalloc(sizeof *tb);
	table_init(tb, t, def, scope, event);
	struct view *v = tui_push(t, &table_screen, tb, title);
	if (v) {
		v->actions = def->actions;
		tb->owner = v;
	}
}
