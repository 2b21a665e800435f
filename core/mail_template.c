/* mail_template.c - the placeholder table, the built-in texts, and reading,
 * checking and filling a template. See mail_template.h. */
#include "mail_template.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "strbuf.h"
#include "suggest.h"
#include "utf8.h"
#include "xmalloc.h"

/* The largest template file read. */
#define TEMPLATE_MAX (64 * 1024)

struct placeholder {
	const char *name;
	size_t offset; /* into struct mail_fields */
	const char *help;
};

#define FIELD(m) .offset = offsetof(struct mail_fields, m)
static const struct placeholder placeholders[] = {
    {.name = "name", FIELD(name), .help = "the name of the person the message is for"},
    {.name = "event", FIELD(event), .help = "the event's name"},
    {.name = "item",
     FIELD(item),
     .help = "what it is about: the event, \"Greeter shift at Forum\", \"Panel at Forum\""},
    {.name = "when", FIELD(when), .help = "its start and end in the event's time zone"},
    {.name = "where", FIELD(where), .help = "its room or booth and venue (empty when none)"},
    {.name = "organizer", FIELD(organizer), .help = "[export] organizer_name (or _email)"},
};

struct builtin {
	const char *key; /* the [mail] key naming a file instead */
	size_t offset;   /* of that key in struct config */
	const char *text;
};

#define CFG(m) .offset = offsetof(struct config, m)
static const struct builtin builtins[] = {
    [MAIL_INVITE] = {.key = "invite_template",
                     CFG(mail_invite_template),
                     .text = "Subject: Invitation: {item}\n"
                             "\n"
                             "Hello {name},\n"
                             "\n"
                             "You are invited: {item}.\n"
                             "\n"
                             "When:  {when}\n"
                             "Where: {where}\n"
                             "\n"
                             "Your calendar program can add it from this message, or from the\n"
                             "invitation attached to it.\n"
                             "\n"
                             "{organizer}\n"},
    [MAIL_UPDATE] = {.key = "update_template",
                     CFG(mail_update_template),
                     .text = "Subject: Updated: {item}\n"
                             "\n"
                             "Hello {name},\n"
                             "\n"
                             "This is new or has changed for you: {item}.\n"
                             "\n"
                             "When:  {when}\n"
                             "Where: {where}\n"
                             "\n"
                             "Your calendar program updates it from this message, or from the\n"
                             "file attached to it.\n"
                             "\n"
                             "{organizer}\n"},
    [MAIL_CANCEL] = {.key = "cancel_template",
                     CFG(mail_cancel_template),
                     .text = "Subject: Cancelled: {item}\n"
                             "\n"
                             "Hello {name},\n"
                             "\n"
                             "This is cancelled for you: {item} ({when}).\n"
                             "\n"
                             "Your calendar program removes it from this message, or from the\n"
                             "file attached to it.\n"
                             "\n"
                             "{organizer}\n"},
    [MAIL_REMINDER] = {.key = "reminder_template",
                       CFG(mail_reminder_template),
                       .text = "Subject: Reminder: {item}, {when}\n"
                               "\n"
                               "Hello {name},\n"
                               "\n"
                               "A reminder of your shift: {item}.\n"
                               "\n"
                               "When:  {when}\n"
                               "Where: {where}\n"
                               "\n"
                               "Thank you for volunteering.\n"
                               "\n"
                               "{organizer}\n"},
};

const char *mail_kind_name(enum mail_kind k)
{
	static const char *const names[] = {[MAIL_INVITE] = "invite",
	                                    [MAIL_UPDATE] = "update",
	                                    [MAIL_CANCEL] = "cancel",
	                                    [MAIL_REMINDER] = "reminder"};
	return names[k];
}

static const struct placeholder *find_placeholder(const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_LEN(placeholders); i++)
		if (strlen(placeholders[i].name) == len &&
		    strncmp(placeholders[i].name, name, len) == 0)
			return &placeholders[i];
	return NULL;
}

static int unknown(const char *source, int line, const char *name, size_t len, struct err *e)
{
	const char *names[ARRAY_LEN(placeholders)];
	char word[64];
	snprintf(word, sizeof word, "%.*s", (int)(len < 40 ? len : 40), name);
	for (size_t i = 0; i < ARRAY_LEN(placeholders); i++)
		names[i] = placeholders[i].name;
	const char *near = suggest_closest(word, names, ARRAY_LEN(names));
	if (near)
		return err_set(e, ERR_CONFIG, "%s:%d: unknown placeholder {%s}; did you mean {%s}?",
		               source, line, word, near);
	return err_set(e, ERR_CONFIG, "%s:%d: unknown placeholder {%s} (see muster mail --help)",
	               source, line, word);
}

/* Every brace of text (starting at line first) is "{{", "}}" or a known
 * placeholder. */
