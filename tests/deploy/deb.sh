#!/bin/sh
# deb.sh - the Debian package (debian/), as an administrator meets it:
# `make deb` builds muster_VERSION_ARCH.deb and lintian finds no error in
# it; it depends on runtime libraries only, with dpkg-shlibdeps' versions.
# A package of an older muster (OLD below, a commit of this repository
# whose schema is older, with today's debian/) is installed with `apt
# install ./FILE` and fills /var/lib/muster/muster.db with the demo; then
# this package is installed over it: the database is left as it is until
# its first use, which migrates it with every row kept. Installed: the
# group and account muster, /var/lib/muster 2770 root:muster through
# dpkg-statoverride, the binary (2755 root:muster for the shared-server
# build, else 0755), the man page, /etc/muster/muster.ini as a conffile,
# the kiosk guide and sshd snippet as documentation, bash and zsh
# completion (bash's offers muster's commands), contrib's units with their
# timers enabled, and the privacy sweep's service runs as its unit says.
# A throwaway unprivileged user runs `muster --version` and `muster --db
# DIR/x.db demo`. `apt remove` keeps the database, the settings and the
# group; `apt purge` the database and says so. Everything made is removed
# again, also on failure.
# Needs root, a git checkout, dpkg-buildpackage, debhelper, lintian and apt
# on a machine where muster is not installed; skipped with the reason
# otherwise. One such test at a time (a lock).
. "$(dirname "$0")/../lib.sh"

# A commit with an older schema than today's; the older package is built
# from it.
OLD=34c9970ec96e898fc28ea9f6afe9e1c94a195c6e
OLD_VERSION=0.0.0+git34c9970

skip() {
	echo "ok - deb-package # SKIP $1"
	exit 0
}
[ "$(id -u)" -eq 0 ] || skip "needs root: it installs and removes the package"
for tool in git make dpkg-buildpackage dh lintian apt-get dpkg-deb dpkg-statoverride \
	useradd userdel runuser flock bash /usr/bin/python3; do
	command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing (contrib/install-deps.sh)"
done
ROOT=$(cd "$TESTS_DIR/.." && pwd)
git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1 || skip "$ROOT is not a git checkout (make deb copies what git tracks)"

# one at a time: every copy of this test installs the same package
exec 8>/run/lock/muster-deb-test.lock
flock -w 1800 8 || skip "another package test held the lock for 30 minutes"
dpkg-query -W -f='${Status}' muster 2>/dev/null | grep -Eq 'ok (installed|config-files|half|unpacked)' &&
	skip "a muster package is installed on this machine; not touching it"
getent group muster >/dev/null && skip "the group muster exists already (not this test's)"
getent passwd muster >/dev/null && skip "the account muster exists already (not this test's)"
[ -e /var/lib/muster ] && skip "/var/lib/muster exists already (not this test's)"

U="mdeb$$" # the unprivileged user
PKG_TOUCHED=no
APT="apt-get -y -q -o DPkg::Lock::Timeout=900 --no-install-recommends"
cleanup() {
	if [ "$PKG_TOUCHED" = yes ]; then
		dpkg-query -W -f='${Status}' muster 2>/dev/null | grep -q 'ok' &&
			DEBIAN_FRONTEND=noninteractive dpkg --purge muster >/dev/null 2>&1
		rm -rf /var/lib/muster
		getent passwd muster >/dev/null && userdel muster
		getent group muster >/dev/null && groupdel muster
	fi
	getent passwd "$U" >/dev/null && userdel "$U"
	rm -rf "$T"
}
trap 'cleanup' EXIT
trap 'exit 1' INT TERM HUP

check() { # NAME WHY CONDITION...
	name=$1 why=$2
	shift 2
	if "$@" >/dev/null; then t_ok "$name"; else t_fail "$name" "$why"; fi
}
files() { # FILE...: each a regular file
	for f in "$@"; do [ -f "$f" ] || return 1; done
}
sql() { # DB SQL: one value
	/usr/bin/python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$@"
}

# the installed muster as the administrator finds it: no pinned clock,
# no test database or settings
unset MUSTER_NOW MUSTER_DB MUSTER_CONFIG

# --- build -----------------------------------------------------------------
unset MAKEFLAGS MFLAGS MAKELEVEL # make check's, not for the builds here
export DEB_BUILD_OPTIONS="parallel=2 nocheck"
VERSION=$(sed -n 's/^VERSION *:= *//p' "$ROOT/Makefile")
# the shared-server build (contrib/DEPLOY.md), which debian/rules packages
# when the source has it
SYSTEM=no
grep -q '^install-system:' "$ROOT/Makefile" && SYSTEM=yes
if make -s -C "$ROOT" deb BUILD="$T/build" DEB_OUT="$T" >"$T/build.log" 2>&1; then
	t_ok "make-deb"
