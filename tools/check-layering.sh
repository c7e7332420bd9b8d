#!/usr/bin/env bash
# Fails when a layer includes a header it must not see (design.md c.3):
#   core     Qt Core/Network/WebSockets/Concurrent only; no models, platform, widgets, keychain,
#            app, sim
#   models   core + Qt Core; no QtGui or QtWidgets, no platform/widgets/keychain/app/sim
#   platform core + Qt (Core, Network, DBus, Gui/Widgets as needed); no models, widgets, keychain,
#            app or sim: it talks to the desktop, not to Coder
#   keychain core + qtkeychain; no widgets/models/platform/app/sim
#   widgets  models + core + platform + Qt Widgets; no keychain, app or sim
#   sim      shares nothing with the client
# and when the session token header is set anywhere but the one request-building place.
set -uo pipefail
cd "$(dirname "$0")/.."

status=0
report() { echo "layering: $1"; status=1; }

# check <folder> <regex of forbidden includes> <why>
check() {
    local dir=$1 pattern=$2 why=$3
    [ -d "src/$dir" ] || return 0
    local hits
    hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" "src/$dir" \
        --include='*.h' --include='*.cpp' || true)
    if [ -n "$hits" ]; then
        while IFS= read -r line; do report "$line  ($why)"; done <<<"$hits"
    fi
}

gui='QtGui/|QtWidgets/|QtSvg/|Q(Widget|Application|GuiApplication|Icon|Color|Font|Pixmap|Image|Painter|Palette|TextDocument|Action|MainWindow|Dialog|ListView|Clipboard|Screen|Brush|Pen)\b[^/]*>'
check core "models/|platform/|widgets/|keychain/|app/|sim/|qt6keychain/|$gui" "core sees Qt Core/Network only"
check models "platform/|widgets/|keychain/|app/|sim/|qt6keychain/|$gui" "models are Qt Core only"
check platform "models/|widgets/|keychain/|app/|sim/|qt6keychain/" "platform sees core and Qt only"
check keychain "models/|platform/|widgets/|app/|sim/" "keychain sees core only"
check widgets "keychain/|app/|sim/|qt6keychain/" "widgets receive the SecretStore interface"
check sim "core/|models/|platform/|widgets/|keychain/|app/" "the simulator shares no code with the client"

# The token header is applied in exactly one request-building function (ApiClient::makeRequest).
leaks=$(grep -rn 'Coder-Session-Token' src --include='*.h' --include='*.cpp' \
    | grep -vE '^src/sim/|^src/core/(api/ApiClient|live/WebSocketChannel)\.(h|cpp):' \
    | grep -vE '^[^:]+:[0-9]+:[[:space:]]*(//|\*)' || true)
if [ -n "$leaks" ]; then
    while IFS= read -r line; do report "$line  (token header outside ApiClient::makeRequest)"; done <<<"$leaks"
fi

# Link graph: CMake must not give a lower layer a higher one's libraries.
for pair in "core:Qt6::Gui|Qt6::Widgets|agentdesk_models|agentdesk_platform|agentdesk_widgets" \
            "models:Qt6::Gui|Qt6::Widgets|agentdesk_platform|agentdesk_widgets" \
            "platform:agentdesk_models|agentdesk_widgets|agentdesk_keychain|agentdesk_app|Qt6Keychain" \
            "sim:agentdesk_core|agentdesk_models|agentdesk_platform|Qt6::Gui|Qt6::Widgets"; do
    dir=${pair%%:*}; pattern=${pair#*:}
    if [ -f "src/$dir/CMakeLists.txt" ] && grep -nE "$pattern" "src/$dir/CMakeLists.txt" >/dev/null; then
        report "src/$dir/CMakeLists.txt links a library its layer must not ($pattern)"
    fi
done

[ $status -eq 0 ] && echo "layering: ok"
exit $status
