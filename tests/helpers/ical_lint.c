/* ical_lint.c - byte-level checks of iCalendar files for the shell tests:
 * every line ends CRLF (no bare CR or LF), no line is over 75 octets without
 * its CRLF, every line is whole UTF-8 (folding split no character), and the
 * file ends with a line end. Prints "FILE:LINE: problem" for each and exits
 * 1 when there is any; with -s also prints "lines N longest N" per file. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool utf8_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = s[i];
		size_t k = c < 0x80                 ? 1
		           : c >= 0xC2 && c <= 0xDF ? 2
		           : c >= 0xE0 && c <= 0xEF ? 3
		           : c >= 0xF0 && c <= 0xF4 ? 4
		                                    : 0;
		if (k == 0 || i + k > n)
			return false;
		for (size_t j = 1; j < k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
		i += k;
	}
	return true;
}

static int lint(const char *path, bool stats)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "%s: cannot open\n", path);
		return 1;
	}
	static unsigned char line[1 << 20];
	size_t n = 0, longest = 0;
	int c, lineno = 1, bad = 0;
	bool cr = false;
	while ((c = fgetc(f)) != EOF) {
		if (c == '\n') {
			if (!cr)
				printf("%s:%d: line ends LF without CR\n", path, lineno), bad++;
			if (n > 75)
				printf("%s:%d: %zu octets (over 75)\n", path, lineno, n), bad++;
			if (!utf8_ok(line, n))
				printf("%s:%d: not whole UTF-8 (a character split by folding?)\n",
				       path, lineno),
				    bad++;
			longest = n > longest ? n : longest;
			n = 0;
			cr = false;
			lineno++;
			continue;
		}
		if (cr)
			printf("%s:%d: CR not followed by LF\n", path, lineno), bad++;
		cr = c == '\r';
		if (!cr && n < sizeof line)
			line[n++] = (unsigned char)c;
	}
	if (n || cr)
		printf("%s:%d: the file does not end with CRLF\n", path, lineno), bad++;
	if (stats)
		printf("%s: lines %d longest %zu\n", path, lineno - 1, longest);
	fclose(f);
	return bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	bool stats = argc > 1 && strcmp(argv[1], "-s") == 0;
	int ret = 0;
	for (int i = stats ? 2 : 1; i < argc; i++)
		ret |= lint(argv[i], stats);
	return ret;
}
