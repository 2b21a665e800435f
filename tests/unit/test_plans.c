/* test_plans.c - no full scan in any query a screen runs (SPEC section 10,
 * STYLE "indexes for every query a screen runs"). The small demo is loaded,
 * every statement SQLite runs is recorded (db_trace) while the test does
 * what the screens do through core: every paged list in every variant
 * (first page, next, previous, inclusive, search), opening each kind of
 * record, the staffing dry run of the assign screen, writes from forms and
 * the staffing keys, coverage per hour, reports, the kiosk; then each
 * recorded statement's EXPLAIN QUERY PLAN is read and a "SCAN" of a table
 * fails the test unless the allow-list below says why it is harmless.
 * Plans are those of a database without ANALYZE statistics, as muster's are.
 * PLANS_VERBOSE=1 prints every statement with its plan. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/check.h"
#include "../../core/array.h"
#include "../../core/config.h"
#include "../../core/candidates.h"
#include "../../core/ctx.h"
#include "../../core/demo.h"
#include "../../core/entity.h"
#include "../../core/kiosk.h"
#include "../../core/lead.h"
#include "../../core/page.h"
#include "../../core/person.h"
#include "../../core/registration.h"
#include "../../core/report.h"
#include "../../core/staffing.h"
#include "../../db/db.h"
#include "../../db/record_store.h"
#include "fixture.h"

/* The demo's forum (event 2) runs on 13-14 March 2027; the clock stands a
 * week before, so kiosk sign-ups are open. */
#define NOW 1804330800 /* 2027-03-06 12:00Z */

#define MAX_TABLES 64

/* The fixture, the statements seen and the schema's tables. */
struct plans {
	struct fixture fx;
	char **sql;
	size_t n, cap;
	char *tables[MAX_TABLES];
	size_t ntables;
};

/* ---- what ran ------------------------------------------------------------ */

static void remember(void *arg, const char *sql)
{
	struct plans *f = arg;
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->sql[i], sql) == 0)
			return;
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 256;
		f->sql = realloc(f->sql, f->cap * sizeof *f->sql);
		assert_non_null(f->sql);
	}
	f->sql[f->n] = strdup(sql);
	assert_non_null(f->sql[f->n]);
	f->n++;
}

static int64_t value(struct plans *f, const char *sql)
{
	struct db_value v;
	struct err e = {0};
	if (record_store_value(f->fx.ctx.db, sql, NULL, 0, &v, &e) != 0)
		fail_msg("%s: %s", sql, e.msg);
	int64_t i = v.kind == DBV_INT ? v.i : 0;
	db_value_clear(&v);
	return i;
}

/* ---- what the screens do --------------------------------------------------- */

static int take_all(void *arg, const struct page_row *r)
{
	(void)arg;
	(void)r;
	return 0;
}

/* Every list in every way a screen asks for a page. */
static void visit_lists(struct plans *f)
{
	/* searches: a word's start ("a"), a substring ("ana"); the plan chosen
	 * by counting, and each of the two named */
	static const struct {
		bool has_after, inclusive, backward;
		const char *search;
		enum page_plan plan;
	} asks[] = {
	    {false, false, false, NULL, PAGE_PLAN_AUTO},
	    {false, false, true, NULL, PAGE_PLAN_AUTO},
	    {true, false, false, NULL, PAGE_PLAN_AUTO},
	    {true, true, false, NULL, PAGE_PLAN_AUTO},
	    {true, false, true, NULL, PAGE_PLAN_AUTO},
	    {true, true, true, NULL, PAGE_PLAN_AUTO},
	    {false, false, false, "a", PAGE_PLAN_AUTO},
	    {true, false, false, "ana", PAGE_PLAN_AUTO},
	    {false, false, false, "ana", PAGE_PLAN_SEEK},
	    {true, false, false, "a", PAGE_PLAN_SEEK},
	    {true, false, true, "ana", PAGE_PLAN_SEEK},
	    {false, false, false, "ana", PAGE_PLAN_WALK},
	    {true, false, false, "a", PAGE_PLAN_WALK},
	    {true, false, true, "ana", PAGE_PLAN_WALK},
	};
	for (size_t i = 0; page_store_view_name(i); i++) {
		const char *view = page_store_view_name(i);
		for (size_t k = 0; k < ARRAY_LEN(asks); k++) {
			struct page_req r = {.scope = 2,
			                     .has_after = asks[k].has_after,
			                     .inclusive = asks[k].inclusive,
			                     .backward = asks[k].backward,
			                     .search = asks[k].search,
			                     .plan = asks[k].plan,
			                     .limit = 20,
			                     .after_key = db_int(1804940000),
			                     .after_id = 3,
			                     .from = 1804940000,
			                     .to = 1804990000};
			struct err e = {0};
			if (page_fetch(&f->fx.ctx, view, &r, take_all, NULL, &e) < 0)
				fail_msg("%s: %s", view, e.msg);
		}
	}
	(void)page_data_version(&f->fx.ctx);
}

