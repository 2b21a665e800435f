/* ical_out.c - folding, line ends and clean text for iCalendar output.
 * libical 3.0.16 folds at 75 octets on UTF-8 boundaries in our tests, but
 * where it breaks a line depends on the version (older ones could split a
 * character), so every line is folded here instead: the bytes on the wire do
 * not depend on the libical underneath. The lines of a property are kept in
 * a bounded memo, by a key of what made them, and written again for the
 * next property made of the same (ical_out_again). */
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

/* The memo: open addressing over MEMO_SLOTS; emptied when it holds
 * MEMO_MAX entries or MEMO_BYTES of keys and text, so its memory is bounded
 * whatever the calendar's size. */
#define MEMO_SLOTS 8192
#define MEMO_MAX   (MEMO_SLOTS / 2)
#define MEMO_BYTES (1 << 20)

struct memo_entry {
	char *key, *text; /* NULL key: a free slot */
	size_t nkey, ntext;
};

struct ical_out_memo {
	struct memo_entry slot[MEMO_SLOTS];
	size_t n, bytes;
};

static void memo_clear(struct ical_out_memo *m)
{
	for (size_t i = 0; i < MEMO_SLOTS; i++) {
		free(m->slot[i].key);
		free(m->slot[i].text);
	}
	memset(m, 0, sizeof *m);
}

void ical_out_free(struct ical_out *o)
{
	strbuf_free(&o->line);
	if (o->memo)
		memo_clear(o->memo);
	free(o->memo);
	o->memo = NULL;
}

static void put(struct ical_out *o, const char *s, size_t n)
{
	if (!n)
		return;
	if (o->capture)
		strbuf_addn(o->capture, s, n);
	else if (fwrite(s, 1, n, o->f) != n)
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

static struct memo_entry *memo_slot(struct ical_out_memo *m, const char *key, size_t n)
{
	uint64_t h = 14695981039346656037u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)key[i]) * 1099511628211u;
	size_t at = (size_t)h & (MEMO_SLOTS - 1);
	while (m->slot[at].key && (m->slot[at].nkey != n || memcmp(m->slot[at].key, key, n) != 0))
		at = (at + 1) & (MEMO_SLOTS - 1);
	return &m->slot[at];
}

bool ical_out_again(struct ical_out *o, const char *key, size_t n)
{
	if (!o->memo)
		return false;
	const struct memo_entry *hit = memo_slot(o->memo, key, n);
	if (!hit->key)
		return false;
	put(o, hit->text, hit->ntext);
	return true;
}

/* Write text (serialised by libical) and keep its folded lines under key. */
static void remember(struct ical_out *o, const char *key, size_t n, const char *text)
{
	struct strbuf lines = {0};
	struct strbuf *outer = o->capture;
	o->capture = &lines;
	ical_out_text(o, text);
	o->capture = outer;
	put(o, lines.s, lines.len);
	if (!o->memo)
		o->memo = xcalloc(1, sizeof *o->memo);
	struct ical_out_memo *m = o->memo;
	if (m->n >= MEMO_MAX || m->bytes + n + lines.len > MEMO_BYTES)
		memo_clear(m);
	struct memo_entry *e = memo_slot(m, key, n);
	if (e->key || n + lines.len > MEMO_BYTES) {
		strbuf_free(&lines);
		return;
	}
	e->key = xmalloc(n + 1);
	memcpy(e->key, key, n);
	e->nkey = n;
	e->ntext = lines.len;
	e->text = strbuf_take(&lines);
	m->n++;
	m->bytes += n + e->ntext;
}

void ical_out_remember_property(struct ical_out *o, const char *key, size_t n, icalproperty *p)
{
	char *s = icalproperty_as_ical_string_r(p);
	remember(o, key, n, s);
	free(s);
}

void ical_out_remember_component(struct ical_out *o, const char *key, size_t n, icalcomponent *c)
{
	char *s = icalcomponent_as_ical_string_r(c);
	remember(o, key, n, s);
	free(s);
}

char *ical_out_clean(const char *s, bool one_line)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p);
	char *out = xmalloc(len * 3 + 1), *q = out;
	while (*p) {
		if (*p >= 0x20 && *p < 0x7F) { /* most text: no decoding */
			*q++ = (char)*p++;
			continue;
		}
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
