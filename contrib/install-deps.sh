#!/bin/sh
# install-deps.sh - install from Debian's packages whatever muster's build
# and tests need and is missing. Quiet and quick when all is there.
set -e
PKGS="build-essential pkg-config libsqlite3-dev sqlite3 libncurses-dev libical-dev
libiniparser-dev libcsv-dev libsodium-dev uuid-dev libjansson-dev libcmocka-dev tmux tzdata
calcurse khal python3-icalendar python3-vobject ruby ruby-icalendar radicale php-cli
php-sabre-vobject strace time clang libclang-rt-14-dev util-linux
libcairo2-dev libpango1.0-dev libzint-dev fonts-noto-core fonts-khmeros
fonts-thai-tlwg fonts-noto-cjk fonts-dejavu-core poppler-utils python3-pypdf zbar-tools
libgmime-3.0-dev msmtp python3-aiosmtpd
coinor-cbc bash-completion zsh dpkg-dev debhelper lintian"

missing=""
for p in $PKGS; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$status" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO="sudo"
	echo "install-deps: installing$missing"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# ical.js (Mozilla's parser, used by Thunderbird) and node-ical for the
# interop tests, in a test folder of its own (tests/interop/package.json).
here=$(cd "$(dirname "$0")/.." && pwd)
nm="$here/tests/interop/node_modules"
if command -v npm >/dev/null 2>&1 &&
	{ [ ! -f "$nm/ical.js/package.json" ] || [ ! -f "$nm/node-ical/package.json" ]; }; then
	(cd "$here/tests/interop" && npm install --silent --no-audit --no-fund >/dev/null 2>&1) ||
		echo "install-deps: could not install ical.js and node-ical from npm; their interop tests will fail or skip"
fi
exit 0
