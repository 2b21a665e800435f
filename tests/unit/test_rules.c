/* test_rules.c - every rule of SPEC section 3 as a pure function: the
 * verdict at and around each boundary (half-open intervals, rest, hours per
 * local day across DST, skill expiry and age on the shift's local date,
 * availability unions, kiosk windows) and the messages naming both sides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../core/rules.h"
#include "../../core/tz.h"

#define CHI "America/Chicago"
#define NYC "America/New_York"

static const struct rules_fmt chi = {CHI, false};
static const struct rules_fmt nyc = {NYC, false};

/* A local time in zone tz. */
static int64_t at(const char *tz, const char *text)
{
	int64_t t;
	struct err e = {0};
	assert_int_equal(tz_parse(tz, text, &t, &e), 0);
	return t;
}

static struct rules_slot slot(const char *what, const char *tz, const char *a, const char *b)
{
	return (struct rules_slot){what, at(tz, a), at(tz, b)};
}

static void overlap_is_half_open(void **state)
{
	(void)state;
	int64_t t9 = at(CHI, "2024-12-07 09:00"), t11 = at(CHI, "2024-12-07 11:00");
	int64_t t13 = at(CHI, "2024-12-07 13:00");
	assert_false(rules_overlaps(t9, t11, t11, t13));
	assert_false(rules_overlaps(t11, t13, t9, t11));
	assert_true(rules_overlaps(t9, t11, t11 - 60, t13));
	assert_true(rules_overlaps(t9, t13, t11, t11 + 1));
}

static void person_overlap_names_both_sides(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	struct rules_slot held = slot("Greeter", CHI, "2024-12-07 09:00", "2024-12-07 11:00");
	struct rules_slot want = slot(NULL, CHI, "2024-12-07 10:00", "2024-12-07 12:00");
	assert_int_equal(rules_person_overlap(&chi, "Dana Reyes", &held, &want, msg, sizeof msg),
	                 RULE_HARD);
	assert_string_equal(msg, "Dana Reyes already works Greeter Sat 7 Dec 09:00\xe2\x80\x93"
	                         "11:00, which overlaps 10:00\xe2\x80\x93"
	                         "12:00");
	struct rules_slot next = slot(NULL, CHI, "2024-12-07 11:00", "2024-12-07 13:00");
	assert_int_equal(rules_person_overlap(&chi, "Dana Reyes", &held, &next, msg, sizeof msg),
	                 RULE_OK);
	struct rules_fmt twelve = {CHI, true};
	rules_person_overlap(&twelve, "Dana Reyes", &held, &want, msg, sizeof msg);
	assert_non_null(strstr(msg, "Sat 7 Dec 9:00am"));
}

static void times_across_midnight(void **state)
{
	(void)state;
	char buf[128];
	rules_when(&chi, at(CHI, "2024-12-07 22:00"), at(CHI, "2024-12-08 02:00"), buf, sizeof buf);
	assert_string_equal(buf, "Sat 7 Dec 22:00\xe2\x80\x93Sun 8 Dec 02:00");
	rules_when(&chi, at(CHI, "2024-12-07 22:00"), at(CHI, "2024-12-08 00:00"), buf, sizeof buf);
	assert_string_equal(buf, "Sat 7 Dec 22:00\xe2\x80\x93"
	                         "00:00");
	rules_when_near(&chi, at(CHI, "2024-12-07 08:00"), at(CHI, "2024-12-08 09:00"),
	                at(CHI, "2024-12-08 10:00"), buf, sizeof buf);
	assert_string_equal(buf, "Sun 8 Dec 09:00\xe2\x80\x93"
	                         "10:00");
	rules_duration(90 * 60, buf, sizeof buf);
	assert_string_equal(buf, "1 h 30 min");
	rules_duration(45 * 60, buf, sizeof buf);
	assert_string_equal(buf, "45 min");
}

