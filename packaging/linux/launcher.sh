#!/bin/sh
# Parley's launcher, made at build time by packaging/installer.xml (target linux-launcher) from
# what jpackage wrote into lib/app/Parley.cfg: the same runtime, class path, main class and
# options. jpackage's own launcher asks the package manager which package it belongs to at every
# start (`rpm -qf`, then `dpkg -S`, which reads the file list of every installed package, twice);
# this one goes straight to the runtime's `java` launcher, installed as lib/runtime/bin/parley.
root=$(dirname "$(dirname "$(readlink -f "$0")")")
app="$root/lib/app"
exec "$root/lib/runtime/bin/parley" @JAVA_OPTIONS@ "-Djpackage.app-path=$root/bin/Parley" \
    -cp "@CLASS_PATH@" @MAIN_CLASS@ "$@"
