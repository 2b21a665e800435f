#!/bin/sh
# import_people.sh - `import people FILE.csv` on the spreadsheet fixtures of
# tests/fixtures/csv, each with its expected outcome: what is kept (golden,
# volunteer codes masked as they are random), or the FILE:LINE: message, exit
# status 2 and nothing kept. Then 10,000 generated rows, a bad row in the
# middle of them, --event, standard input, and the round trip through
# `list people --format csv` into an empty database.
. "$(dirname "$0")/../lib.sh"
cd "$TESTS_DIR/fixtures/csv" || exit 1

fresh() { rm -f "$MUSTER_DB" "$MUSTER_DB-wal" "$MUSTER_DB-shm"; }
count() { "$M" list "$1" --format tsv | tail -n +2 | wc -l | tr -d ' '; }
# The csv listing with the random volunteer codes masked.
people_csv() {
	"$M" list people --format csv | sed -E 's/,"[34679ACDEFGHJKMNPQRTUVWXY]{6}",/,"CODE",/'
}

# good FILE PEOPLE: imports, keeps PEOPLE people, matches golden/import-FILE.out
good() {
	fresh
	t_expect "import-$1" 0 "$M" import people "$1.csv"
	t_equal "import-$1-quiet" "$ERR" ""
	t_equal "import-$1-people" "$(count people)" "$2"
	t_golden "import-$1" people_csv
}
good bom_crlf 3        # Excel "CSV UTF-8": BOM, CRLF, Title Case headers, CJK/Vietnamese
good embedded 4        # commas, doubled quotes, line breaks inside quoted fields
good excel_sep 2       # Excel's "sep=;" first line, then ';' separated
good semicolon 2       # ';' separated without sep= (recognised from the header)
good excel_trailing 2  # empty header columns and ",,," rows Excel leaves behind
good cr_only 2         # old Mac line ends
good header_only 0     # a header and no rows
good dup_email_same_name 1 # one person sent the form twice: one person, later row wins

# bad FILE LINE WHY: exit 2, "muster: FILE:LINE: WHY", one line, nothing kept
bad() {
	fresh
	t_expect "refuse-$1" 2 "$M" import people "$1.csv"
	t_err_contains "refuse-$1-says" "muster: $1.csv:$2: $3"
	t_equal "refuse-$1-one-line" "$(wc -l <"$T/err" | tr -d ' ')" 1
	t_equal "refuse-$1-keeps-nothing" "$(count people)$(count orgs)$(count skills)" 000
}
bad wrong_header 1 'unknown column "emial"; did you mean email?'
bad no_header 1 'unknown column "Dana Reyes"; the first row must name the columns'
bad no_name_column 1 'the header row has no name column'
bad duplicate_column 1 'column email appears twice in the header'
bad bad_row_middle 6 'email: "kofi at example.org" is not an email address'
bad bad_date 3 'birth_date: bad date "3/14/1990": expected YYYY-MM-DD'
bad impossible_date 2 'birth_date: bad date "1990-02-30": February 1990 has no day 30'
bad missing_name 3 'name: required'
bad bad_confidential 2 'confidential: "maybe" is not yes or no'
bad bad_skill_expiry 2 'skills: First aid: bad date "next year"'
bad bad_skill_expiry_alone 2 'skills: "(until 2027-13-45)" has no skill name before it'
bad unclosed_quote 3 'a quoted field opened here is never closed'
bad stray_quote 2 'bad quoting'
bad extra_field 2 '3 fields, but the header names 2 columns (extra field "surprise")'
bad latin1 2 'not UTF-8 text (in a spreadsheet, save as "CSV UTF-8")'
bad utf16 1 'the file is UTF-16; save it as "CSV UTF-8"'
bad empty 1 'the file is empty (no header row)'
bad bom_only 1 'the file is empty (no header row)'
bad dup_email_other_name 3 'email Family@Example.org is also on line 2, for Ana Cruz, not Luis Cruz'
bad bad_code 2 'volunteer_code: "0OIL15" is not a volunteer code'

# a failed import after a good one leaves the good one as it was
fresh
t_expect keep-before 0 "$M" import people embedded.csv
t_expect refuse-after 2 "$M" import people bad_row_middle.csv
t_golden import-embedded people_csv

# the same file again: everyone matched by email, nobody added twice
t_expect import-again 0 "$M" import people embedded.csv
t_contains import-again-unchanged "4 rows: 0 added, 0 updated, 4 unchanged"
t_equal import-again-no-duplicates "$(count people)" 4
t_run "$M" list audit --format tsv
t_contains audit-import-summary "import embedded.csv: 4 rows, 4 added (people 1-4)"
case "$OUT" in *dana@example.org*) t_fail audit-no-contact "email in the audit log" ;;
*) t_ok audit-no-contact ;; esac

