#!/usr/bin/env bash
# Floods the real chat window (JavaFX on the headless glass platform, no display needed) with
# messages from an embedded Parley server on 127.0.0.1 and prints the gaps between FX pulses,
# line lag, heap and whether all lines arrived and scroll; the last line is `RESULT key=value …`.
# Issue 7's run: 2,000 messages/s for 60 s, target no pulse gap over 50 ms. Flags go to
# dev.parley.bench.WindowFlood (--rate, --seconds, --senders, --warmup-seconds, --drain-seconds).
#   src/bench/window-flood.sh                          # from the repository root
#   src/bench/window-flood.sh --rate 500 --seconds 10
#   JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/flood.jfr src/bench/window-flood.sh
#   AOT=rehearsal src/bench/window-flood.sh            # with an AOT cache trained as the installer's is
# AOT=rehearsal first trains an AOT cache the way packaging/installer.xml does for the .deb (the
# window rehearsing a flood, `-Dparley.aot.rehearsal=true`, stopped with SIGTERM after
# AOT_TRAINING_S, 20 by default), then floods with that cache: the installed app's case.
# Loopback only, discovery off; the run stops by itself (and is killed after TIMEOUT s, 600 by default).
set -euo pipefail
cd "$(dirname "$0")/../.."

TIMEOUT=${TIMEOUT:-600}
BENCH_NAME=window-flood
# shellcheck source=src/bench/common.sh
source src/bench/common.sh
HEAP_FLAGS=$(product_jvm_flags)

# JavaFX from the classpath, as the tests run it (surefire: useModulePath false); it warns once
# about the unnamed module and works. The software renderer as the installed app sets it up
# without a GPU (dev.parley.ui.startup.Rendering: no region image cache).
FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow
       -Dglass.platform=Headless -Dprism.order=sw -Dprism.disableRegionCaching=true -Djava.awt.headless=true
       -Dparley.discovery=off)
case ${AOT:-off} in
  off)
    mvn -q -B test-compile -Dinstaller.skip=true
    mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
    CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
    ;;
  rehearsal)
    # An AOT cache takes classes from jars only, and the flood's class path must start with the
    # training's: both run from the same jars.
    build_with_test_classpath
    jar cf "$WORK/bench.jar" -C target/test-classes .
    CP="$WORK/bench.jar:target/parley.jar:$(cat "$WORK/cp.txt")"
    mkdir -p "$WORK/home"
    echo "training an AOT cache: the window rehearses a flood for ${AOT_TRAINING_S:-20} s" >&2
    # shellcheck disable=SC2086 # HEAP_FLAGS is a list of flags
    HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/data" XDG_CONFIG_HOME="$WORK/home/config" \
      timeout -s TERM "${AOT_TRAINING_S:-20}" "$JAVA" "${FLAGS[@]}" -Dparley.aot.rehearsal=true \
      -Duser.home="$WORK/home" $HEAP_FLAGS -XX:AOTCacheOutput="$WORK/parley.aot" -cp "$CP" dev.parley.app.Main \
      >"$WORK/training.log" 2>&1 || true
    [[ -s $WORK/parley.aot ]] || { echo "no AOT cache was made; see the training's log:" >&2; tail -20 "$WORK/training.log" >&2; exit 1; }
    FLAGS+=(-XX:AOTCache="$WORK/parley.aot")
    ;;
  *) echo "AOT is off or rehearsal, not '$AOT'" >&2; exit 2 ;;
esac

# shellcheck disable=SC2086 # HEAP_FLAGS and JAVA_OPTS are lists of flags
timeout "$TIMEOUT" "$JAVA" "${FLAGS[@]}" $HEAP_FLAGS ${JAVA_OPTS:-} -cp "$CP" dev.parley.bench.WindowFlood "$@"
