/* err.c - filling and prefixing struct err. */
#include "err.h"

#include "array.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	if (!e)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->code = code;
	return -1;
}

void err_prefix(struct err *e, const char *fmt, ...)
{
	if (!e)
		return;
	char head[512], old[sizeof e->msg];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(head, sizeof head, fmt, ap);
	va_end(ap);
	memcpy(old, e->msg, sizeof old);
	snprintf(e->msg, sizeof e->msg, "%s: %s", head, old);
}

void err_clear(struct err *e)
{
	if (!e)
		return;
	e->code = ERR_NONE;
	e->msg[0] = '\0';
}

int err_exit_status(enum err_code code)
{
	static const int status[] = {
	    [ERR_NONE] = 0,  [ERR_REFUSED] = 1, [ERR_SOFT] = 1,   [ERR_NOT_FOUND] = 1,
	    [ERR_USAGE] = 2, [ERR_INPUT] = 2,   [ERR_CONFIG] = 2, [ERR_DB] = 3,
	};
	if ((unsigned)code >= ARRAY_LEN(status))
		return 1;
	return status[code];
}
