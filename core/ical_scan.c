/* ical_scan.c - the line-numbered check of an iCalendar file that runs
 * before libical parses it. Content lines are unfolded (CRLF or LF), read as
 * NAME *(;PARAM=VALUE) : VALUE, and followed through BEGIN/END; for each
 * VEVENT the lines of the properties an import reads are kept, and what a
 * session cannot be made of is refused here with its line. */
#include "ical_scan.h"

#include <ctype.h>
#include <stdarg.h>
#include <libical/ical.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "strbuf.h"
#include "tz.h"
#include "utf8.h"
#include "xmalloc.h"

#define MAX_DEPTH 8

/* One logical (unfolded) content line. */
struct cline {
	struct strbuf text;
	int line; /* physical line it starts on */
	/* parsed */
	char name[64];
	char tzid[128];
	char value_type[16]; /* VALUE= parameter */
	const char *value;
};

struct scanner {
	const char *path;
	const char *p, *end;
	int lineno; /* physical line of p */
	struct cline cl;
	struct {
		char name[32];
		int line;
	} stack[MAX_DEPTH];
	int depth;
	bool seen_calendar, closed_calendar;
	struct ical_scan *out;
	struct ical_scan_event *cur; /* the VEVENT being read */
	/* TZIDs used by VEVENTs, checked once every VTIMEZONE is known */
	struct {
		char *tzid;
		int line;
	} * used;
	size_t nused, capused;
	char **uids; /* per VEVENT, for duplicates */
	struct err *e;
};

static int fail(struct scanner *s, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct scanner *s, int line, const char *fmt, ...)
{
	char why[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return err_set(s->e, ERR_INPUT, "%s:%d: %s", s->path, line, why);
}

/* Show a piece of the file in a message: at most 40 bytes, no controls. */
static void shown(const char *text, char *buf, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; text[i] && o + 4 < n && i < 40; i++)
		buf[o++] = (unsigned char)text[i] < 0x20 ? '?' : text[i];
	if (strlen(text) > 40 && o + 4 < n)
		buf[o++] = '.', buf[o++] = '.', buf[o++] = '.';
	buf[o] = '\0';
}

/* The next physical line [*b, *b + *n) without its line end. */
static bool physical(struct scanner *s, const char **b, size_t *n)
{
	if (s->p >= s->end)
		return false;
	const char *nl = memchr(s->p, '\n', (size_t)(s->end - s->p));
	const char *stop = nl ? nl : s->end;
	*b = s->p;
	*n = (size_t)(stop - s->p);
	if (*n && (*b)[*n - 1] == '\r')
		(*n)--;
	s->p = nl ? nl + 1 : s->end;
	return true;
}

/* Gather the next logical line into s->cl. 0 at the end, 1 for a line, -1 on error. */
static int next_line(struct scanner *s)
{
	const char *b;
	size_t n;
	strbuf_reset(&s->cl.text);
	for (;;) {
		const char *save = s->p;
		if (!physical(s, &b, &n))
			return s->cl.text.len ? 1 : 0;
		bool cont = n > 0 && (b[0] == ' ' || b[0] == '\t');
		if (cont && s->cl.text.len == 0 && n > 0) {
			s->lineno++;
			return fail(s, s->lineno,
			            "a folded continuation (starting with a space) with no line "
			            "before it");
		}
		if (!cont && s->cl.text.len) {
			s->p = save; /* belongs to the next logical line */
			return 1;
		}
		s->lineno++;
		if (n == 0)
			continue; /* blank lines are skipped */
		if (!cont)
			s->cl.line = s->lineno;
		strbuf_addn(&s->cl.text, cont ? b + 1 : b, cont ? n - 1 : n);
	}
}

static bool name_char(char c)
{
	return isalnum((unsigned char)c) || c == '-';
}

/* One parameter value: quoted, or up to ; : , */
static const char *param_value(const char *p, char *buf, size_t n, bool *ok)
{
	size_t o = 0;
	*ok = true;
	if (*p == '"') {
		const char *q = strchr(p + 1, '"');
		if (!q) {
			*ok = false;
			return p;
		}
		for (const char *c = p + 1; c < q && o + 1 < n; c++)
			buf[o++] = *c;
		buf[o] = '\0';
		return q + 1;
	}
	for (; *p && *p != ';' && *p != ':' && *p != ','; p++) {
		if (*p == '"') {
			*ok = false;
			return p;
		}
		if (o + 1 < n)
			buf[o++] = *p;
	}
	buf[o] = '\0';
	return p;
}

