/* cmd_report.c - `report coverage|hours|attendance --event ID`: the rows of
 * core/report.c as tables for people (coverage with a bar chart per hour
 * that reads without colour) or as one csv/tsv/json table for programs. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/checked.h"
#include "../core/report.h"
#include "../core/array.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "chart.h"
#include "cmd.h"
#include "text.h"

#define CHART_COLS 80

struct report_out {
	struct app *a;
	const struct report_event *ev;
	enum out_format fmt;
	struct output *o;
	FILE *f;
};

static void title(struct report_out *r, const char *what)
{
	char clean[1024];
	text_sanitize(r->ev->name, clean, sizeof clean);
	fprintf(r->f, "%s: event %" PRId64 " (%s), times in %s\n\n", what, r->ev->id, clean,
	        r->ev->tz);
}

static void num(char *buf, size_t n, int64_t v)
{
	snprintf(buf, n, "%" PRId64, v);
}

static void hours(char *buf, size_t n, int64_t seconds)
{
	snprintf(buf, n, "%.2f", (double)seconds / 3600.0);
}

/* "Sat 13 Mar 08:00-10:00", with both dates when it crosses midnight and
 * the zone's abbreviations when the clock changes in between. */
static void when(const struct report_out *r, int64_t starts, int64_t ends, char *buf, size_t n)
{
	bool h12 = r->a->cfg.time_12h;
	struct tz_local a, b;
	char from[48], to[48];
	tz_local(r->ev->tz, starts, &a);
	tz_local(r->ev->tz, ends, &b);
	tz_format_human(r->ev->tz, starts, h12, from, sizeof from);
	if (a.year == b.year && a.month == b.month && a.day == b.day)
		tz_format_hm(r->ev->tz, ends, h12, to, sizeof to);
	else
		tz_format_human(r->ev->tz, ends, h12, to, sizeof to);
	if (a.utc_offset == b.utc_offset)
		snprintf(buf, n, "%s-%s", from, to);
	else
		snprintf(buf, n, "%s %s-%s %s", from, a.abbrev, to, b.abbrev);
}

static struct output *begin(struct report_out *r, const char *const *names, const bool *numeric,
                            size_t n)
{
	return output_begin(r->f, r->fmt, names, numeric, n);
}

/* ---- coverage ----------------------------------------------------------- */

/* Per hour and per day, filled counts each shift up to its need_min (so
 * filled + gap = need_min) and over the volunteers beyond it; short_hours
 * is volunteer-hours short (each gap times its shift's length). */
static const char *const coverage_cols[] = {
    "section",  "shift",  "role", "place", "starts",       "ends",       "need_min",
    "need_max", "filled", "gap",  "over",  "short_shifts", "short_hours"};
static const bool coverage_num[] = {false, true, false, false, false, false, true,
                                    true,  true, true,  true,  true,  true};
static const char *const shift_table_cols[] = {"shift", "role",   "place", "when",
                                               "need",  "filled", "gap",   "over"};
static const bool shift_table_num[] = {true, false, false, false, true, true, true, true};

/* The hours and day totals, in order, kept for the chart. */
struct chart_entry {
	bool is_day;
	struct report_hour h;
	struct report_day d;
};

struct chart {
	struct chart_entry *v;
	size_t n, cap;
};

struct coverage_out {
	struct report_out *r;
	struct chart chart;
};

static void push(struct chart *ch, const struct chart_entry *en)
{
	XGROW(ch->v, ch->n, ch->cap, 64);
	ch->v[ch->n++] = *en;
}

static int coverage_shift_row(void *arg, const struct report_shift *s)
{
	struct coverage_out *c = arg;
	struct report_out *r = c->r;
	char id[24], from[32], to[32], lo[24], hi[24], filled[24], gap[24], over[24], span[96],
	    need[48], shorts[24], gap_h[24];
	num(id, sizeof id, s->id);
	num(lo, sizeof lo, s->need_min);
	num(hi, sizeof hi, s->need_max);
	num(filled, sizeof filled, s->filled);
	num(gap, sizeof gap, s->gap);
	num(over, sizeof over, s->over);
	if (r->fmt == OUT_TABLE) {
		when(r, s->starts, s->ends, span, sizeof span);
		if (s->need_min == s->need_max)
			snprintf(need, sizeof need, "%s", lo);
		else
			snprintf(need, sizeof need, "%s-%s", lo, hi);
		const char *cells[] = {id, s->role, s->place, span, need, filled, gap, over};
		output_row(r->o, cells);
		return 0;
	}
	tz_format(r->ev->tz, s->starts, from, sizeof from);
	tz_format(r->ev->tz, s->ends, to, sizeof to);
	num(shorts, sizeof shorts, s->gap > 0);
	hours(gap_h, sizeof gap_h, ck_mul(s->gap, ck_sub(s->ends, s->starts)));
	const char *cells[] = {"shift", id,     s->role, s->place, from,   to,   lo,
	                       hi,      filled, gap,     over,     shorts, gap_h};
	output_row(r->o, cells);
	return 0;
}

