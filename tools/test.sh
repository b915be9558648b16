#!/usr/bin/env bash
# Runs XOR Lab's tests: `./mvnw -B verify` (unit, headless window and command-line tests, then the runtime image).
# The tests run the NumPy scripts `xorlab script` exports, so they need python3 with NumPy, the one thing a JDK does
# not bring: it is installed here when missing (apt-get, as root or through sudo). Arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import numpy' >/dev/null 2>&1; then
    echo "Installing python3 and python3-numpy, which the tests need..."
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && apt-get install -y -qq python3 python3-numpy >/dev/null
    elif command -v sudo >/dev/null; then
        sudo apt-get update -qq && sudo apt-get install -y -qq python3 python3-numpy >/dev/null
    else
        echo "The tests need python3 with NumPy: install the packages python3 and python3-numpy, then run this again." >&2
        exit 1
    fi
fi
exec ./mvnw -B verify "$@"
