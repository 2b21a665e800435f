/* print.c - the printed sheets' front door: which sheet, for which event,
 * day, role and kind, all checked before anything is written; then the
 * sheet drawn (print_<doc>.c over print_sheet.c) into a file opened through
 * core/outfile.h, which is renamed into place only when the whole PDF is
 * written, so a refusal or a failure leaves no file. */
#include "print.h"

#include <inttypes.h>
#include <string.h>

#include "array.h"
#include "entity.h"
#include "outfile.h"
#include "print_sheet.h"
#include "suggest.h"
#include "tz.h"

/* Page sizes in points, portrait. */
static const struct {
	double w, h;
} papers[] = {
    [PAPER_A4] = {.w = 595.276, .h = 841.89},
    [PAPER_LETTER] = {.w = 612, .h = 792},
};

struct doc_def {
	const char *name;
	const char *title;
	int (*draw)(struct sheet *s, struct print_summary *sum, struct err *e);
	bool day, role, kind; /* options it takes */
};

static const struct doc_def docs[] = {
    [PRINT_ROSTER] =
        {.name = "roster", .title = "Roster", .draw = print_roster, .day = true, .role = true},
    [PRINT_SIGNIN] = {.name = "signin",
                      .title = "Sign-in sheet",
                      .draw = print_signin,
                      .kind = true},
    [PRINT_BADGES] = {.name = "badges", .title = "Badges", .draw = print_badges, .kind = true},
    [PRINT_COVERAGE] = {.name = "coverage",
                        .title = "Coverage per hour",
                        .draw = print_coverage,
                        .day = true},
};

int print_doc_parse(const char *name, enum print_doc *out, struct err *e)
{
	const char *names[ARRAY_LEN(docs)];
	for (size_t i = 0; i < ARRAY_LEN(docs); i++) {
		names[i] = docs[i].name;
		if (strcmp(name, docs[i].name) == 0) {
			*out = (enum print_doc)i;
			return 0;
		}
	}
	const char *near = suggest_closest(name, names, ARRAY_LEN(docs));
	char q[64];
	tz_quote(name, q, sizeof q);
	if (near)
		return err_set(e, ERR_USAGE, "no sheet %s; did you mean %s?", q, near);
	return err_set(e, ERR_USAGE, "no sheet %s (roster, signin, badges, coverage)", q);
}

const char *print_doc_name(enum print_doc doc)
{
	return (size_t)doc < ARRAY_LEN(docs) ? docs[doc].name : "";
}

/* Options the sheet does not take are refused rather than ignored. */
static int check_options(const struct doc_def *d, const struct print_opts *o, struct err *e)
{
	if (o->day && !d->day)
		return err_set(e, ERR_USAGE, "--day goes with roster and coverage");
	if (o->role && !d->role)
		return err_set(e, ERR_USAGE, "--role goes with roster");
	if (o->kind && !d->kind)
		return err_set(e, ERR_USAGE, "--kind goes with signin and badges");
	return 0;
}

/* The local date of t as days since 1970. */
static int64_t local_days(const char *tz, int64_t t)
{
	struct tz_local l;
	tz_local(tz, t, &l);
	return tz_days_from_civil(l.year, l.month, l.day);
}

/* --day: a date of the event (setup and teardown included), as the span of
 * that local day. */
static int set_day(struct sheet *s, const char *day, struct err *e)
{
	int y, m, d;
	if (tz_parse_date(day, &y, &m, &d, e) < 0) {
		err_prefix(e, "--day");
		return -1;
	}
	int64_t want = tz_days_from_civil(y, m, d);
	int64_t first = local_days(s->ev.tz, s->ev.first);
	int64_t last = local_days(s->ev.tz, s->ev.last - 1);
	if (want < first || want > last) {
		char a[48], b[48];
		sheet_date(s, s->ev.first, a, sizeof a);
		sheet_date(s, s->ev.last - 1, b, sizeof b);
		if (first == last)
			return err_set(e, ERR_NOT_FOUND, "day %s: event %" PRId64 " is on %s only",
			               day, s->o->event, a);
		return err_set(e, ERR_NOT_FOUND, "day %s: event %" PRId64 " runs %s to %s", day,
		               s->o->event, a, b);
	}
	int64_t noon;
	if (tz_from_local(s->ev.tz, y, m, d, 12, 0, 0, &noon, e) < 0)
		return -1;
	s->from = tz_day_start(s->ev.tz, noon);
	s->to = tz_day_start(s->ev.tz, noon + 86400);
	sheet_date(s, noon, s->day, sizeof s->day);
	return 0;
}

