/* test_search.c - `/` in the lists: what a query matches (substrings of 3
 * characters or more in any script and case, word starts with case and
 * diacritics folded, a person's email and volunteer code by prefix), that
 * FTS5's query syntax in a query is only text, that both plans of
 * db/page_store.c give the same rows page after page, that the indexes
 * follow every write, made through muster or as plain SQL, and after a
 * bulk write that paused them (db/search_store.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/array.h"
#include "../../core/page.h"
#include "../../db/db_internal.h"
#include "../../db/record_store.h"
#include "../../db/search_store.h"
#include "fixture.h"

#define MAX_GOT 256

struct got {
	char names[MAX_GOT][64];
	int64_t ids[MAX_GOT];
	struct db_value key; /* of the last row */
	int n;
};

static int collect(void *arg, const struct page_row *r)
{
	struct got *g = arg;
	if (g->n == MAX_GOT)
		return 1;
	snprintf(g->names[g->n], sizeof g->names[0], "%s",
	         r->cols[0].kind == DBV_TEXT ? r->cols[0].s : "");
	g->ids[g->n++] = r->id;
	return 0;
}

/* The people a query finds (first MAX_GOT), with the plan given. */
static void find(struct fixture *f, const char *view, const char *q, enum page_plan plan,
                 struct got *g)
{
	struct err e = {0};
	struct page_req r = {.search = q, .plan = plan, .limit = MAX_GOT};
	memset(g, 0, sizeof *g);
	if (page_fetch(&f->ctx, view, &r, collect, g, &e) < 0)
		fail_msg("search \"%s\": %s", q, e.msg);
}

static bool found(const struct got *g, const char *name)
{
	for (int i = 0; i < g->n; i++)
		if (strcmp(g->names[i], name) == 0)
			return true;
	return false;
}

/* q finds exactly the names listed (NULL-terminated), under both plans. */
static void expect(struct fixture *f, const char *q, ...)
{
	static const enum page_plan plans[] = {PAGE_PLAN_AUTO, PAGE_PLAN_SEEK, PAGE_PLAN_WALK};
	for (size_t p = 0; p < ARRAY_LEN(plans); p++) {
		struct got g;
		int n = 0;
		va_list ap;
		find(f, "people", q, plans[p], &g);
		va_start(ap, q);
		for (const char *name; (name = va_arg(ap, const char *)) != NULL; n++)
			if (!found(&g, name))
				fail_msg("\"%s\" (plan %zu) does not find %s", q, p, name);
		va_end(ap);
		if (g.n != n)
			fail_msg("\"%s\" (plan %zu) finds %d people, not %d (first: %s)", q, p, g.n,
			         n, g.names[0]);
	}
}

static void add_people(struct fixture *f)
{
	static const char *const who[] = {
	    "José Castañeda", "ÉLODIE DURAND", "Nguyễn Văn An", "Zoë O'Brien",        "Jonas Berg",
	    "Amojo Risin",    "李伟",          "Елена Иванова", "Ana \"Nana\" Silva",
	};
	for (size_t i = 0; i < ARRAY_LEN(who); i++)
		fixture_add(&f->ctx, "person", "name", who[i], NULL);
	fixture_add(&f->ctx, "person", "name", "Dana Reyes", "email", "dana.reyes@example.org",
	            NULL);
}

