/* source.c - formatting a view's rows into list cells. */
#include "source.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/tz.h"

/* A wall time that occurs twice carries its offset: "Sun 7 Nov 01:30(-05:00)". */
void source_time(const struct tui *t, const char *tz, int64_t at, char *buf, size_t n)
{
	const char *z = tz && tz[0] ? tz : "UTC";
	char when[48], mark[16];
	tz_format_human(z, at, t->app->cfg.time_12h, when, sizeof when);
	tz_format_mark(z, at, mark, sizeof mark);
	snprintf(buf, n, "%s%s", when, mark);
}

void source_span(const struct tui *t, const char *tz, int64_t from, int64_t to, char *buf, size_t n)
{
	const char *z = tz && tz[0] ? tz : "UTC";
	char a[64], b[64];
	source_time(t, z, from, a, sizeof a);
	if (tz_day_start(z, from) == tz_day_start(z, to - 1)) {
		char hm[16], mark[16];
		tz_format_hm(z, to, t->app->cfg.time_12h, hm, sizeof hm);
		tz_format_mark(z, to, mark, sizeof mark);
		snprintf(b, sizeof b, "%s%s", hm, mark);
	} else
		source_time(t, z, to, b, sizeof b);
	snprintf(buf, n, "%s-%s", a, b);
}

enum ui_role source_cover(int64_t need_min, int64_t need_max, int64_t filled, bool cancelled,
                          char *buf, size_t n)
{
	char need[48];
	if (need_max > need_min)
		snprintf(need, sizeof need, "%" PRId64 "/%" PRId64 "-%" PRId64, filled, need_min,
		         need_max);
	else
		snprintf(need, sizeof need, "%" PRId64 "/%" PRId64, filled, need_min);
	if (cancelled) {
		snprintf(buf, n, "%s cancelled", need);
		return UI_DIM;
	}
	if (filled < need_min) {
		snprintf(buf, n, "%s SHORT %" PRId64, need, need_min - filled);
		return UI_UNDER;
	}
	snprintf(buf, n, "%s %s", need, filled < need_max ? "ok" : "full");
	return filled < need_max ? UI_PARTIAL : UI_FULL;
}

static const struct db_value *col(const struct page_row *r, const char *view, const char *name)
{
	static const struct db_value none = {DBV_NULL, 0, NULL};
	int i = page_col(view, name);
	return i >= 0 ? &r->cols[i] : &none;
}

static int64_t ival(const struct db_value *v)
{
	return v->kind == DBV_INT ? v->i : 0;
}

static void cell(const struct source *s, const struct page_row *r, const struct column *c,
                 const char *tz, char *buf, size_t n, enum ui_role *role)
{
	const struct db_value *v = c->src ? col(r, s->view, c->src) : NULL;
	buf[0] = '\0';
	switch (c->kind) {
	case CELL_TEXT:
	case CELL_INT:
		if (v && v->kind == DBV_TEXT)
			snprintf(buf, n, "%s", v->s);
		else if (v && v->kind == DBV_INT)
			snprintf(buf, n, "%" PRId64, v->i);
		break;
	case CELL_TIME:
		if (v && v->kind == DBV_INT)
			source_time(s->t, tz, v->i, buf, n);
		break;
	case CELL_HM:
		if (v && v->kind == DBV_INT)
			tz_format_hm(tz[0] ? tz : "UTC", v->i, s->t->app->cfg.time_12h, buf, n);
		break;
	case CELL_SPAN:
		source_span(s->t, tz, ival(col(r, s->view, "starts")),
		            ival(col(r, s->view, "ends")), buf, n);
		break;
	case CELL_YESNO:
		snprintf(buf, n, "%s", v && ival(v) ? "yes" : "");
		break;
	case CELL_COVER: {
		const struct db_value *st = col(r, s->view, "status");
		bool cancelled = st->kind == DBV_TEXT && strcmp(st->s, "cancelled") == 0;
		*role = source_cover(ival(col(r, s->view, "need_min")),
		                     ival(col(r, s->view, "need_max")),
		                     ival(col(r, s->view, "filled")), cancelled, buf, n);
		break;
	}
	case CELL_CONF:
		snprintf(buf, n, "%s%s", v && v->kind == DBV_TEXT ? v->s : "",
		         ival(col(r, s->view, "confidential")) ? " (confidential)" : "");
		break;
	}
}

struct fetch_ctx {
	struct source *s;
	struct list *l;
};

static int take(void *arg, const struct page_row *r)
{
	struct fetch_ctx *f = arg;
	char buf[LIST_MAX_COLS][512];
	const char *cells[LIST_MAX_COLS];
	enum ui_role role = UI_NORMAL;
	const char *tz = f->s->tz;
	const struct db_value *rowtz = col(r, f->s->view, "tz");
	if (!tz[0] && rowtz->kind == DBV_TEXT)
		tz = rowtz->s;
	for (int i = 0; i < f->l->ncols; i++) {
		cell(f->s, r, &f->l->cols[i], tz, buf[i], sizeof buf[i], &role);
		cells[i] = buf[i];
	}
	const struct db_value *aux = col(r, f->s->view, f->s->aux_col ? f->s->aux_col : "person");
	list_take(f->l, &r->key, r->id, r->row, ival(aux), cells, role);
	const struct db_value *tell = col(r, f->s->view, "tell");
	if (tell->kind == DBV_TEXT)
		list_tell(f->l, tell->s);
	return 0;
}

int source_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct source *s = arg;
	struct page_req req = *r;
	req.scope = s->scope;
	struct fetch_ctx f = {s, l};
	return page_fetch(s->t->ctx, s->view, &req, take, &f, e);
}
