/* strbuf.h - the one growable string: SQL built from parts, help text, a
 * logical iCalendar line, a list of skills. Always NUL-terminated once
 * anything is added; {0} is an empty buffer. A leaf module (db/ may use it):
 * allocation failure aborts through xmalloc. */
#ifndef MUSTER_STRBUF_H
#define MUSTER_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *s; /* NULL until something is added */
	size_t len, cap;
};

void strbuf_addn(struct strbuf *b, const char *text, size_t n);
void strbuf_add(struct strbuf *b, const char *text);
void strbuf_addc(struct strbuf *b, char c);
void strbuf_addf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empty it, keeping the memory. */
void strbuf_reset(struct strbuf *b);
/* The text ("" when nothing was added); valid until the next change. */
const char *strbuf_str(const struct strbuf *b);
/* The text as a new string the caller frees; b is left empty. */
char *strbuf_take(struct strbuf *b);
void strbuf_free(struct strbuf *b);

#endif