/* NAME *(;PARAM=VALUE *(,VALUE)) : VALUE */
static int parse_cline(struct scanner *s)
{
	struct cline *cl = &s->cl;
	char q[64];
	if (cl->text.len != strlen(cl->text.s) || !utf8_valid(cl->text.s, cl->text.len))
		return fail(s, cl->line, "not valid UTF-8 text");
	for (size_t i = 0; i < cl->text.len; i++)
		if (((unsigned char)cl->text.s[i] < 0x20 && cl->text.s[i] != '\t') ||
		    cl->text.s[i] == 0x7F)
			return fail(s, cl->line, "control character 0x%02x in the line",
			            (unsigned char)cl->text.s[i]);
	const char *p = cl->text.s;
	size_t k = 0;
	while (name_char(*p) && k + 1 < sizeof cl->name)
		cl->name[k++] = (char)toupper((unsigned char)*p++);
	cl->name[k] = '\0';
	cl->tzid[0] = cl->value_type[0] = '\0';
	if (k == 0 || name_char(*p)) {
		shown(cl->text.s, q, sizeof q);
		return fail(s, cl->line, "expected NAME:VALUE, found \"%s\"", q);
	}
	while (*p == ';') {
		char pname[64], pval[256];
		size_t j = 0;
		for (p++; name_char(*p) && j + 1 < sizeof pname; p++)
			pname[j++] = (char)toupper((unsigned char)*p);
		pname[j] = '\0';
		if (j == 0 || *p != '=')
			return fail(s, cl->line, "%s: a parameter must be NAME=VALUE", cl->name);
		bool ok;
		do {
			p = param_value(p + 1, pval, sizeof pval, &ok);
			if (!ok)
				return fail(s, cl->line,
				            "%s: a parameter value has a stray double quote",
				            cl->name);
			if (strcmp(pname, "TZID") == 0)
				snprintf(cl->tzid, sizeof cl->tzid, "%s", pval);
			else if (strcmp(pname, "VALUE") == 0)
				snprintf(cl->value_type, sizeof cl->value_type, "%s", pval);
		} while (*p == ',');
	}
	if (*p != ':')
		return fail(s, cl->line, "%s: expected ':' before the value", cl->name);
	cl->value = p + 1;
	return 0;
}

/* ---- VEVENT properties --------------------------------------------------- */

static bool digits(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (!isdigit((unsigned char)p[i]))
			return false;
	return true;
}

static int num(const char *p, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

/* DTSTART/DTEND: a DATE-TIME (floating, UTC with Z, or with a TZID). */
static int check_time(struct scanner *s)
{
	struct cline *cl = &s->cl;
	const char *v = cl->value;
	size_t n = strlen(v);
	char q[64];
	if (strcasecmp(cl->value_type, "DATE") == 0 || (n == 8 && digits(v, 8)))
		return fail(s, cl->line,
		            "%s: an all-day date cannot become a session (give a start and end "
		            "time)",
		            cl->name);
	bool utc = n == 16 && (v[15] == 'Z' || v[15] == 'z');
	shown(v, q, sizeof q);
	if (!((n == 15 || utc) && digits(v, 8) && (v[8] == 'T' || v[8] == 't') && digits(v + 9, 6)))
		return fail(s, cl->line,
		            "%s: \"%s\" is not a date-time (YYYYMMDDTHHMMSS, Z for UTC)", cl->name,
		            q);
	int y = num(v, 4), mo = num(v + 4, 2), d = num(v + 6, 2);
	int h = num(v + 9, 2), mi = num(v + 11, 2), sec = num(v + 13, 2);
	char date[16];
	snprintf(date, sizeof date, "%04d-%02d-%02d", y, mo, d);
	int yy, mm, dd;
	struct err ignore;
	if (tz_parse_date(date, &yy, &mm, &dd, &ignore) < 0 || h > 23 || mi > 59 || sec > 60)
		return fail(s, cl->line, "%s: \"%s\" is not a real date and time", cl->name, q);
	if (utc && cl->tzid[0])
		return fail(s, cl->line, "%s: a UTC time (Z) cannot also have a TZID", cl->name);
	if (cl->tzid[0]) {
		XGROW(s->used, s->nused, s->capused, 16);
		s->used[s->nused].tzid = xstrdup(cl->tzid);
		s->used[s->nused++].line = cl->line;
	}
	return 0;
}

static int check_duration(struct scanner *s)
{
	struct icaldurationtype d = icaldurationtype_from_string(s->cl.value);
	icalerror_clear_errno();
	if (icaldurationtype_is_bad_duration(d) || d.is_neg || icaldurationtype_as_int(d) <= 0) {
		char q[64];
		shown(s->cl.value, q, sizeof q);
		return fail(s, s->cl.line,
		            "DURATION: \"%s\" is not a positive duration (e.g. PT1H30M)", q);
	}
	return 0;
}

static bool word_in(const char *text, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = strstr(text, w); p; p = strstr(p + 1, w))
		if ((p == text || !name_char(p[-1])) && !name_char(p[n]))
			return true;
	return false;
}

