/* test_lead.c - leads and scopes (core/lead.h) on a small world written by
 * an admin, then opened again as each kind of lead (one connection each:
 * a lead's scope lives on its connection):
 *   - the permission function over every (role, entity, action), from a
 *     table that must name every entity;
 *   - every row of that world against each lead: seen (through the views
 *     every query reads) and changeable (the row check of every write);
 *   - contact details masked outside a lead's reach, confidential people
 *     absent without the right, and each sight by a coordinator with it
 *     audited;
 *   - writes through the core (add, set, rm, assign, register, pin,
 *     import, sign-ups, the door) refused outside the scope with one line
 *     naming the lead;
 *   - the first admin of a new database, and the lead entity's rules. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/array.h"
#include "../../core/autofill.h"
#include "../../core/door.h"
#include "../../core/entity.h"
#include "../../core/lead.h"
#include "../../core/mail_outbox.h"
#include "../../core/mail_send.h"
#include "../../core/page.h"
#include "../../core/people_csv.h"
#include "../../core/person.h"
#include "../../core/registration.h"
#include "../../core/signup.h"
#include "../../core/staffing.h"
#include "fixture.h"

/* Ids of the world, in the order setup adds them. */
enum { O1 = 1, O2, O3 };                   /* Safe Harbor, Task Force, unused */
enum { E1 = 1, E2 };                       /* Forum, Summit */
enum { M1 = 1, M2 };                       /* rooms of E1, E2 */
enum { SE1 = 1, SE2 };                     /* sessions of E1, E2 */
enum { B1 = 1, B2, B3 };                   /* booths: E1 O1, E1 O2, E2 O2 */
enum { K1 = 1 };                           /* a skill */
enum { R1 = 1, R2, R3 };                   /* Greeter E1, Booth E1, Greeter E2 */
enum { S1 = 1, S2, S3, S4 };               /* R1 M1, R2 B1, R3, R2 B2 */
enum { P1 = 1, P2, P3, P4, P5, P6, P7 };   /* see setup */
enum { RG1 = 1, RG2, RG3, RG4, RG5, RG6 }; /* registrations of P1..P6 */
enum { A1 = 1, A2, A3 };                   /* S1 P1, S2 P2, S4 P4 */
enum { G1 = 1, G2, G3, G4, G5 };           /* sign-ups: SE1 P1 P4 P5 P2, SE2 P3 */

struct world {
	char path[64];
	struct fixture fx;
	struct lead lead;
};

static struct world w;

#define NUM fixture_num

static int64_t add(const char *entity, ...)
{
	struct err e = {0};
	va_list ap;
	va_start(ap, entity);
	int64_t id = fixture_vadd(&w.fx.ctx, entity, &e, ap);
	va_end(ap);
	if (id < 0)
		fail_msg("add %s: %s", entity, e.msg);
	return id;
}

/*   P1 Ana  org O1, volunteer E1, on S1 (R1), skill K1
 *   P2 Bo   org O2, volunteer E1, on S2 (R2, O1's booth)
 *   P3 Cy   attendee of E2
 *   P4 Di   org O1, confidential, volunteer E1, on S4 (O2's booth)
 *   P5 Ed   volunteer E1, available in E1, on no shift
 *   P6 Fe   attendee of E1, speaks at SE1
 *   P7 Gus  nowhere
 * Sign-ups: Ana, Di, Ed and Bo for SE1; Cy for SE2.
 * Leads: adm admin, co coordinator E1, cc the same with the right, rl
 * role_lead R1, ol org_lead O1, vw viewer E1. */
