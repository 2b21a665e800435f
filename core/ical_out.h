/* ical_out.h - writing iCalendar text as RFC 5545 wants it on the wire:
 * what libical serialised is unfolded and folded again at 75 octets without
 * splitting a UTF-8 character, every line ending CRLF; and text from the
 * database cleaned of what a calendar value must not hold. */
#ifndef MUSTER_ICAL_OUT_H
#define MUSTER_ICAL_OUT_H

#include <libical/ical.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

#define ICAL_OUT_LINE_OCTETS 75 /* longest line, CRLF not counted */

struct ical_out_memo; /* lines written before, by key (ical_out_again) */

struct ical_out {
	FILE *f;
	bool failed;            /* a write failed */
	struct strbuf line;     /* the logical line being gathered */
	struct strbuf *capture; /* when set, output goes here, not to f */
	struct ical_out_memo *memo;
};

void ical_out_init(struct ical_out *o, FILE *f);
void ical_out_free(struct ical_out *o);
/* Write text as serialised by libical (lines ending CRLF or LF, perhaps
 * folded): each logical line is unfolded, then folded and ended anew. */
void ical_out_text(struct ical_out *o, const char *text);
/* Serialise a property with libical and write it. */
void ical_out_property(struct ical_out *o, icalproperty *p);
/* Write one logical content line (no line end in it), folded. */
void ical_out_line(struct ical_out *o, const char *line, size_t len);

/* Most properties of a calendar repeat (a role's summary, a time slot, the
 * venue): each distinct one is built and serialised by libical once, and its
 * folded lines written again from a memo of bounded size. The key names
 * everything the lines are made from (the property, its values and
 * parameters); n its length (it may hold NUL bytes).
 * ical_out_again writes the lines kept under key, false when there are none;
 * ical_out_remember_property and ical_out_remember_component serialise,
 * write and keep them. */
bool ical_out_again(struct ical_out *o, const char *key, size_t n);
void ical_out_remember_property(struct ical_out *o, const char *key, size_t n, icalproperty *p);
void ical_out_remember_component(struct ical_out *o, const char *key, size_t n, icalcomponent *c);

/* A copy of s (NULL = "") fit for a TEXT value: invalid UTF-8 becomes U+FFFD,
 * CR LF and lone CR become LF, other control characters a space; with
 * one_line, LF and tab become a space too (names). Double quotes are data
 * and stay (libical escapes what TEXT must escape). */
char *ical_out_clean(const char *s, bool one_line);
/* s cleaned as a name, for a parameter value (CN) given to libical: RFC 6868
 * encodes a double quote as ^', a newline as ^n and a caret as ^^. libical
 * 3.0 writes the first two itself but leaves a caret alone (so "Caret ^n Ann"
 * would read as a line break): the caret is doubled here. */
char *ical_out_param(const char *s);
/* "mailto:" and addr percent-encoded as RFC 6068 asks (a double quote, %, /,
 * ?, #, brackets, &, ;, =, spaces and non-ASCII octets). */
char *ical_out_mailto(const char *addr);
/* s as one CATEGORIES value: cleaned as a name, and with "/" for each comma
 * or semicolon. libical 3.0 writes a CATEGORIES value as a list, escaping
 * backslashes but neither commas nor semicolons (and doubling any backslash
 * we would put before them), so "Greeter, lead" would become two
 * categories; "Greeter / lead" stays one. */
char *ical_out_category(const char *s);

#endif
