/* form.c - one generic form for every entity, built from its field table:
 * a label, an ncurses form field and a note (the chosen row's name, or the
 * field's help) per line, the core's message under them. Save sends what
 * was typed to record_add / record_set exactly as the command line would,
 * so the rules and their messages are the core's. */
#define _XOPEN_SOURCE 700
#include "form.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "picker.h"
#include "text.h"
#include "ui.h"

#define TEXT_MAX 1024

struct fentry {
	int fi; /* index into ent->fields */
	FIELD *field;
	char text[TEXT_MAX];
	char initial[TEXT_MAX];
	char note[160];
};

struct fstate {
	struct form_spec spec;
	struct view *self;
	char tz[64];
	struct fentry e[ENTITY_MAX_FIELDS];
	int n, cur;
	FIELD *fields[ENTITY_MAX_FIELDS + 1];
	FORM *form;
	WINDOW *sub;
	int label_w, field_w, top;
	char msg[1024];
	bool msg_error;
	char reason[512];
};

static const enum action form_actions[] = {ACT_SAVE,       ACT_PICK,   ACT_NEXT_FIELD,
                                           ACT_PREV_FIELD, ACT_CANCEL, ACT_NONE};

static const struct field_def *fdef(const struct fstate *s, int i)
{
	return &s->spec.ent->fields[s->e[i].fi];
}

/* ---- notes: the name of the row a reference points at ------------------ */

static void ref_note(struct tui *t, struct fstate *s, int i)
{
	const struct field_def *f = fdef(s, i);
	struct fentry *en = &s->e[i];
	en->note[0] = '\0';
	if (f->type != FT_REF || !en->text[0])
		return;
	char *end;
	long long id = strtoll(en->text, &end, 10);
	if (*end || id <= 0) {
		snprintf(en->note, sizeof en->note, "? not an id (Enter chooses)");
		return;
	}
	const struct entity_def *to = entity_find(f->ref);
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, to, id, &r, &e) < 0) {
		snprintf(en->note, sizeof en->note, "? no %s %lld", to->name, id);
		return;
	}
	const char *label = to->label ? record_text(&r, to->label) : NULL;
	if (label)
		snprintf(en->note, sizeof en->note, "%s", label);
	else
		record_describe(&r, en->note, sizeof en->note);
	record_free(&r);
}

/* ---- building the form (again after a resize) ---------------------------- */

static void sync_texts(struct fstate *s)
{
	if (!s->form)
		return;
	form_driver_w(s->form, KEY_CODE_YES, REQ_VALIDATION);
	for (int i = 0; i < s->n; i++)
		textfield_text(s->e[i].field, s->e[i].text, sizeof s->e[i].text);
	s->cur = field_index(current_field(s->form));
}

static void unbuild(struct fstate *s)
{
	if (!s->form)
		return;
	sync_texts(s);
	unpost_form(s->form);
	free_form(s->form);
	for (int i = 0; i < s->n; i++)
		free_field(s->e[i].field);
	delwin(s->sub);
	s->form = NULL;
}

static void mark_current(struct tui *t, struct fstate *s)
{
	FIELD *cur = current_field(s->form);
	for (int i = 0; i < s->n; i++)
		set_field_back(
		    s->e[i].field,
		    theme_attr(&t->theme, s->e[i].field == cur ? UI_FIELD_ACTIVE : UI_FIELD));
}

/* Short fields for ids, numbers, choices and times (a note follows ids),
 * the whole width for text. */
static int field_width(const struct fstate *s, int i)
{
	static const int widths[] = {[FT_REF] = 8,   [FT_INT] = 10,  [FT_BOOL] = 6, [FT_ENUM] = 18,
	                             [FT_TIME] = 18, [FT_DATE] = 12, [FT_TZ] = 32};
	enum field_type ty = fdef(s, i)->type;
	int w = ty < (int)ARRAY_LEN(widths) && widths[ty] ? widths[ty] : 0;
	return w && w < s->field_w ? w : s->field_w;
}