int ical_scan_line_of(const struct ical_scan_event *ev, const char *text)
{
	for (size_t i = 0; i < ev->nprops; i++)
		if (word_in(text, ev->props[i].name))
			return ev->props[i].line;
	return ev->begin;
}

static bool blank(const char *v)
{
	return v[strspn(v, " \t")] == '\0';
}

/* Values libical would read as something else without a word: SEQUENCE and
 * STATUS. */
static int check_value(struct scanner *s)
{
	struct cline *cl = &s->cl;
	char q[64];
	shown(cl->value, q, sizeof q);
	if (strcmp(cl->name, "SEQUENCE") == 0 &&
	    (!cl->value[0] || strspn(cl->value, "0123456789") != strlen(cl->value) ||
	     strlen(cl->value) > 9))
		return fail(s, cl->line, "SEQUENCE: \"%s\" is not a whole number", q);
	if (strcmp(cl->name, "STATUS") == 0 && strcasecmp(cl->value, "TENTATIVE") != 0 &&
	    strcasecmp(cl->value, "CONFIRMED") != 0 && strcasecmp(cl->value, "CANCELLED") != 0)
		return fail(s, cl->line, "STATUS: \"%s\" is not TENTATIVE, CONFIRMED or CANCELLED",
		            q);
	if ((strcmp(cl->name, "SUMMARY") == 0 || strcmp(cl->name, "UID") == 0) && blank(cl->value))
		return fail(s, cl->line, "%s: empty%s", cl->name,
		            cl->name[0] == 'S' ? " (a session needs a title)" : "");
	return 0;
}

/* Note where a property of the current VEVENT is; a second one is refused. */
static int event_property(struct scanner *s)
{
	static const char *const repeats[] = {"RRULE", "RDATE", "EXRULE", "EXDATE",
	                                      "RECURRENCE-ID"};
	struct ical_scan_event *ev = s->cur;
	struct cline *cl = &s->cl;
	ev->props = xrealloc(ev->props, (ev->nprops + 1) * sizeof *ev->props);
	snprintf(ev->props[ev->nprops].name, sizeof ev->props[ev->nprops].name, "%s", cl->name);
	ev->props[ev->nprops++].line = cl->line;
	if (check_value(s) < 0)
		return -1;
	if (strcmp(cl->name, "EXDATE") == 0)
		return fail(s, cl->line,
		            "EXDATE: leaves out occurrences of a repeating event, and a session is "
		            "one occurrence (remove the EXDATE)");
	for (size_t i = 0; i < ARRAY_LEN(repeats); i++)
		if (strcmp(cl->name, repeats[i]) == 0)
			return fail(s, cl->line,
			            "%s: repeating events cannot become sessions (export each "
			            "occurrence)",
			            cl->name);
	struct {
		const char *name;
		int *at;
	} known[] = {
	    {.name = "UID", .at = &ev->uid},         {.name = "DTSTART", .at = &ev->dtstart},
	    {.name = "DTEND", .at = &ev->dtend},     {.name = "DURATION", .at = &ev->duration},
	    {.name = "SUMMARY", .at = &ev->summary}, {.name = "LOCATION", .at = &ev->location},
	    {.name = "STATUS", .at = &ev->status},
	};
	for (size_t i = 0; i < ARRAY_LEN(known); i++) {
		if (strcmp(cl->name, known[i].name) != 0)
			continue;
		if (*known[i].at)
			return fail(s, cl->line,
			            "a second %s in the VEVENT of line %d (first at line %d)",
			            cl->name, ev->begin, *known[i].at);
		*known[i].at = cl->line;
		if (i == 0)
			s->uids[s->out->nev - 1] = xstrdup(cl->value);
		if (i == 1 || i == 2)
			return check_time(s);
		if (i == 3)
			return check_duration(s);
		return 0;
	}
	return 0;
}

