#!/usr/bin/env bash
# Messages/s stored and broadcast by Parley's headless server with SQLite history on, beside the
# same server with history in memory (--in-memory), same load, alternating, ROUNDS times each
# (default 3). Few members (N=10, default) so that the figure is about storing, not fan-out.
# Prints every run and the ratio on/off of the medians. Loopback only; every wait is bounded.
#   src/bench/persistence.sh                 # from the repository root
#   ROUNDS=1 CLIENTS=20 src/bench/persistence.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
CLIENTS=${CLIENTS:-10}
STEP_SECONDS=${STEP_SECONDS:-3}
PORT=${PORT:-3203}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

WORK=$(mktemp -d /tmp/parley-persistence.XXXXXX)
SERVER_PID=
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mvn -q -B package -DskipTests -Dinstaller.skip=true
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"

start_server() { # on|off
  rm -rf "$WORK/data"
  local history=(--data "$WORK/data")
  [[ $1 == off ]] && history=(--in-memory)
  "$JAVA" -jar target/parley.jar --headless --bind 127.0.0.1 --port "$PORT" --rate off "${history[@]}" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $PORT after 30 s" >&2; exit 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

declare -A R
for round in $(seq 1 "$ROUNDS"); do
  for history in on off; do
    echo "=== round $round: SQLite history $history"
    start_server $history
    timeout 600 "$JAVA" -cp "$CP" dev.parley.bench.LoadGenerator --url "ws://127.0.0.1:$PORT/ws" --server-pid "$SERVER_PID" \
        --mode saturate --clients "$CLIENTS" --deliveries 2000 --factor 1.5 --max-steps 12 --seconds "$STEP_SECONDS" --warmup-seconds 3 \
      | tee "$WORK/out.txt" | grep -E '^(connect|step|RESULT)' || true
    deliveries=$(grep '^RESULT' "$WORK/out.txt" | tail -1 | sed -n 's/.*[ ]saturation_deliveries_per_s=\([0-9.]*\).*/\1/p')
    # Every message is delivered to all N members (its sender included): stored = deliveries / N.
    R[$history,$round]=$(awk -v d="${deliveries:-0}" -v n="$CLIENTS" 'BEGIN {printf "%.0f", d / n}')
    stop_server
  done
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
on=(); off=()
for round in $(seq 1 "$ROUNDS"); do on+=("${R[on,$round]}"); off+=("${R[off,$round]}"); done
mon=$(median "${on[@]}"); moff=$(median "${off[@]}")
echo
echo "=== messages/s stored and broadcast, N=$CLIENTS, p99 <= 100 ms and nothing lost ($ROUNDS rounds)"
printf '%-22s %s → median %s\n' "SQLite history on" "${on[*]}" "$mon"
printf '%-22s %s → median %s\n' "in memory (off)" "${off[*]}" "$moff"
awk -v a="$mon" -v b="$moff" 'BEGIN {if (b + 0 > 0) printf "on/off ratio: %.2f\n", a / b}'