/* Opening a record of each kind (forms, detail screens, the event's tabs). */
static void visit_records(struct plans *f)
{
	for (size_t i = 0; entity_at(i); i++) {
		const struct entity_def *ent = entity_at(i);
		char sql[160];
		snprintf(sql, sizeof sql, "SELECT max(id) FROM %s", ent->table);
		int64_t id = value(f, sql);
		struct record r;
		struct err e = {0};
		if (id && record_get(&f->fx.ctx, ent, id, &r, &e) == 0)
			record_free(&r);
		char tz[64];
		if (id)
			(void)entity_tz_of(&f->fx.ctx, ent, id, tz, sizeof tz, &e);
	}
}

/* The assign screen: the candidates ranked, then a dry run of every rule
 * for the ones shown. */
static void visit_assign(struct plans *f)
{
	for (int64_t s = value(f, "SELECT min(id) FROM shift"),
	             last = value(f, "SELECT max(id) FROM shift");
	     s <= last; s += (last - s) / 4 + 1) {
		struct candidates cs = {0};
		struct err e = {0};
		if (candidates_load(&f->fx.ctx, s, &cs, &e) < 0)
			fail_msg("candidates: %s", e.msg);
		candidates_free(&cs);
	}
	int64_t shift = value(f, "SELECT min(id) FROM shift WHERE event = 2");
	int64_t last = value(f, "SELECT max(id) FROM shift WHERE event = 2");
	int64_t first = value(f, "SELECT min(id) FROM person"),
	        people = value(f, "SELECT max(id) FROM person");
	/* every rule gets its say: candidates across the forum's shifts */
	for (int64_t s = shift; s <= last; s += (last - shift) / 12 + 1)
		for (int64_t p = first; p <= people; p += (people - first) / 12 + 1) {
			struct err e = {0};
			char buf[256];
			int64_t a;
			(void)staffing_check(&f->fx.ctx, s, p, &e);
			(void)staffing_describe(&f->fx.ctx, s, buf, sizeof buf, &e);
			(void)staffing_find(&f->fx.ctx, s, p, &a, &e);
		}
	/* staff, check in and out, take off again */
	struct err e = {0};
	int64_t free_shift = value(f, "SELECT min(id) FROM shift WHERE event = 2 AND need_max >"
	                              " (SELECT count(*) FROM assignment WHERE shift = shift.id)");
	int64_t person = value(f, "SELECT max(id) FROM person");
	int64_t a;
	if (staffing_assign(&f->fx.ctx, free_shift, person, "coordinator", &a, &e) == 0) {
		(void)staffing_checkin(&f->fx.ctx, free_shift, person, &e);
		(void)staffing_checkout(&f->fx.ctx, free_shift, person, &e);
		(void)staffing_unassign(&f->fx.ctx, free_shift, person, &e);
	}
}

static struct field_assign fa(const char *name, const char *value)
{
	return (struct field_assign){name, value};
}

