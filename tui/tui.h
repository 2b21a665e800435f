/* tui.h - what the coordinator's screens share: screens as const structs of
 * callbacks, the stack of views (dialogs on top), the reaction flags key
 * handlers return, and the struct tui the main loop owns. Handlers change
 * state only; the loop in coordinator.c is the one place that paints. */
#ifndef MUSTER_TUI_H
#define MUSTER_TUI_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "keymap.h"
#include "theme.h"

/* What a key handler asks of the loop (or-ed). */
enum reaction {
	R_NONE = 0,
	R_REDRAW = 1, /* paint again */
	R_POP = 2,    /* close the view that handled the key */
	R_QUIT = 4,   /* leave muster */
	R_RELOAD = 8, /* this process wrote: every view refetches what it shows */
};

struct tui;
struct view;

struct screen {
	const char *name;
	/* Actions this screen takes, ACT_NONE-terminated; those before
	 * ACT_HINTS_END are shown at the bottom, all of them in ? help. */
	const enum action *actions;
	bool overlay; /* a dialog drawn over the view below it */
	bool typing;  /* printable keys are text, not actions; no global keys */
	void (*draw)(struct view *v, struct tui *t);
	int (*key)(struct view *v, struct tui *t, enum action a, const struct key *k);
	void (*reload)(struct view *v, struct tui *t); /* data changed: refetch */
	void (*layout)(struct view *v, struct tui *t); /* terminal size changed */
	void (*leave)(struct view *v, struct tui *t);  /* free the state */
	/* the keys rest: slow work (counting rows); true when it changed
	 * what the view shows (NULL: nothing to do) */
	bool (*idle)(struct view *v, struct tui *t);
	/* Between keys, one small step of work done ahead (a check of the
	 * event before its Conflicts tab shows): TUI_WORK_* flags (NULL:
	 * nothing to do). Called again at once while it answers TUI_WORK_MORE,
	 * and after every key and every change of the data. */
	int (*work)(struct view *v, struct tui *t);
};

/* screen.work: the view must be painted again; call again soon. */
enum { TUI_WORK_CHANGED = 1, TUI_WORK_MORE = 2 };

struct view {
	const struct screen *s;
	void *st;
	char title[160];
	WINDOW *win;        /* overlays draw here; full screens draw on stdscr */
	WINDOW *cursor_win; /* refreshed last so the cursor shows there; NULL hides it */
	/* actions of this view when they differ from its screen's (the event
	 * screen's change with its tab) */
	const enum action *actions;
	bool stale;    /* data changed while it was hidden: reload when shown */
	int64_t event; /* the event the view is about (0: none), for the : prompt */
};

/* The actions a view takes (keymap_hinted: how many the hint bar shows). */
const enum action *view_actions(const struct view *v);

#define TUI_STACK_MAX 32

struct tui {
	struct app *app;
	struct ctx *ctx;
	struct keymap keys;
	struct ui_theme theme;
	struct view *stack[TUI_STACK_MAX];
	int depth;
	char status[1024];
	bool status_error;
	int64_t data_version;
	int body_y, body_h; /* the rows between the title bar and the status lines */
	bool clear_next;    /* clear the terminal on the next paint (resize, ^L) */
	bool show_ids;      /* # : lists show each row's id in a first column */
};

/* Put a new view on top (state st is owned by the view from now on). */
struct view *tui_push(struct tui *t, const struct screen *s, void *st, const char *title);
/* The event of the topmost view about one, 0 when none is open. */
int64_t tui_event_in_view(const struct tui *t);
/* Close one view (calling leave); safe from inside its own key handler if
 * the handler does not touch the view afterwards. */
void tui_close(struct tui *t, struct view *v);
/* Close every view above the bottom one. */
void tui_home(struct tui *t);
void tui_info(struct tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tui_error(struct tui *t, const struct err *e);
void tui_reload_all(struct tui *t);

/* Screens and dialogs push with these. */
void screen_events_open(struct tui *t);
void screen_orgs_open(struct tui *t);
void screen_people_open(struct tui *t);
void screen_skills_open(struct tui *t);
void screen_person_open(struct tui *t, int64_t person);
void screen_session_open(struct tui *t, int64_t session);
void screen_event_open(struct tui *t, int64_t event);
void screen_shift_open(struct tui *t, int64_t shift);
void screen_assign_open(struct tui *t, int64_t shift);
/* Auto-fill's proposal for the local day (in tz) holding the instant day. */
void screen_autofill_open(struct tui *t, int64_t event, const char *tz, int64_t day);
/* Ask the question, then take person off shift (kept as dropped). */
void screen_assign_take_off(struct tui *t, int64_t shift, int64_t person, const char *question);
void screen_help_open(struct tui *t);
/* The mail outbox: of event, or every message when event is 0. */
void screen_outbox_open(struct tui *t, int64_t event);
/* Ask, then queue mail updates for event (named name). */
void screen_outbox_updates(struct tui *t, int64_t event, const char *name);
/* The ':' prompt. */
void screen_command_open(struct tui *t);

#endif
