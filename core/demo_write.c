/* demo_write.c - the demo's writer: each planned row in storage form (a row
 * of columns for its entity), written through record_write (the small set:
 * every rule and audit applies) or the bulk inserts of db/demo_store.c (the
 * large set). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/demo_store.h"
#include "../db/record_store.h"
#include "demo_internal.h"
#include "entity.h"
#include "schedule.h"

/* ---- rows: the plan in storage form -------------------------------------- */

#define ROW_MAX 16

struct row {
	size_t n;
	const char *tz; /* the event zone of the row's times */
	const char *cols[ROW_MAX];
	struct db_value v[ROW_MAX];
	char dates[2][12];
	int ndates;
	char uid[37];
};

static void put_int(struct row *r, const char *col, int64_t v)
{
	r->cols[r->n] = col;
	r->v[r->n++] = db_int(v);
}

static void put_text(struct row *r, const char *col, const char *s)
{
	r->cols[r->n] = col;
	r->v[r->n++] = db_text(s);
}

/* A reference to a written row; 0 (no row) is NULL. */
static void put_ref(struct row *r, const char *col, int64_t id)
{
	r->cols[r->n] = col;
	r->v[r->n++] = id ? db_int(id) : db_null();
}

static void put_date(struct row *r, const char *col, int32_t ymd)
{
	char *buf = r->dates[r->ndates++];
	snprintf(buf, sizeof r->dates[0], "%04d-%02d-%02d", (int)(ymd / 10000),
	         (int)(ymd / 100 % 100), (int)(ymd % 100));
	put_text(r, col, ymd ? buf : NULL);
}

static void put_uid(struct row *r)
{
	schedule_new_uid(r->uid);
	put_text(r, "uid", r->uid);
	put_int(r, "sequence", 0);
}

/* The id plan row i of rows got when written (0 for index -1). */
#define ID_OF(rows, i) ((i) < 0 ? 0 : (rows).v[i].id)

#define ORG_ID(p, i)     ID_OF((p)->orgs, i)
#define PERSON_ID(p, i)  ID_OF((p)->people, i)
#define EVENT_ID(p, i)   ID_OF((p)->events, i)
#define ROOM_ID(p, i)    ID_OF((p)->rooms, i)
#define SESSION_ID(p, i) ID_OF((p)->sessions, i)
#define BOOTH_ID(p, i)   ID_OF((p)->booths, i)
#define ROLE_ID(p, i)    ID_OF((p)->roles, i)
#define SHIFT_ID(p, i)   ID_OF((p)->shifts, i)
#define SKILL_ID(p, i)   ID_OF((p)->skills, i)

struct emit_ctx {
	const struct plan *p;
	int64_t now;
};

static void emit_org(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_org *o = ORG(x->p, i);
	put_text(r, "name", o->name);
	put_text(r, "sector", o->sector);
	put_text(r, "contact_name", o->contact);
	put_text(r, "email", o->email);
	put_text(r, "phone", o->phone);
	put_text(r, "website", o->website);
	put_text(r, "notes", o->notes);
}

static void emit_skill(const struct emit_ctx *x, size_t i, struct row *r)
{
	put_text(r, "name", x->p->skills.v[i].name);
}

static void emit_person(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_person *h = PERSON(x->p, i);
	put_text(r, "name", h->name);
	put_text(r, "email", h->email);
	put_text(r, "phone", h->phone[0] ? h->phone : NULL);
	put_ref(r, "org", ORG_ID(x->p, h->org));
	put_date(r, "birth_date", h->birth);
	put_int(r, "confidential", h->confidential);
	put_text(r, "volunteer_code", h->code);
	put_text(r, "notes", h->notes);
}

static void emit_person_skill(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_pskill *s = &x->p->pskills.v[i];
	put_ref(r, "person", PERSON_ID(x->p, s->person));
	put_ref(r, "skill", SKILL_ID(x->p, s->skill));
	put_date(r, "expires", s->expires);
}

static void emit_event(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_event *ev = EVENT(x->p, i);
	r->tz = ev->tz;
	put_text(r, "name", ev->name);
	put_int(r, "starts", ev->starts);
	put_int(r, "ends", ev->ends);
	put_text(r, "tz", ev->tz);
	put_text(r, "venue", ev->venue);
	put_text(r, "address", ev->address);
	put_text(r, "description", ev->description);
	put_text(r, "status", ev->status);
	put_int(r, "capacity", ev->capacity);
	put_ref(r, "host_org", ORG_ID(x->p, ev->host));
	put_int(r, "setup_starts", ev->setup);
	put_int(r, "teardown_ends", ev->teardown);
	put_uid(r);
}

static void emit_room(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_room *m = ROOM(x->p, i);
	r->tz = EVENT(x->p, m->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, m->event));
	put_text(r, "name", m->name);
	put_int(r, "capacity", m->capacity);
	put_text(r, "kind", m->kind);
}

