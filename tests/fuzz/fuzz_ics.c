/* fuzz_ics.c - import sessions from any bytes: the line scanner, libical's
 * parser and the import into an event (rooms by LOCATION, UIDs, updates),
 * in a database in memory. */
#include "fuzz.h"

#include "../../core/ical_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_ctx f;
	struct ctx *c = fuzz_ctx(&f, 500);
	if (f.runs == 0) {
		struct field_assign ev[] = {{"name", "Forum"},
		                            {"starts", "2027-03-13 08:00"},
		                            {"ends", "2027-03-14 17:30"},
		                            {"tz", "America/New_York"}};
		int64_t id;
		struct err e = {0};
		if (record_add(c, entity_find("event"), ev, 4, &id, &e) < 0) {
			fprintf(stderr, "fuzz: add event: %s\n", e.msg);
			abort();
		}
	}
	char path[64];
	int fd = fuzz_file(data, size, path, sizeof path);
	struct ical_import_result r;
	struct err e = {0};
	ical_import_sessions(c, path, 1, &r, &e);
	close(fd);
	if (db_in_transaction(c->db))
		abort();
	return 0;
}
