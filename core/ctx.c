/* ctx.c - who is acting, for the audit log; notices to the front end. */
#define _DEFAULT_SOURCE
#include "ctx.h"

#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

void ctx_default_actor(char *buf, size_t n)
{
	struct passwd *pw = getpwuid(getuid());
	if (pw && pw->pw_name && pw->pw_name[0])
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "uid:%ld", (long)getuid());
}

void ctx_notice(struct ctx *c, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	if (!c->notice)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	c->notice(c->notice_arg, line);
}
