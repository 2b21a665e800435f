/* output.c - table, tsv, csv and json writers for command output. Tables are
 * buffered to measure columns; the other formats stream row by row. */
#include "output.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "../core/utf8.h"
#include "../core/xmalloc.h"
#include "text.h"

#define TABLE_CELL_MAX 40

struct output {
	FILE *f;
	enum out_format fmt;
	size_t ncols;
	char **names;
	bool *numeric;
	size_t nrows, cap; /* table: buffered cells */
	char **cells;
	int *width;
};

static const char *const format_names[] = {
    [OUT_TABLE] = "table", [OUT_TSV] = "tsv", [OUT_CSV] = "csv", [OUT_JSON] = "json"};

const char *output_format_name(size_t i)
{
	return i < ARRAY_LEN(format_names) ? format_names[i] : NULL;
}

int output_format_parse(const char *text, enum out_format *out, struct err *e)
{
	for (size_t i = 0; i < ARRAY_LEN(format_names); i++)
		if (text && strcmp(text, format_names[i]) == 0)
			return *out = (enum out_format)i, 0;
	return err_set(e, ERR_USAGE, "--format: \"%s\" is not one of table, tsv, csv, json",
	               text ? text : "");
}

static void tsv_field(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\t')
			fputs("\\t", f);
		else if (*s == '\n')
			fputs("\\n", f);
		else if (*s == '\r')
			fputs("\\r", f);
		else if (*s == '\\')
			fputs("\\\\", f);
		else
			fputc(*s, f);
	}
}

/* A JSON string that says exactly what is stored, with every character a
 * terminal or a JavaScript parser could take for more than text escaped:
 * controls (C0, DEL, C1), bidi overrides, U+FEFF and the line separators
 * U+2028/9 as \u escapes; a byte that is not UTF-8 (older data) as \ufffd. */
static void json_string(FILE *f, const char *s)
{
	size_t n = strlen(s);
	fputc('"', f);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			fputs("\\ufffd", f), len = 1;
		else if (cp == '"' || cp == '\\')
			fprintf(f, "\\%c", (int)cp);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp == '\r')
			fputs("\\r", f);
		else if (utf8_is_unsafe(cp) || cp == 0x2028 || cp == 0x2029)
			fprintf(f, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, len, f);
		i += len;
	}
	fputc('"', f);
}

static void write_line(struct output *o, const char *const *cells, bool header)
{
	for (size_t i = 0; i < o->ncols; i++) {
		const char *c = cells[i] ? cells[i] : "";
		if (o->fmt == OUT_TSV) {
			if (i)
				fputc('\t', o->f);
			tsv_field(o->f, c);
		} else {
			if (i)
				fputc(',', o->f);
			csv_fwrite(o->f, c, strlen(c));
		}
	}
	fputs(o->fmt == OUT_CSV ? "\r\n" : "\n", o->f);
	(void)header;
}

static void json_row(struct output *o, const char *const *cells)
{
	fputs(o->nrows ? ",\n  {" : "\n  {", o->f);
	for (size_t i = 0; i < o->ncols; i++) {
		fputs(i ? ", " : "", o->f);
		json_string(o->f, o->names[i]);
		fputs(": ", o->f);
		if (!cells[i] || !cells[i][0])
			fputs("null", o->f);
		else if (o->numeric[i])
			fputs(cells[i], o->f);
		else
			json_string(o->f, cells[i]);
	}
	fputc('}', o->f);
}

struct output *output_begin(FILE *f, enum out_format fmt, const char *const *names,
                            const bool *numeric, size_t ncols)
{
	struct output *o = xcalloc(1, sizeof *o);
	o->f = f;
	o->fmt = fmt;
	o->ncols = ncols;
	o->names = xcalloc(ncols, sizeof *o->names);
	o->numeric = xcalloc(ncols, sizeof *o->numeric);
	o->width = xcalloc(ncols, sizeof *o->width);
	for (size_t i = 0; i < ncols; i++) {
		o->names[i] = xstrdup(names[i]);
		o->numeric[i] = numeric ? numeric[i] : false;
		o->width[i] = text_width(names[i]);
	}
	if (fmt == OUT_TSV || fmt == OUT_CSV)
		write_line(o, names, true);
	else if (fmt == OUT_JSON)
		fputc('[', f);
	return o;
}

static void table_keep(struct output *o, const char *const *cells)
{
	if (o->nrows == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 64;
		o->cells = xrealloc(o->cells, o->cap * o->ncols * sizeof *o->cells);
	}
	for (size_t i = 0; i < o->ncols; i++) {
		char clean[1024], fit[256];
		text_sanitize(cells[i] ? cells[i] : "", clean, sizeof clean);
		int w = text_fit(clean, TABLE_CELL_MAX, fit, sizeof fit);
		o->cells[o->nrows * o->ncols + i] = xstrdup(fit);
		if (w > o->width[i])
			o->width[i] = w;
	}
}

void output_row(struct output *o, const char *const *cells)
{
	if (o->fmt == OUT_TABLE)
		table_keep(o, cells);
	else if (o->fmt == OUT_JSON)
		json_row(o, cells);
	else
		write_line(o, cells, false);
	o->nrows++;
}

static void pad(FILE *f, int n)
{
	for (; n > 0; n--)
		fputc(' ', f);
}

static void table_cell(struct output *o, size_t i, const char *s, bool last)
{
	int gap = o->width[i] - text_width(s);
	if (o->numeric[i])
		pad(o->f, gap);
	fputs(s, o->f);
	if (!o->numeric[i] && !last)
		pad(o->f, gap);
	if (!last)
		fputs("  ", o->f);
}

static void table_flush(struct output *o)
{
	for (size_t i = 0; i < o->ncols; i++)
		table_cell(o, i, o->names[i], i + 1 == o->ncols);
	fputc('\n', o->f);
	for (size_t r = 0; r < o->nrows; r++) {
		for (size_t i = 0; i < o->ncols; i++)
			table_cell(o, i, o->cells[r * o->ncols + i], i + 1 == o->ncols);
		fputc('\n', o->f);
	}
	if (o->nrows == 0)
		fputs("(none)\n", o->f);
}

void output_end(struct output *o)
{
	if (o->fmt == OUT_TABLE)
		table_flush(o);
	else if (o->fmt == OUT_JSON)
		fputs(o->nrows ? "\n]\n" : "]\n", o->f);
	for (size_t i = 0; o->cells && i < o->nrows * o->ncols; i++)
		free(o->cells[i]);
	for (size_t i = 0; i < o->ncols; i++)
		free(o->names[i]);
	free(o->cells);
	free(o->names);
	free(o->numeric);
	free(o->width);
	free(o);
}
