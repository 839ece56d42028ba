#!/usr/bin/env bash
# Renders Parley's icon from its one source, assets/parley-icon.svg, into every format the
# installers use. The outputs are committed; run this again only after editing the SVG.
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/.."

svg=assets/parley-icon.svg
out=assets/icons
mkdir -p "$out" packaging/linux packaging/windows packaging/macos

for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" "$svg" --output "$out/parley-$size.png"
done

# jpackage names the launcher's icon after the app: Parley.png / Parley.ico / Parley.icns.
cp "$out/parley-256.png" packaging/linux/Parley.png
# -strip keeps the files byte-identical between runs (no timestamps in the metadata).
convert -strip "$out"/parley-{16,24,32,48,64,256}.png packaging/windows/Parley.ico
png2icns packaging/macos/Parley.icns "$out"/parley-{16,32,128,256,512,1024}.png >/dev/null
echo "icons written to $out and packaging/{linux,windows,macos}"
