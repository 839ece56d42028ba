# What the benchmark scripts share; sourced, not run. Defines JAVA, WORK (a temporary folder
# removed on exit, with the server still running killed), CP (the test classpath, after a
# build), and start/stop helpers whose every wait is bounded.

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d "/tmp/parley-${BENCH_NAME:-bench}.XXXXXX")
SERVER_PID=
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Builds target/parley.jar and the test classes; sets CP.
build_with_test_classpath() {
  mvn -q -B package -DskipTests -Dinstaller.skip=true
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
  CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
}

wait_for_port() {
  for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1 after 30 s" >&2; return 1
}

# Stops SERVER_PID: SIGTERM, up to 5 s, then SIGKILL.
stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

# The median of the numeric arguments ("nan" when there are none).
median() { printf '%s\n' "$@" | { grep -E '^[0-9.]+$' || true; } | sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

# The installed launcher's JVM memory flags (pom.xml: parley.heap.flags, and the Linux profile's
# parley.native.flags): compare-bun.sh and window-flood.sh, whose figures include memory and GC,
# run the product with them, as it is installed.
product_jvm_flags() {
  local heap native
  heap=$(sed -n 's:.*<parley.heap.flags>\(.*\)</parley.heap.flags>.*:\1:p' pom.xml)
  native=$(sed -n 's:.*<parley.native.flags>\(.*\)</parley.native.flags>.*:\1:p' pom.xml | tail -1)
  [[ -n $heap ]] || { echo "pom.xml has no parley.heap.flags" >&2; return 1; }
  echo "$heap $native"
}

# Bun from the npm registry (package bun; the binary is in @oven/bun-linux-x64) unless BUN names
# one, and the seed's server as $WORK/server.ts: its ```ts block from $SEED, port from $PORT.
bun_and_seed_server() {
  if [[ -z ${BUN:-} ]]; then
    echo "installing bun from the npm registry into $WORK/bun ..."
    timeout 300 npm install --prefix "$WORK/bun" --no-audit --no-fund --loglevel=error bun >/dev/null
    for candidate in "$WORK"/bun/node_modules/@oven/bun-linux-x64/bin/bun "$WORK"/bun/node_modules/bun/bin/bun.exe; do
      if [[ -x $candidate ]] && "$candidate" --version >/dev/null 2>&1; then BUN=$candidate; break; fi
    done
    [[ -n ${BUN:-} ]] || { echo "no runnable bun binary in $WORK/bun/node_modules" >&2; exit 1; }
  fi
  echo "bun $("$BUN" --version) at $BUN"
  awk '/^```ts$/ {on=1; next} /^```$/ {if (on) exit} on' "$SEED" > "$WORK/server.ts"
  sed -i 's/port: 3001,/port: Number(process.env.PORT ?? 3001),/' "$WORK/server.ts"
  grep -q 'process.env.PORT' "$WORK/server.ts" || { echo "the seed's server has no 'port: 3001,' line to replace" >&2; exit 1; }
}
