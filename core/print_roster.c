/* print_roster.c - the station leads' roster: a page (or more) per station
 * (room, booth, else role), its shifts in time order, each with the role's
 * lead and its volunteers, a box to tick at check-in and their phone
 * ([print] roster_phones), then a blank line for each place still needed.
 * Rows stream from the database; one shift is held at a time. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "person.h"
#include "print_sheet.h"
#include "xmalloc.h"

#define CONFIDENTIAL PERSON_CONFIDENTIAL_NAME
#define BOX          9.0  /* the check-in box */
#define ROW_PAD      5.0  /* above and below a row's text */
#define SHIFT_GAP    10.0 /* between two shifts */

struct volunteer {
	char *name, *phone, *status;
};

struct shift {
	int64_t id, starts, ends, need_min, need_max;
	char *role, *notes, *lead, *lead_phone;
	struct volunteer *v;
	size_t n, cap;
};

struct roster {
	struct sheet *s;
	struct print_summary *sum;
	bool phones;
	/* the station being drawn */
	enum print_station at;
	int64_t station_id;
	char *station;
	bool started;
	struct shift sh; /* sh.id 0: none held */
	char role_name[256];
	int ret;
	struct err *e;
};

/* What a person's name and phone read on a roster. */
static void person_text(const struct roster *r, const struct print_store_person *p, char **name,
                        char **phone)
{
	*name = xstrdup(p->confidential ? CONFIDENTIAL : p->name);
	*phone = xstrdup(p->confidential || !r->phones ? "" : p->phone);
}

static void shift_clear(struct shift *sh)
{
	for (size_t i = 0; i < sh->n; i++) {
		free(sh->v[i].name);
		free(sh->v[i].phone);
		free(sh->v[i].status);
	}
	free(sh->v);
	free(sh->role);
	free(sh->notes);
	free(sh->lead);
	free(sh->lead_phone);
	memset(sh, 0, sizeof *sh);
}

static void shift_hold(struct roster *r, const struct print_store_roster_row *row)
{
	struct shift *sh = &r->sh;
	sh->id = row->shift;
	sh->starts = row->starts;
	sh->ends = row->ends;
	sh->need_min = row->need_min;
	sh->need_max = row->need_max;
	sh->role = xstrdup(row->role);
	sh->notes = xstrdup(row->notes);
	if (row->lead.id)
		person_text(r, &row->lead, &sh->lead, &sh->lead_phone);
	else
		sh->lead = xstrdup(""), sh->lead_phone = xstrdup("");
}

static void shift_add(struct roster *r, const struct print_store_roster_row *row)
{
	struct shift *sh = &r->sh;
	XGROW(sh->v, sh->n, sh->cap, 8);
	struct volunteer *v = &sh->v[sh->n++];
	person_text(r, &row->volunteer, &v->name, &v->phone);
	v->status = xstrdup(row->status);
	for (char *p = v->status; *p; p++)
		if (*p == '_')
			*p = ' ';
}

/* ---- drawing ----------------------------------------------------------- */

static int station_page(struct roster *r, bool continued)
{
	struct sheet *s = r->s;
	static const char *const kinds[] = {
	    [PRINT_AT_ROOM] = "", [PRINT_AT_BOOTH] = " (booth)", [PRINT_AT_ROLE] = ""};
	char title[800];
	snprintf(title, sizeof title, "Roster: %s%s%s%s%s", r->station, kinds[r->at],
	         r->role_name[0] ? " \u00b7 " : "", r->role_name, continued ? " (continued)" : "");
	return sheet_page(s, title, false, r->e);
}

/* Columns: box, name, phone, status. */
struct cols {
	double box, name, phone, status, end;
};

static struct cols columns(const struct roster *r)
{
	const struct sheet *s = r->s;
	double x = s->margin, w = s->w - 2 * s->margin;
	struct cols c = {.box = x + 4, .name = x + 22, .end = x + w};
	c.phone = c.name + w * (r->phones ? 0.46 : 0.62);
	c.status = r->phones ? c.phone + w * 0.24 : c.phone;
	return c;
}