static void form_layout(struct view *v, struct tui *t)
{
	struct fstate *s = v->st;
	unbuild(s);
	int w = COLS - 2 < 78 ? COLS - 2 : 78;
	int h = s->n + 8;
	if (h > LINES - 1)
		h = LINES - 1;
	if (v->win)
		delwin(v->win);
	v->win = newwin(h, w, (LINES - 1 - h) / 2, (COLS - w) / 2);
	s->label_w = 15;
	s->field_w = w - 4 - s->label_w - 1; /* the widest a field gets */
	s->top = 2;
	int rows = h - 7 < s->n ? h - 7 : s->n; /* fields that fit */
	if (rows < 1)
		rows = 1;
	for (int i = 0; i < s->n; i++) {
		/* fields past the window go on later form pages */
		int row = i % rows;
		s->e[i].field = new_field(1, field_width(s, i), row, 0, 0, 0);
		FIELD *f = s->e[i].field;
		field_opts_off(f, O_STATIC | O_AUTOSKIP | O_BLANK);
		set_max_field(f, TEXT_MAX - 1);
		set_field_buffer(f, 0, s->e[i].text);
		if (i > 0 && row == 0)
			set_new_page(f, TRUE);
		s->fields[i] = f;
	}
	s->fields[s->n] = NULL;
	s->form = new_form(s->fields);
	s->sub = derwin(v->win, rows, s->field_w, s->top, 2 + s->label_w + 1);
	set_form_win(s->form, v->win);
	set_form_sub(s->form, s->sub);
	post_form(s->form);
	if (s->cur > 0 && s->cur < s->n)
		set_current_field(s->form, s->e[s->cur].field);
	form_driver_w(s->form, KEY_CODE_YES, REQ_END_LINE);
	mark_current(t, s);
	v->cursor_win = s->sub;
}

static void type_hint(const struct fstate *s, const struct field_def *f, char *buf, size_t n)
{
	switch (f->type) {
	case FT_TIME:
		snprintf(buf, n, "YYYY-MM-DD HH:MM%s%s", s->tz[0] ? " in " : "",
		         s->tz[0] ? s->tz : " (event's zone)");
		break;
	case FT_DATE:
		snprintf(buf, n, "YYYY-MM-DD");
		break;
	case FT_REF:
		snprintf(buf, n, "%s id; Enter chooses from a list", f->ref);
		break;
	case FT_ENUM:
	case FT_BOOL:
		snprintf(buf, n, "Enter chooses");
		break;
	case FT_TZ:
		snprintf(buf, n, "e.g. Europe/Berlin, America/Chicago");
		break;
	default:
		snprintf(buf, n, "%s", entity_type_name(f->type));
	}
}

static void form_draw(struct view *v, struct tui *t)
{
	struct fstate *s = v->st;
	attr_t a = theme_attr(&t->theme, UI_DIALOG);
	int h = getmaxy(v->win), w = getmaxx(v->win);
	wbkgdset(v->win, a | ' ');
	char title[200];
	snprintf(title, sizeof title, "%s %s", s->spec.id ? "Edit" : "New", s->spec.ent->name);
	for (char *p = title; *p; p++)
		if (*p == '_')
			*p = ' '; /* "New person skill" */
	if (s->spec.id)
		snprintf(title + strlen(title), sizeof title - strlen(title), " %" PRId64,
		         s->spec.id);
	ui_frame(v->win, title, a, theme_attr(&t->theme, UI_DIALOG_TITLE));
	int cur = field_index(current_field(s->form));
	int rows = getmaxy(s->sub), page = cur / rows;
	int fields_x = 2 + s->label_w + 1;
	ui_fill(v->win, 1, 1, w - 2, a);
	for (int r = 0; r < rows; r++) {
		int i = page * rows + r;
		int y = s->top + r;
		if (i >= s->n) {
			ui_fill(v->win, y, 1, w - 2, a);
			continue;
		}
		const struct field_def *f = fdef(s, i);
		char label[64];
		snprintf(label, sizeof label, "%s%s", f->name, (f->flags & F_REQUIRED) ? "*" : "");
		ui_fill(v->win, y, 1, 1, a);
		ui_text_right(v->win, y, 2, s->label_w, label,
		              theme_attr(&t->theme, UI_LABEL) | (i == cur ? A_BOLD : 0));
		ui_fill(v->win, y, 2 + s->label_w, 1, a);
		int note_x = fields_x + field_width(s, i) + 1;
		if (note_x < w - 1) {
			ui_fill(v->win, y, note_x - 1, 1, a);
			ui_text(v->win, y, note_x, w - note_x - 1, s->e[i].note, a);
		}
	}
	int y = s->top + rows;
	ui_fill(v->win, y, 1, w - 2, a);
	/* help for the current field */
	const struct field_def *f = fdef(s, cur);
	char help[512], hint[160], about[256];
	type_hint(s, f, hint, sizeof hint);
	entity_field_help(f, about, sizeof about);
	snprintf(help, sizeof help, "%s: %s (%s)", f->name, about, hint);
	ui_text(v->win, y + 1, 2, w - 4, help, theme_attr(&t->theme, UI_DIALOG_TITLE));
	/* the core's message */
	int msg_lines = h - (y + 2) - 2;
	for (int i = 0; i < msg_lines; i++)
		ui_fill(v->win, y + 2 + i, 1, w - 2, a);
	if (s->msg[0])
		ui_wrap(v->win, y + 2, 2, w - 4, msg_lines, s->msg,
		        theme_attr(&t->theme, s->msg_error ? UI_ERROR : UI_OK));
	char keys[200];
	char save[32], pick[32];
	keymap_label(&t->keys, ACT_SAVE, save, sizeof save, false);
	keymap_label(&t->keys, ACT_PICK, pick, sizeof pick, true);
	snprintf(keys, sizeof keys, "%s save  Tab next  %s choose  Esc cancel%s", save, pick,
	         s->n > rows ? "  (more fields: Tab)" : "");
	ui_text(v->win, h - 2, 2, w - 4, keys, a);
	pos_form_cursor(s->form);
}

