/* fuzz_csv.c - import people from any bytes: the CSV reader (libcsv, line
 * counting, limits) and the importer behind it (header, cells, skills,
 * merging), into a database in memory. One transaction per input: a bad
 * file leaves nothing, a good one adds people. */
#include "fuzz.h"

#include "../../core/people_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_ctx f;
	struct ctx *c = fuzz_ctx(&f, 500);
	char path[64];
	int fd = fuzz_file(data, size, path, sizeof path);
	struct people_csv_opts o = {0};
	struct people_csv_stats st;
	struct err e = {0};
	people_csv_import(c, path, &o, &st, &e);
	close(fd);
	if (db_in_transaction(c->db))
		abort(); /* every path ends its transaction */
	return 0;
}
