/* test_tz.c - unit tests for core/tz.c and core/clock.c: zones, DST, parsing, the clock. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* setenv */
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "../../core/array.h"
#include "tz.h"

/* Expected instants below were computed with `date -u -d ... +%s` and zdump, not tz.c. */
#define T_2026_12_05_1430Z INT64_C(1796481000)
#define T_2026_07_01_1330Z INT64_C(1782912600)

static int64_t parse_ok(const char *tz, const char *text)
{
	struct err e = {ERR_NONE, ""};
	int64_t t = -12345;
	int rc = tz_parse(tz, text, &t, &e);
	if (rc != 0)
		fail_msg("tz_parse(%s, \"%s\") failed: %s", tz ? tz : "NULL", text, e.msg);
	assert_int_equal(e.code, ERR_NONE);
	return t;
}

/* tz_parse refuses text with ERR_INPUT and a one-line message containing want. */
static void parse_refused(const char *tz, const char *text, const char *want)
{
	struct err e = {ERR_NONE, ""};
	int64_t t = 777;
	if (tz_parse(tz, text, &t, &e) != -1)
		fail_msg("tz_parse(%s, \"%s\") accepted it as %lld", tz ? tz : "NULL", text,
		         (long long)t);
	assert_int_equal(e.code, ERR_INPUT);
	assert_int_equal(t, 777);
	assert_null(strchr(e.msg, '\n'));
	if (!strstr(e.msg, want))
		fail_msg("message for \"%s\" is \"%s\", wanted \"%s\" in it", text, e.msg, want);
}

