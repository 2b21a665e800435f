/* kiosk.c - `muster kiosk` (SPEC section 7): curses in raw mode,
 * the idle wipe, the loop that reads keys and paints the current view, and
 * the drawing helpers the views share. Locked down: ^C ^Z ^\ are plain keys,
 * nothing is ever spawned, the terminal size is bounded (tui/termsize.c),
 * and only a signal (tui/signals.c: each wipes the screen first, or is
 * ignored) or the exit passphrase end it. */
#define _POSIX_C_SOURCE 200809L
#include "kiosk.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "../core/array.h"
#include "../core/utf8.h"
#include "../core/xmalloc.h"
#include "screen.h"
#include "signals.h"
#include "termsize.h"
#include "text.h"

/* Loop tick: how often the idle timer, resizes and other writers are looked at. */
#define TICK_MS 250
/* Pause after a failed PIN or passphrase. */
#define PENALTY_MS 1000
/* getch returning at once this many times in a row: the terminal is gone. */
#define DEAD_TTY_ERRS 200

enum { PAIR_BAR = 1, PAIR_OK, PAIR_ERR };

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool curses_start(struct kiosk_ui *k)
{
	if (!newterm(NULL, stdout, stdin))
		return false;
	raw(); /* ^C ^Z ^\ ^S ^Q arrive as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	set_escdelay(100);
	curs_set(0);
	timeout(TICK_MS);
	k->colour = !k->app->cfg.no_color && k->app->cfg.theme != THEME_MONO && has_colors();
	if (k->colour) {
		start_color();
		use_default_colors();
		init_pair(PAIR_BAR, COLOR_WHITE, COLOR_BLUE);
		init_pair(PAIR_OK, COLOR_GREEN, -1);
		init_pair(PAIR_ERR, COLOR_RED, -1);
	}
	return true;
}

static void curses_stop(void)
{
	clear();
	refresh();
	endwin();
}

static const struct kiosk_key *key_find(const struct kiosk_ui *k, const struct kiosk_key *t, int ch)
{
	for (; t && t->fn; t++) {
		if (t->shown && !t->shown(k))
			continue;
		for (int i = 0; i < 9 && t->keys[i]; i++)
			if (t->keys[i] == ch)
				return t;
	}
	return NULL;
}

int kiosk_dispatch(struct kiosk_ui *k, const struct kiosk_key *table, int ch)
{
	const struct kiosk_key *t = key_find(k, table, ch);
	return t ? t->fn(k, ch) : -1;
}

int kiosk_key_reset(struct kiosk_ui *k, int ch)
{
	kiosk_reset(k);
	return KR_REDRAW;
}

int kiosk_key_secret_erase(struct kiosk_ui *k, int ch)
{
	/* a whole UTF-8 character */
	while (k->secret_len > 0 && utf8_is_cont((unsigned char)k->secret[k->secret_len - 1]))
		k->secret[--k->secret_len] = '\0';
	if (k->secret_len > 0)
		k->secret[--k->secret_len] = '\0';
	return KR_REDRAW;
}

/* "Enter continue   Backspace erase ..." from the view's key table. */
static void key_bar_text(const struct kiosk_ui *k, char *buf, size_t n)
{
	size_t at = 0;
	buf[0] = '\0';
	for (const struct kiosk_key *t = k->view->keys; t && t->fn; t++) {
		if (!t->hint || (t->shown && !t->shown(k)))
			continue;
		int w = snprintf(buf + at, n - at, "%s%s", at ? "   " : "", t->hint);
		if (w < 0 || (size_t)w >= n - at)
			break;
		at += (size_t)w;
	}
}

void kiosk_secret_clear(struct kiosk_ui *k)
{
	sodium_memzero(k->secret, sizeof k->secret);
	k->secret_len = 0;
}

void kiosk_say(struct kiosk_ui *k, enum kiosk_msg kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(k->msg, sizeof k->msg, fmt, ap);
	va_end(ap);
	k->msg_kind = kind;
}

void kiosk_go(struct kiosk_ui *k, const struct kiosk_view *v)
{
	k->view = v;
	k->confirming = false;
	if (v->enter)
		v->enter(k);
}

