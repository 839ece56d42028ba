#!/usr/bin/env bash
# Measures the installed app from a .deb: installer and installed size, time from launch to the
# window being on screen (median of 5, cold = page cache dropped before each start, warm = right
# after another start), and the resident memory of the idle window. Runs the real GTK window
# under Xvfb. Needs Debian's xvfb, x11-utils and root for the cold runs (drop_caches).
# Usage: packaging/measure-startup.sh [path/to/parley.deb]
set -euo pipefail
deb=${1:-$(ls target/installer/*.deb)}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
launcher="$work/root/opt/parley/bin/Parley"
echo "installer: $(stat -c %s "$deb") bytes ($deb)"
echo "installed: $(du -sb "$work/root/opt/parley" | cut -f1) bytes (Installed-Size: $(dpkg-deb -f "$deb" Installed-Size) KiB)"

Xvfb :91 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
sleep 1
export DISPLAY=:91 HOME="$work/home"
mkdir -p "$HOME"

# Starts the app, prints the milliseconds until a window titled Parley exists; leaves $app set.
start_and_time() {
  local t0 now
  t0=$(date +%s%N)
  "$launcher" >"$work/app.log" 2>&1 &
  app=$!
  until xwininfo -root -tree 2>/dev/null | grep -q '"Parley"'; do
    sleep 0.02
    now=$(date +%s%N)
    if (( (now - t0) > 120000000000 )); then echo "no window after 120 s" >&2; cat "$work/app.log" >&2; exit 1; fi
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

for mode in cold warm; do
  times=()
  for _ in 1 2 3 4 5; do
    if [ "$mode" = cold ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
    times+=("$(start_and_time)")
    kill "$app"; wait "$app" 2>/dev/null || true
  done
  echo "launch to window shown, $mode: ${times[*]} ms; median $(printf '%s\n' "${times[@]}" | median) ms"
done

start_and_time >/dev/null
sleep 15
echo "idle window RSS after 15 s: $(rss_mib "$app") MiB"
if command -v xdotool >/dev/null && [ -n "${HOST_CLICK:-}" ]; then
  # HOST_CLICK="X Y": where the "Host a room" toggle is in the window (see a screenshot).
  window=$(xdotool search --name '^Parley$' | head -1)
  xdotool mousemove --window "$window" $HOST_CLICK click 1
  sleep 15
  echo "hosting (toggle clicked) RSS after 15 s: $(rss_mib "$app") MiB; listening: $(ss -ltnp 2>/dev/null | grep -c "pid=$app," || true) sockets"
fi
kill "$app"; wait "$app" 2>/dev/null || true
