# Shell functions for trying hwbridge by hand; source this file in bash or zsh:
#   . src/packaging/examples/hwbridge-shell.sh
# hwb METHOD [name=text | name:=json …]   one JSON-RPC call to the daemon (see hwbridge-call.mjs)
# device_screen                           what the simulated device's screen shows, as JSON
# device_confirm / device_reject          press its buttons, then show the next screen
# device_type TEXT                        type a word, PIN or password on it, then show the next screen
# They need Node 20 (hwb) and curl; HWBRIDGE_URL and HWBRIDGE_SCREEN change the addresses.
if [ -n "${BASH_VERSION:-}" ]; then
  HWBRIDGE_EXAMPLES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
else
  HWBRIDGE_EXAMPLES=$(cd "$(dirname "$0")" && pwd -P)
fi
HWBRIDGE_SCREEN=${HWBRIDGE_SCREEN:-http://127.0.0.1:21337}

# Node 20 has WebSocket behind a flag; later versions have it built in.
if node -e 'process.exit(typeof WebSocket === "function" ? 0 : 1)' 2>/dev/null; then
  HWBRIDGE_NODE_FLAGS=''
else
  HWBRIDGE_NODE_FLAGS='--experimental-websocket'
fi

hwb() {
  node $HWBRIDGE_NODE_FLAGS "$HWBRIDGE_EXAMPLES/hwbridge-call.mjs" "$@"
}

device_screen() {
  curl -sS "$HWBRIDGE_SCREEN/screen"
  echo
}

# Posts an answer, then shows the screen once it has moved on to the next question (or after 2 s,
# e.g. when the flow has ended): the device passes through short "working" screens in between.
device_post() {
  local before reply now i=0
  before=$(curl -sS "$HWBRIDGE_SCREEN/screen")
  reply=$(curl -sS -H 'Content-Type: application/json' -d "$2" "$HWBRIDGE_SCREEN/$1")
  case $reply in
    *'"ok":true'*) ;;
    *) printf '%s\n' "$reply"; return 1 ;;
  esac
  now=$before
  while [ "$i" -lt 20 ]; do
    sleep 0.1
    now=$(curl -sS "$HWBRIDGE_SCREEN/screen")
    case $now in
      *'"input":"none"'*) ;;
      *) [ "$now" != "$before" ] && break ;;
    esac
    i=$((i + 1))
  done
  printf '%s\n' "$now"
}

device_confirm() {
  device_post button '{"action":"confirm"}'
}

device_reject() {
  device_post button '{"action":"reject"}'
}

device_type() {
  # JSON-escape backslashes and quotes; words and PINs have neither.
  device_post input "{\"text\":\"$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')\"}"
}
