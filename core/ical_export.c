/* ical_export.c - calendars for SPEC section 8, written one VEVENT at a time
 * from a row callback, so 20,000 shifts take the memory of one. libical
 * builds and serialises each distinct property; core/ical_out.c folds its
 * lines and writes them again where the same property comes back (a role's
 * summary, a time slot, the venue). Who may appear where:
 * names of speakers and volunteers only as names ("Confidential" for
 * confidential people), e-mail addresses only on the ORGANIZER line (from
 * [export]) and on ATTENDEE lines of an invitation or cancellation. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* fchmod, O_NOFOLLOW */
#endif
#include "ical_export.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "array.h"
#include "../db/ical_store.h"
#include "audit.h"
#include "entity.h"
#include "ical_out.h"
#include "ical_tz.h"
#include "itip.h"
#include "outfile.h"
#include "tz.h"
#include "person.h"
#include "xmalloc.h"

#define CONFIDENTIAL PERSON_CONFIDENTIAL_NAME
#define MAX_SOURCES  4

/* Someone a calendar is addressed to (the person of a person's file, an
 * organization's contact). */
struct invitee {
	const char *name;
	const char *email;
	bool confidential;
	int64_t person; /* 0: not a person (an organization's contact) */
};

/* What one calendar holds: up to two row queries, how rows are titled, and
 * for whom it is. */
struct calendar {
	struct {
		enum ical_store_query q;
		int64_t key, event;
	} src[MAX_SOURCES];
	size_t nsrc;
	enum ical_scope scope;
	enum ical_method method;
	const struct invitee *invitee; /* NULL: attendees are each row's people */
	const char *event_category;    /* CATEGORIES of the event's own entry */
	bool alarms;
};

struct zone_span {
	char tz[64];
	int64_t first, last;
	const struct ical_tz_zone *zone; /* set when the VTIMEZONEs are written */
};

/* Zones loaded and their VTIMEZONE text, kept across the files of one
 * per-person export: every file of an event mostly covers the same years. */
struct cached_zone {
	struct ical_tz_zone zone;
	char *vtimezone;
};

struct zone_cache {
	struct cached_zone **v; /* stable addresses: spans point into them */
	size_t n;
};

struct zone_list {
	struct zone_span *v;
	size_t n, cap;
	size_t items; /* rows in all of them */
};

/* What an export sent, stored once its files are written (core/itip.h). */
struct sent_list {
	struct itip_sent *v;
	size_t n, cap;
};

struct writer {
	struct ctx *c;
	const struct calendar *cal;
	struct ical_out out;
	const struct zone_list *zones;
	struct zone_cache *cache;
	struct sent_list *sent; /* iTIP objects: who was sent what */
	int64_t now;
	size_t nevents;
	struct err *e;
};

/* People of one row, gathered for its description and attendees. */
struct crowd {
	struct crowd_one {
		char *name, *email, *role;
		bool confidential;
		int64_t person;
	} * v;
	size_t n, cap;
};

static const char *const method_names[] = {
    [ICAL_PUBLISH] = "publish", [ICAL_REQUEST] = "request", [ICAL_CANCEL] = "cancel"};

int ical_export_method_parse(const char *text, enum ical_method *out, struct err *e)
{
	for (size_t i = 0; i < ARRAY_LEN(method_names); i++)
		if (strcmp(text, method_names[i]) == 0)
			return *out = (enum ical_method)i, 0;
	return err_set(e, ERR_USAGE, "--method: \"%s\" is not publish, request or cancel", text);
}

/* ---- zones ------------------------------------------------------------- */

static int zone_add(void *arg, const char *tz, int64_t first, int64_t last, size_t count)
{
	struct zone_list *z = arg;
	z->items += count;
	for (size_t i = 0; i < z->n; i++) {
		if (strcmp(z->v[i].tz, tz) != 0)
			continue;
		if (first < z->v[i].first)
			z->v[i].first = first;
		if (last > z->v[i].last)
			z->v[i].last = last;
		return 0;
	}
	XGROW(z->v, z->n, z->cap, 4);
	memset(&z->v[z->n], 0, sizeof z->v[z->n]);
	snprintf(z->v[z->n].tz, sizeof z->v[z->n].tz, "%s", tz);
	z->v[z->n].first = first;
	z->v[z->n++].last = last;
	return 0;
}

static void zone_cache_free(struct zone_cache *k)
{
	for (size_t i = 0; i < k->n; i++) {
		ical_tz_zone_free(&k->v[i]->zone);
		free(k->v[i]->vtimezone);
		free(k->v[i]);
	}
	free(k->v);
	memset(k, 0, sizeof *k);
}

/* The zone tz over the local years of [first, last], loaded once. */
static const struct cached_zone *zone_cached(struct zone_cache *k, const char *tz, int64_t first,
                                             int64_t last)
{
	struct tz_local a, b;
	tz_local(tz, first, &a);
	tz_local(tz, last, &b);
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->v[i]->zone.tz, tz) == 0 && k->v[i]->zone.year_first == a.year &&
		    k->v[i]->zone.year_last == b.year)
			return k->v[i];
	struct cached_zone *c = xcalloc(1, sizeof *c);
	k->v = xrealloc(k->v, (k->n + 1) * sizeof *k->v);
	k->v[k->n++] = c;
	ical_tz_zone_load(&c->zone, tz, first, last);
	icalcomponent *vtz = ical_tz_zone_vtimezone(&c->zone);
	c->vtimezone = icalcomponent_as_ical_string_r(vtz);
	icalcomponent_free(vtz);
	return c;
}

