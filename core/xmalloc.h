/* xmalloc.h - allocation that aborts on failure, the one place OOM is fatal. */
#ifndef MUSTER_XMALLOC_H
#define MUSTER_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Room for one more element at v[n] of a growable array of cap elements
 * (n and cap of any integer type): when full, cap doubles, starting at
 * first, and v is reallocated. */
#define XGROW(v, n, cap, first)                                                                    \
	do {                                                                                       \
		if ((n) >= (cap)) {                                                                \
			(cap) = (cap) ? (cap)*2 : (first);                                         \
			(v) = xrealloc((v), (size_t)(cap) * sizeof *(v));                          \
		}                                                                                  \
	} while (0)
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
