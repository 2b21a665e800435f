/* text.c - neutralising and measuring UTF-8 text for the terminal. */
#define _XOPEN_SOURCE 700
#include "text.h"

#include "../core/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

static bool is_unsafe(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e ||
	       cp == 0x200f || cp == 0x061c || cp == 0xfeff;
}

int text_char_safe(unsigned long cp)
{
	return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && !is_unsafe((uint32_t)cp);
}

static size_t put(char *dst, size_t at, size_t n, const char *s, size_t len)
{
	if (at + len + 1 > n)
		return at;
	memcpy(dst + at, s, len);
	return at + len;
}

char *text_sanitize(const char *src, char *dst, size_t n)
{
	size_t at = 0;
	const unsigned char *s = (const unsigned char *)(src ? src : "");
	while (*s) {
		uint32_t cp;
		size_t len = utf8_decode((const char *)s, &cp);
		if (len == 0) {
			at = put(dst, at, n, "\xef\xbf\xbd", 3); /* U+FFFD */
			s++;
			continue;
		}
		if (cp == '\t')
			at = put(dst, at, n, " ", 1);
		else if (cp == '\n')
			at = put(dst, at, n, "\xe2\x8f\x8e", 3); /* ⏎ */
		else if (is_unsafe(cp))
			at = put(dst, at, n, "\xef\xbf\xbd", 3);
		else
			at = put(dst, at, n, (const char *)s, len);
		s += len;
	}
	if (n)
		dst[at] = '\0';
	return dst;
}

static int cp_width(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	int w = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		uint32_t cp;
		size_t len = utf8_decode((const char *)p, &cp);
		if (!len) {
			w++;
			p++;
			continue;
		}
		w += cp_width(cp);
		p += len;
	}
	return w;
}

int text_fit(const char *s, int cols, char *dst, size_t n)
{
	int total = text_width(s), w = 0;
	size_t at = 0;
	const unsigned char *p = (const unsigned char *)s;
	int room = total > cols ? cols - 1 : cols;
	while (*p) {
		uint32_t cp;
		size_t len = utf8_decode((const char *)p, &cp);
		if (!len)
			len = 1, cp = '?';
		int cw = cp_width(cp);
		if (w + cw > room || at + len + 4 > n)
			break;
		memcpy(dst + at, p, len);
		at += len;
		w += cw;
		p += len;
	}
	if (total > cols && cols > 0 && at + 4 <= n) {
		memcpy(dst + at, "\xe2\x80\xa6", 3); /* … */
		at += 3;
		w++;
	}
	if (n)
		dst[at] = '\0';
	return w;
}
