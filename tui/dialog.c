/* dialog.c - message, confirm and prompt overlays. Each has its own window,
 * laid out again on resize; the loop draws them over the screen below. */
#include "dialog.h"

#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "../core/strbuf.h"
#include "../core/xmalloc.h"
#include "text.h"
#include "textfield.h"
#include "ui.h"

/* A centred window of h lines and w columns (shrunk to the terminal). */
static WINDOW *centred(WINDOW *old, int h, int w)
{
	if (old)
		delwin(old);
	if (w > COLS)
		w = COLS;
	if (h > LINES)
		h = LINES;
	return newwin(h, w, (LINES - h) / 2, (COLS - w) / 2);
}

/* ---- message ------------------------------------------------------------ */

struct message {
	char title[160];
	char *text;
	bool wrap; /* wrap long lines (messages), or pan sideways over them (tables) */
	char **lines;
	int n, top;
	int left, widest; /* panning: the first column shown, the widest line */
};

static const enum action message_actions[] = {ACT_DOWN,   ACT_UP,   ACT_PGDN, ACT_PGUP,
                                              ACT_HOME,   ACT_END,  ACT_LEFT, ACT_RIGHT,
                                              ACT_CANCEL, ACT_BACK, ACT_OPEN, ACT_NONE};

static int message_rows(const struct view *v)
{
	return getmaxy(v->win) - 3;
}

static void add_line(struct message *m, const char *s, size_t len)
{
	m->lines = xrealloc(m->lines, (size_t)(m->n + 1) * sizeof *m->lines);
	m->lines[m->n++] = xstrndup(s, len);
}

/* Split the text into lines: at newlines, and at the width when wrapping. */
/* Where the words of a "  KEYS   what it does" line start (after the
 * first run of two or more spaces past the indent), 0 for other lines. */
static size_t hanging(const char *line)
{
	const char *p = line;
	if (strncmp(p, "  ", 2) != 0)
		return 0;
	p = strstr(p + strspn(p, " "), "  "); /* the keys end at two spaces */
	if (!p)
		return 0;
	p += strspn(p, " ");
	return *p ? (size_t)(p - line) : 0;
}

static void split(struct message *m, int width)
{
	for (int i = 0; i < m->n; i++)
		free(m->lines[i]);
	m->n = 0;
	m->widest = 0;
	const char *p = m->text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *one = xstrndup(p, len);
		char part[4096];
		int k = 0, more;
		if (!m->wrap || len == 0) {
			char clean[4096];
			text_sanitize(one, clean, sizeof clean);
			add_line(m, clean, strlen(clean));
			int lw = text_width(clean);
			m->widest = lw > m->widest ? lw : m->widest;
		} else {
			/* "  KEYS   what it does": the words wrap under the words */
			size_t hang = hanging(one);
			int rest = width - (int)hang;
			if (hang == 0 || rest < 20) {
				hang = 0;
				rest = width;
			}
			while ((more = ui_wrap_line(one + hang, rest, k, part, sizeof part)) > 0) {
				char *line = xmalloc(hang + strlen(part) + 1);
				memcpy(line, k == 0 ? one : "", k == 0 ? hang : 0);
				memset(line, ' ', k == 0 ? 0 : hang);
				memcpy(line + hang, part, strlen(part) + 1);
				add_line(m, line, strlen(line));
				free(line);
				k++;
			}
		}
		free(one);
		p += len + (nl ? 1 : 0);
	}
	if (m->n == 0)
		add_line(m, "(nothing)", 9);
}

/* Panning stops where the widest line's end shows. */
static void clamp_left(struct message *m, int width)
{
	int most = m->widest - width > 0 ? m->widest - width : 0;
	m->left = m->left > most ? most : m->left < 0 ? 0 : m->left;
}

/* A key of action a as the footer names it: its first letter key ("j"),
 * else its first key ("PgDn"). */
static void short_key(const struct tui *t, enum action a, char *buf, size_t n)
{
	const struct keymap *km = &t->keys;
	for (int i = 0; i < km->nkeys[a]; i++) {
		const struct key *k = &km->keys[a][i];
		if (!k->fn && k->ch > ' ' && k->ch < 127)
			return (void)snprintf(buf, n, "%c", (char)k->ch);
	}
	keymap_label(km, a, buf, n, true);
}

