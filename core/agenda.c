/* agenda.c - rules 3 and 4 on the writes of sessions, booths, events and
 * rooms; a session's speakers against their shifts (rule 6). */
#include "agenda.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eligibility.h"
#include "registration.h"
#include "text_is.h"

static bool cancelled(const struct record *r)
{
	return text_is(record_text(r, "status"), "cancelled");
}

/* A room of another event is refused. */
static int room_in_event(struct ctx *c, int64_t room, const struct rs_event *ev, char *name,
                         size_t n, struct verdict *v, struct err *e)
{
	int64_t of;
	char msg[RULE_MSG_MAX];
	name[0] = '\0';
	if (!room)
		return 0;
	if (rules_store_room_event(c->db, room, &of, name, n, e) < 0)
		return -1;
	if (of != ev->id) {
		snprintf(msg, sizeof msg, "room %" PRId64 " (%s) belongs to another event, not %s",
		         room, name, ev->name);
		verdict_add(v, RULE_HARD, msg);
	}
	return 0;
}

static void in_span(const struct ctx *c, const struct rs_event *ev, const char *what,
                    int64_t starts, int64_t ends, struct verdict *v)
{
	struct rules_fmt f;
	char msg[RULE_MSG_MAX];
	struct rules_slot item = {what, starts, ends};
	eligibility_event_fmt(c, ev, &f);
	verdict_add(
	    v, rules_in_span(&f, &item, ev->name, ev->span_starts, ev->span_ends, msg, sizeof msg),
	    msg);
}

/* A clash with what holds a room or a booth: the slot held and the one
 * wanted, told in the event's times. */
struct clash {
	struct rules_fmt f;
	struct rules_slot held, want;
};

static struct clash clash_of(const struct ctx *c, const struct rs_event *ev,
                             const struct rs_slot *held, int64_t starts, int64_t ends)
{
	struct clash k = {.held = eligibility_stored_slot(held),
	                  .want = {.starts = starts, .ends = ends}};
	eligibility_event_fmt(c, ev, &k.f);
	return k;
}

int agenda_speaker_busy(struct ctx *c, const struct rs_event *ev, int64_t person,
                        const struct rules_slot *talk, struct verdict *v, struct err *e)
{
	struct rules_fmt f;
	struct rs_person p;
	struct rs_slots shifts = {0};
	eligibility_event_fmt(c, ev, &f);
	if (rules_store_person(c->db, person, &p, e) < 0 ||
	    rules_store_person_shifts(c->db, p.id, talk->starts, talk->ends, 0, &shifts, e) < 0) {
		rs_slots_free(&shifts);
		return -1;
	}
	for (size_t k = 0; k < shifts.n; k++) {
		char msg[RULE_MSG_MAX];
		struct rules_slot w = eligibility_stored_slot(&shifts.v[k]);
		verdict_add(v, rules_speaker_busy(&f, p.name, talk, &w, msg, sizeof msg), msg);
	}
	rs_slots_free(&shifts);
	return 0;
}

/* Rule 6 for a session that moves: its speakers' shifts during it. */
static int speakers_free(struct ctx *c, const struct rs_event *ev, const struct record *r,
                         struct verdict *v, struct err *e)
{
	struct rs_pair *pairs;
	size_t n;
	struct rules_slot talk = {record_text(r, "title"), record_int(r, "starts"),
	                          record_int(r, "ends")};
	if (rules_store_pairs(c->db, RS_PAIRS_SESSION, r->id, 0, &pairs, &n, e) < 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; i < n && ret == 0; i++)
		ret = agenda_speaker_busy(c, ev, pairs[i].person, &talk, v, e);
	free(pairs);
	return ret;
}

/* A session placed in a booth area: a warning the lead may override. */
static int booth_area(struct ctx *c, const struct record *r, const char *room, struct verdict *v,
                      struct err *e)
{
	char kind[32], msg[RULE_MSG_MAX];
	if (rules_store_room_kind(c->db, record_int(r, "room"), kind, sizeof kind, e) < 0)
		return -1;
	verdict_add(
	    v, rules_session_in_booth_area(room, kind, record_text(r, "title"), msg, sizeof msg),
	    msg);
	return 0;
}

