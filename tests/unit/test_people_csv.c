/* test_people_csv.c - import people from CSV: matching by email (any case)
 * and by volunteer code with name, merging rules, one transaction, and the
 * export reading back field for field. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/entity.h"
#include "../../core/people_csv.h"
#include "../../core/xmalloc.h"
#include "fixture.h"

/* The fixture and a scratch file for the sheets. */
struct people_fixture {
	struct fixture fx;
	char path[64];
};

static int setup(void **state)
{
	static struct people_fixture f;
	memset(&f, 0, sizeof f);
	if (fixture_open(&f.fx, FIXTURE_NOW) < 0)
		return -1;
	snprintf(f.path, sizeof f.path, "/tmp/muster-people-XXXXXX");
	int fd = mkstemp(f.path);
	if (fd < 0)
		return -1;
	close(fd);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct people_fixture *f = *state;
	unlink(f->path);
	fixture_close(&f->fx);
	return 0;
}

/* Import text as a file; returns the importer's status. */
static int import(struct people_fixture *f, const char *text, struct people_csv_stats *st,
                  struct err *e)
{
	FILE *out = fopen(f->path, "wb");
	assert_non_null(out);
	fputs(text, out);
	fclose(out);
	struct people_csv_opts o = {0};
	return people_csv_import(&f->fx.ctx, f->path, &o, st, e);
}

static int64_t count(struct people_fixture *f, const char *table)
{
	struct db_value v;
	char *sql = xasprintf("SELECT count(*) FROM %s", table);
	assert_int_equal(record_store_value(f->fx.ctx.db, sql, NULL, 0, &v, NULL), 0);
	free(sql);
	return v.i;
}

/* A text column of person id. */
static char *field(struct people_fixture *f, int64_t id, const char *name)
{
	struct record r;
	struct err e = {0};
	assert_int_equal(record_get(&f->fx.ctx, entity_find("person"), id, &r, &e), 0);
	char buf[1024];
	record_format_field(&r, (size_t)entity_field_index(r.ent, name), buf, sizeof buf);
	record_free(&r);
	return xstrdup(buf);
}

#define ASSERT_FIELD(f, id, name, want)                                                            \
	do {                                                                                       \
		char *got_ = field(f, id, name);                                                   \
		assert_string_equal(got_, want);                                                   \
		free(got_);                                                                        \
	} while (0)

static void adds_people_orgs_skills(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	assert_int_equal(import(f,
	                        "Name,E-mail,Organization,Skills,Birth Date,Confidential\n"
	                        "Dana Reyes,dana@example.org,Harbor Light,"
	                        "\"First aid;AV (until 2027-06-30)\",1990-03-14,yes\n"
	                        "Omar Haddad,,harbor light,first aid,,\n",
	                        &st, &e),
	                 0);
	assert_int_equal(st.rows, 2);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.orgs_added, 1);
	assert_int_equal(st.skills_added, 2);
	assert_int_equal(st.no_email, 1);
	assert_int_equal(count(f, "person_skill"), 3);
	ASSERT_FIELD(f, 1, "org", "1");
	ASSERT_FIELD(f, 2, "org", "1");
	ASSERT_FIELD(f, 1, "confidential", "1");
	ASSERT_FIELD(f, 1, "birth_date", "1990-03-14");
	char *code = field(f, 1, "volunteer_code");
	assert_int_equal(strlen(code), 6);
	free(code);
}

static void email_match_updates_and_keeps(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	assert_int_equal(import(f,
	                        "name,email,phone,notes,confidential,skills\n"
	                        "Dana Reyes,dana@example.org,555-0101,first note,yes,"
	                        "First aid (until 2027-01-01)\n",
	                        &st, &e),
	                 0);
	/* a later sheet: other case of email, no phone, confidential no */
	assert_int_equal(import(f,
	                        "name,email,phone,notes,confidential,skills\n"
	                        "Dana Reyes-Smith,DANA@Example.org,,,no,"
	                        "first aid (until 2028-01-01);Khmer\n",
	                        &st, &e),
	                 0);
	assert_int_equal(st.added, 0);
	assert_int_equal(st.updated, 1);
	assert_int_equal(st.renamed, 1);
	assert_int_equal(count(f, "person"), 1);
	ASSERT_FIELD(f, 1, "name", "Dana Reyes-Smith");
	ASSERT_FIELD(f, 1, "email", "DANA@Example.org");
	ASSERT_FIELD(f, 1, "phone", "555-0101");       /* empty cell keeps it */
	ASSERT_FIELD(f, 1, "notes", "first note");     /* empty cell keeps it */
	ASSERT_FIELD(f, 1, "confidential", "1");       /* never cleared by import */
	assert_int_equal(count(f, "person_skill"), 2); /* added, never removed */
	struct db_value v;
	assert_int_equal(record_store_value(f->fx.ctx.db,
	                                    "SELECT expires FROM person_skill WHERE skill = 1",
	                                    NULL, 0, &v, NULL),
	                 0);
	assert_string_equal(v.s, "2028-01-01");
	db_value_clear(&v);
	/* the same sheet again changes nothing */
	assert_int_equal(import(f,
	                        "name,email\n"
	                        "Dana Reyes-Smith,DANA@Example.org\n",
	                        &st, &e),
	                 0);
	assert_int_equal(st.unchanged, 1);
}