static void build_world(void)
{
	static const char *const when[][2] = {{"2024-12-07 08:00", "2024-12-07 18:00"},
	                                      {"2024-12-14 08:00", "2024-12-14 18:00"}};
	add("org", "name", "Safe Harbor", "sector", "ngo", "email", "info@harbor.example", NULL);
	add("org", "name", "Task Force", "sector", "law_enforcement", NULL);
	add("org", "name", "Unused", NULL);
	for (int i = 0; i < 2; i++)
		add("event", "name", i ? "Summit" : "Forum", "starts", when[i][0], "ends",
		    when[i][1], "tz", "America/Chicago", NULL);
	add("room", "event", NUM(E1), "name", "Hall", NULL);
	add("room", "event", NUM(E2), "name", "Hall", NULL);
	add("session", "event", NUM(E1), "room", NUM(M1), "title", "Welcome", "starts",
	    "2024-12-07 09:00", "ends", "2024-12-07 10:00", NULL);
	add("session", "event", NUM(E2), "room", NUM(M2), "title", "Panel", "starts",
	    "2024-12-14 09:00", "ends", "2024-12-14 10:00", NULL);
	add("booth", "event", NUM(E1), "org", NUM(O1), "label", "A1", NULL);
	add("booth", "event", NUM(E1), "org", NUM(O2), "label", "A2", NULL);
	add("booth", "event", NUM(E2), "org", NUM(O2), "label", "A2", NULL);
	add("skill", "name", "First aid", NULL);
	add("role", "event", NUM(E1), "name", "Greeter", NULL);
	add("role", "event", NUM(E1), "name", "Booth support", NULL);
	add("role", "event", NUM(E2), "name", "Greeter", NULL);
	add("shift", "event", NUM(E1), "role", NUM(R1), "room", NUM(M1), "starts",
	    "2024-12-07 09:00", "ends", "2024-12-07 11:00", "need_max", "3", NULL);
	add("shift", "event", NUM(E1), "role", NUM(R2), "booth", NUM(B1), "starts",
	    "2024-12-07 12:00", "ends", "2024-12-07 14:00", "need_max", "3", NULL);
	add("shift", "event", NUM(E2), "role", NUM(R3), "starts", "2024-12-14 09:00", "ends",
	    "2024-12-14 11:00", NULL);
	add("shift", "event", NUM(E1), "role", NUM(R2), "booth", NUM(B2), "starts",
	    "2024-12-07 15:00", "ends", "2024-12-07 17:00", NULL);
	static const struct {
		const char *name, *org, *email, *confidential;
	} people[] = {
	    {"Ana", "1", "ana@example.org", "0"},  {"Bo", "2", "bo@example.org", "0"},
	    {"Cy", NULL, "cy@example.org", "0"},   {"Di", "1", "di@example.org", "1"},
	    {"Ed", NULL, "ed@example.org", "0"},   {"Fe", NULL, "fe@example.org", "0"},
	    {"Gus", NULL, "gus@example.org", "0"},
	};
	for (size_t i = 0; i < ARRAY_LEN(people); i++) {
		if (people[i].org)
			add("person", "name", people[i].name, "org", people[i].org, "email",
			    people[i].email, "confidential", people[i].confidential, "phone",
			    "555-0100", NULL);
		else
			add("person", "name", people[i].name, "email", people[i].email, "phone",
			    "555-0100", NULL);
	}
	static const struct {
		int event, person;
		const char *kind;
	} regs[] = {{E1, P1, "volunteer"}, {E1, P2, "volunteer"}, {E2, P3, "attendee"},
	            {E1, P4, "volunteer"}, {E1, P5, "volunteer"}, {E1, P6, "attendee"}};
	for (size_t i = 0; i < ARRAY_LEN(regs); i++)
		add("registration", "event", NUM(regs[i].event), "person", NUM(regs[i].person),
		    "kind", regs[i].kind, NULL);
	add("assignment", "shift", NUM(S1), "person", NUM(P1), NULL);
	add("assignment", "shift", NUM(S2), "person", NUM(P2), NULL);
	add("assignment", "shift", NUM(S4), "person", NUM(P4), NULL);
	add("speaker", "session", NUM(SE1), "person", NUM(P6), NULL);
	add("person_skill", "person", NUM(P1), "skill", NUM(K1), NULL);
	add("availability", "person", NUM(P5), "event", NUM(E1), "starts", "2024-12-07 08:00",
	    "ends", "2024-12-07 18:00", NULL);
	static const int signups[][2] = {{SE1, P1}, {SE1, P4}, {SE1, P5}, {SE1, P2}, {SE2, P3}};
	for (size_t i = 0; i < ARRAY_LEN(signups); i++)
		add("signup", "session", NUM(signups[i][0]), "person", NUM(signups[i][1]), NULL);
	add("lead", "login", "adm", "role", "admin", NULL);
	add("lead", "login", "co", "role", "coordinator", "event", NUM(E1), NULL);
	add("lead", "login", "cc", "role", "coordinator", "event", NUM(E1), "confidential", "1",
	    NULL);
	add("lead", "login", "rl", "role", "role_lead", "role_id", NUM(R1), NULL);
	add("lead", "login", "ol", "role", "org_lead", "org", NUM(O1), NULL);
	add("lead", "login", "vw", "role", "viewer", "event", NUM(E1), NULL);
}

