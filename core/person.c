/* person.c - volunteer codes: random, unique, free of look-alike characters. */
#include "person.h"

#include <ctype.h>
#include <sodium.h>
#include <string.h>

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
