/* test_ical.c - unit tests for the iCalendar modules: folding and clean text
 * (ical_out.c), trimmed VTIMEZONEs (ical_tz.c), the line-numbered scan
 * (ical_scan.c), and export/import on an in-memory database. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* open_memstream, mkstemp */
#endif

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "array.h"
#include "entity.h"
#include "ical_export.h"
#include "ical_import.h"
#include "ical_out.h"
#include "ical_scan.h"
#include "ical_tz.h"
#include "fixture.h"

/* ---- folding ------------------------------------------------------------- */

/* Write line through ical_out into memory. */
static char *folded(const char *line)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	struct ical_out o;
	ical_out_init(&o, f);
	ical_out_line(&o, line, strlen(line));
	ical_out_free(&o);
	fclose(f);
	return buf;
}

/* Every physical line <= 75 octets, ends CRLF, is whole UTF-8; unfolding
 * gives back the line. */
static void check_folding(const char *line)
{
	char *out = folded(line), *p = out;
	char *joined = calloc(1, strlen(out) + 1);
	bool first = true;
	while (*p) {
		char *crlf = strstr(p, "\r\n");
		assert_non_null(crlf);
		size_t len = (size_t)(crlf - p);
		assert_true(len <= 75);
		assert_true(first || p[0] == ' ');
		/* no line starts with a UTF-8 continuation byte after the fold space */
		const char *body = first ? p : p + 1;
		assert_false(((unsigned char)body[0] & 0xC0) == 0x80);
		/* and none ends inside a sequence */
		size_t k = len;
		while (k > 0 && ((unsigned char)p[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > 0 && (unsigned char)p[k - 1] >= 0xC0) {
			unsigned char lead = (unsigned char)p[k - 1];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
			assert_int_equal(len - (k - 1), need);
		}
		strncat(joined, body, len - (size_t)(body - p));
		p = crlf + 2;
		first = false;
	}
	assert_string_equal(joined, line);
	free(joined);
	free(out);
}

static void test_fold_ascii_and_utf8(void **state)
{
	(void)state;
	static const char *const pieces[] = {"a", "é", "✓", "日", "😀", " ", ",", ";"};
	char line[2048];
	srand(7);
	for (int it = 0; it < 3000; it++) {
		line[0] = '\0';
		strcat(line, "SUMMARY:");
		int n = rand() % 200;
		for (int i = 0; i < n; i++)
			strcat(line, pieces[rand() % 8]);
		check_folding(line);
	}
	check_folding("X:");
	/* exactly 75 octets: no fold; 76: one */
	char s75[80];
	memset(s75, 'a', 75);
	s75[75] = '\0';
	char *out = folded(s75);
	assert_int_equal(strlen(out), 77);
	free(out);
	strcat(s75, "b");
	out = folded(s75);
	assert_string_equal(out + 77, " b\r\n");
	free(out);
}

static void test_unfold_libical_text(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	struct ical_out o;
	ical_out_init(&o, f);
	ical_out_text(&o, "A:1\r\nB:long\r\n  text\r\nC:x\n\tcont\n");
	ical_out_free(&o);
	fclose(f);
	assert_string_equal(buf, "A:1\r\nB:long text\r\nC:xcont\r\n");
	free(buf);
}

static void test_clean(void **state)
{
	(void)state;
	char *c = ical_out_clean("a\r\nb\rc\x01"
	                         "d\x7f"
	                         "e\xff"
	                         "f\tg \"q\"",
	                         false);
	assert_string_equal(c, "a\nb\nc d e\xEF\xBF\xBD"
	                       "f\tg \"q\"");
	free(c);
	c = ical_out_clean("Dana \"D\"\nReyes\t", true);
	assert_string_equal(c, "Dana \"D\" Reyes ");
	free(c);
	c = ical_out_clean(NULL, true);
	assert_string_equal(c, "");
	free(c);
	/* a parameter value: libical writes " and newline as RFC 6868's ^' and ^n,
	 * the caret is doubled before it gets there; libical reads it all back */
	c = ical_out_param("Caret ^n \"Ann\" ^'");
	icalproperty *p = icalproperty_new_attendee("mailto:a@example.org");
	icalproperty_add_parameter(p, icalparameter_new_cn(c));
	free(c);
	char *line = icalproperty_as_ical_string_r(p);
	assert_non_null(strstr(line, "CN=Caret ^^n ^'Ann^' ^^':"));
	icalproperty *back = icalproperty_new_from_string(line);
	assert_string_equal(
	    icalparameter_get_cn(icalproperty_get_first_parameter(back, ICAL_CN_PARAMETER)),
	    "Caret ^n \"Ann\" ^'");
	icalproperty_free(back);
	icalproperty_free(p);
	free(line);
	c = ical_out_mailto("o\"brien+x/y?z#1%@exämple.org");
	assert_string_equal(c, "mailto:o%22brien+x%2Fy%3Fz%231%25@ex%C3%A4mple.org");
	free(c);
	c = ical_out_category("Greeter, lead;a\\b\nc");
	assert_string_equal(c, "Greeter / lead / a\\b c");
	free(c);
}

/* ---- VTIMEZONE ----------------------------------------------------------- */

/* "KIND DTSTART FROM TO NAME[ RRULE];" for each observance. */
static char *observances(const char *tz, int64_t first, int64_t last)
{
	icalcomponent *vtz = ical_tz_vtimezone(tz, first, last);
	static char buf[4096];
	buf[0] = '\0';
	assert_string_equal(
	    icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY)
	        ? icalproperty_get_tzid(icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY))
	        : "",
	    tz);
	for (icalcomponent *c = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT); c;
	     c = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT)) {
		char one[256];
		icalproperty *name = icalcomponent_get_first_property(c, ICAL_TZNAME_PROPERTY);
		icalproperty *rrule = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY);
		snprintf(one, sizeof one, "%s %s %d %d %s%s%s;",
		         icalcomponent_isa(c) == ICAL_XDAYLIGHT_COMPONENT ? "D" : "S",
		         icaltime_as_ical_string(icalproperty_get_dtstart(
		             icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY))),
		         icalproperty_get_tzoffsetfrom(
		             icalcomponent_get_first_property(c, ICAL_TZOFFSETFROM_PROPERTY)),
		         icalproperty_get_tzoffsetto(
		             icalcomponent_get_first_property(c, ICAL_TZOFFSETTO_PROPERTY)),
		         name ? icalproperty_get_tzname(name) : "-", rrule ? " " : "",
		         rrule ? icalproperty_get_value_as_string(rrule) : "");
		strcat(buf, one);
	}
	icalcomponent_free(vtz);
	return buf;
}

