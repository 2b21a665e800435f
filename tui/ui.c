/* ui.c - curses setup and teardown (with the bounded size of tui/termsize.c
 * and the signals of tui/signals.c), the theme, reading keys, and drawing
 * sanitized text in fixed columns (htop's CRT.c plays this part there). */
#define _XOPEN_SOURCE 700
#include "ui.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

#include "../core/array.h"
#include "signals.h"
#include "termsize.h"
#include "text.h"

int ui_start(struct ui_theme *th, const struct config *cfg, struct err *e)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(e, ERR_USAGE,
		               "the coordinator screen needs a terminal; run a command instead "
		               "(see muster --help)");
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0)
		return err_set(e, ERR_USAGE, "TERM is not set to a terminal type curses knows");
	signals_install(SIGNALS_COORDINATOR);
	termsize_prepare();
	if (!newterm(NULL, stdout, stdin))
		return err_set(e, ERR_USAGE, "cannot start the screen for TERM=%s", term);
	signals_arm();
	cbreak();
	/* ^S saves a form: keep the terminal from taking it as XOFF */
	struct termios tio;
	if (tcgetattr(STDIN_FILENO, &tio) == 0) {
		tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &tio);
		def_prog_mode();
	}
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE); /* let curses scroll instead of repainting lists */
	leaveok(stdscr, FALSE);
	set_escdelay(100); /* arrow keys over a slow SSH link still parse */
	curs_set(0);
	theme_apply(th, cfg->theme, !cfg->no_color);
	bkgdset(theme_attr(th, UI_NORMAL) | ' ');
	return 0;
}

void ui_stop(void)
{
	if (isendwin())
		return;
	curs_set(1);
	endwin();
}

/* The terminal hung up (its SSH connection closed, its tmux gone) even if
 * no SIGHUP came: reading it fails at once, every time. */
static bool terminal_gone(void)
{
	struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&in, 1, 0) == 1 && (in.revents & (POLLHUP | POLLERR | POLLNVAL));
}

bool ui_key_waiting(void)
{
	struct pollfd in = {.fd = STDIN_FILENO, .events = POLLIN};
	return poll(&in, 1, 0) == 1;
}

int ui_read(struct key *k, int timeout_ms)
{
	wint_t ch;
	termsize_follow(); /* a resize comes back as KEY_RESIZE */
	wtimeout(stdscr, timeout_ms);
	int rc = wget_wch(stdscr, &ch);
	if (rc == ERR)
		return terminal_gone() ? -1 : 0;
	k->ch = ch;
	k->fn = rc == KEY_CODE_YES;
	return 1;
}

/* Put a sanitized, fitted UTF-8 string as wide characters. */
static void put_wide(WINDOW *w, int y, int x, const char *fitted, attr_t a)
{
	wchar_t wbuf[1024];
	size_t n = mbstowcs(wbuf, fitted, ARRAY_LEN(wbuf) - 1);
	if (n == (size_t)-1)
		return;
	wbuf[n] = L'\0';
	wattrset(w, a);
	mvwaddnwstr(w, y, x, wbuf, (int)n);
}

int ui_text_tight(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	if (width <= 0)
		return 0;
	char clean[4096], fit[4096];
	text_sanitize(s, clean, sizeof clean);
	int used = text_fit(clean, width, fit, sizeof fit);
	put_wide(w, y, x, fit, a);
	return used;
}

void ui_fill(WINDOW *w, int y, int x, int width, attr_t a)
{
	if (width <= 0)
		return;
	wattrset(w, a);
	mvwhline(w, y, x, ' ', width);
}

void ui_text(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	int used = ui_text_tight(w, y, x, width, s, a);
	ui_fill(w, y, x + used, width - used, a);
}

void ui_text_right(WINDOW *w, int y, int x, int width, const char *s, attr_t a)
{
	char clean[4096];
	text_sanitize(s, clean, sizeof clean);
	int need = text_width(clean);
	int pad = need < width ? width - need : 0;
	ui_fill(w, y, x, pad, a);
	ui_text(w, y, x + pad, width - pad, clean, a);
}