static int calendar_zones(struct ctx *c, const struct calendar *cal, struct zone_list *z,
                          struct err *e)
{
	for (size_t i = 0; i < cal->nsrc; i++)
		if (ical_store_zones(c->db, cal->src[i].q, cal->src[i].key, cal->src[i].event,
		                     zone_add, z, e) < 0)
			return -1;
	/* rows another program wrote past the years muster keeps: refused
	 * before a VTIMEZONE is walked over millennia */
	for (size_t i = 0; i < z->n; i++) {
		if (tz_instant_ok(z->v[i].first) && tz_instant_ok(z->v[i].last))
			continue;
		char a[40], b[40];
		tz_format(z->v[i].tz, z->v[i].first, a, sizeof a);
		tz_format(z->v[i].tz, z->v[i].last, b, sizeof b);
		return err_set(e, ERR_DB,
		               "the calendar's times run from %s to %s, outside the years muster "
		               "keeps (1900-9999): another program wrote a row; correct its starts "
		               "and ends with muster set",
		               a, b);
	}
	return 0;
}

/* ---- people of a row ----------------------------------------------------- */

static int crowd_add(void *arg, const struct ical_store_person *p)
{
	struct crowd *k = arg;
	XGROW(k->v, k->n, k->cap, 4);
	struct crowd_one *o = &k->v[k->n++];
	o->confidential = p->confidential;
	o->person = p->id;
	o->name = ical_out_clean(p->confidential ? CONFIDENTIAL : p->name, true);
	o->email = p->email && !p->confidential ? xstrdup(p->email) : NULL;
	o->role = xstrdup(p->role ? p->role : "");
	return 0;
}

static void crowd_free(struct crowd *k)
{
	for (size_t i = 0; i < k->n; i++) {
		free(k->v[i].name);
		free(k->v[i].email);
		free(k->v[i].role);
	}
	free(k->v);
	memset(k, 0, sizeof *k);
}

/* Gather a row's people when the calendar shows them: speakers for a
 * session's description, speakers or volunteers as attendees of a shared
 * invitation. */
static int crowd_load(struct writer *w, const struct ical_store_item *it, struct crowd *k)
{
	bool attendees = w->cal->method != ICAL_PUBLISH && !w->cal->invitee;
	bool described = w->c->cfg->include_descriptions && it->kind == ICAL_ITEM_SESSION;
	if (!attendees && !described)
		return 0;
	if (it->kind == ICAL_ITEM_SESSION)
		return ical_store_session_people(w->c->db, it->id, crowd_add, k, w->e);
	if (it->kind == ICAL_ITEM_SHIFT && attendees)
		return ical_store_shift_people(w->c->db, it->id, crowd_add, k, w->e);
	return 0;
}

/* ---- one VEVENT ---------------------------------------------------------- */

/* Each property is written through the memo of core/ical_out.c: its key
 * names the property and every value it is made from, each ended by a NUL
 * (a NULL value by the byte 1 alone). On a miss libical builds and
 * serialises the property, as it always did; on a hit the lines it made
 * for the same values are written again. */
static void key_start(struct strbuf *key, const char *what)
{
	strbuf_reset(key);
	strbuf_addn(key, what, strlen(what) + 1);
}

static void key_add(struct strbuf *key, const char *value)
{
	if (value)
		strbuf_addn(key, value, strlen(value) + 1);
	else
		strbuf_addc(key, '\1');
}

static void key_add_int(struct strbuf *key, int64_t n)
{
	strbuf_addn(key, (const char *)&n, sizeof n);
}

static bool again(struct writer *w, const struct strbuf *key)
{
	return ical_out_again(&w->out, key->s, key->len);
}

/* Write p (libical's serialisation, folded), keep it under key, free p. */
static void remember(struct writer *w, const struct strbuf *key, icalproperty *p)
{
	ical_out_remember_property(&w->out, key->s, key->len, p);
	icalproperty_free(p);
}

/* A TEXT property under key: text cleaned (ical_out_clean), escaped by
 * libical. */
static void text_prop(struct writer *w, const struct strbuf *key,
                      icalproperty *(*make)(const char *), const char *text, bool one_line)
{
	char *clean = ical_out_clean(text, one_line);
	icalproperty *p = make(clean);
	free(clean);
	remember(w, key, p);
}

/* Is the wall time of t in tz one that occurs twice (clocks falling back)? */
static bool ambiguous(const struct writer *w, const char *tz, int64_t t)
{
	for (size_t i = 0; w->zones && i < w->zones->n; i++)
		if (strcmp(w->zones->v[i].tz, tz) == 0)
			return w->zones->v[i].zone &&
			       ical_tz_zone_ambiguous(w->zones->v[i].zone, t);
	return false;
}

/* A DTSTART or DTEND: the wall time with its TZID, or UTC for a UTC zone
 * and for a wall time that occurs twice (RFC 5545 would read the first). */
static void time_prop(struct writer *w, struct strbuf *key, const char *name,
                      icalproperty *(*make)(struct icaltimetype), const char *tz, int64_t t)
{
	key_start(key, name);
	key_add(key, tz);
	key_add_int(key, t);
	if (again(w, key))
		return;
	bool utc = ical_tz_is_utc(tz) || ambiguous(w, tz, t);
	icalproperty *p = make(utc ? ical_tz_utc(t) : ical_tz_local(tz, t));
	if (!utc)
		icalproperty_add_parameter(p, icalparameter_new_tzid(tz));
	remember(w, key, p);
}

static bool cancelled(const struct ical_store_item *it)
{
	return it->status && strcmp(it->status, "cancelled") == 0;
}

/* STATUS: a cancellation, or the row's own (shifts: open is CONFIRMED). */
static icalproperty_status status_of(enum ical_method m, const struct ical_store_item *it)
{
	if (m == ICAL_CANCEL || cancelled(it))
		return ICAL_STATUS_CANCELLED;
	if (it->status && strcmp(it->status, "tentative") == 0)
		return ICAL_STATUS_TENTATIVE;
	return ICAL_STATUS_CONFIRMED;
}

/* What summary_of makes the SUMMARY of, into a key. */
static void summary_key(struct strbuf *key, const struct writer *w,
                        const struct ical_store_item *it)
{
	key_add_int(key, it->kind);
	key_add(key, it->title);
	if (it->kind == ICAL_ITEM_SHIFT && w->cal->scope == ICAL_SHIFTS) {
		key_add_int(key, it->filled);
		key_add_int(key, it->need_max);
	} else if (it->kind == ICAL_ITEM_BOOTH) {
		key_add(key, it->event_name);
	}
}

