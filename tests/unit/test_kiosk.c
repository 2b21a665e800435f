/* test_kiosk.c - the kiosk's domain: the PIN lockout shared by every kiosk
 * through the database, a volunteer's own shifts (lead by first name, no
 * confidential lead, nobody else), the open shifts offered, and the
 * self-service windows of SPEC section 3. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/entity.h"
#include "../../core/array.h"
#include "../../core/kiosk.h"
#include "../../core/person.h"
#include "../../core/tz.h"
#include "fixture.h"

/* 2026-11-24 12:00Z = 07:00 in New York, a Tuesday. */
#define NOW 1795521600

/* The fixture on a database file (a second connection opens it too), and
 * the volunteer codes of Dana and Zed. */
struct kiosk_fixture {
	struct fixture fx;
	char path[64];
	char dana[16], zed[16];
};

/* A PIN hash as muster stores it (cheap parameters: tests only). */
static void set_pin(struct ctx *c, int64_t person, const char *pin)
{
	char hash[crypto_pwhash_STRBYTES];
	static const char *const cols[] = {"pin_hash"};
	struct err e = {0};
	assert_true(sodium_init() >= 0);
	assert_int_equal(crypto_pwhash_str(hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_MIN,
	                                   crypto_pwhash_MEMLIMIT_MIN),
	                 0);
	struct db_value v = db_text(hash);
	assert_int_equal(record_store_update(c->db, "person", person, cols, &v, 1, &e), 0);
}

static void code_of(struct ctx *c, int64_t person, char *out, size_t n)
{
	struct record r;
	struct err e = {0};
	assert_int_equal(record_get(c, entity_find("person"), person, &r, &e), 0);
	snprintf(out, n, "%s", record_text(&r, "volunteer_code"));
	record_free(&r);
}

/* Event 1 (New York), room 1; people 1 Dana, 2 Zed, 3 Lena Marsh (lead of
 * Greeter), 4 Cora (confidential lead of Registration); skill 1 needed by
 * role 3 (Interpreter). Shifts:
 *   1 Greeter  Tue 24 Nov 07:00-09:00  Dana, Zed
 *   2 Greeter  Sat 5 Dec 09:00-11:00   Dana
 *   3 Registr. Sat 5 Dec 13:00-15:00   Zed (need 2)
 *   4 Registr. Sat 5 Dec 14:00-16:00   (need 2)
 *   5 Registr. Sun 6 Dec 09:00-11:00   Zed (need 1: full)
 *   6 Interp.  Sun 6 Dec 12:00-13:00   (needs the skill)
 *   7 Greeter  Tue 24 Nov 07:30-08:00  (starts within the sign-up window)
 *   8 Greeter  Sun 6 Dec 15:00-16:00   cancelled */
