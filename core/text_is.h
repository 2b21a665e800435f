/* text_is.h - the null-safe comparisons of texts read from a record or a
 * row, where NULL is a field not set or a column that was NULL:
 * text_is(a, b), a is the word b (a status, a source); text_same(a, b),
 * two values are the same, NULL being the same as NULL only. A leaf header
 * (db/ may include it). */
#ifndef MUSTER_TEXT_IS_H
#define MUSTER_TEXT_IS_H

#include <stdbool.h>
#include <string.h>

static inline bool text_is(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static inline bool text_same(const char *a, const char *b)
{
	return (!a && !b) || text_is(a, b);
}

#endif