/* 2027-03-13T13:00Z and 2027-03-14T21:30Z: the forum, across the change. */
#define FORUM_START INT64_C(1804942800)
#define FORUM_END   INT64_C(1805059800)
/* 2027-06-01T00:00Z and 2028-06-01T00:00Z */
#define JUNE_2027 INT64_C(1811808000)
#define JUNE_2028 INT64_C(1843430400)

static void test_vtimezone_new_york(void **state)
{
	(void)state;
	/* the rule of the years around the span, as two yearly observances from
	 * the year before, with no UNTIL: the rule still holds */
	static const char ny[] =
	    "D 20260308T020000 -18000 -14400 EDT FREQ=YEARLY;BYDAY=2SU;BYMONTH=3;"
	    "S 20261101T020000 -14400 -18000 EST FREQ=YEARLY;BYDAY=1SU;BYMONTH=11;";
	assert_string_equal(observances("America/New_York", FORUM_START, FORUM_END), ny);
	assert_string_equal(observances("America/New_York", JUNE_2027, JUNE_2028), ny);
}

static void test_vtimezone_other_zones(void **state)
{
	(void)state;
	/* no change for decades: one observance from the first of January of
	 * the year before */
	assert_string_equal(observances("Asia/Tokyo", FORUM_START, FORUM_END),
	                    "S 20260101T000000 32400 32400 JST;");
	assert_string_equal(observances("America/Sao_Paulo", FORUM_START, FORUM_END),
	                    "S 20260101T000000 -10800 -10800 -03;");
	/* southern hemisphere: daylight time at New Year, began in October 2026 */
	assert_string_equal(observances("Australia/Sydney", FORUM_START, FORUM_END),
	                    "S 20260405T030000 39600 36000 AEST FREQ=YEARLY;BYDAY=1SU;BYMONTH=4;"
	                    "D 20261004T020000 36000 39600 AEDT FREQ=YEARLY;BYDAY=1SU;BYMONTH=10;");
	/* half-hour daylight saving */
	assert_string_equal(observances("Australia/Lord_Howe", FORUM_START, FORUM_END),
	                    "S 20260405T020000 39600 37800 +1030 FREQ=YEARLY;BYDAY=1SU;BYMONTH=4;"
	                    "D 20261004T020000 37800 39600 +11 FREQ=YEARLY;BYDAY=1SU;BYMONTH=10;");
	/* a rule that ends inside the span: Brazil's summer time, last ended in
	 * February 2019 (an UNTIL), and moved from October to November in 2018
	 * (changes of their own) */
	assert_string_equal(
	    observances("America/Sao_Paulo", INT64_C(1530403200), INT64_C(1561939200)),
	    "S 20170219T000000 -7200 -10800 -03 FREQ=YEARLY;UNTIL=20190217T020000Z;BYDAY=3SU;"
	    "BYMONTH=2;"
	    "D 20171015T000000 -10800 -7200 -02;"
	    "D 20181104T000000 -10800 -7200 -02;");
	/* Moscow kept summer time from March 2011 on: the yearly rule ends */
	assert_string_equal(
	    observances("Europe/Moscow", INT64_C(1262304000), INT64_C(1325376000)),
	    "D 20090329T020000 10800 14400 MSD FREQ=YEARLY;UNTIL=20100327T230000Z;BYDAY=-1SU;"
	    "BYMONTH=3;"
	    "S 20091025T030000 14400 10800 MSK FREQ=YEARLY;UNTIL=20101030T230000Z;BYDAY=-1SU;"
	    "BYMONTH=10;"
	    "S 20110327T020000 10800 14400 MSK;");
	/* New York falls back at 06:00Z: 05:00Z-07:00Z show 01:00-02:00 twice,
	 * and 07:00Z shows 02:00, where the observance starts: all in UTC */
	struct ical_tz_zone z;
	ical_tz_zone_load(&z, "America/New_York", INT64_C(1825560000), INT64_C(1825610000));
	static const struct {
		int64_t t;
		bool utc;
	} ny[] = {{INT64_C(1825563599), false}, {INT64_C(1825563600), true},
	          {INT64_C(1825567200), true},  {INT64_C(1825570800), true},
	          {INT64_C(1825570801), false}, {INT64_C(1805014800), false}};
	for (size_t i = 0; i < ARRAY_LEN(ny); i++)
		assert_int_equal(ical_tz_zone_ambiguous(&z, ny[i].t), ny[i].utc);
	ical_tz_zone_free(&z);
	assert_true(ical_tz_is_utc("UTC"));
	assert_true(ical_tz_is_utc("Etc/UTC"));
	assert_false(ical_tz_is_utc("Europe/London"));
}

