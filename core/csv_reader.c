/* csv_reader.c - spreadsheet CSV through libcsv in strict mode. libcsv does
 * not count lines, so the input is fed one physical line at a time: a record
 * starts on the line where the first byte that is not a blank or a line end
 * arrives while no record is open, and ends when libcsv reports it. */
#include "csv_reader.h"

#include <csv.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"
#include "xmalloc.h"

#define CHUNK      65536
#define FIELD_MAX  (1u << 20) /* bytes of one field */
#define RECORD_MAX (4u << 20) /* bytes of one record, all its fields */
#define FIELDS_MAX 4096       /* fields of one record */
#define KEEP_MAX   4096       /* a field buffer larger than this is freed after its record */

struct reader {
	const struct csv_source *src;
	struct csv_parser p;
	unsigned char delim;
	csv_row_fn fn;
	void *arg;
	struct err *e;
	bool failed;
	long line;  /* physical line of the bytes being fed */
	long start; /* line the open record started on */
	bool open;  /* a record has begun and not yet ended */
	char prev;  /* last byte fed, to count CR LF as one line end */
	char **f;   /* fields of the open record (buffers reused) */
	size_t *cap;
	size_t n, nalloc;
	size_t bytes; /* of the open record's fields so far */
};

/* Line breaks inside a field are stored as LF: CR LF and a lone CR become LF. */
static void unix_line_ends(char *s)
{
	char *out = s;
	for (; *s; s++) {
		if (*s == '\r') {
			*out++ = '\n';
			if (s[1] == '\n')
				s++;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

static void fail(struct reader *r, long line, const char *why)
{
	if (r->failed)
		return;
	r->failed = true;
	err_set(r->e, ERR_INPUT, "%s:%ld: %s", r->src->name, line, why);
}

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (r->failed)
		return;
	if (len > FIELD_MAX)
		return fail(r, r->start, "a field is longer than 1 MiB");
	if ((r->bytes += len) > RECORD_MAX)
		return fail(r, r->start, "a row is longer than 4 MiB");
	if (r->n == FIELDS_MAX)
		return fail(r, r->start, "a row has more than 4096 fields");
	if (s && !utf8_valid(s, len))
		return fail(r, r->start,
		            memchr(s, 0, len) ? "a field holds a NUL byte (not a text file?)"
		                              : "not UTF-8 text (in a spreadsheet, save as "
		                                "\"CSV UTF-8\")");
	if (r->n == r->nalloc) {
		r->nalloc = r->nalloc ? r->nalloc * 2 : 16;
		r->f = xrealloc(r->f, r->nalloc * sizeof *r->f);
		r->cap = xrealloc(r->cap, r->nalloc * sizeof *r->cap);
		for (size_t i = r->n; i < r->nalloc; i++)
			r->f[i] = NULL, r->cap[i] = 0;
	}
	if (r->cap[r->n] < len + 1) {
		r->cap[r->n] = len + 1 < 64 ? 64 : len + 1;
		r->f[r->n] = xrealloc(r->f[r->n], r->cap[r->n]);
	}
	if (len)
		memcpy(r->f[r->n], s, len);
	r->f[r->n][len] = '\0';
	if (len && memchr(s, '\r', len))
		unix_line_ends(r->f[r->n]);
	r->n++;
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	(void)c;
	r->open = false;
	if (r->failed) {
		r->n = 0;
		return;
	}
	struct csv_row row = {r->n, r->f, r->start};
	if (r->fn(r->arg, &row, r->e) < 0) {
		r->failed = true;
		err_prefix(r->e, "%s:%ld", r->src->name, r->start);
		if (r->e && r->e->code != ERR_DB)
			r->e->code = ERR_INPUT;
	}
	/* large buffers go with their record: what stays is bounded by
	 * FIELDS_MAX * KEEP_MAX whatever the file holds */
	for (size_t i = 0; i < r->n; i++)
		if (r->cap[i] > KEEP_MAX) {
			free(r->f[i]);
			r->f[i] = NULL;
			r->cap[i] = 0;
		}
	r->n = 0;
	r->bytes = 0;
}

static bool significant(const struct reader *r, unsigned char c)
{
	return c != ' ' && c != '\r' && c != '\n' && (c != '\t' || r->delim == '\t');
}

static void parse_error(struct reader *r, long at)
{
	char why[160];
	if (at != r->start)
		snprintf(why, sizeof why,
		         "bad quoting on line %ld (a field with a quote in it must be in quotes, "
		         "each quote doubled)",
		         at);
	else
		snprintf(why, sizeof why,
		         "bad quoting (a field with a quote in it must be in quotes, each "
		         "quote doubled)");
	fail(r, r->start, why);
}

/* Feed one physical line (ending in CR or LF, or the tail of the input). */
static void feed_line(struct reader *r, const char *s, size_t n)
{
	if (!r->open) {
		for (size_t i = 0; i < n; i++) {
			if (significant(r, (unsigned char)s[i])) {
				r->open = true;
				r->start = r->line;
				break;
			}
		}
	}
	if (csv_parse(&r->p, s, n, on_field, on_record, r) != n && !r->failed) {
		if (csv_error(&r->p) == CSV_EPARSE)
			parse_error(r, r->line);
		else
			fail(r, r->line, csv_strerror(csv_error(&r->p)));
	}
	/* the field being read, while it is read: at most a chunk past the
	 * limit is ever held, however long the field goes on */
	if (r->p.entry_pos > FIELD_MAX)
		fail(r, r->start, "a field is longer than 1 MiB");
	char last = s[n - 1];
	if (last == '\r' || (last == '\n' && !(n == 1 && r->prev == '\r')))
		r->line++;
	r->prev = last;
}

static void feed(struct reader *r, const char *s, size_t n)
{
	size_t from = 0;
	for (size_t i = 0; i < n && !r->failed; i++) {
		if (s[i] == '\n' || s[i] == '\r') {
			feed_line(r, s + from, i + 1 - from);
			from = i + 1;
		}
	}
	if (from < n && !r->failed)
		feed_line(r, s + from, n - from);
}

/* An Excel "sep=X" line: use X as the delimiter; returns the bytes it takes. */
static size_t sep_line(struct reader *r, const char *s, size_t n)
{
	if (n < 5 || strncasecmp(s, "sep=", 4) != 0)
		return 0;
	size_t len = 5;
	if (len < n && s[len] != '\r' && s[len] != '\n')
		return 0;
	if (s[4] == '"' || s[4] == '\r' || s[4] == '\n')
		return 0;
	r->delim = (unsigned char)s[4];
	if (len < n && s[len] == '\r')
		len++;
	if (len < n && s[len] == '\n')
		len++;
	r->line = 2;
	return len;
}

/* No sep= line: a first line with no comma but semicolons (or tabs) sets them. */
static void sniff(struct reader *r, const char *s, size_t n)
{
	size_t count[3] = {0, 0, 0};
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			break;
		else if (!quoted)
			count[0] += s[i] == ',', count[1] += s[i] == ';', count[2] += s[i] == '\t';
	}
	if (count[0] == 0 && count[1] > 0 && count[1] >= count[2])
		r->delim = ';';
	else if (count[0] == 0 && count[2] > 0)
		r->delim = '\t';
}

/* BOM, UTF-16, sep= and delimiter from the first chunk; bytes to skip. */
static size_t start_of(struct reader *r, const char *s, size_t n)
{
	size_t skip = 0;
	if (n >= 2 && (((unsigned char)s[0] == 0xff && (unsigned char)s[1] == 0xfe) ||
	               ((unsigned char)s[0] == 0xfe && (unsigned char)s[1] == 0xff))) {
		fail(r, 1, "the file is UTF-16; save it as \"CSV UTF-8\"");
		return n;
	}
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	skip += sep_line(r, s + skip, n - skip);
	if (r->delim == ',' && r->line == 1)
		sniff(r, s + skip, n - skip);
	csv_set_delim(&r->p, r->delim);
	return skip;
}

static int read_all(struct reader *r)
{
	const struct csv_source *src = r->src;
	char *buf = xmalloc(CHUNK);
	uint64_t done = 0;
	bool first = true;
	size_t got;
	while (!r->failed && (got = fread(buf, 1, CHUNK, src->f)) > 0) {
		size_t skip = first ? start_of(r, buf, got) : 0;
		first = false;
		feed(r, buf + skip, got - skip);
		done += got;
		if (src->progress)
			src->progress(src->progress_arg, done, src->size);
	}
	free(buf);
	if (!r->failed && ferror(src->f))
		fail(r, r->line, "read error");
	if (!r->failed && csv_fini(&r->p, on_field, on_record, r) != 0 && !r->failed)
		fail(r, r->start, "a quoted field opened here is never closed");
	return r->failed ? -1 : 0;
}

int csv_reader_run(const struct csv_source *src, csv_row_fn fn, void *arg, struct err *e)
{
	struct reader r = {.src = src, .delim = ',', .fn = fn, .arg = arg, .e = e, .line = 1};
	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return err_set(e, ERR_INPUT, "%s: cannot start the CSV parser", src->name);
	csv_set_realloc_func(&r.p, xrealloc);
	/* libcsv grows a field's buffer by this much at a time (128 bytes by
	 * default: a 1 MiB field took 8,192 reallocations) */
	csv_set_blk_size(&r.p, CHUNK);
	int ret = read_all(&r);
	csv_free(&r.p);
	for (size_t i = 0; i < r.nalloc; i++)
		free(r.f[i]);
	free(r.f);
	free(r.cap);
	return ret;
}
