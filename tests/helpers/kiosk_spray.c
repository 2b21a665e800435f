/* kiosk_spray.c - one kiosk process of tests/cli/kiosk_spray.sh: tries a
 * PIN on each code in turn through the kiosk's own sign-in (core/kiosk.c,
 * the real database and config, the clock pinned), as an attacker at one
 * kiosk SSH session would, and prints what became of each attempt:
 *   CODE checked     the PIN was checked and refused
 *   CODE paused      refused unchecked: too many wrong PINs across all codes
 *   CODE locked      refused unchecked: this code is locked
 *   CODE signed-in   the PIN was right
 * usage: kiosk_spray DB CONFIG NOW PIN CODE...   (exit 0 unless an error) */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "../../core/kiosk.h"

static const char *outcome(int rc, const struct err *e)
{
	if (rc == 0)
		return "signed-in";
	if (strstr(e->msg, "Too many wrong PINs were typed at the kiosks"))
		return "paused";
	if (strstr(e->msg, "locked"))
		return "locked";
	return "checked";
}

int main(int argc, char **argv)
{
	struct config cfg;
	struct clock clock = {0};
	struct ctx c = {.cfg = &cfg, .clock = &clock};
	struct err e = {0};
	if (argc < 6) {
		fprintf(stderr, "usage: kiosk_spray DB CONFIG NOW PIN CODE...\n");
		return 2;
	}
	if (config_load(&cfg, argv[2], true, &e) < 0 || clock_pin(&clock, argv[3], &e) < 0 ||
	    db_open(argv[1], NULL, &c.db, &e) < 0) {
		fprintf(stderr, "kiosk_spray: %s\n", e.msg);
		return 2;
	}
	kiosk_begin(&c);
	for (int i = 5; i < argc; i++) {
		struct kiosk_user u;
		struct err ae = {0};
		int rc = kiosk_sign_in(&c, argv[i], argv[4], &u, &ae);
		if (rc < 0 && ae.code == ERR_DB) {
			fprintf(stderr, "kiosk_spray: %s\n", ae.msg);
			db_close(c.db);
			return 3;
		}
		printf("%s %s\n", argv[i], outcome(rc, &ae));
		fflush(stdout);
		kiosk_sign_out(&c, &u);
	}
	db_close(c.db);
	return 0;
}
