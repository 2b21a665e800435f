/* utf8.h - the one UTF-8 decoder and its helpers, for every module that
 * reads or cuts text: CSV and iCalendar input, iCalendar output, the kiosk's
 * names and the terminal. Valid means RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF. A leaf module (db/ may use it). */
#ifndef MUSTER_UTF8_H
#define MUSTER_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The length (1-4) of the valid sequence starting NUL-terminated text s, its
 * code point in *cp (cp may be NULL); 0 when s does not start one. */
size_t utf8_decode(const char *s, uint32_t *cp);
/* Are the n bytes at s valid UTF-8, with no NUL among them? */
bool utf8_valid(const char *s, size_t n);
/* Is c a continuation byte (10xxxxxx), never the start of a character? */
static inline bool utf8_is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}
/* The largest length up to len that does not cut a character of s in two. */
size_t utf8_boundary(const char *s, size_t len);

#endif
