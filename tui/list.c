/* list.c - a window of rows over a keyset-paged source. Moving past the
 * edge fetches one row (or one page) beyond the first or last row on screen;
 * the cursor is kept on its row across reloads by its (key, id). */
#include "list.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "text.h"
#include "ui.h"

void list_init(struct list *l, const struct column *cols, int ncols, list_fetch_fn fetch, void *arg,
               const char *empty)
{
	memset(l, 0, sizeof *l);
	l->cols = cols;
	l->ncols = ncols < LIST_MAX_COLS ? ncols : LIST_MAX_COLS;
	l->fetch = fetch;
	l->arg = arg;
	l->empty = empty;
	l->height = 1;
}

static void row_clear(struct list_row *r)
{
	db_value_clear(&r->key);
	for (int i = 0; i < LIST_MAX_COLS; i++) {
		free(r->cells[i]);
		r->cells[i] = NULL;
	}
	free(r->tell);
	r->tell = NULL;
}

static void rows_clear(struct list_row *rows, int n)
{
	for (int i = 0; i < n; i++)
		row_clear(&rows[i]);
}

void list_free(struct list *l)
{
	rows_clear(l->rows, l->nrows);
	rows_clear(l->got, l->ngot);
	free(l->rows);
	free(l->got);
	l->rows = l->got = NULL;
	l->nrows = l->ngot = l->capgot = 0;
}

static struct db_value value_copy(const struct db_value *v)
{
	if (v->kind == DBV_TEXT)
		return (struct db_value){.kind = DBV_TEXT, .s = xstrdup(v->s)};
	return *v;
}

void list_take(struct list *l, const struct db_value *key, int64_t id, int64_t row, int64_t aux,
               const char *const *cells, enum ui_role role)
{
	XGROW(l->got, l->ngot, l->capgot, 32);
	struct list_row *r = &l->got[l->ngot++];
	memset(r, 0, sizeof *r);
	r->key = value_copy(key);
	r->id = id;
	r->row = row;
	r->aux = aux;
	r->role = role;
	for (int i = 0; i < l->ncols; i++)
		r->cells[i] = xstrdup(cells[i] ? cells[i] : "");
}

void list_tell(struct list *l, const char *tell)
{
	if (l->ngot == 0 || !tell || !tell[0])
		return;
	struct list_row *r = &l->got[l->ngot - 1];
	free(r->tell);
	r->tell = xstrdup(tell);
}

/* Fetch into l->got: up to limit rows after/before anchor (NULL: from the
 * start, or the end when backward). */
static int fetch(struct list *l, const struct list_row *anchor, bool inclusive, bool backward,
                 int limit, struct err *e)
{
	rows_clear(l->got, l->ngot);
	l->ngot = 0;
	struct page_req r = {.search = l->search,
	                     .has_after = anchor != NULL,
	                     .inclusive = inclusive,
	                     .backward = backward,
	                     .limit = limit};
	if (anchor) {
		r.after_key = anchor->key;
		r.after_id = anchor->id;
	}
	return l->fetch(l->arg, l, &r, e);
}

static void ensure_rows(struct list *l)
{
	if (!l->rows)
		l->rows = xcalloc((size_t)l->height + 1, sizeof *l->rows);
}

/* Replace the window with got (reversed when it came backward). */
static void window_from_got(struct list *l, bool reversed)
{
	rows_clear(l->rows, l->nrows);
	free(l->rows);
	l->rows = xcalloc((size_t)l->height + 1, sizeof *l->rows);
	l->nrows = 0;
	for (int i = 0; i < l->ngot && l->nrows < l->height; i++)
		l->rows[l->nrows++] = l->got[reversed ? l->ngot - 1 - i : i];
	for (int i = l->nrows; i < l->ngot; i++)
		row_clear(&l->got[reversed ? l->ngot - 1 - i : i]);
	l->ngot = 0;
}

/* Fill the window starting at anchor (inclusive); when the rows run out
 * before the window is full, pull earlier rows in above. */
