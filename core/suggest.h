/* suggest.h - "did you mean" for a mistyped name among known names. */
#ifndef MUSTER_SUGGEST_H
#define MUSTER_SUGGEST_H

#include <stddef.h>

/* The candidate closest to word (case-insensitive; an exact match, a candidate
 * that starts with word, or a few typos away by Damerau-Levenshtein distance),
 * or NULL when none is reasonably close. NULL entries in candidates are
 * skipped. */
const char *suggest_closest(const char *word, const char *const *candidates, size_t n);
/* Case-insensitive optimal string alignment distance (edits and adjacent
 * swaps) between a and b. */
size_t suggest_distance(const char *a, const char *b);

#endif