static char *summary_of(const struct writer *w, const struct ical_store_item *it)
{
	const char *title = it->title ? it->title : "";
	switch (it->kind) {
	case ICAL_ITEM_SHIFT:
		if (w->cal->scope == ICAL_SHIFTS)
			return xasprintf("%s (%" PRId64 "/%" PRId64 ")", title, it->filled,
			                 it->need_max);
		return xstrdup(title);
	case ICAL_ITEM_BOOTH:
		return xasprintf("Booth %s at %s", title, it->event_name ? it->event_name : "");
	case ICAL_ITEM_SESSION:
	case ICAL_ITEM_EVENT:
		break;
	}
	return xstrdup(title);
}

/* Room (or booth) and venue: "Salon A, Harbor Hall", "Booth B12, Expo Hall". */
static char *location_of(const struct ical_store_item *it)
{
	char *place = NULL;
	if (it->booth && it->booth[0])
		place = it->room && it->room[0] ? xasprintf("Booth %s, %s", it->booth, it->room)
		                                : xasprintf("Booth %s", it->booth);
	else if (it->room && it->room[0])
		place = xstrdup(it->room);
	bool venue = it->venue && it->venue[0];
	if (!place)
		return venue ? xstrdup(it->venue) : NULL;
	if (!venue)
		return place;
	char *both = xasprintf("%s, %s", place, it->venue);
	free(place);
	return both;
}

static char *append(char *s, const char *more)
{
	char *r = xasprintf("%s%s", s ? s : "", more);
	free(s);
	return r;
}

/* A session the person signed up for says so first. */
static char *signup_note(const struct ical_store_item *it)
{
	if (!it->signup)
		return NULL;
	if (strcmp(it->signup, "waitlisted") == 0)
		return xasprintf("You are on the waitlist for this session (position %" PRId64
		                 "); you will have a seat if one frees.",
		                 it->waitlist_position);
	return xasprintf("You signed up for this session.");
}

/* The DESCRIPTION: the person's sign-up, the session's or role's text, then
 * who speaks. */
static char *description_of(const struct ical_store_item *it, const struct crowd *k)
{
	char *d = signup_note(it);
	if (d && it->description && it->description[0])
		d = append(d, "\n\n");
	if (it->description && it->description[0])
		d = append(d, it->description);
	if (it->kind == ICAL_ITEM_BOOTH && it->org_name)
		d = append(d, "Partner booth of "), d = append(d, it->org_name);
	if (it->kind == ICAL_ITEM_SESSION && k->n) {
		d = append(d, d ? "\n\nSpeakers: " : "Speakers: ");
		for (size_t i = 0; i < k->n; i++) {
			char *one =
			    xasprintf("%s%s (%s)", i ? ", " : "", k->v[i].name, k->v[i].role);
			d = append(d, one);
			free(one);
		}
	}
	return d;
}

static void attendee(struct writer *w, struct strbuf *key, const char *name, const char *email,
                     bool rsvp)
{
	key_start(key, "ATTENDEE");
	key_add(key, name);
	key_add(key, email);
	key_add(key, rsvp ? "rsvp" : NULL);
	if (again(w, key))
		return;
	char *uri = ical_out_mailto(email);
	icalproperty *p = icalproperty_new_attendee(uri);
	free(uri);
	char *cn = ical_out_param(name);
	icalproperty_add_parameter(p, icalparameter_new_cn(cn));
	free(cn);
	icalproperty_add_parameter(p, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
	icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
	if (rsvp) {
		icalproperty_add_parameter(p,
		                           icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
	}
	remember(w, key, p);
}

static void organizer(struct writer *w, struct strbuf *key)
{
	const struct config *cfg = w->c->cfg;
	key_start(key, "ORGANIZER");
	key_add(key, cfg->organizer_email);
	key_add(key, cfg->organizer_name);
	if (again(w, key))
		return;
	char *uri = ical_out_mailto(cfg->organizer_email);
	icalproperty *p = icalproperty_new_organizer(uri);
	free(uri);
	if (cfg->organizer_name[0]) {
		char *cn = ical_out_param(cfg->organizer_name);
		icalproperty_add_parameter(p, icalparameter_new_cn(cn));
		free(cn);
	}
	remember(w, key, p);
}

static void add_people(struct writer *w, struct strbuf *key, enum ical_method m,
                       const struct crowd *k)
{
	if (w->c->cfg->organizer_email[0])
		organizer(w, key);
	if (m == ICAL_PUBLISH)
		return;
	bool rsvp = m == ICAL_REQUEST;
	const struct invitee *inv = w->cal->invitee;
	if (inv) {
		if (inv->email && inv->email[0])
			attendee(w, key, inv->confidential ? CONFIDENTIAL : inv->name, inv->email,
			         rsvp);
		return;
	}
	/* a shared file: confidential people are never listed (crowd_add kept
	 * no address for them) */
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].email)
			attendee(w, key, k->v[i].name, k->v[i].email, rsvp);
}

static void add_alarm(struct writer *w, struct strbuf *key, enum ical_method m,
                      const struct ical_store_item *it)
{
	int minutes = w->c->cfg->reminder_minutes;
	if (!w->cal->alarms || minutes <= 0 || m == ICAL_CANCEL)
		return;
	key_start(key, "VALARM");
	key_add_int(key, minutes);
	summary_key(key, w, it);
	if (again(w, key))
		return;
	char *summary = summary_of(w, it);
	char *clean = ical_out_clean(summary, true);
	free(summary);
	icalcomponent *alarm = icalcomponent_new_valarm();
	icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
	struct icaltriggertype trig = {0};
	trig.time = icaltime_null_time();
	trig.duration = icaldurationtype_from_int(-60 * minutes);
	icalcomponent_add_property(alarm, icalproperty_new_trigger(trig));
	icalcomponent_add_property(alarm, icalproperty_new_description(clean));
	free(clean);
	ical_out_remember_component(&w->out, key->s, key->len, alarm);
	icalcomponent_free(alarm);
}