/* ---- saving --------------------------------------------------------------- */

static int focus_named(struct tui *t, struct fstate *s, const char *msg)
{
	for (int i = 0; i < s->n; i++) {
		const char *name = fdef(s, i)->name;
		size_t len = strlen(name);
		if (strncmp(msg, name, len) == 0 && (msg[len] == ':' || msg[len] == ' ')) {
			set_current_field(s->form, s->e[i].field);
			mark_current(t, s);
			return 1;
		}
	}
	return 0;
}

static int try_save(struct tui *t, struct fstate *s, const char *reason);

static int override_reason(struct tui *t, void *arg, const char *text)
{
	struct fstate *s = arg;
	if (!text[0]) {
		snprintf(s->msg, sizeof s->msg, "Not saved: an override needs a reason.");
		s->msg_error = true;
		return R_REDRAW;
	}
	snprintf(s->reason, sizeof s->reason, "%s", text);
	return try_save(t, s, s->reason);
}

static int try_save(struct tui *t, struct fstate *s, const char *reason)
{
	struct field_assign fa[ENTITY_MAX_FIELDS + 1];
	size_t n = 0;
	sync_texts(s);
	for (int i = 0; i < s->n; i++) {
		bool changed = strcmp(s->e[i].text, s->e[i].initial) != 0;
		if (s->spec.id ? !changed : !s->e[i].text[0])
			continue;
		fa[n].name = fdef(s, i)->name;
		fa[n++].value = s->e[i].text;
	}
	char event[32];
	bool hidden_event = s->spec.event && entity_field_index(s->spec.ent, "event") >= 0 &&
	                    strcmp(s->spec.ent->name, "event") != 0;
	if (hidden_event && !s->spec.id) {
		snprintf(event, sizeof event, "%" PRId64, s->spec.event);
		fa[n].name = "event";
		fa[n++].value = event;
	}
	if (s->spec.id && n == 0) {
		tui_info(t, "Nothing changed.");
		tui_close(t, s->self);
		return R_REDRAW;
	}
	struct err e = {0};
	int64_t id = s->spec.id;
	t->ctx->override_reason = reason;
	int rc = s->spec.id ? record_set(t->ctx, s->spec.ent, s->spec.id, fa, n, &e)
	                    : record_add(t->ctx, s->spec.ent, fa, n, &id, &e);
	t->ctx->override_reason = NULL;
	if (rc < 0) {
		snprintf(s->msg, sizeof s->msg, "%s", e.msg);
		s->msg_error = true;
		focus_named(t, s, e.msg);
		if (e.code == ERR_SOFT && !reason) {
			char q[1200];
			snprintf(q, sizeof q,
			         "%s\n\nThis rule may be overridden. Type a reason to save anyway "
			         "(it goes to the audit log), or Esc to go back.",
			         e.msg);
			dialog_prompt(t, "Override a soft rule", q, "Reason: ", "", override_reason,
			              s, NULL);
		}
		return R_REDRAW | R_RELOAD;
	}
	int r = R_REDRAW | R_RELOAD;
	char what[200];
	snprintf(what, sizeof what, "%s %s %" PRId64 "%s%s", s->spec.id ? "Saved" : "Added",
	         s->spec.ent->name, id, reason ? " (override: " : "", reason ? reason : "");
	tui_info(t, "%s%s", what, reason ? ")" : "");
	if (s->spec.saved)
		r |= s->spec.saved(t, s->spec.arg, id);
	tui_close(t, s->self);
	return r & ~R_POP;
}