# usage and files
t_expect no-file 2 "$M" import people "$T/nothing.csv"
t_err_contains no-file-says "nothing.csv: cannot open: No such file or directory"
t_expect folder 2 "$M" import people "$T"
t_expect unknown-kind 2 "$M" import widgets x.csv
t_expect kind-needs-event 2 "$M" import people embedded.csv --kind volunteer
t_expect no-such-event 1 "$M" import people embedded.csv --event 42
from_stdin() { "$M" import people - <semicolon.csv; }
fresh
t_expect stdin 0 from_stdin
t_contains stdin-named "stdin: 2 rows: 2 added"

# --event registers everyone with --kind; a second run finds them registered
fresh
"$M" add event name=Forum starts="2027-03-13 08:00" ends="2027-03-14 17:30" \
	tz=America/New_York >/dev/null
t_expect bad-kind 2 "$M" import people embedded.csv --event 1 --kind guest
t_expect register 0 "$M" import people embedded.csv --event 1 --kind volunteer
t_contains register-count "4 registered for event 1 as volunteer"
t_run "$M" list registrations --event 1 --format tsv
t_equal register-rows "$(printf '%s\n' "$OUT" | grep -c volunteer)" 4
t_expect register-again 0 "$M" import people embedded.csv --event 1 --kind volunteer
t_contains register-again-count "0 registered for event 1 as volunteer (0 waitlisted), 4 already"

# 10,000 rows, generated here: all in, once; then a bad row in the middle
big="$T/big.csv"
awk 'BEGIN {
	print "Name,Email,Org,Skills,Notes"
	for (i = 1; i <= 10000; i++)
		printf "Person %d,p%d@example.org,Org %d,\"First aid;Skill %d\",\"note %d,\nsecond line\"\r\n", i, i, i % 50, i % 7, i
}' >"$big"
fresh
t_expect big-import 0 "$M" import people "$big"
t_contains big-summary "10000 rows: 10000 added, 0 updated, 0 unchanged, 0 repeated"
t_contains big-orgs "50 organizations and 8 skills added"
t_equal big-people "$(count people)" 10000
t_equal big-links "$(count person_skills)" 20000
t_expect big-again 0 "$M" import people "$big"
t_contains big-again-summary "10000 rows: 0 added, 0 updated, 10000 unchanged"
t_equal big-no-duplicates "$(count people)" 10000
# records take two lines each after the header: record 5001 starts on line 10002
awk 'NR == 10002 { sub(/p5001@example.org/, "p5001 at example.org") } { print }' "$big" >"$T/bad.csv"
fresh
t_expect big-bad-row 2 "$M" import people "$T/bad.csv"
t_err_contains big-bad-row-line "bad.csv:10002: email: \"p5001 at example.org\" is not an email"
t_equal big-bad-keeps-nothing "$(count people)" 0

# round trip: export from one database, import into an empty one; the same
# people field for field (ids differ; volunteer codes are kept when free;
# blanks around a cell are trimmed, except in notes)
fresh
"$M" import people bom_crlf.csv >/dev/null
"$M" import people embedded.csv >/dev/null
"$M" add person name="Spaced  Name" phone="+1 (555) 010-9999" birth_date=2001-02-28 \
	confidential=yes notes="tab	and
newline, \"quotes\" and a trailing space " >/dev/null
"$M" add skill name="Interpreter: Khmer" >/dev/null
"$M" add person_skill person=1 skill=4 expires=2027-12-31 >/dev/null
"$M" list people --format csv >"$T/a.csv"
first_db=$MUSTER_DB
export MUSTER_DB="$T/second.db"
t_expect round-trip-import 0 "$M" import people "$T/a.csv"
"$M" list people --format csv >"$T/b.csv"
strip_ids() { sed -E 's/^"[0-9]+",//' "$1"; }
strip_ids "$T/b.csv" >"$T/b.noid"
if strip_ids "$T/a.csv" | cmp -s - "$T/b.noid"; then
	t_ok round-trip-field-for-field
else
	t_fail round-trip-field-for-field "$(strip_ids "$T/a.csv" | diff - "$T/b.noid" | head -10)"
fi
t_expect round-trip-again 0 "$M" import people "$T/a.csv"
t_contains round-trip-again-unchanged "0 added, 0 updated, 7 unchanged"
export MUSTER_DB="$first_db"