/* The people tab: register, check in, cancel (the waitlist moves up). */
static void visit_registrations(struct plans *f)
{
	struct err e = {0};
	int64_t person = value(f, "SELECT max(id) FROM person");
	int64_t reg;
	char buf[256];
	(void)registration_register(&f->fx.ctx, 2, person, "attendee", &reg, &e);
	(void)registration_checkin(&f->fx.ctx, 2, person, &e);
	(void)registration_checkout(&f->fx.ctx, 2, person, &e);
	(void)registration_find(&f->fx.ctx, 2, person, &reg, &e);
	(void)registration_describe(&f->fx.ctx, 2, person, buf, sizeof buf, &e);
	(void)registration_unregister(&f->fx.ctx, 2, person, &e);
	/* a full event: the waitlist, its gap closing, the first promoted */
	char seated[24];
	snprintf(seated, sizeof seated, "%lld",
	         (long long)value(f, "SELECT count(*) FROM registration WHERE event = 1"
	                             " AND kind = 'attendee' AND status IN ('registered',"
	                             "'checked_in','no_show')"));
	const struct field_assign full[] = {fa("capacity", seated)};
	if (record_set(&f->fx.ctx, entity_find("event"), 1, full, 1, &e) < 0)
		fail_msg("capacity: %s", e.msg);
	int64_t a = value(f, "SELECT max(id) FROM person WHERE id NOT IN"
	                     " (SELECT person FROM registration WHERE event = 1)");
	int64_t b = value(f, "SELECT min(id) FROM person WHERE id NOT IN"
	                     " (SELECT person FROM registration WHERE event = 1)");
	int64_t seated_one = value(f, "SELECT min(person) FROM registration WHERE event = 1"
	                              " AND kind = 'attendee' AND status = 'registered'");
	(void)registration_register(&f->fx.ctx, 1, a, "attendee", &reg, &e);
	(void)registration_register(&f->fx.ctx, 1, b, "attendee", &reg, &e);
	(void)registration_unregister(&f->fx.ctx, 1, a, &e);          /* a waiting place closes */
	(void)registration_unregister(&f->fx.ctx, 1, seated_one, &e); /* b moves up */
}