static bool filled(const char *s)
{
	return s && s[0];
}

/* The properties that come before the people, in this order. */
static void add_item(struct writer *w, struct strbuf *key, const struct ical_store_item *it,
                     int64_t seq)
{
	key_start(key, "DTSTAMP");
	key_add_int(key, w->now);
	if (!again(w, key))
		remember(w, key, icalproperty_new_dtstamp(ical_tz_utc(w->now)));
	key_start(key, "SEQUENCE");
	key_add_int(key, seq);
	if (!again(w, key))
		remember(w, key, icalproperty_new_sequence((int)seq));
	time_prop(w, key, "DTSTART", icalproperty_new_dtstart, it->tz, it->starts);
	time_prop(w, key, "DTEND", icalproperty_new_dtend, it->tz, it->ends);
	key_start(key, "SUMMARY");
	summary_key(key, w, it);
	if (!again(w, key)) {
		char *summary = summary_of(w, it);
		text_prop(w, key, icalproperty_new_summary, summary, true);
		free(summary);
	}
	key_start(key, "LOCATION");
	key_add(key, it->booth);
	key_add(key, it->room);
	key_add(key, it->venue);
	if ((filled(it->booth) || filled(it->room) || filled(it->venue)) && !again(w, key)) {
		char *loc = location_of(it);
		text_prop(w, key, icalproperty_new_location, loc, true);
		free(loc);
	}
	if (it->category && it->category[0]) {
		key_start(key, "CATEGORIES");
		key_add(key, it->category);
		if (!again(w, key)) {
			char *cat = ical_out_category(it->category);
			remember(w, key, icalproperty_new_categories(cat));
			free(cat);
		}
	}
}

/* One VEVENT sent with method m and SEQUENCE seq, written to w->out: built
 * property by property with libical (the lines of a property already
 * written with the same values come from the memo). */
static void vevent(struct writer *w, const struct ical_store_item *it, const struct crowd *k,
                   enum ical_method m, int64_t seq)
{
	struct strbuf key = {0};
	ical_out_line(&w->out, "BEGIN:VEVENT", 12);
	/* the UID is every event's own: not kept */
	char *uid = ical_out_clean(it->uid, true);
	icalproperty *p = icalproperty_new_uid(uid);
	free(uid);
	ical_out_property(&w->out, p);
	icalproperty_free(p);
	add_item(w, &key, it, seq);
	if (it->signup) { /* marked as the person's sign-up, or their waiting place */
		const char *mark =
		    strcmp(it->signup, "waitlisted") == 0 ? "Waitlisted" : "Signed up";
		key_start(&key, "CATEGORIES");
		key_add(&key, NULL);
		key_add(&key, mark);
		if (!again(w, &key))
			remember(w, &key, icalproperty_new_categories(mark));
	}
	icalproperty_status st = status_of(m, it);
	key_start(&key, "STATUS");
	key_add_int(&key, st);
	if (!again(w, &key))
		remember(w, &key, icalproperty_new_status(st));
	if (w->c->cfg->include_descriptions) {
		char *d = description_of(it, k);
		key_start(&key, "DESCRIPTION");
		key_add(&key, d);
		if (d && !again(w, &key))
			text_prop(w, &key, icalproperty_new_description, d, false);
		free(d);
	}
	add_people(w, &key, m, k);
	if (st != ICAL_STATUS_CANCELLED)
		add_alarm(w, &key, m, it);
	strbuf_free(&key);
	ical_out_line(&w->out, "END:VEVENT", 10);
}

static int write_item(void *arg, const struct ical_store_item *it)
{
	struct writer *w = arg;
	struct crowd k = {0};
	if (crowd_load(w, it, &k) < 0) {
		crowd_free(&k);
		return -1;
	}
	struct ical_store_item own = *it;
	if (it->kind == ICAL_ITEM_EVENT)
		own.category = w->cal->event_category;
	vevent(w, &own, &k, ICAL_PUBLISH, it->sequence);
	crowd_free(&k);
	w->nevents++;
	return w->out.failed ? -1 : 0;
}

/* ---- one calendar -------------------------------------------------------- */

static void write_head(struct writer *w, enum ical_method m)
{
	static const icalproperty_method methods[] = {[ICAL_PUBLISH] = ICAL_METHOD_PUBLISH,
	                                              [ICAL_REQUEST] = ICAL_METHOD_REQUEST,
	                                              [ICAL_CANCEL] = ICAL_METHOD_CANCEL};
	icalproperty *props[] = {
	    icalproperty_new_prodid("-//muster//muster " MUSTER_VERSION "//EN"),
	    icalproperty_new_version("2.0"),
	    icalproperty_new_calscale("GREGORIAN"),
	    icalproperty_new_method(methods[m]),
	};
	ical_out_line(&w->out, "BEGIN:VCALENDAR", 15);
	for (size_t i = 0; i < ARRAY_LEN(props); i++) {
		ical_out_property(&w->out, props[i]);
		icalproperty_free(props[i]);
	}
}

static void write_zones(struct writer *w, struct zone_list *z)
{
	for (size_t i = 0; i < z->n; i++) {
		if (ical_tz_is_utc(z->v[i].tz))
			continue;
		const struct cached_zone *c =
		    zone_cached(w->cache, z->v[i].tz, z->v[i].first, z->v[i].last);
		z->v[i].zone = &c->zone;
		ical_out_text(&w->out, c->vtimezone);
	}
}

/* Write cal to f. Returns 0, 1 when it holds nothing (nothing written), or
 * -1 with e filled. */
