#!/usr/bin/env bash
# Installs hwbridge for real devices on Linux, for the user who runs it: the udev rule (through
# sudo, once per machine) and the daemon as a systemd user service started at login.
#   src/packaging/linux/install.sh [--no-udev] [--uninstall] [--dry-run]
# --dry-run prints the commands instead of running them. README.md beside this file explains each.
set -euo pipefail

HERE=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd -P)
ROOT=$(cd "$HERE/../../.." && pwd -P)
JAR=$ROOT/daemon/target/hwbridge.jar
RULE=/etc/udev/rules.d/70-hwbridge.rules
# These three paths are also in hwbridge.service (as %h/…): change them together.
LIB_DIR=$HOME/.local/lib/hwbridge
DATA_DIR=$HOME/.local/share/hwbridge
UNIT_DIR=${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user

udev=yes
uninstall=no
dry_run=no
for arg in "$@"; do
  case $arg in
    --no-udev) udev=no ;;
    --uninstall) uninstall=yes ;;
    --dry-run) dry_run=yes ;;
    -h | --help) sed -n '2,5s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

run() {
  printf '+ %s\n' "$*"
  [[ $dry_run == yes ]] || "$@"
}

if [[ $EUID -eq 0 && -n ${SUDO_USER:-} ]]; then
  echo "install.sh: run it as $SUDO_USER, without sudo: the service is a user service; it asks sudo for the udev rule itself" >&2
  exit 2
fi

if [[ $uninstall == yes ]]; then
  if command -v systemctl >/dev/null; then
    run systemctl --user disable --now hwbridge.service || true
  fi
  run rm -f "$UNIT_DIR/hwbridge.service" "$LIB_DIR/hwbridge.jar"
  if command -v systemctl >/dev/null; then
    run systemctl --user daemon-reload
  fi
  if [[ $udev == yes ]]; then
    run sudo rm -f "$RULE"
    run sudo udevadm control --reload-rules
  fi
  echo "hwbridge uninstalled; your account registry stays in $DATA_DIR"
  exit 0
fi

[[ -x /usr/bin/java ]] || echo "install.sh: warning: no /usr/bin/java; the service needs Java 17 there (e.g. apt-get install openjdk-17-jre-headless)" >&2
if [[ ! -f $JAR ]]; then
  run "$ROOT/hwbridge" build
fi

if [[ $udev == yes ]]; then
  run sudo install -m 0644 "$HERE/70-hwbridge.rules" "$RULE"
  run sudo udevadm control --reload-rules
  # Applies the rule to devices already plugged in.
  run sudo udevadm trigger --subsystem-match=hidraw --subsystem-match=usb
fi

run install -D -m 0644 "$JAR" "$LIB_DIR/hwbridge.jar"
run install -D -m 0644 "$HERE/hwbridge.service" "$UNIT_DIR/hwbridge.service"
# ReadWritePaths= in the unit needs the directory to exist.
run mkdir -p -m 0700 "$DATA_DIR"
if ! command -v systemctl >/dev/null; then
  echo "install.sh: no systemctl here; start the daemon yourself: java -jar $LIB_DIR/hwbridge.jar" >&2
  exit 1
fi
run systemctl --user daemon-reload
run systemctl --user enable hwbridge.service
# restart, not start: a reinstall must run the new jar.
run systemctl --user restart hwbridge.service
echo "hwbridge runs at ws://127.0.0.1:21335/ (wallet page http://127.0.0.1:21335/);" \
  "logs: journalctl --user -u hwbridge"