else
	t_fail "make-deb" "make deb failed" "$(tail -20 "$T/build.log")"
	exit 1
fi
DEB=$(ls "$T"/muster_"$VERSION"_*.deb 2>/dev/null | head -1)
check "deb-file" "no muster_${VERSION}_ARCH.deb in $T" [ -f "$DEB" ]

lintian --fail-on error "$DEB" >"$T/lintian.out" 2>&1
rc=$?
check "lintian-no-error" "exit $rc: $(grep '^E:' "$T/lintian.out" | head -5)" [ "$rc" -eq 0 ]
echo "# lintian: $(grep -c '^W:' "$T/lintian.out") warnings, $(grep -c '^E:' "$T/lintian.out") errors"

depends=$(dpkg-deb -f "$DEB" Depends)
missing=""
for lib in libncursesw6 libsqlite3-0 libical3 libiniparser1 libcsv3 libsodium23 libuuid1; do
	echo "$depends" | grep -Eq "(^|, )$lib \(>= [^)]+\)" || missing="$missing $lib"
done
check "depends-runtime-libs" "no versioned dependency on$missing: $depends" [ -z "$missing" ]
check "depends-no-dev" "a -dev package in Depends: $depends" sh -c "! echo '$depends' | grep -q -- '-dev'"

# The older package: OLD's source with today's debian/, a lower version.
have_old=no
if git -C "$ROOT" cat-file -e "$OLD^{commit}" 2>/dev/null; then
	mkdir -p "$T/old/src"
	git -C "$ROOT" archive "$OLD" | tar -x -C "$T/old/src"
	cp -r "$ROOT/debian" "$T/old/src/"
	{
		echo "muster ($OLD_VERSION) unstable; urgency=medium"
		echo
		echo "  * The package test's older muster (commit $OLD)."
		echo
		echo " -- Test <test@example.org>  Mon, 07 Dec 2026 12:00:00 +0000"
	} >"$T/old/src/debian/changelog"
	if (cd "$T/old/src" && dpkg-buildpackage -us -uc -b) >"$T/old/build.log" 2>&1; then
		have_old=yes
		OLD_DEB=$(ls "$T"/old/muster_"$OLD_VERSION"_*.deb | head -1)
		t_ok "old-package-built"
	else
		t_fail "old-package-built" "$(tail -20 "$T/old/build.log")"
	fi
else
	echo "ok - upgrade-from-older-package # SKIP commit $OLD is not in this clone (shallow?)"
fi

# --- the older package, its database --------------------------------------
PKG_TOUCHED=yes
DB=/var/lib/muster/muster.db
if [ "$have_old" = yes ]; then
	t_expect "install-old" 0 env DEBIAN_FRONTEND=noninteractive $APT install "$OLD_DEB"
	t_expect "old-demo" 0 env MUSTER_CONFIG=/etc/muster/muster.ini /usr/bin/muster --db "$DB" demo
	old_schema=$(sql "$DB" 'PRAGMA user_version')
	people=$(sql "$DB" 'SELECT count(*) FROM person')
	events=$(sql "$DB" 'SELECT count(*) FROM event')
	echo "# older package: schema $old_schema, $people people, $events events"
fi

# --- this package ----------------------------------------------------------
t_expect "install" 0 env DEBIAN_FRONTEND=noninteractive $APT install "$DEB"
t_expect "version" 0 /usr/bin/muster --version
latest=$(echo "$OUT" | sed -n 's/.*schema[^0-9]*\([0-9][0-9]*\).*/\1/p' | head -1)
echo "# installed: $(echo "$OUT" | head -1); schema $latest"
check "version-line" "muster --version said: $OUT" sh -c "echo '$OUT' | grep -q '$VERSION'"

if [ "$have_old" = yes ]; then
	now=$(sql "$DB" 'PRAGMA user_version')
	check "upgrade-leaves-database" "schema $now after the upgrade, $old_schema before" [ "$now" = "$old_schema" ]
	check "upgrade-older-schema" "the older package wrote schema $old_schema, this one $latest" \
		[ "$old_schema" -lt "$latest" ]
fi

# where things are, and their modes
stat_of() { stat -c '%U:%G %a' "$1" 2>/dev/null; }
check "group" "no group muster" getent group muster
if [ "$SYSTEM" = yes ]; then
	check "group-no-members" "the group muster has members: $(getent group muster)" \
		[ -z "$(getent group muster | cut -d: -f4)" ]
else
	check "account" "no account muster" getent passwd muster
fi
check "statedir" "/var/lib/muster is $(stat_of /var/lib/muster)" [ "$(stat_of /var/lib/muster)" = "root:muster 2770" ]
check "statedir-override" "$(dpkg-statoverride --list /var/lib/muster)" \
	sh -c 'dpkg-statoverride --list /var/lib/muster | grep -q "^root muster 2770 "'
