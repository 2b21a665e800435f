/* print_sheet.c - the drawing every printed sheet shares: the PDF surface
 * (cairo), text (pango: shaped, wrapped, cut with "…", kept extractable),
 * Code 128 barcodes (zint), lines and boxes, and the page header and footer.
 *
 * Text is drawn run by run. A run of a script whose marks sit above or
 * below their base (Khmer, Thai, Devanagari...) is handed to cairo as one
 * cluster, so the PDF carries its text as one ActualText span and a reader
 * such as pdftotext gets back the text that went in instead of marks
 * shuffled onto the line below. Other runs keep pango's own clusters. */
#include "print_sheet.h"

#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <zint.h>

#include "strbuf.h"
#include "tz.h"
#include "utf8.h"
#include "xmalloc.h"

const struct text_style sheet_body = {.size = 10, .align = PANGO_ALIGN_LEFT};
const struct text_style sheet_small = {.size = 8, .align = PANGO_ALIGN_LEFT, .grey = 0.25};
const struct text_style sheet_bold = {.size = 10, .face = FACE_BOLD, .align = PANGO_ALIGN_LEFT};
const struct text_style sheet_heading = {.size = 15, .face = FACE_BOLD, .align = PANGO_ALIGN_LEFT};

static const struct text_style page_number = {.size = 8, .align = PANGO_ALIGN_RIGHT, .grey = 0.25};

#define FAMILY      "Noto Sans"
#define MONO_FAMILY "DejaVu Sans Mono"

/* ---- text -------------------------------------------------------------- */

/* text as it may be laid out (free it): invalid UTF-8 becomes U+FFFD, a
 * control character a space, and what utf8.h calls unsafe besides (bidi
 * embeddings, overrides, isolates and marks, U+FEFF) is dropped, so a name
 * cannot turn the text around it. */
static char *clean(const char *text)
{
	struct strbuf b = {0};
	for (const char *p = text ? text : ""; *p;) {
		uint32_t cp;
		size_t n = utf8_decode_str(p, &cp);
		if (!n)
			strbuf_add(&b, "\uFFFD"), n = 1;
		else if (utf8_is_control(cp))
			strbuf_addc(&b, ' ');
		else if (!utf8_is_unsafe(cp))
			strbuf_addn(&b, p, n);
		p += n;
	}
	return strbuf_take(&b);
}

/* Scripts whose glyphs map one to one onto their characters in reading
 * order: pango's clusters extract as they are. */
static bool plain_script(PangoScript script)
{
	switch (script) {
	case PANGO_SCRIPT_COMMON:
	case PANGO_SCRIPT_INHERITED:
	case PANGO_SCRIPT_LATIN:
	case PANGO_SCRIPT_CYRILLIC:
	case PANGO_SCRIPT_GREEK:
	case PANGO_SCRIPT_HAN:
	case PANGO_SCRIPT_HIRAGANA:
	case PANGO_SCRIPT_KATAKANA:
	case PANGO_SCRIPT_HANGUL:
	case PANGO_SCRIPT_BOPOMOFO:
		return true;
	default:
		return false;
	}
}

/* A layout with what drawing it needs worked out once: each run with its
 * origin, and, for a run of a script that stacks marks and reads left to
 * right, a copy of it as one cluster (see the top of the file). */
struct placed {
	PangoGlyphItem *run;
	bool owned;  /* a one-cluster copy, freed with the layout */
	double x, y; /* the run's origin on its baseline, from the layout's top left */
};

struct laid {
	PangoLayout *layout;
	double height, right; /* logical height, and where the widest line ends */
	int lines;
	size_t n;
	struct placed runs[];
};

static PangoGlyphItem *one_cluster(PangoGlyphItem *run)
{
	PangoGlyphItem *one = pango_glyph_item_copy(run);
	for (int i = 0; i < one->glyphs->num_glyphs; i++)
		one->glyphs->log_clusters[i] = 0;
	return one;
}

