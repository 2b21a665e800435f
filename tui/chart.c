/* chart.c - coverage bars of █ (filled) and ░ (still needed). */
#include "chart.h"

#include <string.h>

#define FULL  "\u2588"
#define EMPTY "\u2591"

int64_t chart_scale(int64_t most, int width)
{
	if (width < 1)
		width = 1;
	return most > width ? (most + width - 1) / width : 1;
}

void chart_cells(int64_t filled, int64_t gap, int64_t scale, int width, int64_t *full,
                 int64_t *empty)
{
	if (scale < 1)
		scale = 1;
	*empty = gap > 0 ? (gap + scale - 1) / scale : 0;
	*full = filled > 0 ? (filled + scale - 1) / scale : 0;
	if (*empty > width)
		*empty = width;
	if (*full + *empty > width)
		*full = width - *empty;
}

/* Append s to buf at *at while it fits. */
static void put(char *buf, size_t n, size_t *at, const char *s)
{
	size_t len = strlen(s);
	if (*at + len < n) {
		memcpy(buf + *at, s, len);
		*at += len;
	}
}

void chart_bar(int64_t filled, int64_t gap, int64_t scale, int width, char *buf, size_t n)
{
	int64_t full, empty;
	size_t at = 0;
	if (n == 0)
		return;
	chart_cells(filled, gap, scale, width, &full, &empty);
	for (int64_t i = 0; i < width; i++)
		put(buf, n, &at, i < full ? FULL : i < full + empty ? EMPTY : " ");
	buf[at] = '\0';
}