static int write_calendar(struct ctx *c, const struct calendar *cal, struct zone_cache *cache,
                          FILE *f, size_t *nevents, struct err *e)
{
	struct zone_list z = {0};
	if (calendar_zones(c, cal, &z, e) < 0) {
		free(z.v);
		return -1;
	}
	if (z.n == 0) {
		free(z.v);
		return 1;
	}
	struct writer w = {
	    .c = c, .cal = cal, .zones = &z, .cache = cache, .now = clock_now(c->clock), .e = e};
	ical_out_init(&w.out, f);
	write_head(&w, ICAL_PUBLISH);
	write_zones(&w, &z);
	int ret = 0;
	for (size_t i = 0; i < cal->nsrc && ret == 0; i++)
		ret = ical_store_items(c->db, cal->src[i].q, cal->src[i].key, cal->src[i].event,
		                       write_item, &w, e);
	if (ret == 0)
		ical_out_line(&w.out, "END:VCALENDAR", 13);
	ical_out_free(&w.out);
	free(z.v);
	if (ret == 0 && (w.out.failed || fflush(f) != 0 || ferror(f)))
		ret = err_set(e, ERR_INPUT, "writing the calendar failed: %s", strerror(errno));
	else if (ret != 0 && w.out.failed)
		ret = err_set(e, ERR_INPUT, "writing the calendar failed: %s", strerror(errno));
	if (nevents)
		*nevents = w.nevents;
	return ret < 0 ? -1 : 0;
}

/* ---- iTIP objects: one VEVENT, one UID --------------------------------- */

/* The method an item goes out with: a cancelled item (or one of a cancelled
 * event) is cancelled whatever was asked, as a REQUEST cannot carry
 * STATUS:CANCELLED (RFC 5546 section 3.2.2). */
static enum ical_method object_method(enum ical_method asked, const struct ical_store_item *it)
{
	return asked == ICAL_CANCEL || cancelled(it) ? ICAL_CANCEL : ICAL_REQUEST;
}

static enum itip_method to_itip(enum ical_method m)
{
	return m == ICAL_CANCEL ? ITIP_CANCEL : ITIP_REQUEST;
}

/* Raise *seq to what person must be sent next for the item. */
static int raise_for(struct writer *w, int64_t person, const struct ical_store_item *it,
                     enum ical_method m, int64_t *seq)
{
	int64_t next;
	if (itip_next(w->c, person, it->uid, to_itip(m), it->sequence, &next, w->e) < 0)
		return -1;
	if (next > *seq)
		*seq = next;
	return 0;
}

static void note_sent(struct writer *w, int64_t person, const struct ical_store_item *it,
                      enum ical_method m, int64_t seq)
{
	XGROW(w->sent->v, w->sent->n, w->sent->cap, 16);
	struct itip_sent *s = &w->sent->v[w->sent->n++];
	memset(s, 0, sizeof *s);
	s->person = person;
	snprintf(s->uid, sizeof s->uid, "%s", it->uid ? it->uid : "");
	s->method = to_itip(m);
	s->sequence = seq;
	s->item_sequence = it->sequence;
	s->sent_at = w->now;
}

/* The attendees an object names: the calendar's invitee, else the row's
 * people with an address (confidential people have none here). For each
 * person among them, fn(w, person, ...). */
static int each_attendee(struct writer *w, const struct crowd *k, const struct ical_store_item *it,
                         enum ical_method m, int64_t *seq,
                         int (*fn)(struct writer *, int64_t, const struct ical_store_item *,
                                   enum ical_method, int64_t *))
{
	const struct invitee *inv = w->cal->invitee;
	if (inv)
		return inv->person && inv->email && inv->email[0] ? fn(w, inv->person, it, m, seq)
		                                                  : 0;
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].email && fn(w, k->v[i].person, it, m, seq) < 0)
			return -1;
	return 0;
}

static int note_one(struct writer *w, int64_t person, const struct ical_store_item *it,
                    enum ical_method m, int64_t *seq)
{
	note_sent(w, person, it, m, *seq);
	return 0;
}

/* One VCALENDAR with the one VEVENT of it and its VTIMEZONE, sent with the
 * method asked (or CANCEL, see object_method) and a SEQUENCE above what
 * any of its attendees was last sent for it (core/itip.h), who are noted in
 * w->sent. *method and *seq say what was written. */
/* The VCALENDAR of one object: METHOD m, the VTIMEZONE of the item's zone,
 * its one VEVENT with SEQUENCE seq and the people of k. */
static void write_one(struct writer *w, const struct ical_store_item *it, const struct crowd *k,
                      enum ical_method m, int64_t seq)
{
	struct ical_store_item own = *it;
	if (it->kind == ICAL_ITEM_EVENT)
		own.category = w->cal->event_category;
	struct zone_span span = {.first = it->starts, .last = it->ends};
	struct zone_list zones = {.v = &span, .n = 1};
	snprintf(span.tz, sizeof span.tz, "%s", it->tz ? it->tz : "UTC");
	write_head(w, m);
	if (!ical_tz_is_utc(span.tz)) {
		const struct cached_zone *cz =
		    zone_cached(w->cache, span.tz, span.first, span.last);
		span.zone = &cz->zone;
		ical_out_text(&w->out, cz->vtimezone);
	}
	w->zones = &zones;
	vevent(w, &own, k, m, seq);
	w->zones = NULL;
	ical_out_line(&w->out, "END:VCALENDAR", 13);
}

/* One VCALENDAR with the one VEVENT of it and its VTIMEZONE, sent with the
 * method asked (or CANCEL, see object_method) and a SEQUENCE above what
 * any of its attendees was last sent for it (core/itip.h), who are noted in
 * w->sent. *method and *seq say what was written. */
static int write_object(struct writer *w, const struct ical_store_item *it, enum ical_method asked,
                        enum ical_method *method, int64_t *seq)
{
	struct crowd k = {0};
	enum ical_method m = object_method(asked, it);
	*method = m;
	*seq = itip_sequence(NULL, to_itip(m), it->sequence);
	if (crowd_load(w, it, &k) < 0 || each_attendee(w, &k, it, m, seq, raise_for) < 0) {
		crowd_free(&k);
		return -1;
	}
	write_one(w, it, &k, m, *seq);
	each_attendee(w, &k, it, m, seq, note_one);
	crowd_free(&k);
	w->nevents++;
	return w->out.failed ? -1 : 0;
}