/* "lines 1-19 of 247 · j/k PgDn/PgUp scroll · h/l pan · g/G · q closes",
 * the keys from the key table; only what applies. */
static void message_footer(const struct tui *t, const struct message *m, int rows, int width,
                           char *buf, size_t n)
{
	static const enum action shown[] = {ACT_DOWN,  ACT_UP,   ACT_PGDN, ACT_PGUP, ACT_LEFT,
	                                    ACT_RIGHT, ACT_HOME, ACT_END,  ACT_BACK};
	char k[ARRAY_LEN(shown)][16];
	for (size_t i = 0; i < ARRAY_LEN(shown); i++)
		short_key(t, shown[i], k[i], sizeof k[i]);
	bool pans = !m->wrap && m->widest > width, scrolls = m->n > rows;
	struct strbuf sb = {0};
	if (scrolls)
		strbuf_addf(&sb, "lines %d-%d of %d \xc2\xb7 %s/%s %s/%s scroll \xc2\xb7 ",
		            m->top + 1, m->top + rows < m->n ? m->top + rows : m->n, m->n, k[0],
		            k[1], k[2], k[3]);
	if (pans)
		strbuf_addf(&sb, "%s/%s pan \xc2\xb7 ", k[4], k[5]);
	if (scrolls)
		strbuf_addf(&sb, "%s/%s \xc2\xb7 ", k[6], k[7]);
	strbuf_addf(&sb, "%s closes", k[8]);
	snprintf(buf, n, "%s", sb.s);
	strbuf_free(&sb);
}

static void message_layout(struct view *v, struct tui *t)
{
	struct message *m = v->st;
	int w = 0;
	for (const char *p = m->text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *one = xstrndup(p, len), clean[4096];
		text_sanitize(one, clean, sizeof clean);
		free(one);
		int lw = text_width(clean);
		w = lw > w ? lw : w;
		p += len + (nl ? 1 : 0);
	}
	w = w + 4 < 40 ? 40 : w + 4;
	if (w > COLS - 2)
		w = COLS - 2;
	split(m, w - 4);
	clamp_left(m, w - 4);
	if (m->top > m->n - 1)
		m->top = m->n > 0 ? m->n - 1 : 0;
	v->win = centred(v->win, m->n + 3 < LINES - 2 ? m->n + 3 : LINES - 2, w);
}

static void message_draw(struct view *v, struct tui *t)
{
	struct message *m = v->st;
	attr_t a = theme_attr(&t->theme, UI_DIALOG);
	int h = getmaxy(v->win), w = getmaxx(v->win), rows = message_rows(v);
	wbkgdset(v->win, a | ' ');
	ui_frame(v->win, m->title, a, theme_attr(&t->theme, UI_DIALOG_TITLE));
	for (int i = 0; i < rows; i++) {
		int at = m->top + i, pad = 0;
		const char *line = at < m->n ? m->lines[at] : "";
		if (!m->wrap)
			line = text_skip(line, m->left, &pad);
		ui_fill(v->win, 1 + i, 2, pad, a);
		ui_text(v->win, 1 + i, 2 + pad, w - 4 - pad, line, a);
	}
	char foot[200];
	message_footer(t, m, rows, w - 4, foot, sizeof foot);
	ui_wrap(v->win, h - 2, 2, w - 4, 1, foot, theme_attr(&t->theme, UI_DIM) | a);
}

static int message_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct message *m = v->st;
	int rows = message_rows(v), last = m->n - rows > 0 ? m->n - rows : 0;
	switch (a) {
	case ACT_DOWN:
		m->top++;
		break;
	case ACT_UP:
		m->top--;
		break;
	case ACT_PGDN:
		m->top += rows;
		break;
	case ACT_PGUP:
		m->top -= rows;
		break;
	case ACT_HOME:
		m->top = 0;
		break;
	case ACT_END:
		m->top = last;
		break;
	case ACT_LEFT:
	case ACT_RIGHT:
		if (m->wrap)
			return R_NONE;
		m->left += (a == ACT_RIGHT ? 1 : -1) * (getmaxx(v->win) - 4) / 2;
		clamp_left(m, getmaxx(v->win) - 4);
		break;
	case ACT_CANCEL:
	case ACT_BACK:
	case ACT_OPEN:
		return R_POP;
	default:
		return -1;
	}
	m->top = m->top > last ? last : m->top < 0 ? 0 : m->top;
	return R_REDRAW;
}

