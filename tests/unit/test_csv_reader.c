/* test_csv_reader.c - spreadsheet CSV through libcsv: BOM, line ends,
 * quoting, sep= and ';' files, and the physical line each record starts on,
 * also when a CR LF or a quoted field straddles the 64 KiB read chunks. */
#define _GNU_SOURCE /* fopencookie */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/csv_reader.h"
#include "../../core/utf8.h"
#include "../../core/xmalloc.h"

/* What the reader saw: "LINE:field|field|...\n" per record. */
struct seen {
	char *text;
	size_t len;
	int stop_at; /* record number that fails, 0 = none */
	int records;
};

static void append(struct seen *s, const char *text)
{
	size_t n = strlen(text);
	s->text = xrealloc(s->text, s->len + n + 1);
	memcpy(s->text + s->len, text, n + 1);
	s->len += n;
}

static int collect(void *arg, const struct csv_row *row, struct err *e)
{
	struct seen *s = arg;
	char num[32];
	snprintf(num, sizeof num, "%ld:", row->line);
	append(s, num);
	for (size_t i = 0; i < row->n; i++) {
		append(s, i ? "|" : "");
		append(s, row->f[i]);
	}
	append(s, "\n");
	if (++s->records == s->stop_at)
		return err_set(e, ERR_INPUT, "stop here");
	return 0;
}

/* Read data (n bytes); returns the reader's status, fills *out. */
static int read_text(const char *data, size_t n, struct seen *out, struct err *e)
{
	FILE *f = fmemopen((void *)data, n, "r");
	assert_non_null(f);
	struct csv_source src = {f, "t.csv", n, NULL, NULL};
	out->text = xstrdup("");
	out->len = 0;
	int ret = csv_reader_run(&src, collect, out, e);
	fclose(f);
	return ret;
}

static void expect(const char *data, size_t n, const char *want)
{
	struct seen s = {0};
	struct err e = {0};
	assert_int_equal(read_text(data, n, &s, &e), 0);
	assert_string_equal(s.text, want);
	free(s.text);
}