static int fill_from(struct list *l, const struct list_row *anchor, struct err *e)
{
	struct list_row copy = {0};
	if (anchor) {
		copy.key = value_copy(&anchor->key);
		copy.id = anchor->id;
	}
	int ret = fetch(l, anchor ? &copy : NULL, true, false, l->height, e);
	if (ret == 0) {
		window_from_got(l, false);
		int missing = l->height - l->nrows;
		const struct list_row *before = l->nrows ? &l->rows[0] : (anchor ? &copy : NULL);
		if (missing > 0 && before) {
			struct list_row b = {.key = value_copy(&before->key), .id = before->id};
			ret = fetch(l, &b, false, true, missing, e);
			row_clear(&b);
			if (ret == 0 && l->ngot > 0) {
				int k = l->ngot;
				memmove(l->rows + k, l->rows, (size_t)l->nrows * sizeof *l->rows);
				for (int i = 0; i < k; i++)
					l->rows[i] = l->got[k - 1 - i];
				l->nrows += k;
				l->ngot = 0;
				l->cursor += k;
			}
		}
	}
	row_clear(&copy);
	return ret;
}

static void clamp_cursor(struct list *l)
{
	if (l->cursor >= l->nrows)
		l->cursor = l->nrows - 1;
	if (l->cursor < 0)
		l->cursor = 0;
}

int list_reload(struct list *l, struct err *e)
{
	ensure_rows(l);
	int64_t keep = l->nrows ? l->rows[l->cursor].id : 0;
	int at = l->cursor;
	struct list_row top = {0};
	bool have = l->nrows > 0;
	if (have) {
		top.key = value_copy(&l->rows[0].key);
		top.id = l->rows[0].id;
	}
	l->cursor = 0;
	if (!have)
		l->at_start = true;
	int ret = fill_from(l, have && !l->at_start ? &top : NULL, e);
	row_clear(&top);
	int found = -1;
	for (int i = 0; i < l->nrows; i++)
		if (l->rows[i].id == keep)
			found = i;
	l->cursor = found >= 0 ? found : at;
	clamp_cursor(l);
	return ret;
}

int list_resize(struct list *l, int height, struct err *e)
{
	if (height < 1)
		height = 1;
	if (height == l->height && l->rows)
		return 0;
	/* keep the rows but let the window grow or shrink */
	struct list_row *old = l->rows;
	int n = l->nrows < height ? l->nrows : height;
	int cur = l->cursor;
	l->rows = xcalloc((size_t)height + 1, sizeof *l->rows);
	if (old) {
		int drop = cur >= height ? cur - height + 1 : 0; /* keep the cursor on screen */
		for (int i = 0; i < l->nrows; i++) {
			if (i >= drop && i - drop < n)
				l->rows[i - drop] = old[i];
			else
				row_clear(&old[i]);
		}
		l->cursor = cur - drop;
		free(old);
	}
	l->nrows = n;
	l->height = height;
	clamp_cursor(l);
	return list_reload(l, e);
}

int list_first(struct list *l, struct err *e)
{
	ensure_rows(l);
	l->cursor = 0;
	l->at_start = true;
	int ret = fill_from(l, NULL, e);
	l->cursor = 0;
	clamp_cursor(l);
	return ret;
}

int list_goto(struct list *l, const struct db_value *key, int64_t id, struct err *e)
{
	ensure_rows(l);
	struct list_row anchor = {.key = value_copy(key), .id = id};
	l->cursor = 0;
	l->at_start = false;
	int ret = fill_from(l, &anchor, e);
	row_clear(&anchor);
	clamp_cursor(l);
	return ret;
}

int list_set_search(struct list *l, const char *text, struct err *e)
{
	snprintf(l->search, sizeof l->search, "%s", text ? text : "");
	return list_first(l, e);
}

static int last_page(struct list *l, struct err *e)
{
	if (fetch(l, NULL, false, true, l->height, e) < 0)
		return -1;
	l->at_start = l->ngot < l->height;
	window_from_got(l, true);
	l->cursor = l->nrows - 1;
	clamp_cursor(l);
	return 0;
}