static void emit_session(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_session *s = SESSION(x->p, i);
	r->tz = EVENT(x->p, s->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, s->event));
	put_ref(r, "room", ROOM_ID(x->p, s->room));
	put_text(r, "title", s->title);
	put_text(r, "kind", s->kind);
	put_int(r, "starts", s->starts);
	put_int(r, "ends", s->ends);
	put_int(r, "capacity", s->capacity);
	put_text(r, "description", s->description);
	put_text(r, "status", s->status);
	put_uid(r);
}

static void emit_speaker(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_speaker *s = &x->p->speakers.v[i];
	put_ref(r, "session", SESSION_ID(x->p, s->session));
	put_ref(r, "person", PERSON_ID(x->p, s->person));
	put_text(r, "role", s->role);
}

static void emit_booth(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_booth *b = BOOTH(x->p, i);
	r->tz = EVENT(x->p, b->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, b->event));
	put_ref(r, "org", ORG_ID(x->p, b->org));
	put_text(r, "label", b->label);
	put_ref(r, "room", ROOM_ID(x->p, b->room));
	put_int(r, "starts", b->starts);
	put_int(r, "ends", b->ends);
	put_uid(r);
}

static void emit_registration(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_reg *g = &x->p->regs.v[i];
	r->tz = EVENT(x->p, g->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, g->event));
	put_ref(r, "person", PERSON_ID(x->p, g->person));
	put_text(r, "kind", g->kind);
	put_text(r, "status", "registered");
	put_int(r, "created_at", x->now);
}

static void emit_signup(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_signup *g = &x->p->signups.v[i];
	r->tz = EVENT(x->p, SESSION(x->p, g->session)->event)->tz;
	put_ref(r, "session", SESSION_ID(x->p, g->session));
	put_ref(r, "person", PERSON_ID(x->p, g->person));
	put_text(r, "status", g->position ? "waitlisted" : "registered");
	put_ref(r, "waitlist_position", g->position); /* 0, seated: NULL */
	put_int(r, "created_at", x->now);
}

static void emit_role(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_role *o = ROLE(x->p, i);
	put_ref(r, "event", EVENT_ID(x->p, o->event));
	put_text(r, "name", o->name);
	put_text(r, "description", o->description);
	put_ref(r, "skill", SKILL_ID(x->p, o->skill));
	put_int(r, "min_age", o->min_age);
	put_ref(r, "lead", PERSON_ID(x->p, o->lead));
}

static void emit_shift(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_shift *s = SHIFT(x->p, i);
	r->tz = EVENT(x->p, s->event)->tz;
	put_ref(r, "event", EVENT_ID(x->p, s->event));
	put_ref(r, "role", ROLE_ID(x->p, s->role));
	put_ref(r, "room", ROOM_ID(x->p, s->room));
	put_ref(r, "booth", BOOTH_ID(x->p, s->booth));
	put_int(r, "starts", s->starts);
	put_int(r, "ends", s->ends);
	put_int(r, "need_min", s->need_min);
	put_int(r, "need_max", s->need_max);
	put_text(r, "notes", s->notes);
	put_text(r, "status", "open");
	put_uid(r);
}

static void emit_availability(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_avail *a = AVAIL(x->p, i);
	r->tz = EVENT(x->p, a->event)->tz;
	put_ref(r, "person", PERSON_ID(x->p, a->person));
	put_ref(r, "event", EVENT_ID(x->p, a->event));
	put_int(r, "starts", a->starts);
	put_int(r, "ends", a->ends);
}

static void emit_assignment(const struct emit_ctx *x, size_t i, struct row *r)
{
	const struct p_assign *a = &x->p->assigns.v[i];
	r->tz = EVENT(x->p, SHIFT(x->p, a->shift)->event)->tz;
	put_ref(r, "shift", SHIFT_ID(x->p, a->shift));
	put_ref(r, "person", PERSON_ID(x->p, a->person));
	put_text(r, "status", a->status);
	put_text(r, "source", "coordinator");
	put_int(r, "created_at", x->now);
}

/* How many rows of one kind the plan holds, and where row i's id goes. */
#define PLAN_ROWS(rows)                                                                            \
	static size_t rows##_count(const struct plan *p)                                           \
	{                                                                                          \
		return p->rows.n;                                                                  \
	}                                                                                          \
	static int64_t *rows##_id(struct plan *p, size_t i)                                        \
	{                                                                                          \
		return &p->rows.v[i].id;                                                           \
	}
