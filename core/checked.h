/* checked.h - arithmetic on numbers read from the database. muster itself
 * stores only what add/set allow (times in the years 1900-9999, counts of
 * thousands), but another program may have written anything into the file:
 * sums, spans and offsets of such values saturate at the ends of int64_t
 * instead of overflowing (undefined behaviour in C). */
#ifndef MUSTER_CHECKED_H
#define MUSTER_CHECKED_H

#include <stdint.h>

static inline int64_t ck_add(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_add_overflow(a, b, &r))
		return b > 0 ? INT64_MAX : INT64_MIN;
	return r;
}

static inline int64_t ck_sub(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_sub_overflow(a, b, &r))
		return b < 0 ? INT64_MAX : INT64_MIN;
	return r;
}

static inline int64_t ck_mul(int64_t a, int64_t b)
{
	int64_t r;
	if (__builtin_mul_overflow(a, b, &r))
		return (a < 0) != (b < 0) ? INT64_MIN : INT64_MAX;
	return r;
}

#endif