static int setup(void **state)
{
	static struct kiosk_fixture f;
	memset(&f, 0, sizeof f);
	snprintf(f.path, sizeof f.path, "/tmp/muster-kiosk-unit-XXXXXX");
	int fd = mkstemp(f.path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(f.path);
	if (fixture_open_file(&f.fx, NOW, f.path) < 0)
		return -1;
	struct ctx *c = &f.fx.ctx;
	struct err e = {0};
	int ok = fixture_try_add(c, "event", &e, "name", "Harbor Forum", "starts",
	                         "2026-11-24 06:00", "ends", "2026-12-06 20:00", "tz",
	                         "America/New_York", "venue", "Harbor Hall", NULL) == 1 &&
	         fixture_try_add(c, "room", &e, "event", "1", "name", "Lobby", NULL) == 1 &&
	         fixture_try_add(c, "person", &e, "name", "Dana Reyes", "email", "dana@example.org",
	                         NULL) == 1 &&
	         fixture_try_add(c, "person", &e, "name", "Zed Quill", "email", "zed@example.org",
	                         NULL) == 2 &&
	         fixture_try_add(c, "person", &e, "name", "Lena Marsh", NULL) == 3 &&
	         fixture_try_add(c, "person", &e, "name", "Cora Hidden", "confidential", "1",
	                         NULL) == 4 &&
	         fixture_try_add(c, "skill", &e, "name", "interpreter: Khmer", NULL) == 1 &&
	         fixture_try_add(c, "role", &e, "event", "1", "name", "Greeter", "lead", "3",
	                         NULL) == 1 &&
	         fixture_try_add(c, "role", &e, "event", "1", "name", "Registration", "lead", "4",
	                         NULL) == 2 &&
	         fixture_try_add(c, "role", &e, "event", "1", "name", "Interpreter", "skill", "1",
	                         NULL) == 3;
	static const char *const shifts[][5] = {
	    {"1", "2026-11-24 07:00", "2026-11-24 09:00", "3", "open"},
	    {"1", "2026-12-05 09:00", "2026-12-05 11:00", "3", "open"},
	    {"2", "2026-12-05 13:00", "2026-12-05 15:00", "2", "open"},
	    {"2", "2026-12-05 14:00", "2026-12-05 16:00", "2", "open"},
	    {"2", "2026-12-06 09:00", "2026-12-06 11:00", "1", "open"},
	    {"3", "2026-12-06 12:00", "2026-12-06 13:00", "1", "open"},
	    {"1", "2026-11-24 07:30", "2026-11-24 08:00", "1", "open"},
	    {"1", "2026-12-06 15:00", "2026-12-06 16:00", "1", "cancelled"},
	};
	for (size_t i = 0; ok && i < ARRAY_LEN(shifts); i++)
		ok = fixture_try_add(c, "shift", &e, "event", "1", "role", shifts[i][0], "room",
		                     "1", "starts", shifts[i][1], "ends", shifts[i][2], "need_max",
		                     shifts[i][3], "status", shifts[i][4], NULL) == (int64_t)i + 1;
	static const char *const holds[][2] = {
	    {"1", "1"}, {"1", "2"}, {"2", "1"}, {"3", "2"}, {"5", "2"}};
	for (size_t i = 0; ok && i < ARRAY_LEN(holds); i++)
		ok = fixture_try_add(c, "assignment", &e, "shift", holds[i][0], "person",
		                     holds[i][1], NULL) > 0;
	if (!ok) {
		print_error("setup: %s\n", e.msg);
		return -1;
	}
	set_pin(c, 1, "246810");
	set_pin(c, 2, "135790");
	set_pin(c, 4, "112233");
	code_of(c, 1, f.dana, sizeof f.dana);
	code_of(c, 2, f.zed, sizeof f.zed);
	kiosk_begin(c);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct kiosk_fixture *f = *state;
	char p[80];
	fixture_close(&f->fx);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	return 0;
}

static void sign_in_sets_actor(void **state)
{
	struct kiosk_fixture *f = *state;
	struct kiosk_user u;
	struct err e = {0};
	char typed[32];
	/* scanned or typed: lower case, spaces and dashes are fine */
	snprintf(typed, sizeof typed, "%c%c%c-%c%c %c", f->dana[0] | 0x20, f->dana[1] | 0x20,
	         f->dana[2] | 0x20, f->dana[3] | 0x20, f->dana[4] | 0x20, f->dana[5] | 0x20);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, typed, "246810", &u, &e), 0);
	assert_int_equal(u.person, 1);
	assert_string_equal(u.code, f->dana);
	assert_string_equal(u.name, "Dana Reyes");
	char actor[32];
	snprintf(actor, sizeof actor, "kiosk:%s", f->dana);
	assert_string_equal(f->fx.ctx.actor, actor);
	kiosk_sign_out(&f->fx.ctx, &u);
	assert_string_equal(f->fx.ctx.actor, "kiosk");
	assert_int_equal(u.person, 0);
	/* a PIN set the way `muster pin` sets it */
	char pin[PERSON_PIN_LEN + 1];
	assert_int_equal(person_set_pin(&f->fx.ctx, 1, pin, sizeof pin, &e), 0);
	if (strcmp(pin, "246810") != 0) /* the old PIN no longer works */
		assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "246810", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, pin, &u, &e), 0);
	kiosk_sign_out(&f->fx.ctx, &u);
	/* a confidential volunteer's own name is not shown either */
	char cora[16];
	code_of(&f->fx.ctx, 4, cora, sizeof cora);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, cora, "112233", &u, &e), 0);
	assert_int_equal(u.person, 4);
	assert_string_equal(u.name, "");
}

static void wrong_pin_and_unknown_code_look_alike(void **state)
{
	struct kiosk_fixture *f = *state;
	struct kiosk_user u;
	struct err wrong = {0}, unknown = {0}, junk = {0};
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "000000", &u, &wrong), -1);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, "WWWWWW", "000000", &u, &unknown), -1);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, "a;b", "000000", &u, &junk), -1);
	assert_int_equal(wrong.code, ERR_REFUSED);
	assert_int_equal(unknown.code, ERR_REFUSED);
	assert_string_equal(wrong.msg, unknown.msg);
	assert_string_equal(wrong.msg, junk.msg);
	/* someone without a PIN (Lena) looks the same */
	char lena[16];
	struct err nopin = {0};
	code_of(&f->fx.ctx, 3, lena, sizeof lena);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, lena, "000000", &u, &nopin), -1);
	assert_string_equal(nopin.msg, wrong.msg);
	assert_int_equal(u.person, 0);
	assert_string_equal(f->fx.ctx.actor, "kiosk");
}

