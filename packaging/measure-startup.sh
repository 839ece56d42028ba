#!/usr/bin/env bash
# Measures the installed app from a .deb: installer and installed size, time from launch to the
# window being on screen (its first frame drawn: the header's colour, which the outline of
# dev.parley.ui.startup.FirstFrame has too) and to the window being ready (built and drawn: the
# Join button's blue) (median of 5, cold = page cache dropped before each start, warm = right
# after another start), and the resident memory of the idle window. Each start of Parley is
# paired with a start of a bare JavaFX window (dev.parley.ui.startup.BareWindow: one stage, one
# label) through the same launcher, runtime and AOT cache, and the medians are printed as
# multiples of the bare window's: machines differ too much for seconds to compare across runs
# (targets: drawn <= 1.25x, ready <= 1.6x). Runs the real GTK window under Xvfb. Needs Debian's xvfb, x11-utils, python3 (it reads pixels through Xlib) and root for the
# cold runs (drop_caches).
# As root it runs the app in a network namespace of its own, joined by a veth pair to a second one,
# so that LAN discovery (browsing, and announcing while hosting) runs as it would for a user while
# its multicast never reaches the machine's real network; otherwise discovery is switched off.
# Usage: packaging/measure-startup.sh [path/to/parley.deb]
#   AOT_MODE=off compares against the same install without its AOT cache;
#   HOST_CLICK="X Y": window coordinates of the "Host a room" button, for the RSS while hosting
#   (default: where it is in a fresh install's 1100x720 window; HOST_CLICK=off skips hosting);
#   SHOWN_PIXEL / READY_PIXEL / BARE_PIXEL="X Y RRGGBB": where to look, and for which colour, in
#   Parley's window and in the bare one.
set -euo pipefail
deb=${1:-$(ls target/installer/*.deb)}
work=$(mktemp -d)
ns=parley-measure-$$
trap 'kill $(jobs -p) 2>/dev/null || true; ip netns del "$ns" 2>/dev/null || true; ip netns del "$ns-peer" 2>/dev/null || true; rm -rf "$work"' EXIT
run_in=()
if [ "$(id -u)" = 0 ] && command -v ip >/dev/null && ip netns add "$ns" 2>/dev/null; then
  ip netns add "$ns-peer"
  ip link add pm0 netns "$ns" type veth peer name pm1 netns "$ns-peer"
  ip -n "$ns" addr add 10.213.0.1/24 dev pm0 && ip -n "$ns-peer" addr add 10.213.0.2/24 dev pm1
  ip -n "$ns" link set lo up && ip -n "$ns" link set pm0 up && ip -n "$ns-peer" link set pm1 up
  ip -n "$ns" route add 224.0.0.0/4 dev pm0
  run_in=(ip netns exec "$ns")
  echo "network: namespace $ns (veth to $ns-peer); discovery on, off the real network"
else
  JAVA_TOOL_OPTIONS="-Dparley.discovery=off ${JAVA_TOOL_OPTIONS:-}"; export JAVA_TOOL_OPTIONS
  echo "network: not root or no ip netns, so discovery is off for these runs"
fi
dpkg-deb -x "$deb" "$work/root"
launcher="$work/root/opt/parley/bin/Parley"
# The yardstick: the installed launcher, its main class swapped (same runtime, options, class path
# and so the same AOT cache).
bare="$work/root/opt/parley/bin/BareWindow"
sed 's/dev\.parley\.app\.Main/dev.parley.ui.startup.BareWindow/' "$launcher" >"$bare"
chmod 755 "$bare"
grep -q 'dev.parley.ui.startup.BareWindow' "$bare" || { echo "no main class to swap in $launcher" >&2; exit 1; }
echo "installer: $(stat -c %s "$deb") bytes ($deb)"
echo "installed: $(du -sb "$work/root/opt/parley" | cut -f1) bytes (Installed-Size: $(dpkg-deb -f "$deb" Installed-Size) KiB)"

Xvfb :91 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
export DISPLAY=:91 HOME="$work/home"
for _ in $(seq 1 100); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
xwininfo -root >/dev/null 2>&1 || { echo "Xvfb :91 did not start" >&2; exit 1; }
if [ -n "${AOT_MODE:-}" ]; then export JAVA_TOOL_OPTIONS="-XX:AOTMode=$AOT_MODE ${JAVA_TOOL_OPTIONS:-}"; fi
# Points of a fresh install's 1100x720 window and their colours (light theme): the header band,
# which GTK's own window background is not, and the Join button, which the outline does not have.
SHOWN_PIXEL=${SHOWN_PIXEL:-500 20 f6f8fa}
READY_PIXEL=${READY_PIXEL:-60 594 0969da}
# The bare window's fill (BareWindow.FILL), away from its label.
BARE_PIXEL=${BARE_PIXEL:-500 600 f6f8fa}
mkdir -p "$HOME"

# Prints, for each "X Y RRGGBB" after $1 (epoch ns) and $2 (window), the milliseconds from $1
# until the window shows that colour at that point, in order, read every 5 ms through Xlib (one
# pixel at a time: no load to speak of); "-" for what did not come within 60 s.
wait_for_pixels() {
  python3 - "$@" <<'PY'
import ctypes, sys, time
t0, window, points = int(sys.argv[1]), int(sys.argv[2], 0), sys.argv[3:]
x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XGetImage.restype = ctypes.c_void_p
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
x11.XGetPixel.restype = ctypes.c_ulong
x11.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
x11.XDestroyImage.argtypes = [ctypes.c_void_p]
# Reading a window that is not viewable yet is an X error, which would end the process.
ignore_errors = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda display, event: 0)
x11.XSetErrorHandler(ignore_errors)
display = x11.XOpenDisplay(None)
times = []
for point in points:
    x, y, colour = point.split()
    x, y, colour = int(x), int(y), int(colour, 16)
    while time.time_ns() - t0 < 60e9:
        image = x11.XGetImage(display, window, x, y, 1, 1, 0xFFFFFFFF, 2)  # ZPixmap
        if image:
            pixel = x11.XGetPixel(image, 0, 0) & 0xFFFFFF
            x11.XDestroyImage(image)
            if pixel == colour:
                break
        time.sleep(0.005)
    times.append(str((time.time_ns() - t0) // 1_000_000) if time.time_ns() - t0 < 60e9 else "-")
print(" ".join(times))
PY
}

# Starts the app ($1, default Parley's launcher), prints the milliseconds until its window shows
# each of the "X Y RRGGBB" points after it (default SHOWN_PIXEL, READY_PIXEL); its pid goes to
# $work/pid.
start_and_time() {
  local t0 now line program=${1:-$launcher}
  shift || true
  (( $# > 0 )) || set -- "$SHOWN_PIXEL" "$READY_PIXEL"
  t0=$(date +%s%N)
  "${run_in[@]}" "$program" >"$work/app.log" 2>&1 &
  app=$!
  echo "$app" >"$work/pid"
  # GTK's 10x10 leader window is titled Parley too, before the stage shows: wait for a real size.
  until line=$(xwininfo -root -tree 2>/dev/null | grep -E '"Parley": \(.*\)  *[0-9]{3,}x[0-9]{3,}\+'); do
    sleep 0.02
    now=$(date +%s%N)
    if (( (now - t0) > 120000000000 )); then echo "no window after 120 s" >&2; cat "$work/app.log" >&2; exit 1; fi
  done
  wait_for_pixels "$t0" "$(awk '{print $1}' <<<"$line")" "$@"
}

# The app was started in a subshell, so `wait` cannot see it: poll until it and its window are gone.
stop_app() {
  kill "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null || xwininfo -root -tree 2>/dev/null | grep -qE '"Parley": \(.*\)  *[0-9]{3,}x[0-9]{3,}\+'; do
    sleep 0.1
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

for mode in cold warm; do
  shown=() ready=() yardstick=()
  for _ in 1 2 3 4 5; do
    # Bare window and Parley in turns, so that both see the same machine at the same moment.
    if [ "$mode" = cold ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
    read -r drawn < <(start_and_time "$bare" "$BARE_PIXEL")
    yardstick+=("$drawn")
    stop_app "$(cat "$work/pid")"
    if [ "$mode" = cold ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
    read -r on_screen built < <(start_and_time)
    shown+=("$on_screen") ready+=("$built")
    stop_app "$(cat "$work/pid")"
  done
  bare_ms=$(printf '%s\n' "${yardstick[@]}" | median)
  shown_ms=$(printf '%s\n' "${shown[@]}" | median)
  ready_ms=$(printf '%s\n' "${ready[@]}" | median)
  echo "launch to bare JavaFX window drawn, $mode: ${yardstick[*]} ms; median $bare_ms ms"
  echo "launch to window shown (first frame drawn), $mode: ${shown[*]} ms; median $shown_ms ms"
  echo "launch to window ready (built and drawn), $mode: ${ready[*]} ms; median $ready_ms ms"
  echo "as multiples of the bare window, $mode: drawn $(ratio "$shown_ms" "$bare_ms")x (target 1.25x), ready $(ratio "$ready_ms" "$bare_ms")x (target 1.6x)"
done

start_and_time >/dev/null
app=$(cat "$work/pid")
sleep 15
echo "idle window RSS after 15 s: $(rss_mib "$app") MiB"
HOST_CLICK=${HOST_CLICK:-146 279}
if command -v xdotool >/dev/null && [ "$HOST_CLICK" != off ]; then
  window=$(xdotool search --onlyvisible --name '^Parley$' | head -1)
  xdotool mousemove --window "$window" $HOST_CLICK click 1
  # Hosting's RSS rises and falls for a while (G1 gives heap back at its periodic check, every
  # 10 s, glibc's trim runs every 5 s): one reading a second for 30 s, the median of the last 15.
  readings=()
  for second in $(seq 1 30); do
    sleep 1
    readings+=("$(rss_mib "$app")")
    if [ "$second" = 15 ]; then listening=$("${run_in[@]}" ss -ltnp 2>/dev/null | grep -c "pid=$app," || true); fi
  done
  echo "hosting (toggle clicked) RSS, MiB each second for 30 s: ${readings[*]}"
  echo "hosting RSS after 15 s: ${readings[14]} MiB; median of seconds 16-30: $(printf '%s\n' "${readings[@]:15}" | median) MiB; listening: $listening sockets"
  (( listening > 0 )) || echo "not hosting: the click at $HOST_CLICK missed the \"Host a room\" button; set HOST_CLICK" >&2
fi
stop_app "$app"
