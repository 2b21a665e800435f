/* test_undo.c - undo of a session's own changes through the audit log
 * (core/undo.c): an assignment added and dropped, a registration added and
 * cancelled, an edit, a delete, several steps back, private values kept in
 * memory only, and the refusals when another lead built on a change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "../../core/erase.h"
#include "../../core/registration.h"
#include "../../core/staffing.h"
#include "../../core/tz.h"
#include "../../core/undo.h"
#include "fixture.h"

#define CHI "America/Chicago"

struct undo_fixture {
	struct fixture fx;
	struct ctx other; /* another lead on the same database, keeping nothing */
	int64_t event, role, room, shift[2], person[2];
};

static int64_t at(const char *text)
{
	return fixture_at(CHI, text);
}

/* Forum (Chicago, 7 Dec 2024), room Salon A, Greeter shifts 09-11 and
 * 10-12 (overlapping), two people; the session starts after all that. */
static int setup(void **state)
{
	static struct undo_fixture f;
	struct err e = {0};
	memset(&f, 0, sizeof f);
	if (fixture_open(&f.fx, at("2024-11-24 12:00")) < 0)
		return -1;
	struct ctx *c = &f.fx.ctx;
	f.event = fixture_try_add(c, "event", &e, "name", "Forum", "starts", "2024-12-07 08:00",
	                          "ends", "2024-12-07 18:00", "tz", CHI, NULL);
	f.role =
	    fixture_try_add(c, "role", &e, "event", fixture_num(f.event), "name", "Greeter", NULL);
	f.room = fixture_try_add(c, "room", &e, "event", fixture_num(f.event), "name", "Salon A",
	                         "capacity", "40", NULL);
	static const char *const times[][2] = {{"2024-12-07 09:00", "2024-12-07 11:00"},
	                                       {"2024-12-07 10:00", "2024-12-07 12:00"}};
	static const char *const names[] = {"Dana Kowalski", "최도윤"};
	for (int i = 0; i < 2; i++) {
		f.shift[i] = fixture_try_add(c, "shift", &e, "event", fixture_num(f.event), "role",
		                             fixture_num(f.role), "starts", times[i][0], "ends",
		                             times[i][1], NULL);
		f.person[i] = fixture_try_add(c, "person", &e, "name", names[i], "email",
		                              i ? "doyun@example.org" : "dana@example.org", NULL);
		if (f.shift[i] < 0 || f.person[i] < 0)
			return -1;
	}
	c->undo = undo_session_new();
	f.other = *c;
	f.other.undo = NULL;
	strcpy(f.other.actor, "bob");
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct undo_fixture *f = *state;
	undo_session_free(f->fx.ctx.undo);
	f->fx.ctx.undo = NULL;
	return fixture_teardown(state);
}

static int64_t count(struct ctx *c, const char *sql, int64_t id)
{
	struct db_value v = db_int(id), out;
	struct err e = {0};
	assert_int_equal(record_store_value(c->db, sql, &v, 1, &out, &e), 0);
	return out.kind == DBV_INT ? out.i : -1;
}

static void text_of(struct ctx *c, const char *sql, int64_t id, char *buf, size_t n)
{
	struct db_value v = db_int(id), out;
	struct err e = {0};
	assert_int_equal(record_store_value(c->db, sql, &v, 1, &out, &e), 0);
	snprintf(buf, n, "%s", out.kind == DBV_TEXT ? out.s : "");
	db_value_clear(&out);
}

static int set1(struct ctx *c, const char *entity, int64_t id, const char *k, const char *v,
                struct err *e)
{
	struct field_assign fa = {k, v};
	return record_set(c, entity_find(entity), id, &fa, 1, e);
}

/* One undo that must succeed; its status line in done. */
static void undo_ok(struct ctx *c, char *done, size_t n)
{
	struct err e = {0};
	int r = undo_last(c, done, n, &e);
	if (r != 1)
		fail_msg("undo: %d %s / %s", r, e.msg, done);
}

