/* picker.h - choose a row (a room, a role, a person among 100,000) or one of
 * a field's fixed values from a searchable, paged list over the screen. */
#ifndef MUSTER_PICKER_H
#define MUSTER_PICKER_H

#include "tui.h"

/* Called with the chosen row id (or value index) and its label; returns
 * reaction flags. arg stays the caller's; free_arg (may be NULL) frees it
 * when the picker closes, chosen or not. */
typedef int (*picker_fn)(struct tui *t, void *arg, int64_t id, const char *label);

/* Rows of entity (rooms, roles... of event when they belong to one). */
void picker_entity(struct tui *t, const char *entity, int64_t event, picker_fn fn, void *arg,
                   void (*free_arg)(void *));
/* One of values (NULL-terminated). */
void picker_values(struct tui *t, const char *title, const char *const *values, picker_fn fn,
                   void *arg, void (*free_arg)(void *));
/* Can entity's rows be picked from a list? */
bool picker_has(const char *entity);
/* Can a new row of entity be created from its list (n)? */
bool picker_can_create(const char *entity);
/* The add form of entity (in event when it belongs to one), its name typed
 * in; once saved, fn is called with the new row as if it had been chosen.
 * free_arg (may be NULL) frees arg when the form closes, saved or not. */
void picker_create(struct tui *t, const char *entity, int64_t event, const char *typed,
                   picker_fn fn, void *arg, void (*free_arg)(void *));

#endif
