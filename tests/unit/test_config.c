/* test_config.c - config loading, checking, dumping and the did-you-mean helper. */
#define _GNU_SOURCE /* mkdtemp, setenv, dup */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "../../core/array.h"
#include "err.h"
#include "suggest.h"

#define MAX_FILES 128

/* The temporary folder and every file written there, removed at the end. */
static char tmpdir[] = "/tmp/muster-config-XXXXXX";
static char *files[MAX_FILES];
static int nfiles;

static int group_setup(void **state)
{
	(void)state;
	unsetenv("NO_COLOR");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int group_teardown(void **state)
{
	(void)state;
	for (int i = 0; i < nfiles; i++) {
		unlink(files[i]);
		free(files[i]);
	}
	return rmdir(tmpdir);
}

/* A path in the temporary folder, remembered for removal. */
static const char *tmp_path(const char *name)
{
	char *p = malloc(strlen(tmpdir) + strlen(name) + 2);
	assert_non_null(p);
	sprintf(p, "%s/%s", tmpdir, name);
	assert_true(nfiles < MAX_FILES);
	files[nfiles++] = p;
	return p;
}

static const char *write_file(const char *name, const char *text)
{
	const char *path = tmp_path(name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Load text as a file; returns config_load's result. */
static int load_text(struct config *c, const char *name, const char *text, struct err *e)
{
	err_clear(e);
	return config_load(c, write_file(name, text), true, e);
}

/* Expect text to be refused with exactly "PATH: " followed by why. */
static void expect_error(const char *name, const char *text, const char *why)
{
	struct config c;
	struct err e;
	char want[1200];
	config_defaults(&c);
	assert_int_equal(load_text(&c, name, text, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
	snprintf(want, sizeof want, "%s/%s: %s", tmpdir, name, why);
	assert_string_equal(e.msg, want);
}

/* Expect text to be refused with a message holding part. */
static void expect_error_part(const char *name, const char *text, const char *part)
{
	struct config c;
	struct err e;
	config_defaults(&c);
	assert_int_equal(load_text(&c, name, text, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
	if (!strstr(e.msg, part))
		fail_msg("message \"%s\" lacks \"%s\"", e.msg, part);
	assert_null(strchr(e.msg, '\n'));
}

static void assert_config_equal(const struct config *a, const struct config *b)
{
	assert_string_equal(a->db_path, b->db_path);
	assert_int_equal(a->busy_timeout_ms, b->busy_timeout_ms);
	assert_string_equal(a->db_group, b->db_group);
	assert_int_equal(a->theme, b->theme);
	assert_int_equal(a->time_12h, b->time_12h);
	assert_int_equal(a->week_start, b->week_start);
	assert_int_equal(a->no_color, b->no_color);
	assert_int_equal(a->min_rest_minutes, b->min_rest_minutes);
	assert_true(a->max_hours_per_day == b->max_hours_per_day);
	assert_int_equal(a->signup_close_minutes, b->signup_close_minutes);
	assert_int_equal(a->drop_close_hours, b->drop_close_hours);
	assert_int_equal(a->checkin_open_minutes, b->checkin_open_minutes);
	assert_int_equal(a->kiosk_idle_timeout_s, b->kiosk_idle_timeout_s);
	assert_int_equal(a->kiosk_pin_attempts, b->kiosk_pin_attempts);
	assert_int_equal(a->kiosk_lockout_minutes, b->kiosk_lockout_minutes);
	assert_int_equal(a->kiosk_signup, b->kiosk_signup);
	assert_string_equal(a->kiosk_exit_passphrase_hash, b->kiosk_exit_passphrase_hash);
	assert_string_equal(a->organizer_name, b->organizer_name);
	assert_string_equal(a->organizer_email, b->organizer_email);
	assert_int_equal(a->reminder_minutes, b->reminder_minutes);
	assert_int_equal(a->include_descriptions, b->include_descriptions);
	assert_int_equal(a->nkeys, b->nkeys);
	for (int i = 0; i < a->nkeys; i++) {
		assert_string_equal(a->keys[i].action, b->keys[i].action);
		assert_string_equal(a->keys[i].keys, b->keys[i].keys);
	}
}

static void test_defaults(void **state)
{
	struct config c;
	(void)state;
	config_defaults(&c);
	assert_string_equal(c.db_path, "");
	assert_int_equal(c.busy_timeout_ms, 5000);
	assert_string_equal(c.db_group, "");
	assert_int_equal(c.theme, THEME_DEFAULT);
	assert_false(c.time_12h);
	assert_int_equal(c.week_start, 1);
	assert_false(c.no_color);
	assert_int_equal(c.min_rest_minutes, 30);
	assert_true(c.max_hours_per_day == 10.0);
	assert_int_equal(c.signup_close_minutes, 60);
	assert_int_equal(c.drop_close_hours, 24);
	assert_int_equal(c.checkin_open_minutes, 30);
	assert_int_equal(c.kiosk_idle_timeout_s, 60);
	assert_int_equal(c.kiosk_pin_attempts, 5);
	assert_int_equal(c.kiosk_lockout_minutes, 5);
	assert_true(c.kiosk_signup);
	assert_string_equal(c.kiosk_exit_passphrase_hash, "");
	assert_string_equal(c.organizer_name, "");
	assert_string_equal(c.organizer_email, "");
	assert_int_equal(c.reminder_minutes, 0);
	assert_true(c.include_descriptions);
	assert_int_equal(c.nkeys, 0);
}

static const char full_file[] =
    "; every key, none at its default\n"
    "[database]\n"
    "path = /srv/muster/muster.db\n"
    "busy_timeout_ms = 250\n"
    "group = staff\n"
    "[display]\n"
    "theme = high-contrast\n"
    "time_format = 12h\n"
    "week_start = sunday\n"
    "[rules]\n"
    "min_rest_minutes = 45\n"
    "max_hours_per_day = 7.5\n"
    "signup_close_minutes = 120\n"
    "drop_close_hours = 48\n"
    "checkin_open_minutes = 15\n"
    "[kiosk]\n"
    "idle_timeout_s = 90\n"
    "pin_attempts = 3\n"
    "lockout_minutes = 30\n"
    "signup = off\n"
    "exit_passphrase_hash = \"$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA\"\n"
    "[export]\n"
    "organizer_name = Riverside Volunteers\n"
    "organizer_email = lead@example.org\n"
    "reminder_minutes = 30\n"
    "include_descriptions = no\n"
    "[keys]\n"
    "quit = q\n"
    "down = \"j,KEY_DOWN\"\n"
    "help = \"#\"\n";

static void test_full_file(void **state)
{
	struct config c;
	struct err e;
	(void)state;
	config_defaults(&c);
	assert_int_equal(load_text(&c, "full.ini", full_file, &e), 0);
	assert_string_equal(c.db_path, "/srv/muster/muster.db");
	assert_int_equal(c.busy_timeout_ms, 250);
	assert_string_equal(c.db_group, "staff");
	assert_int_equal(c.theme, THEME_HIGH_CONTRAST);
	assert_true(c.time_12h);
	assert_int_equal(c.week_start, 0);
	assert_int_equal(c.min_rest_minutes, 45);
	assert_true(c.max_hours_per_day == 7.5);
	assert_int_equal(c.signup_close_minutes, 120);
	assert_int_equal(c.drop_close_hours, 48);
	assert_int_equal(c.checkin_open_minutes, 15);
	assert_int_equal(c.kiosk_idle_timeout_s, 90);
	assert_int_equal(c.kiosk_pin_attempts, 3);
	assert_int_equal(c.kiosk_lockout_minutes, 30);
	assert_false(c.kiosk_signup);
	assert_string_equal(c.kiosk_exit_passphrase_hash,
	                    "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
	assert_string_equal(c.organizer_name, "Riverside Volunteers");
	assert_string_equal(c.organizer_email, "lead@example.org");
	assert_int_equal(c.reminder_minutes, 30);
	assert_false(c.include_descriptions);
	assert_int_equal(c.nkeys, 3);
}

static void test_case_insensitive(void **state)
{
	struct config c;
	struct err e;
	(void)state;
	config_defaults(&c);
	assert_int_equal(load_text(&c, "case.ini",
	                           "[RULES]\nMin_Rest_Minutes = 10\n[Display]\ntheme = Mono\n"
	                           "week_start = SUNDAY\n",
	                           &e),
	                 0);
	assert_int_equal(c.min_rest_minutes, 10);
	assert_int_equal(c.theme, THEME_MONO);
	assert_int_equal(c.week_start, 0);
}

static void test_bool_words(void **state)
{
	static const struct {
		const char *word;
		bool value;
	} cases[] = {{"on", true},  {"OFF", false}, {"true", true}, {"False", false},
	             {"yes", true}, {"no", false},  {"1", true},    {"0", false}};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct config c;
		struct err e;
		char text[64], name[32];
		snprintf(text, sizeof text, "[kiosk]\nsignup = %s\n", cases[i].word);
		snprintf(name, sizeof name, "bool%zu.ini", i);
		config_defaults(&c);
		c.kiosk_signup = !cases[i].value;
		assert_int_equal(load_text(&c, name, text, &e), 0);
		assert_int_equal(c.kiosk_signup, cases[i].value);
	}
}

static void test_bad_int(void **state)
{
	(void)state;
	expect_error("int1.ini", "[rules]\nmin_rest_minutes = -5\n",
	             "rules.min_rest_minutes = -5: must be a whole number from 0 to 1440");
	expect_error("int2.ini", "[rules]\nmin_rest_minutes = 30x\n",
	             "rules.min_rest_minutes = 30x: must be a whole number from 0 to 1440");
	expect_error("int3.ini", "[database]\nbusy_timeout_ms = lots\n",
	             "database.busy_timeout_ms = lots: must be a whole number from 0 to 600000");
	expect_error("int4.ini", "[kiosk]\npin_attempts = 0\n",
	             "kiosk.pin_attempts = 0: must be a whole number from 1 to 100");
	expect_error("int5.ini", "[kiosk]\nidle_timeout_s =\n",
	             "kiosk.idle_timeout_s = : must be a whole number from 5 to 3600");
	expect_error_part("int6.ini", "[rules]\ndrop_close_hours = 99999999999999999999999\n",
	                  "must be a whole number from 0 to 720");
	expect_error_part("int7.ini", "[rules]\ndrop_close_hours = 2.5\n",
	                  "must be a whole number from 0 to 720");
}

static void test_bad_double(void **state)
{
	static const char *const bad[] = {"0.1", "25",    "ten",  "nan",
	                                  "inf", "1e999", "7.5h", "0x10"};
	(void)state;
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		char text[64], name[32], why[128];
		snprintf(text, sizeof text, "[rules]\nmax_hours_per_day = %s\n", bad[i]);
		snprintf(name, sizeof name, "double%zu.ini", i);
		snprintf(why, sizeof why,
		         "rules.max_hours_per_day = %s: must be a number from 0.5 to 24", bad[i]);
		expect_error(name, text, why);
	}
}

static void test_bad_enum(void **state)
{
	(void)state;
	expect_error("enum1.ini", "[display]\ntheme = pink\n",
	             "display.theme = pink: must be one of default, mono, high-contrast");
	expect_error("enum2.ini", "[display]\ntime_format = 25h\n",
	             "display.time_format = 25h: must be one of 24h, 12h");
	expect_error("enum3.ini", "[display]\nweek_start = 1\n",
	             "display.week_start = 1: must be one of sunday, monday");
}

static void test_bad_bool(void **state)
{
	(void)state;
	expect_error("bool_bad.ini", "[kiosk]\nsignup = maybe\n",
	             "kiosk.signup = maybe: must be on or off");
	expect_error("bool_empty.ini", "[export]\ninclude_descriptions =\n",
	             "export.include_descriptions = : must be on or off");
}

static void test_long_string(void **state)
{
	char text[400];
	(void)state;
	snprintf(text, sizeof text, "[export]\norganizer_name = %0300d\n", 0);
	expect_error_part("long.ini", text, "export.organizer_name = 000");
	expect_error_part("long.ini", text, "...: must be at most 255 bytes long");
}

static void test_unknown_key(void **state)
{
	(void)state;
	expect_error("key1.ini", "[rules]\nmax_hour = 8\n",
	             "unknown key rules.max_hour; did you mean max_hours_per_day?");
	expect_error("key2.ini", "[rules]\nmin_rest_minuts = 8\n",
	             "unknown key rules.min_rest_minuts; did you mean min_rest_minutes?");
	expect_error("key3.ini", "[rules]\nidle_timeout_s = 8\n",
	             "unknown key rules.idle_timeout_s; did you mean idle_timeout_s in [kiosk]?");
	expect_error("key4.ini", "[database]\nwibble = 8\n", "unknown key database.wibble");
}

static void test_unknown_section(void **state)
{
	(void)state;
	expect_error("sec1.ini", "[rule]\nmin_rest_minutes = 8\n",
	             "unknown section [rule]; did you mean [rules]?");
	expect_error("sec2.ini", "[dispaly]\n",
	             "unknown section [dispaly]; did you mean [display]?");
	expect_error("sec3.ini", "[weather]\nrain = yes\n", "unknown section [weather]");
}

static void test_key_outside_section(void **state)
{
	(void)state;
	expect_error("top.ini", "theme = mono\n[display]\n",
	             "key theme comes before any [section]");
}

static void test_missing_file(void **state)
{
	struct config c, want;
	struct err e;
	const char *path = tmp_path("missing.ini");
	(void)state;
	config_defaults(&want);
	memset(&c, 0, sizeof c);
	c.min_rest_minutes = 99;
	err_clear(&e);
	assert_int_equal(config_load(&c, path, false, &e), 0);
	assert_config_equal(&c, &want);

	assert_int_equal(config_load(&c, path, true, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
	assert_non_null(strstr(e.msg, path));
	assert_non_null(strstr(e.msg, "No such file or directory"));
}

static void test_unreadable(void **state)
{
	struct config c;
	struct err e;
	const char *file = write_file("plain.ini", "[rules]\n");
	char below[1100];
	(void)state;
	config_defaults(&c);
	/* An existing folder, and a path through a file: errors even when optional. */
	assert_int_equal(config_load(&c, tmpdir, false, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
	assert_non_null(strstr(e.msg, "Is a directory"));
	snprintf(below, sizeof below, "%s/x.ini", file);
	assert_int_equal(config_load(&c, below, false, &e), -1);
	assert_non_null(strstr(e.msg, "Not a directory"));
	if (geteuid() == 0)
		return; /* root reads mode 0000 files */
	chmod(file, 0);
	assert_int_equal(config_load(&c, file, false, &e), -1);
	assert_non_null(strstr(e.msg, "Permission denied"));
}

/* Run config_load with stderr sent to a file; returns what was written there. */
static long load_quietly(struct config *c, const char *path, struct err *e, int *r)
{
	const char *log = tmp_path("stderr.log");
	FILE *f = fopen(log, "w+");
	int saved = dup(2);
	assert_non_null(f);
	fflush(stderr);
	dup2(fileno(f), 2);
	*r = config_load(c, path, true, e);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fclose(f);
	return n;
}

static void test_syntax_error(void **state)
{
	struct config c;
	struct err e;
	int r;
	char want[1200], line[1200];
	const char *path = write_file("syntax.ini", "[rules]\nmin_rest_minutes = 5\n"
	                                            "this is not ini\n[kiosk\n");
	(void)state;
	config_defaults(&c);
	assert_int_equal(load_quietly(&c, path, &e, &r), 0);
	assert_int_equal(r, -1);
	assert_int_equal(e.code, ERR_CONFIG);
	snprintf(want, sizeof want, "%s:3: expected [section] or key = value, not this is not ini",
	         path);
	assert_string_equal(e.msg, want);
	assert_int_equal(c.min_rest_minutes, 30);

	memset(line, 'a', sizeof line - 2);
	memcpy(line, "[x]\nk = ", 8);
	line[sizeof line - 2] = '\n';
	line[sizeof line - 1] = '\0';
	path = write_file("toolong.ini", line);
	assert_int_equal(load_quietly(&c, path, &e, &r), 0);
	assert_int_equal(r, -1);
	snprintf(want, sizeof want, "%s:2: line too long", path);
	assert_string_equal(e.msg, want);
}

static void test_keys_section(void **state)
{
	struct config c;
	struct err e;
	char text[4096];
	size_t len;
	(void)state;
	config_defaults(&c);
	assert_int_equal(load_text(&c, "keys.ini", full_file, &e), 0);
	assert_int_equal(c.nkeys, 3);
	assert_string_equal(c.keys[0].action, "quit");
	assert_string_equal(c.keys[0].keys, "q");
	assert_string_equal(c.keys[1].action, "down");
	assert_string_equal(c.keys[1].keys, "j,KEY_DOWN");
	assert_string_equal(c.keys[2].action, "help");
	assert_string_equal(c.keys[2].keys, "#");

	expect_error("keys_empty.ini", "[keys]\nquit =\n",
	             "keys.quit: must list at least one key (quote # and ;)");
	expect_error_part(
	    "keys_long.ini",
	    "[keys]\nquit = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
	    "keys.quit: key list longer than 47 bytes");

	len = snprintf(text, sizeof text, "[keys]\n");
	for (int i = 0; i <= CONFIG_MAX_KEY_OVERRIDES; i++)
		len += snprintf(text + len, sizeof text - len, "action%d = x\n", i);
	expect_error("keys_many.ini", text, "[keys]: more than 64 overrides");
}

static void test_no_color(void **state)
{
	struct config c;
	struct err e;
	(void)state;
	setenv("NO_COLOR", "1", 1);
	config_defaults(&c);
	assert_true(c.no_color);
	c.no_color = false;
	assert_int_equal(load_text(&c, "nocolor.ini", "[display]\n", &e), 0);
	assert_true(c.no_color);
	setenv("NO_COLOR", "", 1);
	config_defaults(&c);
	assert_false(c.no_color);
	unsetenv("NO_COLOR");
	assert_int_equal(load_text(&c, "nocolor.ini", "[display]\n", &e), 0);
	assert_false(c.no_color);
}

/* Dump c to a file, load it back and compare. */
static void round_trip(const struct config *c, const char *name)
{
	struct config back;
	struct err e;
	const char *path = tmp_path(name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	config_dump(c, f);
	assert_int_equal(fclose(f), 0);
	memset(&back, 0, sizeof back);
	err_clear(&e);
	if (config_load(&back, path, true, &e) < 0)
		fail_msg("%s", e.msg);
	assert_config_equal(c, &back);
}

static void test_round_trip(void **state)
{
	struct config c;
	struct err e;
	(void)state;
	config_defaults(&c);
	round_trip(&c, "dump_defaults.ini");

	assert_int_equal(load_text(&c, "rt.ini", full_file, &e), 0);
	round_trip(&c, "dump_full.ini");

	c.max_hours_per_day = 0.1 + 0.2 + 7;
	strcpy(c.organizer_name, "Ann \"Nan\" O'Neil");
	strcpy(c.organizer_email, "semi;colon#hash@example.org");
	strcpy(c.db_path, "");
	strcpy(c.keys[0].keys, "'");
	strcpy(c.keys[1].keys, "\"");
	strcpy(c.keys[2].keys, ";");
	c.theme = THEME_MONO;
	round_trip(&c, "dump_odd.ini");
}

static void test_dump_text(void **state)
{
	struct config c;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	(void)state;
	assert_non_null(f);
	config_defaults(&c);
	config_dump(&c, f);
	fclose(f);
	assert_non_null(strstr(buf, "\n[rules]\n# Least rest between two shifts of one person, in "
	                            "minutes (0 to 1440, default 30)\nmin_rest_minutes = 30\n"));
	assert_non_null(strstr(buf, "(0.5 to 24, default 10)\nmax_hours_per_day = 10\n"));
	assert_non_null(strstr(
	    buf, "(one of default, mono, high-contrast; default default)\ntheme = default\n"));
	assert_non_null(strstr(buf, "(on or off, default on)\nsignup = on\n"));
	assert_non_null(strstr(buf, "default \"\")\npath = \"\"\n"));
	assert_non_null(strstr(buf, "\n[keys]\n"));
	free(buf);
}

/* contrib/muster.ini.sample is config_dump of the defaults, when run from the tree. */
static void test_sample_file(void **state)
{
	static const char *const places[] = {"contrib/muster.ini.sample",
	                                     "../contrib/muster.ini.sample",
	                                     "../../contrib/muster.ini.sample"};
	struct config c, want;
	struct err e;
	char *dump = NULL, sample[16384];
	size_t len = 0, n = 0;
	FILE *f = NULL;
	(void)state;
	for (size_t i = 0; !f && i < ARRAY_LEN(places); i++)
		if ((f = fopen(places[i], "r")))
			n = fread(sample, 1, sizeof sample - 1, f);
	if (!f)
		skip();
	fclose(f);
	sample[n] = '\0';
	config_defaults(&want);
	f = open_memstream(&dump, &len);
	config_dump(&want, f);
	fclose(f);
	assert_string_equal(sample, dump);
	free(dump);
	memset(&c, 0, sizeof c);
	assert_int_equal(load_text(&c, "sample.ini", sample, &e), 0);
	assert_config_equal(&c, &want);
}

static void test_failed_load_keeps_config(void **state)
{
	static const char *const bad[] = {
	    "[rules]\nmin_rest_minutes = 5\nmax_hours_per_day = 100\n",
	    "[keys]\nquit = x\n[kiosk]\nsignup = on\n[rule]\n",
	    "[display]\ntheme = mono\nnonsense\n",
	};
	struct config c, before;
	struct err e;
	(void)state;
	config_defaults(&c);
	c.min_rest_minutes = 77;
	c.theme = THEME_HIGH_CONTRAST;
	c.kiosk_signup = false;
	strcpy(c.organizer_name, "kept");
	memcpy(&before, &c, sizeof c);
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		char name[32];
		snprintf(name, sizeof name, "keep%zu.ini", i);
		int r;
		if (i == 2)
			load_quietly(&c, write_file(name, bad[i]), &e, &r);
		else
			r = load_text(&c, name, bad[i], &e);
		assert_int_equal(r, -1);
		assert_memory_equal(&c, &before, sizeof c);
	}
	assert_int_equal(config_load(&c, tmp_path("keep_missing.ini"), true, &e), -1);
	assert_memory_equal(&c, &before, sizeof c);
}

static void test_null_err(void **state)
{
	struct config c;
	(void)state;
	config_defaults(&c);
	assert_int_equal(config_load(&c, write_file("nullerr.ini", "[x]\n"), true, NULL), -1);
}

static void test_suggest(void **state)
{
	static const char *const rules[] = {"min_rest_minutes", "max_hours_per_day",
	                                    "signup_close_minutes", "drop_close_hours",
	                                    "checkin_open_minutes"};
	static const char *const sections[] = {"database", "display", "rules",
	                                       "kiosk",    "export",  "keys"};
	static const char *const with_null[] = {NULL, "quit", NULL};
	(void)state;
	assert_string_equal(suggest_closest("max_hour", rules, 5), "max_hours_per_day");
	assert_string_equal(suggest_closest("min_rest_mintues", rules, 5), "min_rest_minutes");
	assert_string_equal(suggest_closest("DROP_CLOSE_HOURS", rules, 5), "drop_close_hours");
	assert_string_equal(suggest_closest("checkin", rules, 5), "checkin_open_minutes");
	assert_null(suggest_closest("colour", rules, 5));
	assert_string_equal(suggest_closest("rule", sections, 6), "rules");
	assert_string_equal(suggest_closest("dispaly", sections, 6), "display");
	assert_string_equal(suggest_closest("Kiosk", sections, 6), "kiosk");
	assert_string_equal(suggest_closest("key", sections, 6), "keys");
	assert_null(suggest_closest("weather", sections, 6));
	assert_null(suggest_closest("zz", sections, 6));
	assert_null(suggest_closest("", sections, 6));
	assert_null(suggest_closest("rules", sections, 0));
	assert_string_equal(suggest_closest("quti", with_null, 3), "quit");
	assert_int_equal(suggest_distance("kitten", "sitting"), 3);
	assert_int_equal(suggest_distance("ca", "AC"), 1);
	assert_int_equal(suggest_distance("", "abc"), 3);
	assert_int_equal(suggest_distance("same", "SAME"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_defaults),
	    cmocka_unit_test(test_full_file),
	    cmocka_unit_test(test_case_insensitive),
	    cmocka_unit_test(test_bool_words),
	    cmocka_unit_test(test_bad_int),
	    cmocka_unit_test(test_bad_double),
	    cmocka_unit_test(test_bad_enum),
	    cmocka_unit_test(test_bad_bool),
	    cmocka_unit_test(test_long_string),
	    cmocka_unit_test(test_unknown_key),
	    cmocka_unit_test(test_unknown_section),
	    cmocka_unit_test(test_key_outside_section),
	    cmocka_unit_test(test_missing_file),
	    cmocka_unit_test(test_unreadable),
	    cmocka_unit_test(test_syntax_error),
	    cmocka_unit_test(test_keys_section),
	    cmocka_unit_test(test_no_color),
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_dump_text),
	    cmocka_unit_test(test_sample_file),
	    cmocka_unit_test(test_failed_load_keeps_config),
	    cmocka_unit_test(test_null_err),
	    cmocka_unit_test(test_suggest),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