static void message_leave(struct view *v, struct tui *t)
{
	struct message *m = v->st;
	for (int i = 0; i < m->n; i++)
		free(m->lines[i]);
	free(m->lines);
	free(m->text);
	free(m);
}

static const struct screen message_screen = {
    .name = "message",
    .actions = message_actions,
    .overlay = true,
    .draw = message_draw,
    .key = message_key,
    .layout = message_layout,
    .leave = message_leave,
};

void dialog_text(struct tui *t, const char *title, const char *text, bool wrap)
{
	struct message *m = xcalloc(1, sizeof *m);
	snprintf(m->title, sizeof m->title, "%s", title);
	m->text = xstrdup(text);
	m->wrap = wrap;
	tui_push(t, &message_screen, m, title);
}

void dialog_message(struct tui *t, const char *title, const char *text)
{
	dialog_text(t, title, text, true);
}

/* ---- confirm ------------------------------------------------------------- */

struct confirm {
	char title[160];
	char question[1024];
	dialog_yes_fn yes;
	void *arg;
	void (*free_arg)(void *);
};

static const enum action confirm_actions[] = {ACT_CANCEL, ACT_BACK, ACT_NONE};

static void confirm_layout(struct view *v, struct tui *t)
{
	struct confirm *c = v->st;
	int w = COLS - 4 < 64 ? COLS - 4 : 64;
	int lines = ui_wrap_count(w - 4, c->question);
	v->win = centred(v->win, lines + 5, w);
}

static void confirm_draw(struct view *v, struct tui *t)
{
	struct confirm *c = v->st;
	attr_t a = theme_attr(&t->theme, UI_DIALOG);
	int h = getmaxy(v->win), w = getmaxx(v->win);
	wbkgdset(v->win, a | ' ');
	werase(v->win);
	ui_frame(v->win, c->title, a, theme_attr(&t->theme, UI_DIALOG_TITLE));
	ui_wrap(v->win, 2, 2, w - 4, h - 4, c->question, a);
	ui_text(v->win, h - 2, 2, w - 4, "y: yes    n or Esc: no", a | A_BOLD);
}

static int confirm_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct confirm *c = v->st;
	if (!k->fn && (k->ch == 'y' || k->ch == 'Y')) {
		int r = c->yes(t, c->arg);
		tui_close(t, v);
		return (r & ~R_POP) | R_REDRAW;
	}
	if (a == ACT_CANCEL || a == ACT_BACK || (!k->fn && (k->ch == 'n' || k->ch == 'N')))
		return R_POP;
	return R_NONE;
}

static void confirm_leave(struct view *v, struct tui *t)
{
	struct confirm *c = v->st;
	if (c->free_arg)
		c->free_arg(c->arg);
	free(c);
}

static const struct screen confirm_screen = {
    .name = "confirm",
    .actions = confirm_actions,
    .overlay = true,
    .draw = confirm_draw,
    .key = confirm_key,
    .layout = confirm_layout,
    .leave = confirm_leave,
};

void dialog_confirm(struct tui *t, const char *title, const char *question, dialog_yes_fn yes,
                    void *arg, void (*free_arg)(void *))
{
	struct confirm *c = xcalloc(1, sizeof *c);
	snprintf(c->title, sizeof c->title, "%s", title);
	snprintf(c->question, sizeof c->question, "%s", question);
	c->yes = yes;
	c->arg = arg;
	c->free_arg = free_arg;
	tui_push(t, &confirm_screen, c, title);
}

/* ---- prompt -------------------------------------------------------------- */

struct prompt {
	char title[160];
	char question[1024];
	char label[32];
	char text[1024];
	FIELD *fields[2];
	FORM *form;
	WINDOW *sub;
	dialog_text_fn done;
	void *arg;
	void (*free_arg)(void *);
};

static const enum action prompt_actions[] = {ACT_OPEN, ACT_CANCEL, ACT_NONE};

static void prompt_unbuild(struct prompt *p)
{
	if (!p->form)
		return;
	form_driver_w(p->form, KEY_CODE_YES, REQ_VALIDATION);
	textfield_text(p->fields[0], p->text, sizeof p->text);
	unpost_form(p->form);
	free_form(p->form);
	free_field(p->fields[0]);
	delwin(p->sub);
	p->form = NULL;
}

