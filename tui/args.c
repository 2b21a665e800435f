/* args.c - option parsing for commands, driven by a spec string. */
#include "args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Is name in spec? Sets *takes_value. */
static bool spec_has(const char *spec, const char *name, size_t len, bool *takes_value)
{
	const char *p = spec;
	while (p && *p) {
		while (*p == ' ')
			p++;
		const char *end = p;
		while (*end && *end != ' ' && *end != ':')
			end++;
		if ((size_t)(end - p) == len && strncmp(p, name, len) == 0) {
			*takes_value = *end == ':';
			return true;
		}
		while (*end && *end != ' ')
			end++;
		p = end;
	}
	return false;
}

static int add_opt(struct args *out, const char *name, const char *val, struct err *e)
{
	if (out->nopt >= 32)
		return err_set(e, ERR_USAGE, "too many options");
	out->opt_name[out->nopt] = name;
	out->opt_val[out->nopt++] = val;
	return 0;
}

static int parse_option(const char *spec, int argc, char **argv, int *i, struct args *out,
                        struct err *e)
{
	char *word = argv[*i];
	char *name = word + (word[1] == '-' ? 2 : 1);
	char *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name);
	bool takes = false;
	if ((word[1] != '-' && len != 1) || !spec_has(spec, name, len, &takes))
		return err_set(e, ERR_USAGE, "unknown option %s", word);
	if (eq)
		*eq = '\0';
	if (!takes) {
		if (eq)
			return err_set(e, ERR_USAGE, "option --%s takes no value", name);
		return add_opt(out, name, NULL, e);
	}
	if (eq)
		return add_opt(out, name, eq + 1, e);
	if (*i + 1 >= argc)
		return err_set(e, ERR_USAGE, "option %s needs a value", word);
	return add_opt(out, name, argv[++*i], e);
}

int args_parse(const char *spec, int argc, char **argv, struct args *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	bool options = true;
	for (int i = 0; i < argc; i++) {
		char *w = argv[i];
		if (options && strcmp(w, "--") == 0) {
			options = false;
			continue;
		}
		if (options && w[0] == '-' && w[1] && !(w[1] >= '0' && w[1] <= '9')) {
			if (parse_option(spec, argc, argv, &i, out, e) < 0)
				return -1;
			continue;
		}
		if (out->npos >= ARGS_MAX)
			return err_set(e, ERR_USAGE, "too many arguments");
		out->pos[out->npos++] = w;
	}
	return 0;
}

const char *args_get(const struct args *a, const char *name)
{
	for (int i = a->nopt - 1; i >= 0; i--)
		if (strcmp(a->opt_name[i], name) == 0)
			return a->opt_val[i] ? a->opt_val[i] : "";
	return NULL;
}

bool args_has(const struct args *a, const char *name)
{
	return args_get(a, name) != NULL;
}

int args_id(const char *text, const char *what, int64_t *out, struct err *e)
{
	char *end;
	errno = 0;
	long long v = text ? strtoll(text, &end, 10) : 0;
	if (!text || errno || end == text || *end || v <= 0)
		return err_set(e, ERR_USAGE, "%s: \"%s\" is not an id (a positive number)", what,
		               text ? text : "");
	*out = v;
	return 0;
}
