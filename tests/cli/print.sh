#!/bin/sh
# print.sh - `muster print` refusals and where files go: an unknown sheet,
# event, role, kind or day, options a sheet does not take, or nothing to
# print give one line and exit 1 or 2 with no file left behind; -o never
# writes through a symbolic link, replaces a regular file only with a whole
# PDF (mode 0600), writes a device in place, and "-" is standard output
# (never a terminal). The contents are read back in tests/interop/print.sh.
. "$(dirname "$0")/../lib.sh"

fx() { "$M" "$@" >/dev/null || echo "not ok - fixture: $*"; }
fx add event name="Print Day" starts="2027-05-01 08:00" ends="2027-05-02 18:00" \
	tz=America/New_York
fx add event name="Other Day" starts="2027-06-01 08:00" ends="2027-06-01 18:00" \
	tz=America/New_York
fx add event name="Empty Day" starts="2027-07-01 08:00" ends="2027-07-01 18:00" \
	tz=America/New_York
fx add role event=1 name=Greeter
fx add role event=2 name=Usher
fx add shift event=1 role=1 starts="2027-05-01 09:00" ends="2027-05-01 11:00"
fx add person name="Dana Reyes" email=dana@example.org
fx assign 1 1

# no_file NAME PATH: nothing at PATH, and no temporary file beside it
no_file() {
	left=$(ls -A "$(dirname "$2")" | grep -F "$(basename "$2")")
	if [ -e "$2" ] || [ -n "$left" ]; then
		t_fail "$1" "a file was left: $left"
	else
		t_ok "$1"
	fi
}
one_line() {
	if [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ]; then t_ok "$1"; else t_fail "$1" "$ERR"; fi
}

P="$T/out.pdf"
t_expect unknown-sheet 2 "$M" print rooster --event 1 -o "$P"
t_err_contains unknown-sheet-says "muster: print: no sheet \"rooster\"; did you mean roster?"
no_file unknown-sheet-no-file "$P"
t_expect no-event-option 2 "$M" print roster -o "$P"
t_err_contains no-event-says "muster: print roster: --event ID is required"
t_expect no-output 2 "$M" print roster --event 1
t_err_contains no-output-says "muster: print roster: -o FILE.pdf is required"
t_expect unknown-event 1 "$M" print roster --event 99 -o "$P"
t_err_contains unknown-event-says "muster: print roster: event 99: not found"
one_line unknown-event-one-line
no_file unknown-event-no-file "$P"
t_expect unknown-role 1 "$M" print roster --event 1 --role 9 -o "$P"
t_err_contains unknown-role-says "role 9: not found"
t_expect other-events-role 1 "$M" print roster --event 1 --role 2 -o "$P"
t_err_contains other-events-role-says "role 2 is not a role of event 1 (it belongs to event 2)"
no_file other-events-role-no-file "$P"
t_expect bad-day 2 "$M" print roster --event 1 --day 2027-13-01 -o "$P"
t_err_contains bad-day-says "--day"
t_expect day-outside 1 "$M" print roster --event 1 --day 2027-05-03 -o "$P"
t_err_contains day-outside-says "day 2027-05-03: event 1 runs Sat 1 May 2027 to Sun 2 May 2027"
no_file day-outside-no-file "$P"
t_expect day-without-shifts 1 "$M" print roster --event 1 --day 2027-05-02 -o "$P"
t_err_contains day-without-shifts-says "event 1 has no open shifts on Sun 2 May 2027 to print"
no_file day-without-shifts-no-file "$P"
t_expect bad-kind 2 "$M" print signin --event 1 --kind volunter -o "$P"
t_err_contains bad-kind-says "--kind \"volunter\": not a kind of registration; did you mean volunteer?"
t_expect day-on-signin 2 "$M" print signin --event 1 --day 2027-05-01 -o "$P"
t_err_contains day-on-signin-says "muster: print signin: --day goes with roster and coverage"
t_expect role-on-badges 2 "$M" print badges --event 1 --role 1 -o "$P"
t_expect kind-on-roster 2 "$M" print roster --event 1 --kind volunteer -o "$P"
t_expect bad-role-id 2 "$M" print roster --event 1 --role x -o "$P"

for sheet in roster signin badges coverage; do
	t_expect "empty-$sheet" 1 "$M" print $sheet --event 3 -o "$P"
	one_line "empty-$sheet-one-line"
	no_file "empty-$sheet-no-file" "$P"
done
t_err_contains empty-coverage-says "event 3 has no open shifts to chart"
t_expect no-attendee-badges 1 "$M" print badges --event 1 --kind attendee -o "$P"
t_err_contains no-attendee-badges-says "event 1 has nobody registered as attendee to make badges for"

# -o: links, regular files, devices, standard output
echo keep >"$T/target"
ln -s "$T/target" "$T/link.pdf"
t_expect through-link 2 "$M" print roster --event 1 -o "$T/link.pdf"
t_err_contains through-link-says "is a symbolic link"
if [ "$(cat "$T/target")" = keep ] && [ -L "$T/link.pdf" ]; then t_ok link-untouched; else t_fail link-untouched; fi
echo old >"$T/old.pdf"
chmod 644 "$T/old.pdf"
t_expect replaces-file 0 "$M" print roster --event 1 -o "$T/old.pdf"
case "$(head -c 5 "$T/old.pdf")" in %PDF-) t_ok replaced-with-pdf ;; *) t_fail replaced-with-pdf ;; esac
if [ "$(stat -c %a "$T/old.pdf")" = 600 ]; then t_ok replaced-mode; else t_fail replaced-mode "$(stat -c %a "$T/old.pdf")"; fi
t_expect new-file 0 "$M" print coverage --event 1 -o "$T/new.pdf"
if [ "$(stat -c %a "$T/new.pdf")" = 600 ]; then t_ok new-mode; else t_fail new-mode; fi
t_expect to-folder 2 "$M" print roster --event 1 -o "$T"
t_expect dev-null 0 "$M" print roster --event 1 -o /dev/null
"$M" print badges --event 1 -o - >"$T/stdout.pdf" 2>"$T/err"
rc=$?
case "$rc:$(head -c 5 "$T/stdout.pdf")" in 0:%PDF-) t_ok stdout-pdf ;; *) t_fail stdout-pdf "exit $rc: $(cat "$T/err")" ;; esac

# the command table knows it
t_run "$M" --help
t_contains help-lists-print "print (roster|signin|badges|coverage) --event ID"