static struct laid *laid_new(PangoLayout *l)
{
	size_t n = 0;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do
		n += pango_layout_iter_get_run_readonly(it) != NULL;
	while (pango_layout_iter_next_run(it));
	pango_layout_iter_free(it);
	struct laid *d = xcalloc(1, sizeof *d + n * sizeof d->runs[0]);
	d->layout = l;
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	d->height = (double)logical.height / PANGO_SCALE;
	d->right = (double)(logical.x + logical.width) / PANGO_SCALE;
	d->lines = pango_layout_get_line_count(l);
	it = pango_layout_get_iter(l);
	do {
		PangoGlyphItem *run = pango_layout_iter_get_run_readonly(it);
		if (!run)
			continue;
		struct placed *p = &d->runs[d->n++];
		const PangoAnalysis *a = &run->item->analysis;
		p->owned = !plain_script((PangoScript)a->script) && a->level % 2 == 0;
		p->run = p->owned ? one_cluster(run) : run;
		pango_layout_iter_get_run_extents(it, NULL, &logical);
		p->x = (double)logical.x / PANGO_SCALE;
		p->y = (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
	} while (pango_layout_iter_next_run(it) && d->n < n);
	pango_layout_iter_free(it);
	return d;
}

static void laid_free(void *arg)
{
	struct laid *d = arg;
	for (size_t i = 0; i < d->n; i++)
		if (d->runs[i].owned)
			pango_glyph_item_free(d->runs[i].run);
	g_object_unref(d->layout);
	free(d);
}

static void show_laid(cairo_t *cr, const struct laid *d, double x, double y)
{
	const char *text = pango_layout_get_text(d->layout);
	for (size_t i = 0; i < d->n; i++) {
		cairo_move_to(cr, x + d->runs[i].x, y + d->runs[i].y);
		pango_cairo_show_glyph_item(cr, text, d->runs[i].run);
	}
}

/* A new layout of text as st and width say. */
static struct laid *lay_out(struct sheet *s, const char *text, double width,
                            const struct text_style *st)
{
	PangoLayout *l = pango_layout_new(s->pango);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, st->face == FACE_MONO ? MONO_FAMILY : FAMILY);
	pango_font_description_set_weight(fd, st->face == FACE_BOLD ? PANGO_WEIGHT_BOLD
	                                                            : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(fd, st->size * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_auto_dir(l, FALSE);
	pango_layout_set_wrap(l, st->whole_words ? PANGO_WRAP_WORD : PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_height(l, st->max_lines ? -st->max_lines : -1);
	pango_layout_set_ellipsize(l, st->max_lines ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
	pango_layout_set_alignment(l, st->align);
	char *c = clean(text);
	pango_layout_set_text(l, c, -1);
	free(c);
	return laid_new(l);
}

/* Sheets repeat much of their text (statuses, leads, times, role names):
 * shaping is most of the work, so layouts are kept by text, style and
 * width, and the whole cache let go when it grows past this. */
#define LAYOUT_CACHE_MAX 4096

/* The layout of text (shaped once while it stays in the cache). */
static const struct laid *layout_of(struct sheet *s, const char *text, double width,
                                    const struct text_style *st)
{
	/* sizes and widths in hundredths of a point: no float formatting */
	char *key =
	    g_strdup_printf("%ld|%d|%d|%d|%d|%ld|%s", (long)(st->size * 100), st->face, st->align,
	                    st->max_lines, st->whole_words, (long)(width * 100), text ? text : "");
	struct laid *d = g_hash_table_lookup(s->layouts, key);
	if (d) {
		g_free(key);
		return d;
	}
	if (g_hash_table_size(s->layouts) >= LAYOUT_CACHE_MAX)
		g_hash_table_remove_all(s->layouts);
	d = lay_out(s, text, width, st);
	g_hash_table_insert(s->layouts, key, d);
	return d;
}

double sheet_measure(struct sheet *s, const char *text, double width, const struct text_style *st)
{
	return layout_of(s, text, width, st)->height;
}

double sheet_width(struct sheet *s, const char *text, const struct text_style *st)
{
	return layout_of(s, text, -1, st)->right;
}

double sheet_fit(struct sheet *s, const char *text, double width, double height, int lines,
                 double min, const struct text_style *st)
{
	struct text_style t = *st;
	t.max_lines = 0;
	t.whole_words = true;
	for (; t.size > min; t.size -= 1) {
		const struct laid *d = layout_of(s, text, width, &t);
		if (d->lines <= lines && d->height <= height && d->right <= width + 0.5)
			return t.size;
	}
	return min;
}

double sheet_text(struct sheet *s, const char *text, double x, double y, double width,
                  const struct text_style *st)
{
	const struct laid *d = layout_of(s, text, width, st);
	if (text && text[0]) {
		cairo_set_source_rgb(s->cr, st->grey, st->grey, st->grey);
		show_laid(s->cr, d, x, y);
	}
	return d->height;
}

/* ---- lines and boxes --------------------------------------------------- */

/* Lines and boxes wait in a pen of their width and grey, and each pen is
 * stroked once when the page ends: a page is then a few paths instead of one
 * per rule and box (cairo records, analyses and replays every operation of
 * a page; the 2,500 pages of a large roster spend most of their time there). */
static struct sheet_pen *pen_for(struct sheet *s, double width, double grey)
{
	for (size_t i = 0; i < s->npens; i++)
		if (s->pens[i].width == width && s->pens[i].grey == grey)
			return &s->pens[i];
	if (s->npens == SHEET_PENS)
		sheet_strokes(s);
	struct sheet_pen *p = &s->pens[s->npens++];
	p->width = width;
	p->grey = grey;
	p->n = 0;
	return p;
}

static void pen_add(struct sheet *s, double width, double grey, const struct sheet_mark *m)
{
	struct sheet_pen *p = pen_for(s, width, grey);
	XGROW(p->v, p->n, p->cap, 64);
	p->v[p->n++] = *m;
}

void sheet_strokes(struct sheet *s)
{
	for (size_t i = 0; i < s->npens; i++) {
		const struct sheet_pen *p = &s->pens[i];
		for (size_t j = 0; j < p->n; j++) {
			const struct sheet_mark *m = &p->v[j];
			if (m->box) {
				cairo_rectangle(s->cr, m->x0, m->y0, m->x1, m->y1);
			} else {
				cairo_move_to(s->cr, m->x0, m->y0);
				cairo_line_to(s->cr, m->x1, m->y1);
			}
		}
		cairo_set_source_rgb(s->cr, p->grey, p->grey, p->grey);
		cairo_set_line_width(s->cr, p->width);
		cairo_stroke(s->cr);
	}
	s->npens = 0;
}

void sheet_line(struct sheet *s, double x0, double y0, double x1, double y1, double width,
                double grey)
{
	pen_add(s, width, grey, &(struct sheet_mark){x0, y0, x1, y1, false});
}

void sheet_box(struct sheet *s, double x, double y, double w, double h, double width, double grey)
{
	pen_add(s, width, grey, &(struct sheet_mark){x, y, w, h, true});
}

void sheet_fill_rgb(struct sheet *s, double x, double y, double w, double h, const double *rgb)
{
	cairo_set_source_rgb(s->cr, rgb[0], rgb[1], rgb[2]);
	cairo_rectangle(s->cr, x, y, w, h);
	cairo_fill(s->cr);
}

void sheet_fill(struct sheet *s, double x, double y, double w, double h, double grey)
{
	sheet_fill_rgb(s, x, y, w, h, (const double[]){grey, grey, grey});
}

/* ---- barcodes ---------------------------------------------------------- */

/* Widest module (narrowest bar) a badge gets, in points: about 0.4 mm. */
#define MODULE_MAX 1.15

int sheet_barcode(struct sheet *s, const char *data, double x, double y, double w, double h,
                  struct err *e)
{
	struct zint_symbol *z = ZBarcode_Create();
	if (!z)
		return err_set(e, ERR_INPUT, "barcode: out of memory");
	z->symbology = BARCODE_CODE128;
	z->show_hrt = 0;
	z->whitespace_width = 10; /* the quiet zone on each side, in modules */
	int rc =
	    ZBarcode_Encode_and_Buffer_Vector(z, (const unsigned char *)data, (int)strlen(data), 0);
	if (rc >= ZINT_ERROR || !z->vector || z->vector->width <= 0) {
		err_set(e, ERR_INPUT, "barcode of %s: %s", data,
		        z->errtxt[0] ? z->errtxt : "failed");
		ZBarcode_Delete(z);
		return -1;
	}
	/* modules are 2 vector units wide at zint's default scale */
	double modules = z->vector->width / (2 * z->scale);
	double sx = w / z->vector->width;
	if (sx * z->vector->width / modules > MODULE_MAX)
		sx = MODULE_MAX * modules / z->vector->width;
	double sy = h / z->vector->height;
	double left = x + (w - sx * z->vector->width) / 2;
	cairo_set_source_rgb(s->cr, 0, 0, 0);
	for (const struct zint_vector_rect *r = z->vector->rectangles; r; r = r->next)
		cairo_rectangle(s->cr, left + r->x * sx, y + r->y * sy, r->width * sx,
		                r->height * sy);
	cairo_fill(s->cr);
	ZBarcode_Delete(z);
	return 0;
}

/* ---- times ------------------------------------------------------------- */

static const char *const wdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void sheet_date(const struct sheet *s, int64_t t, char *buf, size_t n)
{
	struct tz_local l;
	tz_local(s->ev.tz, t, &l);
	snprintf(buf, n, "%s %d %s %d", wdays[l.wday], l.day, months[l.month - 1], l.year);
}

void sheet_span(const struct sheet *s, int64_t starts, int64_t ends, char *buf, size_t n)
{
	bool h12 = s->c->cfg->time_12h;
	struct tz_local a, b;
	char from[48], to[48];
	tz_local(s->ev.tz, starts, &a);
	tz_local(s->ev.tz, ends, &b);
	tz_format_human(s->ev.tz, starts, h12, from, sizeof from);
	if (a.year == b.year && a.month == b.month && a.day == b.day)
		tz_format_hm(s->ev.tz, ends, h12, to, sizeof to);
	else
		tz_format_human(s->ev.tz, ends, h12, to, sizeof to);
	snprintf(buf, n, "%s\u2013%s", from, to);
}

/* ---- pages ------------------------------------------------------------- */

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
	                                            : CAIRO_STATUS_WRITE_ERROR;
}

static int surface_make(struct sheet *s, struct err *e)
{
	char when[32];
	s->surface = cairo_pdf_surface_create_for_stream(write_out, s->out, s->w, s->h);
	if (cairo_surface_status(s->surface) != CAIRO_STATUS_SUCCESS)
		return err_set(e, ERR_INPUT, "PDF: %s",
		               cairo_status_to_string(cairo_surface_status(s->surface)));
	tz_format_utc(clock_now(s->c->clock), when, sizeof when);
	cairo_pdf_surface_set_metadata(s->surface, CAIRO_PDF_METADATA_TITLE, s->title);
	cairo_pdf_surface_set_metadata(s->surface, CAIRO_PDF_METADATA_CREATOR,
	                               "muster " MUSTER_VERSION);
	cairo_pdf_surface_set_metadata(s->surface, CAIRO_PDF_METADATA_CREATE_DATE, when);
	s->cr = cairo_create(s->surface);
	s->pango = pango_cairo_create_context(s->cr);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(s->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(s->pango, FALSE);
	s->layouts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, laid_free);
	return 0;
}

int sheet_blank_page(struct sheet *s, bool landscape, struct err *e)
{
	s->w = landscape ? s->paper_h : s->paper_w;
	s->h = landscape ? s->paper_w : s->paper_h;
	if (!s->surface) {
		if (surface_make(s, e) < 0)
			return -1;
	} else {
		sheet_strokes(s);
		cairo_show_page(s->cr);
		cairo_pdf_surface_set_size(s->surface, s->w, s->h);
	}
	s->pages++;
	s->top = s->margin;
	s->bottom = s->h - s->margin;
	s->y = s->top;
	return 0;
}

int sheet_page(struct sheet *s, const char *title, bool landscape, struct err *e)
{
	if (sheet_blank_page(s, landscape, e) < 0)
		return -1;
	double x = s->margin, width = s->w - 2 * s->margin, y = s->margin;
	char line[1400], when[160], page[32];
	snprintf(page, sizeof page, "Page %d", s->pages);
	sheet_text(s, page, x, y, width, &page_number);
	y += sheet_text(s, title, x, y, width - 60, &sheet_heading);
	if (s->day[0]) {
		snprintf(when, sizeof when, "%s", s->day);
	} else {
		char a[48], b[48];
		sheet_date(s, s->ev.starts, a, sizeof a);
		sheet_date(s, s->ev.ends - 1, b, sizeof b);
		snprintf(when, sizeof when, strcmp(a, b) ? "%s \u2013 %s" : "%s", a, b);
	}
	snprintf(line, sizeof line, "%s%s%s \u00b7 %s", s->ev.name,
	         s->ev.venue[0] ? " \u00b7 " : "", s->ev.venue, when);
	y += sheet_text(s, line, x, y + 2, width, &sheet_small) + 6;
	sheet_line(s, x, y, x + width, y, 0.8, 0);
	s->top = s->y = y + 8;
	double foot = sheet_measure(s, s->printed, width, &sheet_small);
	s->bottom = s->h - s->margin - foot - 6;
	sheet_text(s, s->printed, x, s->h - s->margin - foot, width, &sheet_small);
	return 0;
}

int sheet_finish(struct sheet *s, struct err *e)
{
	int ret = 0;
	if (s->layouts)
		g_hash_table_destroy(s->layouts);
	if (s->pango)
		g_object_unref(s->pango);
	s->layouts = NULL;
	s->pango = NULL;
	if (s->surface) {
		sheet_strokes(s);
		cairo_show_page(s->cr);
	}
	for (size_t i = 0; i < SHEET_PENS; i++)
		free(s->pens[i].v);
	if (!s->surface)
		return 0;
	cairo_destroy(s->cr);
	cairo_surface_finish(s->surface);
	cairo_status_t st = cairo_surface_status(s->surface);
	if (st != CAIRO_STATUS_SUCCESS)
		ret = err_set(e, ERR_INPUT, "PDF: %s", cairo_status_to_string(st));
	cairo_surface_destroy(s->surface);
	s->surface = NULL;
	s->cr = NULL;
	return ret;
}
