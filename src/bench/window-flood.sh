#!/usr/bin/env bash
# Floods the real chat window (JavaFX on the headless glass platform, no display needed) with
# messages from an embedded Parley server on 127.0.0.1 and prints the gaps between FX pulses,
# line lag, heap and whether all lines arrived and scroll; the last line is `RESULT key=value …`.
# Issue 7's run: 2,000 messages/s for 60 s, target no pulse gap over 50 ms. Flags go to
# dev.parley.bench.WindowFlood (--rate, --seconds, --senders, --warmup-seconds, --drain-seconds).
#   src/bench/window-flood.sh                          # from the repository root
#   src/bench/window-flood.sh --rate 500 --seconds 10
#   JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/flood.jfr src/bench/window-flood.sh
# Loopback only, discovery off; the run stops by itself (and is killed after TIMEOUT s, 600 by default).
set -euo pipefail
cd "$(dirname "$0")/../.."

TIMEOUT=${TIMEOUT:-600}
BENCH_NAME=window-flood
# shellcheck source=src/bench/common.sh
source src/bench/common.sh
HEAP_FLAGS=$(product_jvm_flags)

mvn -q -B test-compile -Dinstaller.skip=true
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
# JavaFX from the classpath, as the tests run it (surefire: useModulePath false); it warns once
# about the unnamed module and works.
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"

# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
timeout "$TIMEOUT" "$JAVA" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
    -Dglass.platform=Headless -Dprism.order=sw -Djava.awt.headless=true -Dparley.discovery=off $HEAP_FLAGS ${JAVA_OPTS:-} \
    -cp "$CP" dev.parley.bench.WindowFlood "$@"
