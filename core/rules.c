/* rules.c - SPEC section 3 as pure functions over facts: overlap, fill,
 * room and booth clashes, spans, seats, speakers, rest, hours per local day,
 * skills, ages, availability, kiosk windows; and the messages that name both
 * sides of a broken rule in the event's zone. No store, no clock. */
#include "rules.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checked.h"
#include "registration.h"
#include "tz.h"
#include "xmalloc.h"

#define DASH "\xe2\x80\x93" /* U+2013 EN DASH */

static const char *zone(const struct rules_fmt *f)
{
	return f && f->tz && f->tz[0] ? f->tz : "UTC";
}

static bool twelve(const struct rules_fmt *f)
{
	return f && f->twelve_hour;
}

bool rules_overlaps(int64_t a0, int64_t a1, int64_t b0, int64_t b1)
{
	return a0 < b1 && b0 < a1;
}

static bool same_day(const char *tz, int64_t a, int64_t b)
{
	struct tz_local x, y;
	tz_local(tz, a, &x);
	tz_local(tz, b, &y);
	return x.year == y.year && x.month == y.month && x.day == y.day;
}

/* The end of a range: "11:00", or "Sun 8 Dec 02:00" on a later day. An end
 * at the midnight closing the start's day reads "00:00". */
static void end_text(const struct rules_fmt *f, int64_t starts, int64_t ends, char *buf, size_t n)
{
	const char *tz = zone(f);
	if (same_day(tz, starts, ends) ||
	    (ends > starts && same_day(tz, starts, ends - 1) && tz_day_start(tz, ends) == ends))
		tz_format_hm(tz, ends, twelve(f), buf, n);
	else
		tz_format_human(tz, ends, twelve(f), buf, n);
}

void rules_when(const struct rules_fmt *f, int64_t starts, int64_t ends, char *buf, size_t n)
{
	char a[64], b[64];
	tz_format_human(zone(f), starts, twelve(f), a, sizeof a);
	end_text(f, starts, ends, b, sizeof b);
	snprintf(buf, n, "%s" DASH "%s", a, b);
}

void rules_when_near(const struct rules_fmt *f, int64_t ref, int64_t starts, int64_t ends,
                     char *buf, size_t n)
{
	if (!same_day(zone(f), ref, starts)) {
		rules_when(f, starts, ends, buf, n);
		return;
	}
	char a[64], b[64];
	tz_format_hm(zone(f), starts, twelve(f), a, sizeof a);
	end_text(f, starts, ends, b, sizeof b);
	snprintf(buf, n, "%s" DASH "%s", a, b);
}

void rules_day(const struct rules_fmt *f, int64_t t, char *buf, size_t n)
{
	static const char *const wdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tz_local l;
	tz_local(zone(f), t, &l);
	snprintf(buf, n, "%s %d %s", wdays[l.wday], l.day, months[l.month - 1]);
}

void rules_date(const struct rules_fmt *f, int64_t t, char *buf, size_t n)
{
	struct tz_local l;
	tz_local(zone(f), t, &l);
	snprintf(buf, n, "%04d-%02d-%02d", l.year, l.month, l.day);
}

void rules_duration(int64_t seconds, char *buf, size_t n)
{
	int64_t m = (seconds + 59) / 60;
	if (m < 60)
		snprintf(buf, n, "%" PRId64 " min", m);
	else if (m % 60 == 0)
		snprintf(buf, n, "%" PRId64 " h", m / 60);
	else
		snprintf(buf, n, "%" PRId64 " h %" PRId64 " min", m / 60, m % 60);
}

/* "Greeter 10:00–12:00" or "10:00–12:00" when the slot has no name. */
static void named_near(const struct rules_fmt *f, int64_t ref, const struct rules_slot *s,
                       char *buf, size_t n)
{
	char when[128];
	rules_when_near(f, ref, s->starts, s->ends, when, sizeof when);
	if (s->what)
		snprintf(buf, n, "%s %s", s->what, when);
	else
		snprintf(buf, n, "%s", when);
}

static void named(const struct rules_fmt *f, const struct rules_slot *s, char *buf, size_t n)
{
	char when[128];
	rules_when(f, s->starts, s->ends, when, sizeof when);
	if (s->what)
		snprintf(buf, n, "%s %s", s->what, when);
	else
		snprintf(buf, n, "%s", when);
}

