/* suggest.c - edit distance and the closest-name lookup behind "did you mean". */
#include "suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Names longer than this are compared on their first SUGGEST_MAX bytes. */
#define SUGGEST_MAX 128

static int lower(char ch)
{
	return tolower((unsigned char)ch);
}

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

static size_t clamp_len(const char *s)
{
	size_t n = strlen(s);
	return n > SUGGEST_MAX ? SUGGEST_MAX : n;
}

/* One cell of the distance matrix d, (la + 1) x (lb + 1), rows for a. */
static size_t osa_cell(const size_t *d, size_t w, const char *a, const char *b, size_t i, size_t j)
{
	size_t cost = lower(a[i - 1]) != lower(b[j - 1]);
	size_t v =
	    min3(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost);
	if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
	    lower(a[i - 2]) == lower(b[j - 1]) && d[(i - 2) * w + j - 2] + 1 < v)
		v = d[(i - 2) * w + j - 2] + 1;
	return v;
}

size_t suggest_distance(const char *a, const char *b)
{
	size_t la = clamp_len(a), lb = clamp_len(b), w = lb + 1;
	size_t *d = xmalloc((la + 1) * w * sizeof *d);
	for (size_t i = 0; i <= la; i++)
		d[i * w] = i;
	for (size_t j = 0; j <= lb; j++)
		d[j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++)
			d[i * w + j] = osa_cell(d, w, a, b, i, j);
	size_t r = d[la * w + lb];
	free(d);
	return r;
}

static int has_prefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (lower(*s) != lower(*prefix))
			return 0;
	return 1;
}

/* How far cand is from word for ranking, or (size_t)-1 when not close; the
 * plain distance goes to *dist. A candidate starting with word (three letters
 * or more) counts as one typo. */
static size_t rank(const char *word, const char *cand, size_t *dist)
{
	size_t len = strlen(word), d = suggest_distance(word, cand);
	size_t limit = len / 3 > 2 ? len / 3 : 2;
	*dist = d;
	if (len >= 3 && has_prefix(cand, word))
		return d < 1 ? d : 1;
	if (d <= limit && d < len)
		return d;
	return (size_t)-1;
}

const char *suggest_closest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_rank = (size_t)-1, best_dist = (size_t)-1;
	if (!word || !*word)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (!candidates[i])
			continue;
		size_t d, r = rank(word, candidates[i], &d);
		if (r == (size_t)-1 || r > best_rank)
			continue;
		if (r < best_rank || d < best_dist) {
			best = candidates[i];
			best_rank = r;
			best_dist = d;
		}
	}
	return best;
}
