/* textfield.h - the one-line text field widget over an ncurses FORM field,
 * shared by the entity forms (form.c) and the one-line prompt (dialog.c). */
#ifndef MUSTER_TEXTFIELD_H
#define MUSTER_TEXTFIELD_H

#include <form.h>
#include <stddef.h>

#include "keymap.h"

/* Editing keys: printable characters (never an escape or a bidi override),
 * left/right, home/end, backspace, delete, ^U, ^K, ^A, ^E. Returns 1 when
 * the key was an editing key. */
int textfield_key(FORM *f, const struct key *k);
/* Put the cursor after the field's text (REQ_END_LINE lands inside text
 * of wide characters). */
void textfield_end(FORM *f);
/* The text of a field without the padding the form library adds. */
void textfield_text(FIELD *f, char *buf, size_t n);

#endif
