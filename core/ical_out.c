/* ical_out.c - folding, line ends and clean text for iCalendar output.
 * libical 3.0.16 folds at 75 octets on UTF-8 boundaries in our tests, but
 * where it breaks a line depends on the version (older ones could split a
 * character), so every line is folded here instead: the bytes on the wire do
 * not depend on the libical underneath. */
#include "ical_out.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

void ical_out_init(struct ical_out *o, FILE *f)
{
	memset(o, 0, sizeof *o);
	o->f = f;
}

void ical_out_free(struct ical_out *o)
{
	strbuf_free(&o->line);
}

static void put(struct ical_out *o, const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, o->f) != n)
		o->failed = true;
}

/* Fold: the first line holds up to 75 octets, each continuation a space and
 * up to 74 more; a cut never falls inside a UTF-8 sequence. */
void ical_out_line(struct ical_out *o, const char *line, size_t len)
{
	size_t pos = 0;
	bool first = true;
	do {
		size_t room = first ? ICAL_OUT_LINE_OCTETS : ICAL_OUT_LINE_OCTETS - 1;
		size_t cut = len;
		if (len - pos > room) {
			cut = pos + utf8_boundary(line + pos, room);
			if (cut == pos) /* not UTF-8 after all: cut anywhere */
				cut = pos + room;
		}
		if (!first)
			put(o, " ", 1);
		put(o, line + pos, cut - pos);
		put(o, "\r\n", 2);
		pos = cut;
		first = false;
	} while (pos < len);
}

static void flush_line(struct ical_out *o)
{
	if (o->line.len)
		ical_out_line(o, o->line.s, o->line.len);
	strbuf_reset(&o->line);
}

void ical_out_text(struct ical_out *o, const char *text)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		size_t body = n && p[n - 1] == '\r' ? n - 1 : n;
		if (*p == ' ' || *p == '\t')
			strbuf_addn(&o->line, p + 1,
			            body - 1); /* a continuation of the line before */
		else {
			flush_line(o);
			strbuf_addn(&o->line, p, body);
		}
		p += nl ? n + 1 : n;
	}
	flush_line(o);
}

void ical_out_property(struct ical_out *o, icalproperty *p)
{
	char *s = icalproperty_as_ical_string_r(p);
	ical_out_text(o, s);
	free(s);
}

void ical_out_component(struct ical_out *o, icalcomponent *c)
{
	char *s = icalcomponent_as_ical_string_r(c);
	ical_out_text(o, s);
	free(s);
}

char *ical_out_clean(const char *s, bool one_line)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p);
	char *out = xmalloc(len * 3 + 1), *q = out;
	while (*p) {
		uint32_t cp;
		size_t n = utf8_decode_str((const char *)p, &cp);
		if (n == 0) {
			memcpy(q, "\xEF\xBF\xBD", 3); /* U+FFFD */
			q += 3;
			p++;
			continue;
		}
		if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0) { /* C1 controls */
			*q++ = ' ';
			p += 2;
			continue;
		}
		if (n > 1) {
			memcpy(q, p, n);
			q += n;
			p += n;
			continue;
		}
		unsigned char c = *p++;
		if (c == '\r') {
			if (*p == '\n')
				continue;
			c = '\n';
		}
		if (c == '\n' || c == '\t')
			*q++ = one_line ? ' ' : (char)c;
		else if (c < 0x20 || c == 0x7F)
			*q++ = ' ';
		else
			*q++ = (char)c;
	}
	*q = '\0';
	return out;
}

char *ical_out_category(const char *s)
{
	char *clean = ical_out_clean(s, true);
	size_t n = 0;
	for (const char *p = clean; *p; p++)
		n += *p == ',' || *p == ';' ? 3 : 1;
	char *out = xmalloc(n + 1), *q = out;
	for (const char *p = clean; *p; p++) {
		if (*p != ',' && *p != ';') {
			*q++ = *p;
			continue;
		}
		if (q > out && q[-1] != ' ')
			*q++ = ' ';
		*q++ = '/';
		if (p[1] != ' ')
			*q++ = ' ';
	}
	*q = '\0';
	free(clean);
	return out;
}

char *ical_out_param(const char *s)
{
	char *clean = ical_out_clean(s, true);
	size_t n = 0;
	for (const char *p = clean; *p; p++)
		n += *p == '^' ? 2 : 1;
	char *out = xmalloc(n + 1), *q = out;
	for (const char *p = clean; *p; p++) {
		*q++ = *p;
		if (*p == '^')
			*q++ = '^';
	}
	*q = '\0';
	free(clean);
	return out;
}

/* RFC 6068 section 2: what may stand unencoded in an addr-spec of a mailto
 * URI (unreserved characters and the sub-delimiters it allows); every other
 * octet, UTF-8 included, is percent-encoded. */
static bool mailto_plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       strchr("-._~!$'()*+@", c) != NULL;
}

char *ical_out_mailto(const char *addr)
{
	char *clean = ical_out_clean(addr, true);
	char *out = xmalloc(strlen(clean) * 3 + sizeof "mailto:"), *q = out;
	static const char hex[] = "0123456789ABCDEF";
	q += sprintf(q, "mailto:");
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++) {
		if (mailto_plain(*p) && *p) {
			*q++ = (char)*p;
			continue;
		}
		*q++ = '%';
		*q++ = hex[*p >> 4];
		*q++ = hex[*p & 15];
	}
	*q = '\0';
	free(clean);
	return out;
}