/* Forms: add, edit and delete the things a coordinator edits. */
static void visit_forms(struct plans *f)
{
	struct err e = {0};
	int64_t id;
	const struct field_assign room[] = {fa("event", "2"), fa("name", "Plans room")};
	if (record_add(&f->fx.ctx, entity_find("room"), room, 2, &id, &e) < 0)
		fail_msg("room: %s", e.msg);
	char rid[24];
	snprintf(rid, sizeof rid, "%lld", (long long)id);
	const struct field_assign session[] = {
	    fa("event", "2"),
	    fa("room", rid),
	    fa("title", "Plans"),
	    fa("starts", "2027-03-13 18:00"),
	    fa("ends", "2027-03-13 19:00"),
	};
	int64_t sid;
	if (record_add(&f->fx.ctx, entity_find("session"), session, 5, &sid, &e) < 0)
		fail_msg("session: %s", e.msg);
	const struct field_assign later[] = {fa("starts", "2027-03-13 18:30")};
	(void)record_set(&f->fx.ctx, entity_find("session"), sid, later, 1, &e);
	int64_t role = value(f, "SELECT min(id) FROM role WHERE event = 2");
	char roles[24];
	snprintf(roles, sizeof roles, "%lld", (long long)role);
	const struct field_assign shift[] = {
	    fa("event", "2"),
	    fa("role", roles),
	    fa("room", rid),
	    fa("starts", "2027-03-13 18:00"),
	    fa("ends", "2027-03-13 19:00"),
	};
	int64_t shid;
	if (record_add(&f->fx.ctx, entity_find("shift"), shift, 5, &shid, &e) < 0)
		fail_msg("shift: %s", e.msg);
	(void)record_set(&f->fx.ctx, entity_find("shift"), shid, later, 1, &e);
	int64_t booth = value(f, "SELECT min(id) FROM booth WHERE event = 2");
	const struct field_assign notes[] = {fa("ends", "2027-03-14 17:00")};
	(void)record_set(&f->fx.ctx, entity_find("booth"), booth, notes, 1, &e);
	int64_t person = value(f, "SELECT min(id) FROM person");
	const struct field_assign pnotes[] = {fa("notes", "plans")};
	(void)record_set(&f->fx.ctx, entity_find("person"), person, pnotes, 1, &e);
	const struct field_assign evd[] = {fa("description", "plans")};
	(void)record_set(&f->fx.ctx, entity_find("event"), 2, evd, 1, &e);
	int64_t org = value(f, "SELECT max(id) FROM org");
	char orgs[24];
	snprintf(orgs, sizeof orgs, "%lld", (long long)org);
	const struct field_assign booth_f[] = {fa("event", "2"), fa("org", orgs),
	                                       fa("label", "Z9")};
	int64_t bid;
	if (record_add(&f->fx.ctx, entity_find("booth"), booth_f, 3, &bid, &e) < 0)
		fail_msg("booth: %s", e.msg);
	const struct field_assign label[] = {fa("label", "E1")}; /* taken: refused */
	(void)record_set(&f->fx.ctx, entity_find("booth"), bid, label, 1, &e);
	const struct field_assign moved[] = {fa("room", rid)};
	(void)record_set(&f->fx.ctx, entity_find("booth"), bid, moved, 1, &e);
	const struct field_assign narrow[] = {fa("starts", "2027-03-13 12:00")}; /* refused */
	(void)record_set(&f->fx.ctx, entity_find("event"), 2, narrow, 1, &e);
	const struct field_assign other[] = {fa("event", "1")}; /* refused: used by event 2 */
	(void)record_set(&f->fx.ctx, entity_find("room"), id, other, 1, &e);
	int64_t r2 = value(f, "SELECT max(id) FROM role WHERE event = 2");
	(void)record_set(&f->fx.ctx, entity_find("role"), r2, other, 1, &e);
	const struct field_assign booth_ev[] = {fa("event", "1")}; /* refused: staffed */
	int64_t staffed = value(f, "SELECT min(booth) FROM shift WHERE booth IS NOT NULL");
	(void)record_set(&f->fx.ctx, entity_find("booth"), staffed, booth_ev, 1, &e);
	(void)record_rm(&f->fx.ctx, entity_find("booth"), bid, &e);
	/* a speaker, a skill held, an availability window */
	char sids[24], pid[24], sk[24];
	snprintf(sids, sizeof sids, "%lld", (long long)sid);
	snprintf(pid, sizeof pid, "%lld", (long long)value(f, "SELECT max(id) FROM person"));
	snprintf(sk, sizeof sk, "%lld", (long long)value(f, "SELECT max(id) FROM skill"));
	const struct field_assign speaker[] = {fa("session", sids), fa("person", pid)};
	int64_t link;
	if (record_add(&f->fx.ctx, entity_find("speaker"), speaker, 2, &link, &e) == 0)
		(void)record_rm(&f->fx.ctx, entity_find("speaker"), link, &e);
	const struct field_assign held[] = {fa("person", pid), fa("skill", sk),
	                                    fa("expires", "2027-01-01")};
	if (record_add(&f->fx.ctx, entity_find("person_skill"), held, 3, &link, &e) == 0)
		(void)record_rm(&f->fx.ctx, entity_find("person_skill"), link, &e);
	const struct field_assign window[] = {fa("person", pid), fa("event", "2"),
	                                      fa("starts", "2027-03-13 08:00"),
	                                      fa("ends", "2027-03-13 12:00")};
	if (record_add(&f->fx.ctx, entity_find("availability"), window, 4, &link, &e) == 0)
		(void)record_rm(&f->fx.ctx, entity_find("availability"), link, &e);
	(void)record_rm(&f->fx.ctx, entity_find("shift"), shid, &e);
	(void)record_rm(&f->fx.ctx, entity_find("session"), sid, &e);
	(void)record_rm(&f->fx.ctx, entity_find("room"), id, &e);
	(void)record_rm(&f->fx.ctx, entity_find("person"), person, &e); /* refused: depended on */
}

static int report_shift_seen(void *arg, const struct report_shift *s)
{
	(void)arg;
	(void)s;
	return 0;
}

static int report_hour_seen(void *arg, const struct report_hour *h)
{
	(void)arg;
	(void)h;
	return 0;
}

static int report_volunteer_seen(void *arg, const struct report_volunteer *v)
{
	(void)arg;
	(void)v;
	return 0;
}

static int report_kind_seen(void *arg, const struct report_kind *k)
{
	(void)arg;
	(void)k;
	return 0;
}

static int report_session_seen(void *arg, const struct report_session *s)
{
	(void)arg;
	(void)s;
	return 0;
}

