/* textfield.c - the one-line text field widget over an ncurses FORM field,
 * shared by the entity forms and the one-line prompt: its editing keys and
 * its text. */
#define _XOPEN_SOURCE 700 /* form_driver_w */
#include "textfield.h"

#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "../core/array.h"
#include "text.h"

void textfield_text(FIELD *f, char *buf, size_t n)
{
	const char *b = field_buffer(f, 0);
	snprintf(buf, n, "%s", b ? b : "");
	size_t len = strlen(buf);
	while (len > 0 && buf[len - 1] == ' ')
		buf[--len] = '\0';
	char *p = buf;
	while (*p == ' ')
		p++;
	memmove(buf, p, strlen(p) + 1);
}

/* Characters that take columns (a wide one counts once, a combining mark
 * not at all): the steps REQ_NEXT_CHAR takes across the text. */
static int spacing_chars(const char *s)
{
	mbstate_t st = {0};
	int n = 0;
	for (size_t left = strlen(s); left > 0;) {
		wchar_t wc;
		size_t used = mbrtowc(&wc, s, left, &st);
		if (used == 0 || used == (size_t)-1 || used == (size_t)-2)
			return n + (int)left; /* not UTF-8: a byte a column */
		if (wcwidth(wc) != 0)
			n++;
		s += used;
		left -= used;
	}
	return n;
}

/* REQ_END_LINE counts columns where the form library counts characters,
 * so after wide ones it lands inside the text; step there instead. */
void textfield_end(FORM *f)
{
	char text[4096];
	FIELD *cur = current_field(f);
	form_driver_w(f, KEY_CODE_YES, REQ_VALIDATION);
	textfield_text(cur, text, sizeof text);
	form_driver_w(f, KEY_CODE_YES, REQ_BEG_LINE);
	for (int i = spacing_chars(text); i > 0; i--)
		form_driver_w(f, KEY_CODE_YES, REQ_NEXT_CHAR);
}

int textfield_key(FORM *f, const struct key *k)
{
	static const struct {
		wint_t ch;
		bool fn;
		int req;
	} map[] = {
	    {.ch = KEY_LEFT, .fn = true, .req = REQ_LEFT_CHAR},
	    {.ch = KEY_RIGHT, .fn = true, .req = REQ_RIGHT_CHAR},
	    {.ch = KEY_HOME, .fn = true, .req = REQ_BEG_LINE},
	    {.ch = KEY_END, .fn = true, .req = REQ_END_LINE},
	    {.ch = KEY_BACKSPACE, .fn = true, .req = REQ_DEL_PREV},
	    {.ch = KEY_DC, .fn = true, .req = REQ_DEL_CHAR},
	    {.ch = 127, .fn = false, .req = REQ_DEL_PREV},
	    {.ch = 8, .fn = false, .req = REQ_DEL_PREV},
	    {.ch = 21, .fn = false, .req = REQ_CLR_FIELD}, /* ^U */
	    {.ch = 11, .fn = false, .req = REQ_CLR_EOL},   /* ^K */
	    {.ch = 1, .fn = false, .req = REQ_BEG_LINE},   /* ^A */
	    {.ch = 5, .fn = false, .req = REQ_END_LINE},   /* ^E */
	};
	if (!k->fn && k->ch >= 32 && k->ch != 127) {
		if (text_char_safe((unsigned long)k->ch)) /* no pasted escapes or overrides */
			form_driver_w(f, OK, (wchar_t)k->ch);
		return 1;
	}
	for (size_t i = 0; i < ARRAY_LEN(map); i++) {
		if (map[i].ch == k->ch && map[i].fn == k->fn) {
			form_driver_w(f, KEY_CODE_YES, (wchar_t)map[i].req);
			return 1;
		}
	}
	return 0;
}
