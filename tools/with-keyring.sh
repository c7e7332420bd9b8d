#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so QtKeychain
# talks to a real Secret Service headless (CI has no session bus). Used as a ctest launcher.
# The unlock password must be non-empty: an empty one leaves no "login" collection on Debian 12.
set -eu
if [ -z "${AGENTDESK_IN_DBUS:-}" ]; then
    AGENTDESK_IN_DBUS=1 exec dbus-run-session -- "$0" "$@"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -m 0700 "$scratch/run"
export XDG_RUNTIME_DIR="$scratch/run"
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
eval "$(printf 'agentdesk-ci' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
