/* kiosk_welcome.c - the kiosk's way in and out: the welcome view where a
 * volunteer types or scans their code, the PIN view (the PIN is never
 * drawn), and the exit-passphrase view reached with F10 when a hash is
 * configured. A wrong PIN and an unknown code look the same. */
#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "kiosk.h"

/* Top of the centred block of a sign-in view. */
static int block_top(void)
{
	int y = LINES / 2 - 5;
	return y < 2 ? 2 : y;
}

/* "Label  [ content        ]" centred on row y, content underlined. */
static void field(int y, const char *label, const char *content, int width)
{
	char line[256];
	int total = (int)strlen(label) + 2 + width + 4;
	int x = total < COLS ? (COLS - total) / 2 : 0;
	snprintf(line, sizeof line, "%s  [ ", label);
	attron(A_BOLD);
	kiosk_put(y, x, COLS - x, line);
	attroff(A_BOLD);
	x += (int)strlen(line);
	attron(A_UNDERLINE);
	mvhline(y, x, ' ', width < COLS - x ? width : COLS - x);
	kiosk_put(y, x, width, content);
	attroff(A_UNDERLINE);
	kiosk_put(y, x + width, 2, " ]");
}

static void welcome_enter(struct kiosk_ui *k)
{
	kiosk_secret_clear(k);
}

static void welcome_draw(struct kiosk_ui *k)
{
	int y = block_top();
	kiosk_frame(k, NULL);
	kiosk_center(y, "Welcome, volunteer!", A_BOLD);
	kiosk_center(y + 2, "Type or scan your volunteer code, then press Enter.", 0);
	field(y + 4, "Code", k->code, KIOSK_CODE_MAX);
}

static int welcome_continue(struct kiosk_ui *k, int ch)
{
	if (k->code_len == 0)
		return KR_NONE;
	k->msg_kind = KM_NONE;
	kiosk_go(k, &kiosk_pin_view);
	return KR_REDRAW;
}

static int code_erase(struct kiosk_ui *k, int ch)
{
	if (k->code_len > 0)
		k->code[--k->code_len] = '\0';
	return KR_REDRAW;
}

bool kiosk_exit_possible(const struct kiosk_ui *k)
{
	return k->app->cfg.kiosk_exit_passphrase_hash[0] != '\0';
}

int kiosk_key_exit(struct kiosk_ui *k, int ch)
{
	kiosk_reset(k);
	kiosk_go(k, &kiosk_exit_view);
	return KR_REDRAW;
}

/* Letters and digits of a code, typed or scanned; nothing else. */
static int code_type(struct kiosk_ui *k, int ch)
{
	if (ch < 0 || ch >= 128 || !isalnum(ch) || k->code_len >= KIOSK_CODE_MAX)
		return KR_NONE;
	k->code[k->code_len++] = (char)toupper(ch);
	k->code[k->code_len] = '\0';
	k->msg_kind = KM_NONE;
	return KR_REDRAW;
}

static const struct kiosk_key welcome_keys[] = {
    {.keys = KIOSK_KEYS_ENTER, .fn = welcome_continue, .hint = "Enter continue"},
    {.keys = KIOSK_KEYS_ERASE, .fn = code_erase, .hint = "Backspace erase"},
    {.keys = {27}, .fn = kiosk_key_reset, .hint = "Esc clear"},
    /* no hint: the way out is for whoever set the passphrase */
    {.keys = {KEY_F(10)}, .fn = kiosk_key_exit, .shown = kiosk_exit_possible},
    {.fn = NULL},
};

const struct kiosk_view kiosk_welcome_view = {
    .name = "welcome",
    .enter = welcome_enter,
    .draw = welcome_draw,
    .keys = welcome_keys,
    .other = code_type,
};

