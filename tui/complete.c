/* complete.c - muster --complete-dump (see complete.h): the command table,
 * the entity table, the output formats and the settings, written as the
 * facts shell completion needs. What an option's value is comes from the
 * command's usage, the text --help shows ("--size small|large",
 * "-o FILE.pdf", "--prune DIR"), so completion and help say the same. */
#include "complete.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../core/config.h"
#include "../core/entity.h"
#include "cli.h"
#include "output.h"

/* A placeholder's kind: FILE.pdf, PATH -> file; DIR -> dir; a|b -> choice. */
static const char *placeholder_kind(const char *p, size_t len)
{
	if (len == 0)
		return "value";
	if ((len >= 4 && strncmp(p, "FILE", 4) == 0) || (len == 4 && strncmp(p, "PATH", 4) == 0))
		return "file";
	if (len == 3 && strncmp(p, "DIR", 3) == 0)
		return "dir";
	if (strncmp(p, "SETTING", 7) == 0)
		return "settings";
	if (memchr(p, '|', len) && p[0] >= 'a' && p[0] <= 'z')
		return "choice";
	return "value";
}

/* "kind\tchoice\tchoice..." for the placeholder p (len bytes). */
static void put_kind(FILE *out, const char *p, size_t len)
{
	const char *kind = placeholder_kind(p, len);
	fputs(kind, out);
	if (strcmp(kind, "choice") != 0)
		return;
	fputc('\t', out);
	for (size_t i = 0; i < len; i++)
		fputc(p[i] == '|' ? '\t' : p[i], out);
}

void complete_global(FILE *out, const char *name, const char *value)
{
	fprintf(out, "global\t%s\t", name);
	if (value)
		put_kind(out, value, strlen(value));
	else
		fputs("flag", out);
	fputc('\n', out);
}

/* The start of a help text as a short description: its first line, cut
 * at a word after 60 characters. */
static void put_help(FILE *out, const char *help)
{
	size_t n = strcspn(help, "\n\t");
	if (n > 60) {
		size_t cut = 60;
		while (cut > 20 && help[cut] != ' ')
			cut--;
		fprintf(out, "%.*s...", (int)cut, help);
		return;
	}
	fprintf(out, "%.*s", (int)n, help);
}

void complete_mode(FILE *out, const char *name, const char *help)
{
	fprintf(out, "command\t%s\t", name);
	put_help(out, help);
	fputc('\n', out);
}

static bool is_space_or_bracket(char c)
{
	return c == ' ' || c == '[' || c == '(' || c == '|';
}

/* The placeholder after option name in usage ("--size small|large]" gives
 * "small|large"); len 0 when the usage does not show one. Every place the
 * usage names the option is looked at: the first placeholder that says
 * more than "..." wins. */
static const char *usage_value(const char *usage, const char *name, size_t *len)
{
	size_t n = strlen(name);
	for (const char *p = strstr(usage, name); p; p = strstr(p + 1, name)) {
		if ((p > usage && !is_space_or_bracket(p[-1])) || p[n] != ' ')
			continue;
		const char *v = p + n + 1;
		*len = strcspn(v, " ])");
		if (*len && v[0] != '[' && v[0] != '-' && strncmp(v, "...", 3) != 0)
			return v;
	}
	*len = 0;
	return usage;
}

/* Each option of c's spec ("event: format: o:"), with its value's kind. */
static void put_options(FILE *out, const struct command *c)
{
	const char *p = c->opts;
	while (p && *p) {
		p += strspn(p, " ");
		size_t n = strcspn(p, " :");
		if (n == 0)
			break;
		char name[64];
		snprintf(name, sizeof name, "%s%.*s", n == 1 ? "-" : "--", (int)n, p);
		fprintf(out, "option\t%s\t%s\t", c->name, name);
		if (p[n] != ':') {
			fputs("flag", out);
		} else if (strcmp(name, "--format") == 0) {
			fputs("choice", out);
			for (size_t i = 0; output_format_name(i); i++)
				fprintf(out, "\t%s", output_format_name(i));
		} else {
			size_t len;
			const char *v = usage_value(c->usage, name, &len);
			put_kind(out, v, len);
		}
		fputc('\n', out);
		p += n + (p[n] == ':');
	}
}

/* Does the option word w ("--event", "[-o") take a value in spec? */
static bool takes_value(const char *spec, const char *w)
{
	char name[64];
	w += strspn(w, "[(-");
	size_t n = strcspn(w, " ]|)=");
	snprintf(name, sizeof name, "%.*s", (int)n, w);
	for (const char *p = spec; p && (p = strstr(p, name)) != NULL; p++)
		if ((p == spec || p[-1] == ' ') && p[n] == ':')
			return true;
	return false;
}

/* From the usage's words: where key=value words start, and whether other
 * arguments are files (a FILE word that is no option's value). */
static void put_arguments(FILE *out, const struct command *c)
{
	const char *u = c->usage;
	int pos = 0;
	bool after_option = false, files = false, counting = true;
	while (*u) {
		u += strspn(u, " |([");
		size_t n = strcspn(u, " ");
		if (n == 0)
			break;
		if (u[0] == '-') {
			after_option = takes_value(c->opts, u);
			counting = false;
		} else {
			if (!after_option && strncmp(u, "FILE", 4) == 0)
				files = true;
			if (counting && strncmp(u, "key=value", 9) == 0)
				fprintf(out, "fields\t%s\t%d\n", c->name, pos + 1);
			pos += counting;
			after_option = false;
		}
		u += n;
	}
	if (files)
		fprintf(out, "files\t%s\n", c->name);
}

static void put_command(FILE *out, const struct command *c)
{
	complete_mode(out, c->name, c->help);
	for (size_t i = 0; c->word_at && c->word_at(i); i++)
		fprintf(out, "word\t%s\t%s\n", c->name, c->word_at(i));
	put_options(out, c);
	put_arguments(out, c);
}

/* The fields add and set take (not those muster sets), with the values of
 * a choice; a yes/no field takes the first words core/record.c reads. */
static void put_entity(FILE *out, const struct entity_def *ent)
{
	fprintf(out, "entity\t%s\t%s\n", ent->name, ent->plural);
	for (size_t i = 0; i < ent->nfields && !ent->read_only; i++) {
		const struct field_def *f = &ent->fields[i];
		if (f->flags & (F_AUTO | F_SECRET))
			continue;
		fprintf(out, "field\t%s\t%s", ent->name, f->name);
		for (size_t k = 0; f->type == FT_ENUM && f->values[k]; k++)
			fprintf(out, "\t%s", f->values[k]);
		if (f->type == FT_BOOL)
			fputs("\tyes\tno", out);
		fputc('\n', out);
	}
}

static void put_settings(FILE *out)
{
	const char *section, *key, *last = NULL;
	for (size_t i = 0; config_setting_at(i, &section, &key); i++) {
		if (!last || strcmp(last, section) != 0)
			fprintf(out, "setting\t%s\n", section);
		last = section;
		if (key)
			fprintf(out, "setting\t%s.%s\n", section, key);
	}
}

void complete_dump(FILE *out)
{
	for (size_t i = 0; cli_at(i); i++)
		put_command(out, cli_at(i));
	for (size_t i = 0; entity_at(i); i++)
		put_entity(out, entity_at(i));
	put_settings(out);
}
