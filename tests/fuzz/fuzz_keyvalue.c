/* fuzz_keyvalue.c - add and set as typed on the command line and in the
 * forms: the input is an entity (its first byte) and key=value words (one a
 * line), parsed and written through the entity table's rules into a
 * database in memory holding a small event to refer to. */
#include "fuzz.h"

#define MAX_WORDS 16

/* A small event, its room, role, shift, people and an org to point at. */
static void seed(struct ctx *c)
{
	static const char *const rows[][9] = {
	    {"event", "name=Forum", "starts=2027-03-13 08:00", "ends=2027-03-14 17:30",
	     "tz=America/New_York"},
	    {"room", "event=1", "name=Salon A"},
	    {"org", "name=Harbor"},
	    {"person", "name=Dana", "email=dana@example.org", "birth_date=1990-01-01"},
	    {"skill", "name=First aid"},
	    {"role", "event=1", "name=Greeter", "skill=1", "min_age=18"},
	    {"shift", "event=1", "role=1", "room=1", "starts=2027-03-13 09:00",
	     "ends=2027-03-13 11:00", "need_max=3"},
	    {"session", "event=1", "room=1", "title=Welcome", "starts=2027-03-13 12:00",
	     "ends=2027-03-13 13:00"},
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char *words[8];
		size_t n = 0;
		for (; n < 8 && rows[i][n + 1]; n++)
			words[n] = strdup(rows[i][n + 1]);
		struct field_assign fa[8];
		int64_t id;
		struct err e = {0};
		if (field_assign_parse(words, (int)n, fa, &e) < 0 ||
		    record_add(c, entity_find(rows[i][0]), fa, n, &id, &e) < 0) {
			fprintf(stderr, "fuzz: seed %s: %s\n", rows[i][0], e.msg);
			abort();
		}
		for (size_t k = 0; k < n; k++)
			free(words[k]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_ctx f;
	struct ctx *c = fuzz_ctx(&f, 2000);
	if (f.runs == 0)
		seed(c);
	if (size < 2)
		return 0;
	size_t nent = 0;
	while (entity_at(nent))
		nent++;
	const struct entity_def *ent = entity_at((data[0] & 0x7f) % nent);
	bool set = data[0] & 0x80;
	char *text = fuzz_text(data + 1, size - 1), *words[MAX_WORDS];
	int n = 0;
	for (char *p = text, *nl; p && n < MAX_WORDS; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (*p)
			words[n++] = p;
	}
	struct field_assign fa[MAX_WORDS];
	struct err e = {0};
	int64_t id = 1;
	if (ent && field_assign_parse(words, n, fa, &e) == 0) {
		if (set)
			record_set(c, ent, 1, fa, (size_t)n, &e);
		else
			record_add(c, ent, fa, (size_t)n, &id, &e);
	}
	if (db_in_transaction(c->db))
		abort();
	free(text);
	return 0;
}
