#!/usr/bin/env bash
# The demo command (README): installs what is missing, builds, and opens AgentDesk against the
# embedded Coder Agents simulator (no real deployment, no keychain). Extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${AGENTDESK_PRESET:-dev}
build="$PWD/build/$preset"

tools/deps.sh
cmake --preset "$preset" >/dev/null
# Only the two programs the demo runs: the test suite is tools/test.sh's business.
targets=(agentdesk-sim)
available=$(cmake --build "$build" --target help) # captured: grep -q would break the pipe
if grep -q '^agentdesk:' <<<"$available"; then
    targets+=(agentdesk)
fi
cmake --build --preset "$preset" -j "$(nproc)" --target "${targets[@]}"

app="$build/src/app/agentdesk"
sim="$build/src/sim/agentdesk-sim"
if [ -x "$app" ]; then
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "demo: no display found; starting under Xvfb (set DISPLAY to use your desktop)"
        exec xvfb-run -a -s "-screen 0 1440x900x24" "$app" --demo "$@"
    fi
    exec "$app" --demo "$@"
fi

# A build without the app (-DAGENTDESK_BUILD_APP=OFF) can still demo the simulator on its own.
echo "demo: the desktop app is not in this build; running the Coder Agents simulator alone."
token=AgntDeskSm-demo0token0000000000000
echo "demo: try  curl -H 'Coder-Session-Token: $token' http://127.0.0.1:<port>/api/v2/chats"
AGENTDESK_SIM_TOKEN=$token exec "$sim" --demo --port "${AGENTDESK_DEMO_PORT:-0}" "$@"
