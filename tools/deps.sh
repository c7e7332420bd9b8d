#!/usr/bin/env bash
# Installs the Debian 12 packages AgentDesk needs to build, test and run. Idempotent: when every
# package is already installed it returns in about a second without touching apt.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-websockets-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev
    libgl-dev
    # run time (plugins that shlibdeps cannot see)
    qt6-qpa-plugins libqt6svg6 qt6-image-formats-plugins libsecret-1-0 fonts-dejavu-core
    qt6-translations-l10n
    # headless tests: Xvfb, D-Bus session + keyring, screenshots, formatting, fuzzing
    xvfb xauth xdotool imagemagick x11-apps dbus dbus-x11 gnome-keyring libsecret-tools
    clang-format-14 clang-14 libclang-rt-14-dev
    # packaging checks
    desktop-file-utils appstream dpkg-dev file
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "deps: installing ${#missing[@]} missing packages: ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "deps: need root or sudo to install packages" >&2; exit 1; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