static int coverage_hour_row(void *arg, const struct report_hour *h)
{
	struct coverage_out *c = arg;
	struct report_out *r = c->r;
	if (r->fmt == OUT_TABLE) {
		push(&c->chart, &(struct chart_entry){.h = *h});
		return 0;
	}
	char from[32], to[32], lo[24], hi[24], filled[24], gap[24], over[24], shorts[24];
	tz_format(r->ev->tz, h->starts, from, sizeof from);
	tz_format(r->ev->tz, h->ends, to, sizeof to);
	num(lo, sizeof lo, h->needed);
	num(hi, sizeof hi, h->wanted);
	num(filled, sizeof filled, h->filled);
	num(gap, sizeof gap, h->gap);
	num(over, sizeof over, h->over);
	num(shorts, sizeof shorts, h->short_shifts);
	const char *cells[] = {"hour", "", "", "", from, to, lo, hi, filled, gap, over, shorts, ""};
	output_row(r->o, cells);
	return 0;
}

static int coverage_day_row(void *arg, const struct report_day *d)
{
	struct coverage_out *c = arg;
	struct report_out *r = c->r;
	if (r->fmt == OUT_TABLE) {
		push(&c->chart, &(struct chart_entry){.is_day = true, .d = *d});
		return 0;
	}
	char from[32], to[32], lo[24], filled[24], gap[24], over[24], shorts[24], gap_h[24];
	tz_format(r->ev->tz, d->starts, from, sizeof from);
	tz_format(r->ev->tz, d->ends, to, sizeof to);
	num(lo, sizeof lo, d->needed);
	num(filled, sizeof filled, d->filled);
	num(gap, sizeof gap, d->gap);
	num(over, sizeof over, d->over);
	num(shorts, sizeof shorts, d->short_shifts);
	hours(gap_h, sizeof gap_h, d->gap_seconds);
	const char *cells[] = {"day", "",     "",  "",   from,   to,   lo,
	                       "",    filled, gap, over, shorts, gap_h};
	output_row(r->o, cells);
	return 0;
}

/* A chart line: "  08:00 EST  " (or "  12:00pm EST  "), the bar, then
 * "  filled/needed  short N  +N over"; 80 columns in all. */
#define NUMS_COLS 33 /* "  1000/1000  short 1000  +1000 over" at most */

static int label_cols(const struct report_out *r)
{
	return r->a->cfg.time_12h ? 11 : 9;
}

static int bar_cols(const struct report_out *r)
{
	return CHART_COLS - 2 - label_cols(r) - 2 - NUMS_COLS;
}

static void chart_line(struct report_out *r, const struct report_hour *h, int64_t scale)
{
	struct tz_local l;
	char hm[16], label[32], nums[48], bar[4 * CHART_COLS];
	int width = bar_cols(r);
	tz_local(r->ev->tz, h->starts, &l);
	tz_format_hm(r->ev->tz, h->starts, r->a->cfg.time_12h, hm, sizeof hm);
	snprintf(label, sizeof label, "%s %.5s", hm, l.abbrev);
	chart_bar(h->filled, h->gap, scale, width, bar, sizeof bar);
	fprintf(r->f, "  %-*s  %s", label_cols(r), label, bar);
	snprintf(nums, sizeof nums, "%" PRId64 "/%" PRId64, h->filled, h->needed);
	fprintf(r->f, "  %7s", nums);
	if (h->gap)
		fprintf(r->f, "  short %" PRId64, h->gap);
	if (h->over)
		fprintf(r->f, "  +%" PRId64 " over", h->over);
	fputc('\n', r->f);
}

static void chart_day(struct report_out *r, int64_t t)
{
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	struct tz_local l;
	tz_local(r->ev->tz, t, &l);
	fprintf(r->f, "%s %d %s %d\n", days[l.wday], l.day, months[l.month - 1], l.year);
}

/* "  Total: 12 of 96 shifts short, 14 places short, 26.50 volunteer-hours
 * short; 10 over" under a day's hours. */
