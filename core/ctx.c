/* ctx.c - who is acting, for the audit log. */
#define _DEFAULT_SOURCE
#include "ctx.h"

#include <pwd.h>
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