static void lockout_after_attempts_then_expires(void **state)
{
	struct kiosk_fixture *f = *state;
	struct kiosk_user u;
	struct err e = {0};
	f->fx.cfg.kiosk_pin_attempts = 3;
	f->fx.cfg.kiosk_lockout_minutes = 5;
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "1", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "2", &u, &e), -1);
	assert_null(strstr(e.msg, "locked"));
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "3", &u, &e), -1);
	assert_non_null(strstr(e.msg, "now locked for 5 minutes"));
	/* the right PIN is refused while locked */
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "135790", &u, &e), -1);
	assert_non_null(strstr(e.msg, "Try again in 5 minutes"));
	f->fx.clock.at += 4 * 60 + 1;
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "135790", &u, &e), -1);
	assert_non_null(strstr(e.msg, "Try again in 1 minute,"));
	f->fx.clock.at += 60;
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "135790", &u, &e), 0);
	/* unknown codes lock too */
	for (int i = 0; i < 3; i++)
		assert_int_equal(kiosk_sign_in(&f->fx.ctx, "YYYYYY", "1", &u, &e), -1);
	assert_non_null(strstr(e.msg, "now locked"));
	struct db_value v;
	assert_int_equal(record_store_value(f->fx.ctx.db,
	                                    "SELECT COUNT(*) FROM audit WHERE action = 'lock'"
	                                    " AND actor = 'kiosk'",
	                                    NULL, 0, &v, &e),
	                 0);
	assert_int_equal(v.i, 2);
}

static void good_pin_clears_count(void **state)
{
	struct kiosk_fixture *f = *state;
	struct kiosk_user u;
	struct err e = {0};
	f->fx.cfg.kiosk_pin_attempts = 3;
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "1", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "2", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "246810", &u, &e), 0);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "1", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "2", &u, &e), -1);
	assert_null(strstr(e.msg, "locked"));
}

/* A second connection (another kiosk process) sees the same lockout. */
static void lockout_shared_between_kiosks(void **state)
{
	struct kiosk_fixture *f = *state;
	struct ctx other = f->fx.ctx;
	struct kiosk_user u;
	struct err e = {0};
	f->fx.cfg.kiosk_pin_attempts = 2;
	assert_int_equal(db_open(f->path, NULL, &other.db, &e), 0);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "1", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&other, f->zed, "2", &u, &e), -1);
	assert_non_null(strstr(e.msg, "now locked"));
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "135790", &u, &e), -1);
	assert_non_null(strstr(e.msg, "locked after too many"));
	db_close(other.db);
}

static int64_t count_of(struct kiosk_fixture *f, const char *sql)
{
	struct db_value v;
	struct err e = {0};
	assert_int_equal(record_store_value(f->fx.ctx.db, sql, NULL, 0, &v, &e), 0);
	return v.i;
}

/* Wrong PINs across many codes and kiosks: beyond [kiosk]
 * global_failures_per_minute in the last minute, every attempt on any code
 * at any kiosk is refused unchecked (a right PIN too) and not counted, the
 * pause is audited once, and sign-ins resume when the minute has passed. A
 * right PIN's attempt is no failure. */