static void chart_total(struct report_out *r, const struct report_day *d)
{
	char gap_h[24];
	hours(gap_h, sizeof gap_h, d->gap_seconds);
	fprintf(r->f,
	        "  Total: %" PRId64 " of %" PRId64 " shift%s short, %" PRId64
	        " place%s short, %s volunteer-hours short",
	        d->short_shifts, d->shifts, d->shifts == 1 ? "" : "s", d->gap,
	        d->gap == 1 ? "" : "s", gap_h);
	if (d->over)
		fprintf(r->f, "; %" PRId64 " over", d->over);
	fputc('\n', r->f);
}

static bool idle(const struct chart_entry *en)
{
	return !en->is_day && en->h.shifts == 0;
}

/* One line for a run of hours without shifts, after the totals of the days
 * that end inside it; returns the index after it. */
static size_t chart_idle_run(struct report_out *r, const struct chart *ch, size_t i)
{
	size_t j = i, last = i;
	for (; j < ch->n && (idle(&ch->v[j]) || ch->v[j].is_day); j++) {
		if (ch->v[j].is_day)
			chart_total(r, &ch->v[j].d);
		else
			last = j;
	}
	char from[16], to[16];
	tz_format_hm(r->ev->tz, ch->v[i].h.starts, r->a->cfg.time_12h, from, sizeof from);
	tz_format_hm(r->ev->tz, ch->v[last].h.ends, r->a->cfg.time_12h, to, sizeof to);
	fprintf(r->f, "  %s-%s  no shifts\n", from, to);
	return j;
}

static void chart_print(struct report_out *r, const struct chart *ch)
{
	int64_t most = 0, scale;
	for (size_t i = 0; i < ch->n; i++)
		if (!ch->v[i].is_day && ch->v[i].h.needed > most)
			most = ch->v[i].h.needed;
	scale = chart_scale(most, bar_cols(r));
	fprintf(r->f, "\nBy hour: \u2588 filled, \u2591 still needed%s",
	        scale > 1 ? " (one mark = " : "");
	if (scale > 1)
		fprintf(r->f, "%" PRId64 " volunteers)", scale);
	fputs("; filled/needed counts each shift\nup to its need_min; over: volunteers beyond "
	      "their shift's need_min\n",
	      r->f);
	int last_day = -1;
	for (size_t i = 0; i < ch->n;) {
		const struct chart_entry *en = &ch->v[i];
		if (en->is_day) {
			chart_total(r, &en->d);
			i++;
			continue;
		}
		struct tz_local l;
		tz_local(r->ev->tz, en->h.starts, &l);
		if (l.day != last_day) {
			chart_day(r, en->h.starts);
			last_day = l.day;
		}
		if (idle(en)) {
			i = chart_idle_run(r, ch, i);
			continue;
		}
		chart_line(r, &en->h, scale);
		i++;
	}
}

static int report_coverage_run(struct report_out *r, struct err *e)
{
	struct coverage_out c = {r, {NULL, 0, 0}};
	struct report_coverage_fns fns = {.shift = coverage_shift_row,
	                                  .hour = coverage_hour_row,
	                                  .day = coverage_day_row,
	                                  .arg = &c};
	bool table = r->fmt == OUT_TABLE;
	if (table)
		title(r, "Coverage");
	r->o = table ? begin(r, shift_table_cols, shift_table_num, ARRAY_LEN(shift_table_cols))
	             : begin(r, coverage_cols, coverage_num, ARRAY_LEN(coverage_cols));
	int ret = report_coverage(&r->a->ctx, r->ev, &fns, e);
	output_end(r->o);
	if (ret == 0 && table)
		chart_print(r, &c.chart);
	free(c.chart.v);
	return ret;
}

/* ---- hours -------------------------------------------------------------- */

static const char *const hours_cols[] = {"person",       "name",     "shifts",  "scheduled_hours",
                                         "worked_hours", "no_shows", "on_shift"};
static const bool hours_num[] = {true, false, true, true, true, true, true};

struct hours_out {
	struct report_out *r;
	struct report_volunteer total;
};

static void hours_cells(const struct report_volunteer *v, const char *id, char (*buf)[24],
                        const char **cells)
{
	num(buf[0], 24, v->shifts);
	hours(buf[1], 24, v->scheduled);
	hours(buf[2], 24, v->worked);
	num(buf[3], 24, v->no_shows);
	num(buf[4], 24, v->on_shift);
	const char *row[] = {id, v->name, buf[0], buf[1], buf[2], buf[3], buf[4]};
	memcpy(cells, row, sizeof row);
}

