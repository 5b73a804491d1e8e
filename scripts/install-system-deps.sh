#!/usr/bin/env bash
# Install the Debian packages the app needs (Qt's runtime libraries and a font) and, with --tests,
# those its tests use too (LibreOffice, to recalculate exported workbooks as a real client would;
# poppler-utils, to render the PDF report's pages; desktop-file-utils, to validate the .desktop file;
# postgresql, whose binaries the store's tests start a private server with: see tests/postgres.py;
# fonts-droid-fallback, a font with Chinese, Japanese and Korean glyphs for the PDF and chart tests).
# Only what is missing is installed, so that a second run costs nothing.
set -euo pipefail

# offscreen Qt (tests) needs the first line; a real X11 window (`make run`) the second
packages=(libegl1 libgl1 libopengl0 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
          libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
          libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0)
if [ "${1:-}" = "--tests" ]; then
    packages+=(libreoffice-calc-nogui poppler-utils desktop-file-utils postgresql fonts-droid-fallback)
fi
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
else
    sudo=
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
