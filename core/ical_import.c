/* ical_import.c - `import sessions`: the file is checked line by line
 * (ical_scan.c, for messages with line numbers), parsed with libical, turned
 * into planned sessions, then written in one transaction through
 * record_write, so the session entity's own rules apply to every row. */
#define _DEFAULT_SOURCE /* fileno, strtok_r */
#include "ical_import.h"

#include <errno.h>
#include <inttypes.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../db/ical_store.h"
#include "audit.h"
#include "entity.h"
#include "ical_out.h"
#include "ical_scan.h"
#include "text_is.h"
#include "tz.h"
#include "xmalloc.h"

#define MAX_FILE  (64L * 1024 * 1024)
#define MAX_UID   255
#define MAX_TITLE 1000

/* One VEVENT, ready to write. */
struct planned {
	char *uid, *title, *location, *description;
	int64_t starts, ends, sequence;
	const char *status; /* tentative, confirmed, cancelled */
	const char *kind;   /* a session kind named by CATEGORIES, or NULL */
	const struct ical_scan_event *at;
};

struct importer {
	struct ctx *c;
	const char *path;
	int64_t event;
	char tz[64];
	char *venue;
	icalcomponent *root;
	bool cancel; /* METHOD:CANCEL */
	struct ical_import_result *r;
	struct err *e;
};

static int fail_at(struct importer *im, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail_at(struct importer *im, int line, const char *fmt, ...)
{
	char why[800];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	return err_set(im->e, ERR_INPUT, "%s:%d: %s", im->path, line, why);
}

static int read_file(const char *path, char **text, size_t *len, struct err *e)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f)
		return err_set(e, ERR_INPUT, "%s: %s", path, strerror(errno));
	if (fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return err_set(e, ERR_INPUT, "%s: not a regular file", path);
	}
	if (st.st_size > MAX_FILE) {
		fclose(f);
		return err_set(e, ERR_INPUT, "%s: larger than %ld MiB", path, MAX_FILE >> 20);
	}
	*text = xmalloc((size_t)st.st_size + 1);
	*len = fread(*text, 1, (size_t)st.st_size, f);
	(*text)[*len] = '\0';
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(*text);
		return err_set(e, ERR_INPUT, "%s: could not be read", path);
	}
	return 0;
}

/* ---- VEVENT to planned session ------------------------------------------- */

/* The zone a DATE-TIME is read in: the file's own VTIMEZONE for its TZID
 * (RFC 5545 section 3.2.19, even when the TZID is also a system zone name,
 * as vobject's TZID=EST for New York), else the system zone of that name,
 * else (floating) the event's zone. utc: a time written with Z. */
struct zone_ref {
	icaltimezone *file;
	const char *name;
	bool utc;
};

static void zone_of(struct importer *im, icalproperty *p, struct icaltimetype t, struct zone_ref *z)
{
	icalparameter *tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
	const char *tzid = tzp ? icalparameter_get_tzid(tzp) : NULL;
	z->utc = icaltime_is_utc(t);
	z->file = tzid ? icalcomponent_get_timezone(im->root, tzid) : NULL;
	z->name = tzid ? tzid : im->tz;
}

/* The UTC offset in force at instant t. */
static int zone_offset(const struct zone_ref *z, int64_t t)
{
	if (z->utc)
		return 0;
	if (z->file) {
		struct icaltimetype u =
		    icaltime_from_timet_with_zone((time_t)t, 0, icaltimezone_get_utc_timezone());
		return icaltimezone_get_utc_offset_of_utc_time(z->file, &u, NULL);
	}
	struct tz_local l;
	tz_local(z->name, t, &l);
	return l.utc_offset;
}

/* The instant whose wall time in z is naive (wall-clock seconds since 1970):
 * the earlier of two when the wall time occurs twice (RFC 5545 section
 * 3.3.5). A wall time skipped by a change (clocks springing forward) is
 * read with the offset before the change when gap_ok, else -1. */
