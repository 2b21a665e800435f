/* kiosk_shifts.c - the signed-in kiosk: the volunteer's own upcoming shifts
 * (check in, check out, drop) and the open shifts they may take (sign up).
 * Only the volunteer's own data and a lead's first name are ever drawn;
 * every action goes through core/kiosk.c, which says what happened or why not. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "kiosk.h"

#include "../core/array.h"

/* Open shifts loaded per step, and steps tried when none pass. */
#define OPEN_STEP  40
#define OPEN_TRIES 5

/* One column of a shift list. */
struct column {
	const char *title;
	int width;    /* fixed width, or 0: a share of what is left */
	int width12;  /* the fixed width with 12-hour times, when wider */
	int min_cols; /* shown only on screens at least this wide */
	void (*text)(const struct kiosk_ui *k, const struct kiosk_shift *s, char *buf, size_t n);
};

static void col_day(const struct kiosk_ui *k, const struct kiosk_shift *s, char *b, size_t n)
{
	snprintf(b, n, "%s", s->day);
}

static void col_time(const struct kiosk_ui *k, const struct kiosk_shift *s, char *b, size_t n)
{
	snprintf(b, n, "%s", s->time);
}

static void col_role(const struct kiosk_ui *k, const struct kiosk_shift *s, char *b, size_t n)
{
	snprintf(b, n, "%s", s->role);
}

static void col_place(const struct kiosk_ui *k, const struct kiosk_shift *s, char *b, size_t n)
{
	snprintf(b, n, "%s", s->place[0] ? s->place : "-");
}

static void col_event(const struct kiosk_ui *k, const struct kiosk_shift *s, char *b, size_t n)
{
	snprintf(b, n, "%s", s->event);
}

static void col_lead(const struct kiosk_ui *k, const struct kiosk_shift *s, char *b, size_t n)
{
	snprintf(b, n, "%s", s->lead[0] ? s->lead : "-");
}

static void col_status(const struct kiosk_ui *k, const struct kiosk_shift *s, char *b, size_t n)
{
	static const char *const names[] = {
	    [KS_SIGNED_UP] = "signed up", [KS_CHECKED_IN] = "CHECKED IN",
	    [KS_DONE] = "checked out",    [KS_CANCELLED] = "CANCELLED",
	    [KS_OPEN] = "open",
	};
	snprintf(b, n, "%s", names[s->state]);
}

static void col_places(const struct kiosk_ui *k, const struct kiosk_shift *s, char *b, size_t n)
{
	if (s->state == KS_SIGNED_UP)
		snprintf(b, n, "YOURS");
	else
		snprintf(b, n, "%d left", s->places_left);
}

static const struct column mine_columns[] = {
    {.title = "Day", .width = 10, .text = col_day},
    {.title = "Time", .width = 13, .width12 = 17, .text = col_time},
    {.title = "Role", .width = 0, .text = col_role},
    {.title = "Place", .width = 0, .text = col_place},
    {.title = "Event", .width = 0, .min_cols = 110, .text = col_event},
    {.title = "Lead", .width = 10, .text = col_lead},
    {.title = "Status", .width = 11, .text = col_status},
    {.title = NULL},
};

static const struct column open_columns[] = {
    {.title = "Day", .width = 10, .text = col_day},
    {.title = "Time", .width = 13, .width12 = 17, .text = col_time},
    {.title = "Role", .width = 0, .text = col_role},
    {.title = "Place", .width = 0, .text = col_place},
    {.title = "Event", .width = 0, .min_cols = 100, .text = col_event},
    {.title = "Places", .width = 7, .text = col_places},
    {.title = NULL},
};

#define LIST_TOP 4

/* Rows the list may use. */
static int list_height(void)
{
	int h = LINES - 11;
	return h < 1 ? 1 : h;
}

/* Column widths for this screen; 0 for a column left out. */
static void widths(const struct kiosk_ui *k, const struct column *cols, int *w)
{
	int fixed = 2, flex = 0;
	for (int i = 0; cols[i].title; i++) {
		int width =
		    k->app->cfg.time_12h && cols[i].width12 ? cols[i].width12 : cols[i].width;
		w[i] = COLS >= cols[i].min_cols ? width : -1;
		if (w[i] < 0)
			continue;
		fixed += w[i] + 1;
		flex += w[i] == 0;
	}
	int left = COLS - fixed, share = flex ? left / flex : 0;
	for (int i = 0; cols[i].title; i++) {
		if (w[i] == 0) {
			w[i] = share < 4 ? 4 : share;
			left -= share;
		}
		if (w[i] < 0)
			w[i] = 0;
	}
}