static int hours_row(void *arg, const struct report_volunteer *v)
{
	struct hours_out *h = arg;
	char id[24], buf[5][24];
	const char *cells[ARRAY_LEN(hours_cols)];
	num(id, sizeof id, v->person);
	hours_cells(v, id, buf, cells);
	output_row(h->r->o, cells);
	h->total.shifts = ck_add(h->total.shifts, v->shifts);
	h->total.scheduled = ck_add(h->total.scheduled, v->scheduled);
	h->total.worked = ck_add(h->total.worked, v->worked);
	h->total.no_shows = ck_add(h->total.no_shows, v->no_shows);
	h->total.on_shift = ck_add(h->total.on_shift, v->on_shift);
	return 0;
}

static int report_hours_run(struct report_out *r, struct err *e)
{
	struct hours_out h = {r, {0}};
	bool table = r->fmt == OUT_TABLE;
	if (table)
		title(r, "Volunteer hours");
	r->o = begin(r, hours_cols, hours_num, ARRAY_LEN(hours_cols));
	int ret = report_hours(&r->a->ctx, r->ev, hours_row, &h, e);
	if (ret == 0 && table) {
		char buf[5][24];
		const char *cells[ARRAY_LEN(hours_cols)];
		h.total.name = "total";
		hours_cells(&h.total, "", buf, cells);
		output_row(r->o, cells);
	}
	output_end(r->o);
	return ret;
}

/* ---- attendance --------------------------------------------------------- */

static const char *const attendance_cols[] = {"section",    "kind",       "session",   "title",
                                              "room",       "starts",     "ends",      "capacity",
                                              "registered", "waitlisted", "cancelled", "checked_in",
                                              "no_show",    "total",      "speakers",  "signed_up"};
static const bool attendance_num[] = {false, false, true, false, false, false, false, true,
                                      true,  true,  true, true,  true,  true,  true,  true};
static const char *const kind_table_cols[] = {"kind",       "registered", "waitlisted", "cancelled",
                                              "checked_in", "no_show",    "total"};
static const bool kind_table_num[] = {false, true, true, true, true, true, true};
static const char *const session_table_cols[] = {
    "session",   "title",      "room",       "when",    "capacity",
    "signed_up", "waitlisted", "checked_in", "no_show", "speakers"};
static const bool session_table_num[] = {true, false, false, false, true,
                                         true, true,  true,  true,  true};

struct attendance_out {
	struct report_out *r;
	struct report_kind total;
	bool sessions_begun;
};

static void kind_counts(const struct report_kind *k, char (*buf)[24])
{
	num(buf[0], 24, k->registered);
	num(buf[1], 24, k->waitlisted);
	num(buf[2], 24, k->cancelled);
	num(buf[3], 24, k->checked_in);
	num(buf[4], 24, k->no_show);
	num(buf[5], 24, k->total);
}

static int kind_row(void *arg, const struct report_kind *k)
{
	struct attendance_out *a = arg;
	char b[6][24];
	kind_counts(k, b);
	a->total.registered += k->registered;
	a->total.waitlisted += k->waitlisted;
	a->total.cancelled += k->cancelled;
	a->total.checked_in += k->checked_in;
	a->total.no_show += k->no_show;
	a->total.total += k->total;
	if (a->r->fmt == OUT_TABLE) {
		const char *cells[] = {k->kind, b[0], b[1], b[2], b[3], b[4], b[5]};
		output_row(a->r->o, cells);
		return 0;
	}
	const char *cells[] = {"kind", k->kind, "",   "",   "",   "", "", "", b[0],
	                       b[1],   b[2],    b[3], b[4], b[5], "", "", ""};
	output_row(a->r->o, cells);
	return 0;
}

/* Table form: the kinds table ends (with a total) where the sessions begin. */
static void sessions_begin(struct attendance_out *a)
{
	struct report_out *r = a->r;
	a->sessions_begun = true;
	if (r->fmt != OUT_TABLE)
		return;
	char b[6][24];
	kind_counts(&a->total, b);
	const char *cells[] = {"total", b[0], b[1], b[2], b[3], b[4], b[5]};
	output_row(r->o, cells);
	output_end(r->o);
	fprintf(r->f,
	        "\nSessions: capacity = min(session, room) seats (- unlimited); signed_up holds "
	        "a seat;\nno_show = marked so, or never checked in once the session ended\n");
	r->o = begin(r, session_table_cols, session_table_num, ARRAY_LEN(session_table_cols));
}

