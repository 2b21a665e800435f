/* print_coverage.c - coverage per clock hour as a bar chart on one
 * landscape page, from the same sums as `report coverage` (core/report.c):
 * per hour a pale bar for the volunteers needed (need_min summed over the
 * shifts running then), its top marked dark red for the places still open
 * on short shifts, and a dark bar inside it for the volunteers filled.
 * Runs of hours without shifts are folded into one narrow column. Under the
 * chart every hour is listed as "Sat 07:00 12/15 short 3", so the numbers
 * read without a ruler, and in black and white. */
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "print_sheet.h"
#include "report.h"
#include "tz.h"
#include "xmalloc.h"

#define GAP_W     0.6  /* a folded run of idle hours, in columns */
#define TABLE_MAX 0.42 /* of the body, at most, for the list of hours */

static const double needed_rgb[] = {0.82, 0.82, 0.82};
static const double open_rgb[] = {0.75, 0.1, 0.1};
static const double filled_rgb[] = {0.15, 0.15, 0.15};
static const double idle_rgb[] = {0.95, 0.95, 0.95};

struct column {
	struct report_hour h;
	bool idle; /* a run of hours without shifts, h.starts to h.ends */
};

struct coverage {
	struct sheet *s;
	struct column *v;
	size_t n, cap;
	long hours, short_hours;
	int64_t top; /* the largest value drawn */
};

static int take_hour(void *arg, const struct report_hour *h)
{
	struct coverage *cv = arg;
	if (h->starts < cv->s->from || h->starts >= cv->s->to)
		return 0;
	bool idle = h->shifts == 0;
	if (idle && cv->n && cv->v[cv->n - 1].idle) {
		cv->v[cv->n - 1].h.ends = h->ends;
		return 0;
	}
	XGROW(cv->v, cv->n, cv->cap, 64);
	cv->v[cv->n++] = (struct column){*h, idle};
	return 0;
}

/* Idle runs at either end say nothing. */
static void trim(struct coverage *cv)
{
	while (cv->n && cv->v[cv->n - 1].idle)
		cv->n--;
	size_t skip = 0;
	while (skip < cv->n && cv->v[skip].idle)
		skip++;
	memmove(cv->v, cv->v + skip, (cv->n - skip) * sizeof *cv->v);
	cv->n -= skip;
	for (size_t i = 0; i < cv->n; i++) {
		const struct report_hour *h = &cv->v[i].h;
		if (cv->v[i].idle)
			continue;
		cv->hours++;
		cv->short_hours += h->gap > 0;
		int64_t most = h->needed > h->filled ? h->needed : h->filled;
		if (most > cv->top)
			cv->top = most;
	}
}

/* A tick step of 1, 2 or 5 times a power of ten giving at most 8 ticks. */
static int64_t tick_step(int64_t top)
{
	int64_t step = 1;
	for (;;) {
		for (int m = 1; m <= 5; m += m == 1 ? 1 : 3)
			if (top <= step * m * 8)
				return step * m;
		step *= 10;
	}
}

/* ---- the list of hours under the chart --------------------------------- */

static void hour_entry(const struct sheet *s, const struct column *c, char *buf, size_t n)
{
	static const char *const wdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	struct tz_local l;
	char from[16], to[16];
	bool h12 = s->c->cfg->time_12h;
	tz_local(s->ev.tz, c->h.starts, &l);
	tz_format_hm(s->ev.tz, c->h.starts, h12, from, sizeof from);
	if (c->idle) {
		tz_format_hm(s->ev.tz, c->h.ends, h12, to, sizeof to);
		snprintf(buf, n, "%s %s\u2013%s no shifts", wdays[l.wday], from, to);
		return;
	}
	size_t len = snprintf(buf, n, "%s %s %" PRId64 "/%" PRId64, wdays[l.wday], from,
	                      c->h.filled, c->h.needed);
	if (c->h.gap > 0 && len < n)
		snprintf(buf + len, n - len, " short %" PRId64, c->h.gap);
}

