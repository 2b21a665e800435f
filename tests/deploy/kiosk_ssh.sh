#!/bin/sh
# kiosk_ssh.sh - contrib/KIOSK.md's "A kiosk account over SSH", run as
# written against a real sshd on 127.0.0.1. The guide's ```sh blocks are
# taken from the file and run in order, with this test's own names (a
# throwaway account and group) and folders (under $T) put in place of
# kiosk, muster, /srv, /etc/muster, /etc/ssh/sshd_config.d and /usr/local;
# `systemctl reload ssh` becomes a reload of a private sshd on a high port
# whose sshd_config is Debian 12's with the guide's sshd_config.d. Then, as
# a venue terminal with a throwaway key: /bin/sh, a command, -s sftp, sftp,
# scp, -L, -R, -D and SendEnv/SetEnv of MUSTER_DB and friends give nothing
# but the kiosk; a volunteer signs in through ssh -tt in tmux; closed and
# dead connections end the kiosk; and everything made is removed again.
# Needs root and openssh-server; skipped with the reason otherwise.
. "$(dirname "$0")/../lib.sh"

skip() {
	echo "ok - kiosk-ssh-deploy # SKIP $1"
	exit 0
}
[ "$(id -u)" -eq 0 ] || skip "needs root: it makes an account and runs sshd"
[ -x /usr/sbin/sshd ] || skip "no /usr/sbin/sshd (apt-get install openssh-server)"
for tool in ssh ssh-keygen sftp scp useradd userdel groupadd groupdel passwd su tmux make \
	sqlite3 /usr/bin/python3; do
	command -v "$tool" >/dev/null 2>&1 || skip "$tool is missing"
done

ROOT=$(cd "$TESTS_DIR/.." && pwd)
GUIDE="$ROOT/contrib/KIOSK.md"
KU="mkiosk$$"  # the account
KG="mgroup$$"  # the group
D="$T/d"       # stands for / on the server
V="$T/venue"   # the venue terminal's ~/.ssh
mkdir -p "$D" "$V"
chmod 0755 "$T" "$D" # the account must reach its home and the binary
chmod 0700 "$V"
TM="tmux -L muster-deploy-$$ -f /dev/null"
# /run/sshd (sshd's privilege separation folder) is made here when missing
# and removed at the end: one such test at a time (tests/tui/kiosk_sshd.sh
# takes the same lock), so none removes it under another's sshd
exec 9</run
flock -w 900 9 || skip "another test held /run for 15 minutes"
made_run_sshd=no
[ -d /run/sshd ] || made_run_sshd=yes
BG="" # background clients, by id

