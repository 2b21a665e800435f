/* cmd_kiosk.c - kiosk-passphrase: read the kiosk's exit passphrase without
 * echo and print the [kiosk] exit_passphrase_hash line for the config. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "../core/kiosk.h"
#include "cmd.h"

#define PASS_MAX 256

/* One line from stdin, echo off when it is a terminal (prompt on stderr). */
static int read_secret(const char *prompt, char *buf, size_t n, struct err *e)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		quiet = old;
		quiet.c_lflag &= (tcflag_t) ~(ECHO | ECHONL);
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *got = fgets(buf, (int)n, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!got)
		return err_set(e, ERR_INPUT, "passphrase: nothing read from standard input");
	size_t len = strcspn(buf, "\r\n");
	if (buf[len] == '\0' && len + 1 >= n)
		return err_set(e, ERR_INPUT, "passphrase: longer than %d bytes", (int)n - 2);
	buf[len] = '\0';
	return tty ? 1 : 0;
}

static int cmd_kiosk_passphrase(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	char pass[PASS_MAX], again[PASS_MAX], hash[256];
	int ret = -1;
	int tty = read_secret("Kiosk exit passphrase: ", pass, sizeof pass, e);
	if (tty < 0)
		goto done;
	if (tty && read_secret("Again: ", again, sizeof again, e) < 0)
		goto done;
	if (tty && strcmp(pass, again) != 0) {
		err_set(e, ERR_INPUT, "passphrase: the two did not match");
		goto done;
	}
	if (kiosk_passphrase_hash(pass, hash, sizeof hash, e) < 0)
		goto done;
	fprintf(out, "exit_passphrase_hash = \"%s\"\n", hash);
	ret = 0;
done:
	sodium_memzero(pass, sizeof pass);
	sodium_memzero(again, sizeof again);
	return ret;
}

const struct command cmd_kiosk_commands[] = {
    {
        .name = "kiosk-passphrase",
        .usage = "",
        .help = "read a passphrase of at least 8 characters (asked twice, no echo) and print "
                "the [kiosk] exit_passphrase_hash line for the config; the kiosk then quits "
                "on F10 and that passphrase. Touches no database",
        .run = cmd_kiosk_passphrase,
        .no_db = true,
    },
    {.name = NULL},
};