enum rule_level rules_person_overlap(const struct rules_fmt *f, const char *person,
                                     const struct rules_slot *held, const struct rules_slot *want,
                                     char *msg, size_t n)
{
	if (!rules_overlaps(held->starts, held->ends, want->starts, want->ends))
		return RULE_OK;
	char a[300], b[300];
	named(f, held, a, sizeof a);
	named_near(f, held->starts, want, b, sizeof b);
	snprintf(msg, n, "%s already works %s, which overlaps %s", person, a, b);
	return RULE_HARD;
}

enum rule_level rules_shift_room(const struct rules_fmt *f, const char *person,
                                 const struct rules_slot *shift, int64_t taken, int64_t need_max,
                                 char *msg, size_t n)
{
	if (taken < need_max)
		return RULE_OK;
	char a[300];
	named(f, shift, a, sizeof a);
	snprintf(msg, n, "%s is full (%" PRId64 " of %" PRId64 " places taken): no place for %s", a,
	         taken, need_max, person);
	return RULE_HARD;
}

enum rule_level rules_shift_overfilled(const struct rules_fmt *f, int64_t shift_id,
                                       const struct rules_slot *shift, int64_t taken,
                                       int64_t need_max, char *msg, size_t n)
{
	if (taken <= need_max)
		return RULE_OK;
	char a[300];
	named(f, shift, a, sizeof a);
	snprintf(msg, n,
	         "%s (shift %" PRId64 ") has %" PRId64 " people, more than need_max %" PRId64, a,
	         shift_id, taken, need_max);
	return RULE_HARD;
}

enum rule_level rules_room_clash(const struct rules_fmt *f, const char *room,
                                 const struct rules_slot *held, const struct rules_slot *want,
                                 char *msg, size_t n)
{
	if (!rules_overlaps(held->starts, held->ends, want->starts, want->ends))
		return RULE_OK;
	char a[128], b[300];
	rules_when(f, held->starts, held->ends, a, sizeof a);
	named_near(f, held->starts, want, b, sizeof b);
	snprintf(msg, n, "%s is taken by \"%s\" %s, which overlaps %s", room,
	         held->what ? held->what : "another session", a, b);
	return RULE_HARD;
}

enum rule_level rules_session_in_booth_area(const char *room, const char *kind, const char *title,
                                            char *msg, size_t n)
{
	if (!kind || strcmp(kind, "booth_area") != 0)
		return RULE_OK;
	snprintf(msg, n,
	         "%s is a booth area (the partners' booths), not a room for sessions: "
	         "\"%s\" would share it with the booths",
	         room, title ? title : "the session");
	return RULE_SOFT;
}

enum rule_level rules_booth_clash(const struct rules_fmt *f, const char *label, int64_t held_org,
                                  const struct rules_slot *held, int64_t want_org,
                                  const struct rules_slot *want, char *msg, size_t n)
{
	if (held_org == want_org ||
	    !rules_overlaps(held->starts, held->ends, want->starts, want->ends))
		return RULE_OK;
	char a[300], b[300];
	named(f, held, a, sizeof a);
	named_near(f, held->starts, want, b, sizeof b);
	snprintf(msg, n, "booth %s is held by %s, which overlaps %s", label, a, b);
	return RULE_HARD;
}

enum rule_level rules_in_span(const struct rules_fmt *f, const struct rules_slot *item,
                              const char *event, int64_t span0, int64_t span1, char *msg, size_t n)
{
	if (item->starts >= span0 && item->ends <= span1)
		return RULE_OK;
	char a[300], b[128];
	named(f, item, a, sizeof a);
	rules_when(f, span0, span1, b, sizeof b);
	snprintf(msg, n, "%s lies outside %s, %s (with setup and teardown)", a, event, b);
	return RULE_HARD;
}

bool rules_seat_free(int64_t seated, int64_t capacity)
{
	return capacity <= 0 || seated < capacity;
}

enum rule_level rules_over_capacity(const char *event, int64_t seated, int64_t capacity, char *msg,
                                    size_t n)
{
	if (capacity <= 0 || seated <= capacity)
		return RULE_OK;
	snprintf(msg, n, "%s has %" PRId64 " attendees registered, more than its capacity %" PRId64,
	         event, seated, capacity);
	return RULE_HARD;
}