void ui_frame(WINDOW *w, const char *title, attr_t border, attr_t title_attr)
{
	wattrset(w, border);
	box(w, 0, 0);
	if (title && *title) {
		int width = getmaxx(w) - 4;
		mvwaddch(w, 0, 1, ' ');
		int used = ui_text_tight(w, 0, 2, width - 1, title, title_attr);
		wattrset(w, border);
		mvwaddch(w, 0, 2 + used, ' ');
	}
}

/* Length in bytes of the longest prefix of s that fits in width columns,
 * breaking after a space when one is near; *cols gets its width. */
static size_t wrap_cut(const char *s, int width, int *cols)
{
	size_t at = 0, last_space = 0;
	int w = 0, w_at_space = 0;
	mbstate_t st = {0};
	while (s[at]) {
		wchar_t wc;
		size_t len = mbrtowc(&wc, s + at, strlen(s + at), &st);
		if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
			len = 1;
			wc = L'?';
			memset(&st, 0, sizeof st);
		}
		int cw = wcwidth(wc);
		if (cw < 0)
			cw = 1;
		if (w + cw > width) {
			if (last_space > 0) {
				*cols = w_at_space;
				return last_space;
			}
			break;
		}
		w += cw;
		at += len;
		if (wc == L' ') {
			last_space = at;
			w_at_space = w;
		}
	}
	*cols = w;
	return at ? at : (s[0] ? 1 : 0);
}

typedef void (*line_fn)(void *arg, int k, const char *line);

/* Each line of text wrapped at width, in order, to fn (NULL: counted only):
 * a line ends at a newline (so an empty paragraph is an empty line), then
 * at the width. Returns how many, at most maxlines (0: no bound). */
static int each_line(const char *text, int width, int maxlines, line_fn fn, void *arg)
{
	int lines = 0;
	const char *para = text;
	while (width > 0 && (maxlines <= 0 || lines < maxlines)) {
		const char *nl = strchr(para, '\n');
		size_t plen = nl ? (size_t)(nl - para) : strlen(para);
		if (plen && para[plen - 1] == '\r')
			plen--;
		char raw[8192], clean[8192];
		snprintf(raw, sizeof raw, "%.*s", (int)plen, para);
		text_sanitize(raw, clean, sizeof clean);
		const char *p = clean;
		if (!*p && nl) {
			if (fn)
				fn(arg, lines, "");
			lines++;
		}
		while (*p && (maxlines <= 0 || lines < maxlines)) {
			int cols;
			size_t cut = wrap_cut(p, width, &cols);
			char line[2048];
			size_t n = cut < sizeof line - 1 ? cut : sizeof line - 1;
			memcpy(line, p, n);
			line[n] = '\0';
			if (fn)
				fn(arg, lines, line);
			lines++;
			p += cut;
			while (*p == ' ')
				p++;
		}
		if (!nl)
			break;
		para = nl + 1;
	}
	return lines;
}

struct drawn {
	WINDOW *w;
	int y, x, width;
	attr_t a;
};

static void draw_line(void *arg, int k, const char *line)
{
	struct drawn *d = arg;
	ui_text(d->w, d->y + k, d->x, d->width, line, d->a);
}

struct kept {
	int k;
	char *out;
	size_t n;
};

static void keep_line(void *arg, int k, const char *line)
{
	struct kept *kp = arg;
	if (k == kp->k)
		snprintf(kp->out, kp->n, "%s", line);
}

static int wrap_lines(WINDOW *w, int y, int x, int width, int maxlines, const char *text, attr_t a)
{
	struct drawn d = {w, y, x, width, a};
	return each_line(text, width, maxlines, w ? draw_line : NULL, &d);
}

int ui_wrap_line(const char *text, int width, int k, char *out, size_t n)
{
	struct kept kp = {k, out, n};
	out[0] = '\0';
	int total = each_line(text, width, 0, keep_line, &kp);
	if (k >= total)
		return 0;
	return k + 1 < total ? 2 : 1; /* 2: more text follows */
}

int ui_wrap(WINDOW *w, int y, int x, int width, int maxlines, const char *text, attr_t a)
{
	return wrap_lines(w, y, x, width, maxlines, text, a);
}

int ui_wrap_count(int width, const char *text)
{
	return wrap_lines(NULL, 0, 0, width, 0, text, 0);
}