static void prompt_layout(struct view *v, struct tui *t)
{
	struct prompt *p = v->st;
	prompt_unbuild(p);
	int lw = (int)strlen(p->label), fy, fx, fw;
	if (!p->title[0]) {
		if (v->win)
			delwin(v->win);
		v->win = newwin(1, COLS, LINES - 2, 0);
		fy = 0, fx = lw, fw = COLS - lw - 1;
	} else {
		int w = COLS - 4 < 70 ? COLS - 4 : 70;
		int lines = ui_wrap_count(w - 4, p->question);
		v->win = centred(v->win, lines + 6, w);
		fy = lines + 2, fx = 2 + lw, fw = w - 4 - lw;
	}
	p->fields[0] = new_field(1, fw > 1 ? fw : 1, 0, 0, 0, 0);
	p->fields[1] = NULL;
	field_opts_off(p->fields[0], O_STATIC | O_AUTOSKIP | O_BLANK);
	set_max_field(p->fields[0], (int)sizeof p->text - 1);
	set_field_back(p->fields[0], theme_attr(&t->theme, UI_FIELD));
	set_field_buffer(p->fields[0], 0, p->text);
	p->form = new_form(p->fields);
	p->sub = derwin(v->win, 1, fw > 1 ? fw : 1, fy, fx);
	set_form_win(p->form, v->win);
	set_form_sub(p->form, p->sub);
	post_form(p->form);
	textfield_end(p->form);
	v->cursor_win = p->sub;
}

static void prompt_draw(struct view *v, struct tui *t)
{
	struct prompt *p = v->st;
	attr_t a = theme_attr(&t->theme, p->title[0] ? UI_DIALOG : UI_STATUS);
	int h = getmaxy(v->win), w = getmaxx(v->win);
	if (!p->title[0]) {
		ui_text_tight(v->win, 0, 0, w, p->label, a | A_BOLD);
	} else {
		wbkgdset(v->win, a | ' ');
		ui_frame(v->win, p->title, a, theme_attr(&t->theme, UI_DIALOG_TITLE));
		int lines = ui_wrap(v->win, 1, 2, w - 4, h - 4, p->question, a);
		ui_text_tight(v->win, lines + 2, 2, w - 4, p->label, a | A_BOLD);
		ui_text(v->win, h - 2, 2, w - 4, "Enter: done    Esc: cancel", a);
	}
	pos_form_cursor(p->form);
}

static int prompt_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct prompt *p = v->st;
	if (a == ACT_CANCEL)
		return R_POP;
	if (a == ACT_OPEN) {
		form_driver_w(p->form, KEY_CODE_YES, REQ_VALIDATION);
		textfield_text(p->fields[0], p->text, sizeof p->text);
		int r = p->done(t, p->arg, p->text);
		tui_close(t, v);
		return (r & ~R_POP) | R_REDRAW;
	}
	textfield_key(p->form, k);
	return R_REDRAW;
}

static void prompt_leave(struct view *v, struct tui *t)
{
	struct prompt *p = v->st;
	prompt_unbuild(p);
	if (p->free_arg)
		p->free_arg(p->arg);
	free(p);
}

static const struct screen prompt_screen = {
    .name = "prompt",
    .actions = prompt_actions,
    .overlay = true,
    .typing = true,
    .draw = prompt_draw,
    .key = prompt_key,
    .layout = prompt_layout,
    .leave = prompt_leave,
};

void dialog_prompt(struct tui *t, const char *title, const char *question, const char *label,
                   const char *initial, dialog_text_fn done, void *arg, void (*free_arg)(void *))
{
	struct prompt *p = xcalloc(1, sizeof *p);
	snprintf(p->title, sizeof p->title, "%s", title ? title : "");
	snprintf(p->question, sizeof p->question, "%s", question ? question : "");
	snprintf(p->label, sizeof p->label, "%s", label ? label : "");
	snprintf(p->text, sizeof p->text, "%s", initial ? initial : "");
	p->done = done;
	p->arg = arg;
	p->free_arg = free_arg;
	tui_push(t, &prompt_screen, p, NULL);
}
