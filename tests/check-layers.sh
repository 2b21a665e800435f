#!/bin/sh
# check-layers.sh - fail on any #include that crosses muster's layers:
# tui -> core -> db -> SQLite.
cd "$(dirname "$0")/.." || exit 2
bad=0
report() { echo "layer violation: $1"; bad=1; }

for f in $(grep -lE '#include *[<"]sqlite3\.h' tui core 2>/dev/null -r --include='*.[ch]'); do
	report "$f includes sqlite3.h (only db/ may)"
done
for f in $(grep -lE '#include *[<"](n?curses|ncursesw/|form|menu|panel|term)[^>"]*\.h' -r core db --include='*.[ch]' 2>/dev/null); do
	report "$f includes curses (only tui/ may)"
done
for f in $(grep -lE '#include *<jansson\.h>' -r core db tui --include='*.[ch]' 2>/dev/null); do
	[ "$f" = core/subject_access.c ] || report "$f includes jansson.h (only core/subject_access.c may)"
done
for f in $(grep -lE '#include *"(\.\./)?tui/' -r core db --include='*.[ch]' 2>/dev/null); do
	report "$f includes a tui/ header"
done
grep -nE '#include *"\.\./core/' -r db --include='*.[ch]' 2>/dev/null |
	grep -vE '"\.\./core/(err|xmalloc|array|strbuf|utf8)\.h"' | while IFS= read -r line; do
	echo "layer violation: $line (db/ may include from core/ only the leaf headers err.h, xmalloc.h, array.h, strbuf.h, utf8.h)"
	echo x >>"${TMPDIR:-/tmp}/muster-layers.$$"
done
if [ -f "${TMPDIR:-/tmp}/muster-layers.$$" ]; then
	rm -f "${TMPDIR:-/tmp}/muster-layers.$$"
	bad=1
fi
# cairo, pango, zint and fontconfig (and the glib under pango) belong to
# the printed sheets: only core/print.c and core/print_*.[ch] include them
# or the header that carries them.
for f in $(grep -lE '#include *[<"](cairo|pango/|zint\.h|fontconfig/|glib|harfbuzz|hb\.h|[^">]*print_sheet\.h)' -r tui core db --include='*.[ch]' 2>/dev/null); do
	case "$f" in
	core/print.c | core/print_*.[ch]) ;;
	*) report "$f includes cairo, pango, zint, fontconfig or print_sheet.h (only core/print*.c may)" ;;
	esac
done
# GMime belongs to the messages of mail: only core/mail.c and
# core/mail_*.[ch] include it, and glib only through it (the rule above).
for f in $(grep -lE '#include *[<"]gmime/' -r tui core db --include='*.[ch]' 2>/dev/null); do
	case "$f" in
	core/mail.c | core/mail_*.[ch]) ;;
	*) report "$f includes gmime (only core/mail*.c may)" ;;
	esac
done
for f in $(grep -lE '\b(printf|puts|exit) *\(' -r core db --include='*.c' 2>/dev/null); do
	if grep -nE '(^|[^a-z_])(printf|puts|exit) *\(' "$f" | grep -vE 'snprintf|vsnprintf|fprintf\(out|fputs\(' | grep -q .; then
		report "$f prints or exits (only tui/ may)"
	fi
done
[ $bad -eq 0 ] && echo "layers: clean"
exit $bad