static int zone_from_local(const struct zone_ref *z, int64_t naive, bool gap_ok, int64_t *out)
{
	int offs[3], n = 0;
	for (int k = -1; k <= 1; k++) {
		int o = zone_offset(z, naive + k * 129600);
		bool seen = false;
		for (int i = 0; i < n; i++)
			seen |= offs[i] == o;
		if (!seen)
			offs[n++] = o;
	}
	bool found = false;
	for (int i = 0; i < n; i++) {
		int64_t t = naive - offs[i];
		if (zone_offset(z, t) != offs[i] || (found && t >= *out))
			continue;
		*out = t;
		found = true;
	}
	if (!found && gap_ok)
		*out = naive - offs[0];
	return found || gap_ok ? 0 : -1;
}

static int64_t naive_of(struct icaltimetype t)
{
	return tz_days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 +
	       t.second;
}

/* A DTSTART/DTEND as UTC seconds. */
static int instant(struct importer *im, icalproperty *p, int line, int64_t *out)
{
	struct icaltimetype t = icalvalue_get_datetime(icalproperty_get_value(p));
	struct zone_ref z;
	zone_of(im, p, t, &z);
	if (!z.utc && !z.file && !tz_valid(z.name))
		return fail_at(im, line, "%s: libical could not read the VTIMEZONE of \"%s\"",
		               icalproperty_kind_to_string(icalproperty_isa(p)), z.name);
	if (zone_from_local(&z, naive_of(t), false, out) == 0)
		return 0;
	return fail_at(im, line,
	               "%s: %04d-%02d-%02d %02d:%02d does not exist in %s (clocks spring forward)",
	               icalproperty_kind_to_string(icalproperty_isa(p)), t.year, t.month, t.day,
	               t.hour, t.minute, z.name);
}

/* DTSTART plus a DURATION (RFC 5545 section 3.3.6): weeks and days are
 * nominal (P1D from 10:00 ends at 10:00 the next day, across a change of
 * offset too), hours, minutes and seconds exact. */
static int64_t plus_duration(struct importer *im, icalproperty *start, int64_t starts,
                             struct icaldurationtype d)
{
	int64_t days = (int64_t)d.weeks * 7 + d.days;
	int64_t exact = (int64_t)d.hours * 3600 + d.minutes * 60 + d.seconds;
	struct icaltimetype t = icalvalue_get_datetime(icalproperty_get_value(start));
	struct zone_ref z;
	zone_of(im, start, t, &z);
	int64_t at = starts + days * 86400;
	if (days)
		zone_from_local(&z, naive_of(t) + days * 86400, true, &at);
	return at + exact;
}

/* A trimmed, cleaned copy of s; NULL when nothing is left. */
static char *tidy(const char *s, bool one_line)
{
	if (!s)
		return NULL;
	char *c = ical_out_clean(s, one_line);
	char *b = c;
	while (*b == ' ' || *b == '\t' || *b == '\n')
		b++;
	size_t n = strlen(b);
	while (n && (b[n - 1] == ' ' || b[n - 1] == '\t' || b[n - 1] == '\n'))
		n--;
	char *r = n ? xstrndup(b, n) : NULL;
	free(c);
	return r;
}

/* A session kind among the CATEGORIES values, if any. */
static const char *kind_of(icalcomponent *ev)
{
	const struct field_def *f =
	    &entity_find("session")->fields[entity_field_index(entity_find("session"), "kind")];
	for (icalproperty *p = icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY); p;
	     p = icalcomponent_get_next_property(ev, ICAL_CATEGORIES_PROPERTY)) {
		const char *v = icalproperty_get_categories(p);
		char *copy = xstrdup(v ? v : ""), *save = NULL;
		for (char *tok = strtok_r(copy, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			while (*tok == ' ')
				tok++;
			for (size_t i = 0; f->values[i]; i++)
				if (strcasecmp(tok, f->values[i]) == 0) {
					free(copy);
					return f->values[i];
				}
		}
		free(copy);
	}
	return NULL;
}

/* muster's own export ends a session's DESCRIPTION with a paragraph
 * "Speakers: ..."; it is not part of the description, so re-importing an
 * export leaves the session as it was. */
static void drop_speakers(char **d)
{
	static const char mark[] = "Speakers: ";
	if (!*d)
		return;
	char *at = strncmp(*d, mark, sizeof mark - 1) == 0 ? *d : NULL;
	for (char *p = strstr(*d, "\n\nSpeakers: "); p; p = strstr(p + 1, "\n\nSpeakers: "))
		at = p;
	if (!at || strchr(at + (at == *d ? 0 : 2), '\n'))
		return;
	*at = '\0';
	if (!**d) {
		free(*d);
		*d = NULL;
	}
}

