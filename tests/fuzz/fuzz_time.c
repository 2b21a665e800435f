/* fuzz_time.c - the time parsers: a time as typed (YYYY-MM-DD HH:MM in a
 * zone, ISO 8601 with an offset or Z) in a zone the input picks, a date,
 * and every instant parsed formatted back and parsed again to itself. */
#include "fuzz.h"

#include <stdbool.h>

#include "../../core/tz.h"

static const char *const zones[] = {
    "UTC",         "America/New_York", "Europe/Berlin", "Asia/Kathmandu", "Australia/Lord_Howe",
    "Pacific/Apia"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *tz = zones[data[0] % (sizeof zones / sizeof zones[0])];
	char *text = fuzz_text(data + 1, size - 1);
	int64_t t;
	int y, m, d;
	struct err e = {0};
	if (tz_parse(tz, text, &t, &e) == 0) {
		char back[64], human[96];
		int64_t again = 0;
		tz_format(tz, t, back, sizeof back);
		tz_format_human(tz, t, data[0] & 0x80, human, sizeof human);
		/* the instant written in UTC reads back as itself, unless the zone
		 * took it past the years that can be typed (1900-9999) */
		tz_format_utc(t, back, sizeof back);
		bool typeable = strncmp(back, "1899", 4) != 0 && strncmp(back, "10000", 5) != 0;
		if (typeable && (tz_parse("UTC", back, &again, &e) < 0 || again != t)) {
			fprintf(stderr,
			        "fuzz: \"%s\" in %s read as %lld, written %s, read again %lld\n",
			        text, tz, (long long)t, back, (long long)again);
			abort();
		}
	}
	tz_parse_date(text, &y, &m, &d, &e);
	tz_valid(text);
	free(text);
	return 0;
}