static void expect_error(const char *data, size_t n, const char *msg)
{
	struct seen s = {0};
	struct err e = {0};
	assert_int_equal(read_text(data, n, &s, &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_string_equal(e.msg, msg);
	free(s.text);
}

#define EXPECT(data, want)    expect(data, sizeof data - 1, want)
#define EXPECT_ERR(data, msg) expect_error(data, sizeof data - 1, msg)

static void plain_and_crlf(void **state)
{
	(void)state;
	EXPECT("a,b\nc,d\n", "1:a|b\n2:c|d\n");
	EXPECT("a,b\r\nc,d\r\n", "1:a|b\n2:c|d\n");
	EXPECT("a,b\rc,d\r", "1:a|b\n2:c|d\n");
	EXPECT("a,b\nc,d", "1:a|b\n2:c|d\n"); /* no line end at the end */
	EXPECT("", "");
}

static void bom_is_skipped(void **state)
{
	(void)state;
	EXPECT("\xef\xbb\xbfname,email\r\nDana,d@x.org\r\n", "1:name|email\n2:Dana|d@x.org\n");
}

static void quoted_fields(void **state)
{
	(void)state;
	EXPECT("\"a,b\",\"say \"\"hi\"\"\",\"\"\n", "1:a,b|say \"hi\"|\n");
	/* a record spanning lines starts where it starts; the next is counted right */
	EXPECT("x,\"one\ntwo\n\nfour\"\ny,z\n", "1:x|one\ntwo\n\nfour\n5:y|z\n");
	/* line breaks inside a field read as LF whatever the file uses */
	EXPECT("x,\"one\r\ntwo\rthree\"\r\ny,z\r\n", "1:x|one\ntwo\nthree\n4:y|z\n");
}

static void blank_lines_keep_count(void **state)
{
	(void)state;
	EXPECT("a\n\n  \nb\n", "1:a\n4:b\n");
	EXPECT("a\r\n\r\n\r\nb\r\n", "1:a\n4:b\n");
}

static void sep_line_and_semicolons(void **state)
{
	(void)state;
	EXPECT("sep=;\r\nname;notes\r\nA;\"x; y\"\r\n", "2:name|notes\n3:A|x; y\n");
	EXPECT("name;email\nA;a@x.org\n", "1:name|email\n2:A|a@x.org\n");
	EXPECT("name\temail\nA\ta@x.org\n", "1:name|email\n2:A|a@x.org\n");
	/* commas win when the header has any */
	EXPECT("name,notes\nA,x;y\n", "1:name|notes\n2:A|x;y\n");
}

static void bad_input(void **state)
{
	(void)state;
	EXPECT_ERR("name\n\"open\nb\nc\n", "t.csv:2: a quoted field opened here is never closed");
	EXPECT_ERR("name\nab\"c\n",
	           "t.csv:2: bad quoting (a field with a quote in it must be in quotes, each "
	           "quote doubled)");
	EXPECT_ERR("name\n\"a\nb\"x\n", "t.csv:2: bad quoting on line 3 (a field with a quote in "
	                                "it must be in quotes, each quote doubled)");
	EXPECT_ERR("name\nJos\xe9\n",
	           "t.csv:2: not UTF-8 text (in a spreadsheet, save as \"CSV UTF-8\")");
	EXPECT_ERR("\xff\xfen\0a\0m\0e\0", "t.csv:1: the file is UTF-16; save it as \"CSV UTF-8\"");
	EXPECT_ERR("name\na\0b\n", "t.csv:2: a field holds a NUL byte (not a text file?)");
}

static void callback_error_gets_file_and_line(void **state)
{
	(void)state;
	struct seen s = {.stop_at = 3};
	struct err e = {0};
	const char data[] = "h\n1\n\"2\n2\"\n3\n";
	assert_int_equal(read_text(data, sizeof data - 1, &s, &e), -1);
	assert_string_equal(e.msg, "t.csv:3: stop here");
	assert_int_equal(s.records, 3);
	free(s.text);
}

/* CR LF split by the 64 KiB chunk boundary, and a quoted field across it. */
static void chunk_boundaries(void **state)
{
	(void)state;
	size_t n = 65536 * 2 + 100;
	char *data = xmalloc(n + 1);
	size_t at = 0;
	long lines = 0;
	/* fill with "x\r\n" records so that a CR lands on byte 65535 */
	while (at + 3 <= 65535 - 1) {
		memcpy(data + at, "x\r\n", 3);
		at += 3;
		lines++;
	}
	while (at < 65535)
		data[at++] = 'y';
	data[at++] = '\r'; /* byte 65535: the last of the first chunk */
	data[at++] = '\n';
	lines++;
	at += (size_t)snprintf(data + at, n - at, "\"q\r\n");
	while (at < 65536 * 2 + 10)
		data[at++] = 'z';
	at += (size_t)snprintf(data + at, n - at, "\"\r\nlast\r\n");
	struct seen s = {0};
	struct err e = {0};
	assert_int_equal(read_text(data, at, &s, &e), 0);
	/* the record after the quoted one starts on lines + 3 */
	char want[64];
	snprintf(want, sizeof want, "\n%ld:last\n", lines + 3);
	assert_non_null(strstr(s.text, want));
	snprintf(want, sizeof want, "\n%ld:q\n", lines + 1);
	assert_non_null(strstr(s.text, want));
	free(s.text);
	free(data);
}

static void utf8_check(void **state)
{
	(void)state;
	assert_true(utf8_valid("Nguyễn 李小龍 🎉", strlen("Nguyễn 李小龍 🎉")));
	assert_false(utf8_valid("\xc0\xaf", 2));         /* overlong */
	assert_false(utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4)); /* past U+10FFFF */
	assert_false(utf8_valid("\xe2\x82", 2));         /* cut short */
}

/* A source that never seems to end (32 MiB, so a reader that takes it all
 * still stops): a header line, then one row whose quoted (or bare) field
 * runs on, or whose fields do; counts what the reader took. */
struct endless {
	const char *head;
	size_t taken;
	char fill;
	size_t row_fields; /* 0: one endless field; else "x," repeated */
};

static ssize_t endless_read(void *cookie, char *buf, size_t n)
{
	struct endless *s = cookie;
	size_t head = strlen(s->head), i = 0;
	for (; i < n && s->taken < (32u << 20); i++, s->taken++) {
		if (s->taken < head)
			buf[i] = s->head[s->taken];
		else if (s->row_fields)
			buf[i] = (s->taken - head) % 2 ? ',' : 'x';
		else
			buf[i] = s->fill;
	}
	return (ssize_t)i;
}

static int endless_run(struct endless *s, struct err *e)
{
	FILE *f = fopencookie(s, "r", (cookie_io_functions_t){.read = endless_read});
	assert_non_null(f);
	struct csv_source src = {f, "big.csv", 0, NULL, NULL};
	struct seen out = {.text = xstrdup("")};
	int ret = csv_reader_run(&src, collect, &out, e);
	fclose(f);
	free(out.text);
	return ret;
}

/* A field, a row or a run of fields past the limits is refused while it is
 * read: the reader stops within a chunk or two of the limit, however much
 * more the file holds (it used to read the whole field first). */
static void limits_are_checked_while_reading(void **state)
{
	(void)state;
	struct err e = {0};
	struct endless quoted = {.head = "name,notes\nDana,\"", .fill = 'a'};
	assert_int_equal(endless_run(&quoted, &e), -1);
	assert_string_equal(e.msg, "big.csv:2: a field is longer than 1 MiB");
	assert_true(quoted.taken < (1u << 20) + 3 * 65536);
	struct endless bare = {.head = "name\n", .fill = 'b'};
	assert_int_equal(endless_run(&bare, &e), -1);
	assert_string_equal(e.msg, "big.csv:2: a field is longer than 1 MiB");
	assert_true(bare.taken < (1u << 20) + 3 * 65536);
	struct endless wide = {.head = "name\n", .row_fields = 1};
	assert_int_equal(endless_run(&wide, &e), -1);
	assert_string_equal(e.msg, "big.csv:2: a row has more than 4096 fields");
	assert_true(wide.taken < 3 * 65536);
	/* a row of several large fields */
	size_t n = 5 * 1000000 + 64;
	char *rows = xmalloc(n);
	size_t at = (size_t)snprintf(rows, n, "a,b,c,d,e\n");
	for (int k = 0; k < 5; k++) {
		memset(rows + at, 'x', 999990);
		at += 999990;
		rows[at++] = k < 4 ? ',' : '\n';
	}
	expect_error(rows, at, "t.csv:2: a row is longer than 4 MiB");
	free(rows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(plain_and_crlf),
	    cmocka_unit_test(bom_is_skipped),
	    cmocka_unit_test(limits_are_checked_while_reading),
	    cmocka_unit_test(quoted_fields),
	    cmocka_unit_test(blank_lines_keep_count),
	    cmocka_unit_test(sep_line_and_semicolons),
	    cmocka_unit_test(bad_input),
	    cmocka_unit_test(callback_error_gets_file_and_line),
	    cmocka_unit_test(chunk_boundaries),
	    cmocka_unit_test(utf8_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
