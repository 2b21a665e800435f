/* kiosk_entry.c - until the volunteer kiosk lands: say it is not here yet.
 * The kiosk's own files replace this one. */
#include "screen.h"

int screen_run_kiosk(struct app *a, struct err *e)
{
	(void)a;
	return err_set(e, ERR_USAGE, "kiosk: not available in this build yet");
}