static int object_row(void *arg, const struct ical_store_item *it)
{
	struct writer *w = arg;
	enum ical_method m;
	int64_t seq;
	return write_object(w, it, w->cal->method, &m, &seq);
}

/* Store what an export sent, once its files are written. */
static int record_sent(struct ctx *c, const struct sent_list *sent, struct err *e)
{
	if (sent->n == 0)
		return 0;
	if (db_begin(c->db, e) < 0)
		return -1;
	for (size_t i = 0; i < sent->n; i++)
		if (itip_record(c, &sent->v[i], e) < 0) {
			db_rollback(c->db);
			return -1;
		}
	return db_commit(c->db, e);
}

/* The one object of an invitation or cancellation to f (the calendar holds
 * exactly one row: checked before). */
static int write_itip_calendar(struct ctx *c, const struct calendar *cal, FILE *f, size_t *nevents,
                               struct sent_list *sent, struct err *e)
{
	struct zone_cache cache = {0};
	struct writer w = {
	    .c = c, .cal = cal, .cache = &cache, .sent = sent, .now = clock_now(c->clock), .e = e};
	ical_out_init(&w.out, f);
	int ret = 0;
	for (size_t i = 0; i < cal->nsrc && ret == 0; i++)
		ret = ical_store_items(c->db, cal->src[i].q, cal->src[i].key, cal->src[i].event,
		                       object_row, &w, e);
	ical_out_free(&w.out);
	zone_cache_free(&cache);
	if (w.out.failed || (ret == 0 && (fflush(f) != 0 || ferror(f))))
		ret = err_set(e, ERR_INPUT, "writing the calendar failed: %s", strerror(errno));
	*nevents = w.nevents;
	return ret < 0 ? -1 : 0;
}

/* How many rows cal holds. */
static int count_rows(struct ctx *c, const struct calendar *cal, size_t *n, struct err *e)
{
	struct zone_list z = {0};
	int ret = calendar_zones(c, cal, &z, e);
	*n = z.items;
	free(z.v);
	return ret;
}

/* ---- what is exported ---------------------------------------------------- */

static int need_organizer(struct ctx *c, enum ical_method m, struct err *e)
{
	if (m != ICAL_PUBLISH && !c->cfg->organizer_email[0])
		return err_set(e, ERR_CONFIG,
		               "--method %s needs an organizer: set organizer_email (and "
		               "organizer_name) in the [export] section of the config",
		               method_names[m]);
	return 0;
}

static int exists(struct ctx *c, const char *entity, int64_t id, struct record *r, struct err *e)
{
	return record_get(c, entity_find(entity), id, r, e);
}

/* Who a person's or an organization's file is for. */
struct party {
	struct record rec;
	struct invitee inv;
	bool loaded;
};

static int load_party(struct ctx *c, const struct ical_export_opts *o, struct party *p,
                      struct err *e)
{
	memset(p, 0, sizeof *p);
	if (o->scope == ICAL_PERSON) {
		if (exists(c, "person", o->person, &p->rec, e) < 0)
			return -1;
		p->inv.name = record_text(&p->rec, "name");
		p->inv.email = record_text(&p->rec, "email");
		p->inv.confidential = record_int(&p->rec, "confidential") != 0;
		p->inv.person = o->person;
	} else {
		if (exists(c, "org", o->org, &p->rec, e) < 0)
			return -1;
		p->inv.name = record_text(&p->rec, "contact_name");
		if (!p->inv.name || !p->inv.name[0])
			p->inv.name = record_text(&p->rec, "name");
		p->inv.email = record_text(&p->rec, "email");
	}
	p->loaded = true;
	return 0;
}

static void calendar_for(const struct ical_export_opts *o, const struct invitee *inv,
                         struct calendar *cal)
{
	memset(cal, 0, sizeof *cal);
	cal->scope = o->scope;
	cal->method = o->method;
	switch (o->scope) {
	case ICAL_AGENDA:
	case ICAL_SHIFTS:
		cal->src[0].q = o->scope == ICAL_AGENDA ? ICAL_Q_AGENDA : ICAL_Q_SHIFTS;
		cal->src[0].key = o->event;
		cal->nsrc = 1;
		break;
	case ICAL_PERSON:
		cal->src[0].q = ICAL_Q_PERSON_SHIFTS;
		cal->src[1].q = ICAL_Q_PERSON_SESSIONS;
		cal->src[2].q = ICAL_Q_PERSON_SIGNUPS;
		cal->src[0].key = cal->src[1].key = cal->src[2].key = o->person;
		cal->src[0].event = cal->src[1].event = cal->src[2].event = o->event;
		cal->nsrc = 3;
		cal->invitee = inv;
		cal->alarms = true;
		break;
	case ICAL_ORG:
		cal->src[0].q = ICAL_Q_ORG_BOOTHS;
		cal->src[0].key = o->org;
		cal->nsrc = 1;
		cal->invitee = inv;
		cal->alarms = true;
		break;
	}
}

static int nothing(const struct ical_export_opts *o, struct err *e)
{
	switch (o->scope) {
	case ICAL_AGENDA:
		return err_set(e, ERR_NOT_FOUND,
		               "nothing to export: event %" PRId64 " has no sessions", o->event);
	case ICAL_SHIFTS:
		return err_set(e, ERR_NOT_FOUND,
		               "nothing to export: event %" PRId64 " has no shifts", o->event);
	case ICAL_PERSON:
		if (o->event)
			return err_set(e, ERR_NOT_FOUND,
			               "nothing to export: person %" PRId64
			               " has no shifts or sessions in event %" PRId64,
			               o->person, o->event);
		return err_set(e, ERR_NOT_FOUND,
		               "nothing to export: person %" PRId64 " has no shifts or sessions",
		               o->person);
	case ICAL_ORG:
		break;
	}
	return err_set(e, ERR_NOT_FOUND, "nothing to export: org %" PRId64 " has no booths",
	               o->org);
}