static int end_event(struct scanner *s)
{
	const struct ical_scan_event *ev = s->cur;
	const char *missing = !ev->uid                      ? "UID"
	                      : !ev->summary                ? "SUMMARY (the session's title)"
	                      : !ev->dtstart                ? "DTSTART"
	                      : !ev->dtend && !ev->duration ? "DTEND or DURATION"
	                                                    : NULL;
	s->cur = NULL;
	if (missing)
		return fail(s, ev->begin, "this VEVENT has no %s", missing);
	if (ev->dtend && ev->duration)
		return fail(s, ev->duration, "DURATION: the VEVENT already has a DTEND (line %d)",
		            ev->dtend);
	return 0;
}

/* ---- components ---------------------------------------------------------- */

/* One more component of a kind an import does not read. */
static void count_skipped(struct ical_scan *o, const char *what)
{
	for (size_t i = 0; i < o->nskipped; i++)
		if (strcmp(o->skipped[i].name, what) == 0) {
			o->skipped[i].n++;
			return;
		}
	if (o->nskipped == ICAL_SCAN_MAX_SKIPPED) {
		o->skipped_other++;
		return;
	}
	snprintf(o->skipped[o->nskipped].name, sizeof o->skipped[o->nskipped].name, "%s", what);
	o->skipped[o->nskipped++].n = 1;
}

static int begin(struct scanner *s, const char *what)
{
	struct cline *cl = &s->cl;
	if (s->depth == 0 && strcmp(what, "VCALENDAR") != 0)
		return fail(s, cl->line, "BEGIN:%s outside a VCALENDAR", what);
	if (s->depth == 0 && s->seen_calendar)
		return fail(s, cl->line, "a second VCALENDAR; import one calendar per file");
	if (s->depth > 0 && strcmp(what, "VCALENDAR") == 0)
		return fail(s, cl->line, "BEGIN:VCALENDAR inside %s (line %d)",
		            s->stack[s->depth - 1].name, s->stack[s->depth - 1].line);
	if (s->depth == MAX_DEPTH)
		return fail(s, cl->line, "components nested too deep");
	snprintf(s->stack[s->depth].name, sizeof s->stack[s->depth].name, "%s", what);
	s->stack[s->depth++].line = cl->line;
	if (s->depth == 2 && strcmp(what, "VEVENT") != 0 && strcmp(what, "VTIMEZONE") != 0)
		count_skipped(s->out, what);
	s->seen_calendar = true;
	if (s->depth == 2 && strcmp(what, "VEVENT") == 0) {
		struct ical_scan *o = s->out;
		if (o->nev == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 16;
			o->ev = xrealloc(o->ev, o->cap * sizeof *o->ev);
			s->uids = xrealloc(s->uids, o->cap * sizeof *s->uids);
		}
		s->cur = &o->ev[o->nev];
		memset(s->cur, 0, sizeof *s->cur);
		s->cur->begin = cl->line;
		s->uids[o->nev++] = NULL;
	}
	return 0;
}

static int end(struct scanner *s, const char *what)
{
	struct cline *cl = &s->cl;
	if (s->depth == 0)
		return fail(s, cl->line, "END:%s without a BEGIN", what);
	if (strcmp(s->stack[s->depth - 1].name, what) != 0)
		return fail(s, cl->line, "END:%s does not close BEGIN:%s of line %d", what,
		            s->stack[s->depth - 1].name, s->stack[s->depth - 1].line);
	s->depth--;
	if (s->depth == 0)
		s->closed_calendar = true;
	if (s->depth == 1 && strcmp(what, "VEVENT") == 0)
		return end_event(s);
	return 0;
}

