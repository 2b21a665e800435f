/* tz.c - IANA zones through the system zoneinfo: validation, parsing typed times, formatting. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* setenv, tm_gmtoff, tm_zone */
#endif

#include "tz.h"

#include "array.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DAY          86400
#define NAME_MAX_LEN 63
/* Instants beyond about +-300,000 years are clamped so calendar maths stays in int. */
#define T_LIMIT     INT64_C(10000000000000)
#define SYNTAX_HINT "expected YYYY-MM-DD HH:MM, or ISO 8601 with Z or an offset like +01:00"

/* A time as read from text, before it is placed in a zone. */
struct stamp {
	int year, month, day, hour, minute, second;
	bool zoned; /* a Z or an offset was given */
	int offset; /* seconds east of UTC when zoned */
};

static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
static const char *const wday_abbr[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

/* The zone TZ currently holds (set by zone_use) and the TZ value we put there. */
static char cur_name[NAME_MAX_LEN + 1];
static char cur_env[NAME_MAX_LEN + 2];

/* Recent tz_valid answers: zone names repeat, the file check need not. */
static struct {
	char name[NAME_MAX_LEN + 1];
	bool ok;
} valid_cache[16];
static unsigned valid_next;

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
int64_t tz_days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void tz_civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = era * 400 + yoe + (*m <= 2);
}

/* Wall-clock fields as seconds, as if the wall clock were UTC. */
static int64_t naive_seconds(int64_t y, int mo, int d, int h, int mi, int s)
{
	return tz_days_from_civil(y, mo, d) * DAY + h * 3600 + mi * 60 + s;
}

/* Fill l with the UTC fields of t (t within +-T_LIMIT). */
static void utc_fields(int64_t t, struct tz_local *l)
{
	int64_t days = t / DAY, secs = t % DAY, year;
	if (secs < 0) {
		secs += DAY;
		days--;
	}
	tz_civil_from_days(days, &year, &l->month, &l->day);
	l->year = (int)year;
	l->hour = (int)(secs / 3600);
	l->minute = (int)(secs / 60 % 60);
	l->second = (int)(secs % 60);
	l->wday = (int)(((days % 7) + 11) % 7); /* 1970-01-01 was a Thursday */
	l->utc_offset = 0;
	l->dst = false;
	snprintf(l->abbrev, sizeof l->abbrev, "UTC");
}

/* Is the file a TZif zone file (follows symlinks, as glibc does)? */
static bool is_tzif(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	struct stat st;
	char magic[4];
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	          read(fd, magic, sizeof magic) == (ssize_t)sizeof magic &&
	          memcmp(magic, "TZif", 4) == 0;
	close(fd);
	return ok;
}

/* The name alone: characters of tzdata names, no way out of the zoneinfo folder. */
static bool name_ok(const char *name)
{
	size_t len = strlen(name);
	if (len == 0 || len > NAME_MAX_LEN || name[0] == '/' || strstr(name, "..") ||
	    strncmp(name, "right/", 6) == 0 || strcmp(name, "localtime") == 0 ||
	    strcmp(name, "posixrules") == 0)
		return false;
	return strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-/") ==
	       len;
}

static bool zone_file_ok(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[4096];
	if (!dir || !*dir)
		dir = "/usr/share/zoneinfo";
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path)
		return false;
	return is_tzif(path);
}

bool tz_valid(const char *name)
{
	if (!name || !name_ok(name))
		return false;
	if (strcmp(name, "UTC") == 0)
		return true;
	for (size_t i = 0; i < ARRAY_LEN(valid_cache); i++)
		if (strcmp(valid_cache[i].name, name) == 0)
			return valid_cache[i].ok;
	bool ok = zone_file_ok(name);
	size_t slot = valid_next++ % ARRAY_LEN(valid_cache);
	snprintf(valid_cache[slot].name, sizeof valid_cache[slot].name, "%s", name);
	valid_cache[slot].ok = ok;
	return ok;
}

/* Point TZ at zone tz (UTC when tz is not valid); false when it was not valid.
 * Skips setenv/tzset when TZ already holds the zone: this is the formatting hot path. */
static bool zone_use(const char *tz)
{
	const char *env = getenv("TZ");
	if (tz && cur_name[0] && strcmp(tz, cur_name) == 0 && env && strcmp(env, cur_env) == 0)
		return true;
	bool ok = tz_valid(tz);
	const char *name = ok ? tz : "UTC";
	if (strcmp(name, cur_name) == 0 && env && strcmp(env, cur_env) == 0)
		return ok;
	snprintf(cur_name, sizeof cur_name, "%s", name);
	snprintf(cur_env, sizeof cur_env, ":%s", name);
	setenv("TZ", cur_env, 1);
	tzset();
	return ok;
}

