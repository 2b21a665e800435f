/* cmd.c - what the command files (cmd_*.c) share: an entity named on the
 * command line, the common options (--format, --event, --force --reason),
 * the wording of a refused write, and a row's label for the lines printed. */
#include <stdio.h>
#include <string.h>

#include "../core/suggest.h"
#include "cmd.h"
#include "text.h"

int cmd_entity(const char *name, const struct entity_def **out, struct err *e)
{
	*out = entity_find(name);
	if (*out)
		return 0;
	const char *names[64];
	size_t n = 0;
	for (size_t i = 0; entity_at(i) && n + 2 <= 64; i++) {
		names[n++] = entity_at(i)->name;
		names[n++] = entity_at(i)->plural;
	}
	const char *near = suggest_closest(name, names, n);
	if (near)
		return err_set(e, ERR_USAGE, "unknown entity %s; did you mean %s?", name, near);
	return err_set(e, ERR_USAGE, "unknown entity %s (see muster --help)", name);
}

int cmd_format(const struct args *args, enum out_format *fmt, struct err *e)
{
	const char *f = args_get(args, "format");
	*fmt = OUT_TABLE;
	return f ? output_format_parse(f, fmt, e) : 0;
}

int cmd_event_opt(const struct args *args, int64_t *event, struct err *e)
{
	const char *ev = args_get(args, "event");
	*event = 0;
	return ev ? args_id(ev, "--event", event, e) : 0;
}

int cmd_override(struct app *a, const struct args *args, struct err *e)
{
	const char *reason = args_get(args, "reason");
	bool force = args_has(args, "force");
	a->ctx.override_reason = NULL;
	if (force && (!reason || !reason[0]))
		return err_set(e, ERR_USAGE,
		               "--force needs --reason TEXT (it goes to the audit log)");
	if (reason && !force)
		return err_set(e, ERR_USAGE, "--reason goes with --force");
	a->ctx.override_reason = reason;
	return 0;
}

/* Text from the database (names in messages) made safe for a terminal. */
void cmd_clean_err(struct err *e)
{
	char raw[sizeof e->msg];
	snprintf(raw, sizeof raw, "%s", e->msg);
	text_sanitize(raw, e->msg, sizeof e->msg);
}

void cmd_explain(struct err *e)
{
	if (e->code == ERR_SOFT) {
		size_t n = strlen(e->msg);
		snprintf(e->msg + n, sizeof e->msg - n, "%s",
		         " (a coordinator may override with --force --reason TEXT)");
	}
	cmd_clean_err(e);
}

int cmd_refused(struct err *e, const char *what)
{
	if (e->code != ERR_NOT_FOUND && e->code != ERR_USAGE)
		err_prefix(e, "%s", what);
	cmd_explain(e);
	return -1;
}

int cmd_label(struct app *a, const char *entity, int64_t id, char *buf, size_t n, struct err *e)
{
	struct record r;
	const struct entity_def *ent = entity_find(entity);
	char raw[512];
	if (record_get(&a->ctx, ent, id, &r, e) < 0)
		return -1;
	snprintf(raw, sizeof raw, "%s",
	         record_text(&r, ent->label) ? record_text(&r, ent->label) : "");
	text_sanitize(raw, buf, n);
	record_free(&r);
	return 0;
}
