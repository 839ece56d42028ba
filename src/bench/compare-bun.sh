#!/usr/bin/env bash
# Parley's headless server against the Bun seed's server, same load, alternating, ROUNDS times
# each (default 3). Prints every run and the ratios Parley/Bun of the medians:
#   saturation (highest sustained deliveries/s, p99 <= 100 ms, nothing lost) at N=100 and N=1000,
#   p99 at 10,000 deliveries/s with N=100, server RSS per idle connection (10,000 of them),
#   and server CPU microseconds per delivery (the figure that survives a busy machine).
# Loopback only; every wait is bounded. Needs JDK 25, Maven, npm (Bun comes from the npm registry).
#   src/bench/compare-bun.sh                 # from the repository root
#   ROUNDS=1 STEP_SECONDS=3 BUN=/path/to/bun src/bench/compare-bun.sh
#   PARLEY_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/parley.jfr,settings=profile" src/bench/compare-bun.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
STEP_SECONDS=${STEP_SECONDS:-3}
IDLE_CLIENTS=${IDLE_CLIENTS:-10000}
# RSS per connection hardly varies between runs and 10,000 handshakes take minutes here.
MEMORY_ROUNDS=${MEMORY_ROUNDS:-1}
# Idle connections: kept idle up to this long (both servers), RSS read every second; the figure
# is the last reading while all are open, the steady state rather than the connect burst's peak
# (also printed). Parley's heap goes back 10-20 s after its last collection; the seed's Bun
# server closes idle connections somewhere between 15 and 40 s, which ends its readings there.
IDLE_SECONDS=${IDLE_SECONDS:-40}
SEED=${SEED:-../shared/seed/bun-websocket-chat.md}
PARLEY_PORT=${PARLEY_PORT:-3201}
BUN_PORT=${BUN_PORT:-3202}
BENCH_NAME=compare
# shellcheck source=src/bench/common.sh
source src/bench/common.sh

bun_and_seed_server   # sets BUN, writes $WORK/server.ts

# --- Parley and the load generator ---
build_with_test_classpath
HEAP_FLAGS=$(product_jvm_flags)

start_server() { # parley|bun
  if [[ $1 == parley ]]; then
    rm -rf "$WORK/data"
    # shellcheck disable=SC2086 # the options are words
    "$JAVA" $HEAP_FLAGS ${PARLEY_JAVA_OPTS:-} -jar target/parley.jar --headless --bind 127.0.0.1 --port "$PARLEY_PORT" --rate off --data "$WORK/data" \
      --max-connections 20000 --max-connections-per-address 20000 >"$WORK/parley.log" 2>&1 &
    SERVER_PID=$!; PORT=$PARLEY_PORT
  else
    PORT=$BUN_PORT "$BUN" run "$WORK/server.ts" >"$WORK/bun.log" 2>&1 &
    SERVER_PID=$!; PORT=$BUN_PORT
  fi
  wait_for_port "$PORT"
}

# Runs the generator against the running server; prints its output, keeps the RESULT line.
load() { # label, generator flags...
  local label=$1; shift
  echo "--- $label"
  timeout 600 "$JAVA" -cp "$CP" dev.parley.bench.LoadGenerator --url "ws://127.0.0.1:$PORT/ws" --server-pid "$SERVER_PID" "$@" \
    | tee "$WORK/out.txt" | grep -E '^(connect|step|RESULT|server RSS|warning|note)' || true
  LAST=$(grep '^RESULT' "$WORK/out.txt" | tail -1)
}
value() { sed -n "s/.*[ ]$1=\([-0-9.]*\).*/\1/p" <<<"$LAST"; }

declare -A R
SAT="--mode saturate --deliveries 10000 --factor 1.5 --max-steps 16 --seconds $STEP_SECONDS --warmup-seconds 5"
for round in $(seq 1 "$ROUNDS"); do
  for server in parley bun; do
    echo "=== round $round: $server"
    if (( round <= MEMORY_ROUNDS )); then
      start_server $server
      load "memory, $IDLE_CLIENTS idle" --mode memory --clients "$IDLE_CLIENTS" --room-per-client --source-addresses 4 --settle-seconds 15 --connect-concurrency 128 --idle-seconds "$IDLE_SECONDS"
      R[$server,rss,$round]=$(value rss_per_conn_bytes)
      stop_server
    fi
    start_server $server
    load "saturation N=100" $SAT --clients 100
    R[$server,sat100,$round]=$(value saturation_deliveries_per_s)
    load "saturation N=1000" $SAT --clients 1000 --settle-seconds 30
    R[$server,sat1000,$round]=$(value saturation_deliveries_per_s)
    load "p99 at 10000 deliveries/s, N=100" --clients 100 --deliveries 10000 --seconds 10 --warmup-seconds 3
    R[$server,p99,$round]=$(value p99_ms)
    R[$server,cpu,$round]=$(value server_cpu_us_per_delivery)
    stop_server
  done
done

echo
echo "=== summary ($ROUNDS rounds; 2 shared cores: expect noise, compare medians)"
printf '%-40s %-28s %-28s %s\n' metric "Parley (runs → median)" "Bun (runs → median)" "Parley/Bun"
for metric in sat100 sat1000 p99 rss cpu; do
  p=(); b=()
  for round in $(seq 1 "$ROUNDS"); do
    if [[ -n ${R[parley,$metric,$round]:-} ]]; then p+=("${R[parley,$metric,$round]}"); fi
    if [[ -n ${R[bun,$metric,$round]:-} ]]; then b+=("${R[bun,$metric,$round]}"); fi
  done
  pm=$(median "${p[@]}"); bm=$(median "${b[@]}")
  ratio=$(awk -v p="$pm" -v b="$bm" 'BEGIN {if (b + 0 == 0 || p == "nan" || b == "nan") print "n/a"; else printf "%.2f", p / b}')
  case $metric in
    sat100) name="saturation deliveries/s, N=100" ;; sat1000) name="saturation deliveries/s, N=1000" ;;
    p99) name="p99 ms at 10k deliveries/s, N=100" ;; rss) name="server RSS bytes per idle connection" ;;
    cpu) name="server CPU µs per delivery (10k/s)" ;;
  esac
  printf '%-40s %-28s %-28s %s\n' "$name" "${p[*]} → $pm" "${b[*]} → $bm" "$ratio"
done
