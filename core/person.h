/* person.h - people: volunteer codes for the kiosk. */
#ifndef MUSTER_PERSON_H
#define MUSTER_PERSON_H

#include <stddef.h>

#include "entity.h"

/* Characters of a volunteer code: no 0/O, 1/I/L, 5/S, 2/Z, 8/B lookalikes. */
#define PERSON_CODE_ALPHABET "34679ACDEFGHJKMNPQRTUVWXY"
#define PERSON_CODE_LEN      6

/* A fresh random code not yet used by anyone. */
int person_new_code(struct ctx *c, char *buf, size_t n, struct err *e);
/* Is text a well-formed code (case-insensitive)? Upper-cases it in place. */
int person_code_normalize(char *text);
/* record hook: give a new person a code. */
int person_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);

#endif
