/* xmalloc.c - allocation that aborts on failure. */
#define _GNU_SOURCE
#include "xmalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *checked(void *p)
{
	if (!p) {
		fputs("muster: out of memory\n", stderr);
		abort();
	}
	return p;
}

void *xmalloc(size_t n)
{
	return checked(malloc(n ? n : 1));
}
void *xcalloc(size_t count, size_t n)
{
	return checked(calloc(count ? count : 1, n ? n : 1));
}
void *xrealloc(void *p, size_t n)
{
	return checked(realloc(p, n ? n : 1));
}
char *xstrdup(const char *s)
{
	return checked(strdup(s ? s : ""));
}
char *xstrndup(const char *s, size_t n)
{
	return checked(strndup(s ? s : "", n));
}

char *xasprintf(const char *fmt, ...)
{
	char *out = NULL;
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(&out, fmt, ap);
	va_end(ap);
	if (n < 0)
		checked(NULL);
	return out;
}
