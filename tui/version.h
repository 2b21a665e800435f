/* version.h - muster --version: the program, the schema it writes and the
 * libraries it runs with. */
#ifndef MUSTER_VERSION_H
#define MUSTER_VERSION_H

#include <stdio.h>

void version_print(FILE *out);

#endif
