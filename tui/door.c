/* door.c - `muster door --event ID [--session ID]` (SPEC section 11): a
 * locked-down scan-to-check-in screen for staff with a barcode scanner. It
 * runs in the kiosk's frame (tui/kiosk.c: raw mode, signals, the idle wipe,
 * F10 and the exit passphrase) with one view of its own: each code or
 * person id typed or scanned and ended by Enter checks that person in at
 * once (core/door.c) and shows a large OK or NO with the name and why, never
 * contact details. Keys are read as they come and never flushed, so a fast
 * scanner loses none. */
#include <ctype.h>
#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/array.h"
#include "../core/door.h"
#include "kiosk.h"
#include "screen.h"

/* Scans between two counts of who is in (other doors check people in too). */
#define COUNT_EVERY 25

struct door_ui {
	struct door d;
	struct door_result last;
	bool shown; /* a verdict is on the screen */
	int64_t scans;
	int64_t in, expected, capacity;
};

/* Block letters for the verdict: five rows, '#' drawn as two full blocks
 * (U+2588), which read without colour too. */
static const struct glyph {
	char c;
	const char *rows[5];
} glyphs[] = {
    {.c = 'O', .rows = {" ### ", "#   #", "#   #", "#   #", " ### "}},
    {.c = 'K', .rows = {"#   #", "#  # ", "###  ", "#  # ", "#   #"}},
    {.c = 'N', .rows = {"#   #", "##  #", "# # #", "#  ##", "#   #"}},
};

static const struct glyph *glyph_of(char c)
{
	for (size_t i = 0; i < ARRAY_LEN(glyphs); i++)
		if (glyphs[i].c == c)
			return &glyphs[i];
	return NULL;
}

/* word ("OK" or "NO") in block letters from row y, centred. */
static void banner(int y, const char *word, int attr)
{
	int n = (int)strlen(word), w = n * 12 - 2;
	int x0 = w < COLS ? (COLS - w) / 2 : 0;
	for (int r = 0; r < 5 && y + r < LINES; r++) {
		for (int i = 0; i < n; i++) {
			const struct glyph *g = glyph_of(word[i]);
			for (int c = 0; g && c < 5; c++) {
				int x = x0 + i * 12 + c * 2;
				if (g->rows[r][c] != '#' || x + 1 >= COLS)
					continue;
				attron(attr);
				mvaddstr(y + r, x, "\xe2\x96\x88\xe2\x96\x88");
				attroff(attr);
			}
		}
	}
}

static void counts_load(struct kiosk_ui *k)
{
	struct door_ui *u = k->door;
	struct err e = {0};
	if (door_counts(k->ctx, &u->d, &u->in, &u->expected, &u->capacity, &e) < 0)
		kiosk_say(k, KM_ERR, "%s", e.msg);
}

static void door_enter(struct kiosk_ui *k)
{
	k->door->shown = false;
	memset(&k->door->last, 0, sizeof k->door->last);
	counts_load(k);
}

static void door_draw(struct kiosk_ui *k)
{
	struct door_ui *u = k->door;
	char line[512], right[64];
	snprintf(right, sizeof right, "%" PRId64 " scanned", u->scans);
	kiosk_frame(k, right);
	kiosk_center(2, u->d.title, A_BOLD);
	if (u->d.session && u->capacity)
		snprintf(line, sizeof line,
		         "%" PRId64 " checked in of %" PRId64 " signed up (%" PRId64 " seats)",
		         u->in, u->expected, u->capacity);
	else
		snprintf(line, sizeof line, "%" PRId64 " checked in of %" PRId64 " %s", u->in,
		         u->expected, u->d.session ? "signed up" : "registered");
	kiosk_center(3, line, 0);
	if (u->shown) {
		bool ok = u->last.verdict == DOOR_OK;
		int attr = kiosk_attr(k, ok ? KM_OK : KM_ERR);
		banner(5, ok ? "OK" : "NO", attr);
		if (!ok)
			kiosk_center(11, door_verdict_word(u->last.verdict), attr);
		kiosk_center(12, u->last.name, A_BOLD);
		kiosk_center(13, u->last.detail, 0);
	}
	int y = LINES - 6 > 15 ? LINES - 6 : 15;
	kiosk_center(y, "Scan a badge, or type a code or person number, then Enter.", 0);
	snprintf(line, sizeof line, "[ %-16s ]", k->code);
	kiosk_center(y + 1, line, A_BOLD);
}

static int door_scan_key(struct kiosk_ui *k, int ch)
{
	struct door_ui *u = k->door;
	struct err e = {0};
	if (k->code_len == 0)
		return KR_NONE;
	if (door_scan(k->ctx, &u->d, k->code, &u->last, &e) < 0) {
		kiosk_say(k, KM_ERR, "%s", e.msg);
		u->shown = false;
	} else {
		u->shown = true;
		u->scans++;
		/* not idle while a verdict shows: the idle wipe clears it */
		kiosk_say(k, KM_INFO, "%s", "");
	}
	memset(k->code, 0, sizeof k->code);
	k->code_len = 0;
	/* counting a large event's registrations costs more than a scan: at the
	 * event's door count this door's own check-ins, and everyone's every so
	 * often; a session's few sign-ups are counted each time */
	if (u->d.session || u->scans % COUNT_EVERY == 0)
		counts_load(k);
	else if (u->shown && u->last.verdict == DOOR_OK)
		u->in++;
	return KR_REDRAW;
}

static int door_erase(struct kiosk_ui *k, int ch)
{
	if (k->code_len > 0)
		k->code[--k->code_len] = '\0';
	return KR_REDRAW;
}

/* Letters and digits, as a scanner types them; nothing else. */
static int door_type(struct kiosk_ui *k, int ch)
{
	if (ch < 0 || ch >= 128 || !isalnum(ch) || k->code_len >= KIOSK_CODE_MAX)
		return KR_NONE;
	k->code[k->code_len++] = (char)toupper(ch);
	k->code[k->code_len] = '\0';
	return KR_REDRAW;
}

static const struct kiosk_key door_keys[] = {
    {.keys = KIOSK_KEYS_ENTER, .fn = door_scan_key, .hint = "Enter check in"},
    {.keys = KIOSK_KEYS_ERASE, .fn = door_erase, .hint = "Backspace erase"},
    {.keys = {27}, .fn = kiosk_key_reset, .hint = "Esc clear"},
    {.keys = {KEY_F(10)}, .fn = kiosk_key_exit, .shown = kiosk_exit_possible},
    {.fn = NULL},
};

static const struct kiosk_view door_view = {
    .name = "door",
    .enter = door_enter,
    .draw = door_draw,
    .keys = door_keys,
    .other = door_type,
};

int screen_run_door(struct app *a, int64_t event, int64_t session, struct err *e)
{
	struct door_ui u = {0};
	if (door_open(&a->ctx, event, session, &u.d, e) < 0)
		return -1;
	struct kiosk_ui k = {.app = a, .home = &door_view, .title = "muster door", .door = &u};
	return kiosk_run(&k, e);
}
