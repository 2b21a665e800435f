/* person.h - people: volunteer codes and PINs for the kiosk. */
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
/* What others read for a confidential person, wherever they would see the
 * name (calendar files, printed sheets). */
#define PERSON_CONFIDENTIAL_NAME "Confidential"

/* Digits of a kiosk PIN. */
#define PERSON_PIN_LEN 6

/* PIN: a new random 6-digit PIN (libsodium randombytes), stored as a
 * crypto_pwhash_str hash with the interactive limits (about 55 ms on a
 * 2-core machine: a kiosk sign-in stays well under a second, while a stolen
 * database costs an attacker about 15 CPU-hours per person to search all
 * million PINs, against seconds with the MIN limits); returns the PIN in
 * pin_out (at least PERSON_PIN_LEN + 1 bytes). Audited, without the PIN. */
int person_set_pin(struct ctx *c, int64_t person, char *pin_out, size_t n, struct err *e);
/* 0 when pin matches the stored hash; ERR_REFUSED otherwise (also when no
 * PIN is set); ERR_NOT_FOUND for no such person. */
int person_verify_pin(struct ctx *c, int64_t person, const char *pin, struct err *e);

/* record hook: an erased person is not changed; keep needs a keep_reason;
 * then the rules a new birth date touches (recheck_person). */
int person_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);

/* record hook: give a new person a code. */
int person_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e);

#endif
