/* scrub.h - replacing an erased person's values (name, code, email, phone)
 * wherever they stand as whole words in a text: the audit log's summaries
 * and actors, and the reason typed for an erasure. */
#ifndef MUSTER_SCRUB_H
#define MUSTER_SCRUB_H

#include <stdbool.h>
#include <stddef.h>

#define SCRUB_MAX 8

struct scrub {
	struct {
		const char *text; /* borrowed */
		const char *with; /* borrowed */
	} n[SCRUB_MAX];
	size_t count;
};

/* Add a value to replace (ignored when empty, or when the table is full). */
void scrub_add(struct scrub *s, const char *text, const char *with);
/* text with every whole-word occurrence of the values replaced, malloc'd;
 * NULL when nothing was found (text stays as it is). */
char *scrub_text(const struct scrub *s, const char *text);

#endif