if [ "$SYSTEM" = yes ]; then
	check "binary-mode" "/usr/bin/muster is $(stat_of /usr/bin/muster)" \
		[ "$(stat_of /usr/bin/muster)" = "root:muster 2755" ]
else
	check "binary-mode" "/usr/bin/muster is $(stat_of /usr/bin/muster)" \
		[ "$(stat_of /usr/bin/muster)" = "root:root 755" ]
fi
check "database" "$DB is $(stat_of "$DB")" [ "$(stat_of "$DB")" = "root:muster 660" ]
check "conffile" "$(dpkg-query -W -f='${Conffiles}' muster)" \
	sh -c "dpkg-query -W -f='\${Conffiles}' muster | grep -q '/etc/muster/muster.ini '"
check "settings-are-sample" "/etc/muster/muster.ini differs from contrib/muster.ini.sample" \
	cmp -s /etc/muster/muster.ini "$ROOT/contrib/muster.ini.sample"
check "man-page" "no /usr/share/man/man1/muster.1.gz" [ -f /usr/share/man/man1/muster.1.gz ]
check "kiosk-docs" "no kiosk guide or sshd snippet in /usr/share/doc/muster" \
	sh -c 'd=/usr/share/doc/muster; { [ -f $d/KIOSK.md.gz ] || [ -f $d/KIOSK.md ]; } && [ -f $d/sshd-kiosk.conf ]'
check "completion-files" "no bash or zsh completion" \
	files /usr/share/bash-completion/completions/muster /usr/share/zsh/vendor-completions/_muster
units=""
for f in "$ROOT"/contrib/muster-*.service "$ROOT"/contrib/muster-*.timer; do
	[ -f "$f" ] || continue
	u=$(basename "$f")
	units="$units $u"
	check "unit-$u" "/lib/systemd/system/$u is not contrib's" cmp -s "$f" "/lib/systemd/system/$u"
	case "$u" in *.timer)
		check "timer-enabled-$u" "no /etc/systemd/system/timers.target.wants/$u" \
			[ -L "/etc/systemd/system/timers.target.wants/$u" ]
		;;
	esac
done
if [ -n "$units" ] && command -v systemd-analyze >/dev/null 2>&1; then
	(cd /lib/systemd/system && SYSTEMD_LOG_LEVEL=err systemd-analyze verify --man=no $units) >"$T/verify" 2>&1
	check "units-verify" "$(head -5 "$T/verify")" [ ! -s "$T/verify" ]
fi

# The first use after the upgrade migrates: a member of the group with the
# ordinary build; root, the database's first admin, with the shared-server
# build (whose group has no members)
if [ "$SYSTEM" = yes ]; then
	useradd --no-create-home --shell /bin/sh "$U"
else
	useradd --no-create-home --shell /bin/sh -G muster "$U"
fi
mkdir -p "$T/u" && chown "$U" "$T/u" && chmod 0755 "$T"
as_user() { runuser -u "$U" -- env HOME="$T/u" XDG_DATA_HOME="$T/u" XDG_CONFIG_HOME="$T/u" "$@"; }
if [ "$have_old" = yes ]; then
	if [ "$SYSTEM" = yes ]; then
		t_expect "first-use" 0 env MUSTER_CONFIG=/etc/muster/muster.ini /usr/bin/muster list events
	else
		t_expect "first-use" 0 as_user env MUSTER_CONFIG=/etc/muster/muster.ini /usr/bin/muster --db "$DB" list events
	fi
	now=$(sql "$DB" 'PRAGMA user_version')
	check "first-use-migrates" "schema $now after the first use, wanted $latest" [ "$now" = "$latest" ]
	counts="$(sql "$DB" 'SELECT count(*) FROM person') $(sql "$DB" 'SELECT count(*) FROM event')"
	check "first-use-keeps-rows" "people and events $counts, before $people $events" \
		[ "$counts" = "$people $events" ]
fi

# an unprivileged user, outside the group: the version, and a demo of
# their own (ordinary build); with the shared-server build the installed
# database only, as the lead root makes them, and no --db
[ "$SYSTEM" = yes ] || gpasswd -d "$U" muster >/dev/null
t_expect "user-version" 0 as_user /usr/bin/muster --version
if [ "$SYSTEM" = yes ]; then
	t_expect "user-no-lead" 1 as_user /usr/bin/muster list events
	t_expect "lead-add" 0 /usr/bin/muster lead add "$U" --role coordinator
	t_expect "user-lead" 0 as_user /usr/bin/muster list events
	check "user-lead-sees" "list events printed $(echo "$OUT" | wc -l) lines" [ "$(echo "$OUT" | wc -l)" -gt 1 ]
	# --db: a database of the user's own, made and opened without the group
	t_expect "user-demo" 0 as_user /usr/bin/muster --db "$T/u/x.db" demo
	check "user-demo-db" "no people in $T/u/x.db" [ "$(sql "$T/u/x.db" 'SELECT count(*) FROM person')" -gt 0 ]
	t_run as_user /usr/bin/muster --db "$DB" list events
	check "user-db-shared-out-of-reach" "--db $DB as $U: $RC" [ "$RC" -ne 0 ]