static const char *status_of(struct importer *im, icalcomponent *ev)
{
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	icalproperty_status st = p ? icalproperty_get_status(p) : ICAL_STATUS_NONE;
	if (im->cancel || st == ICAL_STATUS_CANCELLED)
		return "cancelled";
	return st == ICAL_STATUS_TENTATIVE ? "tentative" : "confirmed";
}

static const char *text_prop(icalcomponent *ev, icalproperty_kind k)
{
	icalproperty *p = icalcomponent_get_first_property(ev, k);
	return p ? icalvalue_get_text(icalproperty_get_value(p)) : NULL;
}

/* What libical could not read (it leaves X-LIC-ERROR properties behind).
 * An empty value ("DESCRIPTION:") is allowed by RFC 5545 and written by
 * real calendar programs; libical drops such a property and that is fine:
 * the values a session needs were checked by the scan. */
static int libical_errors(struct importer *im, icalcomponent *c, const struct ical_scan_event *at)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
		const char *why = icalproperty_get_xlicerror(p);
		if (why && strncmp(why, "No value for ", 13) == 0)
			continue;
		char *clean = tidy(why ? why : "libical could not read it", true);
		char *cut = clean ? strstr(clean, ". Removing entire property") : NULL;
		if (cut) /* libical's own repair; here the whole file is refused */
			*cut = '\0';
		int line = at ? ical_scan_line_of(at, clean ? clean : "") : 1;
		fail_at(im, line, "%s", clean ? clean : "libical could not read it");
		free(clean);
		return -1;
	}
	return 0;
}

static int plan(struct importer *im, icalcomponent *ev, const struct ical_scan_event *at,
                struct planned *p)
{
	memset(p, 0, sizeof *p);
	p->at = at;
	if (libical_errors(im, ev, at) < 0)
		return -1;
	p->uid = tidy(text_prop(ev, ICAL_UID_PROPERTY), true);
	if (!p->uid || strlen(p->uid) > MAX_UID)
		return fail_at(im, at->uid, "UID: empty or longer than %d bytes", MAX_UID);
	p->title = tidy(text_prop(ev, ICAL_SUMMARY_PROPERTY), true);
	if (!p->title)
		return fail_at(im, at->summary, "SUMMARY: empty (a session needs a title)");
	if (strlen(p->title) > MAX_TITLE)
		return fail_at(im, at->summary, "SUMMARY: longer than %d bytes", MAX_TITLE);
	p->location = tidy(text_prop(ev, ICAL_LOCATION_PROPERTY), true);
	p->description = tidy(text_prop(ev, ICAL_DESCRIPTION_PROPERTY), false);
	drop_speakers(&p->description);
	p->status = status_of(im, ev);
	p->kind = kind_of(ev);
	icalproperty *seq = icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY);
	p->sequence =
	    seq && icalproperty_get_sequence(seq) > 0 ? icalproperty_get_sequence(seq) : 0;
	icalproperty *ds = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	if (instant(im, ds, at->dtstart, &p->starts) < 0)
		return -1;
	icalproperty *de = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	if (de) {
		if (instant(im, de, at->dtend, &p->ends) < 0)
			return -1;
	} else {
		icalproperty *du = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
		p->ends = plus_duration(im, ds, p->starts, icalproperty_get_duration(du));
	}
	if (p->ends <= p->starts)
		return fail_at(im, de ? at->dtend : at->duration, "%s is not after DTSTART",
		               de ? "DTEND" : "DURATION");
	return 0;
}

static void planned_free(struct planned *p)
{
	free(p->uid);
	free(p->title);
	free(p->location);
	free(p->description);
}

/* ---- writing ------------------------------------------------------------- */

/* The room a LOCATION names: an existing room of the event, the same with
 * the event's venue taken off the end ("Salon A, Harbor Hall" as muster
 * exports it), or a new room. */
