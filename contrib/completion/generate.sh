#!/bin/sh
# generate.sh - muster's shell completion, made from its own tables:
#   sh generate.sh bash|zsh DUMP TEMPLATE >OUT
# DUMP is what `muster --complete-dump` prints (tui/complete.h says what
# each line holds): the global options, the command table (commands, their
# first words, options and what their values are), the entity table
# (names, fields, choices) and the settings. TEMPLATE is the hand-written
# completion function (muster.bash.in, _muster.in) with a line @DATA@
# where the tables go. There is no list kept by hand: `make` runs this
# after building muster. Every word must be plain ([A-Za-z0-9_.+=-]), so
# nothing needs quoting; anything else stops the build.
set -eu
[ $# -eq 3 ] || {
	echo "usage: sh generate.sh bash|zsh DUMP TEMPLATE" >&2
	exit 2
}
case $1 in bash | zsh) ;; *)
	echo "generate.sh: no dialect $1 (bash or zsh)" >&2
	exit 2
	;;
esac
awk -F '\t' -v dialect="$1" '
function fail(why) {
	printf "generate.sh: %s:%d: %s\n", FILENAME, FNR, why > "/dev/stderr"
	failed = 1
	exit 1
}
function plain(w) {
	if (w !~ /^[A-Za-z0-9_.+=-]+$/)
		fail("not a plain word: \"" w "\"")
	return w
}
# the fields from i on, plain, joined by spaces
function rest(i,    v) {
	v = ""
	for (; i <= NF; i++)
		v = v (v == "" ? "" : " ") plain($i)
	return v
}
# arr[key] gets w appended; keys remembered in the order first seen
function add(arr, order, key, w,    v) {
	if (key in arr) {
		v = arr[key] " " w
	} else {
		keys[order] = keys[order] (keys[order] == "" ? "" : "\t") key
		v = w
	}
	arr[key] = v
}
function set(arr, order, key, v) {
	if (!(key in arr))
		keys[order] = keys[order] (keys[order] == "" ? "" : "\t") key
	arr[key] = v
}
function quote(s) {
	gsub(/\047/, "\047\\\047\047", s)
	return "\047" s "\047"
}
# one associative array in the dialect: bash declares it global (the file
# is sourced inside a function when bash-completion loads it on demand)
function table(name, arr, order,    n, k, i, out) {
	n = split(keys[order], k, "\t")
	out = (dialect == "bash" ? "declare -gA " : "local -A ") name "=("
	for (i = 1; i <= n; i++)
		out = out "\n\t[" quote(k[i]) "]=" quote(arr[k[i]])
	print out "\n)"
}
FNR == NR {
	if ($1 == "global") {
		set(global, "global", plain($2), rest(3))
	} else if ($1 == "command") {
		c = plain($2)
		commands = commands (commands == "" ? "" : " ") c
		set(desc, "desc", c, $3)
	} else if ($1 == "word") {
		add(words, "words", plain($2), plain($3))
	} else if ($1 == "option") {
		c = plain($2)
		add(opts, "opts", c, plain($3))
		set(optkind, "optkind", c " " $3, rest(4))
	} else if ($1 == "fields") {
		set(from, "from", plain($2), plain($3))
	} else if ($1 == "files") {
		set(files, "files", plain($2), 1)
	} else if ($1 == "entity") {
		set(entity, "entity", plain($2), $2)
		set(entity, "entity", plain($3), $2)
	} else if ($1 == "field") {
		add(fields, "fields", plain($2), plain($3))
		if (NF > 3)
			set(values, "values", $2 " " $3, rest(4))
	} else if ($1 == "setting") {
		settings = settings (settings == "" ? "" : " ") plain($2)
	} else {
		fail("unknown line \"" $1 "\"")
	}
	next
}
FNR == 1 {
	if (commands == "" || keys["global"] == "" || keys["fields"] == "")
		fail("the dump holds no commands, options or fields")
}
$0 == "@DATA@" {
	print "# Generated from muster --complete-dump by contrib/completion/generate.sh."
	table("_muster_global", global, "global")
	print (dialect == "bash" ? "declare -g " : "local ") "_muster_commands=" quote(commands)
	if (dialect == "zsh") {
		# _describe takes name:description
		n = split(commands, names, " ")
		out = "local -a _muster_described=("
		for (i = 1; i <= n; i++)
			out = out "\n\t" quote(names[i] ":" desc[names[i]])
		print out "\n)"
	}
	table("_muster_words", words, "words")
	table("_muster_opts", opts, "opts")
	table("_muster_optkind", optkind, "optkind")
	table("_muster_fields_from", from, "from")
	table("_muster_files", files, "files")
	table("_muster_entity", entity, "entity")
	table("_muster_fields", fields, "fields")
	table("_muster_values", values, "values")
	print (dialect == "bash" ? "declare -g " : "local ") "_muster_settings=" quote(settings)
	next
}
{ print }
END { if (failed) exit 1 }
' "$2" "$3"