static void code_and_name_match_without_email(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	assert_int_equal(import(f, "name,volunteer_code\nAna Cruz,ACD347\n", &st, &e), 0);
	ASSERT_FIELD(f, 1, "volunteer_code", "ACD347"); /* free: kept */
	/* same code and name (any case): the same person */
	assert_int_equal(import(f, "name,volunteer_code,phone\nana cruz,acd347,555\n", &st, &e), 0);
	assert_int_equal(st.updated, 1);
	assert_int_equal(count(f, "person"), 1);
	/* same code, another name: someone else, who gets a fresh code */
	assert_int_equal(import(f, "name,volunteer_code\nLuis Cruz,ACD347\n", &st, &e), 0);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.new_codes, 1);
	char *code = field(f, 2, "volunteer_code");
	assert_string_not_equal(code, "ACD347");
	free(code);
}

static void same_email_twice_in_one_file(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	assert_int_equal(import(f,
	                        "name,email,phone\n"
	                        "Ana Cruz,ana@example.org,\n"
	                        "ANA CRUZ,Ana@Example.org,555\n",
	                        &st, &e),
	                 0);
	assert_int_equal(st.added, 1);
	assert_int_equal(st.repeated, 1);
	ASSERT_FIELD(f, 1, "phone", "555");
	assert_int_equal(import(f,
	                        "name,email\n"
	                        "Ana Cruz,family@example.org\n"
	                        "Luis Cruz,family@example.org\n",
	                        &st, &e),
	                 -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_non_null(strstr(e.msg, ":3: email family@example.org is also on line 2, for Ana "
	                              "Cruz, not Luis Cruz"));
}

/* A new person's skills wait to be written with others'; a later row for
 * the same person, and more than a batch of links, still land. */
static void skills_of_a_repeated_new_person(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	char *text = xasprintf("name,email,skills\n"
	                       "Dana Reyes,dana@example.org,First aid\n"
	                       "Omar Haddad,omar@example.org,AV\n"
	                       "Dana Reyes,dana@example.org,First aid;AV (until 2027-01-01)\n");
	for (int i = 0; i < 70; i++) {
		char *more = xasprintf("%sPerson %d,p%d@example.org,First aid;AV\n", text, i, i);
		free(text);
		text = more;
	}
	int rc = import(f, text, &st, &e);
	free(text);
	if (rc != 0)
		fail_msg("%s", e.msg);
	assert_int_equal(st.added, 72);
	assert_int_equal(st.repeated, 1);
	assert_int_equal(count(f, "person_skill"), 3 + 140);
	struct db_value v;
	assert_int_equal(record_store_value(f->fx.ctx.db,
	                                    "SELECT expires FROM person_skill WHERE person = 1"
	                                    " AND skill = 2",
	                                    NULL, 0, &v, NULL),
	                 0);
	assert_int_equal(v.kind, DBV_TEXT);
	assert_string_equal(v.s, "2027-01-01");
	db_value_clear(&v);
}

static void bad_row_keeps_nothing(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	int64_t audits = count(f, "audit");
	assert_int_equal(import(f,
	                        "name,email,org,skills\n"
	                        "Dana Reyes,dana@example.org,New Org,New Skill\n"
	                        "Omar Haddad,omar@example.org,,\n"
	                        "Bad Email,not-an-email,,\n",
	                        &st, &e),
	                 -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_non_null(strstr(e.msg, ":4: email: \"not-an-email\" is not an email address"));
	assert_int_equal(count(f, "person"), 0);
	assert_int_equal(count(f, "org"), 0);
	assert_int_equal(count(f, "skill"), 0);
	assert_int_equal(count(f, "person_skill"), 0);
	assert_int_equal(count(f, "audit"), audits);
	assert_false(db_in_transaction(f->fx.ctx.db));
}

static void message_is_one_line(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	assert_int_equal(import(f, "name,email\nX,\"bad\nemail\"\n", &st, &e), -1);
	assert_null(strchr(e.msg, '\n'));
}

static void registers_with_event(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	struct field_assign ev[] = {{"name", "Forum"},
	                            {"starts", "2027-03-13 08:00"},
	                            {"ends", "2027-03-14 17:30"},
	                            {"tz", "America/New_York"}};
	int64_t event;
	assert_int_equal(record_add(&f->fx.ctx, entity_find("event"), ev, 4, &event, &e), 0);
	FILE *out = fopen(f->path, "wb");
	fputs("name,email\nAna,ana@example.org\nBen,ben@example.org\nAna,ana@example.org\n", out);
	fclose(out);
	struct people_csv_opts o = {.event = event, .kind = "volunteer"};
	assert_int_equal(people_csv_import(&f->fx.ctx, f->path, &o, &st, &e), 0);
	assert_int_equal(st.registered, 2);
	assert_int_equal(count(f, "registration"), 2);
	assert_int_equal(people_csv_import(&f->fx.ctx, f->path, &o, &st, &e), 0);
	assert_int_equal(st.registered, 0);
	assert_int_equal(st.already_registered, 2);
	o.kind = "vip";
	assert_int_equal(people_csv_import(&f->fx.ctx, f->path, &o, &st, &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
	o.event = 99;
	o.kind = NULL;
	assert_int_equal(people_csv_import(&f->fx.ctx, f->path, &o, &st, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
}

struct rows {
	char *text;
	size_t len;
	FILE *csv; /* also written here as CSV when set */
};

static void add_text(struct rows *r, const char *c, char end)
{
	size_t n = strlen(c);
	r->text = xrealloc(r->text, r->len + n + 2);
	memcpy(r->text + r->len, c, n);
	r->len += n;
	r->text[r->len++] = end;
	r->text[r->len] = '\0';
}

/* The export without ids and codes (they belong to one database) as
 * "name|email|...\n", and the whole of it as CSV into r->csv. */
static int keep_row(void *arg, const char *const *cells)
{
	struct rows *r = arg;
	for (size_t i = 0; i < PEOPLE_CSV_NCOLS; i++) {
		const char *c = cells[i] ? cells[i] : "";
		if (r->csv) {
			fputs(i ? "," : "", r->csv);
			csv_fwrite(r->csv, c, strlen(c));
		}
		if (i != 0 && i != 7)
			add_text(r, c, i + 1 < PEOPLE_CSV_NCOLS ? '|' : '\n');
	}
	if (r->csv)
		fputs("\r\n", r->csv);
	return 0;
}

static const char sheet[] = "name,email,phone,org,birth_date,confidential,notes,skills\n"
                            "\"Reyes, Dana\",dana@example.org,555,\"Org, Inc.\",1990-03-14,1,"
                            "\"two\nlines \"\"quoted\"\"\",\"B;A (until 2027-06-30)\"\n"
                            "李小龍,,,,,0,,\n";

static const char sheet_read_back[] =
    "Reyes, Dana|dana@example.org|555|Org, Inc.|1990-03-14|1|two\nlines \"quoted\"|"
    "A (until 2027-06-30);B\n"
    "李小龍|||||0||\n";

static void export_reads_back(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	assert_int_equal(import(f, sheet, &st, &e), 0);
	struct rows first = {xstrdup(""), 0, fopen(f->path, "wb")};
	assert_non_null(first.csv);
	fputs(people_csv_columns()[0], first.csv);
	for (size_t i = 1; i < PEOPLE_CSV_NCOLS; i++)
		fprintf(first.csv, ",%s", people_csv_columns()[i]);
	fputs("\r\n", first.csv);
	assert_int_equal(people_csv_export(&f->fx.ctx, 0, keep_row, &first, &e), 0);
	fclose(first.csv);
	assert_string_equal(first.text, sheet_read_back);

	/* into an empty database: the same people, field for field */
	struct ctx other = f->fx.ctx;
	assert_int_equal(db_open(":memory:", NULL, &other.db, &e), 0);
	struct people_csv_opts o = {0};
	assert_int_equal(people_csv_import(&other, f->path, &o, &st, &e), 0);
	assert_int_equal(st.added, 2);
	struct rows second = {xstrdup(""), 0, NULL};
	assert_int_equal(people_csv_export(&other, 0, keep_row, &second, &e), 0);
	assert_string_equal(second.text, first.text);
	db_close(other.db);
	free(first.text);
	free(second.text);
}

struct progress_seen {
	int calls;
	uint64_t done, total;
};

static void on_progress(void *arg, uint64_t done, uint64_t total)
{
	struct progress_seen *p = arg;
	p->calls++;
	p->done = done;
	p->total = total;
}

static void progress_reaches_the_end(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	struct progress_seen p = {0};
	FILE *out = fopen(f->path, "wb");
	fputs("name\n", out);
	for (int i = 0; i < 20000; i++)
		fprintf(out, "Person %d\n", i);
	long size = ftell(out);
	fclose(out);
	struct people_csv_opts o = {.progress = on_progress, .progress_arg = &p};
	assert_int_equal(people_csv_import(&f->fx.ctx, f->path, &o, &st, &e), 0);
	assert_true(p.calls >= 3); /* one per 64 KiB read */
	assert_int_equal(p.total, (uint64_t)size);
	assert_int_equal(p.done, (uint64_t)size);
}

static void skill_names_hold_no_semicolon(void **state)
{
	struct people_fixture *f = *state;
	struct err e = {0};
	struct field_assign fa[] = {{"name", "First aid; CPR"}};
	int64_t id;
	assert_int_equal(record_add(&f->fx.ctx, entity_find("skill"), fa, 1, &id, &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
}

/* Every cell, those parsed apart (org, skills, code) as well, is text
 * without control characters; line breaks only in notes. */
static void controls_refused_in_every_cell(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	static const struct {
		const char *sheet, *why;
	} bad[] = {
	    {"name\nDana\x1b]52;c;eA==\x07\n", ":2: name: holds the control character U+001B"},
	    {"name,org\nDana,\"Org\xc2\x85\"\n", ":2: org: holds the control character U+0085"},
	    {"name,skills\nDana,\"First aid\nCPR\"\n", ":2: skills: holds a line break"},
	    {"name,phone\nDana,\"555\t1\"\n", ":2: phone: holds a tab"},
	    {"name,notes\nDana,\"ok\x07\"\n", ":2: notes: holds the control character U+0007"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		assert_int_equal(import(f, bad[i].sheet, &st, &e), -1);
		assert_int_equal(e.code, ERR_INPUT);
		if (!strstr(e.msg, bad[i].why))
			fail_msg("%zu: \"%s\" lacks \"%s\"", i, e.msg, bad[i].why);
		assert_null(strchr(e.msg, '\x1b'));
	}
	assert_int_equal(count(f, "person"), 0);
	assert_int_equal(count(f, "org"), 0);
	assert_int_equal(import(f, "name,notes\nDana,\"one\r\n\ttwo\"\n", &st, &e), 0);
	ASSERT_FIELD(f, 1, "notes", "one\n\ttwo");
}

/* An expiry date alone says the skill name is missing, whatever the date
 * (it read "skills: : bad date"); with a name, the bad date names it. */
static void expiry_without_skill_name(void **state)
{
	struct people_fixture *f = *state;
	struct people_csv_stats st;
	struct err e = {0};
	static const struct {
		const char *sheet, *says;
	} bad[] = {
	    {"name,skills\nDana,(until 2027-13-45)\n",
	     ":2: skills: \"(until 2027-13-45)\" has no skill name before it"},
	    {"name,skills\nDana,First aid;(until )\n",
	     ":2: skills: \"(until )\" has no skill name before it"},
	    {"name,skills\nDana,(until 2027-06-30)\n",
	     ":2: skills: \"(until 2027-06-30)\" has no skill name before it"},
	    {"name,skills\nDana,First aid (until 2027-13-45)\n",
	     ":2: skills: First aid: bad date \"2027-13-45\": month 13 is out of range (01-12)"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		assert_int_equal(import(f, bad[i].sheet, &st, &e), -1);
		const char *at = strstr(e.msg, ":2: ");
		if (!at || strcmp(at, bad[i].says) != 0)
			fail_msg("%zu: \"%s\", wanted ...\"%s\"", i, e.msg, bad[i].says);
		assert_null(strstr(e.msg, ": :"));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(adds_people_orgs_skills, setup, teardown),
	    cmocka_unit_test_setup_teardown(email_match_updates_and_keeps, setup, teardown),
	    cmocka_unit_test_setup_teardown(code_and_name_match_without_email, setup, teardown),
	    cmocka_unit_test_setup_teardown(same_email_twice_in_one_file, setup, teardown),
	    cmocka_unit_test_setup_teardown(skills_of_a_repeated_new_person, setup, teardown),
	    cmocka_unit_test_setup_teardown(bad_row_keeps_nothing, setup, teardown),
	    cmocka_unit_test_setup_teardown(message_is_one_line, setup, teardown),
	    cmocka_unit_test_setup_teardown(registers_with_event, setup, teardown),
	    cmocka_unit_test_setup_teardown(export_reads_back, setup, teardown),
	    cmocka_unit_test_setup_teardown(skill_names_hold_no_semicolon, setup, teardown),
	    cmocka_unit_test_setup_teardown(progress_reaches_the_end, setup, teardown),
	    cmocka_unit_test_setup_teardown(controls_refused_in_every_cell, setup, teardown),
	    cmocka_unit_test_setup_teardown(expiry_without_skill_name, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
