/* clock.c - the injectable clock: time(NULL), or an instant pinned by --now / MUSTER_NOW. */
#include "clock.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "tz.h"

#define FORMS                                                                                      \
	"expected ISO 8601 with Z or an offset (2026-12-05T09:30:00Z, "                            \
	"2026-12-05T09:30-05:00), YYYY-MM-DD HH:MM[:SS] in UTC, or @SECONDS"

/* "@SECONDS": an optional minus sign and 1-18 digits, nothing else. */
static int read_seconds(const char *s, int64_t *out)
{
	bool neg = *s == '-';
	int64_t v = 0;
	size_t n = 0;
	s += neg;
	for (; s[n] >= '0' && s[n] <= '9'; n++) {
		if (n == 18)
			return -1;
		v = v * 10 + (s[n] - '0');
	}
	if (n == 0 || s[n] != '\0')
		return -1;
	*out = neg ? -v : v;
	return 0;
}

/* An ISO 8601 time with a T must say its offset: local time means nothing to the clock. */
static bool t_without_zone(const char *text)
{
	size_t len = strlen(text);
	if (len <= 10 || text[10] != 'T')
		return false;
	return text[len - 1] != 'Z' && !strpbrk(text + 10, "+-");
}

/* Read text into *at; on failure *why says why (it may point into sub). */
static int read_now(const char *text, int64_t *at, struct err *sub, const char **why)
{
	*why = FORMS;
	if (text[0] == '@')
		return read_seconds(text + 1, at);
	if (t_without_zone(text))
		return -1;
	if (tz_parse("UTC", text, at, sub) == 0)
		return 0;
	/* tz_parse says `bad time "TEXT": WHY`, with no bare quote inside TEXT; keep a WHY
	 * about a range, and our own list of forms for a wrong shape. */
	const char *p = strstr(sub->msg, "\": ");
	if (p && strncmp(p + 3, "expected", 8) != 0)
		*why = p + 3;
	return -1;
}

int clock_pin(struct clock *c, const char *text, struct err *e)
{
	char q[256];
	int64_t at;
	struct err sub = {ERR_NONE, ""};
	const char *why = FORMS;
	if (text && read_now(text, &at, &sub, &why) == 0) {
		c->pinned = true;
		c->at = at;
		return 0;
	}
	tz_quote(text ? text : "", q, sizeof q);
	return err_set(e, ERR_INPUT, "bad --now %s: %s", q, why);
}

int64_t clock_now(const struct clock *c)
{
	if (c && c->pinned)
		return c->at;
	return (int64_t)time(NULL);
}
