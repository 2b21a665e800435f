/* utf8.c - the one UTF-8 decoder (see utf8.h). */
#include "utf8.h"

/* The sequence at s, reading at most avail bytes: its length, or 0. */
static size_t decode(const unsigned char *s, size_t avail, uint32_t *cp)
{
	static const uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
	if (avail == 0)
		return 0;
	if (s[0] < 0x80) {
		if (cp)
			*cp = s[0];
		return 1;
	}
	size_t len = (s[0] & 0xE0) == 0xC0   ? 2
	             : (s[0] & 0xF0) == 0xE0 ? 3
	             : (s[0] & 0xF8) == 0xF0 ? 4
	                                     : 0;
	if (len == 0 || len > avail)
		return 0;
	uint32_t v = s[0] & (0x7F >> len);
	for (size_t i = 1; i < len; i++) {
		if (!utf8_is_cont(s[i]))
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < least[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	if (cp)
		*cp = v;
	return len;
}

size_t utf8_decode(const char *s, uint32_t *cp)
{
	/* a NUL is not a continuation byte, so no read passes the end */
	return decode((const unsigned char *)s, 4, cp);
}

bool utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t len = p[i] ? decode(p + i, n - i, NULL) : 0;
		if (len == 0)
			return false;
		i += len;
	}
	return true;
}

size_t utf8_boundary(const char *s, size_t len)
{
	while (len > 0 && utf8_is_cont((unsigned char)s[len]))
		len--;
	return len;
}