static void visit_reports(struct plans *f)
{
	struct report_event ev;
	struct err e = {0};
	if (report_event(&f->fx.ctx, 2, &ev, &e) < 0)
		fail_msg("report: %s", e.msg);
	struct report_coverage_fns cov = {.shift = report_shift_seen, .hour = report_hour_seen};
	struct report_attendance_fns att = {report_kind_seen, report_session_seen, NULL};
	if (report_coverage(&f->fx.ctx, &ev, &cov, &e) < 0 ||
	    report_hours(&f->fx.ctx, &ev, report_volunteer_seen, NULL, &e) < 0 ||
	    report_attendance(&f->fx.ctx, &ev, &att, &e) < 0)
		fail_msg("report: %s", e.msg);
}

/* The kiosk: sign in, own shifts, open shifts, sign up, drop. */
static void visit_kiosk(struct plans *f)
{
	struct err e = {0};
	int64_t person = value(f, "SELECT min(person) FROM registration WHERE event = 2"
	                          " AND kind = 'volunteer'");
	char pin[16];
	if (person_set_pin(&f->fx.ctx, person, pin, sizeof pin, &e) < 0)
		fail_msg("pin: %s", e.msg);
	char code[16] = "";
	struct db_value v;
	const struct db_value id = db_int(person);
	if (record_store_value(f->fx.ctx.db, "SELECT volunteer_code FROM person WHERE id = ?", &id,
	                       1, &v, &e) == 0 &&
	    v.kind == DBV_TEXT)
		snprintf(code, sizeof code, "%s", v.s);
	db_value_clear(&v);
	struct ctx kc = f->fx.ctx;
	kiosk_begin(&kc);
	struct kiosk_user u;
	(void)kiosk_sign_in(&kc, "ZZZZZZ", "000000", &u, &e); /* unknown code */
	if (kiosk_sign_in(&kc, code, pin, &u, &e) < 0)
		fail_msg("kiosk sign in: %s", e.msg);
	struct kiosk_shift list[8];
	int n = 0;
	(void)kiosk_mine(&kc, person, list, 8, &n, &e);
	struct kiosk_cursor cur = {0};
	char done[256];
	for (int rounds = 0; rounds < 3 && !cur.done; rounds++)
		if (kiosk_open(&kc, person, &cur, list, 8, &n, &e) < 0)
			fail_msg("kiosk open: %s", e.msg);
	if (n > 0 && kiosk_act(&kc, &u, list[0].shift, KA_SIGNUP, done, sizeof done, &e) == 0)
		(void)kiosk_act(&kc, &u, list[0].shift, KA_DROP, done, sizeof done, &e);
	kiosk_sign_out(&kc, &u);
	/* the limit across all codes engages (audited), and the coordinator's
	 * events screen reads the wrong PINs */
	struct config strict = *kc.cfg;
	strict.kiosk_global_failures_per_minute = 1;
	kc.cfg = &strict;
	(void)kiosk_sign_in(&kc, "ZZZZZY", "000000", &u, &e);
	(void)kiosk_sign_in(&kc, "ZZZZZX", "000000", &u, &e);
	struct kiosk_failures kf;
	if (kiosk_failures(&kc, &kf, &e) < 0)
		fail_msg("kiosk failures: %s", e.msg);
}

static int violation_seen(void *arg, const char *kind, const char *message)
{
	(void)arg;
	(void)kind;
	(void)message;
	return 0;
}

/* The conflicts tab runs check for its event. */
static void visit_conflicts(struct plans *f)
{
	struct err e = {0};
	if (check_run(&f->fx.ctx, 2, violation_seen, NULL, &e) < 0)
		fail_msg("check: %s", e.msg);
}

/* ---- the plans ----------------------------------------------------------- */

/* Scans that are fine, and why: a step "SCAN t" (t a table, or an alias of
 * one) passes only when the statement holds `sql` and the step holds `step`.
 * Sorting the rows an index seek found (USE TEMP B-TREE) is not a scan. */