/* One row past the bottom (or top) edge, the window shifting by one. */
static int step(struct list *l, bool down, struct err *e)
{
	if (l->nrows == 0)
		return 0;
	const struct list_row *edge = down ? &l->rows[l->nrows - 1] : &l->rows[0];
	if (fetch(l, edge, false, !down, 1, e) < 0)
		return -1;
	if (l->ngot == 0) {
		if (!down)
			l->at_start = true;
		return 0;
	}
	if (l->nrows >= l->height)
		l->at_start = l->at_start && !down;
	if (l->nrows < l->height) { /* room left: just grow */
		if (down)
			l->rows[l->nrows] = l->got[0];
		else {
			memmove(l->rows + 1, l->rows, (size_t)l->nrows * sizeof *l->rows);
			l->rows[0] = l->got[0];
		}
		l->nrows++;
		l->cursor = down ? l->nrows - 1 : 0;
	} else if (down) {
		row_clear(&l->rows[0]);
		memmove(l->rows, l->rows + 1, (size_t)(l->nrows - 1) * sizeof *l->rows);
		l->rows[l->nrows - 1] = l->got[0];
	} else {
		row_clear(&l->rows[l->nrows - 1]);
		memmove(l->rows + 1, l->rows, (size_t)(l->nrows - 1) * sizeof *l->rows);
		l->rows[0] = l->got[0];
	}
	l->ngot = 0;
	return 0;
}

/* A page past the bottom (or top): the window moves by as many rows as came. */
static int page(struct list *l, bool down, struct err *e)
{
	if (l->nrows == 0)
		return 0;
	const struct list_row *edge = down ? &l->rows[l->nrows - 1] : &l->rows[0];
	if (fetch(l, edge, false, !down, l->height, e) < 0)
		return -1;
	int k = l->ngot < l->nrows ? l->ngot : l->nrows;
	if (!down && l->ngot < l->height)
		l->at_start = true;
	if (k == 0) {
		l->cursor = down ? l->nrows - 1 : 0;
		return 0;
	}
	if (down)
		l->at_start = false;
	if (down) {
		rows_clear(l->rows, k);
		memmove(l->rows, l->rows + k, (size_t)(l->nrows - k) * sizeof *l->rows);
		for (int i = 0; i < k; i++)
			l->rows[l->nrows - k + i] = l->got[i];
	} else {
		rows_clear(l->rows + l->nrows - k, k);
		memmove(l->rows + k, l->rows, (size_t)(l->nrows - k) * sizeof *l->rows);
		for (int i = 0; i < k; i++)
			l->rows[k - 1 - i] = l->got[i];
	}
	rows_clear(l->got + k, l->ngot - k);
	l->ngot = 0;
	return 0;
}

int list_key(struct list *l, enum action a, struct err *e)
{
	ensure_rows(l);
	switch (a) {
	case ACT_DOWN:
		if (l->cursor < l->nrows - 1)
			return l->cursor++, 1;
		return step(l, true, e) < 0 ? -1 : 1;
	case ACT_UP:
		if (l->cursor > 0)
			return l->cursor--, 1;
		return step(l, false, e) < 0 ? -1 : 1;
	case ACT_PGDN:
		return page(l, true, e) < 0 ? -1 : 1;
	case ACT_PGUP:
		return page(l, false, e) < 0 ? -1 : 1;
	case ACT_HOME:
		return list_first(l, e) < 0 ? -1 : 1;
	case ACT_END:
		return last_page(l, e) < 0 ? -1 : 1;
	default:
		return 0;
	}
}

const struct list_row *list_current(const struct list *l)
{
	return l->nrows > 0 ? &l->rows[l->cursor] : NULL;
}

/* Short of room, the columns that grew past their asked width go back to
 * it; then the flexible column (the name) gives way, to FLEX_MIN; then the
 * others that may be cut, widest first, to SQUEEZE_MIN, and the name to
 * SQUEEZE_MIN; only then a kept one (times, numbers, phones, emails). */
#define FLEX_MIN    20
#define SQUEEZE_MIN 8
#define CUT_MIN     4

/* Is the column never cut while the others can give way (times, numbers,
 * coverage, and the text columns that ask: phones, emails, codes)? */
static bool keeps(const struct column *c)
{
	switch (c->kind) {
	case CELL_INT:
	case CELL_TIME:
	case CELL_HM:
	case CELL_SPAN:
	case CELL_YESNO:
	case CELL_COVER:
		return true;
	default:
		return c->keep;
	}
}

