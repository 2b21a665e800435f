/* person.c - volunteer codes (random, unique, free of look-alike
 * characters) and kiosk PINs (random, stored only as an Argon2id hash). */
#include "person.h"

#include <ctype.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "lead.h"
#include "recheck.h"

int person_code_normalize(char *text)
{
	size_t n = strlen(text);
	if (n != PERSON_CODE_LEN)
		return -1;
	for (size_t i = 0; i < n; i++) {
		text[i] = (char)toupper((unsigned char)text[i]);
		if (!strchr(PERSON_CODE_ALPHABET, text[i]) || text[i] == '\0')
			return -1;
	}
	return 0;
}

int person_new_code(struct ctx *c, char *buf, size_t n, struct err *e)
{
	static const char alphabet[] = PERSON_CODE_ALPHABET;
	if (n < PERSON_CODE_LEN + 1 || sodium_init() < 0)
		return err_set(e, ERR_DB, "volunteer code: no random source");
	for (int attempt = 0; attempt < 100; attempt++) {
		for (int i = 0; i < PERSON_CODE_LEN; i++)
			buf[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
		buf[PERSON_CODE_LEN] = '\0';
		int64_t other;
		struct db_value v = db_text(buf);
		if (record_store_find(c->db, "person", "volunteer_code", &v, 0, &other, e) < 0)
			return -1;
		if (!other)
			return 0;
	}
	return err_set(e, ERR_DB, "volunteer code: no free code found");
}

int person_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	(void)old;
	if (record_has(r, "volunteer_code"))
		return 0;
	char code[PERSON_CODE_LEN + 1];
	if (person_new_code(c, code, sizeof code, e) < 0)
		return -1;
	record_set_text(r, "volunteer_code", code);
	return 0;
}

int person_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (old && record_has(old, "erased_at"))
		return err_set(e, ERR_REFUSED,
		               "person %" PRId64 " was erased; an erased person is not changed",
		               r->id);
	if (record_int(r, "keep")) {
		const char *why = record_text(r, "keep_reason");
		bool given = false;
		for (const char *p = why; p && *p && !given; p++)
			given = !isspace((unsigned char)*p);
		if (!given)
			return err_set(e, ERR_INPUT,
			               "keep: give keep_reason too (why this person is kept past "
			               "the retention period)");
	}
	return recheck_person(c, r, old, e);
}

/* Store hash as person's PIN, audited, in one transaction. */
static int store_pin(struct ctx *c, int64_t person, const char *hash, struct err *e)
{
	static const char *const cols[] = {"pin_hash"};
	struct db_value v = db_text(hash);
	struct record r;
	if (db_begin(c->db, e) < 0)
		return -1;
	if (record_get(c, entity_find("person"), person, &r, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	int ret = lead_row_allows(c, "person", person, LEAD_SET, e);
	if (ret == 0)
		ret = record_store_update(c->db, "person", person, cols, &v, 1, e);
	if (ret == 0)
		ret = audit_log(c, "pin", "person", person, e,
		                "new kiosk PIN for person %" PRId64 " (%s)", person,
		                record_text(&r, "name"));
	record_free(&r);
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

int person_set_pin(struct ctx *c, int64_t person, char *pin_out, size_t n, struct err *e)
{
	char pin[PERSON_PIN_LEN + 1], hash[crypto_pwhash_STRBYTES];
	if (n < sizeof pin)
		return err_set(e, ERR_USAGE, "PIN buffer too small");
	if (sodium_init() < 0)
		return err_set(e, ERR_DB, "PIN: no random source");
	snprintf(pin, sizeof pin, "%06" PRIu32, randombytes_uniform(1000000));
	/* Hash before taking the write lock: it is the slow part. */
	if (crypto_pwhash_str(hash, pin, PERSON_PIN_LEN, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_DB, "PIN: not enough memory to hash it");
	int ret = store_pin(c, person, hash, e);
	if (ret == 0)
		snprintf(pin_out, n, "%s", pin);
	sodium_memzero(pin, sizeof pin);
	return ret;
}

int person_verify_pin(struct ctx *c, int64_t person, const char *pin, struct err *e)
{
	struct record r;
	if (sodium_init() < 0)
		return err_set(e, ERR_DB, "PIN: crypto library failed to start");
	if (record_get(c, entity_find("person"), person, &r, e) < 0)
		return -1;
	const char *hash = record_text(&r, "pin_hash");
	int ret = 0;
	if (!hash || !pin)
		ret = err_set(e, ERR_REFUSED, "no PIN is set for this volunteer code");
	else if (crypto_pwhash_str_verify(hash, pin, strlen(pin)) != 0)
		ret = err_set(e, ERR_REFUSED, "wrong PIN");
	record_free(&r);
	return ret;
}
