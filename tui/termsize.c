/* termsize.c - the bounded terminal size (see termsize.h). curses never
 * asks the terminal itself: it reads LINES and COLUMNS, which hold the
 * bounded size, and a resize reaches it through resizeterm here, since the
 * SIGWINCH handler is muster's (tui/signals.c), not curses'. */
#define _POSIX_C_SOURCE 200809L
#include "termsize.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "signals.h"

/* A positive number from the environment, or 0. */
static int env_size(const char *name)
{
	const char *v = getenv(name);
	char *end;
	if (!v || !*v)
		return 0;
	long n = strtol(v, &end, 10);
	return *end || n <= 0 ? 0 : n > 65535 ? 65535 : (int)n;
}

static int bound(int n, int fallback, int max)
{
	if (n <= 0)
		n = fallback;
	return n > max ? max : n;
}

void termsize_get(int *lines, int *cols)
{
	struct winsize ws = {0};
	int l = 0, c = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 ||
	    ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0) {
		l = ws.ws_row;
		c = ws.ws_col;
	}
	*lines = bound(l > 0 ? l : env_size("LINES"), 24, TERMSIZE_MAX_LINES);
	*cols = bound(c > 0 ? c : env_size("COLUMNS"), 80, TERMSIZE_MAX_COLS);
}

static void size_to_env(int lines, int cols)
{
	char l[16], c[16];
	snprintf(l, sizeof l, "%d", lines);
	snprintf(c, sizeof c, "%d", cols);
	setenv("LINES", l, 1);
	setenv("COLUMNS", c, 1);
}

void termsize_prepare(void)
{
	int lines, cols;
	termsize_get(&lines, &cols);
	size_to_env(lines, cols);
	use_env(TRUE);
}

void termsize_follow(void)
{
	int lines, cols;
	if (!signals_take_resize())
		return;
	termsize_get(&lines, &cols);
	size_to_env(lines, cols);
	resizeterm(lines, cols);
}