/* ---- the scan ------------------------------------------------------------ */

static int scan(const char *text, struct ical_scan *s, struct err *e)
{
	return ical_scan("f.ics", text, strlen(text), s, e);
}

static void test_scan_lines(void **state)
{
	(void)state;
	struct ical_scan s;
	struct err e = {0};
	/* LF line ends, a byte order mark, folded lines: lines are physical lines */
	const char *ok = "\xEF\xBB\xBF"
	                 "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nSUMMARY:long\n"
	                 " er\n\tstill\nDTSTART:20270313T100000Z\nDTEND:20270313T110000Z\n"
	                 "BEGIN:VALARM\nDTSTART:junk-is-not-read-here\nEND:VALARM\n"
	                 "END:VEVENT\nEND:VCALENDAR\n\n";
	assert_int_equal(scan(ok, &s, &e), 0);
	assert_int_equal(s.nev, 1);
	assert_int_equal(s.ev[0].begin, 3);
	assert_int_equal(s.ev[0].summary, 5);
	assert_int_equal(s.ev[0].dtstart, 8);
	assert_int_equal(s.ev[0].dtend, 9);
	assert_int_equal(ical_scan_line_of(&s.ev[0], "bad DTEND value"), 9);
	assert_int_equal(ical_scan_line_of(&s.ev[0], "something else"), 3);
	ical_scan_free(&s);

	assert_int_equal(scan("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\n"
	                      " y\r\nDTSTART:20270313T100000\r\nDTEND;TZID=Nowhere/X:"
	                      "20270313T110000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	                      &s, &e),
	                 -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_string_equal(e.msg, "f.ics:7: unknown time zone \"Nowhere/X\" (not an IANA name "
	                           "like Europe/Paris, and no VTIMEZONE for it in the file)");
	/* the same zone defined in the file is fine */
	assert_int_equal(scan("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:x\r\n"
	                      "DTSTART:20270313T100000\r\nDTEND;TZID=\"Nowhere/X\":"
	                      "20270313T110000\r\nEND:VEVENT\r\nBEGIN:VTIMEZONE\r\n"
	                      "TZID:Nowhere/X\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n",
	                      &s, &e),
	                 0);
	assert_int_equal(ical_scan_has_tzid(&s, "Nowhere/X"), 1);
	ical_scan_free(&s);
	assert_int_equal(scan("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nUID:b\r\n"
	                      "END:VEVENT\r\nEND:VCALENDAR\r\n",
	                      &s, &e),
	                 -1);
	assert_string_equal(e.msg,
	                    "f.ics:4: a second UID in the VEVENT of line 2 (first at line 3)");
	assert_int_equal(scan("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nX;P=\"open:v\r\n", &s, &e), -1);
	assert_string_equal(e.msg, "f.ics:3: X: a parameter value has a stray double quote");
	static const char nul[] = "BEGIN:VCALENDAR\r\nX:a\0b\r\nEND:VCALENDAR\r\n";
	assert_int_equal(ical_scan("f.ics", nul, sizeof nul - 1, &s, &e), -1);
	assert_string_equal(e.msg, "f.ics:2: not valid UTF-8 text");
}

/* ---- export and import on a database ------------------------------------- */

static char *export(struct ctx *c, const struct ical_export_opts *o, int *rc, struct err *e)
{
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	*rc = ical_export(c, o, f, NULL, e);
	fclose(f);
	return buf;
}

static void test_export_empty_writes_nothing(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int rc;
	fixture_add(&f->ctx, "event", "name", "Forum", "starts", "2027-03-13 08:00", "ends",
	            "2027-03-14 17:30", "tz", "America/New_York", NULL);
	struct ical_export_opts o = {.scope = ICAL_AGENDA, .event = 1};
	char *out = export(&f->ctx, &o, &rc, &e);
	assert_int_equal(rc, -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_string_equal(out, "");
	free(out);
}

static void test_export_utc_event(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int rc;
	fixture_add(&f->ctx, "event", "name", "Online", "starts", "2027-01-10 08:00", "ends",
	            "2027-01-10 18:00", "tz", "UTC", NULL);
	fixture_add(&f->ctx, "session", "event", "1", "title", "Talk", "starts", "2027-01-10 09:00",
	            "ends", "2027-01-10 10:00", NULL);
	struct ical_export_opts o = {.scope = ICAL_AGENDA, .event = 1};
	char *out = export(&f->ctx, &o, &rc, &e);
	assert_int_equal(rc, 0);
	assert_null(strstr(out, "VTIMEZONE"));
	assert_non_null(strstr(out, "\r\nDTSTART:20270110T090000Z\r\n"));
	free(out);
}

static char *write_temp(const char *text)
{
	char *path = strdup("/tmp/muster-test-ical.XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void test_import_then_update(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	struct ical_import_result r;
	fixture_add(&f->ctx, "event", "name", "Forum", "starts", "2027-03-13 08:00", "ends",
	            "2027-03-14 17:30", "tz", "America/New_York", "venue", "Harbor Hall", NULL);
	char *p1 = write_temp("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
	                      "DTSTART;TZID=America/New_York:20270314T100000\r\n"
	                      "DTEND;TZID=America/New_York:20270314T110000\r\n"
	                      "SUMMARY:Panel\r\nLOCATION:Salon A\\, Harbor Hall\r\n"
	                      "END:VEVENT\r\nEND:VCALENDAR\r\n");
	assert_int_equal(ical_import_sessions(&f->ctx, p1, 1, &r, &e), 0);
	assert_int_equal(r.added, 1);
	assert_int_equal(r.rooms, 1);
	struct record s;
	assert_int_equal(record_get(&f->ctx, entity_find("session"), 1, &s, &e), 0);
	assert_int_equal(record_int(&s, "starts"), INT64_C(1805032800)); /* 14:00Z, EDT */
	assert_string_equal(record_text(&s, "uid"), "u1");
	record_free(&s);
	struct record room;
	assert_int_equal(record_get(&f->ctx, entity_find("room"), 1, &room, &e), 0);
	assert_string_equal(record_text(&room, "name"), "Salon A");
	record_free(&room);

	char *p2 = write_temp("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u1\r\n"
	                      "DTSTART:20270314T150000Z\r\nDTEND:20270314T160000Z\r\n"
	                      "SUMMARY:Panel\r\nLOCATION:Salon A\r\n"
	                      "END:VEVENT\r\nEND:VCALENDAR\r\n");
	assert_int_equal(ical_import_sessions(&f->ctx, p2, 1, &r, &e), 0);
	assert_int_equal(r.updated, 1);
	assert_int_equal(r.added, 0);
	assert_int_equal(r.rooms, 0);
	assert_int_equal(record_get(&f->ctx, entity_find("session"), 1, &s, &e), 0);
	assert_int_equal(record_int(&s, "starts"), INT64_C(1805036400));
	assert_int_equal(record_int(&s, "sequence"), 1);
	record_free(&s);
	assert_int_equal(record_get(&f->ctx, entity_find("session"), 2, &s, &e), -1);

	/* a bad second VEVENT: nothing of the file is kept */
	char *p3 = write_temp("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u2\r\n"
	                      "DTSTART:20270314T170000Z\r\nDTEND:20270314T180000Z\r\n"
	                      "SUMMARY:New\r\nLOCATION:New room\r\nEND:VEVENT\r\n"
	                      "BEGIN:VEVENT\r\nUID:u3\r\nDTSTART:20270314T170000Z\r\n"
	                      "DTEND:20270314T160000Z\r\nSUMMARY:Bad\r\nEND:VEVENT\r\n"
	                      "END:VCALENDAR\r\n");
	assert_int_equal(ical_import_sessions(&f->ctx, p3, 1, &r, &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_non_null(strstr(e.msg, ":13: DTEND is not after DTSTART"));
	assert_int_equal(record_get(&f->ctx, entity_find("session"), 2, &s, &e), -1);
	assert_int_equal(record_get(&f->ctx, entity_find("room"), 2, &room, &e), -1);
	unlink(p1);
	unlink(p2);
	unlink(p3);
	free(p1);
	free(p2);
	free(p3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold_ascii_and_utf8),
	    cmocka_unit_test(test_unfold_libical_text),
	    cmocka_unit_test(test_clean),
	    cmocka_unit_test(test_vtimezone_new_york),
	    cmocka_unit_test(test_vtimezone_other_zones),
	    cmocka_unit_test(test_scan_lines),
	    fixture_unit_test(test_export_empty_writes_nothing),
	    fixture_unit_test(test_export_utc_event),
	    fixture_unit_test(test_import_then_update),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
