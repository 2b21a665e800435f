/* output.h - rows for the command line in four formats: an aligned table
 * for people, and tsv, csv (libcsv) and json for programs. Every format
 * starts with the field names. */
#ifndef MUSTER_OUTPUT_H
#define MUSTER_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/err.h"

enum out_format { OUT_TABLE, OUT_TSV, OUT_CSV, OUT_JSON };

/* The i-th format's name ("table", ...), NULL past the end. */
const char *output_format_name(size_t i);
int output_format_parse(const char *text, enum out_format *out, struct err *e);

struct output;
/* numeric[i]: column i holds numbers (right-aligned, bare in json). */
struct output *output_begin(FILE *f, enum out_format fmt, const char *const *names,
                            const bool *numeric, size_t ncols);
/* cells[i] NULL = empty / null. */
void output_row(struct output *o, const char *const *cells);
/* Flush (tables are measured, then printed) and free. */
void output_end(struct output *o);

#endif
