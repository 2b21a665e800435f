/* table.c - the behaviour shared by every list of rows of one entity, and a
 * full-screen view holding one such list. */
#include "table.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void table_switch(struct table *tb, struct tui *t, const struct table_def *def)
{
	char search[sizeof tb->list.search];
	snprintf(search, sizeof search, "%s", tb->list.search);
	int h = tb->list.height;
	list_free(&tb->list);
	drop_cache(tb);
	tb->def = def;
	tb->src.view = def->view;
	tb->src.aux_col = def->aux_col;
	list_init(&tb->list, def->cols, def->ncols, def->fetch ? def->fetch : source_fetch,
	          def->fetch ? (void *)tb : (void *)&tb->src, def->empty);
	snprintf(tb->list.search, sizeof tb->list.search, "%s", search);
	load_cache(tb, t);
	table_resize(tb, t, h + 1);
}

void table_fail(struct tui *t, const struct err *e)
{
	tui_error(t, e);
	if (text_width(e->msg) > COLS)
		dialog_message(
		    t, e->code == ERR_REFUSED || e->code == ERR_SOFT ? "Refused" : "Error", e->msg);
}

void table_draw(struct table *tb, struct tui *t, WINDOW *w, int y, int x, int h, int width)
{
	list_draw(&tb->list, &t->theme, w, y, x, h, width, true);
}

void table_resize(struct table *tb, struct tui *t, int h)
{
	struct err e = {0};
	if (list_resize(&tb->list, h - 1, &e) < 0)
		tui_error(t, &e);
}

void table_reload(struct table *tb, struct tui *t)
{
	struct err e = {0};
	load_cache(tb, t);
	if (list_reload(&tb->list, &e) < 0)
		tui_error(t, &e);
}

static int search_done(struct tui *t, void *arg, const char *text)
{
	struct table *tb = arg;
	struct err e = {0};
	if (list_set_search(&tb->list, text, &e) < 0)
		tui_error(t, &e);
	else if (text[0])
		tui_info(t, "Showing rows matching \"%s\"; Esc shows all.", text);
	return R_REDRAW;
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
	char what[200], q[400];
	record_describe(&rec, what, sizeof what);
	record_free(&rec);
	snprintf(q, sizeof q, "Delete %s? This cannot be undone (the audit log keeps a note).",
	         what);
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
		return tb->def->entity ? table_edit(t, tb, row->row) : R_NONE;
	default:
		return -1;
	}
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