/* Invitations and cancellations carry addresses: say who sent them. */
static int audit_export(struct ctx *c, const char *entity, int64_t id, const char *what,
                        enum ical_method m, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	if (audit_log(c, "export", entity, id, e, "export ics --%s %" PRId64 "%s (%s)", entity, id,
	              what, method_names[m]) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

/* An invitation or a cancellation is one iTIP object, and RFC 5546
 * (sections 3.2.2 and 3.2.5) gives every component of it the same UID. */
static int one_uid(struct ctx *c, const struct ical_export_opts *o, const struct calendar *cal,
                   struct err *e)
{
	size_t n;
	if (count_rows(c, cal, &n, e) < 0)
		return -1;
	if (n == 0)
		return nothing(o, e);
	if (n == 1)
		return 0;
	return err_set(e, ERR_USAGE,
	               "export ics: METHOD:%s carries one UID (RFC 5546) and this calendar holds "
	               "%zu; write one file per person and UID with --event ID --per-person DIR "
	               "--method %s, or leave out --method for one file (PUBLISH)",
	               o->method == ICAL_CANCEL ? "CANCEL" : "REQUEST", n, method_names[o->method]);
}

int ical_export(struct ctx *c, const struct ical_export_opts *o, FILE *out, size_t *nevents,
                struct err *e)
{
	struct record ev;
	struct party party = {0};
	size_t n = 0;
	if (nevents)
		*nevents = 0;
	if (need_organizer(c, o->method, e) < 0)
		return -1;
	if (o->event) {
		if (exists(c, "event", o->event, &ev, e) < 0)
			return -1;
		record_free(&ev);
	}
	if ((o->scope == ICAL_PERSON || o->scope == ICAL_ORG) && load_party(c, o, &party, e) < 0)
		return -1;
	struct calendar cal;
	calendar_for(o, &party.inv, &cal);
	int ret = 0;
	if (o->method != ICAL_PUBLISH) {
		const char *entity = o->scope == ICAL_PERSON ? "person"
		                     : o->scope == ICAL_ORG  ? "org"
		                                             : "event";
		int64_t id = o->scope == ICAL_PERSON ? o->person
		             : o->scope == ICAL_ORG  ? o->org
		                                     : o->event;
		ret = one_uid(c, o, &cal, e);
		if (ret == 0)
			ret =
			    audit_export(c, entity, id, o->scope == ICAL_SHIFTS ? " --shifts" : "",
			                 o->method, e);
	}
	struct sent_list sent = {0};
	bool began = false;
	if (ret == 0)
		ret = ical_store_read_begin(c->db, &began, e);
	if (ret == 0) {
		if (o->method == ICAL_PUBLISH) {
			struct zone_cache cache = {0};
			ret = write_calendar(c, &cal, &cache, out, &n, e);
			zone_cache_free(&cache);
		} else {
			ret = write_itip_calendar(c, &cal, out, &n, &sent, e);
		}
		ical_store_read_end(c->db, began);
	}
	if (ret == 0)
		ret = record_sent(c, &sent, e);
	free(sent.v);
	if (party.loaded)
		record_free(&party.rec);
	if (nevents)
		*nevents = n;
	if (ret == 1)
		return nothing(o, e);
	return ret;
}

/* ---- one file per person ------------------------------------------------- */

struct per_person {
	struct ctx *c;
	int64_t event;
	enum ical_method method;
	const char *dir;
	FILE *index;
	size_t nfiles, people, skipped;
	struct zone_cache zones;
	struct sent_list sent;
	struct err *e;
};

/* A TSV cell: no tab or line break. */
static void tsv_cell(FILE *f, const char *s, const char *end)
{
	char *clean = ical_out_clean(s, true);
	fputs(clean, f);
	fputs(end, f);
	free(clean);
}

static void index_person(struct per_person *pp, const struct ical_store_person *p)
{
	fprintf(pp->index, "%" PRId64 "\t", p->id);
	tsv_cell(pp->index, p->confidential ? CONFIDENTIAL : p->name, "\t");
	tsv_cell(pp->index, p->email ? p->email : "", "\t");
}

/* The calendar of a person's file: the event itself first, so everyone's
 * file says when and where, then their shifts and talks. */
static void person_calendar(const struct per_person *pp, const struct ical_store_person *p,
                            const struct invitee *inv, struct calendar *cal)
{
	struct ical_export_opts o = {
	    .scope = ICAL_PERSON, .method = pp->method, .event = pp->event, .person = p->id};
	calendar_for(&o, inv, cal);
	memmove(&cal->src[1], &cal->src[0], cal->nsrc * sizeof cal->src[0]);
	cal->src[0].q = ICAL_Q_EVENT;
	cal->src[0].key = pp->event;
	cal->src[0].event = 0;
	cal->nsrc++;
	cal->event_category = p->role;
}

/* PUBLISH: one file holding everything of the person. */
static int person_schedule(struct per_person *pp, const struct ical_store_person *p,
                           const struct calendar *cal)
{
	char name[64];
	snprintf(name, sizeof name, "person-%" PRId64 ".ics", p->id);
	struct outfile of;
	if (outfile_open_in(&of, pp->dir, name, 0600, pp->e) < 0)
		return -1;
	size_t n = 0;
	int ret = write_calendar(pp->c, cal, &pp->zones, of.f, &n, pp->e);
	if (ret == 1) /* the event row is read in the same snapshot: never */
		ret = err_set(pp->e, ERR_NOT_FOUND, "event %" PRId64 " is gone", pp->event);
	if (ret < 0) {
		outfile_abort(&of);
		return -1;
	}
	if (outfile_commit(&of, pp->e) < 0)
		return -1;
	index_person(pp, p);
	tsv_cell(pp->index, name, "\t");
	fprintf(pp->index, "%zu\n", n);
	pp->nfiles++;
	return 0;
}

/* One invitation or cancellation file of one person. */
struct person_object {
	struct per_person *pp;
	const struct ical_store_person *p;
	struct writer w;
};

static int person_object(void *arg, const struct ical_store_item *it)
{
	static const char *const kinds[] = {[ICAL_ITEM_SESSION] = "session",
	                                    [ICAL_ITEM_SHIFT] = "shift",
	                                    [ICAL_ITEM_BOOTH] = "booth",
	                                    [ICAL_ITEM_EVENT] = "event"};
	struct person_object *po = arg;
	struct per_person *pp = po->pp;
	char name[96];
	snprintf(name, sizeof name, "person-%" PRId64 "-%s-%" PRId64 ".ics", po->p->id,
	         kinds[it->kind], it->id);
	struct outfile of;
	if (outfile_open_in(&of, pp->dir, name, 0600, pp->e) < 0)
		return -1;
	ical_out_init(&po->w.out, of.f);
	enum ical_method m;
	int64_t seq;
	int ret = write_object(&po->w, it, pp->method, &m, &seq);
	ical_out_free(&po->w.out);
	if (ret == 0 && (fflush(of.f) != 0 || ferror(of.f)))
		ret = err_set(pp->e, ERR_INPUT, "writing %s failed: %s", name, strerror(errno));
	if (ret < 0) {
		outfile_abort(&of);
		return -1;
	}
	if (outfile_commit(&of, pp->e) < 0)
		return -1;
	index_person(pp, po->p);
	tsv_cell(pp->index, name, "\t");
	tsv_cell(pp->index, it->uid, "\t");
	fprintf(pp->index, "%s\t%" PRId64 "\n", m == ICAL_CANCEL ? "CANCEL" : "REQUEST", seq);
	pp->nfiles++;
	return 0;
}

/* REQUEST or CANCEL: one file for each UID of the person's (RFC 5546 gives
 * an iTIP object one UID), whose only ATTENDEE is the person. */
static int person_objects(struct per_person *pp, const struct ical_store_person *p,
                          const struct calendar *cal)
{
	if (!p->email || !p->email[0]) {
		pp->skipped++; /* an invitation needs an ATTENDEE */
		return 0;
	}
	struct person_object po = {.pp = pp,
	                           .p = p,
	                           .w = {.c = pp->c,
	                                 .cal = cal,
	                                 .cache = &pp->zones,
	                                 .sent = &pp->sent,
	                                 .now = clock_now(pp->c->clock),
	                                 .e = pp->e}};
	for (size_t i = 0; i < cal->nsrc; i++)
		if (ical_store_items(pp->c->db, cal->src[i].q, cal->src[i].key, cal->src[i].event,
		                     person_object, &po, pp->e) != 0)
			return -1;
	return 0;
}

static int one_person(void *arg, const struct ical_store_person *p)
{
	struct per_person *pp = arg;
	struct invitee inv = {p->name, p->email, p->confidential, p->id};
	struct calendar cal;
	person_calendar(pp, p, &inv, &cal);
	pp->people++;
	if (pp->method == ICAL_PUBLISH)
		return person_schedule(pp, p, &cal);
	return person_objects(pp, p, &cal);
}

int ical_export_per_person(struct ctx *c, int64_t event, enum ical_method method, const char *dir,
                           struct ical_per_person_result *r, struct err *e)
{
	struct record ev;
	memset(r, 0, sizeof *r);
	if (need_organizer(c, method, e) < 0 || exists(c, "event", event, &ev, e) < 0)
		return -1;
	record_free(&ev);
	if (outfile_private_dir(dir, e) < 0 ||
	    audit_export(c, "event", event, " --per-person", method, e) < 0)
		return -1;
	struct outfile of;
	if (outfile_open_in(&of, dir, "index.tsv", 0600, e) < 0)
		return -1;
	FILE *index = of.f;
	fputs(method == ICAL_PUBLISH ? "id\tname\temail\tfile\tevents\n"
	                             : "id\tname\temail\tfile\tuid\tmethod\tsequence\n",
	      index);
	struct per_person pp = {
	    .c = c, .event = event, .method = method, .dir = dir, .index = index, .e = e};
	bool began = false;
	int ret = ical_store_read_begin(c->db, &began, e);
	if (ret == 0) {
		ret = ical_store_event_people(c->db, event, one_person, &pp, e);
		ical_store_read_end(c->db, began);
	}
	zone_cache_free(&pp.zones);
	if (ret < 0)
		outfile_abort(&of);
	else if (outfile_commit(&of, e) < 0)
		ret = -1;
	if (ret == 0)
		ret = record_sent(c, &pp.sent, e);
	free(pp.sent.v);
	r->files = pp.nfiles;
	r->people = pp.people;
	r->skipped = pp.skipped;
	return ret < 0 ? -1 : 0;
}

/* ---- one object for one person (mail) ---------------------------------- */

struct ical_objects {
	struct ctx *c;
	struct zone_cache zones;
};

struct ical_objects *ical_objects_new(struct ctx *c)
{
	struct ical_objects *o = xcalloc(1, sizeof *o);
	o->c = c;
	return o;
}

void ical_objects_free(struct ical_objects *o)
{
	if (!o)
		return;
	zone_cache_free(&o->zones);
	free(o);
}

int ical_objects_write(struct ical_objects *o, const struct ical_store_item *it, enum ical_method m,
                       int64_t seq, const struct ical_attendee *to, FILE *out, struct err *e)
{
	struct invitee inv = {to->name, to->email, to->confidential, to->person};
	struct calendar cal = {.scope = ICAL_PERSON, .method = m, .invitee = &inv, .alarms = true};
	struct writer w = {
	    .c = o->c, .cal = &cal, .cache = &o->zones, .now = clock_now(o->c->clock), .e = e};
	struct crowd nobody = {0}; /* no speakers named: the message names only its reader */
	ical_out_init(&w.out, out);
	write_one(&w, it, &nobody, m, seq);
	ical_out_free(&w.out);
	if (w.out.failed || fflush(out) != 0 || ferror(out))
		return err_set(e, ERR_INPUT, "writing the calendar failed: %s", strerror(errno));
	return 0;
}

char *ical_export_summary(const struct ical_store_item *it)
{
	struct calendar cal = {.scope = ICAL_PERSON};
	struct writer w = {.cal = &cal};
	return summary_of(&w, it);
}

char *ical_export_location(const struct ical_store_item *it)
{
	return location_of(it);
}
