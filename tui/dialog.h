/* dialog.h - small overlays: a scrollable message (command output, help),
 * a yes/no question, and a one-line prompt. Each calls back when answered;
 * the callback returns reaction flags like a key handler. */
#ifndef MUSTER_DIALOG_H
#define MUSTER_DIALOG_H

#include "tui.h"

typedef int (*dialog_yes_fn)(struct tui *t, void *arg);
typedef int (*dialog_text_fn)(struct tui *t, void *arg, const char *text);

/* Show text (lines split on newlines and wrapped, scrollable) until q, Esc
 * or Enter. */
void dialog_message(struct tui *t, const char *title, const char *text);
/* The same, lines cut instead of wrapped when wrap is false (tables). */
void dialog_text(struct tui *t, const char *title, const char *text, bool wrap);
/* Ask question; yes runs on y. arg is freed with free_arg (may be NULL)
 * when the dialog closes either way. */
void dialog_confirm(struct tui *t, const char *title, const char *question, dialog_yes_fn yes,
                    void *arg, void (*free_arg)(void *));
/* One line of text. With a title: a box in the middle with `question`
 * above the field; without: the message line at the bottom, prefixed by
 * label (":" or "/"). done runs on Enter with the text. */
void dialog_prompt(struct tui *t, const char *title, const char *question, const char *label,
                   const char *initial, dialog_text_fn done, void *arg, void (*free_arg)(void *));

#endif
