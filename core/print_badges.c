/* print_badges.c - name badges, eight to a sheet (two across, four down,
 * each 3 3/8 by 2 1/3 inches, the size of common badge-holder inserts),
 * with cut marks outside the grid. A badge carries the event, the name as
 * large as it fits on two lines, the organization, what the person comes as
 * and their roles, and the volunteer code as a Code 128 barcode (zint) with
 * the code written under it, for the kiosk's scanner. A badge is its
 * holder's own, so a confidential person's badge shows their name. */
#include <inttypes.h>
#include <string.h>

#include "print_sheet.h"

#define BADGE_W  243.0 /* 3 3/8 in */
#define BADGE_H  168.0 /* 2 1/3 in */
#define ACROSS   2
#define DOWN     4
#define PER_PAGE (ACROSS * DOWN)
#define PAD      12.0
#define MARK     12.0 /* cut mark length */
#define MARK_GAP 4.0  /* between the grid and a mark */

#define NAME_H     52.0 /* the name's box */
#define NAME_BIG   30.0 /* largest and smallest name size */
#define NAME_SMALL 9.0
#define BAR_H      30.0

struct badges {
	struct sheet *s;
	struct print_summary *sum;
	long n;
	double x0, y0; /* the grid's top left on the page */
	struct err *e;
};

static const struct text_style event_style = {
    .size = 7, .align = PANGO_ALIGN_CENTER, .grey = 0.35, .max_lines = 1};
static const struct text_style org_style = {.size = 9, .align = PANGO_ALIGN_CENTER, .max_lines = 1};
static const struct text_style roles_style = {
    .size = 7.5, .align = PANGO_ALIGN_CENTER, .grey = 0.2, .max_lines = 2};
static const struct text_style code_style = {
    .size = 9, .face = FACE_MONO, .align = PANGO_ALIGN_CENTER};
static const struct text_style foot_style = {.size = 7, .align = PANGO_ALIGN_CENTER, .grey = 0.4};

/* Marks on the lines where the sheet is cut, outside the grid. */
static void cut_marks(struct badges *b)
{
	struct sheet *s = b->s;
	double x1 = b->x0 + ACROSS * BADGE_W, y1 = b->y0 + DOWN * BADGE_H;
	for (int i = 0; i <= ACROSS; i++) {
		double x = b->x0 + i * BADGE_W;
		sheet_line(s, x, b->y0 - MARK_GAP - MARK, x, b->y0 - MARK_GAP, 0.5, 0);
		sheet_line(s, x, y1 + MARK_GAP, x, y1 + MARK_GAP + MARK, 0.5, 0);
	}
	for (int j = 0; j <= DOWN; j++) {
		double y = b->y0 + j * BADGE_H;
		sheet_line(s, b->x0 - MARK_GAP - MARK, y, b->x0 - MARK_GAP, y, 0.5, 0);
		sheet_line(s, x1 + MARK_GAP, y, x1 + MARK_GAP + MARK, y, 0.5, 0);
	}
}

static int sheet_start(struct badges *b)
{
	struct sheet *s = b->s;
	if (sheet_blank_page(s, false, b->e) < 0)
		return -1;
	b->x0 = (s->w - ACROSS * BADGE_W) / 2;
	b->y0 = (s->h - DOWN * BADGE_H) / 2;
	cut_marks(b);
	char foot[700];
	snprintf(foot, sizeof foot, "Badges \u00b7 %s \u00b7 sheet %d \u00b7 cut on the marks",
	         s->ev.name, s->pages);
	double y = b->y0 + DOWN * BADGE_H + MARK_GAP + MARK + 4;
	sheet_text(s, foot, s->margin, y, s->w - 2 * s->margin, &foot_style);
	b->sum->groups++;
	return 0;
}

/* "Volunteer · Info desk, Usher · Lead: Usher". */
static void roles_text(const struct print_store_badge_row *r, char *buf, size_t n)
{
	size_t len = snprintf(buf, n, "%c%s", r->kind[0] ? r->kind[0] - 'a' + 'A' : ' ',
	                      r->kind[0] ? r->kind + 1 : "");
	if (r->roles[0] && len < n)
		len += snprintf(buf + len, n - len, " \u00b7 %s", r->roles);
	if (r->leads[0] && len < n)
		snprintf(buf + len, n - len, " \u00b7 Lead: %s", r->leads);
}

static int badge_draw(struct badges *b, const struct print_store_badge_row *r, double x, double y)
{
	struct sheet *s = b->s;
	double w = BADGE_W - 2 * PAD, left = x + PAD, top = y + PAD - 2;
	char roles[1200];
	sheet_text(s, s->ev.name, left, top, w, &event_style);
	struct text_style name = {.size = NAME_BIG, .face = FACE_BOLD, .align = PANGO_ALIGN_CENTER};
	name.size = sheet_fit(s, r->name, w, NAME_H, 2, NAME_SMALL, &name);
	name.max_lines = 2;
	double nh = sheet_measure(s, r->name, w, &name);
	double ny = top + 12 + (NAME_H - (nh < NAME_H ? nh : NAME_H)) / 2;
	sheet_text(s, r->name, left, ny, w, &name);
	double oy = top + 12 + NAME_H + 3;
	oy += sheet_text(s, r->org, left, oy, w, &org_style);
	roles_text(r, roles, sizeof roles);
	sheet_text(s, roles, left, oy + 2, w, &roles_style);
	double code_h = sheet_measure(s, r->code, w, &code_style);
	double cy = y + BADGE_H - PAD + 2 - code_h;
	if (sheet_barcode(s, r->code, left, cy - BAR_H - 1, w, BAR_H, b->e) < 0)
		return -1;
	sheet_text(s, r->code, left, cy, w, &code_style);
	return 0;
}

static int badge_row(void *arg, const struct print_store_badge_row *r)
{
	struct badges *b = arg;
	int at = (int)(b->n % PER_PAGE);
	if (at == 0 && sheet_start(b) < 0)
		return -1;
	double x = b->x0 + (at % ACROSS) * BADGE_W, y = b->y0 + (at / ACROSS) * BADGE_H;
	if (badge_draw(b, r, x, y) < 0)
		return -1;
	b->n++;
	b->sum->items++;
	return 0;
}

int print_badges(struct sheet *s, struct print_summary *sum, struct err *e)
{
	struct badges b = {.s = s, .sum = sum, .e = e};
	const char *kind = s->o->kind ? s->o->kind : "volunteer";
	if (print_store_badges(s->c->db, s->o->event, kind, badge_row, &b, e) < 0)
		return -1;
	if (b.n == 0)
		return err_set(e, ERR_NOT_FOUND,
		               "event %" PRId64 " has nobody registered as %s to make badges for",
		               s->o->event, kind);
	return 0;
}