static void row_draw(const struct kiosk_ui *k, const struct column *cols, const int *w, int y,
                     const struct kiosk_shift *s, bool selected)
{
	int attr = selected ? A_REVERSE : s && s->state == KS_CHECKED_IN ? A_BOLD : 0;
	attron(attr);
	if (selected)
		mvhline(y, 0, ' ', COLS);
	kiosk_put(y, 0, 2, selected ? ">" : " ");
	for (int i = 0, x = 2; cols[i].title; i++) {
		if (!w[i])
			continue;
		char text[256];
		if (s)
			cols[i].text(k, s, text, sizeof text);
		else
			snprintf(text, sizeof text, "%s", cols[i].title);
		kiosk_put(y, x, w[i], text);
		x += w[i] + 1;
	}
	attroff(attr);
}

static void keep_visible(struct kiosk_ui *k)
{
	int h = list_height();
	if (k->sel >= k->nrows)
		k->sel = k->nrows - 1;
	if (k->sel < 0)
		k->sel = 0;
	if (k->sel < k->top)
		k->top = k->sel;
	if (k->sel >= k->top + h)
		k->top = k->sel - h + 1;
	if (k->top < 0)
		k->top = 0;
}

static void list_draw(struct kiosk_ui *k, const struct column *cols, const char *heading,
                      const char *empty)
{
	int w[16], h = list_height();
	widths(k, cols, w);
	attron(A_BOLD);
	kiosk_put(2, 1, COLS - 2, heading);
	attroff(A_BOLD);
	if (k->nrows == 0) {
		kiosk_put(LIST_TOP + 1, 2, COLS - 4, empty);
		return;
	}
	attron(A_UNDERLINE);
	row_draw(k, cols, w, LIST_TOP - 1, NULL, false);
	attroff(A_UNDERLINE);
	keep_visible(k);
	for (int i = 0; i < h && k->top + i < k->nrows; i++)
		row_draw(k, cols, w, LIST_TOP + i, &k->rows[k->top + i], k->top + i == k->sel);
	if (k->top + h < k->nrows || k->top > 0) {
		char more[64];
		snprintf(more, sizeof more, "%s%s  (%d of %d)", k->top > 0 ? "^ more above  " : "",
		         k->top + h < k->nrows ? "v more below" : "", k->sel + 1, k->nrows);
		kiosk_put(LIST_TOP + h, 2, COLS - 4, more);
	}
}

/* The selected shift in full, and what the volunteer can do with it now. */
static void detail_draw(struct kiosk_ui *k, bool mine)
{
	if (k->nrows == 0 || LINES < 12)
		return;
	const struct kiosk_shift *s = &k->rows[k->sel];
	char line[1024], why[512], lead[96] = "";
	if (mine && s->lead_confidential)
		snprintf(lead, sizeof lead, ", lead not named");
	else if (mine && s->lead[0])
		snprintf(lead, sizeof lead, ", lead %s", s->lead);
	snprintf(line, sizeof line, "%s: %s, %s %s, %s%s", s->event, s->role, s->day, s->time,
	         s->place[0] ? s->place : "place to be announced", lead);
	kiosk_put(LINES - 6, 2, COLS - 4, line);
	if (!mine) {
		if (kiosk_can(k->ctx, s, KA_SIGNUP, why, sizeof why))
			snprintf(why, sizeof why, "Press Enter to sign up.");
	} else if (kiosk_can(k->ctx, s, KA_CHECKIN, why, sizeof why))
		snprintf(why, sizeof why, "Press I to check in now.");
	else if (kiosk_can(k->ctx, s, KA_CHECKOUT, NULL, 0))
		snprintf(why, sizeof why, "Press O to check out when you leave.");
	kiosk_put(LINES - 5, 2, COLS - 4, why);
}

static void signed_in_frame(struct kiosk_ui *k)
{
	char who[200];
	if (k->user.name[0])
		snprintf(who, sizeof who, "Signed in: %s", k->user.name);
	else
		snprintf(who, sizeof who, "Signed in");
	kiosk_frame(k, who);
}

static int list_move(struct kiosk_ui *k, int ch)
{
	int h = list_height();
	static const struct {
		int key;
		int step; /* rows; 0 = page, 1000000 = end */
	} moves[] = {
	    {.key = KEY_UP, .step = -1},         {.key = 'k', .step = -1},
	    {.key = KEY_DOWN, .step = 1},        {.key = 'j', .step = 1},
	    {.key = KEY_PPAGE, .step = -100},    {.key = KEY_NPAGE, .step = 100},
	    {.key = KEY_HOME, .step = -1000000}, {.key = KEY_END, .step = 1000000},
	};
	for (size_t i = 0; i < ARRAY_LEN(moves); i++) {
		if (moves[i].key != ch)
			continue;
		int step = moves[i].step;
		if (step == 100 || step == -100)
			step = step > 0 ? h : -h;
		k->sel += step;
		keep_visible(k);
		return KR_REDRAW;
	}
	return KR_NONE;
}

