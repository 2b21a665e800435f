/* text.c - neutralising and measuring UTF-8 text for the terminal. */
#define _GNU_SOURCE /* fopencookie */
#include "text.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../core/utf8.h"
#include "../core/xmalloc.h"

int text_char_safe(unsigned long cp)
{
	return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) && !utf8_is_unsafe((uint32_t)cp);
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
		size_t len = utf8_decode_str((const char *)s, &cp);
		if (len == 0) {
			at = put(dst, at, n, "\xef\xbf\xbd", 3); /* U+FFFD */
			s++;
			continue;
		}
		if (cp == '\t')
			at = put(dst, at, n, " ", 1);
		else if (cp == '\n')
			at = put(dst, at, n, "\xe2\x8f\x8e", 3); /* ⏎ */
		else if (utf8_is_unsafe(cp))
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
		size_t len = utf8_decode_str((const char *)p, &cp);
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
		size_t len = utf8_decode_str((const char *)p, &cp);
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

const char *text_skip(const char *s, int cols, int *pad)
{
	int w = 0;
	*pad = 0;
	while (*s && w < cols) {
		uint32_t cp;
		size_t len = utf8_decode_str(s, &cp);
		int cw = len ? cp_width(cp) : 1;
		s += len ? len : 1;
		w += cw;
	}
	for (uint32_t cp; *s && utf8_decode_str(s, &cp) && cp_width(cp) == 0;)
		s += utf8_decode_str(s, &cp); /* marks of the last character skipped */
	*pad = w > cols ? w - cols : 0;
	return s;
}

/* ---- a stream for the terminal ---------------------------------------- */

struct guard {
	FILE *tty;
	char carry[4]; /* the start of a sequence (or a CR) cut by the end of a write */
	size_t ncarry;
};

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

/* Could s[0..n) still become a whole sequence (or CR LF) with more bytes? */
static bool cut_short(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	if (c == '\r')
		return n == 1;
	size_t want = utf8_seq_len(c);
	if (want <= n)
		return false;
	for (size_t k = 1; k < n; k++)
		if (((unsigned char)s[k] & 0xc0) != 0x80)
			return false;
	return true;
}

/* Write s[0..n) to the terminal neutralised; returns the bytes used, which
 * is all of them when final, else all but a cut-short tail. */
static size_t guard_pass(struct guard *g, const char *s, size_t n, bool final)
{
	size_t i = 0;
	while (i < n) {
		if (!final && cut_short(s + i, n - i))
			return i;
		uint32_t cp;
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 1 && cp == '\r') {
			bool crlf = i + 1 < n && s[i + 1] == '\n';
			fputs(crlf ? "\r\n" : replacement, g->tty);
			i += crlf ? 2 : 1;
		} else if (len == 0 || (utf8_is_unsafe(cp) && cp != '\n' && cp != '\t')) {
			fputs(replacement, g->tty);
			i += len ? len : 1;
		} else {
			fwrite(s + i, 1, len, g->tty);
			i += len;
		}
	}
	return n;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t n)
{
	struct guard *g = cookie;
	size_t total = g->ncarry + n;
	char *all = xmalloc(total);
	memcpy(all, g->carry, g->ncarry);
	memcpy(all + g->ncarry, buf, n);
	size_t used = guard_pass(g, all, total, false);
	g->ncarry = total - used;
	memcpy(g->carry, all + used, g->ncarry);
	free(all);
	return ferror(g->tty) ? -1 : (ssize_t)n;
}

static int guard_close(void *cookie)
{
	struct guard *g = cookie;
	guard_pass(g, g->carry, g->ncarry, true);
	int ret = fflush(g->tty) == 0 && !ferror(g->tty) ? 0 : -1;
	free(g);
	return ret;
}

FILE *text_terminal_stream(FILE *tty)
{
	struct guard *g = xcalloc(1, sizeof *g);
	g->tty = tty;
	FILE *f = fopencookie(g, "w",
	                      (cookie_io_functions_t){.write = guard_write, .close = guard_close});
	if (!f)
		free(g);
	return f;
}
