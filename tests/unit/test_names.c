/* test_names.c - a name written in the code that its table does not have is
 * a bug that must show at once, not a silent 0 or NULL: a misspelled field
 * name given to record_int and its siblings, and a SELECT whose columns and
 * the enum naming them disagree, abort with the name in debug and test
 * builds. Each case runs in a child process; the parent reads its stderr. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../core/entity.h"
#include "../../db/db_internal.h"

/* Run fn in a child; true when it died of SIGABRT having said want. */
static bool aborts_saying(void (*fn)(void), const char *want)
{
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fd[1], STDERR_FILENO);
		close(fd[0]);
		fn();
		_exit(0);
	}
	close(fd[1]);
	char said[512] = "";
	size_t n = 0;
	ssize_t got;
	while (n + 1 < sizeof said && (got = read(fd[0], said + n, sizeof said - 1 - n)) > 0)
		n += (size_t)got;
	said[n] = '\0';
	close(fd[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!strstr(said, want))
		print_error("stderr was: %s\n", said);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT && strstr(said, want);
}

static void read_misspelled(void)
{
	struct record r;
	record_init(&r, entity_find("shift"));
	(void)record_int(&r, "need_mx");
}

static void write_misspelled(void)
{
	struct record r;
	record_init(&r, entity_find("person"));
	record_set_text(&r, "emial", "dana@example.org");
}

static void has_misspelled(void)
{
	struct record r;
	record_init(&r, entity_find("event"));
	(void)record_has(&r, "teardown_end");
}

static void misspelled_field_names_abort(void **state)
{
	(void)state;
	assert_true(aborts_saying(read_misspelled, "shift has no field \"need_mx\""));
	assert_true(aborts_saying(write_misspelled, "person has no field \"emial\""));
	assert_true(aborts_saying(has_misspelled, "event has no field \"teardown_end\""));
}

static void known_field_names_read(void **state)
{
	(void)state;
	struct record r;
	record_init(&r, entity_find("shift"));
	record_set_int(&r, "need_max", 3);
	assert_int_equal(record_int(&r, "need_max"), 3);
	assert_false(record_has(&r, "need_min"));
	assert_int_equal(entity_field_index(entity_find("shift"), "need_mx"), -1); /* input */
	record_free(&r);
}

static void columns_disagree(void)
{
	struct db *db;
	struct err e = {0};
	if (db_open(":memory:", NULL, &db, &e) < 0)
		_exit(1);
	sqlite3_stmt *st;
	if (db_prepare(db, "SELECT 1, 2, 3", &st, &e) < 0)
		_exit(1);
	enum { A, B, NCOLS }; /* one column short */
	(void)db_columns(st, NCOLS, &e);
}

static void select_and_enum_disagree_abort(void **state)
{
	(void)state;
	assert_true(aborts_saying(columns_disagree, "a SELECT and the enum naming its columns"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(misspelled_field_names_abort),
	    cmocka_unit_test(known_field_names_read),
	    cmocka_unit_test(select_and_enum_disagree_abort),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
