#!/bin/sh
# install.sh - `make install` puts the binary, the man page and the docs the
# kiosk guide refers to under PREFIX (with DESTDIR), and `make uninstall`
# with the same PREFIX removes exactly those files and nothing else.
. "$(dirname "$0")/../lib.sh"

root=$(cd "$TESTS_DIR/.." && pwd)
if [ ! -x "$root/muster" ]; then
	echo "ok - install # SKIP no ./muster built in $root (make all first)"
	exit 0
fi
dest="$T/dest"
prefix=/usr/local
mkdir -p "$dest$prefix/bin"
: >"$dest$prefix/bin/someone-else"
# -o all -o muster -o completion: install what is built, never rebuild from here
t_expect install-runs 0 make --no-print-directory -s -C "$root" -o all -o muster -o completion install \
	DESTDIR="$dest" PREFIX="$prefix"
t_equal installed-files "$(cd "$dest" && find . -type f | sort | tr '\n' ' ')" \
	"./usr/local/bin/muster ./usr/local/bin/someone-else ./usr/local/share/bash-completion/completions/muster ./usr/local/share/doc/muster/DEPLOY.md ./usr/local/share/doc/muster/KIOSK.md ./usr/local/share/doc/muster/muster.ini.sample ./usr/local/share/doc/muster/sshd-kiosk.conf ./usr/local/share/man/man1/muster.1 ./usr/local/share/zsh/site-functions/_muster "
t_equal binary-mode "$(stat -c %a "$dest$prefix/bin/muster")" 755
t_expect installed-binary-runs 0 "$dest$prefix/bin/muster" --version
t_contains installed-version "muster "
t_expect uninstall-runs 0 make --no-print-directory -s -C "$root" uninstall DESTDIR="$dest" \
	PREFIX="$prefix"
t_equal uninstall-leaves-others "$(cd "$dest" && find . -type f | sort | tr '\n' ' ')" \
	"./usr/local/bin/someone-else "
[ ! -e "$dest$prefix/share/doc/muster" ] && t_ok uninstall-removes-doc-folder ||
	t_fail uninstall-removes-doc-folder "left: $(ls -A "$dest$prefix/share/doc/muster")"
t_expect uninstall-twice-harmless 0 make --no-print-directory -s -C "$root" uninstall \
	DESTDIR="$dest" PREFIX="$prefix"
