#!/usr/bin/env bash
# The test command (README): installs what is missing, builds, and runs the whole suite headless.
# .ci/run calls exactly this. Steps (design.md c.13): deps, configure + build (ci preset, -Werror),
# clang-format, layering, translations, ctest (unit, models, integration, widgets, keychain),
# benchmarks (figures only, from this -O2 build), desktop/metainfo validation, then the asan
# preset (clang-14, ASan+UBSan+LSan) running unit, integration, soak, fuzz and journeys.
# Budget: under 20 minutes on 2 cores from a clean clone.
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

step "protocol references"
tools/check-protocol-refs.sh

# grep -q would close the pipe early and, under pipefail, fail the whole test; read it all.
build_targets=$(cmake --build "$build" --target help)
if [ -d translations ] && ls translations/*.ts >/dev/null 2>&1 \
    && grep -q update_translations <<<"$build_targets"; then
    step "translations up to date"
    cmake --build "$build" --target update_translations >/dev/null
    git diff --exit-code --stat translations/ \
        || { echo "translations: run the update_translations target and commit the .ts files"; exit 1; }
    step "German translation complete"
    # lupdate marks new or changed strings unfinished; an empty form is as bad as a missing one.
    untranslated=$(grep -cE 'type="(unfinished|vanished|obsolete)"|<translation></translation>|<numerusform></numerusform>' \
        translations/agentdesk_de.ts || true)
    if [ "$untranslated" -ne 0 ]; then
        grep -nE -B3 'type="(unfinished|vanished|obsolete)"|<translation></translation>|<numerusform></numerusform>' \
            translations/agentdesk_de.ts | grep '<source>' | head -20
        echo "translations: $untranslated German messages are untranslated; translate them in agentdesk_de.ts"
        exit 1
    fi
    echo "translations: agentdesk_de.ts complete"
fi

if command -v desktop-file-validate >/dev/null && ls packaging/linux/*.desktop >/dev/null 2>&1; then
    step "desktop and metainfo files"
    desktop-file-validate packaging/linux/*.desktop
    appstreamcli validate --no-net packaging/linux/*.metainfo.xml
    # --no-net cannot fetch the screenshots; at least each one must be in the tree it names.
    for url in $(grep -o 'https://raw.githubusercontent.com/[^<]*' packaging/linux/*.metainfo.xml); do
        file=${url#https://raw.githubusercontent.com/*/*/main/}
        [ -f "$file" ] || { echo "metainfo: screenshot $file is not in the tree"; exit 1; }
    done
    echo "metainfo: $(grep -c '<image' packaging/linux/*.metainfo.xml) screenshots present"
fi