static int one_line(struct scanner *s)
{
	struct cline *cl = &s->cl;
	if (!s->seen_calendar && strncasecmp(cl->text.s, "BEGIN:VCALENDAR", 15) != 0) {
		char q[64];
		shown(cl->text.s, q, sizeof q);
		return fail(s, cl->line,
		            "expected BEGIN:VCALENDAR, found \"%s\": not an iCalendar file", q);
	}
	if (parse_cline(s) < 0)
		return -1;
	if (s->closed_calendar)
		return fail(s, cl->line, "text after END:VCALENDAR");
	if (!s->seen_calendar && strcmp(cl->name, "BEGIN") != 0)
		return fail(s, cl->line, "expected BEGIN:VCALENDAR, found %s", cl->name);
	if (strcmp(cl->name, "BEGIN") == 0 || strcmp(cl->name, "END") == 0) {
		char what[32];
		size_t i = 0;
		for (const char *v = cl->value; *v && i + 1 < sizeof what; v++)
			what[i++] = (char)toupper((unsigned char)*v);
		what[i] = '\0';
		if (!what[0])
			return fail(s, cl->line, "%s: no component name", cl->name);
		return cl->name[0] == 'B' ? begin(s, what) : end(s, what);
	}
	if (s->depth == 2 && s->cur)
		return event_property(s);
	if (s->depth == 2 && strcmp(s->stack[1].name, "VTIMEZONE") == 0 &&
	    strcmp(cl->name, "TZID") == 0) {
		s->out->tzids = xrealloc(s->out->tzids, (s->out->ntz + 1) * sizeof *s->out->tzids);
		s->out->tzids[s->out->ntz++] = xstrdup(cl->value);
	}
	return 0;
}

int ical_scan_has_tzid(const struct ical_scan *s, const char *tzid)
{
	for (size_t i = 0; i < s->ntz; i++)
		if (strcmp(s->tzids[i], tzid) == 0)
			return 1;
	return 0;
}

struct uid_at {
	const char *uid;
	size_t i;
};

static int by_uid(const void *a, const void *b)
{
	const struct uid_at *x = a, *y = b;
	int c = strcmp(x->uid, y->uid);
	return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* No UID twice: sorted, duplicates are neighbours; the later one is named. */
static int unique_uids(struct scanner *s)
{
	size_t n = s->out->nev;
	struct uid_at *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++)
		v[i] = (struct uid_at){s->uids[i] ? s->uids[i] : "", i};
	qsort(v, n, sizeof *v, by_uid);
	int ret = 0;
	for (size_t k = 1; k < n && ret == 0; k++)
		if (strcmp(v[k].uid, v[k - 1].uid) == 0)
			ret = fail(s, s->out->ev[v[k].i].uid,
			           "UID already used by the VEVENT of line %d",
			           s->out->ev[v[k - 1].i].begin);
	free(v);
	return ret;
}

/* After the last line: every zone known, every UID once. */
static int finish(struct scanner *s)
{
	if (!s->seen_calendar)
		return fail(s, s->lineno ? s->lineno : 1,
		            "no BEGIN:VCALENDAR: not an iCalendar file");
	if (s->depth)
		return fail(s, s->lineno, "BEGIN:%s of line %d is never closed",
		            s->stack[s->depth - 1].name, s->stack[s->depth - 1].line);
	for (size_t i = 0; i < s->nused; i++) {
		const char *z = s->used[i].tzid;
		if (!tz_valid(z) && !ical_scan_has_tzid(s->out, z)) {
			char q[64];
			shown(z, q, sizeof q);
			return fail(s, s->used[i].line,
			            "unknown time zone \"%s\" (not an IANA name like Europe/Paris, "
			            "and no VTIMEZONE for it in the file)",
			            q);
		}
	}
	return unique_uids(s);
}

static void scanner_free(struct scanner *s)
{
	for (size_t i = 0; i < s->nused; i++)
		free(s->used[i].tzid);
	free(s->used);
	for (size_t i = 0; s->uids && i < s->out->nev; i++)
		free(s->uids[i]);
	free(s->uids);
	strbuf_free(&s->cl.text);
}

int ical_scan(const char *path, const char *text, size_t len, struct ical_scan *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	struct scanner s = {.path = path, .p = text, .end = text + len, .out = out, .e = e};
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		s.p += 3; /* a byte order mark */
	int ret;
	while ((ret = next_line(&s)) > 0)
		if (one_line(&s) < 0) {
			ret = -1;
			break;
		}
	if (ret == 0)
		ret = finish(&s);
	out->last_line = s.lineno;
	scanner_free(&s);
	if (ret < 0)
		ical_scan_free(out);
	return ret;
}

void ical_scan_free(struct ical_scan *s)
{
	for (size_t i = 0; i < s->ntz; i++)
		free(s->tzids[i]);
	free(s->tzids);
	for (size_t i = 0; i < s->nev; i++)
		free(s->ev[i].props);
	free(s->ev);
	memset(s, 0, sizeof *s);
}
