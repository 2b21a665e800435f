/* array.h - ARRAY_LEN, the number of elements of an array: every table's
 * count comes from it, never typed. A leaf header (db/ may include it). */
#ifndef MUSTER_ARRAY_H
#define MUSTER_ARRAY_H

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
