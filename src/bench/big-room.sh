#!/usr/bin/env bash
# One room, many members: Parley's headless server beside the seed's Bun server, same crowd,
# one after the other. Prints, for N = 1,000, 2,000 and 10,000 members joining one room: the
# time until all are greeted (Bun: its "joined" line; Parley: its welcome) and, for Parley, until
# every member holds the full member list; the server's RSS per idle member at 10,000; and the
# time until 2,000 members are back after the server restarts (they reconnect with the real
# client's jittered backoff). Loopback only (127.0.0.1 … 127.0.0.2 as source addresses); every
# wait is bounded. Needs JDK 25, Maven, npm (Bun comes from the npm registry) or BUN=/path/to/bun.
#   src/bench/big-room.sh                    # from the repository root
#   MEMBERS=1000,2000 RSS_AT=0 src/bench/big-room.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

MEMBERS=${MEMBERS:-1000,2000,10000}
SERVERS=${SERVERS:-parley bun}
RESTART_AT=${RESTART_AT:-2000}
RSS_AT=${RSS_AT:-10000}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-300}
SEED=${SEED:-../shared/seed/bun-websocket-chat.md}
PARLEY_PORT=${PARLEY_PORT:-3211}
BUN_PORT=${BUN_PORT:-3212}
BENCH_NAME=big-room
# shellcheck source=src/bench/common.sh
source src/bench/common.sh

# What the run needs of Linux: a descriptor per member in the crowd's process and in the
# server's (the largest room, plus the JVM's own files), and an accept queue for a crowd that
# reconnects at once (Parley asks for 4,096; somaxconn caps it).
largest=$(tr ',' '\n' <<<"$MEMBERS" | sort -n | tail -1)
need_files=$((largest + 1024))
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # the soft limit may rise to the hard one
echo "limits: open files (ulimit -n) $(ulimit -n), hard $(ulimit -Hn), needed $need_files;" \
  "somaxconn $(cat /proc/sys/net/core/somaxconn 2>/dev/null || echo '?');" \
  "ephemeral ports $(tr '\t' '-' < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo '?') per source address"
if [[ $(ulimit -n) != unlimited && $(ulimit -n) -lt $need_files ]]; then
  echo "big-room: $largest members need 'ulimit -n' of at least $need_files, and the hard limit is $(ulimit -Hn)." >&2
  echo "  Raise it (as root: 'ulimit -Hn $need_files', or nofile in /etc/security/limits.conf) or run with smaller MEMBERS." >&2
  exit 2
fi

bun_and_seed_server   # sets BUN, writes $WORK/server.ts

build_with_test_classpath
HEAP_FLAGS=$(product_jvm_flags)
# A copy of what runs, so that building again meanwhile cannot pull classes from under it.
cp -r target/classes target/test-classes "$WORK/"
CP="$WORK/test-classes:$WORK/classes:${CP#target/test-classes:target/classes:}"

# The benchmark starts, restarts and stops each server itself (its pid is the server's).
bench() { # label, port, server command, extra flags...
  local label=$1 port=$2 command=$3; shift 3
  echo "=== $label"
  timeout 1800 "$JAVA" -cp "$CP" dev.parley.bench.BigRoom --label "$label" --port "$port" \
    --server-command "$command" --server-log "$WORK/$label.log" \
    --members "$MEMBERS" --restart-at "$RESTART_AT" --rss-at "$RSS_AT" --timeout-seconds "$TIMEOUT_SECONDS" "$@" \
    | tee -a "$WORK/out.txt"
}

for server in $SERVERS; do
  if [[ $server == parley ]]; then
    bench parley "$PARLEY_PORT" "$JAVA $HEAP_FLAGS ${PARLEY_JAVA_OPTS:-} -jar target/parley.jar --headless --bind 127.0.0.1 \
--port $PARLEY_PORT --rate off --in-memory --no-announce --max-connections 30000 --max-connections-per-address 30000" --presence
  else
    bench bun "$BUN_PORT" "env PORT=$BUN_PORT $BUN run $WORK/server.ts"
  fi
done

echo
echo "=== summary (2 shared cores: expect noise)"
printf '%-8s %-28s %-28s %-28s %s\n' members "Bun joined s" "Parley joined s" "Parley lists complete s" "Parley/Bun (joined)"
for n in ${MEMBERS//,/ }; do
  b=$(sed -n "s/^RESULT server=bun members=$n joined_s=\([^ ]*\).*/\1/p" "$WORK/out.txt")
  p=$(sed -n "s/^RESULT server=parley members=$n joined_s=\([^ ]*\).*/\1/p" "$WORK/out.txt")
  l=$(sed -n "s/^RESULT server=parley members=$n .*listed_s=\([^ ]*\).*/\1/p" "$WORK/out.txt")
  ratio=$(awk -v p="$p" -v b="$b" 'BEGIN {if (b + 0 == 0 || p == "" || p == "NaN") print "n/a"; else printf "%.2f", p / b}')
  printf '%-8s %-28s %-28s %-28s %s\n' "$n" "$b" "$p" "$l" "$ratio"
done
grep -E "RSS|back" "$WORK/out.txt" || true
