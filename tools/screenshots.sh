#!/usr/bin/env bash
# Real-window screenshots for docs and review: runs `agentdesk --demo --screenshot DIR` under
# Xvfb (a real X server, not the offscreen platform) and, while the app walks through its
# screens, captures the whole X screen with ImageMagick's `import -window root` as each stage
# appears. The app writes <stage>.png (its own grab) and then "done"; this script adds
# screen-<stage>.png (what the X server shows).
#
#   tools/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
out=${2:-$build/screenshots}
app="$build/src/app/agentdesk"
[ -x "$app" ] || { echo "screenshots: $app not built" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run missing (apt-get install xvfb xauth)" >&2; exit 1; }
command -v import >/dev/null || { echo "screenshots: import missing (apt-get install imagemagick)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
export AGENTDESK_SIM=${AGENTDESK_SIM:-$build/src/sim/agentdesk-sim}

xvfb-run -a -s "-screen 0 1440x900x24" bash -s "$app" "$out" <<'INNER'
set -euo pipefail
app=$1 out=$2
export QT_QPA_PLATFORM=xcb
"$app" --demo --screenshot "$out" --quit-after 60000 &
pid=$!
capture() { # wait for the app's own picture of a stage, then photograph the screen
    local stage=$1
    for _ in $(seq 1 300); do
        [ -f "$out/$stage.png" ] && break
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    [ -f "$out/$stage.png" ] && import -window root "$out/screen-$stage.png" && echo "captured $stage"
}
capture main-window
capture new-chat-dialog
capture command-palette
capture tray-menu
capture sign-in-dialog
capture settings-general
capture settings-deployments
capture main-window-dark
wait "$pid"
INNER
ls -1 "$out"