/* localtime_r in the zone already set, for any int64_t instant time_t can hold. */
static bool local_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;
	if ((int64_t)tt != t || t > T_LIMIT || t < -T_LIMIT)
		return false;
	return localtime_r(&tt, tm) != NULL;
}

static int64_t tm_naive(const struct tm *tm)
{
	return naive_seconds((int64_t)tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
	                     tm->tm_min, tm->tm_sec);
}

static int add_offset(long *offs, int n, long off)
{
	for (int i = 0; i < n; i++)
		if (offs[i] == off)
			return n;
	offs[n] = off;
	return n + 1;
}

/* UTC offsets in force around wall time naive (in the zone already set), deduplicated.
 * The instant for naive lies within 16 hours of it, so the offsets a day and a half
 * before and after, and at naive itself, cover it unless two changes fall within 3 days. */
static int near_offsets(int64_t naive, long offs[3])
{
	int n = 0;
	struct tm tm;
	for (int k = -1; k <= 1; k++)
		if (local_tm(naive + k * 129600, &tm))
			n = add_offset(offs, n, tm.tm_gmtoff);
	return n;
}

/* The earliest instant whose wall time in the zone already set is naive; -1 when none is
 * (a spring-forward gap). */
static int from_naive(int64_t naive, int64_t *out)
{
	long offs[3];
	int n = near_offsets(naive, offs);
	bool found = false;
	for (int i = 0; i < n; i++) {
		int64_t t = naive - offs[i];
		struct tm tm;
		if (!local_tm(t, &tm) || tm_naive(&tm) != naive)
			continue;
		if (!found || t < *out)
			*out = t;
		found = true;
	}
	return found ? 0 : -1;
}

/* Copy text into buf in double quotes, escaping what a terminal would not show plainly
 * (and the quote itself, so the quoted part never holds a bare "). */
void tz_quote(const char *text, char *buf, size_t n)
{
	size_t o = 0;
	buf[o++] = '"';
	for (size_t i = 0; text[i] && o + 8 < n; i++) {
		unsigned char c = (unsigned char)text[i];
		if (i == 48) {
			o += (size_t)snprintf(buf + o, n - o, "...");
			break;
		}
		if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\')
			o += (size_t)snprintf(buf + o, n - o, "\\x%02x", c);
		else
			buf[o++] = (char)c;
	}
	buf[o++] = '"';
	buf[o] = '\0';
}

/* Read exactly n digits. */
static bool read_digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return true;
}

static bool read_char(const char **p, char c)
{
	if (**p != c)
		return false;
	(*p)++;
	return true;
}

static bool read_date(const char **p, struct stamp *st)
{
	return read_digits(p, 4, &st->year) && read_char(p, '-') && read_digits(p, 2, &st->month) &&
	       read_char(p, '-') && read_digits(p, 2, &st->day);
}

/* "Z", "+HH:MM", "-HH:MM", "+HHMM" or nothing. */
static bool read_zone(const char **p, struct stamp *st, int *off_h, int *off_m)
{
	*off_h = *off_m = 0;
	st->zoned = **p != '\0';
	if (read_char(p, 'Z') || !st->zoned)
		return true;
	int sign = **p == '+' ? 1 : **p == '-' ? -1 : 0;
	if (!sign)
		return false;
	(*p)++;
	if (!read_digits(p, 2, off_h))
		return false;
	read_char(p, ':');
	if (!read_digits(p, 2, off_m))
		return false;
	st->offset = sign * (*off_h * 3600 + *off_m * 60);
	return true;
}

/* The shape of a typed time; false on anything else. */
static bool read_stamp(const char *text, struct stamp *st, int *off_h, int *off_m)
{
	const char *p = text;
	memset(st, 0, sizeof *st);
	if (!read_date(&p, st) || !(read_char(&p, ' ') || read_char(&p, 'T')))
		return false;
	if (!read_digits(&p, 2, &st->hour) || !read_char(&p, ':') ||
	    !read_digits(&p, 2, &st->minute))
		return false;
	if (read_char(&p, ':') && !read_digits(&p, 2, &st->second))
		return false;
	return read_zone(&p, st, off_h, off_m) && *p == '\0';
}

/* Why a date is not on the calendar, or NULL when it is. */
static const char *date_problem(int y, int m, int d, char *why, size_t n)
{
	if (y < 1900 || y > 9999)
		snprintf(why, n, "year %d is out of range (1900-9999)", y);
	else if (m < 1 || m > 12)
		snprintf(why, n, "month %02d is out of range (01-12)", m);
	else if (d < 1 || d > days_in_month(y, m))
		snprintf(why, n, "%s %d has no day %02d", month_names[m - 1], y, d);
	else
		return NULL;
	return why;
}

