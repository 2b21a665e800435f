/* print_sheet.h - what the printed sheets (core/print_*.c) share: one PDF
 * surface drawn with cairo, text laid out by pango (every script shaped and
 * wrapped, the text kept extractable), barcodes made by zint, and the page
 * furniture (header, footer, page count). Only core/print*.c include this. */
#ifndef MUSTER_PRINT_SHEET_H
#define MUSTER_PRINT_SHEET_H

#include <stdbool.h>
#include <stdio.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../db/print_store.h"
#include "print.h"

enum sheet_face { FACE_REGULAR, FACE_BOLD, FACE_MONO };

struct text_style {
	double size; /* points */
	enum sheet_face face;
	PangoAlignment align;
	double grey;      /* 0 black .. 1 white */
	int max_lines;    /* 0: as many as it takes; else cut with "…" */
	bool whole_words; /* break lines between words only (else inside one if need be) */
};

/* A rule (x0,y0 to x1,y1) or a box (x0,y0, x1 wide, y1 high) waiting to be
 * stroked; a pen holds those of one width and grey (print_sheet.c). */
struct sheet_mark {
	double x0, y0, x1, y1;
	bool box;
};

struct sheet_pen {
	double width, grey;
	struct sheet_mark *v;
	size_t n, cap;
};

#define SHEET_PENS 8

struct sheet {
	struct ctx *c;
	const struct print_opts *o;
	struct print_store_event ev;
	int64_t from, to; /* the day asked for, else the event's whole span */
	char day[64];     /* "Sat 13 Mar 2027" when a day was asked for */
	char printed[96]; /* "Printed Tue 24 Nov 2026 12:00 EST" */
	char title[256];  /* the document's title (PDF metadata) */
	FILE *out;
	cairo_surface_t *surface; /* made at the first page */
	cairo_t *cr;
	PangoContext *pango;
	GHashTable *layouts;     /* text -> its PangoLayout (print_sheet.c) */
	double paper_w, paper_h; /* portrait, points */
	double w, h;             /* this page */
	double margin;
	double top, bottom; /* the body between header and footer */
	double y;           /* where the body goes on */
	int pages;
	struct sheet_pen pens[SHEET_PENS];
	size_t npens;
};

/* The usual styles. */
extern const struct text_style sheet_body, sheet_small, sheet_bold, sheet_heading;

/* Start a page (the first one makes the surface) with the header: the
 * title, the event, the day or dates, "page N", and the footer. landscape
 * turns this page. s->y is the top of the body after it. */
int sheet_page(struct sheet *s, const char *title, bool landscape, struct err *e);
/* A page with no furniture (badges draw their own). */
int sheet_blank_page(struct sheet *s, bool landscape, struct err *e);
/* End the last page and the file (nothing when no page was started). */
int sheet_finish(struct sheet *s, struct err *e);

/* Lay text out width points wide and draw it with its top left at (x, y);
 * returns its height. sheet_measure only measures. Text from the database
 * is cleaned first (controls and bidi overrides dropped). */
double sheet_text(struct sheet *s, const char *text, double x, double y, double width,
                  const struct text_style *st);
double sheet_measure(struct sheet *s, const char *text, double width, const struct text_style *st);
/* The width text takes on one line. */
double sheet_width(struct sheet *s, const char *text, const struct text_style *st);
/* The largest size, from st->size down to min, at which text fits width by
 * height on at most lines lines, breaking only between words. */
double sheet_fit(struct sheet *s, const char *text, double width, double height, int lines,
                 double min, const struct text_style *st);

/* Lines and boxes in grey (0 black), stroked over everything else when the
 * page ends (or at sheet_strokes). */
void sheet_line(struct sheet *s, double x0, double y0, double x1, double y1, double width,
                double grey);
void sheet_box(struct sheet *s, double x, double y, double w, double h, double width, double grey);
void sheet_strokes(struct sheet *s);
void sheet_fill(struct sheet *s, double x, double y, double w, double h, double grey);
/* A filled rectangle in colour (red, green, blue from 0 to 1). */
void sheet_fill_rgb(struct sheet *s, double x, double y, double w, double h, const double *rgb);

/* A Code 128 barcode of data drawn by zint, fitted into the box (x, y, w,
 * h) and centred; the bars only (the caller writes the text). */
int sheet_barcode(struct sheet *s, const char *data, double x, double y, double w, double h,
                  struct err *e);

/* "Sat 13 Mar 09:00–11:00" in the event's zone (both dates when it ends
 * another day). */
void sheet_span(const struct sheet *s, int64_t starts, int64_t ends, char *buf, size_t n);
/* "Sat 13 Mar 2027" in the event's zone. */
void sheet_date(const struct sheet *s, int64_t t, char *buf, size_t n);

/* The documents. Each fills e and draws nothing when there is nothing to
 * print. */
int print_roster(struct sheet *s, struct print_summary *sum, struct err *e);
int print_signin(struct sheet *s, struct print_summary *sum, struct err *e);
int print_badges(struct sheet *s, struct print_summary *sum, struct err *e);
int print_coverage(struct sheet *s, struct print_summary *sum, struct err *e);

#endif