static void global_limit_pauses_every_code(void **state)
{
	struct kiosk_fixture *f = *state;
	struct ctx other = f->fx.ctx;
	struct kiosk_failures kf;
	struct kiosk_user u;
	struct err e = {0};
	f->fx.cfg.kiosk_global_failures_per_minute = 4;
	assert_int_equal(db_open(f->path, NULL, &other.db, &e), 0);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "246810", &u, &e), 0);
	kiosk_sign_out(&f->fx.ctx, &u);
	assert_int_equal(kiosk_failures(&f->fx.ctx, &kf, &e), 0);
	assert_int_equal(kf.last_minute, 0);
	/* four wrong PINs on four codes, from two kiosks */
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->zed, "1", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&other, "AAAAAA", "1", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, "BBBBBB", "1", &u, &e), -1);
	assert_int_equal(kiosk_sign_in(&other, "CCCCCC", "1", &u, &e), -1);
	assert_null(strstr(e.msg, "Too many wrong PINs"));
	assert_int_equal(kiosk_failures(&other, &kf, &e), 0);
	assert_int_equal(kf.limit, 4);
	assert_int_equal(kf.last_minute, 4);
	assert_int_equal(kf.codes_last_hour, 4);
	assert_true(kf.paused_now);
	assert_int_equal(kf.paused_at, 0);
	/* the next, on either kiosk, is refused unchecked: even the right PIN */
	assert_int_equal(kiosk_sign_in(&other, f->dana, "246810", &u, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "Too many wrong PINs were typed at the kiosks"));
	assert_int_equal(u.person, 0);
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, "DDDDDD", "1", &u, &e), -1);
	assert_non_null(strstr(e.msg, "Too many wrong PINs were typed at the kiosks"));
	assert_int_equal(count_of(f, "SELECT COUNT(*) FROM kiosk_lock WHERE code = 'DDDDDD'"), 0);
	assert_int_equal(count_of(f, "SELECT COUNT(*) FROM kiosk_failure"), 4);
	/* audited once, and the coordinator sees when */
	assert_int_equal(count_of(f, "SELECT COUNT(*) FROM audit WHERE action = 'pause'"
	                             " AND entity = 'kiosk' AND actor = 'kiosk'"
	                             " AND summary LIKE '4 wrong PINs across 4 codes%'"),
	                 1);
	assert_int_equal(kiosk_failures(&f->fx.ctx, &kf, &e), 0);
	assert_int_equal(kf.paused_at, NOW);
	/* a minute later the four have aged out of the window */
	f->fx.clock.at += 61;
	assert_int_equal(kiosk_sign_in(&other, f->dana, "246810", &u, &e), 0);
	assert_int_equal(kiosk_failures(&f->fx.ctx, &kf, &e), 0);
	assert_int_equal(kf.last_minute, 0);
	assert_false(kf.paused_now);
	assert_int_equal(kf.last_hour, 4);
	assert_int_equal(kf.paused_minutes_ago, 1);
	/* an hour on, nothing to show; a day on, the rows are pruned */
	f->fx.clock.at += 3600;
	assert_int_equal(kiosk_failures(&f->fx.ctx, &kf, &e), 0);
	assert_int_equal(kf.last_hour, 0);
	assert_int_equal(kf.paused_at, 0);
	f->fx.clock.at += 86400;
	assert_int_equal(kiosk_sign_in(&other, "EEEEEE", "1", &u, &e), -1);
	assert_int_equal(count_of(f, "SELECT COUNT(*) FROM kiosk_failure"), 1);
	db_close(other.db);
}