static void assignment_add_and_drop(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512];
	int64_t a;
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &a, &e), 0);
	/* the assignment registered her as a volunteer, in the same step */
	assert_int_equal(
	    count(c, "SELECT count(*) FROM registration WHERE person = ?", f->person[0]), 1);
	assert_int_equal(staffing_unassign(c, f->shift[0], f->person[0], &e), 0);
	assert_true(undo_pending(c));
	/* newest first: the drop, then the assignment */
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: took Dana Kowalski off Greeter Sat 7 Dec "
	                          "09:00\xe2\x80\x93"
	                          "11:00");
	char status[32];
	text_of(c, "SELECT status FROM assignment WHERE id = ?", a, status, sizeof status);
	assert_string_equal(status, "signed_up");
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: assigned Dana Kowalski to Greeter Sat 7 Dec "
	                          "09:00\xe2\x80\x93"
	                          "11:00");
	assert_int_equal(count(c, "SELECT count(*) FROM assignment WHERE id = ?", a), 0);
	assert_int_equal(
	    count(c, "SELECT count(*) FROM registration WHERE person = ?", f->person[0]), 0);
	/* each undo is audited as one, naming the entry it took back */
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM audit WHERE summary LIKE 'undo of audit #%'"
	                       " AND id > ?",
	                       0),
	                 3);
	assert_false(undo_pending(c));
	assert_int_equal(undo_last(c, done, sizeof done, &e), 0);
	assert_string_equal(done, "Nothing to undo: no change of this session is left");
}

static void registration_add_and_cancel(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512], status[32];
	int64_t r;
	assert_int_equal(registration_register(c, f->event, f->person[1], "attendee", &r, &e), 0);
	assert_int_equal(registration_unregister(c, f->event, f->person[1], &e), 0);
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: cancelled the registration of 최도윤 for Forum");
	text_of(c, "SELECT status FROM registration WHERE id = ?", r, status, sizeof status);
	assert_string_equal(status, "registered");
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: registered 최도윤 for Forum");
	assert_int_equal(count(c, "SELECT count(*) FROM registration WHERE id = ?", r), 0);
}

/* A cancellation that gave the seat to the first waiting: taken back, the
 * registration comes back as the rules have it now, on the waitlist. */
static void cancel_that_promoted(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512], status[32];
	int64_t r0, r1;
	assert_int_equal(set1(&f->other, "event", f->event, "capacity", "1", &e), 0);
	assert_int_equal(registration_register(&f->other, f->event, f->person[0], NULL, &r0, &e),
	                 0);
	assert_int_equal(registration_register(&f->other, f->event, f->person[1], NULL, &r1, &e),
	                 0);
	text_of(c, "SELECT status FROM registration WHERE id = ?", r1, status, sizeof status);
	assert_string_equal(status, "waitlisted");
	assert_int_equal(registration_unregister(c, f->event, f->person[0], &e), 0);
	text_of(c, "SELECT status FROM registration WHERE id = ?", r1, status, sizeof status);
	assert_string_equal(status, "registered");
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: cancelled the registration of Dana Kowalski for Forum; "
	                          "status is now waitlisted");
	text_of(c, "SELECT status FROM registration WHERE id = ?", r1, status, sizeof status);
	assert_string_equal(status, "registered");
}

static void edit_and_delete(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512], name[64];
	assert_int_equal(set1(c, "room", f->room, "name", "Salon B", &e), 0);
	assert_int_equal(set1(c, "room", f->room, "capacity", "55", &e), 0);
	assert_int_equal(record_rm(c, entity_find("room"), f->room, &e), 0);
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: deleted room 1 (Salon B)");
	/* back with its own id and its values of before the delete */
	text_of(c, "SELECT name || ' ' || capacity FROM room WHERE id = ?", f->room, name,
	        sizeof name);
	assert_string_equal(name, "Salon B 55");
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: edited room 1 (Salon B) (capacity)");
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: edited room 1 (Salon B) (name)");
	text_of(c, "SELECT name || ' ' || capacity FROM room WHERE id = ?", f->room, name,
	        sizeof name);
	assert_string_equal(name, "Salon A 40");
	assert_false(undo_pending(c));
}