static const struct allowed {
	const char *sql, *step, *why;
} allowed[] = {
    {"FROM event", "SCAN e",
     "the events themselves: one row per event (a handful, hundreds after years)"},
    {"FROM person LEFT JOIN org", "SCAN person USING INDEX person_by_name",
     "people directory, first page: walks the name index and stops after one page"},
    {"FROM person CROSS JOIN registration", "SCAN person USING INDEX person_by_name",
     "an event's people, first page: walks the name index probing (event, person) and stops "
     "after one page; 100,000 people of whom none registered: about 6 ms"},
    {"FROM org", "SCAN org USING INDEX", "organizations, first page, in name order"},
    {"FROM skill", "SCAN skill USING COVERING INDEX", "skills, first page, in name order"},
    {"FROM audit ORDER BY audit.id", "SCAN audit",
     "the audit log, first or last page: along the row id, one page"},
    {" MATCH :", "VIRTUAL TABLE INDEX 0:M",
     "search (/ then Enter): an FTS5 index answers MATCH from the doclists of the query's "
     "trigrams or words, not by reading its table (db/page_store.c)"},
    {"+person.id IN (SELECT", "SCAN person USING INDEX person_by_name",
     "a search that matched 4,000 people or more walks the name index keeping the ids it "
     "matched: one page of them lies near, however late in the order (db/page_store.c)"},
    {"+audit.id IN (SELECT", "SCAN audit",
     "the same for a search of the audit log that matched 4,000 entries or more: newest "
     "first along the row id, keeping the entries it matched"},
    {"FROM mail_outbox WHERE mail_outbox.status <> 'superseded' ORDER BY mail_outbox.id",
     "SCAN mail_outbox",
     "the mail outbox, first or last page: along the row id, one page (superseded messages "
     "are one per change of a message that had not left yet)"},
    {"LIKE :q", "SCAN ",
     "search of the text no search index holds yet (shift notes, the mail outbox): a "
     "substring cannot seek a B-tree, so the list's order is walked until a page of matches"},
};

static bool is_allowed(const char *sql, const char *step)
{
	for (size_t i = 0; i < ARRAY_LEN(allowed); i++)
		if (strstr(sql, allowed[i].sql) && strstr(step, allowed[i].step))
			return true;
	return false;
}

/* Is name, in sql, a table of the schema or an alias of one ("event e",
 * "person AS lead")? Not a subquery's or a CTE's name. */
static bool names_table(struct plans *f, const char *sql, const char *name)
{
	for (size_t i = 0; i < f->ntables; i++) {
		char as[160], alias[160];
		snprintf(as, sizeof as, "%s AS %s", f->tables[i], name);
		snprintf(alias, sizeof alias, "%s %s ", f->tables[i], name);
		if (strcmp(f->tables[i], name) == 0 || strstr(sql, as) || strstr(sql, alias))
			return true;
	}
	return false;
}

/* The steps of plan that scan a table and are not allowed, appended to out. */
static int bad_steps(struct plans *f, const char *sql, const char *plan, char *out, size_t n)
{
	int bad = 0;
	for (const char *line = plan; *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char step[512], name[128] = "";
		snprintf(step, sizeof step, "%.*s", (int)len, line);
		line += len + (end ? 1 : 0);
		const char *scan = strstr(step, "SCAN ");
		if (!scan || sscanf(scan, "SCAN %127[^ ]", name) != 1 ||
		    !names_table(f, sql, name) || is_allowed(sql, step))
			continue;
		size_t used = strlen(out);
		snprintf(out + used, n - used, "  %s\n", step);
		bad++;
	}
	return bad;
}

static int add_table(void *arg, const struct db_value *vals, size_t n)
{
	struct plans *f = arg;
	if (n == 1 && vals[0].kind == DBV_TEXT && f->ntables < MAX_TABLES)
		f->tables[f->ntables++] = strdup(vals[0].s);
	return 0;
}

/* The plans of every statement f recorded: the number of scanning steps
 * not allowed (printed), after the tables of the schema are read. */