static void assert_format(const char *tz, int64_t t, const char *want)
{
	char buf[64];
	tz_format(tz, t, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void test_round_trip(void **state)
{
	(void)state;
	static const struct {
		const char *tz, *text;
		int64_t t;
	} cases[] = {
	    {"America/New_York", "2026-12-05 09:30", T_2026_12_05_1430Z},
	    {"America/New_York", "2026-07-01 09:30", T_2026_07_01_1330Z},
	    {"Europe/Berlin", "2026-12-05 09:30", INT64_C(1796459400)},
	    {"Europe/Berlin", "2026-07-01 15:30", T_2026_07_01_1330Z},
	    {"Asia/Phnom_Penh", "2026-12-05 21:30", T_2026_12_05_1430Z},
	    {"UTC", "2026-12-05 14:30", T_2026_12_05_1430Z},
	    {"UTC", "2024-02-29 12:00", INT64_C(1709208000)},
	    {"Europe/Berlin", "1900-01-01 00:00", INT64_C(-2208992400)},
	    {"America/New_York", "9999-12-31 23:59", INT64_C(253402318740)},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		assert_int_equal(parse_ok(cases[i].tz, cases[i].text), cases[i].t);
		assert_format(cases[i].tz, cases[i].t, cases[i].text);
	}
}

static void test_parse_forms(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("America/New_York", "2026-12-05T09:30"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok("America/New_York", "2026-12-05T09:30:00"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok("America/New_York", "2026-12-05 09:30:15"),
	                 T_2026_12_05_1430Z + 15);
	/* With Z or an offset the zone is ignored, even a missing or unknown one. */
	assert_int_equal(parse_ok("Asia/Phnom_Penh", "2026-12-05T14:30:00Z"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok(NULL, "2026-12-05T14:30Z"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok("Not/AZone", "2026-12-05 14:30Z"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok("UTC", "2026-12-05T15:30+01:00"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok("UTC", "2026-12-05T09:30-0500"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok("UTC", "2026-12-05T20:00:00+05:30"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok("UTC", "2026-12-05T14:30:00-00:00"), T_2026_12_05_1430Z);
	assert_int_equal(parse_ok("UTC", "2026-12-06T00:15+09:45"), T_2026_12_05_1430Z);
}

static void test_chicago_spring_forward(void **state)
{
	(void)state;
	const char *tz = "America/Chicago";
	/* Clocks go from 01:59:59 CST to 03:00:00 CDT at 08:00Z. */
	assert_int_equal(parse_ok(tz, "2026-03-08 01:59"), INT64_C(1772956740));
	assert_int_equal(parse_ok(tz, "2026-03-08 03:00"), INT64_C(1772956800));
	parse_refused(tz, "2026-03-08 02:30", "2026-03-08 02:30 does not exist in America/Chicago");
	parse_refused(tz, "2026-03-08 02:00", "does not exist");
	parse_refused(tz, "2026-03-08T02:59:59", "2026-03-08 02:59:59 does not exist");
	struct err e = {ERR_NONE, ""};
	int64_t t = 5;
	assert_int_equal(tz_from_local(tz, 2026, 3, 8, 2, 30, 0, &t, &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_int_equal(t, 5);
	/* The same wall time is fine in a zone without DST, and a day later in Chicago. */
	assert_int_equal(parse_ok("UTC", "2026-03-08 02:30"), INT64_C(1772937000));
	assert_int_equal(parse_ok(tz, "2026-03-09 02:30"), INT64_C(1773041400));
	/* An instant across the change: 01:59 CST + 1 minute is 03:00 CDT. */
	assert_format(tz, INT64_C(1772956740) + 60, "2026-03-08 03:00");
}

static void test_chicago_fall_back(void **state)
{
	(void)state;
	const char *tz = "America/Chicago";
	struct tz_local l;
	/* 01:00-01:59 happens twice; the earlier (CDT, 06:30Z) wins. */
	int64_t t = parse_ok(tz, "2026-11-01 01:30");
	assert_int_equal(t, INT64_C(1793514600));
	assert_int_equal(tz_local(tz, t, &l), 0);
	assert_string_equal(l.abbrev, "CDT");
	assert_int_equal(l.utc_offset, -5 * 3600);
	/* The later 01:30 (CST) is an hour on: formatted with its offset. */
	assert_int_equal(tz_local(tz, t + 3600, &l), 0);
	assert_string_equal(l.abbrev, "CST");
	assert_int_equal(l.utc_offset, -6 * 3600);
	assert_format(tz, t + 3600, "2026-11-01 01:30-06:00");
	int64_t f = 0;
	assert_int_equal(tz_from_local(tz, 2026, 11, 1, 1, 0, 0, &f, NULL), 0);
	assert_int_equal(f, INT64_C(1793512800));
	assert_int_equal(parse_ok(tz, "2026-11-01 02:00"), INT64_C(1793520000));
	assert_int_equal(parse_ok(tz, "2026-11-01 00:59"), INT64_C(1793512740));
}

static void test_parse_refused(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} cases[] = {
	    {"", "bad time \"\": expected YYYY-MM-DD HH:MM"},
	    {"2026-13-01 10:00", "bad time \"2026-13-01 10:00\": month 13"},
	    {"2026-00-01 10:00", "month 00"},
	    {"2026-02-30 10:00", "February 2026 has no day 30"},
	    {"2026-02-29 10:00", "February 2026 has no day 29"},
	    {"2100-02-29 10:00", "February 2100 has no day 29"},
	    {"2026-04-31 10:00", "April 2026 has no day 31"},
	    {"2026-12-00 10:00", "day 00"},
	    {"2026-12-05 24:00", "hour 24"},
	    {"2026-12-05 10:60", "minute 60"},
	    {"2026-12-05 10:00:60", "second 60"},
	    {"1899-12-31 23:59", "year 1899"},
	    {"0000-01-01 00:00", "year 0"},
	    {"10000-01-01 00:00", "expected YYYY-MM-DD HH:MM"},
	    {"2026-12-05", "bad time \"2026-12-05\": expected"},
	    {"2026-12-05 10:00x", "expected"},
	    {"2026-12-05 10:00 ", "expected"},
	    {" 2026-12-05 10:00", "expected"},
	    {"2026-12-05  10:00", "expected"},
	    {"2026-1-05 10:00", "expected"},
	    {"2026-12-05 9:30", "expected"},
	    {"2026-12-05 10:0", "expected"},
	    {"2026-12-05 10", "expected"},
	    {"2026-12-05 10:00:", "expected"},
	    {"2026-12-05 10:00:00:00", "expected"},
	    {"2026/12/05 10:00", "expected"},
	    {"2026-12-05t10:00", "expected"},
	    {"2026-12-05T10:00+01", "expected"},
	    {"2026-12-05T10:00+1:00", "expected"},
	    {"2026-12-05T10:00 +01:00", "expected"},
	    {"2026-12-05T10:00+01:00x", "expected"},
	    {"2026-12-05T10:00ZZ", "expected"},
	    {"2026-12-05T10:00+24:00", "offset 24:00"},
	    {"2026-12-05T10:00-01:60", "offset 01:60"},
	    {"tomorrow", "bad time \"tomorrow\""},
	    {"+2026-12-05 10:00", "expected"},
	    {"2026-12-05 10:00\n", "bad time \"2026-12-05 10:00\\x0a\""},
	    {"2026-12-05 \"10:00", "\\x22"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		parse_refused("Europe/Berlin", cases[i].text, cases[i].want);
	parse_refused("Europe/Berlin", NULL, "bad time \"\"");
	parse_refused("Not/AZone", "2026-12-05 10:00", "unknown time zone \"Not/AZone\"");
	parse_refused(NULL, "2026-12-05 10:00", "unknown time zone");
	parse_refused("", "2026-12-05 10:00", "unknown time zone");
	/* Good shapes are still checked when a zone is given. */
	parse_refused("UTC", "2026-02-29T10:00Z", "February 2026 has no day 29");
	/* A long input is cut short in the message. */
	char long_text[300];
	memset(long_text, '9', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	parse_refused("UTC", long_text, "999...\": expected");
}

static void test_from_local_refused(void **state)
{
	(void)state;
	struct err e = {ERR_NONE, ""};
	int64_t t = 0;
	assert_int_equal(tz_from_local("UTC", 2026, 2, 29, 10, 0, 0, &t, &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_non_null(strstr(e.msg, "February 2026 has no day 29"));
	assert_int_equal(tz_from_local("UTC", 2026, 12, 5, 10, -1, 0, &t, &e), -1);
	assert_int_equal(tz_from_local("Bad/Zone", 2026, 12, 5, 10, 0, 0, &t, &e), -1);
	assert_non_null(strstr(e.msg, "unknown time zone"));
	assert_int_equal(tz_from_local("Asia/Phnom_Penh", 2026, 12, 5, 21, 30, 0, &t, &e), 0);
	assert_int_equal(t, T_2026_12_05_1430Z);
}

static void test_parse_date(void **state)
{
	(void)state;
	struct err e = {ERR_NONE, ""};
	int y = 0, m = 0, d = 0;
	assert_int_equal(tz_parse_date("2024-02-29", &y, &m, &d, &e), 0);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(tz_parse_date("2000-02-29", &y, &m, &d, &e), 0);
	assert_int_equal(tz_parse_date("1999-12-31", &y, &m, &d, &e), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 19991231);
	static const char *const bad[] = {"1900-02-29",  "2100-02-29",  "2026-02-29",
	                                  "2026-06-31",  "2026-13-01",  "2026-12-5",
	                                  "2026-12-05x", "2026-12-05 ", "",
	                                  "20261205",    "1899-12-31",  "2026-12-05 10:00"};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		e.code = ERR_NONE;
		if (tz_parse_date(bad[i], &y, &m, &d, &e) != -1)
			fail_msg("tz_parse_date accepted \"%s\"", bad[i]);
		assert_int_equal(e.code, ERR_INPUT);
		assert_non_null(strstr(e.msg, "bad date \""));
	}
	assert_int_equal(tz_parse_date("2026-12-05 10:00", &y, &m, &d, &e), -1);
	assert_string_equal(e.msg, "bad date \"2026-12-05 10:00\": expected YYYY-MM-DD");
	assert_int_equal(tz_parse_date("2026-02-29", &y, &m, &d, &e), -1);
	assert_string_equal(e.msg, "bad date \"2026-02-29\": February 2026 has no day 29");
}

static void test_valid(void **state)
{
	(void)state;
	static const char *const good[] = {"America/Chicago", "Europe/Berlin",
	                                   "Asia/Phnom_Penh", "UTC",
	                                   "Etc/GMT+5",       "America/New_York"};
	static const char *const bad[] = {"Not/AZone",
	                                  "../etc/passwd",
	                                  "",
	                                  "/etc/localtime",
	                                  "America",
	                                  "America/../Europe/Berlin",
	                                  "localtime",
	                                  "right/UTC",
	                                  "leapseconds",
	                                  "zone.tab",
	                                  "America/Chicago ",
	                                  "america/chicago",
	                                  "America/Chicago/",
	                                  "America//Chicago/x",
	                                  "UTC\n",
	                                  "Europe/Berlin;rm"};
	for (int round = 0; round < 2; round++) { /* the second round answers from the cache */
		for (size_t i = 0; i < ARRAY_LEN(good); i++)
			if (!tz_valid(good[i]))
				fail_msg("tz_valid(\"%s\") is false", good[i]);
		for (size_t i = 0; i < ARRAY_LEN(bad); i++)
			if (tz_valid(bad[i]))
				fail_msg("tz_valid(\"%s\") is true", bad[i]);
	}
	assert_false(tz_valid(NULL));
}

static void test_local_fields(void **state)
{
	(void)state;
	struct tz_local l;
	assert_int_equal(tz_local("Europe/Berlin", INT64_C(1796459400), &l), 0);
	assert_int_equal(l.year, 2026);
	assert_int_equal(l.month, 12);
	assert_int_equal(l.day, 5);
	assert_int_equal(l.hour, 9);
	assert_int_equal(l.minute, 30);
	assert_int_equal(l.second, 0);
	assert_int_equal(l.wday, 6);
	assert_int_equal(l.utc_offset, 3600);
	assert_string_equal(l.abbrev, "CET");
	/* An unknown zone reads as UTC and says so. */
	assert_int_equal(tz_local("Not/AZone", T_2026_12_05_1430Z, &l), -1);
	assert_int_equal(l.hour, 14);
	assert_int_equal(l.utc_offset, 0);
}

static void test_zone_switching(void **state)
{
	(void)state;
	/* Alternate zones, and have someone else change TZ behind our back. */
	for (int i = 0; i < 3; i++) {
		assert_format("America/New_York", T_2026_12_05_1430Z, "2026-12-05 09:30");
		assert_format("Europe/Berlin", T_2026_12_05_1430Z, "2026-12-05 15:30");
		assert_format("Europe/Berlin", T_2026_12_05_1430Z, "2026-12-05 15:30");
		setenv("TZ", "Asia/Tokyo", 1);
		tzset();
		assert_format("Europe/Berlin", T_2026_12_05_1430Z, "2026-12-05 15:30");
		assert_format("Asia/Phnom_Penh", T_2026_12_05_1430Z, "2026-12-05 21:30");
		assert_format("Not/AZone", T_2026_12_05_1430Z, "2026-12-05 14:30");
		assert_format("Asia/Phnom_Penh", T_2026_12_05_1430Z, "2026-12-05 21:30");
	}
}

static void test_format(void **state)
{
	(void)state;
	char buf[64];
	const char *b = "Europe/Berlin";
	int64_t sat9 = INT64_C(1796459400) - 30 * 60; /* Sat 5 Dec 2026 09:00 CET */
	tz_format_human(b, sat9, false, buf, sizeof buf);
	assert_string_equal(buf, "Sat 5 Dec 09:00");
	tz_format_human(b, sat9, true, buf, sizeof buf);
	assert_string_equal(buf, "Sat 5 Dec 9:00am");
	tz_format_human("America/New_York", sat9, false, buf, sizeof buf);
	assert_string_equal(buf, "Sat 5 Dec 03:00");
	tz_format_human("America/Chicago", INT64_C(1793514600), true, buf, sizeof buf);
	assert_string_equal(buf, "Sun 1 Nov 1:30am");
	tz_format_hm(b, sat9, false, buf, sizeof buf);
	assert_string_equal(buf, "09:00");
	tz_format_hm(b, sat9, true, buf, sizeof buf);
	assert_string_equal(buf, "9:00am");
	tz_format_hm(b, sat9 + 3 * 3600 + 30 * 60, true, buf, sizeof buf);
	assert_string_equal(buf, "12:30pm");
	tz_format_hm(b, sat9 + 4 * 3600 + 5 * 60, true, buf, sizeof buf);
	assert_string_equal(buf, "1:05pm");
	tz_format_hm(b, sat9 - 9 * 3600 + 15 * 60, true, buf, sizeof buf);
	assert_string_equal(buf, "12:15am");
	tz_format_hm(b, sat9 + 14 * 3600 + 59 * 60, false, buf, sizeof buf);
	assert_string_equal(buf, "23:59");
	tz_format_human("UTC", INT64_C(1709208000), false, buf, sizeof buf);
	assert_string_equal(buf, "Thu 29 Feb 12:00");
	/* Seconds are dropped by tz_format. */
	assert_format("UTC", T_2026_12_05_1430Z + 59, "2026-12-05 14:30");
	/* A short buffer is cut, still terminated. */
	tz_format(b, sat9, buf, 5);
	assert_string_equal(buf, "2026");
}

/* Wall times that occur twice (clocks falling back) carry their offset, and
 * read back as the same instant; the hours around them do not. */
static void test_format_repeated_hour(void **state)
{
	(void)state;
	static const struct {
		const char *tz;
		int64_t t;
		const char *text, *mark;
	} cases[] = {
	    {"America/New_York", INT64_C(1825565400), "2027-11-07 01:30-04:00", "(-04:00)"},
	    {"America/New_York", INT64_C(1825569000), "2027-11-07 01:30-05:00", "(-05:00)"},
	    {"America/New_York", INT64_C(1825563600), "2027-11-07 01:00-04:00", "(-04:00)"},
	    {"America/New_York", INT64_C(1825570800), "2027-11-07 02:00", ""},
	    {"America/New_York", INT64_C(1825563540), "2027-11-07 00:59", ""},
	    /* Lord Howe falls back half an hour: 01:30-02:00 twice */
	    {"Australia/Lord_Howe", INT64_C(1806762600), "2027-04-04 01:30+11:00", "(+11:00)"},
	    {"Australia/Lord_Howe", INT64_C(1806764400), "2027-04-04 01:30+10:30", "(+10:30)"},
	    {"Australia/Lord_Howe", INT64_C(1806766200), "2027-04-04 02:00", ""},
	    {"Asia/Phnom_Penh", INT64_C(1825565400), "2027-11-07 12:30", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char buf[64];
		int64_t back = 0;
		struct err e = {0};
		assert_format(cases[i].tz, cases[i].t, cases[i].text);
		assert_int_equal(tz_ambiguous(cases[i].tz, cases[i].t), cases[i].mark[0] != 0);
		tz_format_mark(cases[i].tz, cases[i].t, buf, sizeof buf);
		assert_string_equal(buf, cases[i].mark);
		assert_int_equal(tz_parse(cases[i].tz, cases[i].text, &back, &e), 0);
		assert_int_equal(back, cases[i].t);
	}
}

static void test_format_utc(void **state)
{
	(void)state;
	char buf[32];
	tz_format_utc(INT64_C(1796482800), buf, sizeof buf);
	assert_string_equal(buf, "2026-12-05T15:00:00Z");
	tz_format_utc(0, buf, sizeof buf);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	tz_format_utc(-1, buf, sizeof buf);
	assert_string_equal(buf, "1969-12-31T23:59:59Z");
	tz_format_utc(INT64_C(1709208000) + 59, buf, sizeof buf);
	assert_string_equal(buf, "2024-02-29T12:00:59Z");
	tz_format_utc(INT64_C(-2208988800), buf, sizeof buf);
	assert_string_equal(buf, "1900-01-01T00:00:00Z");
	tz_format_utc(INT64_C(253402300799), buf, sizeof buf);
	assert_string_equal(buf, "9999-12-31T23:59:59Z");
	tz_format_utc(T_2026_12_05_1430Z, buf, 11);
	assert_string_equal(buf, "2026-12-05");
	/* Extreme instants do not crash or overflow. */
	tz_format_utc(INT64_MAX, buf, sizeof buf);
	tz_format_utc(INT64_MIN, buf, sizeof buf);
	tz_format("America/Chicago", INT64_MAX, buf, sizeof buf);
	tz_format("America/Chicago", INT64_MIN, buf, sizeof buf);
}

static void test_day_start(void **state)
{
	(void)state;
	const char *c = "America/Chicago";
	/* 2026-03-08 is 23 hours long in Chicago, 2026-11-01 is 25. */
	int64_t mar8 = INT64_C(1772949600), mar9 = INT64_C(1773032400);
	assert_int_equal(tz_day_start(c, mar8), mar8);
	assert_int_equal(tz_day_start(c, INT64_C(1772956800) + 5), mar8);
	assert_int_equal(tz_day_start(c, mar9 - 1), mar8);
	assert_int_equal(tz_day_start(c, mar9), mar9);
	assert_int_equal(mar9 - mar8, 23 * 3600);
	int64_t nov1 = INT64_C(1793509200), nov2 = INT64_C(1793599200);
	assert_int_equal(tz_day_start(c, INT64_C(1793518200)), nov1); /* 01:30 CST */
	assert_int_equal(tz_day_start(c, nov2 - 1), nov1);
	assert_int_equal(tz_day_start(c, nov2 + 7200), nov2);
	assert_int_equal(nov2 - nov1, 25 * 3600);
	/* The local day, not the UTC day: 14:30Z is already Sunday in Phnom Penh. */
	assert_int_equal(tz_day_start("Asia/Phnom_Penh", T_2026_12_05_1430Z + 3 * 3600),
	                 INT64_C(1796403600) + 86400);
	assert_int_equal(tz_day_start("UTC", T_2026_12_05_1430Z), T_2026_12_05_1430Z - 52200);
	/* Midnight skipped: the day starts at 01:00 local. */
	assert_int_equal(tz_day_start("America/Sao_Paulo", INT64_C(1541300400) + 3600),
	                 INT64_C(1541300400));
	assert_int_equal(tz_day_start("Asia/Beirut", INT64_C(1774735200) + 40000),
	                 INT64_C(1774735200));
	assert_int_equal(tz_day_start("Asia/Beirut", INT64_C(1774735200)), INT64_C(1774735200));
	assert_int_equal(tz_day_start("Asia/Beirut", INT64_C(1774735200) - 1),
	                 INT64_C(1774735200) - 86400);
	parse_refused("Asia/Beirut", "2026-03-29 00:30", "does not exist in Asia/Beirut");
}

static void test_age_on(void **state)
{
	(void)state;
	int64_t dec4_noon_utc = INT64_C(1796385600);    /* 2026-12-04 12:00Z */
	int64_t dec5_midnight_pp = INT64_C(1796403600); /* 2026-12-05 00:00 Phnom Penh */
	assert_int_equal(tz_age_on("UTC", dec4_noon_utc, "2000-12-05"), 25);
	assert_int_equal(tz_age_on("UTC", dec4_noon_utc + 86400, "2000-12-05"), 26);
	assert_int_equal(tz_age_on("Asia/Phnom_Penh", dec5_midnight_pp - 1, "2000-12-05"), 25);
	assert_int_equal(tz_age_on("Asia/Phnom_Penh", dec5_midnight_pp, "2000-12-05"), 26);
	/* The same instant is still 4 December in UTC. */
	assert_int_equal(tz_age_on("UTC", dec5_midnight_pp, "2000-12-05"), 25);
	/* Born on 29 February: a year older on 1 March in other years. */
	int64_t feb28 = INT64_C(1772280000); /* 2026-02-28 12:00Z */
	assert_int_equal(tz_age_on("UTC", feb28, "2008-02-29"), 17);
	assert_int_equal(tz_age_on("UTC", feb28 + 86400, "2008-02-29"), 18);
	int64_t leap29 = INT64_C(1835438400); /* 2028-02-29 12:00Z */
	assert_int_equal(tz_age_on("UTC", leap29 - 86400, "2008-02-29"), 19);
	assert_int_equal(tz_age_on("UTC", leap29, "2008-02-29"), 20);
	assert_int_equal(tz_age_on("UTC", leap29, "2028-02-29"), 0);
	assert_int_equal(tz_age_on("UTC", feb28, "2030-01-01"), 0);
	assert_int_equal(tz_age_on("UTC", feb28, "2008-02-30"), -1);
	assert_int_equal(tz_age_on("UTC", feb28, ""), -1);
	assert_int_equal(tz_age_on("UTC", feb28, NULL), -1);
	assert_int_equal(tz_age_on("UTC", feb28, "2008-2-3"), -1);
}

static void pin_ok(const char *text, int64_t want)
{
	struct clock c = {false, 0};
	struct err e = {ERR_NONE, ""};
	if (clock_pin(&c, text, &e) != 0)
		fail_msg("clock_pin(\"%s\") failed: %s", text, e.msg);
	assert_true(c.pinned);
	assert_int_equal(c.at, want);
	assert_int_equal(clock_now(&c), want);
}

static void pin_refused(const char *text, const char *want)
{
	struct clock c = {true, 42};
	struct err e = {ERR_NONE, ""};
	assert_int_equal(clock_pin(&c, text, &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_true(c.pinned);
	assert_int_equal(c.at, 42);
	assert_int_equal(clock_now(&c), 42);
	if (strncmp(e.msg, "bad --now \"", 11) != 0 || !strstr(e.msg, want))
		fail_msg("message for \"%s\" is \"%s\", wanted \"%s\" in it", text ? text : "NULL",
		         e.msg, want);
}

static void test_clock(void **state)
{
	(void)state;
	pin_ok("2026-12-05T14:30:00Z", T_2026_12_05_1430Z);
	pin_ok("2026-12-05T14:30Z", T_2026_12_05_1430Z);
	pin_ok("2026-12-05T09:30-05:00", T_2026_12_05_1430Z);
	pin_ok("2026-12-05T15:30:00+0100", T_2026_12_05_1430Z);
	pin_ok("2026-12-05 14:30", T_2026_12_05_1430Z);
	pin_ok("2026-12-05 14:30:07", T_2026_12_05_1430Z + 7);
	pin_ok("@1796481000", T_2026_12_05_1430Z);
	pin_ok("@0", 0);
	pin_ok("@-86400", -86400);
	const char *forms = "expected ISO 8601 with Z or an offset";
	pin_refused("", forms);
	pin_refused(NULL, forms);
	pin_refused("now", "bad --now \"now\": expected");
	pin_refused("2026-12-05T14:30", forms); /* a T time must say its offset */
	pin_refused("2026-12-05", forms);
	pin_refused("@", forms);
	pin_refused("@12x", forms);
	pin_refused("@ 12", forms);
	pin_refused("@-", forms);
	pin_refused("@1e9", forms);
	pin_refused("@9999999999999999999999", forms);
	pin_refused("1796481000", forms);
	pin_refused("2026-13-05 14:30", "bad --now \"2026-13-05 14:30\": month 13");
	pin_refused("2026-12-05T25:00Z", "hour 25");
	pin_refused("2026-12-05 14:30 ", forms);

	struct clock real = {false, 0};
	int64_t before = (int64_t)time(NULL);
	int64_t now = clock_now(&real);
	int64_t after = (int64_t)time(NULL);
	assert_true(now >= before && now <= after);
	assert_true(now > INT64_C(1700000000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_parse_forms),
	    cmocka_unit_test(test_chicago_spring_forward),
	    cmocka_unit_test(test_chicago_fall_back),
	    cmocka_unit_test(test_parse_refused),
	    cmocka_unit_test(test_from_local_refused),
	    cmocka_unit_test(test_parse_date),
	    cmocka_unit_test(test_valid),
	    cmocka_unit_test(test_local_fields),
	    cmocka_unit_test(test_zone_switching),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_format_utc),
	    cmocka_unit_test(test_format_repeated_hour),
	    cmocka_unit_test(test_day_start),
	    cmocka_unit_test(test_age_on),
	    cmocka_unit_test(test_clock),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
