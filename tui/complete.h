/* complete.h - muster --complete-dump: the tables shell completion is made
 * from at build time (contrib/completion/generate.sh), one fact a line,
 * fields separated by tabs:
 *   global NAME KIND [CHOICE...]     a global option (main.c's table)
 *   command NAME HELP                a command (the command table), or a mode
 *   word COMMAND WORD                what its first argument may be
 *   option COMMAND NAME KIND [CHOICE...]
 *   fields COMMAND N                 key=value words from its Nth argument on
 *   files COMMAND                    its other arguments name files
 *   entity NAME PLURAL               the entity table
 *   field ENTITY NAME [VALUE...]     a field typed as key=value, its values
 *   setting NAME                     a config section or section.key
 * KIND is flag (no value), value (free text or an id), file, dir, choice
 * (one of the CHOICEs) or settings (the setting names follow). */
#ifndef MUSTER_COMPLETE_H
#define MUSTER_COMPLETE_H

#include <stdio.h>

/* A global option: value is what its usage says it takes ("PATH", "TIME",
 * "SETTING..." for the words after it), NULL for a flag. */
void complete_global(FILE *out, const char *name, const char *value);
/* A word that starts a mode without being in the command table (kiosk). */
void complete_mode(FILE *out, const char *name, const char *help);
/* Everything the tables hold: commands, options, entities, settings. */
void complete_dump(FILE *out);

#endif