/* Does the list show a column that tells people apart by itself? */
static bool shows_who(const struct list *l)
{
	for (int i = 0; i < l->ncols; i++)
		if (l->cols[i].src &&
		    (strcmp(l->cols[i].src, "email") == 0 || strcmp(l->cols[i].src, "code") == 0))
			return true;
	return false;
}

/* Does another row on screen show the same person's name as row r? */
static bool name_shared(const struct list *l, int r, int i)
{
	for (int o = 0; o < l->nrows; o++)
		if (o != r && strcmp(l->rows[o].cells[i], l->rows[r].cells[i]) == 0)
			return true;
	return false;
}

/* The text of row r's column i: a person's name with what tells them apart
 * ("Dana Kowalski · Safe Harbor Shelter · dana@example.org") when another
 * row on screen has the same name, and no column shows emails or codes. */
static const char *cell_text(const struct list *l, int r, int i, char *buf, size_t n)
{
	const struct list_row *row = &l->rows[r];
	if (l->cols[i].kind != CELL_CONF || !row->tell || shows_who(l) || !name_shared(l, r, i))
		return row->cells[i];
	snprintf(buf, n, "%s \xc2\xb7 %s", row->cells[i], row->tell);
	return buf;
}

/* What column i needs: its title and its widest cell on screen (the asked
 * width while there are no rows). */
static int need_of(const struct list *l, int i)
{
	const struct column *c = &l->cols[i];
	int need = text_width(c->title);
	if (l->nrows == 0)
		return need > c->width ? need : c->width;
	for (int r = 0; r < l->nrows; r++) {
		char buf[1024];
		int cw = text_width(cell_text(l, r, i, buf, sizeof buf));
		if (cw > need)
			need = cw;
	}
	return need;
}

/* Take up to `over` columns from the columns `may` allows, one at a time
 * from the widest above its least; what is still over. */
static int squeeze(int *out, const int *least, const bool *may, int n, int over)
{
	while (over > 0) {
		int widest = -1;
		for (int i = 0; i < n; i++)
			if (may[i] && out[i] > least[i] && (widest < 0 || out[i] > out[widest]))
				widest = i;
		if (widest < 0)
			break;
		out[widest]--;
		over--;
	}
	return over;
}

/* Widths of the columns in w, shared by what they need: every column as
 * wide as its widest cell when that fits, the rest to the flexible one.
 * Short of room the columns give way in the order above: times, numbers
 * and kept columns (phones, emails) last. Columns that still do not fit
 * get 0. */
static void widths(const struct list *l, int w, int *out)
{
	int flex = -1, total = l->ncols > 0 ? l->ncols - 1 : 0;
	int least[LIST_MAX_COLS] = {0};
	bool may[LIST_MAX_COLS] = {0};
	for (int i = 0; i < l->ncols; i++) {
		const struct column *c = &l->cols[i];
		if (c->width == 0 && flex < 0)
			flex = i;
		out[i] = need_of(l, i);
		total += out[i];
	}
	int over = total - w;
	if (over <= 0) {
		if (flex >= 0)
			out[flex] -= over;
		return;
	}
	for (int i = 0; i < l->ncols; i++) { /* the others back to their asked width */
		may[i] = i != flex && !keeps(&l->cols[i]);
		least[i] = l->cols[i].width;
	}
	over = squeeze(out, least, may, l->ncols, over);
	for (int i = 0; i < l->ncols; i++) { /* then the flexible column (the name) */
		may[i] = i == flex;
		least[i] = FLEX_MIN;
	}
	over = squeeze(out, least, may, l->ncols, over);
	for (int i = 0; i < l->ncols; i++) { /* the others that may be cut */
		may[i] = i != flex && !keeps(&l->cols[i]);
		least[i] = SQUEEZE_MIN;
	}
	over = squeeze(out, least, may, l->ncols, over);
	for (int i = 0; i < l->ncols; i++) { /* the name further */
		may[i] = i == flex;
		least[i] = SQUEEZE_MIN;
	}
	over = squeeze(out, least, may, l->ncols, over);
	for (int i = 0; i < l->ncols; i++) { /* and at last the kept ones */
		may[i] = true;
		least[i] = CUT_MIN;
	}
	over = squeeze(out, least, may, l->ncols, over);
	int left = w;
	for (int i = 0; i < l->ncols; i++) {
		int gap = i ? 1 : 0;
		if (left - gap <= 0) {
			out[i] = 0;
			continue;
		}
		out[i] = out[i] < left - gap ? out[i] : left - gap;
		left -= out[i] + gap;
	}
}

