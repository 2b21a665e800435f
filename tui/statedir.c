/* statedir.c - where the shared-server build keeps its database. Compiled
 * twice: plainly into ./muster (none: --db, MUSTER_DB and the config say
 * where), and by `make install-system` with MUSTER_STATEDIR set, into the
 * binary installed setgid (contrib/DEPLOY.md). A file of its own so that
 * choosing another folder rebuilds one object, not muster. */
#include "system.h"

const char *system_statedir(void)
{
#ifdef MUSTER_STATEDIR
	return MUSTER_STATEDIR;
#else
	return NULL;
#endif
}