int agenda_session_validate(struct ctx *c, struct record *r, const struct record *old,
                            struct err *e)
{
	struct rs_event ev;
	struct verdict v;
	char room[RS_NAME], what[RS_NAME + 16], msg[RULE_MSG_MAX];
	int64_t starts = record_int(r, "starts"), ends = record_int(r, "ends");
	verdict_init(&v);
	if (rules_store_event(c->db, record_int(r, "event"), &ev, e) < 0 ||
	    room_in_event(c, record_int(r, "room"), &ev, room, sizeof room, &v, e) < 0)
		return -1;
	if (!cancelled(r)) {
		snprintf(what, sizeof what, "session \"%s\"", record_text(r, "title"));
		in_span(c, &ev, what, starts, ends, &v);
	}
	if (!cancelled(r) && record_int(r, "room")) {
		struct rs_slot held;
		bool found;
		if (rules_store_room_clash(c->db, record_int(r, "room"), starts, ends, r->id, &held,
		                           &found, e) < 0)
			return -1;
		if (found) {
			struct clash k = clash_of(c, &ev, &held, starts, ends);
			verdict_add(&v,
			            rules_room_clash(&k.f, room, &k.held, &k.want, msg, sizeof msg),
			            msg);
		}
	}
	if (!cancelled(r) && record_int(r, "room") &&
	    (!old || record_int(old, "room") != record_int(r, "room")) &&
	    booth_area(c, r, room, &v, e) < 0)
		return -1;
	bool moved = old && (record_int(old, "starts") != starts ||
	                     record_int(old, "ends") != ends || cancelled(old));
	if (!cancelled(r) && moved && speakers_free(c, &ev, r, &v, e) < 0)
		return -1;
	return eligibility_decide(c, &v, "session", r->id, e);
}

int agenda_booth_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	struct rs_event ev;
	struct verdict v;
	struct rs_slot held;
	bool found;
	char room[RS_NAME], what[RS_NAME + 8], msg[RULE_MSG_MAX];
	const char *label = record_text(r, "label");
	int64_t starts = record_int(r, "starts"), ends = record_int(r, "ends");
	verdict_init(&v);
	if (agenda_keeps_event(c, r, old, rules_store_booth_used_elsewhere, e) < 0)
		return -1;
	if (rules_store_event(c->db, record_int(r, "event"), &ev, e) < 0 ||
	    room_in_event(c, record_int(r, "room"), &ev, room, sizeof room, &v, e) < 0)
		return -1;
	snprintf(what, sizeof what, "booth %s", label);
	in_span(c, &ev, what, starts, ends, &v);
	if (rules_store_booth_clash(c->db, ev.id, label, record_int(r, "org"), starts, ends, r->id,
	                            &held, &found, e) < 0)
		return -1;
	if (found) {
		struct clash k = clash_of(c, &ev, &held, starts, ends);
		verdict_add(&v,
		            rules_booth_clash(&k.f, label, held.ref, &k.held, record_int(r, "org"),
		                              &k.want, msg, sizeof msg),
		            msg);
	}
	return eligibility_decide(c, &v, "booth", r->id, e);
}

int agenda_event_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (!old)
		return 0;
	int64_t span0 =
	    record_has(r, "setup_starts") ? record_int(r, "setup_starts") : record_int(r, "starts");
	int64_t span1 =
	    record_has(r, "teardown_ends") ? record_int(r, "teardown_ends") : record_int(r, "ends");
	struct rs_slot out;
	bool found;
	if (rules_store_outside_span(c->db, r->id, span0, span1, &out, &found, e) < 0)
		return -1;
	if (found) {
		struct rules_fmt f = {record_text(r, "tz"), c->cfg && c->cfg->time_12h};
		struct rules_slot item = eligibility_stored_slot(&out);
		char msg[RULE_MSG_MAX];
		rules_in_span(&f, &item, record_text(r, "name"), span0, span1, msg, sizeof msg);
		return err_set(e, ERR_REFUSED, "%s; move it first", msg);
	}
	return registration_event_validate(c, r, old, e);
}

int agenda_keeps_event(struct ctx *c, const struct record *r, const struct record *old,
                       agenda_used_fn used, struct err *e)
{
	char what[128];
	int64_t event = record_int(r, "event");
	if (!old || record_int(old, "event") == event)
		return 0;
	if (used(c->db, r->id, event, what, sizeof what, e) < 0)
		return -1;
	if (what[0])
		return err_set(e, ERR_REFUSED,
		               "%s %" PRId64 " (%s) is used by %s of its event; it cannot move "
		               "to event %" PRId64,
		               r->ent->name, r->id, record_text(r, r->ent->label), what, event);
	return 0;
}

int agenda_room_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	return agenda_keeps_event(c, r, old, rules_store_room_used_elsewhere, e);
}
