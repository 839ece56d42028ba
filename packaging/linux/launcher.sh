#!/bin/sh
# Parley's launcher, made at build time by packaging/installer.xml (target linux-launcher) from
# what jpackage wrote into lib/app/Parley.cfg: the same runtime, class path, main class and
# options. jpackage's own launcher asks the package manager which package it belongs to at every
# start (`rpm -qf`, then `dpkg -S`, which reads the file list of every installed package, twice);
# this one goes straight to the runtime's `java` launcher, installed as lib/runtime/bin/parley.
# Without a GPU (no DRM device) GTK must not probe OpenGL, which maps Mesa's llvmpipe:
# dev.parley.ui.startup.Rendering sets GDK_GL=disable through libc when it is not set, which costs
# the JVM an FFM downcall's linking at start-up; set here, it costs nothing. A GDK_GL of the user wins.
gpu=
for device in /dev/dri/card* /dev/dri/renderD*; do
    [ -e "$device" ] && gpu=yes
done
[ -n "$gpu" ] || [ -n "${GDK_GL+set}" ] || export GDK_GL=disable
self=$(readlink -f "$0")
root=${self%/bin/*}
app="$root/lib/app"
exec "$root/lib/runtime/bin/parley" @JAVA_OPTIONS@ "-Djpackage.app-path=$root/bin/Parley" \
    -cp "@CLASS_PATH@" @MAIN_CLASS@ "$@"