static void private_values_stay_in_memory(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512], email[64];
	assert_int_equal(set1(c, "person", f->person[0], "email", "dk@example.org", &e), 0);
	/* the log marks the field but keeps neither value */
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM audit_value WHERE withheld = 1 AND field ="
	                       " 'email' AND before IS NULL AND after IS NULL AND audit > ?",
	                       0),
	                 1);
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM audit_value WHERE before LIKE '%example%'"
	                       " OR after LIKE '%example%' OR ? = 0",
	                       1),
	                 0);
	undo_ok(c, done, sizeof done);
	text_of(c, "SELECT email FROM person WHERE id = ?", f->person[0], email, sizeof email);
	assert_string_equal(email, "dana@example.org");
	/* a session that did not keep them (another run) cannot put them back */
	assert_int_equal(set1(c, "person", f->person[0], "email", "dk@example.org", &e), 0);
	struct undo_session *mine = c->undo, *fresh = undo_session_new();
	memcpy(fresh->tag, mine->tag, sizeof fresh->tag);
	c->undo = fresh;
	assert_int_equal(undo_last(c, done, sizeof done, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_string_equal(e.msg, "Cannot undo: the old email of person 1 (Dana Kowalski) is "
	                           "private and was not kept; type it again [edited person 1 "
	                           "(Dana Kowalski) (email)]");
	c->undo = mine;
	undo_session_free(fresh);
}

static void refused_when_edited_since(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512], name[64];
	assert_int_equal(set1(c, "room", f->room, "capacity", "60", &e), 0);
	assert_int_equal(set1(c, "room", f->room, "name", "Salon 살롱", &e), 0);
	/* bob edits the name again */
	assert_int_equal(set1(&f->other, "room", f->room, "name", "Hall", &e), 0);
	int64_t bobs = count(c, "SELECT max(id) FROM audit WHERE actor = 'bob' OR ? = 0", 1);
	assert_int_equal(undo_last(c, done, sizeof done, &e), -1);
	char want[256];
	snprintf(want, sizeof want,
	         "Cannot undo: bob changed room 1 (Hall): name is now Hall (audit #%lld) "
	         "[edited room 1 (Hall) (name)]",
	         (long long)bobs);
	assert_string_equal(e.msg, want);
	text_of(c, "SELECT name FROM room WHERE id = ?", f->room, name, sizeof name);
	assert_string_equal(name, "Hall");
	/* the next undo goes further back, to the capacity */
	undo_ok(c, done, sizeof done);
	assert_string_equal(done, "Undid: edited room 1 (Hall) (capacity)");
	assert_int_equal(count(c, "SELECT capacity FROM room WHERE id = ?", f->room), 40);
	assert_false(undo_pending(c));
}

static void refused_when_deleted_since(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512], want[160];
	assert_int_equal(set1(c, "room", f->room, "capacity", "70", &e), 0);
	assert_int_equal(record_rm(&f->other, entity_find("room"), f->room, &e), 0);
	int64_t bobs = count(c, "SELECT max(id) FROM audit WHERE actor = 'bob' OR ? = 0", 1);
	assert_int_equal(undo_last(c, done, sizeof done, &e), -1);
	snprintf(want, sizeof want,
	         "Cannot undo: bob deleted room 1 (audit #%lld) [edited room 1 (capacity)]",
	         (long long)bobs);
	assert_string_equal(e.msg, want);
	assert_int_equal(count(c, "SELECT count(*) FROM room WHERE id = ?", f->room), 0);
}