static const char *time_problem(int h, int mi, int s, char *why, size_t n)
{
	if (h < 0 || h > 23)
		snprintf(why, n, "hour %02d is out of range (00-23)", h);
	else if (mi < 0 || mi > 59)
		snprintf(why, n, "minute %02d is out of range (00-59)", mi);
	else if (s < 0 || s > 59)
		snprintf(why, n, "second %02d is out of range (00-59)", s);
	else
		return NULL;
	return why;
}

static const char *stamp_problem(const struct stamp *st, int off_h, int off_m, char *why, size_t n)
{
	const char *p = date_problem(st->year, st->month, st->day, why, n);
	if (!p)
		p = time_problem(st->hour, st->minute, st->second, why, n);
	if (!p && (off_h > 23 || off_m > 59)) {
		snprintf(why, n, "offset %02d:%02d is out of range", off_h, off_m);
		p = why;
	}
	return p;
}

/* Local time in the zone already set to UTC, refusing a time in a gap. */
static int place_local(const char *tz, const struct stamp *st, int64_t *out, struct err *e)
{
	int64_t naive =
	    naive_seconds(st->year, st->month, st->day, st->hour, st->minute, st->second);
	if (from_naive(naive, out) == 0)
		return 0;
	char sec[8] = "";
	if (st->second)
		snprintf(sec, sizeof sec, ":%02d", st->second);
	return err_set(e, ERR_INPUT,
	               "%04d-%02d-%02d %02d:%02d%s does not exist in %s (clocks spring forward)",
	               st->year, st->month, st->day, st->hour, st->minute, sec, tz);
}

static int unknown_zone(const char *tz, struct err *e)
{
	char q[256];
	tz_quote(tz ? tz : "", q, sizeof q);
	return err_set(e, ERR_INPUT, "unknown time zone %s: expected a name like America/Chicago",
	               q);
}

int tz_parse(const char *tz, const char *text, int64_t *out, struct err *e)
{
	struct stamp st;
	char q[256], why[128];
	int off_h, off_m;
	const char *problem = SYNTAX_HINT;
	if (text && read_stamp(text, &st, &off_h, &off_m))
		problem = stamp_problem(&st, off_h, off_m, why, sizeof why);
	if (problem) {
		tz_quote(text ? text : "", q, sizeof q);
		return err_set(e, ERR_INPUT, "bad time %s: %s", q, problem);
	}
	if (st.zoned) {
		*out = naive_seconds(st.year, st.month, st.day, st.hour, st.minute, st.second) -
		       st.offset;
		return 0;
	}
	if (!zone_use(tz))
		return unknown_zone(tz, e);
	return place_local(tz, &st, out, e);
}

int tz_parse_date(const char *text, int *year, int *month, int *day, struct err *e)
{
	struct stamp st;
	char q[256], why[128];
	const char *p = text, *problem = "expected YYYY-MM-DD";
	if (text && read_date(&p, &st) && *p == '\0')
		problem = date_problem(st.year, st.month, st.day, why, sizeof why);
	if (problem) {
		tz_quote(text ? text : "", q, sizeof q);
		return err_set(e, ERR_INPUT, "bad date %s: %s", q, problem);
	}
	*year = st.year;
	*month = st.month;
	*day = st.day;
	return 0;
}

int tz_local(const char *tz, int64_t t, struct tz_local *out)
{
	bool ok = zone_use(tz);
	struct tm tm;
	if (!local_tm(t, &tm)) {
		utc_fields(t > T_LIMIT ? T_LIMIT : t < -T_LIMIT ? -T_LIMIT : t, out);
		return -1;
	}
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->minute = tm.tm_min;
	out->second = tm.tm_sec;
	out->wday = tm.tm_wday;
	out->utc_offset = (int)tm.tm_gmtoff;
	out->dst = tm.tm_isdst > 0;
	snprintf(out->abbrev, sizeof out->abbrev, "%s", tm.tm_zone ? tm.tm_zone : "");
	return ok ? 0 : -1;
}

/* First instant of the local day starting at wall time naive when its midnight was
 * skipped: t is on that day, and a day before naive is surely before it. */