/* ---- choosing -------------------------------------------------------------- */

struct pick_ctx {
	struct fstate *s;
	int i;
};

static int picked(struct tui *t, void *arg, int64_t id, const char *label)
{
	struct pick_ctx *pc = arg; /* freed by the picker */
	struct fstate *s = pc->s;
	int i = pc->i;
	const struct field_def *f = fdef(s, i);
	char text[64];
	if (f->type == FT_REF)
		snprintf(text, sizeof text, "%" PRId64, id);
	else
		snprintf(text, sizeof text, "%s", label);
	set_field_buffer(s->e[i].field, 0, text);
	snprintf(s->e[i].text, sizeof s->e[i].text, "%s", text);
	ref_note(t, s, i);
	form_driver_w(s->form, KEY_CODE_YES, REQ_END_LINE);
	return R_REDRAW;
}

static int64_t form_event(struct fstate *s)
{
	if (s->spec.event)
		return s->spec.event;
	for (int i = 0; i < s->n; i++)
		if (strcmp(fdef(s, i)->name, "event") == 0)
			return strtoll(s->e[i].text, NULL, 10);
	return 0;
}

static int pick(struct tui *t, struct fstate *s)
{
	sync_texts(s);
	int i = field_index(current_field(s->form));
	const struct field_def *f = fdef(s, i);
	static const char *const yesno[] = {"yes", "no", NULL};
	struct pick_ctx *pc = xmalloc(sizeof *pc);
	pc->s = s;
	pc->i = i;
	char title[96];
	snprintf(title, sizeof title, "%s", f->name);
	if (f->type == FT_ENUM)
		picker_values(t, title, f->values, picked, pc, free);
	else if (f->type == FT_BOOL)
		picker_values(t, title, yesno, picked, pc, free);
	else if (f->type == FT_REF && picker_has(f->ref))
		picker_entity(t, f->ref, form_event(s), picked, pc, free);
	else {
		free(pc);
		form_driver_w(s->form, KEY_CODE_YES, REQ_NEXT_FIELD);
		form_driver_w(s->form, KEY_CODE_YES, REQ_END_LINE);
		mark_current(t, s);
	}
	return R_REDRAW;
}

/* Has any field been changed since the form opened? */
static bool form_changed(struct fstate *s)
{
	sync_texts(s);
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->e[i].text, s->e[i].initial) != 0)
			return true;
	return false;
}

static int discard_yes(struct tui *t, void *arg)
{
	struct fstate *s = arg;
	tui_info(t, "Changes discarded.");
	tui_close(t, s->self);
	return R_REDRAW;
}

/* Esc: close at once when nothing changed, else ask first. */
static int form_cancel(struct tui *t, struct fstate *s)
{
	if (!form_changed(s))
		return R_POP;
	char q[300];
	if (s->spec.id)
		snprintf(q, sizeof q,
		         "Discard your changes to %s %" PRId64 "? y discards them, n or Esc goes "
		         "back to the form.",
		         s->spec.ent->name, s->spec.id);
	else
		snprintf(q, sizeof q,
		         "Discard this new %s? y discards it, n or Esc goes back to the form.",
		         s->spec.ent->name);
	dialog_confirm(t, "Discard changes?", q, discard_yes, s, NULL);
	return R_REDRAW;
}

