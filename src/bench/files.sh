#!/usr/bin/env bash
# Upload and download of one file (SIZE_MIB, default 1024 = 1 GiB) through Parley's headless
# server over loopback, with its data folder in WORK, beside two references measured in the same
# run on the same disk: `sha256sum FILE` (the hashing limit) and `cp FILE` into the data folder's
# file system (the writing limit), each the mean of a run before and one after the transfers.
# Prints MB/s of each (MB = 10^6 bytes), the server's RSS growth during the transfers, and the
# targets: upload >= 0.6 x the slower reference, download >= 0.8 x cp, RSS growth <= 64 MiB. The
# upload includes the server's fsync of the file before it is stored under its hash (cp's does
# not); the download's bytes are counted and dropped by the client, so the server's sending is
# measured, not the client's disk. Loopback only; every wait is bounded.
#   src/bench/files.sh                 # from the repository root
#   SIZE_MIB=256 src/bench/files.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZE_MIB=${SIZE_MIB:-1024}
PORT=${PORT:-3207}
BENCH_NAME=files
# shellcheck source=src/bench/common.sh
source src/bench/common.sh
build_with_test_classpath

FILE="$WORK/upload.bin"
echo "=== making a $SIZE_MIB MiB file of random bytes in $WORK"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom >"$FILE"
BYTES=$(stat -c %s "$FILE")
mkdir -p "$WORK/data"

# Seconds a command takes, with a nanosecond clock.
seconds() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N); awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}'; }
rate() { awk -v n="$BYTES" -v s="$1" 'BEGIN {printf "%.1f", n / 1e6 / s}'; }

# The references, measured before and after the transfers (on a shared machine the load moves);
# each is the mean of its two runs.
references() {
  cat "$FILE" >/dev/null # the same warm page cache for every reader
  SHA_RUNS+=("$(rate "$(seconds sha256sum "$FILE")")")
  CP_RUNS+=("$(rate "$(seconds cp "$FILE" "$WORK/data/copy.bin")")"); rm -f "$WORK/data/copy.bin"
}
SHA_RUNS=(); CP_RUNS=()
references

# shellcheck disable=SC2046
"$JAVA" $(product_jvm_flags) -jar target/parley.jar --headless --bind 127.0.0.1 --port "$PORT" --no-announce \
    --data "$WORK/data" --rate off >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
wait_for_port "$PORT"
timeout 900 "$JAVA" -cp "$CP" dev.parley.bench.FileBench "ws://127.0.0.1:$PORT/ws" "$FILE" "$SERVER_PID" | tee "$WORK/out.txt"
stop_server
references
mean() { printf '%s\n' "$@" | awk '{s += $1} END {printf "%.1f", s / NR}'; }
SHA_MB=$(mean "${SHA_RUNS[@]}"); CP_MB=$(mean "${CP_RUNS[@]}")

result=$(grep '^RESULT' "$WORK/out.txt" | tail -1)
field() { sed -n "s/.*[ ]$1=\([-0-9.]*\).*/\1/p" <<<"$result"; }
UP=$(field upload_mb_s); DOWN=$(field download_mb_s); RSS=$(field rss_growth_mib)
SLOWER=$(awk -v a="$SHA_MB" -v b="$CP_MB" 'BEGIN {print (a < b ? a : b)}')
echo
echo "=== $SIZE_MIB MiB over loopback, data folder on $(df --output=fstype "$WORK" | tail -1) ($(nproc) cores)"
printf '%-28s %8s MB/s  (%s)\n' "sha256sum (reference)" "$SHA_MB" "${SHA_RUNS[*]}" "cp (reference)" "$CP_MB" "${CP_RUNS[*]}"
printf '%-28s %8s MB/s\n' "upload" "$UP" "download" "$DOWN"
printf '%-28s %8s MiB\n' "server RSS growth" "$RSS"
verdict() { awk -v v="$1" -v t="$2" 'BEGIN {print (v + 0 >= t + 0 ? "met" : "MISSED")}'; }
echo "upload   >= 0.6 x $SLOWER:  $(awk -v u="$UP" -v s="$SLOWER" 'BEGIN {printf "%.2f x", u / s}')  $(verdict "$UP" "$(awk -v s="$SLOWER" 'BEGIN {print 0.6 * s}')")"
echo "download >= 0.8 x $CP_MB:  $(awk -v d="$DOWN" -v c="$CP_MB" 'BEGIN {printf "%.2f x", d / c}')  $(verdict "$DOWN" "$(awk -v c="$CP_MB" 'BEGIN {print 0.8 * c}')")"
echo "RSS growth <= 64 MiB:  $RSS MiB  $(awk -v r="$RSS" 'BEGIN {print (r + 0 <= 64 ? "met" : "MISSED")}')"