/* Do an action on the selected shift; say what happened or why not. */
static bool act(struct kiosk_ui *k, enum kiosk_action a)
{
	char done[512];
	struct err e = {0};
	if (k->nrows == 0)
		return false;
	if (kiosk_act(k->ctx, &k->user, k->rows[k->sel].shift, a, done, sizeof done, &e) < 0) {
		kiosk_say(k, KM_ERR, "%s", e.msg);
		return false;
	}
	kiosk_say(k, KM_OK, "%s", done);
	return true;
}

/* Ask before a change that is hard to undo; the next key answers. */
static int ask(struct kiosk_ui *k, enum kiosk_action a, const char *question)
{
	char why[512];
	const struct kiosk_shift *s = &k->rows[k->sel];
	if (!kiosk_can(k->ctx, s, a, why, sizeof why)) {
		kiosk_say(k, KM_ERR, "%s", why);
		return KR_REDRAW;
	}
	k->confirming = true;
	k->confirm_action = a;
	kiosk_say(k, KM_INFO, "%s %s, %s %s? Press Y for yes, any other key for no.", question,
	          s->role, s->day, s->time);
	return KR_REDRAW;
}

static int sign_out(struct kiosk_ui *k, int ch)
{
	kiosk_reset(k);
	kiosk_say(k, KM_INFO, "You are signed out. Thank you!");
	return KR_WIPE;
}

/* --- my shifts --- */

static void mine_load(struct kiosk_ui *k)
{
	struct err e = {0};
	int64_t keep = k->nrows ? k->rows[k->sel].shift : 0;
	int n = 0;
	if (kiosk_mine(k->ctx, k->user.person, k->rows, KIOSK_ROWS_MAX, &n, &e) < 0)
		kiosk_say(k, KM_ERR, "%s", e.msg);
	k->nrows = n;
	for (int i = 0; keep && i < n; i++)
		if (k->rows[i].shift == keep)
			k->sel = i;
	keep_visible(k);
}

static void mine_enter(struct kiosk_ui *k)
{
	mine_load(k);
}

static void mine_draw(struct kiosk_ui *k)
{
	signed_in_frame(k);
	list_draw(k, mine_columns, "Your upcoming shifts",
	          k->app->cfg.kiosk_signup
	              ? "You have no upcoming shifts. Press S to see open shifts you can take."
	              : "You have no upcoming shifts.");
	detail_draw(k, true);
}

static int mine_answer(struct kiosk_ui *k, int ch)
{
	k->confirming = false;
	if (ch != 'y' && ch != 'Y') {
		kiosk_say(k, KM_INFO, "Nothing was changed.");
		return KR_REDRAW;
	}
	act(k, k->confirm_action);
	mine_load(k);
	return KR_REDRAW;
}

/* Enter: whatever the selected shift is ready for. */
static int mine_default(struct kiosk_ui *k, int ch)
{
	char why[512];
	if (k->nrows == 0)
		return KR_NONE;
	const struct kiosk_shift *s = &k->rows[k->sel];
	enum kiosk_action a = kiosk_can(k->ctx, s, KA_CHECKOUT, NULL, 0) ? KA_CHECKOUT : KA_CHECKIN;
	if (a == KA_CHECKIN && !kiosk_can(k->ctx, s, KA_CHECKIN, why, sizeof why)) {
		kiosk_say(k, KM_INFO, "%s", why);
		return KR_REDRAW;
	}
	act(k, a);
	mine_load(k);
	return KR_REDRAW;
}

static int mine_act(struct kiosk_ui *k, enum kiosk_action a)
{
	if (k->nrows) {
		act(k, a);
		mine_load(k);
	}
	return KR_REDRAW;
}

static int mine_checkin(struct kiosk_ui *k, int ch)
{
	return mine_act(k, KA_CHECKIN);
}

static int mine_checkout(struct kiosk_ui *k, int ch)
{
	return mine_act(k, KA_CHECKOUT);
}

static int mine_drop(struct kiosk_ui *k, int ch)
{
	return k->nrows ? ask(k, KA_DROP, "Drop") : KR_NONE;
}