static int session_row(void *arg, const struct report_session *s)
{
	struct attendance_out *a = arg;
	struct report_out *r = a->r;
	char id[24], cap[24], spk[24], up[24], wait[24], gone[24], in[24], no[24], all[24];
	char from[32], to[32], span[96];
	if (!a->sessions_begun)
		sessions_begin(a);
	num(id, sizeof id, s->id);
	s->capacity ? num(cap, sizeof cap, s->capacity) : (void)snprintf(cap, sizeof cap, "-");
	num(spk, sizeof spk, s->speakers);
	num(up, sizeof up, s->signed_up);
	num(wait, sizeof wait, s->waitlisted);
	num(gone, sizeof gone, s->cancelled);
	num(in, sizeof in, s->checked_in);
	num(no, sizeof no, s->no_show);
	num(all, sizeof all, s->signed_up + s->waitlisted + s->cancelled);
	if (r->fmt == OUT_TABLE) {
		when(r, s->starts, s->ends, span, sizeof span);
		const char *cells[] = {id, s->title, s->room, span, cap, up, wait, in, no, spk};
		output_row(r->o, cells);
		return 0;
	}
	tz_format(r->ev->tz, s->starts, from, sizeof from);
	tz_format(r->ev->tz, s->ends, to, sizeof to);
	const char *cells[] = {
	    "session", s->kind, id,   s->title, s->room, from, to,  s->capacity ? cap : "",
	    "",        wait,    gone, in,       no,      all,  spk, up};
	output_row(r->o, cells);
	return 0;
}

static int report_attendance_run(struct report_out *r, struct err *e)
{
	struct attendance_out a = {r, {"total", 0, 0, 0, 0, 0, 0}, false};
	struct report_attendance_fns fns = {kind_row, session_row, &a};
	bool table = r->fmt == OUT_TABLE;
	if (table) {
		title(r, "Attendance");
		r->o = begin(r, kind_table_cols, kind_table_num, ARRAY_LEN(kind_table_cols));
	} else {
		r->o = begin(r, attendance_cols, attendance_num, ARRAY_LEN(attendance_cols));
	}
	int ret = report_attendance(&r->a->ctx, r->ev, &fns, e);
	if (!a.sessions_begun)
		sessions_begin(&a);
	output_end(r->o);
	return ret;
}

/* ---- the command -------------------------------------------------------- */

static const struct report_kind_entry {
	const char *name;
	int (*run)(struct report_out *r, struct err *e);
} reports[] = {
    {.name = "coverage", .run = report_coverage_run},
    {.name = "hours", .run = report_hours_run},
    {.name = "attendance", .run = report_attendance_run},
};

static const char *report_at(size_t i)
{
	return i < ARRAY_LEN(reports) ? reports[i].name : NULL;
}

static int cmd_report(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	struct report_event ev;
	struct report_out r = {a, &ev, OUT_TABLE, NULL, out};
	int64_t event;
	size_t k = 0;
	while (k < ARRAY_LEN(reports) && strcmp(reports[k].name, args->pos[0]) != 0)
		k++;
	if (k == ARRAY_LEN(reports))
		return err_set(e, ERR_USAGE,
		               "report: no report \"%s\" (coverage, hours, attendance)",
		               args->pos[0]);
	if (cmd_format(args, &r.fmt, e) < 0 || cmd_event_opt(args, &event, e) < 0)
		return -1;
	if (!event)
		return err_set(e, ERR_USAGE, "report %s: --event ID is required", reports[k].name);
	if (report_event(&a->ctx, event, &ev, e) < 0)
		return -1;
	return reports[k].run(&r, e);
}

const struct command cmd_report_commands[] = {
    {
        .name = "report",
        .usage = "(coverage|hours|attendance) --event ID [--format table|tsv|csv|json]",
        .opts = "event: format:",
        .min_pos = 1,
        .max_pos = 1,
        .help =
            "coverage: needed/filled/gap per shift and per hour (a bar chart in table form);\n"
            "      hours: scheduled and worked hours and no-shows per volunteer; attendance:\n"
            "      registrations per kind by status, and per session its capacity, signed up,\n"
            "      waitlisted, checked in and no-shows. csv/tsv/json: one table with a section\n"
            "      column",
        .run = cmd_report,
        .word_at = report_at,
        .tables = "event",
        .act = LEAD_READ,
    },
    {.name = NULL},
};