static int setup(void **state)
{
	(void)state;
	snprintf(w.path, sizeof w.path, "/tmp/muster-lead-unit-XXXXXX");
	int fd = mkstemp(w.path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(w.path);
	if (fixture_open_file(&w.fx, FIXTURE_NOW, w.path) < 0)
		return -1;
	build_world();
	fixture_close(&w.fx);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char side[80];
	unlink(w.path);
	snprintf(side, sizeof side, "%s-wal", w.path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", w.path);
	unlink(side);
	return 0;
}

/* A connection to the world as login, its lead open. */
static struct ctx *as(const char *login)
{
	struct err e = {0};
	assert_int_equal(fixture_open_file(&w.fx, FIXTURE_NOW, w.path), 0);
	snprintf(w.fx.ctx.actor, sizeof w.fx.ctx.actor, "%s", login);
	if (lead_open(&w.fx.ctx, &w.lead, &e) < 0)
		fail_msg("lead_open %s: %s", login, e.msg);
	return &w.fx.ctx;
}

static void done(void)
{
	fixture_close(&w.fx);
	lead_close(&w.lead);
	w.fx.ctx.lead = NULL;
}

/* ---- the permission function over every (role, entity, action) ---------- */

static const char *const logins[LEAD_NROLES] = {[LEAD_ADMIN] = "adm",
                                                [LEAD_COORDINATOR] = "co",
                                                [LEAD_ROLE_LEAD] = "rl",
                                                [LEAD_ORG_LEAD] = "ol",
                                                [LEAD_VIEWER] = "vw"};

/* r see, a add, s change, x remove; per role in enum order. */
static const struct {
	const char *table;
	const char *acts[LEAD_NROLES];
} matrix[] = {
    /*                 admin   coordinator role_lead org_lead viewer */
    {"event", {"rasx", "rasx", "r", "r", "r"}},
    {"org", {"rasx", "rasx", "r", "rs", "r"}},
    {"person", {"rasx", "rasx", "r", "rasx", "r"}},
    {"skill", {"rasx", "rasx", "r", "r", "r"}},
    {"person_skill", {"rasx", "rasx", "r", "rasx", "r"}},
    {"room", {"rasx", "rasx", "r", "r", "r"}},
    {"session", {"rasx", "rasx", "r", "r", "r"}},
    {"speaker", {"rasx", "rasx", "r", "r", "r"}},
    {"booth", {"rasx", "rasx", "r", "rasx", "r"}},
    {"registration", {"rasx", "rasx", "r", "rasx", "r"}},
    {"role", {"rasx", "rasx", "r", "r", "r"}},
    {"shift", {"rasx", "rasx", "rasx", "rasx", "r"}},
    {"assignment", {"rasx", "rasx", "rasx", "rasx", "r"}},
    {"availability", {"rasx", "rasx", "r", "rasx", "r"}},
    {"lead", {"rasx", "r", "r", "r", "r"}},
    {"audit", {"rasx", "r", "r", "r", "r"}},
    /* session sign-ups (the sign-up branch's table; none may exist yet) */
    {"signup", {"rasx", "rasx", "r", "rasx", "r"}},
    /* tables that are no entity: the kiosk's, for nobody but admins */
    {"kiosk_lock", {"rasx", "", "", "", ""}},
    {"kiosk_failure", {"rasx", "", "", "", ""}},
    /* bookkeeping the stores keep in main.* tables whoever asks */
    {"itip_sent", {"rasx", "", "", "", ""}},
    {"autofill_batch", {"rasx", "", "", "", ""}},
    {"mail_outbox", {"rasx", "", "", "", ""}},
};

static const char act_letter[LEAD_NACTS] = {'r', 'a', 's', 'x'};

static void may_matrix(void **state)
{
	(void)state;
	/* every entity has its row */
	for (size_t k = 0; entity_at(k); k++) {
		bool found = false;
		for (size_t i = 0; i < ARRAY_LEN(matrix); i++)
			found |= strcmp(matrix[i].table, entity_at(k)->table) == 0;
		if (!found)
			fail_msg("the matrix has no row for %s", entity_at(k)->table);
	}
	for (int role = 0; role < LEAD_NROLES; role++) {
		as(logins[role]);
		assert_int_equal(w.lead.role, role);
		for (size_t i = 0; i < ARRAY_LEN(matrix); i++)
			for (int a = 0; a < LEAD_NACTS; a++) {
				bool want = strchr(matrix[i].acts[role], act_letter[a]) != NULL;
				bool got = lead_may(&w.lead, matrix[i].table, (enum lead_act)a);
				if (want != got)
					fail_msg("%s %c %s: expected %d", lead_role_names[role],
					         act_letter[a], matrix[i].table, want);
			}
		done();
	}
	assert_true(lead_may(NULL, "person", LEAD_RM)); /* the kiosk: its own rules */
}

/* ---- rows: seen and changeable ------------------------------------------- */

/* For each lead, the rows of each table it sees ("r") and may change
 * ("s"), by id; rows not named are neither. */
static const struct row_case {
	const char *login, *table;
	int64_t id;
	const char *may;
} rows[] = {
    /* the coordinator of E1: everything of E1, nothing of E2; not Di */
    {"co", "event", E1, "rs"},
    {"co", "event", E2, ""},
    {"co", "room", M1, "rs"},
    {"co", "room", M2, ""},
    {"co", "session", SE2, ""},
    {"co", "booth", B2, "rs"},
    {"co", "booth", B3, ""},
    {"co", "shift", S4, "rs"},
    {"co", "shift", S3, ""},
    {"co", "person", P1, "rs"},
    {"co", "person", P3, ""},
    {"co", "person", P4, ""},
    {"co", "person", P6, "rs"},
    {"co", "person", P7, ""},
    {"co", "registration", RG4, ""},
    {"co", "assignment", A3, ""},
    {"co", "org", O2, "rs"},
    {"co", "org", O3, "rs"},
    {"co", "lead", 2, "r"},
    {"co", "lead", 3, ""},
    {"co", "signup", G1, "rs"},
    {"co", "signup", G2, ""},
    {"co", "signup", G5, ""},
    /* with the right: Di too */
    {"cc", "person", P4, "rs"},
    {"cc", "registration", RG4, "rs"},
    {"cc", "assignment", A3, "rs"},
    {"cc", "signup", G2, "rs"},
    /* the role lead of R1: its shift, its volunteers' pool, read-only around */
    {"rl", "event", E1, "r"},
    {"rl", "event", E2, ""},
    {"rl", "role", R1, "r"},
    {"rl", "role", R2, ""},
    {"rl", "shift", S1, "rs"},
    {"rl", "shift", S2, ""},
    {"rl", "assignment", A1, "rs"},
    {"rl", "assignment", A2, ""},
    {"rl", "person", P1, "r"},
    {"rl", "person", P5, "r"},
    {"rl", "person", P6, ""},
    {"rl", "person", P4, ""},
    {"rl", "person", P3, ""},
    {"rl", "registration", RG5, "r"},
    {"rl", "registration", RG6, ""},
    {"rl", "room", M1, "r"},
    {"rl", "booth", B1, "r"},
    {"rl", "org", O1, "r"},
    {"rl", "org", O3, ""},
    {"rl", "signup", G1, "r"},
    {"rl", "signup", G3, "r"},
    {"rl", "signup", G2, ""},
    /* the org lead of O1: its people (not Di), its booth and its shift
     * (Bo works there, but Bo is another organization's) */
    {"ol", "org", O1, "rs"},
    {"ol", "org", O2, ""},
    {"ol", "person", P1, "rs"},
    {"ol", "person", P2, ""},
    {"ol", "person", P4, ""},
    {"ol", "person", P5, ""},
    {"ol", "booth", B1, "rs"},
    {"ol", "booth", B2, ""},
    {"ol", "shift", S2, "rs"},
    {"ol", "shift", S1, "r"},
    {"ol", "shift", S4, ""},
    {"ol", "assignment", A2, ""},
    {"ol", "assignment", A1, "r"},
    {"ol", "registration", RG1, "rs"},
    {"ol", "registration", RG2, ""},
    {"ol", "event", E1, "r"},
    {"ol", "event", E2, ""},
    {"ol", "person_skill", 1, "rs"},
    {"ol", "signup", G1, "rs"},
    {"ol", "signup", G2, ""},
    {"ol", "signup", G4, ""},
    /* the viewer of E1: reads E1 (not Di), changes nothing */
    {"vw", "event", E1, "r"},
    {"vw", "event", E2, ""},
    {"vw", "person", P1, "r"},
    {"vw", "person", P4, ""},
    {"vw", "person", P7, ""},
    {"vw", "shift", S4, "r"},
    {"vw", "assignment", A3, ""},
    {"vw", "availability", 1, "r"},
    {"vw", "signup", G1, "r"},
    {"vw", "signup", G2, ""},
    /* everyone sees its own audit entries and lead row only */
    {"vw", "lead", 6, "r"},
    {"vw", "lead", 1, ""},
    {"adm", "person", P4, "rs"},
    {"adm", "event", E2, "rs"},
};

static void row_cases(void **state)
{
	(void)state;
	const char *open = NULL;
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct row_case *r = &rows[i];
		if (!open || strcmp(open, r->login) != 0) {
			if (open)
				done();
			as(r->login);
			open = r->login;
		}
		static const enum lead_act acts[] = {LEAD_READ, LEAD_SET};
		for (size_t a = 0; a < ARRAY_LEN(acts); a++) {
			struct err e = {0};
			bool want = strchr(r->may, act_letter[acts[a]]) != NULL;
			bool got = lead_row_allows(&w.fx.ctx, r->table, r->id, acts[a], &e) == 0;
			if (want != got)
				fail_msg("%s %c %s %lld: expected %d (%s)", r->login,
				         act_letter[acts[a]], r->table, (long long)r->id, want,
				         e.msg);
			/* what it sees, every query sees (the views) */
			if (acts[a] == LEAD_READ) {
				struct record rec;
				int found =
				    record_get(&w.fx.ctx, entity_find(r->table), r->id, &rec, &e);
				if ((found == 0) != want)
					fail_msg("%s record_get %s %lld: expected %d", r->login,
					         r->table, (long long)r->id, want);
				if (found == 0)
					record_free(&rec);
			}
		}
	}
	done();
}

/* ---- what reads show ------------------------------------------------------ */

static int64_t count_of(struct ctx *c, const char *sql)
{
	struct db_value out;
	struct err e = {0};
	assert_int_equal(record_store_value(c->db, sql, NULL, 0, &out, &e), 0);
	return out.i;
}

static void text(struct ctx *c, const char *entity, int64_t id, const char *field, char *buf,
                 size_t n)
{
	struct record r;
	struct err e = {0};
	if (record_get(c, entity_find(entity), id, &r, &e) < 0)
		fail_msg("%s %lld: %s", entity, (long long)id, e.msg);
	snprintf(buf, n, "%s", record_text(&r, field) ? record_text(&r, field) : "(null)");
	record_free(&r);
}

static void contacts_masked(void **state)
{
	(void)state;
	char buf[128];
	struct ctx *c = as("vw");
	text(c, "person", P1, "email", buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x80\x94");
	text(c, "person", P1, "phone", buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x80\x94");
	text(c, "person", P1, "volunteer_code", buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x80\x94");
	text(c, "person", P1, "name", buf, sizeof buf);
	assert_string_equal(buf, "Ana");
	text(c, "org", O1, "email", buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x80\x94");
	/* a search cannot find what it may not read */
	assert_int_equal(count_of(c, "SELECT count(*) FROM person WHERE email LIKE '%ana%'"), 0);
	assert_int_equal(count_of(c, "SELECT count(*) FROM person WHERE pin_hash IS NOT NULL"), 0);
	done();
	/* the role lead reads the contacts of those on its shifts, not the pool */
	c = as("rl");
	text(c, "person", P1, "email", buf, sizeof buf);
	assert_string_equal(buf, "ana@example.org");
	text(c, "person", P5, "email", buf, sizeof buf);
	assert_string_equal(buf, "\xe2\x80\x94");
	done();
	/* the org lead its own people's (it sees no others) */
	c = as("ol");
	text(c, "person", P1, "phone", buf, sizeof buf);
	assert_string_equal(buf, "555-0100");
	text(c, "org", O1, "email", buf, sizeof buf);
	assert_string_equal(buf, "info@harbor.example");
	done();
	c = as("co");
	text(c, "person", P6, "email", buf, sizeof buf);
	assert_string_equal(buf, "fe@example.org");
	done();
}

struct page_count {
	int rows;
	int64_t last;
};

static int take(void *arg, const struct page_row *row)
{
	struct page_count *p = arg;
	p->rows++;
	p->last = row->row;
	return 0;
}

static int page_rows(struct ctx *c, const char *view, int64_t scope)
{
	struct page_count p = {0};
	struct page_req r = {.scope = scope, .limit = 100};
	struct err e = {0};
	if (page_fetch(c, view, &r, take, &p, &e) < 0)
		fail_msg("%s: %s", view, e.msg);
	return p.rows;
}

/* What `/` finds in a list: the search indexes are read in main, the rows
 * through the scope. */
static int found_rows(struct ctx *c, const char *view, const char *q)
{
	struct page_count p = {0};
	struct page_req r = {.search = q, .limit = 100};
	struct err e = {0};
	if (page_fetch(c, view, &r, take, &p, &e) < 0)
		fail_msg("%s /%s: %s", view, q, e.msg);
	return p.rows;
}

/* Absent, not greyed out: lists and totals leave out what is not seen. */
static void rows_absent(void **state)
{
	(void)state;
	struct ctx *c = as("ol");
	assert_int_equal(page_rows(c, "people", 0), 1);  /* Ana: not Di, nor Bo of O2 */
	assert_int_equal(found_rows(c, "people", "ana"), 1);
	assert_int_equal(found_rows(c, "people", "bo"), 0);
	assert_int_equal(page_rows(c, "booths", E1), 1); /* A1 */
	assert_int_equal(page_rows(c, "shifts", E1), 2); /* its booth's, Ana's */
	assert_int_equal(page_rows(c, "events", 0), 1);
	assert_int_equal(page_rows(c, "registrations", E1), 1); /* Ana's */
	done();
	c = as("co");
	assert_int_equal(page_rows(c, "registrations", E1), 4); /* not Di */
	assert_int_equal(count_of(c, "SELECT count(*) FROM registration"), 4);
	assert_int_equal(count_of(c, "SELECT count(*) FROM assignment WHERE shift = 4"), 0);
	assert_int_equal(page_rows(c, "events", 0), 1);
	done();
	c = as("rl");
	assert_int_equal(page_rows(c, "shifts", E1), 1);
	assert_int_equal(page_rows(c, "volunteers", E1), 3); /* Ana, Bo, Ed: not Di */
	assert_int_equal(page_rows(c, "roles", E1), 1);
	assert_int_equal(count_of(c, "SELECT count(*) FROM kiosk_lock"), 0);
	done();
}

static int64_t views_of(struct ctx *c, int64_t person)
{
	struct db_value v = db_int(person), out;
	struct err e = {0};
	assert_int_equal(record_store_value(c->db,
	                                    "SELECT count(*) FROM main.audit WHERE action = 'view'"
	                                    " AND entity = 'person' AND entity_id = ?",
	                                    &v, 1, &out, &e),
	                 0);
	return out.i;
}

/* Confidential people: only with the right, each sight audited. */
static void confidential_sights(void **state)
{
	(void)state;
	struct err e = {0};
	struct ctx *c = as("cc");
	int64_t before = views_of(c, P4);
	assert_int_equal(page_rows(c, "registrations", E1), 5);
	assert_int_equal(lead_flush(c, &e), 0);
	assert_int_equal(views_of(c, P4), before + 1);
	/* who saw whom: the actor and the person */
	struct db_value v = db_int(P4), out;
	assert_int_equal(record_store_value(c->db,
	                                    "SELECT actor FROM main.audit WHERE action = 'view'"
	                                    " AND entity_id = ? ORDER BY id DESC LIMIT 1",
	                                    &v, 1, &out, &e),
	                 0);
	assert_string_equal(out.s, "cc");
	db_value_clear(&out);
	/* seen again within LEAD_SIGHT_AGAIN: one entry; later, another */
	assert_int_equal(page_rows(c, "people", 0), 5);
	assert_int_equal(lead_flush(c, &e), 0);
	assert_int_equal(views_of(c, P4), before + 1);
	w.fx.clock.at += LEAD_SIGHT_AGAIN;
	char buf[64];
	text(c, "person", P4, "name", buf, sizeof buf);
	assert_string_equal(buf, "Di");
	assert_int_equal(lead_flush(c, &e), 0);
	assert_int_equal(views_of(c, P4), before + 2);
	/* a non-confidential person is never a sight */
	assert_int_equal(views_of(c, P1), 0);
	/* and what it did not see (Cy, outside E1) is not recorded either */
	assert_int_equal(count_of(c, "SELECT count(*) FROM main.audit WHERE action = 'view'"
	                             " AND entity_id != 4"),
	                 0);
	/* the audit entries about Di's rows show with the right... */
	assert_int_equal(count_of(c, "SELECT count(*) FROM audit WHERE entity = 'registration'"
	                             " AND entity_id = 4"),
	                 1);
	done();
	/* ...and not without: their summaries may name her */
	c = as("co");
	assert_int_equal(count_of(c, "SELECT count(*) FROM audit WHERE entity = 'registration'"
	                             " AND entity_id = 4"),
	                 0);
	assert_int_equal(count_of(c, "SELECT count(*) FROM audit WHERE entity = 'registration'"
	                             " AND entity_id = 1"),
	                 1);
	done();
	/* without the right, nothing shows and nothing is recorded */
	c = as("co");
	before = views_of(c, P4);
	assert_int_equal(page_rows(c, "people", 0), 4);
	assert_int_equal(record_get(c, entity_find("person"), P4, &(struct record){0}, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_int_equal(lead_flush(c, &e), 0);
	assert_int_equal(views_of(c, P4), before);
	done();
}

/* ---- writes ----------------------------------------------------------------- */

static void expect_refused(int ret, const struct err *e, const char *says)
{
	assert_int_equal(ret, -1);
	if (!strstr(e->msg, says))
		fail_msg("expected \"%s\" in: %s", says, e->msg);
	assert_true(e->code == ERR_REFUSED || e->code == ERR_NOT_FOUND);
}

static int set1(struct ctx *c, const char *entity, int64_t id, const char *k, const char *v,
                struct err *e)
{
	struct field_assign fa = {k, v};
	return record_set(c, entity_find(entity), id, &fa, 1, e);
}

static void viewer_changes_nothing(void **state)
{
	(void)state;
	struct err e = {0};
	int64_t id;
	char pin[8];
	struct ctx *c = as("vw");
	expect_refused(fixture_try_add(c, "person", &e, "name", "X", NULL) < 0 ? -1 : 0, &e,
	               "refused: vw (viewer of event 1) may not add people");
	expect_refused(set1(c, "event", E1, "name", "Renamed", &e), &e,
	               "vw (viewer of event 1) may not change events");
	expect_refused(record_rm(c, entity_find("room"), M1, &e), &e, "may not remove rooms");
	expect_refused(staffing_assign(c, S1, P5, "coordinator", &id, &e), &e,
	               "may not add assignments");
	expect_refused(registration_cancel(c, E1, P6, &id, &e), &e, "may not change registrations");
	expect_refused(person_set_pin(c, P1, pin, sizeof pin, &e), &e, "may not change people");
	done();
}

static void role_lead_staffs_its_shifts(void **state)
{
	(void)state;
	struct err e = {0};
	int64_t id;
	struct ctx *c = as("rl");
	assert_int_equal(staffing_assign(c, S1, P5, "coordinator", &id, &e), 0);
	assert_int_equal(staffing_unassign(c, S1, P5, &e), 0);
	/* another role's shift is not there at all */
	expect_refused(staffing_assign(c, S2, P5, "coordinator", &id, &e), &e, "not found");
	/* nor somebody outside its pool */
	expect_refused(staffing_assign(c, S1, P6, "coordinator", &id, &e), &e, "not found");
	/* a shift of its own role, not of another */
	assert_true(fixture_try_add(c, "shift", &e, "event", NUM(E1), "role", NUM(R1), "starts",
	                            "2024-12-07 13:00", "ends", "2024-12-07 14:00", NULL) > 0);
	expect_refused(fixture_try_add(c, "shift", &e, "event", NUM(E1), "role", NUM(R2), "starts",
	                               "2024-12-07 13:00", "ends", "2024-12-07 14:00", NULL) < 0
	                   ? -1
	                   : 0,
	               &e, "not found");
	expect_refused(set1(c, "shift", S1, "role", NUM(R2), &e), &e, "not found");
	expect_refused(set1(c, "role", R1, "name", "Door", &e), &e,
	               "rl (role_lead of role 1) may not change roles");
	done();
}

/* Auto-fill as the role lead: its role's shifts from its pool, nothing else. */
static void role_lead_autofills_its_shifts(void **state)
{
	(void)state;
	struct err e = {0};
	struct ctx *c = as("rl");
	w.fx.clock.at = 1732060800; /* 2024-11-20: the forum is ahead */
	int64_t before = count_of(c, "SELECT count(*) FROM main.assignment WHERE shift IN"
	                             " (SELECT id FROM main.shift WHERE role != 1)");
	struct af_scope scope = {.event = E1};
	struct af_plan plan;
	if (autofill_plan(c, &scope, &plan, &e) < 0)
		fail_msg("plan: %s", e.msg);
	assert_true(plan.npicks > 0);
	for (size_t i = 0; i < plan.npicks; i++) {
		assert_int_not_equal(plan.picks[i].person, P4); /* Di is not its to see */
		assert_int_not_equal(plan.picks[i].person, P6); /* an attendee */
	}
	if (autofill_apply(c, &plan, &e) < 0)
		fail_msg("apply: %s", e.msg);
	assert_true(plan.stats.added > 0);
	assert_int_equal(count_of(c, "SELECT count(*) FROM main.assignment WHERE shift IN"
	                             " (SELECT id FROM main.shift WHERE role != 1)"),
	                 before);
	assert_int_equal(count_of(c, "SELECT count(*) FROM main.assignment WHERE source ="
	                             " 'autofill' AND shift IN (SELECT id FROM main.shift"
	                             " WHERE role = 1)"),
	                 plan.stats.added);
	autofill_free(&plan);
	done();
	/* the viewer's auto-fill writes nothing */
	c = as("vw");
	w.fx.clock.at = 1732060800;
	if (autofill_plan(c, &scope, &plan, &e) == 0) {
		assert_int_equal(autofill_apply(c, &plan, &e), -1);
		assert_non_null(strstr(e.msg, "refused: vw (viewer of event 1)"));
		autofill_free(&plan);
	}
	done();
}

static void org_lead_keeps_to_its_org(void **state)
{
	(void)state;
	struct err e = {0};
	int64_t id;
	struct ctx *c = as("ol");
	id = fixture_try_add(c, "person", &e, "name", "Hal", "org", NUM(O1), NULL);
	assert_true(id > 0);
	int64_t hal = id;
	expect_refused(fixture_try_add(c, "person", &e, "name", "Ivy", NULL) < 0 ? -1 : 0, &e,
	               "refused: ol (org_lead of org 1) may not add person");
	expect_refused(fixture_try_add(c, "person", &e, "name", "Jo", "org", NUM(O2), NULL) < 0 ? -1
	                                                                                        : 0,
	               &e, "not found");
	/* its own person may not leave for another organization, nor be hidden */
	expect_refused(set1(c, "person", P1, "org", NUM(O3), &e), &e, "not found");
	expect_refused(set1(c, "person", P1, "confidential", "1", &e), &e, "outside its scope");
	/* staffs its booth's shift with its own people */
	assert_int_equal(staffing_assign(c, S2, hal, "coordinator", &id, &e), 0);
	/* (a visible shift of another role, Ana works it) */
	expect_refused(staffing_assign(c, S1, hal, "coordinator", &id, &e), &e,
	               "refused: ol (org_lead of org 1) may not add assignment");
	expect_refused(set1(c, "booth", B1, "org", NUM(O2), &e), &e, "not found");
	expect_refused(record_rm(c, entity_find("org"), O1, &e), &e, "may not remove orgs");
	done();
}

static int no_row(void *arg, const struct mail_store_row *r)
{
	(void)arg;
	(void)r;
	fail_msg("a lead read the outbox");
	return 0;
}

/* The mail outbox holds every event's messages to everyone: admins' only;
 * nothing is queued, sent or read by another lead. */
static void mail_for_admins(void **state)
{
	(void)state;
	struct err e = {0};
	struct mail_summary s;
	struct ctx *c = as("co");
	assert_int_equal(mail_invite(c, E1, NULL, NULL, NULL, &s, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "may not add mail_outbox"));
	assert_int_equal(mail_updates(c, E1, NULL, NULL, &s, &e), -1);
	assert_int_equal(mail_reminders(c, NULL, NULL, &s, &e), -1);
	assert_int_equal(mail_status_each(c, NULL, 0, no_row, NULL, &e), -1);
	assert_int_equal(mail_recover(c, NULL, &e), -1);
	assert_non_null(strstr(e.msg, "may not change mail_outbox"));
	int64_t *ids;
	size_t n;
	assert_int_equal(mail_due(c, 0, &ids, &n, &e), -1);
	done();
}

static void coordinator_within_its_events(void **state)
{
	(void)state;
	struct err e = {0};
	int64_t reg;
	struct ctx *c = as("co");
	/* a person it adds is its own until registered */
	int64_t id = fixture_try_add(c, "person", &e, "name", "Kai", NULL);
	assert_true(id > 0);
	assert_int_equal(registration_register(c, E1, id, "attendee", &reg, &e), 0);
	/* not into another event, nor anyone from outside its events */
	expect_refused(registration_register(c, E2, id, "attendee", &reg, &e), &e, "not found");
	expect_refused(registration_register(c, E1, P3, "attendee", &reg, &e), &e, "not found");
	expect_refused(set1(c, "room", M1, "event", NUM(E2), &e), &e, "not found");
	expect_refused(
	    fixture_try_add(c, "person", &e, "name", "Lu", "confidential", "1", NULL) < 0 ? -1 : 0,
	    &e, "outside its scope");
	expect_refused(fixture_try_add(c, "event", &e, "name", "Gala", "starts", "2024-12-20 08:00",
	                               "ends", "2024-12-20 10:00", "tz", "America/Chicago",
	                               NULL) < 0
	                   ? -1
	                   : 0,
	               &e, "outside its scope");
	expect_refused(
	    fixture_try_add(c, "lead", &e, "login", "zz", "role", "viewer", NULL) < 0 ? -1 : 0, &e,
	    "may not add leads");
	done();
}

/* import people: the rows a lead may write, and no other */
static void import_within_scope(void **state)
{
	(void)state;
	char csv[80];
	struct people_csv_stats st;
	struct err e = {0};
	snprintf(csv, sizeof csv, "%s.csv", w.path);
	FILE *f = fopen(csv, "w");
	assert_non_null(f);
	fputs("name,email,org\nNia,nia@example.org,Safe Harbor\n", f);
	fclose(f);
	struct ctx *c = as("ol");
	struct people_csv_opts o = {0};
	assert_int_equal(people_csv_import(c, csv, &o, &st, &e), 0);
	assert_int_equal(st.added, 1);
	done();
	/* another org's person matched by email: refused, nothing kept */
	f = fopen(csv, "w");
	fputs("name,email,org\nOla,ola@example.org,Safe Harbor\nBo,bo@example.org,Task Force\n", f);
	fclose(f);
	c = as("ol");
	assert_int_equal(people_csv_import(c, csv, &o, &st, &e), -1);
	assert_int_equal(count_of(c, "SELECT count(*) FROM main.person WHERE name = 'Ola'"), 0);
	done();
	f = fopen(csv, "w");
	fputs("name\nPia\n", f);
	fclose(f);
	c = as("vw");
	assert_int_equal(people_csv_import(c, csv, &o, &st, &e), -1);
	assert_non_null(strstr(e.msg, "viewer"));
	done();
	unlink(csv);
}

/* Session sign-ups and the door: in the scope, and no one outside it. */
static void signups_within_scope(void **state)
{
	(void)state;
	struct err e = {0};
	int64_t id, promoted;
	char ana[32], di[32];
	struct ctx *c = as("adm");
	text(c, "person", P1, "volunteer_code", ana, sizeof ana);
	text(c, "person", P4, "volunteer_code", di, sizeof di);
	done();
	c = as("co");
	assert_int_equal(signup_register(c, SE1, P6, &id, &e), 0);
	assert_int_equal(signup_cancel(c, SE1, P6, &promoted, &e), 0);
	expect_refused(signup_register(c, SE2, P3, &id, &e), &e, "not found");
	expect_refused(signup_register(c, SE1, P4, &id, &e), &e, "not found");
	expect_refused(signup_cancel(c, SE1, P4, &promoted, &e), &e, "not found");
	assert_int_equal(count_of(c, "SELECT count(*) FROM signup"), 4); /* not Di's, nor SE2's */
	/* at its door Di is no one (never named); Ana comes in */
	struct door d;
	struct door_result out;
	assert_int_equal(door_open(c, E1, 0, &d, &e), 0);
	assert_int_equal(door_scan(c, &d, di, &out, &e), 0);
	assert_int_equal(out.verdict, DOOR_UNKNOWN);
	assert_string_equal(out.name, "");
	assert_int_equal(door_scan(c, &d, ana, &out, &e), 0);
	assert_int_equal(out.verdict, DOOR_OK);
	assert_string_equal(out.name, "Ana");
	done();
	c = as("cc");
	assert_int_equal(door_open(c, E1, 0, &d, &e), 0);
	assert_int_equal(door_scan(c, &d, di, &out, &e), 0);
	assert_int_equal(out.verdict, DOOR_OK);
	done();
	c = as("rl");
	expect_refused(signup_register(c, SE1, P6, &id, &e), &e,
	               "refused: rl (role_lead of role 1) may not add signups");
	done();
	c = as("vw");
	expect_refused(signup_register(c, SE1, P6, &id, &e), &e,
	               "refused: vw (viewer of event 1) may not add signups");
	expect_refused(signup_cancel(c, SE1, P1, &promoted, &e), &e, "may not change signups");
	done();
	/* the org lead: its people's sign-ups, not another organization's */
	c = as("ol");
	assert_int_equal(signup_cancel(c, SE1, P1, &promoted, &e), 0);
	assert_int_equal(signup_register(c, SE1, P1, &id, &e), 0);
	expect_refused(signup_cancel(c, SE1, P2, &promoted, &e), &e, "not found");
	done();
	/* cancelling a session cancels its sign-ups: not by a lead that cannot
	 * reach all of them (Di's), nothing changed; with the right, all */
	c = as("co");
	expect_refused(set1(c, "session", SE1, "status", "cancelled", &e), &e, "outside its scope");
	assert_int_equal(count_of(c, "SELECT count(*) FROM main.signup WHERE session = 1"
	                             " AND status = 'cancelled'"),
	                 1); /* Fe's, from above */
	done();
	c = as("cc");
	assert_int_equal(set1(c, "session", SE1, "status", "cancelled", &e), 0);
	assert_int_equal(count_of(c, "SELECT count(*) FROM main.signup WHERE session = 1"
	                             " AND status != 'cancelled'"),
	                 0);
	done();
	/* an audit entry about Di's sign-up is kept from a lead without the right */
	c = as("co");
	assert_int_equal(count_of(c, "SELECT count(*) FROM audit WHERE entity = 'signup'"
	                             " AND entity_id = 2"),
	                 0);
	done();
	c = as("cc");
	assert_true(count_of(c, "SELECT count(*) FROM audit WHERE entity = 'signup'"
	                        " AND entity_id = 2") > 0);
	done();
}

/* ---- the lead entity ---------------------------------------------------------- */

static void lead_rules(void **state)
{
	(void)state;
	struct err e = {0};
	struct ctx *c = as("adm");
	assert_true(fixture_try_add(c, "lead", &e, "login", "x1", "role", "role_lead", NULL) < 0);
	assert_int_equal(e.code, ERR_INPUT);
	assert_non_null(strstr(e.msg, "a role_lead needs --role-id"));
	assert_true(
	    fixture_try_add(c, "lead", &e, "login", "x1", "role", "admin", "event", "1", NULL) < 0);
	assert_string_equal(e.msg, "event: an admin takes no --event");
	assert_true(fixture_try_add(c, "lead", &e, "login", "x1", "role", "viewer", "confidential",
	                            "1", NULL) < 0);
	assert_true(fixture_try_add(c, "lead", &e, "login", "co", "role", "viewer", NULL) < 0);
	assert_string_equal(e.msg, "co is already a coordinator; a lead has one role (lead rm co "
	                           "first)");
	assert_true(fixture_try_add(c, "lead", &e, "login", "co", "role", "coordinator", "event",
	                            "1", NULL) < 0);
	assert_non_null(strstr(e.msg, "already gives co that scope"));
	assert_true(fixture_try_add(c, "lead", &e, "login", "bad login", "role", "viewer", NULL) <
	            0);
	/* the last admin stays */
	assert_int_equal(record_rm(c, entity_find("lead"), 1, &e), -1);
	assert_non_null(strstr(e.msg, "at least one admin"));
	done();
}

/* A new database: whoever owns its file is its first admin. */
static void first_admin(void **state)
{
	(void)state;
	struct fixture f;
	struct lead l;
	struct err e = {0};
	char path[64];
	snprintf(path, sizeof path, "/tmp/muster-lead-first-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(fixture_open_file(&f, FIXTURE_NOW, path), 0);
	struct passwd *pw = getpwuid(geteuid());
	assert_non_null(pw);
	/* someone else opens it first: the owner is made admin, not them */
	strcpy(f.ctx.actor, "someone-else");
	assert_int_equal(lead_open(&f.ctx, &l, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "someone-else is not a lead of this database"));
	snprintf(f.ctx.actor, sizeof f.ctx.actor, "%s", pw->pw_name);
	assert_int_equal(lead_open(&f.ctx, &l, &e), 0);
	assert_int_equal(l.role, LEAD_ADMIN);
	assert_int_equal(count_of(&f.ctx, "SELECT count(*) FROM lead"), 1);
	lead_close(&l);
	fixture_close(&f);
	unlink(path);
	/* in memory: the login opening it */
	assert_int_equal(fixture_open(&f, FIXTURE_NOW), 0);
	assert_int_equal(lead_open(&f.ctx, &l, &e), 0);
	assert_int_equal(l.role, LEAD_ADMIN);
	assert_string_equal(l.login, "tester");
	lead_close(&l);
	fixture_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(may_matrix),
	    cmocka_unit_test(row_cases),
	    cmocka_unit_test(contacts_masked),
	    cmocka_unit_test(rows_absent),
	    cmocka_unit_test(confidential_sights),
	    cmocka_unit_test(viewer_changes_nothing),
	    cmocka_unit_test(role_lead_staffs_its_shifts),
	    cmocka_unit_test(role_lead_autofills_its_shifts),
	    cmocka_unit_test(org_lead_keeps_to_its_org),
	    cmocka_unit_test(coordinator_within_its_events),
	    cmocka_unit_test(mail_for_admins),
	    cmocka_unit_test(import_within_scope),
	    cmocka_unit_test(signups_within_scope),
	    cmocka_unit_test(lead_rules),
	    cmocka_unit_test(first_admin),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