static void test_what_matches(void **state)
{
	struct fixture *f = *state;
	add_people(f);
	/* a word's start, case and diacritics folded */
	expect(f, "jose", "José Castañeda", NULL);
	expect(f, "JOSÉ", "José Castañeda", NULL);
	expect(f, "elodie", "ÉLODIE DURAND", NULL);
	expect(f, "nguyen", "Nguyễn Văn An", NULL);
	expect(f, "van an", "Nguyễn Văn An", NULL);
	expect(f, "zoe o", "Zoë O'Brien", NULL);
	expect(f, "brien", "Zoë O'Brien", NULL);
	/* a substring of 3 characters or more, case folded in any script */
	expect(f, "castañ", "José Castañeda", NULL);
	expect(f, "élodie d", "ÉLODIE DURAND", NULL);
	expect(f, "урand", NULL);
	expect(f, "елена", "Елена Иванова", NULL);
	expect(f, "ИВАН", "Елена Иванова", NULL);
	expect(f, "ojo", "Amojo Risin", NULL);
	expect(f, "urand", "ÉLODIE DURAND", NULL);
	/* shorter: word starts only */
	expect(f, "jo", "José Castañeda", "Jonas Berg", NULL);
	expect(f, "李伟", "李伟", NULL);
	expect(f, "李", "李伟", NULL);
	expect(f, "zq", NULL);
	/* the email and the volunteer code, by their start */
	expect(f, "dana.r", "Dana Reyes", NULL);
	expect(f, "DANA.REYES@", "Dana Reyes", NULL);
	expect(f, "reyes@", "Dana Reyes", NULL); /* the word "reyes" starts */
	struct db_value code;
	struct err e = {0};
	const struct db_value dana = db_text("Dana Reyes");
	assert_int_equal(record_store_value(f->ctx.db,
	                                    "SELECT lower(substr(volunteer_code, 1, 4)) FROM person"
	                                    " WHERE name = ?",
	                                    &dana, 1, &code, &e),
	                 0);
	expect(f, code.s, "Dana Reyes", NULL);
	db_value_clear(&code);
	/* FTS5's query syntax is only text in a query */
	expect(f, "\"nana\"", "Ana \"Nana\" Silva", NULL);
	expect(f, "\"", NULL);
	static const char *const syntax[] = {"AND", "a OR b", "NEAR(a b)", "name:ana", "*", "^ana",
	                                     "(",   "-",      "ana*",      "\"\"\"",   "'"};
	for (size_t i = 0; i < ARRAY_LEN(syntax); i++) {
		struct got g;
		find(f, "people", syntax[i], PAGE_PLAN_AUTO, &g);
	}
}

/* Page after page, forward and back, the two plans agree. */
static void test_plans_agree(void **state)
{
	struct fixture *f = *state;
	static const char *const first[] = {"Maria", "Mario", "Marta", "Omar", "Tamara", "Ana"};
	static const char *const last[] = {"Marín", "Sánchez", "Amaral", "Lima", "Ramos"};
	char name[64];
	for (int i = 0; i < 120; i++) {
		snprintf(name, sizeof name, "%s %s %d", first[i % 6], last[i % 5], i);
		fixture_add(&f->ctx, "person", "name", name, NULL);
	}
	static const char *const queries[] = {"mar", "ama", "ma", "sanchez", "lima 1", "o"};
	for (size_t q = 0; q < ARRAY_LEN(queries); q++) {
		for (int backward = 0; backward < 2; backward++) {
			struct got seek, walk;
			char after[64];
			struct page_req r = {
			    .search = queries[q], .limit = 7, .backward = backward};
			struct err e = {0};
			for (int page = 0; page < 30; page++) {
				memset(&seek, 0, sizeof seek);
				memset(&walk, 0, sizeof walk);
				r.plan = PAGE_PLAN_SEEK;
				assert_int_equal(
				    page_fetch(&f->ctx, "people", &r, collect, &seek, &e), 0);
				r.plan = PAGE_PLAN_WALK;
				assert_int_equal(
				    page_fetch(&f->ctx, "people", &r, collect, &walk, &e), 0);
				assert_int_equal(seek.n, walk.n);
				for (int i = 0; i < seek.n; i++)
					assert_int_equal(seek.ids[i], walk.ids[i]);
				if (seek.n == 0)
					break;
				r.has_after = true;
				snprintf(after, sizeof after, "%s", seek.names[seek.n - 1]);
				r.after_key = db_text(after);
				r.after_id = seek.ids[seek.n - 1];
			}
		}
	}
}