static void mine_shows_own_shifts_only(void **state)
{
	struct kiosk_fixture *f = *state;
	struct kiosk_shift s[16];
	struct err e = {0};
	int n = 0;
	assert_int_equal(kiosk_mine(&f->fx.ctx, 1, s, 16, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].shift, 1);
	assert_string_equal(s[0].day, "Tue 24 Nov");
	assert_string_equal(s[0].time, "07:00\xe2\x80\x93"
	                               "09:00");
	assert_string_equal(s[0].role, "Greeter");
	assert_string_equal(s[0].place, "Lobby");
	assert_string_equal(s[0].event, "Harbor Forum");
	assert_string_equal(s[0].lead, "Lena"); /* first name only */
	assert_int_equal(s[0].state, KS_SIGNED_UP);
	assert_int_equal(s[1].shift, 2);
	/* Zed's: a confidential lead is never named */
	assert_int_equal(kiosk_mine(&f->fx.ctx, 2, s, 16, &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(s[1].shift, 3);
	assert_string_equal(s[1].lead, "your lead");
	assert_true(s[1].lead_confidential);
	assert_false(s[0].lead_confidential);
	for (int i = 0; i < n; i++)
		assert_null(strstr(s[i].lead, "Cora"));
	/* ended shifts drop off; a checked-in one stays until checked out */
	f->fx.clock.at = NOW + 3 * 3600;
	assert_int_equal(kiosk_mine(&f->fx.ctx, 1, s, 16, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].shift, 2);
}

static void open_offers_only_what_passes(void **state)
{
	struct kiosk_fixture *f = *state;
	struct kiosk_shift s[16];
	struct kiosk_cursor cur = {0};
	struct err e = {0};
	int n = 0;
	assert_int_equal(kiosk_open(&f->fx.ctx, 1, &cur, s, 16, &n, &e), 0);
	assert_true(cur.done);
	/* not 1, 2 (held), 5 (full), 6 (skill), 7 (sign-up closed), 8 (cancelled) */
	assert_int_equal(n, 2);
	assert_int_equal(s[0].shift, 3);
	assert_int_equal(s[0].places_left, 1);
	assert_int_equal(s[0].state, KS_OPEN);
	assert_string_equal(s[0].lead, "");
	assert_int_equal(s[1].shift, 4);
	/* paging: one at a time, the cursor goes on */
	memset(&cur, 0, sizeof cur);
	assert_int_equal(kiosk_open(&f->fx.ctx, 1, &cur, s, 1, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(s[0].shift, 3);
	assert_false(cur.done);
	assert_int_equal(kiosk_open(&f->fx.ctx, 1, &cur, s, 1, &n, &e), 0);
	assert_int_equal(s[0].shift, 4);
	/* sign-up switched off: nothing */
	f->fx.cfg.kiosk_signup = false;
	memset(&cur, 0, sizeof cur);
	assert_int_equal(kiosk_open(&f->fx.ctx, 1, &cur, s, 16, &n, &e), 0);
	assert_int_equal(n, 0);
}

static struct kiosk_shift one_of_mine(struct kiosk_fixture *f, int64_t person, int64_t shift)
{
	struct kiosk_shift s[16];
	struct err e = {0};
	int n = 0;
	assert_int_equal(kiosk_mine(&f->fx.ctx, person, s, 16, &n, &e), 0);
	for (int i = 0; i < n; i++)
		if (s[i].shift == shift)
			return s[i];
	fail_msg("shift %lld not among person %lld's", (long long)shift, (long long)person);
	return s[0];
}

static void checkin_window(void **state)
{
	struct kiosk_fixture *f = *state;
	struct kiosk_user u;
	struct err e = {0};
	char why[256], done[256];
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "246810", &u, &e), 0);
	struct kiosk_shift s = one_of_mine(f, 1, 2);
	assert_false(kiosk_can(&f->fx.ctx, &s, KA_CHECKIN, why, sizeof why));
	assert_string_equal(why, "Check-in opens Sat 5 Dec 08:30, 30 minutes before the shift.");
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 2, KA_CHECKIN, done, sizeof done, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	/* shift 1 started at 07:00 = now: open until 09:00 */
	f->fx.clock.at = NOW - 30 * 60 - 1;
	s = one_of_mine(f, 1, 1);
	assert_false(kiosk_can(&f->fx.ctx, &s, KA_CHECKIN, why, sizeof why));
	f->fx.clock.at = NOW - 30 * 60;
	assert_true(kiosk_can(&f->fx.ctx, &s, KA_CHECKIN, why, sizeof why));
	f->fx.clock.at = NOW + 2 * 3600;
	assert_false(kiosk_can(&f->fx.ctx, &s, KA_CHECKIN, why, sizeof why));
	assert_non_null(strstr(why, "Check-in closed"));
	f->fx.clock.at = NOW + 60;
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 1, KA_CHECKIN, done, sizeof done, &e), 0);
	assert_string_equal(done, "You are checked in to Greeter, Tue 24 Nov 07:00\xe2\x80\x93"
	                          "09:00.");
	s = one_of_mine(f, 1, 1);
	assert_int_equal(s.state, KS_CHECKED_IN);
	assert_false(kiosk_can(&f->fx.ctx, &s, KA_CHECKIN, why, sizeof why));
	assert_false(kiosk_can(&f->fx.ctx, &s, KA_DROP, why, sizeof why));
	/* still listed after its end, for checking out */
	f->fx.clock.at = NOW + 5 * 3600;
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 1, KA_CHECKOUT, done, sizeof done, &e), 0);
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 1, KA_CHECKOUT, done, sizeof done, &e), -1);
	struct db_value v;
	assert_int_equal(record_store_value(f->fx.ctx.db,
	                                    "SELECT actor FROM audit ORDER BY id DESC LIMIT 1",
	                                    NULL, 0, &v, &e),
	                 0);
	char actor[32];
	snprintf(actor, sizeof actor, "kiosk:%s", f->dana);
	assert_string_equal(v.s, actor);
	db_value_clear(&v);
}

