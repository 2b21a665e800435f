/* utf8.h - the one home of muster's rules for text bytes: decoding UTF-8,
 * validity, which code points must never reach a terminal raw (controls,
 * escape sequences, bidi overrides), and which text a person may store
 * (valid UTF-8 without control characters; tab and newline only in long
 * free text). tui/text.c neutralises with these rules, core checks input
 * with them, and the JSON writer escapes by them; CSV and iCalendar input,
 * iCalendar output and the kiosk's names decode and cut text with it. A
 * leaf module (db/ may use it). */
#ifndef MUSTER_UTF8_H
#define MUSTER_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

/* Decode the sequence at s (n bytes available, n >= 1): its length (1-4)
 * with *cp set, or 0 when it is not valid UTF-8 (overlong, surrogate, past
 * U+10FFFF, a stray or missing continuation byte, cut short by n). */
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Bytes a sequence starting with lead byte c takes (1-4), 0 when c cannot
 * start one; for telling a sequence cut short from a broken one. */
size_t utf8_seq_len(unsigned char c);
/* Is s (n bytes) valid UTF-8 without NUL bytes? */
bool utf8_valid(const char *s, size_t n);
/* A control character (Unicode Cc): C0, DEL and C1 (U+0080-U+009F). */
bool utf8_is_control(uint32_t cp);
/* Must cp never reach a terminal as it is? Controls (ESC starts escape
 * sequences, C1 CSI and OSC do too), bidi embeddings, overrides, isolates
 * and marks (U+061C, U+200E-F, U+202A-E, U+2066-9), and U+FEFF. */
bool utf8_is_unsafe(uint32_t cp);
/* May s be stored in a text field? Valid UTF-8 and no control character;
 * tab and newline only when multiline (long free text). On refusal, e is
 * ERR_INPUT "FIELD: why" naming the field and where. */
int utf8_check_field(const char *field, const char *s, bool multiline, struct err *e);
/* utf8_decode over NUL-terminated text (the NUL ends a sequence cut short). */
size_t utf8_decode_str(const char *s, uint32_t *cp);
/* Is c a continuation byte (10xxxxxx), never the start of a character? */
static inline bool utf8_is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}
/* The largest length up to len that does not cut a character of s in two. */
size_t utf8_boundary(const char *s, size_t len);

#endif