printf 'name,email\n"  Padded Name ", " pad@example.org "\n' >"$T/pad.csv"
t_expect trims-blanks 0 "$M" import people "$T/pad.csv"
t_run "$M" list people --format tsv
t_contains trims-name "	Padded Name	pad@example.org	"

t_expect skill-semicolon 2 "$M" add skill name="CPR; AED"

# the issue's "done when": a 1,000-row forum registration sheet in one
# command, with 20 people who sent the form twice (the later row wins), no
# duplicate and nothing lost, everyone registered; then the coverage chart
fresh
"$M" add event name=Forum starts="2027-03-13 08:00" ends="2027-03-14 17:30" \
	tz=America/New_York >/dev/null
"$M" add role event=1 name=Greeter >/dev/null
"$M" add shift event=1 role=1 starts="2027-03-13 08:00" ends="2027-03-13 10:00" need_min=4 need_max=6 >/dev/null
awk 'BEGIN {
	printf "\357\273\277First Name and Last Name,E-mail,Phone,Organization,Notes\r\n"
	for (i = 1; i <= 980; i++) {
		printf "\"Guest %d, Jr.\",guest%d@example.org,555-%04d,Org %d,\r\n", i, i, i, i % 30
		if (i % 49 == 0)
			printf "\"Guest %d, Jr.\",GUEST%d@example.org,555-9%03d,Org %d,\"sent twice\"\r\n", i, i, i, i % 30
	}
}' | sed '1s/First Name and Last Name/Name/' >"$T/forum.csv"
t_equal forum-rows "$(grep -c '@example.org' "$T/forum.csv")" 1000
t_expect forum-import 0 "$M" import people "$T/forum.csv" --event 1
t_contains forum-summary "1000 rows: 980 added, 0 updated, 0 unchanged, 20 repeated"
t_contains forum-registered "980 registered for event 1 as attendee"
t_equal forum-people "$(count people)" 980
t_equal forum-registrations "$(count registrations)" 980
t_run "$M" show person 49
t_contains forum-later-row-wins "notes: sent twice"
t_expect forum-again 0 "$M" import people "$T/forum.csv" --event 1
t_contains forum-again-nothing-new "0 added"
t_equal forum-again-people "$(count people)" 980
t_expect forum-coverage 0 "$M" report coverage --event 1
t_contains forum-chart "0/4  short 4"

# --event goes through the registration rules: beyond capacity attendees
# wait; a cancelled registration is left cancelled
fresh
"$M" add event name=Small starts="2027-03-13 08:00" ends="2027-03-13 17:00" tz=UTC \
	capacity=2 >/dev/null
printf 'name,email\nA One,a@example.org\nB Two,b@example.org\nC Three,c@example.org\n' >"$T/three.csv"
t_expect waitlist-import 0 "$M" import people "$T/three.csv" --event 1
t_contains waitlist-count "3 registered for event 1 as attendee (1 waitlisted)"
t_expect unregister-one 0 "$M" unregister 1 1
t_expect waitlist-again 0 "$M" import people "$T/three.csv" --event 1
t_contains cancelled-left "1 had cancelled and were left cancelled"
t_contains others-already "2 already registered"

# a change the rules refuse under existing assignments stops the import:
# a skill now expiring before a shift that needs it, a birth date too young
fresh
"$M" add event name=Day starts="2027-03-13 08:00" ends="2027-03-13 17:00" tz=UTC >/dev/null
"$M" add skill name="First aid" >/dev/null
"$M" add role event=1 name=Medic skill=1 min_age=18 >/dev/null
"$M" add shift event=1 role=1 starts="2027-03-13 09:00" ends="2027-03-13 11:00" >/dev/null
printf 'name,email,birth_date,skills\nDana Reyes,dana@example.org,1990-03-14,First aid (until 2027-12-31)\n' >"$T/medic.csv"
"$M" import people "$T/medic.csv" >/dev/null
t_expect medic-assign 0 "$M" assign 1 1
printf 'name,email,skills\nOmar Haddad,omar@example.org,\nDana Reyes,dana@example.org,First aid (until 2027-01-31)\n' >"$T/expiry.csv"
t_expect expiry-refused 2 "$M" import people "$T/expiry.csv"
t_err_contains expiry-refused-line "expiry.csv:3: "
t_equal expiry-kept-nothing "$(count people)" 1
printf 'name,email,birth_date\nDana Reyes,dana@example.org,2015-01-01\n' >"$T/young.csv"
t_expect age-refused 2 "$M" import people "$T/young.csv"
t_err_contains age-refused-line "young.csv:2: "
t_run "$M" show person 1
t_contains age-kept "birth_date: 1990-03-14"
