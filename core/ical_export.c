/* ical_export.c - calendars for SPEC section 8, built with libical one VEVENT
 * at a time from a row callback and written at once (core/ical_out.c folds
 * them), so 20,000 shifts take the memory of one. Who may appear where:
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
#include "outfile.h"
#include "xmalloc.h"

#define CONFIDENTIAL "Confidential"
#define MAX_SOURCES  3

/* Someone a calendar is addressed to (the person of a person's file, an
 * organization's contact). */
struct invitee {
	const char *name;
	const char *email;
	bool confidential;
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
};

struct writer {
	struct ctx *c;
	const struct calendar *cal;
	struct ical_out out;
	int64_t now;
	size_t nevents;
	struct err *e;
};

/* People of one row, gathered for its description and attendees. */
struct crowd {
	struct crowd_one {
		char *name, *email, *role;
		bool confidential;
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

struct zone_list {
	struct zone_span *v;
	size_t n, cap;
};

static int zone_add(void *arg, const char *tz, int64_t first, int64_t last)
{
	struct zone_list *z = arg;
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
	snprintf(z->v[z->n].tz, sizeof z->v[z->n].tz, "%s", tz);
	z->v[z->n].first = first;
	z->v[z->n++].last = last;
	return 0;
}

static int calendar_zones(struct ctx *c, const struct calendar *cal, struct zone_list *z,
                          struct err *e)
{
	for (size_t i = 0; i < cal->nsrc; i++)
		if (ical_store_zones(c->db, cal->src[i].q, cal->src[i].key, cal->src[i].event,
		                     zone_add, z, e) < 0)
			return -1;
	return 0;
}

/* ---- people of a row ----------------------------------------------------- */

static int crowd_add(void *arg, const struct ical_store_person *p)
{
	struct crowd *k = arg;
	XGROW(k->v, k->n, k->cap, 4);
	struct crowd_one *o = &k->v[k->n++];
	o->confidential = p->confidential;
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

static void add(icalcomponent *ev, icalproperty *p)
{
	icalcomponent_add_property(ev, p);
}

static void add_text(icalcomponent *ev, icalproperty *(*make)(const char *), const char *text,
                     bool one_line)
{
	char *clean = ical_out_clean(text, one_line);
	add(ev, make(clean));
	free(clean);
}

static icalproperty *time_prop(icalproperty *(*make)(struct icaltimetype), const char *tz,
                               int64_t t)
{
	if (ical_tz_is_utc(tz))
		return make(ical_tz_utc(t));
	icalproperty *p = make(ical_tz_local(tz, t));
	icalproperty_add_parameter(p, icalparameter_new_tzid(tz));
	return p;
}

/* STATUS: a cancellation, or the row's own (shifts: open is CONFIRMED). */
static icalproperty_status status_of(const struct writer *w, const struct ical_store_item *it)
{
	if (w->cal->method == ICAL_CANCEL || (it->status && strcmp(it->status, "cancelled") == 0))
		return ICAL_STATUS_CANCELLED;
	if (it->status && strcmp(it->status, "tentative") == 0)
		return ICAL_STATUS_TENTATIVE;
	return ICAL_STATUS_CONFIRMED;
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

/* The DESCRIPTION: the session's or role's text, then who speaks. */
static char *description_of(const struct ical_store_item *it, const struct crowd *k)
{
	char *d = NULL;
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

static icalproperty *attendee(const char *name, const char *email, bool rsvp)
{
	char *addr = ical_out_clean(email, true);
	char *uri = xasprintf("mailto:%s", addr);
	icalproperty *p = icalproperty_new_attendee(uri);
	free(uri);
	free(addr);
	char *cn = ical_out_clean(name, true);
	icalproperty_add_parameter(p, icalparameter_new_cn(cn));
	free(cn);
	icalproperty_add_parameter(p, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
	icalproperty_add_parameter(p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
	if (rsvp) {
		icalproperty_add_parameter(p,
		                           icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
	}
	return p;
}

static void add_people(const struct writer *w, icalcomponent *ev, const struct crowd *k)
{
	const struct config *cfg = w->c->cfg;
	if (cfg->organizer_email[0]) {
		char *addr = ical_out_clean(cfg->organizer_email, true);
		char *uri = xasprintf("mailto:%s", addr);
		icalproperty *p = icalproperty_new_organizer(uri);
		free(uri);
		free(addr);
		if (cfg->organizer_name[0]) {
			char *cn = ical_out_clean(cfg->organizer_name, true);
			icalproperty_add_parameter(p, icalparameter_new_cn(cn));
			free(cn);
		}
		add(ev, p);
	}
	if (w->cal->method == ICAL_PUBLISH)
		return;
	bool rsvp = w->cal->method == ICAL_REQUEST;
	const struct invitee *inv = w->cal->invitee;
	if (inv) {
		if (inv->email && inv->email[0])
			add(ev, attendee(inv->confidential ? CONFIDENTIAL : inv->name, inv->email,
			                 rsvp));
		return;
	}
	/* a shared file: confidential people are never listed (crowd_add kept
	 * no address for them) */
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].email)
			add(ev, attendee(k->v[i].name, k->v[i].email, rsvp));
}

static void add_alarm(const struct writer *w, icalcomponent *ev, const char *summary)
{
	int minutes = w->c->cfg->reminder_minutes;
	if (!w->cal->alarms || minutes <= 0 || w->cal->method == ICAL_CANCEL)
		return;
	icalcomponent *alarm = icalcomponent_new_valarm();
	icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
	struct icaltriggertype trig = {0};
	trig.time = icaltime_null_time();
	trig.duration = icaldurationtype_from_int(-60 * minutes);
	icalcomponent_add_property(alarm, icalproperty_new_trigger(trig));
	icalcomponent_add_property(alarm, icalproperty_new_description(summary));
	icalcomponent_add_component(ev, alarm);
}

static icalcomponent *vevent(struct writer *w, const struct ical_store_item *it,
                             const struct crowd *k)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	add_text(ev, icalproperty_new_uid, it->uid, true);
	add(ev, icalproperty_new_dtstamp(ical_tz_utc(w->now)));
	add(ev, icalproperty_new_sequence(
	            (int)(it->sequence + (w->cal->method == ICAL_CANCEL ? 1 : 0))));
	add(ev, time_prop(icalproperty_new_dtstart, it->tz, it->starts));
	add(ev, time_prop(icalproperty_new_dtend, it->tz, it->ends));
	char *summary = summary_of(w, it);
	char *clean_summary = ical_out_clean(summary, true);
	free(summary);
	add(ev, icalproperty_new_summary(clean_summary));
	char *loc = location_of(it);
	if (loc)
		add_text(ev, icalproperty_new_location, loc, true);
	free(loc);
	if (it->category && it->category[0]) {
		char *cat = ical_out_category(it->category);
		add(ev, icalproperty_new_categories(cat));
		free(cat);
	}
	icalproperty_status st = status_of(w, it);
	add(ev, icalproperty_new_status(st));
	if (w->c->cfg->include_descriptions) {
		char *d = description_of(it, k);
		if (d)
			add_text(ev, icalproperty_new_description, d, false);
		free(d);
	}
	add_people(w, ev, k);
	if (st != ICAL_STATUS_CANCELLED)
		add_alarm(w, ev, clean_summary);
	free(clean_summary);
	return ev;
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
	icalcomponent *ev = vevent(w, &own, &k);
	ical_out_component(&w->out, ev);
	icalcomponent_free(ev);
	crowd_free(&k);
	w->nevents++;
	return w->out.failed ? -1 : 0;
}

/* ---- one calendar -------------------------------------------------------- */

static void write_head(struct writer *w)
{
	static const icalproperty_method methods[] = {[ICAL_PUBLISH] = ICAL_METHOD_PUBLISH,
	                                              [ICAL_REQUEST] = ICAL_METHOD_REQUEST,
	                                              [ICAL_CANCEL] = ICAL_METHOD_CANCEL};
	icalproperty *props[] = {
	    icalproperty_new_prodid("-//muster//muster " MUSTER_VERSION "//EN"),
	    icalproperty_new_version("2.0"),
	    icalproperty_new_calscale("GREGORIAN"),
	    icalproperty_new_method(methods[w->cal->method]),
	};
	ical_out_line(&w->out, "BEGIN:VCALENDAR", 15);
	for (size_t i = 0; i < ARRAY_LEN(props); i++) {
		ical_out_property(&w->out, props[i]);
		icalproperty_free(props[i]);
	}
}

static void write_zones(struct writer *w, const struct zone_list *z)
{
	for (size_t i = 0; i < z->n; i++) {
		if (ical_tz_is_utc(z->v[i].tz))
			continue;
		icalcomponent *vtz = ical_tz_vtimezone(z->v[i].tz, z->v[i].first, z->v[i].last);
		ical_out_component(&w->out, vtz);
		icalcomponent_free(vtz);
	}
}

/* Write cal to f. Returns 0, 1 when it holds nothing (nothing written), or
 * -1 with e filled. */
static int write_calendar(struct ctx *c, const struct calendar *cal, FILE *f, size_t *nevents,
                          struct err *e)
{
	struct zone_list z = {0};
	if (calendar_zones(c, cal, &z, e) < 0) {
		free(z.v);
		return -1;
	}
	if (z.n == 0)
		return 1;
	struct writer w = {.c = c, .cal = cal, .now = clock_now(c->clock), .e = e};
	ical_out_init(&w.out, f);
	write_head(&w);
	write_zones(&w, &z);
	free(z.v);
	int ret = 0;
	for (size_t i = 0; i < cal->nsrc && ret == 0; i++)
		ret = ical_store_items(c->db, cal->src[i].q, cal->src[i].key, cal->src[i].event,
		                       write_item, &w, e);
	if (ret == 0)
		ical_out_line(&w.out, "END:VCALENDAR", 13);
	ical_out_free(&w.out);
	if (ret == 0 && (w.out.failed || fflush(f) != 0 || ferror(f)))
		ret = err_set(e, ERR_INPUT, "writing the calendar failed: %s", strerror(errno));
	else if (ret != 0 && w.out.failed)
		ret = err_set(e, ERR_INPUT, "writing the calendar failed: %s", strerror(errno));
	if (nevents)
		*nevents = w.nevents;
	return ret < 0 ? -1 : 0;
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
		cal->src[0].key = cal->src[1].key = o->person;
		cal->src[0].event = cal->src[1].event = o->event;
		cal->nsrc = 2;
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

int ical_export(struct ctx *c, const struct ical_export_opts *o, FILE *out, size_t *nevents,
                struct err *e)
{
	struct record ev;
	struct party party = {0};
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
	int ret = 0;
	if (o->method != ICAL_PUBLISH) {
		const char *entity = o->scope == ICAL_PERSON ? "person"
		                     : o->scope == ICAL_ORG  ? "org"
		                                             : "event";
		int64_t id = o->scope == ICAL_PERSON ? o->person
		             : o->scope == ICAL_ORG  ? o->org
		                                     : o->event;
		ret = audit_export(c, entity, id, o->scope == ICAL_SHIFTS ? " --shifts" : "",
		                   o->method, e);
	}
	struct calendar cal;
	calendar_for(o, &party.inv, &cal);
	bool began = false;
	if (ret == 0)
		ret = ical_store_read_begin(c->db, &began, e);
	if (ret == 0) {
		ret = write_calendar(c, &cal, out, nevents, e);
		ical_store_read_end(c->db, began);
	}
	if (party.loaded)
		record_free(&party.rec);
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
	size_t nfiles, people;
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

static int one_person(void *arg, const struct ical_store_person *p)
{
	struct per_person *pp = arg;
	struct invitee inv = {p->name, p->email, p->confidential};
	struct ical_export_opts o = {
	    .scope = ICAL_PERSON, .method = pp->method, .event = pp->event, .person = p->id};
	struct calendar cal;
	calendar_for(&o, &inv, &cal);
	/* the event itself first, so everyone's file says when and where */
	memmove(&cal.src[1], &cal.src[0], cal.nsrc * sizeof cal.src[0]);
	cal.src[0].q = ICAL_Q_EVENT;
	cal.src[0].key = pp->event;
	cal.src[0].event = 0;
	cal.nsrc++;
	cal.event_category = p->role;
	char name[64];
	snprintf(name, sizeof name, "person-%" PRId64 ".ics", p->id);
	struct outfile of;
	if (outfile_open_in(&of, pp->dir, name, 0600, pp->e) < 0)
		return -1;
	size_t n = 0;
	int ret = write_calendar(pp->c, &cal, of.f, &n, pp->e);
	if (ret == 1) /* the event row is read in the same snapshot: never */
		ret = err_set(pp->e, ERR_NOT_FOUND, "event %" PRId64 " is gone", pp->event);
	if (ret < 0) {
		outfile_abort(&of);
		return -1;
	}
	if (outfile_commit(&of, pp->e) < 0)
		return -1;
	pp->people++;
	fprintf(pp->index, "%" PRId64 "\t", p->id);
	tsv_cell(pp->index, p->confidential ? CONFIDENTIAL : p->name, "\t");
	tsv_cell(pp->index, p->email ? p->email : "", "\t");
	tsv_cell(pp->index, name, "\t");
	fprintf(pp->index, "%zu\n", n);
	pp->nfiles++;
	return 0;
}

int ical_export_per_person(struct ctx *c, int64_t event, enum ical_method method, const char *dir,
                           size_t *npeople, size_t *nfiles, struct err *e)
{
	struct record ev;
	*npeople = *nfiles = 0;
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
	fputs("id\tname\temail\tfile\tevents\n", index);
	struct per_person pp = {c, event, method, dir, index, 0, 0, e};
	bool began = false;
	int ret = ical_store_read_begin(c->db, &began, e);
	if (ret == 0) {
		ret = ical_store_event_people(c->db, event, one_person, &pp, e);
		ical_store_read_end(c->db, began);
	}
	if (ret < 0)
		outfile_abort(&of);
	else if (outfile_commit(&of, e) < 0)
		ret = -1;
	*nfiles = pp.nfiles;
	*npeople = pp.people;
	return ret < 0 ? -1 : 0;
}