static int check_plans(struct plans *f)
{
	struct err e = {0};
	static const char *const name_col[] = {"name"};
	const struct record_query tables = {.table = "main.sqlite_master",
	                                    .cols = name_col,
	                                    .ncols = 1,
	                                    .where = "type = 'table'",
	                                    .order_by = "name"};
	if (record_store_scan(f->fx.ctx.db, &tables, add_table, f, &e) < 0)
		fail_msg("tables: %s", e.msg);
	assert_true(f->ntables > 10);

	bool verbose = getenv("PLANS_VERBOSE") != NULL;
	int bad = 0;
	for (size_t i = 0; i < f->n; i++) {
		char *plan = db_query_plan(f->fx.ctx.db, f->sql[i], &e);
		if (!plan)
			fail_msg("%s: %s", f->sql[i], e.msg);
		char steps[4096] = "";
		int k = bad_steps(f, f->sql[i], plan, steps, sizeof steps);
		if (verbose || k)
			fprintf(stderr, "%s%s\n%s\n", k ? "FULL SCAN: " : "", f->sql[i],
			        k && !verbose ? steps : plan);
		bad += k;
		free(plan);
		free(f->sql[i]);
	}
	fprintf(stderr, "%s: %zu statements, %d scanning steps not allowed\n",
	        f->fx.ctx.lead ? f->fx.ctx.lead->login : "no lead", f->n, bad);
	free(f->sql);
	f->sql = NULL;
	for (size_t i = 0; i < f->ntables; i++)
		free(f->tables[i]);
	f->ntables = 0;
	return bad;
}

static void test_no_full_scan(void **state)
{
	(void)state;
	static struct plans f;
	struct err e = {0};
	assert_int_equal(fixture_open(&f.fx, NOW), 0);
	struct demo_summary sum;
	if (demo_fill(&f.fx.ctx, DEMO_SMALL, false, &sum, &e) < 0)
		fail_msg("demo: %s", e.msg);
	db_trace(f.fx.ctx.db, remember, &f);
	visit_lists(&f);
	visit_records(&f);
	visit_assign(&f);
	visit_registrations(&f);
	visit_forms(&f);
	visit_reports(&f);
	visit_kiosk(&f);
	visit_conflicts(&f);
	db_trace(f.fx.ctx.db, NULL, NULL);
	size_t n = f.n;
	int bad = check_plans(&f);
	fixture_close(&f.fx);
	assert_true(n > 100);
	assert_int_equal(bad, 0);
}

/* The same screens for each kind of lead: every query then reads through
 * the lead's scope (core/lead.h), whose conditions must seek indexes too. */
static void test_no_full_scan_scoped(void **state)
{
	(void)state;
	static const struct {
		const char *login, *role, *key, *value;
	} leads[] = {
	    {"co", "coordinator", "event", "2"}, {"rl", "role_lead", "role_id", "6"},
	    {"ol", "org_lead", "org", "5"},      {"vw", "viewer", "event", "2"},
	    {"ce", "coordinator", NULL, NULL},
	};
	char path[64];
	struct err e = {0};
	struct plans f = {0};
	snprintf(path, sizeof path, "/tmp/muster-plans-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	assert_int_equal(fixture_open_file(&f.fx, NOW, path), 0);
	struct demo_summary sum;
	if (demo_fill(&f.fx.ctx, DEMO_SMALL, false, &sum, &e) < 0)
		fail_msg("demo: %s", e.msg);
	fixture_add(&f.fx.ctx, "lead", "login", "tester", "role", "admin", NULL);
	for (size_t i = 0; i < ARRAY_LEN(leads); i++)
		fixture_add(&f.fx.ctx, "lead", "login", leads[i].login, "role", leads[i].role,
		            leads[i].key, leads[i].value, NULL);
	fixture_close(&f.fx);
	int bad = 0;
	for (size_t i = 0; i < ARRAY_LEN(leads); i++) {
		struct lead l;
		memset(&f, 0, sizeof f);
		assert_int_equal(fixture_open_file(&f.fx, NOW, path), 0);
		snprintf(f.fx.ctx.actor, sizeof f.fx.ctx.actor, "%s", leads[i].login);
		if (lead_open(&f.fx.ctx, &l, &e) < 0)
			fail_msg("lead %s: %s", leads[i].login, e.msg);
		db_trace(f.fx.ctx.db, remember, &f);
		visit_lists(&f);
		visit_records(&f);
		visit_assign(&f);
		visit_reports(&f);
		visit_conflicts(&f);
		(void)lead_flush(&f.fx.ctx, &e);
		db_trace(f.fx.ctx.db, NULL, NULL);
		assert_true(f.n > 50);
		bad += check_plans(&f);
		fixture_close(&f.fx);
		lead_close(&l);
	}
	char side[80];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_no_full_scan),
	    cmocka_unit_test(test_no_full_scan_scoped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
