/* kiosk.h - what the kiosk's files share: the kiosk's state, its views (a
 * const struct of callbacks each), and the few drawing helpers. The kiosk is
 * a small full-screen program of its own (SPEC section 7): raw mode, no
 * shell-out, no file but the database, no other volunteer's data. */
#ifndef MUSTER_TUI_KIOSK_H
#define MUSTER_TUI_KIOSK_H

#include <stdbool.h>
#include <stdint.h>

#include <curses.h>

#include "../core/kiosk.h"
#include "app.h"

#define KIOSK_INPUT_MAX 128 /* the longest passphrase typed */
#define KIOSK_ROWS_MAX  200 /* shifts held by one list */

/* Reactions a key handler returns to the loop. */
#define KR_NONE   0x0
#define KR_REDRAW 0x1
#define KR_WIPE   0x2 /* clear the whole terminal, then redraw */

enum kiosk_msg { KM_NONE, KM_INFO, KM_OK, KM_ERR };

struct kiosk_ui;

/* One row of a view's key table: the keys, what they do, and the hint the
 * key bar shows. The tables drive dispatch and the key bar alike. */
struct kiosk_key {
	int keys[9]; /* ends at the first 0 */
	int (*fn)(struct kiosk_ui *k, int ch);
	const char *hint;                        /* "I check in"; NULL: not in the key bar */
	bool (*shown)(const struct kiosk_ui *k); /* NULL: always available */
};

#define KIOSK_KEYS_ENTER                                                                           \
	{                                                                                          \
		'\n', '\r', KEY_ENTER                                                              \
	}
#define KIOSK_KEYS_ERASE                                                                           \
	{                                                                                          \
		KEY_BACKSPACE, 127, 8, KEY_DC                                                      \
	}
#define KIOSK_KEYS_MOVE                                                                            \
	{                                                                                          \
		KEY_UP, KEY_DOWN, 'k', 'j', KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END                \
	}

/* One view: welcome, PIN, exit passphrase, my shifts, open shifts. */
struct kiosk_view {
	const char *name;
	void (*enter)(struct kiosk_ui *k);
	void (*draw)(struct kiosk_ui *k);
	const struct kiosk_key *keys;              /* ends with an entry whose fn is NULL */
	int (*other)(struct kiosk_ui *k, int ch);  /* keys not in the table (typing); or NULL */
	int (*answer)(struct kiosk_ui *k, int ch); /* the key after a Y/N question; or NULL */
};

struct door_ui;

struct kiosk_ui {
	struct app *app;
	struct ctx *ctx;
	const struct kiosk_view *view;
	/* what runs in this frame: the kiosk (welcome view), or the door (its
	 * scan view and state, tui/door.c) */
	const struct kiosk_view *home; /* where a reset, the idle wipe and Esc go */
	const char *title;             /* the title bar: "muster kiosk" */
	struct door_ui *door;          /* NULL in the kiosk */
	bool colour;
	bool quit;
	/* signing in */
	char code[KIOSK_CODE_MAX + 1];
	int code_len;
	char secret[KIOSK_INPUT_MAX + 1]; /* PIN or passphrase being typed: never drawn */
	int secret_len;
	struct kiosk_user user;
	/* the message line */
	enum kiosk_msg msg_kind;
	char msg[1024];
	/* a list of shifts (mine or open) */
	struct kiosk_shift *rows;
	int nrows, sel, top;
	struct kiosk_cursor cursor; /* open shifts: where loading goes on */
	int64_t data_version;
	/* a question waiting for Y */
	bool confirming;
	enum kiosk_action confirm_action;
};

extern const struct kiosk_view kiosk_welcome_view;
extern const struct kiosk_view kiosk_pin_view;
extern const struct kiosk_view kiosk_exit_view;
extern const struct kiosk_view kiosk_mine_view;
extern const struct kiosk_view kiosk_open_view;

/* Run the locked-down frame (raw mode, signals, the idle wipe, the exit
 * passphrase) with k's home view until it is left; k->app, k->home and
 * k->title are the caller's, the rest is set here. */
int kiosk_run(struct kiosk_ui *k, struct err *e);

/* Switch views (runs enter). */
void kiosk_go(struct kiosk_ui *k, const struct kiosk_view *v);
/* Forget everything typed and whoever is signed in; back to the home view. */
void kiosk_reset(struct kiosk_ui *k);
void kiosk_say(struct kiosk_ui *k, enum kiosk_msg kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Show "what" at once (before something slow). */
void kiosk_busy(struct kiosk_ui *k, const char *what);
/* The short pause after a failed PIN or passphrase; type-ahead is dropped. */
void kiosk_penalty(struct kiosk_ui *k);
/* Wipe a typed secret. */
void kiosk_secret_clear(struct kiosk_ui *k);

/* Run the table entry for ch; -1 when there is none. */
int kiosk_dispatch(struct kiosk_ui *k, const struct kiosk_key *table, int ch);
/* Key handlers several views share. */
int kiosk_key_reset(struct kiosk_ui *k, int ch);
/* F10: to the exit passphrase, when one is configured (kiosk_exit_possible). */
int kiosk_key_exit(struct kiosk_ui *k, int ch);
bool kiosk_exit_possible(const struct kiosk_ui *k);
int kiosk_key_secret_erase(struct kiosk_ui *k, int ch);

/* Drawing: sanitized text fitted into cols columns at (y, x). */
void kiosk_put(int y, int x, int cols, const char *raw);
/* Centered in the screen's width. */
void kiosk_center(int y, const char *raw, int attr);
/* The attribute of a message kind: bold, in its colour when there is colour. */
int kiosk_attr(const struct kiosk_ui *k, enum kiosk_msg kind);
/* Title bar, message lines and key bar common to every view. */
void kiosk_frame(struct kiosk_ui *k, const char *right);

#endif
