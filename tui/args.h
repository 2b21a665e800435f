/* args.h - splitting a command's words into positional arguments and
 * --options, from a per-command option spec like "event: format: force". */
#ifndef MUSTER_ARGS_H
#define MUSTER_ARGS_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/err.h"

#define ARGS_MAX 256

struct args {
	int npos;
	char *pos[ARGS_MAX];
	int nopt;
	const char *opt_name[32];
	const char *opt_val[32]; /* NULL for flags */
};

/* spec: space-separated names; a trailing ':' takes a value ("event: force o:").
 * A single-letter name is written -o; others --name or --name=value. "--"
 * ends options. */
int args_parse(const char *spec, int argc, char **argv, struct args *out, struct err *e);
const char *args_get(const struct args *a, const char *name); /* NULL when absent */
bool args_has(const struct args *a, const char *name);
/* A positive id option/positional; ERR_USAGE naming what when bad. */
int args_id(const char *text, const char *what, int64_t *out, struct err *e);

#endif