static bool signup_on(const struct kiosk_ui *k)
{
	return k->app->cfg.kiosk_signup;
}

static int to_open(struct kiosk_ui *k, int ch)
{
	k->msg_kind = KM_NONE;
	kiosk_go(k, &kiosk_open_view);
	return KR_REDRAW;
}

static int mine_reload(struct kiosk_ui *k, int ch)
{
	k->msg_kind = KM_NONE;
	mine_load(k);
	return KR_REDRAW;
}

static const struct kiosk_key mine_keys[] = {
    {.keys = KIOSK_KEYS_MOVE, .fn = list_move, .hint = "Up/Down choose"},
    {.keys = {'i', 'I'}, .fn = mine_checkin, .hint = "I check in"},
    {.keys = {'o', 'O'}, .fn = mine_checkout, .hint = "O check out"},
    {.keys = {'d', 'D'}, .fn = mine_drop, .hint = "D drop"},
    {.keys = {'s', 'S'}, .fn = to_open, .hint = "S sign up", .shown = signup_on},
    {.keys = {'q', 'Q', 27}, .fn = sign_out, .hint = "Q sign out"},
    {.keys = KIOSK_KEYS_ENTER, .fn = mine_default},
    {.keys = {'r', 'R'}, .fn = mine_reload},
    {.fn = NULL},
};

const struct kiosk_view kiosk_mine_view = {
    .name = "mine",
    .enter = mine_enter,
    .draw = mine_draw,
    .keys = mine_keys,
    .answer = mine_answer,
};

/* --- open shifts --- */

static void open_more(struct kiosk_ui *k)
{
	struct err e = {0};
	for (int tries = 0; tries < OPEN_TRIES && !k->cursor.done && k->nrows < KIOSK_ROWS_MAX;
	     tries++) {
		int n = 0, room = KIOSK_ROWS_MAX - k->nrows;
		if (kiosk_open(k->ctx, k->user.person, &k->cursor, k->rows + k->nrows,
		               room < OPEN_STEP ? room : OPEN_STEP, &n, &e) < 0) {
			kiosk_say(k, KM_ERR, "%s", e.msg);
			return;
		}
		k->nrows += n;
		if (n > 0)
			return;
	}
}

static void open_enter(struct kiosk_ui *k)
{
	memset(&k->cursor, 0, sizeof k->cursor);
	k->nrows = k->sel = k->top = 0;
	open_more(k);
}

static void open_draw(struct kiosk_ui *k)
{
	signed_in_frame(k);
	list_draw(k, open_columns, "Open shifts you can sign up for",
	          "There are no open shifts you can sign up for right now.");
	detail_draw(k, false);
}

static int open_answer(struct kiosk_ui *k, int ch)
{
	k->confirming = false;
	if (ch != 'y' && ch != 'Y') {
		kiosk_say(k, KM_INFO, "Nothing was changed.");
		return KR_REDRAW;
	}
	if (act(k, KA_SIGNUP)) {
		struct kiosk_shift *s = &k->rows[k->sel];
		s->state = KS_SIGNED_UP;
		if (s->places_left > 0)
			s->places_left--;
	}
	return KR_REDRAW;
}

static void back_to_mine(struct kiosk_ui *k)
{
	k->nrows = k->sel = k->top = 0;
	kiosk_go(k, &kiosk_mine_view);
}

static int open_move(struct kiosk_ui *k, int ch)
{
	int r = list_move(k, ch);
	if (k->sel >= k->nrows - 1 && !k->cursor.done)
		open_more(k);
	return r;
}

static int open_signup(struct kiosk_ui *k, int ch)
{
	return k->nrows ? ask(k, KA_SIGNUP, "Sign up for") : KR_NONE;
}

static int open_back(struct kiosk_ui *k, int ch)
{
	k->msg_kind = KM_NONE;
	back_to_mine(k);
	return KR_REDRAW;
}

static const struct kiosk_key open_keys[] = {
    {.keys = KIOSK_KEYS_MOVE, .fn = open_move, .hint = "Up/Down choose"},
    {.keys = {'\n', '\r', KEY_ENTER, 's', 'S'}, .fn = open_signup, .hint = "Enter sign up"},
    {.keys = {'b', 'B', 27}, .fn = open_back, .hint = "B back to my shifts"},
    {.keys = {'q', 'Q'}, .fn = sign_out, .hint = "Q sign out"},
    {.fn = NULL},
};

const struct kiosk_view kiosk_open_view = {
    .name = "open",
    .enter = open_enter,
    .draw = open_draw,
    .keys = open_keys,
    .answer = open_answer,
};