static void pin_draw(struct kiosk_ui *k)
{
	char stars[KIOSK_PIN_MAX + 1];
	int y = block_top();
	memset(stars, '*', (size_t)k->secret_len);
	stars[k->secret_len] = '\0';
	kiosk_frame(k, NULL);
	field(y, "Code", k->code, KIOSK_CODE_MAX);
	kiosk_center(y + 2, "Now type your PIN, then press Enter.", A_BOLD);
	field(y + 4, "PIN ", stars, KIOSK_CODE_MAX);
}

static int pin_submit(struct kiosk_ui *k)
{
	struct err e = {0};
	kiosk_busy(k, "Checking...");
	int rc = kiosk_sign_in(k->ctx, k->code, k->secret, &k->user, &e);
	kiosk_secret_clear(k);
	memset(k->code, 0, sizeof k->code);
	k->code_len = 0;
	if (rc == 0) {
		k->msg_kind = KM_NONE;
		kiosk_go(k, &kiosk_mine_view);
		return KR_WIPE;
	}
	kiosk_penalty(k);
	kiosk_go(k, &kiosk_welcome_view);
	kiosk_say(k, KM_ERR, "%s", e.msg);
	return KR_WIPE;
}

static int pin_enter_key(struct kiosk_ui *k, int ch)
{
	return k->secret_len ? pin_submit(k) : KR_NONE;
}

/* Digits only; the PIN itself is never drawn. */
static int pin_type(struct kiosk_ui *k, int ch)
{
	if (ch < '0' || ch > '9' || k->secret_len >= KIOSK_PIN_MAX)
		return KR_NONE;
	k->secret[k->secret_len++] = (char)ch;
	k->secret[k->secret_len] = '\0';
	return KR_REDRAW;
}

static const struct kiosk_key pin_keys[] = {
    {.keys = KIOSK_KEYS_ENTER, .fn = pin_enter_key, .hint = "Enter sign in"},
    {.keys = KIOSK_KEYS_ERASE, .fn = kiosk_key_secret_erase, .hint = "Backspace erase"},
    {.keys = {27}, .fn = kiosk_key_reset, .hint = "Esc start again"},
    {.fn = NULL},
};

const struct kiosk_view kiosk_pin_view = {
    .name = "pin",
    .draw = pin_draw,
    .keys = pin_keys,
    .other = pin_type,
};

static void exit_draw(struct kiosk_ui *k)
{
	int y = block_top();
	kiosk_frame(k, NULL);
	kiosk_center(y, k->door ? "Close the door" : "Close the kiosk", A_BOLD);
	kiosk_center(y + 2, "Type the exit passphrase (it is not shown), then press Enter.", 0);
	field(y + 4, "Passphrase", "", 12);
}

static int exit_submit(struct kiosk_ui *k, int ch)
{
	if (!k->secret_len)
		return KR_NONE;
	kiosk_busy(k, "Checking...");
	bool ok = kiosk_passphrase_ok(&k->app->cfg, k->secret);
	kiosk_secret_clear(k);
	if (ok) {
		k->quit = true;
		return KR_NONE;
	}
	kiosk_penalty(k);
	kiosk_go(k, k->home);
	kiosk_say(k, KM_ERR, "That passphrase was not accepted.");
	return KR_WIPE;
}

/* Any printable byte (UTF-8 too); nothing of it is drawn. */
static int exit_type(struct kiosk_ui *k, int ch)
{
	if (ch >= ' ' && ch < 256 && ch != 127 && k->secret_len < KIOSK_INPUT_MAX) {
		k->secret[k->secret_len++] = (char)ch;
		k->secret[k->secret_len] = '\0';
	}
	return KR_NONE;
}

static const struct kiosk_key exit_keys[] = {
    {.keys = KIOSK_KEYS_ENTER, .fn = exit_submit, .hint = "Enter close the kiosk"},
    {.keys = KIOSK_KEYS_ERASE, .fn = kiosk_key_secret_erase},
    {.keys = {27}, .fn = kiosk_key_reset, .hint = "Esc back"},
    {.fn = NULL},
};

const struct kiosk_view kiosk_exit_view = {
    .name = "exit",
    .draw = exit_draw,
    .keys = exit_keys,
    .other = exit_type,
};