enum rule_level rules_waitlist_idle(const char *event, int64_t seated, int64_t capacity,
                                    const char *first, int64_t position, char *msg, size_t n)
{
	if (!rules_seat_free(seated, capacity))
		return RULE_OK;
	if (capacity > 0)
		snprintf(msg, n,
		         "%s has %" PRId64 " of %" PRId64 " seats taken, yet %s waits on its "
		         "waitlist at position %" PRId64,
		         event, seated, capacity, first, position);
	else
		snprintf(
		    msg, n,
		    "%s has no capacity limit, yet %s waits on its waitlist at position %" PRId64,
		    event, first, position);
	return RULE_HARD;
}

int64_t rules_session_capacity(int64_t session_capacity, int64_t room_capacity)
{
	if (session_capacity <= 0 || room_capacity <= 0)
		return session_capacity > 0 ? session_capacity
		       : room_capacity > 0  ? room_capacity
		                            : 0;
	return session_capacity < room_capacity ? session_capacity : room_capacity;
}

enum rule_level rules_signup_registered(const char *person, const char *event,
                                        const char *reg_status, int64_t position, char *msg,
                                        size_t n)
{
	const char *s = reg_status ? reg_status : "";
	if (registration_attending(s))
		return RULE_OK;
	if (strcmp(s, "waitlisted") == 0)
		snprintf(msg, n,
		         "%s is on the waitlist for %s (position %" PRId64
		         "): a sign-up needs a seat at the event",
		         person, event, position);
	else if (s[0])
		snprintf(msg, n, "%s's registration for %s is %s: a sign-up needs an active one",
		         person, event, strcmp(s, "no_show") == 0 ? "marked no-show" : s);
	else
		snprintf(msg, n, "%s is not registered for %s: a sign-up needs a registration",
		         person, event);
	return RULE_HARD;
}

/* "\"Title\" Sat 7 Dec 10:00–11:00"; the day is left out when the session
 * starts on the local day of near (near 0: always written). */
static void quoted(const struct rules_fmt *f, int64_t near, const struct rules_slot *s, char *buf,
                   size_t n)
{
	char when[128];
	if (near)
		rules_when_near(f, near, s->starts, s->ends, when, sizeof when);
	else
		rules_when(f, s->starts, s->ends, when, sizeof when);
	snprintf(buf, n, "\"%s\" %s", s->what ? s->what : "a session", when);
}

enum rule_level rules_signup_overlap(const struct rules_fmt *f, const char *person,
                                     const struct rules_slot *held, const struct rules_slot *want,
                                     char *msg, size_t n)
{
	if (!rules_overlaps(held->starts, held->ends, want->starts, want->ends))
		return RULE_OK;
	char a[300], b[300];
	quoted(f, 0, held, a, sizeof a);
	quoted(f, held->starts, want, b, sizeof b);
	snprintf(msg, n, "%s is signed up for %s, which overlaps %s", person, a, b);
	return RULE_SOFT;
}

enum rule_level rules_session_over_capacity(const struct rules_fmt *f,
                                            const struct rules_slot *session, int64_t seated,
                                            int64_t capacity, char *msg, size_t n)
{
	if (capacity <= 0 || seated <= capacity)
		return RULE_OK;
	char a[300];
	quoted(f, 0, session, a, sizeof a);
	snprintf(msg, n, "session %s has %" PRId64 " sign-ups, more than its %" PRId64 " seats", a,
	         seated, capacity);
	return RULE_HARD;
}

enum rule_level rules_speaker_busy(const struct rules_fmt *f, const char *person,
                                   const struct rules_slot *session, const struct rules_slot *shift,
                                   char *msg, size_t n)
{
	if (!rules_overlaps(session->starts, session->ends, shift->starts, shift->ends))
		return RULE_OK;
	char a[128], b[300];
	rules_when(f, session->starts, session->ends, a, sizeof a);
	named_near(f, session->starts, shift, b, sizeof b);
	snprintf(msg, n, "%s speaks at \"%s\" %s, which overlaps %s", person,
	         session->what ? session->what : "a session", a, b);
	return RULE_SOFT;
}