static void draw_cells(const struct list *l, const int *wd, WINDOW *win, int y, int x,
                       const char *const *cells, attr_t base, attr_t marked)
{
	int at = x;
	for (int i = 0; i < l->ncols; i++) {
		if (wd[i] <= 0)
			continue;
		if (i) {
			ui_fill(win, y, at, 1, base);
			at++;
		}
		attr_t a = l->cols[i].marked ? marked : base;
		if (l->cols[i].right)
			ui_text_right(win, y, at, wd[i], cells[i], a);
		else
			ui_text(win, y, at, wd[i], cells[i], a);
		at += wd[i];
	}
}

/* The id column (#): each row's id, right-aligned, as wide as the widest;
 * returns the columns it takes with its gap (0 when hidden). */
static int draw_ids(const struct list *l, const struct ui_theme *th, WINDOW *win, int y, int x,
                    int h, bool focused)
{
	if (!l->show_ids)
		return 0;
	int idw = 2;
	char id[24];
	for (int i = 0; i < l->nrows; i++) {
		snprintf(id, sizeof id, "%" PRId64, l->rows[i].row);
		if ((int)strlen(id) > idw)
			idw = (int)strlen(id);
	}
	ui_fill(win, y, x, idw + 1, theme_attr(th, UI_HEADER));
	ui_text_right(win, y, x, idw, "ID", theme_attr(th, UI_HEADER));
	for (int i = 0; i < h - 1 && i < l->nrows; i++) {
		bool sel = focused && i == l->cursor;
		attr_t a = theme_attr(th, sel ? UI_SELECTED : UI_DIM);
		snprintf(id, sizeof id, "%" PRId64, l->rows[i].row);
		ui_fill(win, y + 1 + i, x, idw + 1, a);
		ui_text_right(win, y + 1 + i, x, idw, id, a);
	}
	return idw + 1;
}

void list_draw(const struct list *l, const struct ui_theme *th, WINDOW *win, int y, int x, int h,
               int w, bool focused)
{
	int ids = draw_ids(l, th, win, y, x, h, focused);
	x += ids;
	w -= ids;
	int wd[LIST_MAX_COLS];
	const char *titles[LIST_MAX_COLS];
	widths(l, w, wd);
	for (int i = 0; i < l->ncols; i++)
		titles[i] = l->cols[i].title;
	ui_fill(win, y, x, w, theme_attr(th, UI_HEADER));
	draw_cells(l, wd, win, y, x, titles, theme_attr(th, UI_HEADER), theme_attr(th, UI_HEADER));
	for (int i = 0; i < h - 1; i++) {
		int row_y = y + 1 + i;
		if (i >= l->nrows) {
			ui_fill(win, row_y, x, w, theme_attr(th, UI_NORMAL));
			continue;
		}
		const struct list_row *r = &l->rows[i];
		bool sel = focused && i == l->cursor;
		attr_t base = theme_attr(th, sel ? UI_SELECTED : UI_NORMAL);
		attr_t marked = sel ? base | A_BOLD : theme_attr(th, r->role);
		ui_fill(win, row_y, x, w, base);
		char told[LIST_MAX_COLS][1024];
		const char *cells[LIST_MAX_COLS];
		for (int c = 0; c < l->ncols; c++)
			cells[c] = cell_text(l, i, c, told[c], sizeof told[c]);
		draw_cells(l, wd, win, row_y, x, cells, base, marked);
	}
	if (l->nrows == 0 && h > 2) {
		char msg[256];
		if (l->search[0])
			snprintf(msg, sizeof msg, "Nothing matches \"%s\". Esc clears the search.",
			         l->search);
		else
			snprintf(msg, sizeof msg, "%s", l->empty ? l->empty : "Nothing here yet.");
		ui_text(win, y + 2, x + 2, w - 4, msg, theme_attr(th, UI_DIM));
	}
}