static int form_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct fstate *s = v->st;
	int before = field_index(current_field(s->form));
	switch (a) {
	case ACT_SAVE:
		return try_save(t, s, NULL);
	case ACT_CANCEL:
		return form_cancel(t, s);
	case ACT_PICK:
		return pick(t, s);
	case ACT_NEXT_FIELD:
	case ACT_PREV_FIELD:
		form_driver_w(s->form, KEY_CODE_YES,
		              a == ACT_NEXT_FIELD ? REQ_NEXT_FIELD : REQ_PREV_FIELD);
		form_driver_w(s->form, KEY_CODE_YES, REQ_END_LINE);
		break;
	default:
		textfield_key(s->form, k);
		break;
	}
	if (field_index(current_field(s->form)) != before) {
		textfield_text(s->e[before].field, s->e[before].text, sizeof s->e[before].text);
		ref_note(t, s, before);
		mark_current(t, s);
	}
	return R_REDRAW;
}

static void form_leave(struct view *v, struct tui *t)
{
	struct fstate *s = v->st;
	unbuild(s);
	if (s->spec.free_arg)
		s->spec.free_arg(s->spec.arg);
	free(s);
}

static const struct screen form_screen = {
    .name = "form",
    .actions = form_actions,
    .overlay = true,
    .typing = true,
    .draw = form_draw,
    .key = form_key,
    .layout = form_layout,
    .leave = form_leave,
};

static bool shown(const struct form_spec *spec, const struct field_def *f)
{
	if (f->flags & (F_AUTO | F_SECRET))
		return false;
	/* the event in view is implied */
	return !(spec->event && strcmp(f->name, "event") == 0 &&
	         strcmp(spec->ent->name, "event") != 0);
}

/* Fill texts from the stored row (edit) or presets and defaults (add). */
static int fill(struct tui *t, struct fstate *s, struct err *e)
{
	struct record r;
	bool have = false;
	if (s->spec.id) {
		if (record_get(t->ctx, s->spec.ent, s->spec.id, &r, e) < 0)
			return -1;
		have = true;
		snprintf(s->tz, sizeof s->tz, "%s", r.tz);
	} else if (s->spec.event) {
		entity_tz_of(t->ctx, entity_find("event"), s->spec.event, s->tz, sizeof s->tz, e);
	}
	for (size_t i = 0; i < s->spec.ent->nfields; i++) {
		const struct field_def *f = &s->spec.ent->fields[i];
		if (!shown(&s->spec, f))
			continue;
		struct fentry *en = &s->e[s->n];
		en->fi = (int)i;
		char raw[TEXT_MAX] = "";
		if (have) {
			record_format_field(&r, i, raw, sizeof raw);
		} else {
			for (int p = 0; p < s->spec.npreset; p++)
				if (strcmp(s->spec.preset[p].name, f->name) == 0)
					snprintf(raw, sizeof raw, "%s", s->spec.preset[p].value);
			if (!raw[0] && f->def && f->type != FT_TIME)
				snprintf(raw, sizeof raw, "%s",
				         f->type == FT_BOOL ? (strcmp(f->def, "0") ? "yes" : "no")
				                            : f->def);
		}
		if (f->type == FT_BOOL && have && raw[0])
			snprintf(raw, sizeof raw, "%s", strcmp(raw, "0") ? "yes" : "no");
		text_sanitize(raw, en->text, sizeof en->text);
		memcpy(en->initial, en->text, sizeof en->initial);
		s->n++;
	}
	if (have)
		record_free(&r);
	for (int i = 0; i < s->n; i++)
		ref_note(t, s, i);
	return 0;
}

void form_preset(struct form_spec *spec, const char *name, const char *fmt, ...)
{
	if (spec->npreset >= FORM_MAX_PRESET)
		return;
	snprintf(spec->preset[spec->npreset].name, sizeof spec->preset[0].name, "%s", name);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(spec->preset[spec->npreset].value, sizeof spec->preset[0].value, fmt, ap);
	va_end(ap);
	spec->npreset++;
}

void form_open(struct tui *t, const struct form_spec *spec)
{
	struct fstate *s = xcalloc(1, sizeof *s);
	s->spec = *spec;
	struct err e = {0};
	if (fill(t, s, &e) < 0 || s->n == 0) {
		if (e.msg[0])
			tui_error(t, &e);
		if (spec->free_arg)
			spec->free_arg(spec->arg);
		free(s);
		return;
	}
	s->self = tui_push(t, &form_screen, s, NULL);
}
