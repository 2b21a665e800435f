/* test_strbuf_utf8.c - the shared small utilities: the growable string and
 * the UTF-8 decoder every module reads and cuts text with. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"

static void strbuf_grows_and_resets(void **state)
{
	(void)state;
	struct strbuf b = {0};
	assert_string_equal(strbuf_str(&b), "");
	for (int i = 0; i < 1000; i++)
		strbuf_addf(&b, "%d,", i % 10);
	assert_int_equal(b.len, 2000);
	assert_int_equal(strlen(b.s), 2000);
	strbuf_reset(&b);
	strbuf_add(&b, "SELECT ");
	strbuf_addn(&b, "id, name", 2);
	strbuf_addc(&b, ';');
	assert_string_equal(strbuf_str(&b), "SELECT id;");
	char *s = strbuf_take(&b);
	assert_string_equal(s, "SELECT id;");
	assert_null(b.s);
	free(s);
	s = strbuf_take(&b); /* an empty buffer gives "" */
	assert_string_equal(s, "");
	free(s);
	strbuf_free(&b);
}

static void utf8_decodes_and_refuses(void **state)
{
	(void)state;
	uint32_t cp = 0;
	assert_int_equal(utf8_decode_str("A", &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode_str("\xc3\xa9", &cp), 2); /* é */
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode_str("\xe6\x9d\x8e", &cp), 3); /* 李 */
	assert_int_equal(cp, 0x674E);
	assert_int_equal(utf8_decode_str("\xf0\x9f\x8e\x89", &cp), 4); /* 🎉 */
	assert_int_equal(cp, 0x1F389);
	assert_int_equal(utf8_decode_str("\xc0\xaf", &cp), 0);         /* overlong */
	assert_int_equal(utf8_decode_str("\xed\xa0\x80", &cp), 0);     /* surrogate */
	assert_int_equal(utf8_decode_str("\xf4\x90\x80\x80", &cp), 0); /* past U+10FFFF */
	assert_int_equal(utf8_decode_str("\xe2\x82", &cp), 0);         /* cut short by the NUL */
	assert_true(utf8_valid("Nguyễn", strlen("Nguyễn")));
	assert_false(utf8_valid("a\0b", 3)); /* a NUL inside */
	assert_false(utf8_valid("\xe2\x82\xac", 2));
}

static void utf8_boundary_never_splits(void **state)
{
	(void)state;
	const char *s = "ab\xe6\x9d\x8e"; /* "ab李" */
	assert_int_equal(utf8_boundary(s, 2), 2);
	assert_int_equal(utf8_boundary(s, 3), 2);
	assert_int_equal(utf8_boundary(s, 4), 2);
	assert_int_equal(utf8_boundary(s, 5), 5);
	assert_true(utf8_is_cont(0x9d));
	assert_false(utf8_is_cont('a'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(strbuf_grows_and_resets),
	    cmocka_unit_test(utf8_decodes_and_refuses),
	    cmocka_unit_test(utf8_boundary_never_splits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