static void shift_head_text(const struct roster *r, char *left, size_t nl, char *right, size_t nr)
{
	const struct shift *sh = &r->sh;
	char span[128];
	sheet_span(r->s, sh->starts, sh->ends, span, sizeof span);
	snprintf(left, nl, "%s \u00b7 %s", span, sh->role);
	int64_t filled = (int64_t)sh->n, gap = sh->need_min > filled ? sh->need_min - filled : 0;
	char need[64];
	if (sh->need_min == sh->need_max)
		snprintf(need, sizeof need, "%" PRId64, sh->need_min);
	else
		snprintf(need, sizeof need, "%" PRId64 "\u2013%" PRId64, sh->need_min,
		         sh->need_max);
	if (gap)
		snprintf(right, nr, "%" PRId64 " filled, needs %s \u00b7 SHORT %" PRId64, filled,
		         need, gap);
	else
		snprintf(right, nr, "%" PRId64 " filled, needs %s", filled, need);
}

static void shift_sub_text(const struct roster *r, char *buf, size_t n)
{
	const struct shift *sh = &r->sh;
	size_t len = 0;
	buf[0] = 0;
	if (sh->lead[0])
		len += snprintf(buf + len, n - len, "Lead: %s%s%s", sh->lead,
		                sh->lead_phone[0] ? ", " : "", sh->lead_phone);
	if (sh->notes[0] && len < n)
		snprintf(buf + len, n - len, "%sNotes: %s", len ? "   " : "", sh->notes);
}

/* The shift's band: when, role, filled of needed; the lead and notes. */
static double shift_head(struct roster *r, bool draw, bool continued)
{
	struct sheet *s = r->s;
	char left[512], right[96], sub[1200];
	static const struct text_style right_bold = {
	    .size = 10, .face = FACE_BOLD, .align = PANGO_ALIGN_RIGHT};
	shift_head_text(r, left, sizeof left, right, sizeof right);
	if (continued)
		strncat(left, " (continued)", sizeof left - strlen(left) - 1);
	shift_sub_text(r, sub, sizeof sub);
	double x = s->margin, w = s->w - 2 * s->margin;
	double h1 = sheet_measure(s, left, w - 150, &sheet_bold);
	double h2 = sub[0] ? sheet_measure(s, sub, w - 8, &sheet_small) : 0;
	double h = h1 + h2 + 8;
	if (!draw)
		return h;
	sheet_fill(s, x, s->y, w, h, 0.9);
	sheet_text(s, left, x + 4, s->y + 4, w - 150, &sheet_bold);
	sheet_text(s, right, x + w - 144, s->y + 4, 140, &right_bold);
	if (sub[0])
		sheet_text(s, sub, x + 4, s->y + 4 + h1, w - 8, &sheet_small);
	return h;
}

static const struct text_style name_style = {.size = 10, .align = PANGO_ALIGN_LEFT, .max_lines = 2};
static const struct text_style phone_style = {.size = 9, .align = PANGO_ALIGN_LEFT, .max_lines = 1};
static const struct text_style status_style = {
    .size = 8, .align = PANGO_ALIGN_LEFT, .grey = 0.35, .max_lines = 1};

static double row_height(struct roster *r, const struct cols *c, const struct volunteer *v)
{
	double h = v ? sheet_measure(r->s, v->name, c->phone - c->name - 6, &name_style) : 12;
	return (h < BOX ? BOX : h) + 2 * ROW_PAD;
}

