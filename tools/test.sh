#!/usr/bin/env bash
# The test command (README): installs what is missing, builds, and runs the whole suite headless.
# .ci/run calls exactly this. Steps (design.md c.13): deps, configure + build (ci preset, -Werror),
# clang-format, layering, translations, ctest (unit, models, integration, widgets, keychain),
# benchmarks (figures only), desktop/metainfo validation.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
preset=${AGENTDESK_PRESET:-ci}
build="$root/build/$preset"
start=$(date +%s)
step() { printf '\n==> %s (%ss)\n' "$1" "$(($(date +%s) - start))"; }

step "dependencies"
tools/deps.sh

# Headless: no display, no session bus. Qt wants a private runtime dir.
export QT_QPA_PLATFORM=offscreen
runtime=$(mktemp -d)
chmod 0700 "$runtime"
export XDG_RUNTIME_DIR="$runtime"
trap 'rm -rf "$runtime"' EXIT
export AGENTDESK_ARTIFACTS="$build/artifacts"

step "configure and build ($preset)"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"

step "format (clang-format-14)"
mapfile -t sources < <(git ls-files '*.h' '*.cpp')
if [ ${#sources[@]} -gt 0 ]; then
    clang-format-14 --dry-run --Werror "${sources[@]}"
fi
echo "format: ${#sources[@]} files clean"

step "layering"
tools/check-layering.sh

if [ -d translations ] && ls translations/*.ts >/dev/null 2>&1 \
    && cmake --build "$build" --target help | grep -q update_translations; then
    step "translations up to date"
    cmake --build "$build" --target update_translations >/dev/null
    git diff --exit-code --stat translations/ \
        || { echo "translations: run the update_translations target and commit the .ts files"; exit 1; }
fi

if command -v desktop-file-validate >/dev/null && ls packaging/linux/*.desktop >/dev/null 2>&1; then
    step "desktop and metainfo files"
    desktop-file-validate packaging/linux/*.desktop
    appstreamcli validate --no-net packaging/linux/*.metainfo.xml
fi

step "benchmarks (figures only, never asserted)"
set +e
(cd "$build" && ctest -L benchmark -V >"$build/benchmarks.log" 2>&1)
bench_rc=$?
set -e
grep -E '^[0-9]+: (bench|  )[A-Za-z0-9_ .-]*: ' "$build/benchmarks.log" | sed -E 's/^[0-9]+: //' || true
[ $bench_rc -eq 0 ] || { echo "benchmarks: a benchmark crashed, see $build/benchmarks.log"; tail -40 "$build/benchmarks.log"; }

step "tests"
# xvfb-run gives the tests that need a real X server (label xvfb) a display; the rest stay
# offscreen through their own QT_QPA_PLATFORM. Keychain tests carry their own dbus launcher.
runner=()
if command -v xvfb-run >/dev/null; then
    runner=(xvfb-run -a -s "-screen 0 1440x900x24")
fi
set +e
"${runner[@]}" ctest --preset "$preset" -j 2
rc=$?
set -e
echo "test.sh: finished in $(($(date +%s) - start)) s (tests: exit $rc, benchmarks: exit $bench_rc)"
[ $rc -eq 0 ] && [ $bench_rc -eq 0 ]
