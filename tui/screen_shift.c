#include "tui.h"
void screen_shift_open(struct tui *t, int64_t shift)
{
}
void screen_assign_open(struct tui *t, int64_t shift)
{
}