static int check_text(const char *source, int first, const char *text, struct err *e)
{
	int line = first;
	for (const char *p = text; *p; p++) {
		if (*p == '\n')
			line++;
		if (*p == '}' && p[1] == '}') {
			p++;
			continue;
		}
		if (*p != '{')
			continue;
		if (p[1] == '{') {
			p++;
			continue;
		}
		size_t len = strcspn(p + 1, "{}\n");
		if (p[1 + len] != '}')
			return err_set(e, ERR_CONFIG,
			               "%s:%d: \"{\" without its \"}\" (write {{ for a brace)",
			               source, line);
		if (!find_placeholder(p + 1, len))
			return unknown(source, line, p + 1, len, e);
		p += len + 1;
	}
	return 0;
}

/* Split "Subject: ...\n\nbody" into t->subject and t->body, checked. */
static int parse(const char *source, const char *text, struct mail_template *t, struct err *e)
{
	static const char head[] = "Subject:";
	if (!utf8_valid(text, strlen(text)))
		return err_set(e, ERR_CONFIG, "%s: is not UTF-8 text", source);
	if (strncmp(text, head, sizeof head - 1) != 0)
		return err_set(e, ERR_CONFIG,
		               "%s:1: the first line must be \"Subject: ...\", then an empty line, "
		               "then the text",
		               source);
	const char *nl = strchr(text, '\n');
	const char *s = text + sizeof head - 1;
	while (*s == ' ')
		s++;
	size_t slen = nl ? (size_t)(nl - s) : strlen(s);
	if (slen && s[slen - 1] == '\r')
		slen--;
	if (slen == 0)
		return err_set(e, ERR_CONFIG, "%s:1: the subject is empty", source);
	const char *body = nl ? nl + 1 : "";
	if (*body == '\r')
		body++;
	if (*body && *body != '\n')
		return err_set(e, ERR_CONFIG, "%s:2: an empty line must follow the subject",
		               source);
	if (*body)
		body++;
	t->subject = xstrndup(s, slen);
	t->body = xstrdup(body);
	if (check_text(source, 1, t->subject, e) < 0 || check_text(source, 3, t->body, e) < 0) {
		mail_template_free(t);
		return -1;
	}
	return 0;
}

static char *read_file(const char *path, struct err *e)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		err_set(e, ERR_CONFIG, "%s: cannot be read: %s", path, strerror(errno));
		return NULL;
	}
	char *buf = xmalloc(TEMPLATE_MAX + 1);
	size_t n = fread(buf, 1, TEMPLATE_MAX + 1, f);
	bool bad = ferror(f) != 0;
	fclose(f);
	if (bad || n > TEMPLATE_MAX || memchr(buf, '\0', n)) {
		free(buf);
		err_set(e, ERR_CONFIG, "%s: %s", path,
		        bad                ? "cannot be read"
		        : n > TEMPLATE_MAX ? "is over 64 KiB"
		                           : "is not text");
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

int mail_template_load(const struct config *cfg, enum mail_kind k, struct mail_template *t,
                       struct err *e)
{
	const struct builtin *b = &builtins[k];
	const char *path = (const char *)cfg + b->offset;
	memset(t, 0, sizeof *t);
	if (!path[0]) {
		snprintf(t->source, sizeof t->source, "built-in %s template", mail_kind_name(k));
		return parse(t->source, b->text, t, e);
	}
	snprintf(t->source, sizeof t->source, "%s", path);
	char *text = read_file(path, e);
	if (!text) {
		err_prefix(e, "[mail] %s", b->key);
		return -1;
	}
	int ret = parse(path, text, t, e);
	free(text);
	if (ret < 0)
		err_prefix(e, "[mail] %s", b->key);
	return ret;
}

void mail_template_free(struct mail_template *t)
{
	free(t->subject);
	free(t->body);
	t->subject = t->body = NULL;
}

char *mail_template_fill(const char *text, const struct mail_fields *f, bool one_line)
{
	struct strbuf b = {0};
	for (const char *p = text; *p; p++) {
		if ((*p == '{' && p[1] == '{') || (*p == '}' && p[1] == '}')) {
			strbuf_addc(&b, *p++);
			continue;
		}
		if (*p != '{') {
			strbuf_addc(&b, one_line && (*p == '\n' || *p == '\r' || *p == '\t') ? ' '
			                                                                     : *p);
			continue;
		}
		size_t len = strcspn(p + 1, "}");
		const struct placeholder *ph = find_placeholder(p + 1, len);
		const char *v = ph ? *(const char *const *)((const char *)f + ph->offset) : NULL;
		for (const char *q = v ? v : ""; *q; q++)
			strbuf_addc(&b, one_line && (*q == '\n' || *q == '\r' || *q == '\t') ? ' '
			                                                                     : *q);
		p += len + (p[1 + len] ? 1 : 0);
	}
	return strbuf_take(&b);
}

void mail_template_help(FILE *out)
{
	fputs("\n      template placeholders:", out);
	for (size_t i = 0; i < ARRAY_LEN(placeholders); i++)
		fprintf(out, "\n        {%s}%*s%s", placeholders[i].name,
		        (int)(12 - strlen(placeholders[i].name)), "", placeholders[i].help);
}