static void refused_when_assigned_elsewhere(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512];
	int64_t a;
	assert_int_equal(
	    staffing_assign(&f->other, f->shift[0], f->person[1], "coordinator", &a, &e), 0);
	assert_int_equal(staffing_unassign(c, f->shift[0], f->person[1], &e), 0);
	/* bob puts him on the overlapping shift: taking the drop back would clash */
	assert_int_equal(
	    staffing_assign(&f->other, f->shift[1], f->person[1], "coordinator", &a, &e), 0);
	assert_int_equal(undo_last(c, done, sizeof done, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "Cannot undo: 최도윤 already works Greeter Sat 7 Dec "
	                              "10:00\xe2\x80\x93"
	                              "12:00"));
	assert_non_null(strstr(e.msg, "[took 최도윤 off Greeter Sat 7 Dec 09:00\xe2\x80\x93"));
	char status[32];
	text_of(c,
	        "SELECT group_concat(status, ' ') FROM assignment WHERE person = ? ORDER BY shift",
	        f->person[1], status, sizeof status);
	assert_string_equal(status, "dropped signed_up");
	assert_false(undo_pending(c)); /* the refused step is passed over */
}

static void refused_when_references_gone(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char done[512];
	int64_t role2 =
	    fixture_add(&f->other, "role", "event", fixture_num(f->event), "name", "Usher", NULL);
	int64_t s = fixture_add(&f->other, "shift", "event", fixture_num(f->event), "role",
	                        fixture_num(role2), "starts", "2024-12-07 13:00", "ends",
	                        "2024-12-07 14:00", NULL);
	assert_int_equal(record_rm(c, entity_find("shift"), s, &e), 0);
	assert_int_equal(record_rm(&f->other, entity_find("role"), role2, &e), 0);
	assert_int_equal(undo_last(c, done, sizeof done, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	char want[128];
	snprintf(want, sizeof want, "Cannot undo: role: role %lld not found [deleted shift %lld]",
	         (long long)role2, (long long)s);
	assert_string_equal(e.msg, want);
	assert_int_equal(count(c, "SELECT count(*) FROM shift WHERE id = ?", s), 0);
	/* and an added row another lead built on stays */
	int64_t r3 = fixture_add(c, "room", "event", fixture_num(f->event), "name", "Annex", NULL);
	fixture_add(&f->other, "session", "event", fixture_num(f->event), "room", fixture_num(r3),
	            "title", "Talk", "starts", "2024-12-07 13:00", "ends", "2024-12-07 14:00",
	            NULL);
	assert_int_equal(undo_last(c, done, sizeof done, &e), -1);
	assert_non_null(strstr(e.msg, "Cannot undo: room "));
	assert_non_null(strstr(e.msg, "is still used by 1 session"));
}

static void erase_forgets_kept_values(void **state)
{
	struct undo_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	struct erase_result out;
	/* her name in a person row and in a shift's notes the session wrote */
	assert_int_equal(set1(c, "person", f->person[0], "name", "Dana K. Kowalski", &e), 0);
	assert_int_equal(set1(c, "shift", f->shift[1], "notes", "ask Dana K. Kowalski", &e), 0);
	assert_true(count(c, "SELECT count(*) FROM audit_value WHERE instr(after, 'Kowalski') > ?",
	                  0) >= 2);
	assert_int_equal(erase_person(c, f->person[0], "asked", ERASE_FORCE, &out, &e), 0);
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM audit_value WHERE instr(before, 'Kowalski')"
	                       " > ? OR instr(after, 'Kowalski') > 0",
	                       0),
	                 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(assignment_add_and_drop, setup, teardown),
	    cmocka_unit_test_setup_teardown(registration_add_and_cancel, setup, teardown),
	    cmocka_unit_test_setup_teardown(cancel_that_promoted, setup, teardown),
	    cmocka_unit_test_setup_teardown(edit_and_delete, setup, teardown),
	    cmocka_unit_test_setup_teardown(private_values_stay_in_memory, setup, teardown),
	    cmocka_unit_test_setup_teardown(refused_when_edited_since, setup, teardown),
	    cmocka_unit_test_setup_teardown(refused_when_deleted_since, setup, teardown),
	    cmocka_unit_test_setup_teardown(refused_when_assigned_elsewhere, setup, teardown),
	    cmocka_unit_test_setup_teardown(refused_when_references_gone, setup, teardown),
	    cmocka_unit_test_setup_teardown(erase_forgets_kept_values, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