void kiosk_reset(struct kiosk_ui *k)
{
	kiosk_secret_clear(k);
	memset(k->code, 0, sizeof k->code);
	k->code_len = 0;
	kiosk_sign_out(k->ctx, &k->user);
	k->nrows = k->sel = k->top = 0;
	memset(k->rows, 0, sizeof *k->rows * KIOSK_ROWS_MAX);
	k->msg[0] = '\0';
	k->msg_kind = KM_NONE;
	kiosk_go(k, k->home);
}

/* Paint the current view; only here does anything reach the terminal. */
static void paint(struct kiosk_ui *k)
{
	erase();
	k->view->draw(k);
	wnoutrefresh(stdscr);
	doupdate();
}

void kiosk_busy(struct kiosk_ui *k, const char *what)
{
	kiosk_say(k, KM_INFO, "%s", what);
	paint(k);
}

void kiosk_penalty(struct kiosk_ui *k)
{
	int64_t until = mono_ms() + PENALTY_MS;
	for (int64_t now; (now = mono_ms()) < until;) {
		struct timespec ts = {0, (long)((until - now) * 1000000)};
		nanosleep(&ts, NULL);
	}
	flushinp();
}

void kiosk_put(int y, int x, int cols, const char *raw)
{
	char clean[1024], fit[1024];
	if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
		return;
	if (x + cols > COLS)
		cols = COLS - x;
	text_sanitize(raw, clean, sizeof clean);
	text_fit(clean, cols, fit, sizeof fit);
	mvaddstr(y, x, fit);
}

void kiosk_center(int y, const char *raw, int attr)
{
	char clean[1024];
	text_sanitize(raw, clean, sizeof clean);
	int w = text_width(clean);
	int x = w < COLS ? (COLS - w) / 2 : 0;
	attron(attr);
	kiosk_put(y, x, COLS - x, clean);
	attroff(attr);
}

static void bar(int y, const char *left, const char *right, bool colour)
{
	int attr = A_REVERSE | (colour ? COLOR_PAIR(PAIR_BAR) : 0);
	attron(attr);
	mvhline(y, 0, ' ', COLS);
	kiosk_put(y, 1, COLS - 2, left);
	if (right && right[0]) {
		char clean[512];
		text_sanitize(right, clean, sizeof clean);
		int w = text_width(clean);
		int x = COLS - w - 1;
		if (x > 1 + text_width(left) + 2)
			kiosk_put(y, x, w, clean);
	}
	attroff(attr);
}

/* The message in up to two lines above the key bar, marked so it reads
 * without colour: "Done:" / "Not done:". */
static void message(struct kiosk_ui *k)
{
	static const struct {
		enum kiosk_msg kind;
		const char *prefix;
		int pair;
	} kinds[] = {
	    {.kind = KM_INFO, .prefix = "", .pair = 0},
	    {.kind = KM_OK, .prefix = "Done: ", .pair = PAIR_OK},
	    {.kind = KM_ERR, .prefix = "Not done: ", .pair = PAIR_ERR},
	};
	if (k->msg_kind == KM_NONE || !k->msg[0] || LINES < 6)
		return;
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++) {
		if (kinds[i].kind != k->msg_kind)
			continue;
		char text[1200], clean[1200];
		snprintf(text, sizeof text, "%s%s", kinds[i].prefix, k->msg);
		text_sanitize(text, clean, sizeof clean);
		int attr = A_BOLD | (k->colour && kinds[i].pair ? COLOR_PAIR(kinds[i].pair) : 0);
		attron(attr);
		/* Split at the last space that fits the first line. */
		int width = COLS - 2;
		char first[1200];
		text_fit(clean, width, first, sizeof first);
		size_t cut = strlen(first);
		if (cut < strlen(clean)) {
			char *sp = strrchr(first, ' ');
			if (sp && sp > first + 10)
				cut = (size_t)(sp - first);
			first[cut] = '\0';
			kiosk_put(LINES - 3, 1, width, first);
			const char *rest = clean + cut;
			while (*rest == ' ')
				rest++;
			kiosk_put(LINES - 2, 1, width, rest);
		} else {
			kiosk_put(LINES - 3, 1, width, clean);
		}
		attroff(attr);
	}
}

