/* csv_reader.h - reading CSV as spreadsheets export it, with libcsv: UTF-8
 * with or without a BOM, CRLF, LF or CR line ends, RFC 4180 quoting (fields
 * may hold commas, quotes and line breaks), an Excel "sep=X" first line, and
 * ';' or tab separated files recognised from their first line. Every record
 * comes with the physical line it starts on, for FILE:LINE: messages. */
#ifndef MUSTER_CSV_READER_H
#define MUSTER_CSV_READER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"

/* One record: n fields, each NUL-terminated valid UTF-8 without NUL bytes;
 * line breaks inside a quoted field read as LF whatever the file uses. */
struct csv_row {
	size_t n;
	char **f;
	long line; /* physical line (1-based) the record starts on */
};

/* Return 0 to go on, -1 with e filled to stop; the reader then puts
 * "NAME:LINE: " in front of the message. */
typedef int (*csv_row_fn)(void *arg, const struct csv_row *row, struct err *e);
/* done and total in bytes (total 0 when unknown). */
typedef void (*csv_progress_fn)(void *arg, uint64_t done, uint64_t total);

struct csv_source {
	FILE *f;
	const char *name; /* for messages */
	uint64_t size;    /* bytes, 0 when unknown */
	csv_progress_fn progress;
	void *progress_arg;
};

/* Read every record of src, calling fn for each. Bad input (broken quoting,
 * not UTF-8, UTF-16, binary data) is ERR_INPUT "NAME:LINE: why". */
int csv_reader_run(const struct csv_source *src, csv_row_fn fn, void *arg, struct err *e);

#endif