cleanup() {
	$TM kill-server 2>/dev/null
	for p in $BG; do kill "$p" 2>/dev/null; done
	[ -f "$D/sshd.pid" ] && kill "$(cat "$D/sshd.pid")" 2>/dev/null
	i=0
	while [ -n "$(live_procs)" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	for p in $(live_procs); do kill -9 "$p" 2>/dev/null; done
	if getent passwd "$KU" >/dev/null; then
		i=0
		until userdel "$KU" 2>/dev/null || [ $i -ge 30 ]; do
			sleep 0.2
			i=$((i + 1))
		done
	fi
	getent group "$KG" >/dev/null && groupdel "$KG" 2>/dev/null
	[ "$made_run_sshd" = yes ] && rmdir /run/sshd 2>/dev/null
	rm -rf "$T"
}
trap 'cleanup' EXIT
trap 'exit 1' INT TERM HUP

# processes of the account that are still running (zombies aside)
live_procs() {
	getent passwd "$KU" >/dev/null || return 0
	ps -o pid=,stat= -u "$KU" 2>/dev/null | awk '$2 !~ /^Z/ {print $1}'
}

free_port() {
	/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
PORT=$(free_port)

# --- the guide's steps ----------------------------------------------------

# The ```sh blocks of the section, in order, one file each; "sh venue"
# blocks run on the venue terminal. The list items' indent is taken off.
awk -v out="$T/block" '
	/^## A kiosk account over SSH/ { on = 1; next }
	on && /^## / { on = 0 }
	!on { next }
	!inb && /^ *```sh/ {
		inb = 1; n++; kind = ($0 ~ /venue/) ? "venue" : "server"
		match($0, /^ */); indent = RLENGTH
		file = sprintf("%s.%02d.%s", out, n, kind); printf "" > file; next
	}
	inb && /^ *```/ { inb = 0; close(file); next }
	inb { print substr($0, indent + 1) >> file }
' "$GUIDE"
nblocks=$(ls "$T"/block.* 2>/dev/null | wc -l)
[ "$nblocks" -ge 6 ] && t_ok guide-has-blocks || t_fail guide-has-blocks "found $nblocks"

# The server's names and folders, this test's in their place.
cat >"$T/server.sed" <<EOF
s#/usr/local#$D/usr/local#g
s#/srv/muster#$D/srv/muster#g
s#/etc/muster#$D/etc/muster#g
s#/etc/ssh/sshd_config.d#$D/etc/ssh/sshd_config.d#g
s#/home/kiosk#$D/home/$KU#g
s#/root/kiosk1.pub#$D/kiosk1.pub#g
s#groupadd --system muster#groupadd --system $KG#g
s#--groups muster kiosk\$#--groups $KG $KU#
s#-g muster #-g $KG #g
s#group = muster#group = $KG#g
s#root:muster #root:$KG #g
s#user=kiosk,#user=$KU,#g
s#^apt-get install -y #packages_installed #
s#^sshd -t\$#/usr/sbin/sshd -t -f $D/sshd_config#
s#^sshd -T #/usr/sbin/sshd -T -f $D/sshd_config #
s#^systemctl reload ssh\$#reload_sshd#
s#^muster #$D/usr/local/bin/muster #
s#^\(install .*sshd-kiosk.conf .*\)\$#\1 \&\& adjust_paths#
EOF
cat >"$T/venue.sed" <<EOF
s#~/\.ssh#$V#g
s#^ssh #ssh -F $V/config #
s#kiosk@server#$KU@server#g
EOF
# Run before every server block: what the substitutions call.
cat >"$T/prelude.sh" <<EOF
set -e
cd "$ROOT"
packages_installed() {
	for p in "\$@"; do
		dpkg-query -W -f='\${Status}' "\$p" 2>/dev/null | grep -q 'ok installed' ||
			{ echo "not installed: \$p"; return 1; }
	done
}
# "edit kiosk.conf if your paths differ": they do, here
adjust_paths() {
	sed -i -e 's#/usr/local#$D/usr/local#g; s#/srv/muster#$D/srv/muster#g' \\
		-e 's#/etc/muster#$D/etc/muster#g; s#^Match User kiosk\$#Match User $KU#' \\
		"$D/etc/ssh/sshd_config.d/kiosk.conf"
}
reload_sshd() {
	if [ -f "$D/sshd.pid" ] && kill -0 "\$(cat "$D/sshd.pid")" 2>/dev/null; then
		kill -HUP "\$(cat "$D/sshd.pid")"
	else
		/usr/sbin/sshd -f "$D/sshd_config" 9<&-
	fi
}
EOF

# A private sshd: Debian 12's /etc/ssh/sshd_config (sshd_config.d first),
# on 127.0.0.1 and a high port, for the test's account only.
mkdir -p "$D/etc/ssh/sshd_config.d"
ssh-keygen -q -t ed25519 -N '' -f "$D/ssh_host_ed25519_key"
cat >"$D/sshd_config" <<EOF
Include $D/etc/ssh/sshd_config.d/*.conf
Port $PORT
ListenAddress 127.0.0.1
HostKey $D/ssh_host_ed25519_key
PidFile $D/sshd.pid
AllowUsers $KU
PermitRootLogin no
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM yes
X11Forwarding yes
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp /usr/lib/openssh/sftp-server
EOF
cat >"$V/config" <<EOF
Host server
	HostName 127.0.0.1
	Port $PORT
	IdentityFile $V/kiosk1
	IdentitiesOnly yes
	UserKnownHostsFile $V/known_hosts
	StrictHostKeyChecking accept-new
	BatchMode yes
	ConnectTimeout 20
EOF

printf 'open sesame 42\n' >"$T/passphrase"
TERMINAL="" # the guide's ssh command for the venue terminal
for b in "$T"/block.*; do
	name=$(basename "$b")
	case "$b" in
	*.venue)
		sed -f "$T/venue.sed" "$b" >"$b.run"
		if grep -q '^ssh ' "$b.run"; then
			TERMINAL=$(grep '^ssh ' "$b.run" | head -n 1)
			continue
		fi
		t_run sh -e "$b.run"
		;;
	*)
		sed -f "$T/server.sed" "$b" >"$b.body"
		# nothing of the real system's names is left to touch
		left=$(sed "s#$D#@#g" "$b.body" | grep -nE \
			'(^|[^@])(/srv/muster|/etc/muster|/home/kiosk|/usr/local|/etc/ssh/sshd_config\.d)|systemctl| kiosk$' || true)
		if [ -n "$left" ]; then
			t_fail "guide-$name-isolated" "$left"
			exit 1
		fi
		cat "$T/prelude.sh" "$b.body" >"$b.run"
		t_run sh "$b.run" <"$T/passphrase"
		;;
	esac
	if [ "$RC" -eq 0 ]; then
		t_ok "guide-$name-runs"
	else
		t_fail "guide-$name-runs" "exit $RC" "$(sed 's/^/| /' "$b.run" | tail -n 12)" \
			"stdout: $(tail -c 300 "$T/out")" "stderr: $(tail -c 500 "$T/err")"
		exit 1
	fi
	# the venue's key goes to the server, as the guide says
	if [ -f "$V/kiosk1.pub" ] && [ ! -f "$D/kiosk1.pub" ]; then
		cp "$V/kiosk1.pub" "$D/kiosk1.pub"
	fi
done
case "$TERMINAL" in
"ssh -F $V/config -t -i $V/kiosk1 $KU@server") t_ok guide-terminal-command ;;
*) t_fail guide-terminal-command "got: $TERMINAL" ;;
esac

# --- what the steps made --------------------------------------------------

KM="$D/usr/local/bin/muster --db $D/srv/muster/muster.db --config $D/etc/muster/kiosk.ini"
owner() { stat -c '%U:%G %a' "$1"; }
t_equal made-config "$(owner "$D/etc/muster/kiosk.ini")" "root:$KG 640"
t_equal made-config-folder "$(owner "$D/etc/muster")" "root:$KG 750"
t_equal made-db-folder "$(owner "$D/srv/muster")" "root:$KG 2770"
t_equal made-db "$(stat -c '%G %a' "$D/srv/muster/muster.db")" "$KG 660"
t_equal made-home "$(owner "$D/home/$KU")" "root:root 755"
t_equal made-ssh-folder "$(owner "$D/home/$KU/.ssh")" "root:root 755"
t_equal made-authorized-keys "$(owner "$D/home/$KU/.ssh/authorized_keys")" "root:root 644"
t_equal account-password-locked "$(passwd -S "$KU" | cut -d' ' -f2)" L
t_equal account-shell "$(getent passwd "$KU" | cut -d: -f7)" /bin/sh
case " $(id -Gn "$KU") " in
*" $KG "*) t_ok account-in-group ;;
*) t_fail account-in-group "$(id -Gn "$KU")" ;;
esac
t_expect passphrase-appended 0 grep -q '^exit_passphrase_hash = "\$argon2id\$' "$D/etc/muster/kiosk.ini"
# the account can read its config but change neither it nor its keys
as_kiosk() { su -s /bin/sh "$KU" -c "$1"; }
t_expect account-reads-config 0 as_kiosk "cat $D/etc/muster/kiosk.ini"
denied() { # NAME SHELL-COMMAND: the account may not do it
	t_run as_kiosk "$2"
	case "$RC $ERR" in
	"0 "*) t_fail "$1" "the account could: $2" ;;
	*"Permission denied"*) t_ok "$1" ;;
	*) t_fail "$1" "exit $RC: $ERR" ;;
	esac
}
denied account-cannot-write-config "echo x >>$D/etc/muster/kiosk.ini"
denied account-cannot-change-keys "echo x >>$D/home/$KU/.ssh/authorized_keys"
denied account-cannot-add-ssh-files "touch $D/home/$KU/.ssh/rc"
denied account-cannot-add-pam-env "touch $D/home/$KU/.pam_environment"
denied account-cannot-write-db-folder-config "touch $D/etc/muster/other.ini"
t_run /usr/sbin/sshd -T -f "$D/sshd_config" -C "user=$KU,host=kiosk1,addr=192.0.2.10"
t_contains sshd-forces-kiosk "forcecommand $KM kiosk"
t_contains sshd-no-forwarding "disableforwarding yes"
t_contains sshd-acceptenv-lang "acceptenv LANG"
case "$OUT" in
*"acceptenv LC_"*) t_fail sshd-acceptenv-replaced "the global list reaches the account" ;;
*) t_ok sshd-acceptenv-replaced ;;
esac
t_equal sshd-running "$(kill -0 "$(cat "$D/sshd.pid" 2>/dev/null)" 2>/dev/null && echo yes)" yes

# a volunteer to sign in (the database is the demo the guide made)
VOL=$(sqlite3 "$D/srv/muster/muster.db" "SELECT MIN(person) FROM registration WHERE kind = 'volunteer'")
PIN=$($KM pin "$VOL" | tail -n 1)
CODE=$(sqlite3 "$D/srv/muster/muster.db" "SELECT volunteer_code FROM person WHERE id = $VOL")

# --- a venue terminal: nothing but the kiosk ------------------------------

SSH="ssh -F $V/config"
screen_of() { $TM capture-pane -p -t "$1" 2>/dev/null; }
wait_for() { # SESSION TEXT [SECONDS]
	_i=0
	while [ $_i -lt $((${3:-20} * 10)) ]; do
		case "$(screen_of "$1")" in *"$2"*) return 0 ;; esac
		sleep 0.1
		_i=$((_i + 1))
	done
	return 1
}
check_screen() { # NAME SESSION TEXT [SECONDS]
	if wait_for "$2" "$3" "${4:-20}"; then t_ok "$1"; else
		t_fail "$1" "never showed: $3" "$(screen_of "$2" | sed 's/^/|/')"
	fi
}
kiosks() { ps -o pid= -u "$KU" -o comm= 2>/dev/null | awk '$2 == "muster" {print $1}'; }
# once the session ends, no kiosk outlives it
gone_after() { # NAME SECONDS
	_i=0
	while [ -n "$(kiosks)" ] && [ $_i -lt $(($2 * 10)) ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	if [ -z "$(kiosks)" ]; then t_ok "$1"; else t_fail "$1" "still running: $(kiosks)"; fi
}
terminal() { # SESSION [COMMAND...]: the guide's terminal command in tmux
	_s=$1
	shift
	$TM new-session -d -s "$_s" -x 80 -y 24 "$*" 9<&-
}

# without a terminal: a command, a shell, sftp as a subsystem
t_run $SSH "$KU@server" /bin/sh -c "'echo PWNED; id'"
t_equal command-exit "$RC" 2
t_err_contains command-gets-kiosk "muster: kiosk: needs a terminal (with ssh, use ssh -t)"
case "$OUT$ERR" in *PWNED* | *uid=*) t_fail command-runs-nothing "$OUT$ERR" ;; *) t_ok command-runs-nothing ;; esac
# (sshd drops a subsystem's stderr: the kiosk's exit status tells)
t_run $SSH -s "$KU@server" sftp </dev/null
t_equal subsystem-gets-kiosk "$RC:$OUT" "2:"
printf 'ls /\nget /etc/passwd %s/got-passwd\n' "$T" >"$T/sftp.batch"
t_run sftp -F "$V/config" -b "$T/sftp.batch" "$KU@server"
[ "$RC" -ne 0 ] && [ ! -e "$T/got-passwd" ] && t_ok sftp-gets-nothing || t_fail sftp-gets-nothing "exit $RC" "$OUT"
t_run scp -F "$V/config" "$KU@server:/etc/passwd" "$T/got-scp"
[ "$RC" -ne 0 ] && [ ! -e "$T/got-scp" ] && t_ok scp-gets-nothing || t_fail scp-gets-nothing "exit $RC"
t_run scp -O -F "$V/config" "$KU@server:/etc/passwd" "$T/got-scp-O"
[ "$RC" -ne 0 ] && [ ! -e "$T/got-scp-O" ] && t_ok scp-legacy-gets-nothing || t_fail scp-legacy-gets-nothing "exit $RC"
gone_after no-kiosk-left-by-commands 10

# forwarding: -L and -D reach nothing, -R is refused
banner() { # PORT: the first bytes read from 127.0.0.1:PORT ("nothing" when none)
	/usr/bin/python3 - "$1" <<'PY'
import socket, sys, time
port = int(sys.argv[1])
for _ in range(100):  # the forwarder may still be starting
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        break
    except OSError:
        time.sleep(0.1)
else:
    print("no listener")
    sys.exit(0)
s.settimeout(5)
try:
    data = s.recv(100)
except OSError:
    data = b""
print(data.decode(errors="replace").strip() or "nothing")
PY
}
socks() { # PORT TARGET_PORT: a SOCKS5 CONNECT to 127.0.0.1:TARGET through PORT
	/usr/bin/python3 - "$1" "$2" <<'PY'
import socket, struct, sys, time
port, target = int(sys.argv[1]), int(sys.argv[2])
for _ in range(100):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        break
    except OSError:
        time.sleep(0.1)
else:
    print("no listener")
    sys.exit(0)
s.settimeout(5)
try:
    s.sendall(b"\x05\x01\x00")
    if s.recv(2) != b"\x05\x00":
        print("refused")
        sys.exit(0)
    s.sendall(b"\x05\x01\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", target))
    reply = s.recv(10)
    if len(reply) < 2 or reply[1] != 0:
        print("refused")
        sys.exit(0)
    print("connected: " + (s.recv(100).decode(errors="replace").strip() or "nothing"))
except OSError:
    print("refused")
PY
}
LP=$(free_port)
$SSH -N -L "$LP:127.0.0.1:$PORT" "$KU@server" 2>"$T/L.err" 9<&- &
BG="$BG $!"
t_equal local-forward-reaches-nothing "$(banner "$LP")" nothing
DP=$(free_port)
$SSH -N -D "$DP" "$KU@server" 2>"$T/D.err" 9<&- &
BG="$BG $!"
t_equal dynamic-forward-reaches-nothing "$(socks "$DP" "$PORT")" refused
RP=$(free_port)
t_run timeout 60 $SSH -N -o ExitOnForwardFailure=yes -R "$RP:127.0.0.1:$PORT" "$KU@server"
[ "$RC" -ne 0 ] && [ "$RC" -ne 124 ] && t_ok remote-forward-refused || t_fail remote-forward-refused "exit $RC" "$ERR"
t_equal remote-forward-no-listener "$(banner "$RP")" "no listener"

# with a terminal: a shell asked for gets the kiosk
terminal shell "$TERMINAL" /bin/sh
check_screen shell-gets-kiosk shell "Type or scan your volunteer code"
$TM send-keys -t shell -l 'echo PWNED'
$TM send-keys -t shell Enter
check_screen shell-typing-is-a-code shell "Now type your PIN"
$TM kill-session -t shell
gone_after closed-connection-ends-kiosk 10

# environment from the client changes nothing; a volunteer signs in
terminal env "env MUSTER_DB=$T/evil.db MUSTER_CONFIG=$T/evil.ini MUSTER_NOW=2030-01-01T00:00:00Z" \
	"LC_ALL=$T/evil-locale TZDIR=$T/evil-zones $TERMINAL -o SendEnv=MUSTER_* -o SendEnv=LC_ALL" \
	"-o SendEnv=TZDIR -o SetEnv=MUSTER_DB=$T/evil2.db"
check_screen sendenv-gets-kiosk env "Type or scan your volunteer code"
kpid=$(kiosks | head -n 1)
if [ -n "$kpid" ] && ! tr '\0' '\n' <"/proc/$kpid/environ" | grep -qE '^(MUSTER_|LC_ALL=|TZDIR=)'; then
	t_ok sendenv-not-in-kiosk-environment
else
	t_fail sendenv-not-in-kiosk-environment "$(tr '\0' '\n' <"/proc/$kpid/environ" 2>/dev/null | grep -E 'MUSTER|LC_ALL|TZDIR')"
fi
$TM send-keys -t env -l "$CODE"
$TM send-keys -t env Enter
check_screen volunteer-asked-for-pin env "Now type your PIN"
$TM send-keys -t env -l "$PIN"
$TM send-keys -t env Enter
check_screen volunteer-signs-in env "Your upcoming shifts" 30
[ ! -e "$T/evil.db" ] && [ ! -e "$T/evil2.db" ] && t_ok sendenv-db-untouched || t_fail sendenv-db-untouched "$(ls "$T")"
$TM send-keys -t env q
check_screen volunteer-signs-out env "You are signed out"
$TM kill-session -t env
gone_after kiosk-ends-with-connection 10

# a dead connection: the block's keepalives, scaled from 15 s to 1 s here,
# end the kiosk (the client is frozen with SIGSTOP; tmux would wake a
# stopped pane process, so the client runs under a shell)
sed -i 's/^\(\tClientAliveInterval\) .*/\1 1/; s/^\(\tClientAliveCountMax\) .*/\1 1/' \
	"$D/etc/ssh/sshd_config.d/kiosk.conf"
kill -HUP "$(cat "$D/sshd.pid")"
sleep 1 # sshd re-executes itself on SIGHUP (no output to wait for)
terminal dead "sh -c '$TERMINAL; true'"
check_screen dead-link-kiosk-up dead "Type or scan your volunteer code"
client=$(pgrep -P "$($TM display-message -p -t dead '#{pane_pid}')" -x ssh)
kill -STOP "$client"
gone_after dead-connection-ends-kiosk 30
kill -CONT "$client"
$TM kill-session -t dead 2>/dev/null

# --- everything made is removed -------------------------------------------

t_expect uninstall-runs 0 make --no-print-directory -s -C "$ROOT" uninstall PREFIX="$D/usr/local"
[ ! -e "$D/usr/local/bin/muster" ] && t_ok uninstall-removes-binary || t_fail uninstall-removes-binary
cleanup
trap - EXIT
getent passwd "$KU" >/dev/null && t_fail cleanup-account "$KU is still there" || t_ok cleanup-account
getent group "$KG" >/dev/null && t_fail cleanup-group "$KG is still there" || t_ok cleanup-group
[ -e "$T" ] && t_fail cleanup-files "$T is still there" || t_ok cleanup-files
if [ "$made_run_sshd" = yes ] && [ -e /run/sshd ]; then t_fail cleanup-run-sshd "left /run/sshd"; else t_ok cleanup-run-sshd; fi
