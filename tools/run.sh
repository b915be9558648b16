#!/usr/bin/env bash
# Builds XOR Lab's runtime image (if anything changed) and starts it: no arguments opens the window, anything else
# is passed to the command line (tools/run.sh train --epochs 100). The window needs GTK 3, the one system library
# JavaFX does not bring: it is installed here when missing (apt-get, as root or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ] && ! ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0'; then
    echo "Installing libgtk-3-0, which the window needs..."
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && apt-get install -y -qq libgtk-3-0 >/dev/null
    elif command -v sudo >/dev/null; then
        sudo apt-get update -qq && sudo apt-get install -y -qq libgtk-3-0 >/dev/null
    else
        echo "XOR Lab's window needs GTK 3: install the package libgtk-3-0, then run this again." >&2
        exit 1
    fi
fi
./mvnw -q -B -DskipTests package
exec target/xorlab/bin/xorlab "$@"
