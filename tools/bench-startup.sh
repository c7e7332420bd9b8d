#!/usr/bin/env bash
# Start-up measured from outside (issue 15): starts the optimised app in demo mode against the
# simulator seeded with 2,000 chats, five times, and prints per run and as medians:
#   start_to_first_painted_list     process start -> first paint of the list showing chats
#   start_to_all_rows_loaded        process start -> the directory applied the full listing
#   start_to_all_rows_painted       process start -> the first list paint after that
#   rss_idle / pss_idle             the app's memory 10 s after start (the simulator is apart)
#   cpu_idle                        CPU the app used from 10 s to 20 s after start (idle)
# The three times come from the app's own --report-startup line (from the kernel's start time of
# the process, 10 ms ticks); memory and CPU are read from /proc/<pid> by this script.
#
#   tools/bench-startup.sh [path/to/agentdesk]     (default: build/ci/src/app/agentdesk)
# Parameters: AGENTDESK_BENCH_RUNS (5), AGENTDESK_BENCH_CHATS (2000).
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-build/ci/src/app/agentdesk}
runs=${AGENTDESK_BENCH_RUNS:-5}
chats=${AGENTDESK_BENCH_CHATS:-2000}
[ -x "$app" ] || { echo "bench-startup: $app is not built (cmake --build --preset ci --target agentdesk)"; exit 1; }
tick=$(getconf CLK_TCK)
echo "bench-startup: $app, ${chats} chats, ${runs} runs, QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}"
echo "bench-startup: machine: $(sed -nE 's/^model name\s*:\s*//p' /proc/cpuinfo | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

cpu_ticks() { awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[12] + f[13] }' "/proc/$1/stat"; }
kib_of() { awk -v k="$2:" '$1 == k { print $2 }' "$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print -1 }'; }

declare -a first loaded painted rss pss cpu
for run in $(seq 1 "$runs"); do
    home=$(mktemp -d)
    out="$home/out.txt"
    XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
        QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} \
        "$app" --demo --sim-arg=--chats --sim-arg="$chats" --report-startup --quit-after 25000 \
        >"$out" 2>"$home/err.txt" &
    pid=$!
    for _ in $(seq 1 600); do
        grep -q '^startup:' "$out" 2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    line=$(grep '^startup:' "$out" || true)
    if [ -z "$line" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        tail -20 "$home/err.txt"
        echo "bench-startup: run $run printed no startup line"
        rm -rf "$home"
        exit 1
    fi
    value() { sed -nE "s/.*$1=([0-9-]+).*/\\1/p" <<<"$line"; }
    first+=("$(value first_list_paint_ms)")
    loaded+=("$(value all_rows_loaded_ms)")
    painted+=("$(value all_rows_painted_ms)")
    # Idle: 10 s after the process started (its own start time), then 10 s more for the CPU.
    start_ticks=$(awk '{ s = $0; sub(/^.*\) /, "", s); split(s, f, " "); print f[20] }' "/proc/$pid/stat")
    uptime_ticks=$(awk -v t="$tick" '{ printf "%d", $1 * t }' /proc/uptime)
    wait_s=$(awk -v a="$start_ticks" -v u="$uptime_ticks" -v t="$tick" \
        'BEGIN { w = 10 - (u - a) / t; if (w < 0) w = 0; printf "%.2f", w }')
    sleep "$wait_s"
    rss+=("$(kib_of "/proc/$pid/status" VmRSS)")
    pss+=("$(kib_of "/proc/$pid/smaps_rollup" Pss)")
    before=$(cpu_ticks "$pid")
    sleep 10
    after=$(cpu_ticks "$pid")
    cpu+=("$(((after - before) * 1000 / tick))")
    echo "run $run: first list paint ${first[-1]} ms, all rows loaded ${loaded[-1]} ms, painted ${painted[-1]} ms, RSS ${rss[-1]} KiB, PSS ${pss[-1]} KiB, idle CPU ${cpu[-1]} ms in 10 s ($line)"
    wait "$pid" || true
    rm -rf "$home"
done
printf 'start_to_first_painted_list_median: %s ms\n' "$(printf '%s\n' "${first[@]}" | median)"
printf 'start_to_all_rows_loaded_median: %s ms\n' "$(printf '%s\n' "${loaded[@]}" | median)"
printf 'start_to_all_rows_painted_median: %s ms\n' "$(printf '%s\n' "${painted[@]}" | median)"
printf 'rss_idle_10s_median: %s KiB\n' "$(printf '%s\n' "${rss[@]}" | median)"
printf 'pss_idle_10s_median: %s KiB\n' "$(printf '%s\n' "${pss[@]}" | median)"
printf 'cpu_idle_10s_to_20s_median: %s ms\n' "$(printf '%s\n' "${cpu[@]}" | median)"
