/* utf8.c - decoding and classifying UTF-8 (see utf8.h). */
#define _POSIX_C_SOURCE 200809L /* strnlen */
#include "utf8.h"

#include <string.h>

size_t utf8_seq_len(unsigned char c)
{
	return c < 0x80                 ? 1
	       : c >= 0xc2 && c <= 0xdf ? 2
	       : c >= 0xe0 && c <= 0xef ? 3
	       : c >= 0xf0 && c <= 0xf4 ? 4
	                                : 0;
}

size_t utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = utf8_seq_len(p[0]);
	if (len == 0 || len > n)
		return 0;
	if (len == 1)
		return *cp = p[0], 1;
	uint32_t v = p[0] & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (p[i] & 0x3f);
	}
	static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
	if (v < least[len] || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

/* A byte that is a whole character, and no control: a space to '~'. */
static bool printable_ascii(char c)
{
	return (unsigned char)c >= 0x20 && (unsigned char)c < 0x7f;
}

bool utf8_valid(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		if (printable_ascii(s[i])) { /* most text: no decoding */
			i++;
			continue;
		}
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0 || cp == 0)
			return false;
		i += len;
	}
	return true;
}

bool utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

bool utf8_is_unsafe(uint32_t cp)
{
	return utf8_is_control(cp) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

int utf8_check_field(const char *field, const char *s, bool multiline, struct err *e)
{
	size_t n = strlen(s), chars = 0;
	for (size_t i = 0; i < n; chars++) {
		uint32_t cp;
		if (printable_ascii(s[i])) {
			i++;
			continue;
		}
		size_t len = utf8_decode(s + i, n - i, &cp);
		if (len == 0)
			return err_set(e, ERR_INPUT,
			               "%s: not valid UTF-8 text (byte 0x%02X at character %zu)",
			               field, (unsigned char)s[i], chars + 1);
		if (utf8_is_control(cp) && !(multiline && (cp == '\t' || cp == '\n'))) {
			if (cp == '\t' || cp == '\n')
				return err_set(e, ERR_INPUT,
				               "%s: holds a %s; only long text (notes, "
				               "descriptions) may",
				               field, cp == '\t' ? "tab" : "line break");
			return err_set(e, ERR_INPUT,
			               "%s: holds the control character U+%04X at character %zu",
			               field, (unsigned)cp, chars + 1);
		}
		i += len;
	}
	return 0;
}

size_t utf8_decode_str(const char *s, uint32_t *cp)
{
	return utf8_decode(s, strnlen(s, 4), cp);
}

size_t utf8_boundary(const char *s, size_t len)
{
	while (len > 0 && utf8_is_cont((unsigned char)s[len]))
		len--;
	return len;
}