enum rule_level rules_rest(const struct rules_fmt *f, const char *person,
                           const struct rules_slot *a, const struct rules_slot *b, int rest_minutes,
                           char *msg, size_t n)
{
	const struct rules_slot *first = a, *second = b;
	if (b->ends <= a->starts) {
		first = b;
		second = a;
	}
	int64_t gap = ck_sub(second->starts, first->ends);
	if (gap < 0 || gap >= (int64_t)rest_minutes * 60)
		return RULE_OK;
	char x[300], y[300], g[32], r[32];
	named(f, first, x, sizeof x);
	named_near(f, first->starts, second, y, sizeof y);
	rules_duration(gap, g, sizeof g);
	rules_duration((int64_t)rest_minutes * 60, r, sizeof r);
	if (gap == 0)
		snprintf(msg, n, "%s has no rest between %s and %s (minimum rest %s)", person, x, y,
		         r);
	else
		snprintf(msg, n, "%s has only %s between %s and %s (minimum rest %s)", person, g, x,
		         y, r);
	return RULE_SOFT;
}

static int64_t clipped(const struct rules_slot *s, int64_t day0, int64_t day1)
{
	int64_t a = s->starts > day0 ? s->starts : day0;
	int64_t b = s->ends < day1 ? s->ends : day1;
	return b > a ? ck_sub(b, a) : 0;
}

enum rule_level rules_day_hours(const struct rules_fmt *f, const char *person, int64_t day0,
                                int64_t day1, const struct rules_slot *slots, size_t nslots,
                                double max_hours, char *msg, size_t n)
{
	int64_t total = 0;
	for (size_t i = 0; i < nslots; i++)
		total = ck_add(total, clipped(&slots[i], day0, day1));
	if ((double)total <= max_hours * 3600.0)
		return RULE_OK;
	char day[32], tot[32], lim[32], list[400] = "";
	size_t used = 0;
	rules_day(f, day0, day, sizeof day);
	rules_duration(total, tot, sizeof tot);
	rules_duration((int64_t)(max_hours * 3600.0), lim, sizeof lim);
	for (size_t i = 0; i < nslots && used + 1 < sizeof list; i++) {
		if (!clipped(&slots[i], day0, day1))
			continue;
		char one[300];
		named_near(f, day0, &slots[i], one, sizeof one);
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? ", " : "",
		                         one);
	}
	snprintf(msg, n, "%s has %s of shifts on %s, over the limit of %s a day: %s", person, tot,
	         day, lim, list);
	return RULE_SOFT;
}

size_t rules_days_of(const char *tz, int64_t starts, int64_t ends, int64_t (*days)[2], size_t max)
{
	const char *z = tz && tz[0] ? tz : "UTC";
	size_t k = 0;
	int64_t d = tz_day_start(z, starts);
	while (k < max) {
		/* 36 hours on lands in the next day whether this one has 23, 24 or 25 hours. */
		int64_t next = tz_day_start(z, d + 36 * 3600);
		days[k][0] = d;
		days[k][1] = next;
		k++;
		if (next >= ends)
			break;
		d = next;
	}
	return k;
}

enum rule_level rules_skill(const struct rules_fmt *f, const char *person,
                            const struct rules_slot *shift, const char *skill, bool held,
                            const char *expires, char *msg, size_t n)
{
	char a[300], date[16];
	named(f, shift, a, sizeof a);
	if (!held) {
		snprintf(msg, n, "%s lacks %s, which %s requires", person, skill, a);
		return RULE_SOFT;
	}
	rules_date(f, shift->starts, date, sizeof date);
	if (!expires || !expires[0] || strcmp(expires, date) >= 0)
		return RULE_OK;
	snprintf(msg, n, "%s's %s expired on %s, before %s", person, skill, expires, a);
	return RULE_SOFT;
}

enum rule_level rules_min_age(const struct rules_fmt *f, const char *person,
                              const struct rules_slot *shift, int min_age, const char *birth_date,
                              char *msg, size_t n)
{
	if (min_age <= 0)
		return RULE_OK;
	char a[300], day[32];
	named(f, shift, a, sizeof a);
	int age = birth_date && birth_date[0] ? tz_age_on(zone(f), shift->starts, birth_date) : -1;
	if (age < 0) {
		snprintf(msg, n, "%s has no birth date on record, and %s needs age %d or over",
		         person, a, min_age);
		return RULE_SOFT;
	}
	if (age >= min_age)
		return RULE_OK;
	rules_day(f, shift->starts, day, sizeof day);
	snprintf(msg, n, "%s is %d on %s, under the minimum age %d for %s", person, age, day,
	         min_age, a);
	return RULE_SOFT;
}

static int by_start(const void *x, const void *y)
{
	const struct rules_slot *a = x, *b = y;
	return a->starts < b->starts ? -1 : a->starts > b->starts;
}

