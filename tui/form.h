/* form.h - add and edit forms for every entity, built from the entity table
 * (core/entity.h) with ncurses' form library: one field per typed field of
 * the entity, choices from lists for references and fixed values, and the
 * core's own validation and rule messages shown inline on save. A soft rule
 * refusal offers an override with a reason. */
#ifndef MUSTER_FORM_H
#define MUSTER_FORM_H

#include <form.h>

#include "../core/entity.h"
#include "textfield.h"
#include "tui.h"

#define FORM_MAX_PRESET 8

struct form_spec {
	const struct entity_def *ent;
	int64_t id;    /* 0: a new row */
	int64_t event; /* the event in view: hidden event field, scoped choices */
	/* initial values for a new row ("room" = "3", "starts" = "...") */
	struct {
		char name[32];
		char value[256];
	} preset[FORM_MAX_PRESET];
	int npreset;
	/* after a successful save (may be NULL); returns reaction flags */
	int (*saved)(struct tui *t, void *arg, int64_t id);
	void *arg;
	void (*free_arg)(void *); /* frees arg when the form closes (may be NULL) */
};

/* Add an initial value to spec. */
void form_preset(struct form_spec *spec, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Open the form (copies spec). */
void form_open(struct tui *t, const struct form_spec *spec);

#endif