/* The font size, columns and rows that fit every hour into height. */
static void table_fit(struct coverage *cv, double width, double height, double *size, int *cols,
                      int *rows)
{
	struct sheet *s = cv->s;
	for (*size = 7;; *size -= 0.5) {
		struct text_style st = {.size = *size, .align = PANGO_ALIGN_LEFT};
		double widest = sheet_width(s, "Wed 12:00pm 1000/1000 short 1000", &st) + 10;
		*cols = (int)(width / widest);
		if (*cols < 1)
			*cols = 1;
		*rows = (int)((cv->n + *cols - 1) / *cols);
		if (*rows * *size * 1.3 <= height || *size <= 4)
			return;
	}
}

static double table_draw(struct coverage *cv, double x, double y, double width, double height)
{
	struct sheet *s = cv->s;
	double size;
	int cols, rows;
	table_fit(cv, width, height, &size, &cols, &rows);
	struct text_style st = {.size = size, .align = PANGO_ALIGN_LEFT, .max_lines = 1};
	struct text_style bold = st;
	bold.face = FACE_BOLD;
	double colw = width / cols, line = size * 1.3;
	for (size_t i = 0; i < cv->n; i++) {
		char entry[96];
		hour_entry(s, &cv->v[i], entry, sizeof entry);
		int col = (int)(i / rows), row = (int)(i % rows);
		sheet_text(s, entry, x + col * colw, y + row * line, colw - 6,
		           cv->v[i].h.gap > 0 ? &bold : &st);
	}
	return rows * line;
}

/* ---- the chart --------------------------------------------------------- */

struct plot {
	double x, y, w, h; /* the plotting area */
	double unit;       /* one column */
	int64_t top;       /* the value at the top */
};

static double value_y(const struct plot *p, int64_t v)
{
	return p->y + p->h - p->h * (double)v / (double)p->top;
}

static void axis(struct coverage *cv, const struct plot *p)
{
	struct sheet *s = cv->s;
	static const struct text_style label = {.size = 7, .align = PANGO_ALIGN_RIGHT, .grey = 0.3};
	int64_t step = tick_step(p->top);
	for (int64_t v = 0; v <= p->top; v += step) {
		double y = value_y(p, v);
		char num[24];
		snprintf(num, sizeof num, "%" PRId64, v);
		if (v) /* a fill, so the bars drawn next cover it */
			sheet_fill(s, p->x, y - 0.15, p->w, 0.3, 0.8);
		else /* the base line, stroked over the bars */
			sheet_line(s, p->x, y, p->x + p->w, y, 0.8, 0);
		sheet_text(s, num, p->x - 34, y - 4.5, 30, &label);
	}
}

static void bar(struct coverage *cv, const struct plot *p, const struct column *c, double x)
{
	struct sheet *s = cv->s;
	double w = p->unit, base = value_y(p, 0);
	static const struct text_style gap_label = {
	    .size = 6, .face = FACE_BOLD, .align = PANGO_ALIGN_CENTER, .max_lines = 1};
	double ny = value_y(p, c->h.needed), fy = value_y(p, c->h.filled);
	sheet_fill_rgb(s, x + 1, ny, w - 2, base - ny, needed_rgb);
	if (c->h.gap > 0) {
		int64_t open = c->h.gap < c->h.needed ? c->h.gap : c->h.needed;
		sheet_fill_rgb(s, x + 1, ny, w - 2, value_y(p, c->h.needed - open) - ny, open_rgb);
	}
	sheet_fill_rgb(s, x + w * 0.25, fy, w * 0.5, base - fy, filled_rgb);
	char num[24];
	snprintf(num, sizeof num, "\u2212%" PRId64, c->h.gap);
	/* the number where it fits; the list under the chart has it anyway */
	if (c->h.gap > 0 && sheet_width(s, num, &gap_label) <= w + 1)
		sheet_text(s, num, x - 4, (ny < fy ? ny : fy) - 9, w + 8, &gap_label);
}