else
	t_expect "user-demo" 0 as_user /usr/bin/muster --db "$T/u/x.db" demo
	check "user-demo-db" "no people in $T/u/x.db" [ "$(sql "$T/u/x.db" 'SELECT count(*) FROM person')" -gt 0 ]
	t_expect "user-not-in-group" 3 as_user /usr/bin/muster --db "$DB" list events
	t_err_contains "user-not-in-group-says" "$DB"
fi

# bash's completion as installed: bash-completion loads it on demand
cat >"$T/complete.bash" <<'EOF'
. /usr/share/bash-completion/bash_completion
_completion_loader muster
COMP_WORDS=(muster li); COMP_CWORD=1; COMP_LINE="muster li"; COMP_POINT=${#COMP_LINE}
$(complete -p muster | sed 's/.*-F \([^ ]*\).*/\1/') muster li muster
printf '%s\n' "${COMPREPLY[@]}"
EOF
t_run as_user bash "$T/complete.bash"
check "bash-completion" "muster li<Tab> offered: $OUT $ERR" [ "$OUT" = "list" ]

# the privacy sweep as its unit runs it: its account (a drop-in of the
# package's last), environment, command
unit=/lib/systemd/system/muster-privacy-sweep.service
if [ -f "$unit" ]; then
	user=$(cat "$unit" "$unit".d/*.conf 2>/dev/null | sed -n 's/^User=//p' | tail -1)
	envs=$(sed -n 's/^Environment=//p' "$unit")
	cmd=$(sed -n 's/^ExecStart=-*//p' "$unit")
	t_expect "privacy-sweep-service" 0 runuser -u "$user" -- env $envs $cmd
fi

# --- remove, purge ---------------------------------------------------------
t_expect "remove" 0 env DEBIAN_FRONTEND=noninteractive $APT remove muster
check "remove-binary" "/usr/bin/muster is still there" [ ! -e /usr/bin/muster ]
check "remove-keeps-database" "$DB is gone" [ -f "$DB" ]
check "remove-keeps-rows" "$DB has $(sql "$DB" 'SELECT count(*) FROM person') people" \
	[ "$(sql "$DB" 'SELECT count(*) FROM person')" -gt 0 ]
check "remove-keeps-settings" "/etc/muster/muster.ini is gone" [ -f /etc/muster/muster.ini ]
check "remove-keeps-group" "the group muster is gone" getent group muster
t_expect "purge" 0 env DEBIAN_FRONTEND=noninteractive $APT purge muster
check "purge-says" "purge did not say where the database is: $ERR" \
	sh -c "printf '%s\n' \"\$1\" | grep -q 'kept in /var/lib/muster'" - "$OUT$ERR"
check "purge-keeps-database" "$DB is gone" [ -f "$DB" ]
check "purge-settings" "/etc/muster/muster.ini is still there" [ ! -e /etc/muster/muster.ini ]
check "purge-overrides" "$(dpkg-statoverride --list /var/lib/muster /usr/bin/muster)" \
	sh -c '! dpkg-statoverride --list /var/lib/muster /usr/bin/muster >/dev/null'
for u in $units; do
	case "$u" in *.timer)
		check "purge-timer-$u" "/etc/systemd/system/timers.target.wants/$u is still there" \
			[ ! -e "/etc/systemd/system/timers.target.wants/$u" ]
		;;
	esac
done

# --- a fresh installation: no group, account or database before ---------
rm -r /var/lib/muster
getent passwd muster >/dev/null && userdel muster # its group too, as a rule
getent group muster >/dev/null && groupdel muster
t_expect "fresh-install" 0 env DEBIAN_FRONTEND=noninteractive $APT install "$DEB"
check "fresh-database" "$DB is $(stat_of "$DB")" [ "$(stat_of "$DB")" = "root:muster 660" ]
check "fresh-schema" "$DB has schema $(sql "$DB" 'PRAGMA user_version'), wanted $latest" \
	[ "$(sql "$DB" 'PRAGMA user_version')" = "$latest" ]
if [ "$SYSTEM" = yes ]; then
	t_expect "fresh-root-admin" 0 /usr/bin/muster lead list
	t_contains "fresh-root-admin-listed" "root"
else
	t_expect "fresh-database-opens" 0 /usr/bin/muster --db "$DB" list events
fi
t_expect "fresh-purge" 0 env DEBIAN_FRONTEND=noninteractive $APT purge muster
exit 0