static int check_role(struct sheet *s, int64_t role, struct err *e)
{
	int64_t event;
	char name[256];
	if (print_store_role(s->c->db, role, &event, name, sizeof name, e) < 0)
		return -1;
	if (event != s->o->event)
		return err_set(e, ERR_NOT_FOUND,
		               "role %" PRId64 " is not a role of event %" PRId64
		               " (it belongs to event %" PRId64 ")",
		               role, s->o->event, event);
	return 0;
}

/* A registration kind (attendee, volunteer, ...). */
static int check_kind(const char *kind, struct err *e)
{
	const struct entity_def *reg = entity_find("registration");
	const char *const *values = reg->fields[entity_field_index(reg, "kind")].values;
	size_t n = 0;
	for (; values[n]; n++)
		if (strcmp(values[n], kind) == 0)
			return 0;
	char q[64];
	tz_quote(kind, q, sizeof q);
	const char *near = suggest_closest(kind, values, n);
	if (near)
		return err_set(e, ERR_USAGE,
		               "--kind %s: not a kind of registration; did you mean %s?", q, near);
	return err_set(e, ERR_USAGE, "--kind %s: not a kind of registration", q);
}

/* Everything asked for exists, before a file is opened. */
static int sheet_prepare(struct sheet *s, struct ctx *c, const struct print_opts *o, struct err *e)
{
	const struct doc_def *d = &docs[o->doc];
	memset(s, 0, sizeof *s);
	s->c = c;
	s->o = o;
	if (check_options(d, o, e) < 0 || print_store_event(c->db, o->event, &s->ev, e) < 0)
		return -1;
	s->from = INT64_MIN;
	s->to = INT64_MAX;
	if ((o->day && set_day(s, o->day, e) < 0) || (o->role && check_role(s, o->role, e) < 0) ||
	    (o->kind && check_kind(o->kind, e) < 0))
		return -1;
	s->paper_w = papers[c->cfg->paper].w;
	s->paper_h = papers[c->cfg->paper].h;
	s->margin = 36;
	char when[48];
	int64_t now = clock_now(c->clock);
	struct tz_local l;
	tz_local(s->ev.tz, now, &l);
	sheet_date(s, now, when, sizeof when);
	snprintf(s->printed, sizeof s->printed, "Printed %s %02d:%02d %s by muster", when, l.hour,
	         l.minute, l.abbrev);
	snprintf(s->title, sizeof s->title, "%s \u2013 %s", d->title, s->ev.name);
	return 0;
}

int print_write(struct ctx *c, const struct print_opts *o, const char *path,
                struct print_summary *out, struct err *e)
{
	struct sheet s;
	struct print_summary sum = {0};
	struct outfile of;
	if ((size_t)o->doc >= ARRAY_LEN(docs))
		return err_set(e, ERR_USAGE, "no such sheet");
	if (sheet_prepare(&s, c, o, e) < 0 || outfile_open(&of, path, 0600, e) < 0)
		return -1;
	s.out = of.f;
	int ret = docs[o->doc].draw(&s, &sum, e);
	if (sheet_finish(&s, ret < 0 ? NULL : e) < 0)
		ret = -1;
	if (ret < 0) {
		outfile_abort(&of);
		return -1;
	}
	if (outfile_commit(&of, e) < 0)
		return -1;
	sum.pages = s.pages;
	if (out)
		*out = sum;
	return 0;
}