/* Renames, deletions and plain SQL writes reach the indexes. */
static void test_indexes_follow_writes(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t id = fixture_add(&f->ctx, "person", "name", "Ruth Okafor", NULL);
	expect(f, "okafor", "Ruth Okafor", NULL);
	const struct field_assign rename[] = {{"name", "Ruth Mensah"}};
	assert_int_equal(record_set(&f->ctx, entity_find("person"), id, rename, 1, &e), 0);
	expect(f, "okafor", NULL);
	expect(f, "mensah", "Ruth Mensah", NULL);
	/* as another program would write it */
	const char *cols[] = {"name"};
	const struct db_value v = db_text("Ruth Ngozi");
	assert_int_equal(record_store_update(f->ctx.db, "person", id, cols, &v, 1, &e), 0);
	expect(f, "mensah", NULL);
	expect(f, "ngozi", "Ruth Ngozi", NULL);
	assert_int_equal(record_rm(&f->ctx, entity_find("person"), id, &e), 0);
	expect(f, "ngozi", NULL);
	/* the other lists' names: an event renamed */
	int64_t ev =
	    fixture_add(&f->ctx, "event", "name", "Forum Éire", "starts", "2027-03-13 08:00",
	                "ends", "2027-03-14 18:00", "tz", "Europe/Dublin", NULL);
	struct got g;
	find(f, "events", "eire", PAGE_PLAN_AUTO, &g);
	assert_int_equal(g.n, 1);
	const struct field_assign title[] = {{"name", "Summit"}};
	assert_int_equal(record_set(&f->ctx, entity_find("event"), ev, title, 1, &e), 0);
	find(f, "events", "eire", PAGE_PLAN_AUTO, &g);
	assert_int_equal(g.n, 0);
	find(f, "events", "summ", PAGE_PLAN_AUTO, &g);
	assert_int_equal(g.n, 1);
}

/* FTS5's own check of an index against its content table. */
static void index_intact(struct fixture *f, const char *fts)
{
	char sql[128];
	struct err e = {0};
	snprintf(sql, sizeof sql, "INSERT INTO %s(%s) VALUES ('integrity-check')", fts, fts);
	if (db_exec(f->ctx.db, sql, &e) < 0)
		fail_msg("%s: %s", fts, e.msg);
}

/* A bulk write pauses the triggers for the rows it adds and indexes them at
 * the end: rows renamed or removed meanwhile, old or new, come out right. */
static void test_bulk_write_paused(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t old = fixture_add(&f->ctx, "person", "name", "Ruth Okafor", NULL);
	int64_t gone = fixture_add(&f->ctx, "person", "name", "Kofi Mensah", NULL);
	assert_int_equal(db_begin(f->ctx.db, &e), 0);
	assert_int_equal(search_store_pause(f->ctx.db, &e), 0);
	int64_t a = fixture_add(&f->ctx, "person", "name", "Amara Diallo", NULL);
	int64_t b = fixture_add(&f->ctx, "person", "name", "Bruno Sá", NULL);
	fixture_add(&f->ctx, "person", "name", "Chidi Obi", NULL);
	const struct field_assign rename[] = {{"name", "Amara Keita"}};
	assert_int_equal(record_set(&f->ctx, entity_find("person"), a, rename, 1, &e), 0);
	const struct field_assign old_rename[] = {{"name", "Ruth Adeyemi"}};
	assert_int_equal(record_set(&f->ctx, entity_find("person"), old, old_rename, 1, &e), 0);
	assert_int_equal(record_rm(&f->ctx, entity_find("person"), b, &e), 0);
	assert_int_equal(record_rm(&f->ctx, entity_find("person"), gone, &e), 0);
	assert_int_equal(search_store_resume(f->ctx.db, &e), 0);
	assert_int_equal(db_commit(f->ctx.db, &e), 0);
	expect(f, "diallo", NULL);
	expect(f, "keita", "Amara Keita", NULL);
	expect(f, "obi", "Chidi Obi", NULL);
	expect(f, "sa", NULL);
	expect(f, "okafor", NULL);
	expect(f, "adeyemi", "Ruth Adeyemi", NULL);
	expect(f, "mensah", NULL);
	index_intact(f, "person_trigram");
	index_intact(f, "person_words");
	index_intact(f, "audit_trigram");
	index_intact(f, "audit_words");
	/* the audit of the paused write is found too */
	struct got g;
	find(f, "audit", "chidi", PAGE_PLAN_AUTO, &g);
	assert_int_equal(g.n, 1);
	/* no pause outside a transaction, none left after it */
	assert_int_equal(search_store_pause(f->ctx.db, &e), -1);
	fixture_add(&f->ctx, "person", "name", "Dede Asante", NULL);
	expect(f, "asante", "Dede Asante", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    fixture_unit_test(test_what_matches),
	    fixture_unit_test(test_plans_agree),
	    fixture_unit_test(test_indexes_follow_writes),
	    fixture_unit_test(test_bulk_write_paused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
