#!/bin/sh
# kiosk_sshd.sh - contrib/sshd-kiosk.conf is valid for OpenSSH and, for the
# kiosk account only, forces `muster kiosk` with a terminal, no forwarding
# and no ~/.ssh/rc, leaving other accounts alone. Skipped (reported as such)
# where sshd is not installed.
. "$(dirname "$0")/../lib.sh"

sshd=/usr/sbin/sshd
if [ ! -x "$sshd" ] || ! command -v ssh-keygen >/dev/null; then
	echo "ok - sshd-kiosk-conf # SKIP no sshd here (apt install openssh-server to run it)"
	exit 0
fi
# sshd -t wants its privilege separation folder, which systemd makes when
# the service runs; made (and removed again) here where it is missing, one
# test at a time (tests/deploy/kiosk_ssh.sh takes the same lock)
exec 9</run
flock -w 900 9
if [ ! -d /run/sshd ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "ok - sshd-kiosk-conf # SKIP /run/sshd is missing and only root may make it"
		exit 0
	fi
	mkdir -m 0755 /run/sshd
	trap 'rmdir /run/sshd 2>/dev/null; rm -rf "$T"' EXIT
fi
ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey"
mkdir -p "$T/conf.d"
cp "$TESTS_DIR/../contrib/sshd-kiosk.conf" "$T/conf.d/kiosk.conf"
cat >"$T/sshd_config" <<EOC
Include $T/conf.d/*.conf
HostKey $T/hostkey
X11Forwarding yes
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server
EOC
t_expect sshd-accepts-block 0 "$sshd" -t -f "$T/sshd_config"
t_run "$sshd" -T -f "$T/sshd_config" -C user=kiosk,host=kiosk1,addr=192.0.2.10
for want in "forcecommand /usr/local/bin/muster --db /srv/muster/muster.db --config /etc/muster/kiosk.ini kiosk" \
	"permittty yes" "disableforwarding yes" "allowtcpforwarding no" "allowagentforwarding no" \
	"x11forwarding no" "permituserrc no" "permittunnel no" "permituserenvironment no" \
	"acceptenv LANG" "clientaliveinterval 15" "clientalivecountmax 3"; do
	t_contains "kiosk-$(echo "$want" | cut -d' ' -f1)" "$want"
done
case "$OUT" in
*"acceptenv LC_"*) t_fail kiosk-acceptenv-replaced "the global AcceptEnv list reaches the kiosk" ;;
*) t_ok kiosk-acceptenv-replaced ;;
esac
t_run "$sshd" -T -f "$T/sshd_config" -C user=dana,host=desk,addr=192.0.2.11
t_contains others-no-forcecommand "forcecommand none"
t_contains others-keep-x11 "x11forwarding yes"
t_contains others-keep-acceptenv "acceptenv LC_*"
