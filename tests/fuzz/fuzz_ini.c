/* fuzz_ini.c - a settings file of any bytes through iniparser and the
 * config table: unknown keys with suggestions, ranges, key lists. */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	int fd = fuzz_file(data, size, path, sizeof path);
	struct config cfg;
	struct err e = {0};
	config_defaults(&cfg);
	if (config_load(&cfg, path, true, &e) == 0) {
		FILE *null = fopen("/dev/null", "w");
		config_dump(&cfg, null); /* what was loaded can be shown */
		fclose(null);
	}
	close(fd);
	return 0;
}
