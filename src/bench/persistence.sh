#!/usr/bin/env bash
# Messages/s stored and broadcast by Parley's headless server with SQLite history on, beside the
# same server with history in memory (--in-memory), same load, alternating, ROUNDS times each
# (default 3). Few members (N=10, default) so that the figure is about storing, not fan-out.
# Prints every run and the ratio on/off of the medians. Loopback only; every wait is bounded.
#   src/bench/persistence.sh                 # from the repository root
#   ROUNDS=1 CLIENTS=20 src/bench/persistence.sh
#   MAX_STEPS=14 src/bench/persistence.sh    # the default 12 ends at 17,300 msgs/s, which "off" passes
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
CLIENTS=${CLIENTS:-10}
STEP_SECONDS=${STEP_SECONDS:-3}
MAX_STEPS=${MAX_STEPS:-12}
PORT=${PORT:-3203}
BENCH_NAME=persistence
# shellcheck source=src/bench/common.sh
source src/bench/common.sh
build_with_test_classpath

start_server() { # on|off
  rm -rf "$WORK/data"
  local history=(--data "$WORK/data")
  [[ $1 == off ]] && history=(--in-memory)
  "$JAVA" -jar target/parley.jar --headless --bind 127.0.0.1 --port "$PORT" --rate off "${history[@]}" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  wait_for_port "$PORT"
}

declare -A R
for round in $(seq 1 "$ROUNDS"); do
  for history in on off; do
    echo "=== round $round: SQLite history $history"
    start_server $history
    timeout 600 "$JAVA" -cp "$CP" dev.parley.bench.LoadGenerator --url "ws://127.0.0.1:$PORT/ws" --server-pid "$SERVER_PID" \
        --mode saturate --clients "$CLIENTS" --deliveries 2000 --factor 1.5 --max-steps "$MAX_STEPS" --seconds "$STEP_SECONDS" --warmup-seconds 3 \
      | tee "$WORK/out.txt" | grep -E '^(connect|step|RESULT)' || true
    deliveries=$(grep '^RESULT' "$WORK/out.txt" | tail -1 | sed -n 's/.*[ ]saturation_deliveries_per_s=\([0-9.]*\).*/\1/p')
    # Every message is delivered to all N members (its sender included): stored = deliveries / N.
    R[$history,$round]=$(awk -v d="${deliveries:-0}" -v n="$CLIENTS" 'BEGIN {printf "%.0f", d / n}')
    stop_server
  done
done

on=(); off=()
for round in $(seq 1 "$ROUNDS"); do on+=("${R[on,$round]}"); off+=("${R[off,$round]}"); done
mon=$(median "${on[@]}"); moff=$(median "${off[@]}")
echo
echo "=== messages/s stored and broadcast, N=$CLIENTS, p99 <= 100 ms and nothing lost ($ROUNDS rounds, at most $MAX_STEPS steps)"
printf '%-22s %s → median %s\n' "SQLite history on" "${on[*]}" "$mon"
printf '%-22s %s → median %s\n' "in memory (off)" "${off[*]}" "$moff"
awk -v a="$mon" -v b="$moff" 'BEGIN {if (b + 0 > 0) printf "on/off ratio: %.2f\n", a / b}'