static int64_t first_of_day(int64_t naive, int64_t t)
{
	int64_t lo = naive - DAY, hi = t;
	while (hi - lo > 1) {
		int64_t mid = lo + (hi - lo) / 2;
		struct tm tm;
		if (local_tm(mid, &tm) && tm_naive(&tm) >= naive)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

int64_t tz_day_start(const char *tz, int64_t t)
{
	struct tz_local l;
	tz_local(tz, t, &l);
	int64_t naive = naive_seconds(l.year, l.month, l.day, 0, 0, 0), start;
	/* start > t would need the wall clock to jump over midnight and come back to it. */
	if (from_naive(naive, &start) == 0 && start <= t)
		return start;
	return first_of_day(naive, t);
}

int tz_from_local(const char *tz, int year, int month, int day, int hour, int minute, int second,
                  int64_t *out, struct err *e)
{
	struct stamp st = {year, month, day, hour, minute, second, false, 0};
	char why[128];
	const char *p = stamp_problem(&st, 0, 0, why, sizeof why);
	if (p)
		return err_set(e, ERR_INPUT, "bad time %04d-%02d-%02d %02d:%02d:%02d: %s", year,
		               month, day, hour, minute, second, p);
	if (!zone_use(tz))
		return unknown_zone(tz, e);
	return place_local(tz, &st, out, e);
}

/* Does another instant than t show the wall time tm (of t, in the zone
 * already set)? Only a change of offset within a day or so can make one. */
static bool wall_twice(int64_t t, const struct tm *tm)
{
	int64_t wall = tm_naive(tm);
	for (int k = -1; k <= 1; k += 2) {
		struct tm o, x;
		if (!local_tm(t + k * 93600, &o) || o.tm_gmtoff == tm->tm_gmtoff)
			continue;
		int64_t other = wall - o.tm_gmtoff;
		if (other != t && local_tm(other, &x) && tm_naive(&x) == wall)
			return true;
	}
	return false;
}

bool tz_ambiguous(const char *tz, int64_t t)
{
	struct tm tm;
	zone_use(tz);
	return local_tm(t, &tm) && wall_twice(t, &tm);
}

/* "+HH:MM" or "-HH:MM" */
static void format_offset(int utc_offset, char *buf, size_t n)
{
	int off = utc_offset < 0 ? -utc_offset : utc_offset;
	snprintf(buf, n, "%c%02d:%02d", utc_offset < 0 ? '-' : '+', off / 3600, off / 60 % 60);
}

void tz_format(const char *tz, int64_t t, char *buf, size_t n)
{
	struct tz_local l;
	char off[16] = "";
	if (n == 0)
		return;
	tz_local(tz, t, &l);
	if (tz_ambiguous(tz, t))
		format_offset(l.utc_offset, off, sizeof off);
	snprintf(buf, n, "%04d-%02d-%02d %02d:%02d%s", l.year, l.month, l.day, l.hour, l.minute,
	         off);
}

void tz_format_mark(const char *tz, int64_t t, char *buf, size_t n)
{
	struct tz_local l;
	char off[16];
	if (n == 0)
		return;
	buf[0] = '\0';
	if (!tz_ambiguous(tz, t))
		return;
	tz_local(tz, t, &l);
	format_offset(l.utc_offset, off, sizeof off);
	snprintf(buf, n, "(%s)", off);
}

static void format_hm(const struct tz_local *l, bool twelve_hour, char *buf, size_t n)
{
	if (!twelve_hour)
		snprintf(buf, n, "%02d:%02d", l->hour, l->minute);
	else
		snprintf(buf, n, "%d:%02d%s", (l->hour + 11) % 12 + 1, l->minute,
		         l->hour < 12 ? "am" : "pm");
}

void tz_format_human(const char *tz, int64_t t, bool twelve_hour, char *buf, size_t n)
{
	static const char *const mon_abbr[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tz_local l;
	char hm[16];
	if (n == 0)
		return;
	tz_local(tz, t, &l);
	format_hm(&l, twelve_hour, hm, sizeof hm);
	snprintf(buf, n, "%s %d %s %s", wday_abbr[l.wday], l.day, mon_abbr[l.month - 1], hm);
}

void tz_format_hm(const char *tz, int64_t t, bool twelve_hour, char *buf, size_t n)
{
	struct tz_local l;
	if (n == 0)
		return;
	tz_local(tz, t, &l);
	format_hm(&l, twelve_hour, buf, n);
}

bool tz_instant_ok(int64_t t)
{
	return t >= TZ_INSTANT_MIN && t <= TZ_INSTANT_MAX;
}

void tz_format_utc(int64_t t, char *buf, size_t n)
{
	struct tz_local l;
	if (n == 0)
		return;
	utc_fields(t > T_LIMIT ? T_LIMIT : t < -T_LIMIT ? -T_LIMIT : t, &l);
	snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", l.year, l.month, l.day, l.hour, l.minute,
	         l.second);
}

int tz_age_on(const char *tz, int64_t t, const char *birth)
{
	int by = 0, bm = 0, bd = 0;
	struct tz_local l;
	if (tz_parse_date(birth, &by, &bm, &bd, NULL) < 0)
		return -1;
	tz_local(tz, t, &l);
	/* A 29 February birthday comes on 1 March in other years. */
	int age = l.year - by - (l.month < bm || (l.month == bm && l.day < bd));
	return age < 0 ? 0 : age;
}
