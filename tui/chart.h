/* chart.h - the coverage bar shared by `report coverage` and the TUI's
 * chart per hour: a mark per `scale` volunteers, █ for places filled and ░
 * for places still needed, so it reads without colour. */
#ifndef MUSTER_CHART_H
#define MUSTER_CHART_H

#include <stddef.h>
#include <stdint.h>

/* Volunteers per mark so that a bar of most volunteers fits in width. */
int64_t chart_scale(int64_t most, int width);
/* Marks for filled and gap at scale: a gap never rounds away, and the two
 * never pass width. */
void chart_cells(int64_t filled, int64_t gap, int64_t scale, int width, int64_t *full,
                 int64_t *empty);
/* The bar as UTF-8, padded with spaces to width columns (buf: 3 bytes a
 * column and one more). */
void chart_bar(int64_t filled, int64_t gap, int64_t scale, int width, char *buf, size_t n);

#endif