static void signup_and_drop_windows(void **state)
{
	struct kiosk_fixture *f = *state;
	struct kiosk_user u;
	struct err e = {0};
	char done[256], why[256];
	const char *reason = "coordinator said so";
	assert_int_equal(kiosk_sign_in(&f->fx.ctx, f->dana, "246810", &u, &e), 0);
	f->fx.ctx.override_reason = reason; /* the kiosk must ignore it */
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 3, KA_SIGNUP, done, sizeof done, &e), 0);
	assert_null(f->fx.ctx.override_reason);
	assert_string_equal(done, "You are signed up for Registration, Sat 5 Dec 13:00\xe2\x80\x93"
	                          "15:00.");
	/* the overlapping one is refused by the rules */
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 4, KA_SIGNUP, done, sizeof done, &e), -1);
	assert_true(e.code == ERR_REFUSED || e.code == ERR_SOFT);
	/* full, and closed for sign-up */
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 5, KA_SIGNUP, done, sizeof done, &e), -1);
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 7, KA_SIGNUP, done, sizeof done, &e), -1);
	assert_non_null(strstr(e.msg, "Sign-up for this shift closed Tue 24 Nov 06:30"));
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 8, KA_SIGNUP, done, sizeof done, &e), -1);
	assert_non_null(strstr(e.msg, "cancelled"));
	/* drop: open until 24 hours before */
	struct kiosk_shift s = one_of_mine(f, 1, 2);
	assert_true(kiosk_can(&f->fx.ctx, &s, KA_DROP, why, sizeof why));
	f->fx.clock.at = s.starts - 24 * 3600;
	assert_false(kiosk_can(&f->fx.ctx, &s, KA_DROP, why, sizeof why));
	assert_non_null(strstr(why, "Dropping this shift closed Fri 4 Dec 09:00"));
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 2, KA_DROP, done, sizeof done, &e), -1);
	f->fx.clock.at = s.starts - 24 * 3600 - 1;
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 2, KA_DROP, done, sizeof done, &e), 0);
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 2, KA_DROP, done, sizeof done, &e), -1);
	/* not someone else's shift: Zed's alone is not Dana's to drop */
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 5, KA_DROP, done, sizeof done, &e), -1);
	assert_int_equal(kiosk_act(&f->fx.ctx, &u, 999, KA_DROP, done, sizeof done, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	/* nobody signed in: nothing */
	struct kiosk_user nobody = {0};
	assert_int_equal(kiosk_act(&f->fx.ctx, &nobody, 4, KA_SIGNUP, done, sizeof done, &e), -1);
}

static void passphrase(void **state)
{
	struct kiosk_fixture *f = *state;
	struct err e = {0};
	char hash[256];
	assert_false(kiosk_passphrase_ok(&f->fx.cfg, "anything at all"));
	assert_int_equal(kiosk_passphrase_hash("short", hash, sizeof hash, &e), -1);
	assert_int_equal(kiosk_passphrase_hash("open sesame 42", hash, sizeof hash, &e), 0);
	snprintf(f->fx.cfg.kiosk_exit_passphrase_hash, sizeof f->fx.cfg.kiosk_exit_passphrase_hash,
	         "%s", hash);
	assert_int_equal(kiosk_config_check(&f->fx.cfg, &e), 0);
	assert_true(kiosk_passphrase_ok(&f->fx.cfg, "open sesame 42"));
	assert_false(kiosk_passphrase_ok(&f->fx.cfg, "open sesame 43"));
	snprintf(f->fx.cfg.kiosk_exit_passphrase_hash, sizeof f->fx.cfg.kiosk_exit_passphrase_hash,
	         "open sesame 42");
	assert_int_equal(kiosk_config_check(&f->fx.cfg, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(sign_in_sets_actor, setup, teardown),
	    cmocka_unit_test_setup_teardown(wrong_pin_and_unknown_code_look_alike, setup, teardown),
	    cmocka_unit_test_setup_teardown(lockout_after_attempts_then_expires, setup, teardown),
	    cmocka_unit_test_setup_teardown(good_pin_clears_count, setup, teardown),
	    cmocka_unit_test_setup_teardown(lockout_shared_between_kiosks, setup, teardown),
	    cmocka_unit_test_setup_teardown(global_limit_pauses_every_code, setup, teardown),
	    cmocka_unit_test_setup_teardown(mine_shows_own_shifts_only, setup, teardown),
	    cmocka_unit_test_setup_teardown(open_offers_only_what_passes, setup, teardown),
	    cmocka_unit_test_setup_teardown(checkin_window, setup, teardown),
	    cmocka_unit_test_setup_teardown(signup_and_drop_windows, setup, teardown),
	    cmocka_unit_test_setup_teardown(passphrase, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