PLAN_ROWS(orgs)
PLAN_ROWS(skills)
PLAN_ROWS(people)
PLAN_ROWS(pskills)
PLAN_ROWS(events)
PLAN_ROWS(rooms)
PLAN_ROWS(sessions)
PLAN_ROWS(speakers)
PLAN_ROWS(booths)
PLAN_ROWS(regs)
PLAN_ROWS(signups)
PLAN_ROWS(roles)
PLAN_ROWS(shifts)
PLAN_ROWS(avails)
PLAN_ROWS(assigns)

#define ROWS(rows) .count = rows##_count, .id = rows##_id

/* Every entity in write order (referenced rows first), with its plan rows. */
static const struct table_def {
	const char *name;
	size_t (*count)(const struct plan *p);
	int64_t *(*id)(struct plan *p, size_t i);
	void (*emit)(const struct emit_ctx *x, size_t i, struct row *r);
} tables[] = {
    {.name = "org", ROWS(orgs), .emit = emit_org},
    {.name = "skill", ROWS(skills), .emit = emit_skill},
    {.name = "person", ROWS(people), .emit = emit_person},
    {.name = "person_skill", ROWS(pskills), .emit = emit_person_skill},
    {.name = "event", ROWS(events), .emit = emit_event},
    {.name = "room", ROWS(rooms), .emit = emit_room},
    {.name = "session", ROWS(sessions), .emit = emit_session},
    {.name = "speaker", ROWS(speakers), .emit = emit_speaker},
    {.name = "booth", ROWS(booths), .emit = emit_booth},
    {.name = "registration", ROWS(regs), .emit = emit_registration},
    {.name = "signup", ROWS(signups), .emit = emit_signup},
    {.name = "role", ROWS(roles), .emit = emit_role},
    {.name = "shift", ROWS(shifts), .emit = emit_shift},
    {.name = "availability", ROWS(avails), .emit = emit_availability},
    {.name = "assignment", ROWS(assigns), .emit = emit_assignment},
};

/* ---- writing: through record_write (small) or bulk inserts (large) ------- */

/* Why the demo's sessions may break a soft rule: the one that does is the
 * resource fair, a session in the booth area it names. */
#define DEMO_FAIR_REASON "demo: the resource fair is held among the booths"

struct writer {
	struct ctx *c;
	bool bulk;
	struct demo_insert *ins[ARRAY_LEN(tables)];
};

static int write_bulk(struct writer *w, size_t t, const struct row *r, int64_t *id, struct err *e)
{
	if (!w->ins[t] &&
	    demo_store_insert_prepare(w->c->db, tables[t].name, r->cols, r->n, &w->ins[t], e) < 0)
		return -1;
	return demo_store_insert_row(w->ins[t], r->v, id, e);
}

/* One row as a record, so defaults, uniqueness, the rules and the audit apply. */
static int write_record(struct writer *w, size_t t, const struct row *r, int64_t *id, struct err *e)
{
	struct record rec;
	record_init(&rec, entity_find(tables[t].name));
	for (size_t k = 0; k < r->n; k++) {
		if (r->v[k].kind == DBV_INT)
			record_set_int(&rec, r->cols[k], r->v[k].i);
		else if (r->v[k].kind == DBV_TEXT)
			record_set_text(&rec, r->cols[k], r->v[k].s);
	}
	snprintf(rec.tz, sizeof rec.tz, "%s", r->tz ? r->tz : "");
	/* the resource fair is held on the booth floor, on purpose */
	const char *had = w->c->override_reason;
	if (strcmp(tables[t].name, "session") == 0)
		w->c->override_reason = DEMO_FAIR_REASON;
	int ret = record_write(w->c, &rec, 0, e);
	w->c->override_reason = had;
	*id = rec.id;
	record_free(&rec);
	return ret;
}

static int write_plan(struct writer *w, struct plan *p, struct err *e)
{
	struct emit_ctx x = {p, clock_now(w->c->clock)};
	for (size_t t = 0; t < ARRAY_LEN(tables); t++) {
		size_t n = tables[t].count(p);
		for (size_t i = 0; i < n; i++) {
			struct row r;
			r.n = 0;
			r.tz = NULL;
			r.ndates = 0;
			tables[t].emit(&x, i, &r);
			int64_t *id = tables[t].id(p, i);
			int ret =
			    w->bulk ? write_bulk(w, t, &r, id, e) : write_record(w, t, &r, id, e);
			if (ret < 0) {
				err_prefix(e, "demo: %s %zu", tables[t].name, i + 1);
				return -1;
			}
		}
	}
	return 0;
}

static void writer_free(struct writer *w)
{
	for (size_t t = 0; t < ARRAY_LEN(tables); t++)
		demo_store_insert_free(w->ins[t]);
}

int demo_write(struct ctx *c, struct plan *p, bool bulk, struct err *e)
{
	struct writer w = {.c = c, .bulk = bulk};
	int ret = write_plan(&w, p, e);
	writer_free(&w);
	return ret;
}