static int room_for(struct importer *im, const char *location, int64_t *room)
{
	*room = 0;
	if (!location || (im->venue && strcasecmp(location, im->venue) == 0))
		return 0; /* the venue alone names no room */
	if (ical_store_room_by_name(im->c->db, im->event, location, room, im->e) < 0)
		return -1;
	if (*room)
		return 0;
	char *name = xstrdup(location);
	size_t n = strlen(name), v = im->venue ? strlen(im->venue) : 0;
	if (v && n > v + 2 && strcasecmp(name + n - v, im->venue) == 0 &&
	    strncmp(name + n - v - 2, ", ", 2) == 0) {
		name[n - v - 2] = '\0';
		if (ical_store_room_by_name(im->c->db, im->event, name, room, im->e) < 0) {
			free(name);
			return -1;
		}
	}
	int ret = 0;
	if (!*room) {
		struct record r;
		record_init(&r, entity_find("room"));
		record_set_int(&r, "event", im->event);
		record_set_text(&r, "name", name);
		record_set_int(&r, "capacity", 0);
		record_set_text(&r, "kind", "room");
		snprintf(r.tz, sizeof r.tz, "%s", im->tz);
		ret = record_write(im->c, &r, 0, im->e);
		*room = r.id;
		record_free(&r);
		if (ret == 0)
			im->r->rooms++;
	}
	free(name);
	return ret;
}

/* Set a field; true when its stored value changes. */
static bool put_int(struct record *r, const char *field, int64_t v)
{
	bool same = record_has(r, field) && record_int(r, field) == v;
	if (!same)
		record_set_int(r, field, v);
	return !same;
}

static bool put_text(struct record *r, const char *field, const char *v)
{
	const char *old = record_text(r, field);
	bool same = text_same(old, v);
	if (!same)
		record_set_text(r, field, v);
	return !same;
}

static int write_one(struct importer *im, const struct planned *p)
{
	const struct entity_def *ent = entity_find("session");
	int64_t id, other_event, room;
	struct err *e = im->e;
	if (ical_store_session_by_uid(im->c->db, p->uid, &id, &other_event, e) < 0)
		return -1;
	const char *kind;
	int64_t owner, owner_event;
	if (ical_store_uid_owner(im->c->db, p->uid, &kind, &owner, &owner_event, e) < 0)
		return -1;
	if (kind)
		return fail_at(im, p->at->uid,
		               "UID %s is %s %" PRId64 " of event %" PRId64
		               ", not a session: only sessions are imported (a %s export "
		               "cannot be read back as sessions)",
		               p->uid, kind, owner, owner_event,
		               strcmp(kind, "event") == 0 ? "per-person" : "staffing or booth");
	if (id && other_event != im->event)
		return fail_at(im, p->at->uid,
		               "UID %s is session %" PRId64 " of event %" PRId64
		               "; import it into that event",
		               p->uid, id, other_event);
	if (room_for(im, p->location, &room) < 0) {
		err_prefix(e, "%s:%d", im->path, p->at->location);
		return -1;
	}
	struct record r;
	if (id) {
		if (record_get(im->c, ent, id, &r, e) < 0)
			return -1;
	} else {
		record_init(&r, ent);
		record_set_int(&r, "event", im->event);
		record_set_text(&r, "uid", p->uid);
		record_set_int(&r, "sequence", p->sequence);
		record_set_text(&r, "kind", "general");
		record_set_int(&r, "capacity", 0);
	}
	snprintf(r.tz, sizeof r.tz, "%s", im->tz);
	bool changed = put_text(&r, "title", p->title);
	changed |= put_int(&r, "starts", p->starts);
	changed |= put_int(&r, "ends", p->ends);
	if (room)
		changed |= put_int(&r, "room", room);
	else if (record_has(&r, "room")) {
		record_set_text(&r, "room", NULL);
		changed = true;
	}
	changed |= put_text(&r, "status", p->status);
	changed |= put_text(&r, "description", p->description);
	if (p->kind)
		changed |= put_text(&r, "kind", p->kind);
	int ret = 0;
	if (id && !changed)
		im->r->unchanged++;
	else if ((ret = record_write(im->c, &r, 0, e)) == 0)
		id ? im->r->updated++ : im->r->added++;
	else
		err_prefix(e, "%s:%d", im->path, p->at->begin);
	record_free(&r);
	return ret;
}

/* ---- the whole file ------------------------------------------------------ */

static int load_event(struct importer *im)
{
	struct record ev;
	if (record_get(im->c, entity_find("event"), im->event, &ev, im->e) < 0)
		return -1;
	snprintf(im->tz, sizeof im->tz, "%s", record_text(&ev, "tz"));
	const char *venue = record_text(&ev, "venue");
	im->venue = venue && venue[0] ? xstrdup(venue) : NULL;
	record_free(&ev);
	return 0;
}

