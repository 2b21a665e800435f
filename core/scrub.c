/* scrub.c - whole-word replacement of an erased person's values. A value
 * matches where it is not glued to a letter or digit on a side where it
 * begins or ends with one (bytes of multi-byte UTF-8 count as letters), so
 * "Ann" is replaced in "rm person 4 (Ann)" but not inside "Annex". */
#include "scrub.h"

#include <ctype.h>
#include <string.h>

#include "strbuf.h"

void scrub_add(struct scrub *s, const char *text, const char *with)
{
	if (!text || !text[0] || s->count == SCRUB_MAX)
		return;
	s->n[s->count].text = text;
	s->n[s->count].with = with;
	s->count++;
}

static bool wordy(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Is text[at, at + len) free of glue on both sides? */
static bool whole(const char *text, size_t at, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	if (wordy((unsigned char)needle[0]) && at > 0 && wordy((unsigned char)text[at - 1]))
		return false;
	if (wordy((unsigned char)needle[n - 1]) && wordy((unsigned char)text[at + len]))
		return false;
	return true;
}

/* The first whole-word match of any value at or after from: its place and
 * which value; false when none. */
static bool next_match(const struct scrub *s, const char *text, size_t from, size_t *at,
                       size_t *which)
{
	bool found = false;
	for (size_t k = 0; k < s->count; k++) {
		size_t len = strlen(s->n[k].text);
		for (const char *p = strstr(text + from, s->n[k].text); p;
		     p = strstr(p + 1, s->n[k].text)) {
			size_t pos = (size_t)(p - text);
			if (found && pos >= *at)
				break;
			if (whole(text, pos, len, s->n[k].text)) {
				*at = pos;
				*which = k;
				found = true;
				break;
			}
		}
	}
	return found;
}

char *scrub_text(const struct scrub *s, const char *text)
{
	if (!text)
		return NULL;
	size_t at = 0, which = 0, from = 0;
	struct strbuf out = {0};
	bool found = false;
	while (next_match(s, text, from, &at, &which)) {
		found = true;
		strbuf_addn(&out, text + from, at - from);
		strbuf_add(&out, s->n[which].with);
		from = at + strlen(s->n[which].text);
	}
	if (!found)
		return NULL;
	strbuf_add(&out, text + from);
	return strbuf_take(&out);
}
