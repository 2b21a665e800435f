/* text.h - making text from the database safe and measurable for a terminal:
 * control characters, escape sequences and bidi overrides neutralised, and
 * display width of UTF-8 (wide CJK, combining marks) counted. */
#ifndef MUSTER_TEXT_H
#define MUSTER_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Copy src into dst (NUL-terminated, at most n bytes) with every C0/C1
 * control, DEL, invalid UTF-8 and bidi control (U+202A-202E, U+2066-2069,
 * U+200E/F, U+061C) replaced by a visible stand-in: newline and tab become
 * "\n" / "\t"-like "⏎" and " ", the rest U+FFFD. Returns dst. */
char *text_sanitize(const char *src, char *dst, size_t n);
/* May code point cp be typed into a field as it is (not a control, escape
 * or bidi override)? */
int text_char_safe(unsigned long cp);
/* Columns the UTF-8 string takes on a terminal (after sanitizing). */
int text_width(const char *s);
/* Copy at most `cols` columns of s into dst (n bytes), ending with "…" when
 * cut; returns the columns used. s must already be sanitized. */
int text_fit(const char *s, int cols, char *dst, size_t n);

/* The rest of s after its first `cols` columns (for panning sideways); a
 * wide character cut by the edge is skipped whole and *pad gets the
 * columns of it that were still to show (0 or 1). */
const char *text_skip(const char *s, int cols, int *pad);

/* A stream for a terminal: what is written to it reaches tty with every
 * code point that must not reach a terminal raw (core/utf8.h: controls,
 * escape sequences, C1, bidi overrides) and every invalid byte replaced by
 * U+FFFD, as text_sanitize does; line ends (LF, CR LF) and tabs are kept,
 * so lines and columns stay. The command line writes through one whenever
 * its standard output is a terminal, whatever the format. fclose flushes
 * into tty and leaves tty open. NULL when it cannot be made. */
FILE *text_terminal_stream(FILE *tty);

#endif
