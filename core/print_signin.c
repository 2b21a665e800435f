/* print_signin.c - the registration desk's sign-in sheet: everyone
 * registered (or already checked in), alphabetical, with their organization,
 * what they came as and room to sign; then the waitlist, in its order, on a
 * page of its own. Confidential people are not on it at all (the desk finds
 * them some other way), and neither is any contact detail. */
#include <inttypes.h>
#include <string.h>

#include "print_sheet.h"
#include "tz.h"

#define ROW_MIN 24.0 /* room for a signature */
#define PAD     5.0

struct signin {
	struct sheet *s;
	struct print_summary *sum;
	bool waitlist; /* drawing the waitlist */
	long n;        /* rows on this list so far */
	struct err *e;
};

struct cols {
	double num, name, org, kind, sign, end;
};

static struct cols columns(const struct sheet *s)
{
	double x = s->margin, w = s->w - 2 * s->margin;
	struct cols c = {.num = x, .name = x + 30, .end = x + w};
	c.org = c.name + w * 0.33;
	c.kind = c.org + w * 0.25;
	c.sign = c.kind + 62;
	return c;
}

static const struct text_style cell = {.size = 10, .align = PANGO_ALIGN_LEFT, .max_lines = 2};
static const struct text_style org_cell = {.size = 9, .align = PANGO_ALIGN_LEFT, .max_lines = 2};
static const struct text_style num_cell = {.size = 8, .align = PANGO_ALIGN_RIGHT, .grey = 0.35};
static const struct text_style note_cell = {
    .size = 8, .align = PANGO_ALIGN_LEFT, .grey = 0.35, .max_lines = 1};
static const struct text_style head_cell = {
    .size = 8, .face = FACE_BOLD, .align = PANGO_ALIGN_LEFT, .max_lines = 1};

static void column_heads(struct signin *g)
{
	struct sheet *s = g->s;
	struct cols c = columns(s);
	sheet_fill(s, s->margin, s->y, c.end - s->margin, 16, 0.88);
	sheet_text(s, g->waitlist ? "Place" : "#", c.num, s->y + 3, c.name - c.num - 6, &head_cell);
	sheet_text(s, "Name", c.name, s->y + 3, c.org - c.name - 6, &head_cell);
	sheet_text(s, "Organization", c.org, s->y + 3, c.kind - c.org - 6, &head_cell);
	sheet_text(s, "As", c.kind, s->y + 3, c.sign - c.kind - 6, &head_cell);
	sheet_text(s, "Signature", c.sign, s->y + 3, c.end - c.sign, &head_cell);
	s->y += 16;
}

static int list_page(struct signin *g)
{
	char title[128];
	const char *kind = g->s->o->kind;
	snprintf(title, sizeof title, "%s%s%s%s", g->waitlist ? "Waitlist" : "Sign-in sheet",
	         kind ? " (" : "", kind ? kind : "", kind ? ")" : "");
	if (sheet_page(g->s, title, false, g->e) < 0)
		return -1;
	column_heads(g);
	return 0;
}

/* "checked in 08:12" for someone who already has. */
static void note_of(const struct sheet *s, const struct print_store_signin_row *r, char *buf,
                    size_t n)
{
	buf[0] = 0;
	if (r->checked_in_at) {
		char hm[16];
		tz_format_hm(s->ev.tz, r->checked_in_at, s->c->cfg->time_12h, hm, sizeof hm);
		snprintf(buf, n, "checked in %s", hm);
	}
}

static int signin_row(void *arg, const struct print_store_signin_row *r)
{
	struct signin *g = arg;
	struct sheet *s = g->s;
	if (g->n == 0 && list_page(g) < 0)
		return -1;
	struct cols c = columns(s);
	double hn = sheet_measure(s, r->name, c.org - c.name - 6, &cell);
	double ho = sheet_measure(s, r->org, c.kind - c.org - 6, &org_cell);
	double h = (hn > ho ? hn : ho) + 2 * PAD;
	if (h < ROW_MIN)
		h = ROW_MIN;
	if (s->y + h > s->bottom && list_page(g) < 0)
		return -1;
	char num[32], note[64], kind[32];
	g->n++;
	snprintf(num, sizeof num, "%" PRId64, g->waitlist ? r->waitlist_position : (int64_t)g->n);
	snprintf(kind, sizeof kind, "%s", r->kind);
	note_of(s, r, note, sizeof note);
	double y = s->y + PAD;
	sheet_text(s, num, c.num, y + 1, c.name - c.num - 8, &num_cell);
	sheet_text(s, r->name, c.name, y, c.org - c.name - 6, &cell);
	sheet_text(s, r->org, c.org, y + 1, c.kind - c.org - 6, &org_cell);
	sheet_text(s, kind, c.kind, y + 2, c.sign - c.kind - 6, &note_cell);
	sheet_text(s, note, c.sign, y + 2, c.end - c.sign, &note_cell);
	sheet_line(s, s->margin, s->y + h, c.end, s->y + h, 0.4, 0.6);
	s->y += h;
	if (g->waitlist)
		g->sum->groups++;
	else
		g->sum->items++;
	return 0;
}

int print_signin(struct sheet *s, struct print_summary *sum, struct err *e)
{
	struct signin g = {.s = s, .sum = sum, .e = e};
	const char *kind = s->o->kind ? s->o->kind : "";
	if (print_store_signin(s->c->db, s->o->event, kind, false, signin_row, &g, e) < 0)
		return -1;
	g.waitlist = true;
	g.n = 0;
	if (print_store_signin(s->c->db, s->o->event, kind, true, signin_row, &g, e) < 0)
		return -1;
	if (sum->items + sum->groups == 0)
		return err_set(e, ERR_NOT_FOUND,
		               "event %" PRId64 " has nobody%s%s registered to sign in",
		               s->o->event, kind[0] ? " as " : "", kind);
	return 0;
}