enum rule_level rules_available(const struct rules_fmt *f, const char *person,
                                const struct rules_slot *shift, const struct rules_slot *windows,
                                size_t nwindows, char *msg, size_t n)
{
	if (nwindows == 0)
		return RULE_OK;
	struct rules_slot *w = xmalloc(nwindows * sizeof *w);
	memcpy(w, windows, nwindows * sizeof *w);
	qsort(w, nwindows, sizeof *w, by_start);
	int64_t covered = shift->starts;
	for (size_t i = 0; i < nwindows && covered < shift->ends; i++) {
		if (w[i].starts > covered)
			break;
		if (w[i].ends > covered)
			covered = w[i].ends;
	}
	enum rule_level level = covered >= shift->ends ? RULE_OK : RULE_SOFT;
	if (level == RULE_SOFT) {
		char list[400] = "", a[300];
		size_t used = 0;
		for (size_t i = 0; i < nwindows && i < 4; i++) {
			char one[128];
			rules_when(f, w[i].starts, w[i].ends, one, sizeof one);
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
			                         i ? ", " : "", one);
		}
		if (nwindows > 4)
			snprintf(list + used, sizeof list - used, " and %zu more", nwindows - 4);
		named(f, shift, a, sizeof a);
		snprintf(msg, n, "%s is available only %s; %s falls outside", person, list, a);
	}
	free(w);
	return level;
}

enum rule_level rules_signup_open(const struct rules_fmt *f, const struct rules_slot *shift,
                                  int64_t now, int close_minutes, char *msg, size_t n)
{
	int64_t closes = ck_sub(shift->starts, (int64_t)close_minutes * 60);
	if (now < closes)
		return RULE_OK;
	char a[300], b[64];
	named(f, shift, a, sizeof a);
	tz_format_human(zone(f), closes, twelve(f), b, sizeof b);
	snprintf(msg, n, "sign-up for %s closed at %s (%d min before the start)", a, b,
	         close_minutes);
	return RULE_HARD;
}

enum rule_level rules_drop_open(const struct rules_fmt *f, const struct rules_slot *shift,
                                int64_t now, int close_hours, char *msg, size_t n)
{
	int64_t closes = ck_sub(shift->starts, (int64_t)close_hours * 3600);
	if (now < closes)
		return RULE_OK;
	char a[300], b[64];
	named(f, shift, a, sizeof a);
	tz_format_human(zone(f), closes, twelve(f), b, sizeof b);
	snprintf(msg, n,
	         "dropping %s closed at %s (%d h before the start); please ask a coordinator", a, b,
	         close_hours);
	return RULE_HARD;
}

enum rule_level rules_checkin_open(const struct rules_fmt *f, const struct rules_slot *shift,
                                   int64_t now, int open_minutes, char *msg, size_t n)
{
	int64_t opens = ck_sub(shift->starts, (int64_t)open_minutes * 60);
	if (now >= opens && now < shift->ends)
		return RULE_OK;
	char a[300], b[64];
	named(f, shift, a, sizeof a);
	if (now < opens) {
		tz_format_human(zone(f), opens, twelve(f), b, sizeof b);
		snprintf(msg, n, "check-in for %s opens at %s", a, b);
	} else {
		snprintf(msg, n, "check-in for %s closed when it ended", a);
	}
	return RULE_HARD;
}

void verdict_init(struct verdict *v)
{
	memset(v, 0, sizeof *v);
}

static void append(char *buf, size_t size, int count, const char *msg)
{
	size_t used = strlen(buf);
	if (count > 1 && used + 2 < size)
		used += (size_t)snprintf(buf + used, size - used, "; ");
	if (used + 1 < size)
		snprintf(buf + used, size - used, "%s", msg);
}

void verdict_add(struct verdict *v, enum rule_level level, const char *msg)
{
	if (level == RULE_HARD)
		append(v->hard, sizeof v->hard, ++v->nhard, msg);
	else if (level == RULE_SOFT)
		append(v->soft, sizeof v->soft, ++v->nsoft, msg);
}

int verdict_err(const struct verdict *v, struct err *e)
{
	if (v->nhard)
		return err_set(e, ERR_REFUSED, "%s", v->hard);
	if (v->nsoft)
		return err_set(e, ERR_SOFT, "%s", v->soft);
	return 0;
}
