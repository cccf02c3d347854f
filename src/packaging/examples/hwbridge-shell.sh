# Shell functions for trying hwbridge by hand; source this file in bash or zsh:
#   . src/packaging/examples/hwbridge-shell.sh
# hwb METHOD [name=text | name:=json …]   one JSON-RPC call to the daemon (see hwbridge-call.mjs)
# device_screen                           what the simulated device's screen shows, as JSON
# device_confirm / device_reject          press its buttons
# device_type TEXT                        type a word, PIN or password on it
# They need Node 20 (hwb) and curl; HWBRIDGE_URL and HWBRIDGE_SCREEN change the addresses.
if [ -n "${BASH_VERSION:-}" ]; then
  HWBRIDGE_EXAMPLES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
else
  HWBRIDGE_EXAMPLES=$(cd "$(dirname "$0")" && pwd -P)
fi
HWBRIDGE_SCREEN=${HWBRIDGE_SCREEN:-http://127.0.0.1:21337}

hwb() {
  node --experimental-websocket "$HWBRIDGE_EXAMPLES/hwbridge-call.mjs" "$@"
}

device_screen() {
  curl -sS "$HWBRIDGE_SCREEN/screen"
  echo
}

device_post() {
  curl -sS -H 'Content-Type: application/json' -d "$2" "$HWBRIDGE_SCREEN/$1"
  echo
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