int kiosk_attr(const struct kiosk_ui *k, enum kiosk_msg kind)
{
	int pair = kind == KM_OK ? PAIR_OK : kind == KM_ERR ? PAIR_ERR : 0;
	return A_BOLD | (k->colour && pair ? COLOR_PAIR(pair) : 0);
}

void kiosk_frame(struct kiosk_ui *k, const char *right)
{
	char keys[256];
	bar(0, k->title, right, k->colour);
	message(k);
	if (k->confirming)
		snprintf(keys, sizeof keys, "Y yes, do it   any other key no");
	else
		key_bar_text(k, keys, sizeof keys);
	bar(LINES - 1, keys, NULL, k->colour);
}

/* Keys every view shares: ^L repaints, a resize repaints. */
static int common_key(int ch)
{
	if (ch == KEY_RESIZE || ch == 12 /* ^L */)
		return KR_WIPE;
	return -1;
}

/* One key: shared keys, a pending question, the view's table, then typing.
 * Anything else (^C, ^Z, ^\ among them) does nothing. */
static int key(struct kiosk_ui *k, int ch)
{
	const struct kiosk_view *v = k->view;
	int r = common_key(ch);
	if (r < 0 && k->confirming && v->answer)
		r = v->answer(k, ch);
	if (r < 0)
		r = kiosk_dispatch(k, v->keys, ch);
	if (r < 0 && v->other)
		r = v->other(k, ch);
	return r < 0 ? KR_NONE : r;
}

/* Another lead or kiosk changed the data: the lists load again. */
static bool others_wrote(struct kiosk_ui *k)
{
	int64_t v = db_data_version(k->ctx->db);
	if (v == k->data_version)
		return false;
	k->data_version = v;
	return true;
}

static bool idle(const struct kiosk_ui *k)
{
	return k->view == k->home && k->code_len == 0 && k->msg_kind == KM_NONE;
}

static void loop(struct kiosk_ui *k)
{
	int64_t last_key = mono_ms(), idle_ms = (int64_t)k->app->cfg.kiosk_idle_timeout_s * 1000;
	int fast_errs = 0, react = KR_WIPE;
	k->data_version = db_data_version(k->ctx->db);
	while (!k->quit) {
		if (react & KR_WIPE)
			clear();
		if (react)
			paint(k);
		termsize_follow(); /* a resize comes back as KEY_RESIZE */
		int64_t before = mono_ms();
		int ch = getch();
		react = KR_NONE;
		if (ch == ERR) {
			/* A closed terminal returns at once, forever. */
			fast_errs = mono_ms() - before < TICK_MS / 4 ? fast_errs + 1 : 0;
			if (fast_errs > DEAD_TTY_ERRS)
				break;
			if (!idle(k) && mono_ms() - last_key >= idle_ms) {
				kiosk_reset(k);
				react = KR_WIPE;
			} else if (others_wrote(k) && k->view == &kiosk_mine_view &&
			           !k->confirming) {
				kiosk_go(k, k->view);
				react = KR_REDRAW;
			}
			continue;
		}
		fast_errs = 0;
		if (ch != KEY_RESIZE)
			last_key = mono_ms();
		react = key(k, ch);
	}
}

int kiosk_run(struct kiosk_ui *k, struct err *e)
{
	const char *what = k->door ? "door" : "kiosk";
	if (kiosk_config_check(&k->app->cfg, e) < 0)
		return -1;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return err_set(e, ERR_USAGE, "%s: needs a terminal (with ssh, use ssh -t)", what);
	k->ctx = &k->app->ctx;
	signals_install(SIGNALS_KIOSK);
	termsize_prepare();
	if (!curses_start(k))
		return err_set(e, ERR_USAGE, "%s: cannot use this terminal (is TERM set?)", what);
	signals_arm();
	k->rows = xcalloc(KIOSK_ROWS_MAX, sizeof *k->rows);
	kiosk_reset(k);
	loop(k);
	kiosk_reset(k);
	curses_stop();
	free(k->rows);
	return 0;
}

int screen_run_kiosk(struct app *a, struct err *e)
{
	struct kiosk_ui k = {.app = a, .home = &kiosk_welcome_view, .title = "muster kiosk"};
	return kiosk_run(&k, e);
}