/* Hours under their columns, days under their hours. */
static void x_labels(struct coverage *cv, const struct plot *p, const double *xs)
{
	struct sheet *s = cv->s;
	static const struct text_style hour = {.size = 5.5, .align = PANGO_ALIGN_CENTER};
	static const struct text_style day = {
	    .size = 7, .face = FACE_BOLD, .align = PANGO_ALIGN_CENTER, .max_lines = 1};
	double base = p->y + p->h;
	size_t first = 0;
	for (size_t i = 0; i <= cv->n; i++) {
		struct tz_local l, f;
		if (i < cv->n) {
			tz_local(s->ev.tz, cv->v[i].h.starts, &l);
			char hh[8];
			snprintf(hh, sizeof hh, cv->v[i].idle ? "\u2026" : "%02d", l.hour);
			sheet_text(s, hh, xs[i] - 2, base + 2, xs[i + 1] - xs[i] + 4, &hour);
		}
		tz_local(s->ev.tz, cv->v[first].h.starts, &f);
		if (i == cv->n || l.day != f.day) {
			char d[48];
			sheet_date(s, cv->v[first].h.starts, d, sizeof d);
			sheet_line(s, xs[first], base + 11, xs[first], base + 20, 0.4, 0.5);
			sheet_text(s, d, xs[first], base + 11, xs[i] - xs[first], &day);
			first = i;
		}
	}
}

/* A swatch and its label at x; returns where the next one goes. */
static double key(struct sheet *s, double x, double y, const double *rgb, const char *label)
{
	double w = sheet_width(s, label, &sheet_small);
	sheet_fill_rgb(s, x, y + 2, 12, 7, rgb);
	sheet_text(s, label, x + 16, y, w + 2, &sheet_small);
	return x + 16 + w + 14;
}

static void legend(struct coverage *cv, double x, double y)
{
	struct sheet *s = cv->s;
	char what[160];
	x = key(s, x, y, needed_rgb, "needed");
	x = key(s, x, y, open_rgb, "still open on short shifts (\u2212N)");
	x = key(s, x, y, filled_rgb, "filled");
	snprintf(what, sizeof what, "%ld hour%s with shifts, %ld short", cv->hours,
	         cv->hours == 1 ? "" : "s", cv->short_hours);
	sheet_text(s, what, x + 10, y, s->w - s->margin - x - 10, &sheet_small);
}

static void chart(struct coverage *cv, double top, double bottom)
{
	struct sheet *s = cv->s;
	struct plot p = {.x = s->margin + 36, .y = top + 12, .w = s->w - 2 * s->margin - 36};
	p.h = bottom - p.y - 24;
	p.top = cv->top > 0 ? cv->top : 1;
	int64_t step = tick_step(p.top);
	p.top = (p.top + step - 1) / step * step;
	double units = 0;
	for (size_t i = 0; i < cv->n; i++)
		units += cv->v[i].idle ? GAP_W : 1;
	p.unit = p.w / units;
	double *xs = xmalloc((cv->n + 1) * sizeof *xs);
	xs[0] = p.x;
	for (size_t i = 0; i < cv->n; i++)
		xs[i + 1] = xs[i] + (cv->v[i].idle ? GAP_W : 1) * p.unit;
	axis(cv, &p);
	for (size_t i = 0; i < cv->n; i++)
		if (!cv->v[i].idle)
			bar(cv, &p, &cv->v[i], xs[i]);
		else
			sheet_fill_rgb(s, xs[i] + 1, p.y, xs[i + 1] - xs[i] - 2, p.h, idle_rgb);
	x_labels(cv, &p, xs);
	free(xs);
}

int print_coverage(struct sheet *s, struct print_summary *sum, struct err *e)
{
	struct coverage cv = {.s = s};
	struct report_event ev;
	struct report_coverage_fns fns = {.hour = take_hour, .arg = &cv};
	int ret = report_event(s->c, s->o->event, &ev, e);
	if (ret == 0)
		ret = report_coverage(s->c, &ev, &fns, e);
	if (ret == 0)
		trim(&cv);
	if (ret == 0 && cv.hours == 0)
		ret = err_set(e, ERR_NOT_FOUND, "event %" PRId64 " has no open shifts%s%s to chart",
		              s->o->event, s->day[0] ? " on " : "", s->day);
	if (ret == 0)
		ret = sheet_page(s, "Coverage per hour", true, e);
	if (ret == 0) {
		double width = s->w - 2 * s->margin, body = s->bottom - s->top;
		legend(&cv, s->margin, s->top);
		double size;
		int cols, rows;
		table_fit(&cv, width, body * TABLE_MAX, &size, &cols, &rows);
		double table_h = rows * size * 1.3;
		chart(&cv, s->top + 12, s->bottom - table_h - 10);
		table_draw(&cv, s->margin, s->bottom - table_h, width, body * TABLE_MAX);
		sum->items = cv.hours;
	}
	free(cv.v);
	return ret;
}