/* A volunteer's row, or (v NULL) a blank line for a place still needed. */
static void row_draw(struct roster *r, const struct cols *c, const struct volunteer *v, double h)
{
	struct sheet *s = r->s;
	double y = s->y + ROW_PAD;
	sheet_box(s, c->box, y + 1, BOX, BOX, 0.8, 0);
	if (v) {
		sheet_text(s, v->name, c->name, y, c->phone - c->name - 6, &name_style);
		if (r->phones)
			sheet_text(s, v->phone, c->phone, y + 1, c->status - c->phone - 6,
			           &phone_style);
		sheet_text(s, v->status, c->status, y + 2, c->end - c->status, &status_style);
	} else {
		sheet_line(s, c->name, y + 11, c->phone - 12, y + 11, 0.5, 0.5);
		sheet_text(s, "open place", c->status, y + 2, c->end - c->status, &status_style);
	}
	sheet_line(s, s->margin, s->y + h, c->end, s->y + h, 0.3, 0.7);
	s->y += h;
}

/* Rows of the held shift: volunteers, then the places still needed. */
static int shift_draw(struct roster *r)
{
	struct sheet *s = r->s;
	struct cols c = columns(r);
	size_t open = r->sh.need_min > (int64_t)r->sh.n ? (size_t)(r->sh.need_min - r->sh.n) : 0;
	size_t rows = r->sh.n + open;
	double head = shift_head(r, false, false);
	double first = rows ? row_height(r, &c, r->sh.n ? &r->sh.v[0] : NULL) : 0;
	if (s->y + head + first > s->bottom && s->y > s->top && station_page(r, true) < 0)
		return -1;
	s->y += shift_head(r, true, false);
	for (size_t i = 0; i < rows; i++) {
		const struct volunteer *v = i < r->sh.n ? &r->sh.v[i] : NULL;
		double h = row_height(r, &c, v);
		if (s->y + h > s->bottom) {
			if (station_page(r, true) < 0)
				return -1;
			s->y += shift_head(r, true, true);
		}
		row_draw(r, &c, v, h);
	}
	s->y += SHIFT_GAP;
	r->sum->items++;
	return 0;
}

/* Draw the held shift, if any, and let it go. */
static int shift_flush(struct roster *r)
{
	int ret = r->sh.id ? shift_draw(r) : 0;
	shift_clear(&r->sh);
	return ret;
}

static bool same_station(const struct roster *r, const struct print_store_roster_row *row)
{
	return r->started && r->at == row->at && r->station_id == row->station_id;
}

static int roster_row(void *arg, const struct print_store_roster_row *row)
{
	struct roster *r = arg;
	if (row->shift != r->sh.id && shift_flush(r) < 0)
		return -1;
	if (!same_station(r, row)) {
		free(r->station);
		r->station = xstrdup(row->station);
		r->at = row->at;
		r->station_id = row->station_id;
		r->started = true;
		r->sum->groups++;
		if (station_page(r, false) < 0)
			return -1;
	}
	if (!r->sh.id)
		shift_hold(r, row);
	if (row->volunteer.id)
		shift_add(r, row);
	return 0;
}

int print_roster(struct sheet *s, struct print_summary *sum, struct err *e)
{
	struct roster r = {.s = s, .sum = sum, .phones = s->c->cfg->roster_phones, .e = e};
	struct print_store_roster_query q = {s->o->event, s->o->role, s->from, s->to};
	if (s->o->role) {
		int64_t event;
		if (print_store_role(s->c->db, s->o->role, &event, r.role_name, sizeof r.role_name,
		                     e) < 0)
			return -1;
	}
	int ret = print_store_roster(s->c->db, &q, roster_row, &r, e);
	if (ret == 0)
		ret = shift_flush(&r);
	shift_clear(&r.sh);
	free(r.station);
	if (ret == 0 && sum->items == 0)
		ret = err_set(e, ERR_NOT_FOUND,
		              "event %" PRId64 " has no open shifts%s%s%s%s to print", s->o->event,
		              s->day[0] ? " on " : "", s->day, r.role_name[0] ? " for " : "",
		              r.role_name);
	return ret;
}