if command -v dpkg-deb >/dev/null && [ -f "$build/CPackConfig.cmake" ]; then
    # The .deb from the ci build (a second, release build would not fit the time budget): what
    # it holds, that its desktop files validate, and that the unpacked app runs from /usr.
    step "package (.deb)"
    app_id=io.github.agentdesk.AgentDesk
    pkg="$build/package"
    rm -rf "$pkg"
    mkdir -p "$pkg"
    (cd "$pkg" && cpack -G DEB --config "$build/CPackConfig.cmake" \
        -D CPACK_PACKAGING_INSTALL_PREFIX=/usr >"$pkg/cpack.log" 2>&1) \
        || { cat "$pkg/cpack.log"; echo "package: cpack failed"; exit 1; }
    deb=$(ls "$pkg"/*.deb)
    dpkg-deb -c "$deb" | awk '{print $6}' >"$pkg/contents.txt"
    echo "package: $(basename "$deb"), $(grep -vc '/$' "$pkg/contents.txt") files"
    expected=(./usr/bin/agentdesk ./usr/libexec/agentdesk/agentdesk-sim
        "./usr/share/applications/$app_id.desktop" "./usr/share/metainfo/$app_id.metainfo.xml"
        "./usr/share/icons/hicolor/scalable/apps/$app_id.svg")
    for size in 16 24 32 48 64 128 256; do
        expected+=("./usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
    done
    for f in "${expected[@]}"; do
        grep -Fxq "$f" "$pkg/contents.txt" || { cat "$pkg/contents.txt"; echo "package: $f missing"; exit 1; }
    done
    dpkg -x "$deb" "$pkg/root"
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate "$pkg/root/usr/share/applications/$app_id.desktop"
        appstreamcli validate --no-net "$pkg/root/usr/share/metainfo/$app_id.metainfo.xml"
    fi
    "$pkg/root/usr/bin/agentdesk" --version
    # The unpacked app must find its simulator in ../libexec/agentdesk, not in the build tree.
    env -u AGENTDESK_SIM QT_QPA_PLATFORM=offscreen \
        "$pkg/root/usr/bin/agentdesk" --demo --quit-after 3000 >"$pkg/demo.log" 2>&1 \
        || { cat "$pkg/demo.log"; echo "package: the unpacked demo did not start and quit cleanly"; exit 1; }
    echo "package: contents complete, unpacked app ran its demo"
fi

step "benchmarks (figures only, never asserted)"
# The figures come from the ci build itself: -O2 as users get it (the Debian package's level).
flags=$(sed -nE 's/^CMAKE_CXX_FLAGS_RELWITHDEBINFO:STRING=(.*)/\1/p' "$build/CMakeCache.txt")
compiler=$(sed -nE 's/^CMAKE_CXX_COMPILER:(STRING|FILEPATH)=(.*)/\2/p' "$build/CMakeCache.txt")
echo "  build: preset $preset, $(sed -nE 's/^CMAKE_BUILD_TYPE:STRING=(.*)/\1/p' "$build/CMakeCache.txt") ${flags}, $("$compiler" --version | head -1)"
echo "  machine: $(sed -nE 's/^model name\s*:\s*//p' /proc/cpuinfo | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
set +e
(cd "$build" && ctest -L benchmark -V >"$build/benchmarks.log" 2>&1)
bench_rc=$?
set -e
# Benchmarks print "name: value unit" lines; show just those.
grep -E '^[0-9]+: [a-z][a-z0-9_]*: [-0-9.]+' "$build/benchmarks.log" | sed -E 's/^[0-9]+: /  /' || true
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
# The soak's own account: seed, drops (cut inside frames), per-id deliveries, after_id checks.
grep -hE 'QINFO.*resume: ' "$build"/Testing/Temporary/LastTest.log 2>/dev/null | sed -E 's/^.*resume: /  resume: /' || true

# Sanitizers (issue 15): a second build with clang-14, ASan + UBSan + LSan and libFuzzer coverage
# (unity batches, -O1), running the labels that exercise untrusted input and lifetimes: unit,
# integration, soak, fuzz (libFuzzer targets for a bounded time) and journeys. Only the targets
# those tests need are built. AGENTDESK_SANITIZERS=0 skips this part (local quick runs).
asan_rc=0
if [ "${AGENTDESK_SANITIZERS:-1}" != 0 ]; then
    asan_build="$root/build/asan"
    step "configure and build (asan: clang-14, ASan+UBSan+LSan, unity)"
    cmake --preset asan >/dev/null
    mapfile -t asan_targets < <(cd "$asan_build" \
        && ctest -N -L '^(unit|integration|soak|fuzz|journeys)$' \
        | sed -nE 's/^ *Test +#[0-9]+: ([A-Za-z0-9_]+)$/\1/p' \
        | sed -E 's/_(legacy|v237|newest)$//' | sort -u)
    # (A journey runs once per server generation: NAME, NAME_legacy, NAME_v237 share one target.)
    echo "asan: ${#asan_targets[@]} test targets"
    cmake --build "$asan_build" -j "$(nproc)" --target agentdesk-sim "${asan_targets[@]}"
    step "tests under ASan+UBSan+LSan (unit, integration, soak, fuzz, journeys)"
    set +e
    # Two at a time, except the journeys: their 10 s waits for the window are not meant for a
    # sanitized app sharing the cores with a fuzzer, so they run last, one at a time.
    AGENTDESK_ARTIFACTS="$asan_build/artifacts" "${runner[@]}" ctest --preset asan -j 2 \
        -LE '^journeys$'
    asan_rc=$?
    grep -hE '^(fuzz: .*(seed|executions)|QINFO.*resume: )' \
        "$asan_build"/Testing/Temporary/LastTest.log 2>/dev/null | sed -E 's/^.*resume: /  resume: /' || true
    AGENTDESK_ARTIFACTS="$asan_build/artifacts" "${runner[@]}" ctest --preset asan -L '^journeys$'
    journeys_rc=$?
    [ $asan_rc -ne 0 ] || asan_rc=$journeys_rc
    set -e
fi
echo "test.sh: finished in $(($(date +%s) - start)) s (tests: exit $rc, sanitizers: exit $asan_rc, benchmarks: exit $bench_rc)"
[ $rc -eq 0 ] && [ $asan_rc -eq 0 ] && [ $bench_rc -eq 0 ]