static void shift_fill(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	struct rules_slot s = slot("Greeter", CHI, "2024-12-07 09:00", "2024-12-07 11:00");
	assert_int_equal(rules_shift_room(&chi, "Dana Reyes", &s, 9, 10, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_shift_room(&chi, "Dana Reyes", &s, 10, 10, msg, sizeof msg),
	                 RULE_HARD);
	assert_non_null(strstr(msg, "Greeter Sat 7 Dec 09:00"));
	assert_non_null(strstr(msg, "10 of 10"));
	assert_non_null(strstr(msg, "Dana Reyes"));
	assert_int_equal(rules_shift_overfilled(&chi, 3, &s, 10, 10, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_shift_overfilled(&chi, 3, &s, 11, 10, msg, sizeof msg), RULE_HARD);
	assert_non_null(strstr(msg, "shift 3"));
}

static void room_and_booth_clashes(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	struct rules_slot held = slot("Supply chains", CHI, "2024-12-07 09:00", "2024-12-07 11:00");
	struct rules_slot want = slot(NULL, CHI, "2024-12-07 10:30", "2024-12-07 12:00");
	struct rules_slot after = slot(NULL, CHI, "2024-12-07 11:00", "2024-12-07 12:00");
	assert_int_equal(rules_room_clash(&chi, "Salon A", &held, &want, msg, sizeof msg),
	                 RULE_HARD);
	assert_string_equal(msg, "Salon A is taken by \"Supply chains\" Sat 7 Dec 09:00\xe2\x80\x93"
	                         "11:00, which overlaps 10:30\xe2\x80\x93"
	                         "12:00");
	assert_int_equal(rules_room_clash(&chi, "Salon A", &held, &after, msg, sizeof msg),
	                 RULE_OK);
	struct rules_slot org = slot("Harbor Light", CHI, "2024-12-07 09:00", "2024-12-07 17:00");
	assert_int_equal(rules_booth_clash(&chi, "B12", 1, &org, 1, &want, msg, sizeof msg),
	                 RULE_OK); /* the same organization may hold it twice */
	assert_int_equal(rules_booth_clash(&chi, "B12", 1, &org, 2, &want, msg, sizeof msg),
	                 RULE_HARD);
	assert_non_null(strstr(msg, "booth B12 is held by Harbor Light Sat 7 Dec 09:00"));
}

static void inside_the_span(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	int64_t s0 = at(CHI, "2024-12-07 07:30"), s1 = at(CHI, "2024-12-07 18:00");
	struct rules_slot edge =
	    slot("session \"Welcome\"", CHI, "2024-12-07 07:30", "2024-12-07 18:00");
	struct rules_slot early =
	    slot("session \"Welcome\"", CHI, "2024-12-07 07:29", "2024-12-07 09:00");
	assert_int_equal(rules_in_span(&chi, &edge, "Gathering", s0, s1, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_in_span(&chi, &early, "Gathering", s0, s1, msg, sizeof msg),
	                 RULE_HARD);
	assert_non_null(strstr(msg, "session \"Welcome\" Sat 7 Dec 07:29"));
	assert_non_null(strstr(msg, "outside Gathering, Sat 7 Dec 07:30"));
}

static void seats_and_waitlist(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	assert_true(rules_seat_free(1000, 0));
	assert_true(rules_seat_free(84, 85));
	assert_false(rules_seat_free(85, 85));
	assert_int_equal(rules_over_capacity("Forum", 85, 85, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_over_capacity("Forum", 86, 85, msg, sizeof msg), RULE_HARD);
	assert_int_equal(rules_waitlist_idle("Forum", 85, 85, "Lee", 1, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_waitlist_idle("Forum", 84, 85, "Lee", 1, msg, sizeof msg),
	                 RULE_HARD);
	assert_non_null(strstr(msg, "Lee waits"));
}

static void speaker_during_shift(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	struct rules_slot talk = slot("Supply chains", CHI, "2024-12-07 10:00", "2024-12-07 11:30");
	struct rules_slot s = slot("Greeter", CHI, "2024-12-07 11:00", "2024-12-07 12:00");
	struct rules_slot after = slot("Greeter", CHI, "2024-12-07 11:30", "2024-12-07 12:00");
	assert_int_equal(rules_speaker_busy(&chi, "Dana", &talk, &s, msg, sizeof msg), RULE_SOFT);
	assert_string_equal(msg, "Dana speaks at \"Supply chains\" Sat 7 Dec 10:00\xe2\x80\x93"
	                         "11:30, which overlaps Greeter 11:00\xe2\x80\x93"
	                         "12:00");
	assert_int_equal(rules_speaker_busy(&chi, "Dana", &talk, &after, msg, sizeof msg), RULE_OK);
}

static void rest_between_shifts(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	struct rules_slot a = slot("Greeter", CHI, "2024-12-07 09:00", "2024-12-07 11:00");
	struct rules_slot ok = slot("Usher", CHI, "2024-12-07 11:30", "2024-12-07 13:00");
	struct rules_slot short_ = slot("Usher", CHI, "2024-12-07 11:29", "2024-12-07 13:00");
	struct rules_slot before = slot("Usher", CHI, "2024-12-07 07:00", "2024-12-07 08:45");
	struct rules_slot clash = slot("Usher", CHI, "2024-12-07 10:00", "2024-12-07 12:00");
	assert_int_equal(rules_rest(&chi, "Dana", &a, &ok, 30, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_rest(&chi, "Dana", &a, &short_, 30, msg, sizeof msg), RULE_SOFT);
	assert_string_equal(msg, "Dana has only 29 min between Greeter Sat 7 Dec 09:00\xe2\x80\x93"
	                         "11:00 and Usher 11:29\xe2\x80\x93"
	                         "13:00 (minimum rest 30 min)");
	/* the earlier shift is named first whichever is being added */
	assert_int_equal(rules_rest(&chi, "Dana", &a, &before, 30, msg, sizeof msg), RULE_SOFT);
	assert_non_null(strstr(msg, "between Usher Sat 7 Dec 07:00"));
	assert_int_equal(rules_rest(&chi, "Dana", &a, &clash, 30, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_rest(&chi, "Dana", &a, &short_, 0, msg, sizeof msg), RULE_OK);
}

static void hours_per_local_day(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	int64_t days[4][2];
	struct rules_slot s[2] = {
	    slot("Greeter", CHI, "2024-12-07 08:00", "2024-12-07 13:00"),
	    slot("Usher", CHI, "2024-12-07 13:30", "2024-12-07 18:30"),
	};
	size_t n = rules_days_of(CHI, s[0].starts, s[0].ends, days, 4);
	assert_int_equal(n, 1);
	assert_int_equal(days[0][1] - days[0][0], 86400);
	assert_int_equal(
	    rules_day_hours(&chi, "Dana", days[0][0], days[0][1], s, 2, 10, msg, sizeof msg),
	    RULE_OK); /* exactly 10 h */
	s[1].ends += 60;
	assert_int_equal(
	    rules_day_hours(&chi, "Dana", days[0][0], days[0][1], s, 2, 10, msg, sizeof msg),
	    RULE_SOFT);
	assert_string_equal(msg, "Dana has 10 h 1 min of shifts on Sat 7 Dec, over the limit of "
	                         "10 h a day: Greeter 08:00\xe2\x80\x93"
	                         "13:00, Usher 13:30\xe2\x80\x93"
	                         "18:31");
	/* a night shift counts on each day for the hours it has there */
	struct rules_slot night = slot("Guard", CHI, "2024-12-07 20:00", "2024-12-08 04:00");
	n = rules_days_of(CHI, night.starts, night.ends, days, 4);
	assert_int_equal(n, 2);
	assert_int_equal(
	    rules_day_hours(&chi, "Dana", days[1][0], days[1][1], &night, 1, 4, msg, sizeof msg),
	    RULE_OK);
	assert_int_equal(
	    rules_day_hours(&chi, "Dana", days[1][0], days[1][1], &night, 1, 3.5, msg, sizeof msg),
	    RULE_SOFT);
}

static void hours_on_dst_days(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	int64_t days[2][2];
	/* 14 Mar 2027, New York: 02:00 jumps to 03:00, the day has 23 hours. */
	struct rules_slot s[2] = {
	    slot("Setup", NYC, "2027-03-14 00:00", "2027-03-14 06:00"), /* 5 real hours */
	    slot("Greeter", NYC, "2027-03-14 12:00", "2027-03-14 17:00"),
	};
	assert_int_equal(rules_days_of(NYC, s[0].starts, s[0].ends, days, 2), 1);
	assert_int_equal(days[0][1] - days[0][0], 23 * 3600);
	assert_int_equal(days[0][0], at(NYC, "2027-03-14 00:00"));
	assert_int_equal(days[0][1], at(NYC, "2027-03-15 00:00"));
	assert_int_equal(
	    rules_day_hours(&nyc, "Dana", days[0][0], days[0][1], s, 2, 10, msg, sizeof msg),
	    RULE_OK); /* 10 real hours, though the clock shows 11 */
	assert_int_equal(
	    rules_day_hours(&nyc, "Dana", days[0][0], days[0][1], s, 2, 9.5, msg, sizeof msg),
	    RULE_SOFT);
	assert_non_null(strstr(msg, "10 h of shifts on Sun 14 Mar"));
	/* 7 Nov 2027: 02:00 falls back to 01:00, the day has 25 hours. */
	struct rules_slot night = slot("Guard", NYC, "2027-11-07 00:00", "2027-11-07 06:00");
	assert_int_equal(rules_days_of(NYC, night.starts, night.ends, days, 2), 1);
	assert_int_equal(days[0][1] - days[0][0], 25 * 3600);
	assert_int_equal(
	    rules_day_hours(&nyc, "Dana", days[0][0], days[0][1], &night, 1, 6.5, msg, sizeof msg),
	    RULE_SOFT); /* 7 real hours */
	/* a shift through the night of the change splits at local midnight */
	struct rules_slot late = slot("Guard", NYC, "2027-03-13 22:00", "2027-03-14 04:00");
	assert_int_equal(rules_days_of(NYC, late.starts, late.ends, days, 2), 2);
	assert_int_equal(days[0][1], at(NYC, "2027-03-14 00:00"));
	assert_int_equal(
	    rules_day_hours(&nyc, "Dana", days[1][0], days[1][1], &late, 1, 3, msg, sizeof msg),
	    RULE_OK); /* 00:00-04:00 is 3 real hours that night */
}

static void skill_on_the_shift_date(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	/* 20:00 in Chicago on the 7th is already the 8th in UTC. */
	struct rules_slot s = slot("Medic", CHI, "2024-12-07 20:00", "2024-12-07 23:00");
	assert_int_equal(rules_skill(&chi, "Dana", &s, "first aid", true, NULL, msg, sizeof msg),
	                 RULE_OK);
	assert_int_equal(
	    rules_skill(&chi, "Dana", &s, "first aid", true, "2024-12-07", msg, sizeof msg),
	    RULE_OK);
	assert_int_equal(
	    rules_skill(&chi, "Dana", &s, "first aid", true, "2024-12-06", msg, sizeof msg),
	    RULE_SOFT);
	assert_string_equal(msg, "Dana's first aid expired on 2024-12-06, before Medic Sat 7 Dec "
	                         "20:00\xe2\x80\x93"
	                         "23:00");
	assert_int_equal(rules_skill(&chi, "Dana", &s, "first aid", false, NULL, msg, sizeof msg),
	                 RULE_SOFT);
	assert_string_equal(msg, "Dana lacks first aid, which Medic Sat 7 Dec 20:00\xe2\x80\x93"
	                         "23:00 requires");
}

static void age_on_the_shift_date(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	struct rules_slot s = slot("Bar", CHI, "2024-12-07 20:00", "2024-12-07 23:00");
	assert_int_equal(rules_min_age(&chi, "Dana", &s, 0, NULL, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_min_age(&chi, "Dana", &s, 18, "2006-12-07", msg, sizeof msg),
	                 RULE_OK); /* the 18th birthday is the shift's date */
	/* born on the 8th: still 17 on the 7th in Chicago, though UTC says the 8th */
	assert_int_equal(rules_min_age(&chi, "Dana", &s, 18, "2006-12-08", msg, sizeof msg),
	                 RULE_SOFT);
	assert_string_equal(msg, "Dana is 17 on Sat 7 Dec, under the minimum age 18 for Bar Sat 7 "
	                         "Dec 20:00\xe2\x80\x93"
	                         "23:00");
	assert_int_equal(rules_min_age(&chi, "Dana", &s, 18, NULL, msg, sizeof msg), RULE_SOFT);
	assert_non_null(strstr(msg, "no birth date"));
	/* a 29 February birthday comes on 1 March in other years */
	struct rules_slot feb = slot("Bar", CHI, "2026-02-28 10:00", "2026-02-28 12:00");
	struct rules_slot mar = slot("Bar", CHI, "2026-03-01 10:00", "2026-03-01 12:00");
	assert_int_equal(rules_min_age(&chi, "Dana", &feb, 18, "2008-02-29", msg, sizeof msg),
	                 RULE_SOFT);
	assert_int_equal(rules_min_age(&chi, "Dana", &mar, 18, "2008-02-29", msg, sizeof msg),
	                 RULE_OK);
}

static void availability_windows(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	struct rules_slot s = slot("Greeter", CHI, "2024-12-07 11:00", "2024-12-07 13:00");
	struct rules_slot w[3] = {
	    slot(NULL, CHI, "2024-12-07 12:00", "2024-12-07 15:00"),
	    slot(NULL, CHI, "2024-12-07 08:00", "2024-12-07 12:00"),
	    slot(NULL, CHI, "2024-12-08 08:00", "2024-12-08 12:00"),
	};
	assert_int_equal(rules_available(&chi, "Dana", &s, w, 0, msg, sizeof msg), RULE_OK);
	/* two windows meeting at 12:00 cover 11:00-13:00 together */
	assert_int_equal(rules_available(&chi, "Dana", &s, w, 3, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_available(&chi, "Dana", &s, w + 1, 2, msg, sizeof msg), RULE_SOFT);
	assert_string_equal(msg, "Dana is available only Sat 7 Dec 08:00\xe2\x80\x93"
	                         "12:00, Sun 8 Dec 08:00\xe2\x80\x93"
	                         "12:00; Greeter Sat 7 Dec 11:00\xe2\x80\x93"
	                         "13:00 falls outside");
	struct rules_slot exact = slot("Greeter", CHI, "2024-12-07 08:00", "2024-12-07 12:00");
	assert_int_equal(rules_available(&chi, "Dana", &exact, w + 1, 1, msg, sizeof msg), RULE_OK);
}

static void kiosk_windows(void **state)
{
	(void)state;
	char msg[RULE_MSG_MAX];
	struct rules_slot s = slot("Greeter", CHI, "2024-12-07 09:00", "2024-12-07 11:00");
	int64_t start = s.starts;
	assert_int_equal(rules_signup_open(&chi, &s, start - 3601, 60, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_signup_open(&chi, &s, start - 3600, 60, msg, sizeof msg), RULE_HARD);
	assert_non_null(strstr(msg, "closed at Sat 7 Dec 08:00"));
	assert_int_equal(rules_drop_open(&chi, &s, start - 24 * 3600 - 1, 24, msg, sizeof msg),
	                 RULE_OK);
	assert_int_equal(rules_drop_open(&chi, &s, start - 24 * 3600, 24, msg, sizeof msg),
	                 RULE_HARD);
	assert_int_equal(rules_checkin_open(&chi, &s, start - 1801, 30, msg, sizeof msg),
	                 RULE_HARD);
	assert_non_null(strstr(msg, "opens at Sat 7 Dec 08:30"));
	assert_int_equal(rules_checkin_open(&chi, &s, start - 1800, 30, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_checkin_open(&chi, &s, s.ends - 1, 30, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_checkin_open(&chi, &s, s.ends, 30, msg, sizeof msg), RULE_HARD);
}

static void verdicts(void **state)
{
	(void)state;
	struct verdict v;
	struct err e = {0};
	verdict_init(&v);
	assert_int_equal(verdict_err(&v, &e), 0);
	verdict_add(&v, RULE_OK, "nothing");
	verdict_add(&v, RULE_SOFT, "soft one");
	verdict_add(&v, RULE_SOFT, "soft two");
	assert_int_equal(verdict_err(&v, &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_string_equal(e.msg, "soft one; soft two");
	verdict_add(&v, RULE_HARD, "hard");
	assert_int_equal(verdict_err(&v, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_string_equal(e.msg, "hard");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(overlap_is_half_open),
	    cmocka_unit_test(person_overlap_names_both_sides),
	    cmocka_unit_test(times_across_midnight),
	    cmocka_unit_test(shift_fill),
	    cmocka_unit_test(room_and_booth_clashes),
	    cmocka_unit_test(inside_the_span),
	    cmocka_unit_test(seats_and_waitlist),
	    cmocka_unit_test(speaker_during_shift),
	    cmocka_unit_test(rest_between_shifts),
	    cmocka_unit_test(hours_per_local_day),
	    cmocka_unit_test(hours_on_dst_days),
	    cmocka_unit_test(skill_on_the_shift_date),
	    cmocka_unit_test(age_on_the_shift_date),
	    cmocka_unit_test(availability_windows),
	    cmocka_unit_test(kiosk_windows),
	    cmocka_unit_test(verdicts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
