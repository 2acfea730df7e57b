#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring and an isolated
# HOME, so keychain tests use a real Secret Service without touching the user's own keyring.
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh <command> [args...]" >&2
  exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool is not installed (apt-get install dbus gnome-keyring)" >&2; exit 2; }
done
keyring_home=$(mktemp -d "${TMPDIR:-/tmp}/fleece-keyring-home.XXXXXX")
trap 'rm -rf "$keyring_home"' EXIT
export FLEECE_REAL_HOME="${HOME:-}"
# npm and other tools keep reading the user's own configuration.
if [ -n "$FLEECE_REAL_HOME" ] && [ -f "$FLEECE_REAL_HOME/.npmrc" ] && [ -z "${NPM_CONFIG_USERCONFIG:-}" ]; then
  export NPM_CONFIG_USERCONFIG="$FLEECE_REAL_HOME/.npmrc"
fi
export HOME="$keyring_home"
export XDG_DATA_HOME="$keyring_home/.local/share"
export XDG_CONFIG_HOME="$keyring_home/.config"
export XDG_CACHE_HOME="${XDG_CACHE_HOME:-${FLEECE_REAL_HOME}/.cache}"
export XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# shellcheck disable=SC2016
exec dbus-run-session -- sh -c '
  eval "$(printf fleece-test | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  exec "$@"
' sh "$@"