/* Plan every VEVENT (the i-th of libical is the i-th of the scan). */
static int plan_all(struct importer *im, const struct ical_scan *scan, struct planned *out)
{
	size_t i = 0;
	for (icalcomponent *ev = icalcomponent_get_first_component(im->root, ICAL_VEVENT_COMPONENT);
	     ev; ev = icalcomponent_get_next_component(im->root, ICAL_VEVENT_COMPONENT), i++) {
		if (i >= scan->nev)
			return fail_at(im, scan->last_line,
			               "libical read more VEVENTs than the file has");
		if (plan(im, ev, &scan->ev[i], &out[i]) < 0)
			return -1;
	}
	if (i != scan->nev)
		return fail_at(im, scan->ev[i].begin, "libical could not read this VEVENT");
	return 0;
}

static int write_all(struct importer *im, struct planned *v, size_t n)
{
	struct err *e = im->e;
	if (db_begin(im->c->db, e) < 0)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (write_one(im, &v[i]) < 0) {
			db_rollback(im->c->db);
			return -1;
		}
	const char *base = strrchr(im->path, '/');
	if (audit_log(im->c, "import", "event", im->event, e,
	              "import sessions %s: %zu added, %zu updated, %zu unchanged, %zu rooms added",
	              base ? base + 1 : im->path, im->r->added, im->r->updated, im->r->unchanged,
	              im->r->rooms) < 0) {
		db_rollback(im->c->db);
		return -1;
	}
	return db_commit(im->c->db, e);
}

/* "1 VTODO, 2 VJOURNAL" */
static void skipped_text(const struct ical_scan *scan, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < scan->nskipped && used < n; i++)
		used += (size_t)snprintf(buf + used, n - used, "%s%zu %s", i ? ", " : "",
		                         scan->skipped[i].n, scan->skipped[i].name);
	if (scan->skipped_other && used < n)
		snprintf(buf + used, n - used, ", %zu of other kinds", scan->skipped_other);
}

int ical_import_sessions(struct ctx *c, const char *path, int64_t event,
                         struct ical_import_result *r, struct err *e)
{
	struct importer im = {.c = c, .path = path, .event = event, .r = r, .e = e};
	memset(r, 0, sizeof *r);
	char *text = NULL;
	size_t len = 0;
	struct ical_scan scan;
	if (load_event(&im) < 0)
		return -1;
	if (read_file(path, &text, &len, e) < 0 || ical_scan(path, text, len, &scan, e) < 0) {
		free(text);
		free(im.venue);
		return -1;
	}
	skipped_text(&scan, r->skipped, sizeof r->skipped);
	if (scan.nev == 0) {
		err_set(e, ERR_INPUT, "%s: no VEVENT to import%s%s%s", path,
		        r->skipped[0] ? " (skipped: " : "", r->skipped, r->skipped[0] ? ")" : "");
		memset(r, 0, sizeof *r);
		ical_scan_free(&scan);
		free(text);
		free(im.venue);
		return -1;
	}
	int ret = -1;
	icalerror_set_errors_are_fatal(0);
	im.root = icalparser_parse_string(text);
	struct planned *v = xcalloc(scan.nev ? scan.nev : 1, sizeof *v);
	if (!im.root || icalcomponent_isa(im.root) != ICAL_VCALENDAR_COMPONENT)
		fail_at(&im, 1, "libical could not read the calendar");
	else if (libical_errors(&im, im.root, NULL) == 0) {
		icalproperty *m = icalcomponent_get_first_property(im.root, ICAL_METHOD_PROPERTY);
		im.cancel = m && icalproperty_get_method(m) == ICAL_METHOD_CANCEL;
		if (plan_all(&im, &scan, v) == 0)
			ret = write_all(&im, v, scan.nev);
	}
	for (size_t i = 0; i < scan.nev; i++)
		planned_free(&v[i]);
	free(v);
	if (im.root)
		icalcomponent_free(im.root);
	ical_scan_free(&scan);
	free(text);
	free(im.venue);
	if (ret < 0)
		memset(r, 0, sizeof *r);
	return ret;
}
