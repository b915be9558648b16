#!/usr/bin/env bash
# Installs XOR Lab's Debian package, starts the installed application in a real window under Xvfb, checks that the
# window appears and keeps running without printing an exception, takes a screenshot, then removes the package.
#
# Usage (as root):  packaging/check-deb.sh [path/to/xorlab_*.deb]
#   Without an argument it checks target/installer/xorlab_*.deb, building it first (mvn -Pinstaller -DskipTests
#   package) when there is none. Missing tools (Xvfb, xdotool, ImageMagick) and the package's own dependencies are
#   installed with apt-get first, so that `dpkg -i` finds everything it depends on.
# Leaves: target/check-deb/window.png (the installed app's window), target/check-deb/app.log (its output).
# Takes about 25 s on a prepared machine with the .deb already built (plus about 60 s to build it).
set -euo pipefail

cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

package=xorlab
install_dir=/opt/xorlab
launcher=$install_dir/bin/xorlab
out=target/check-deb
settle_seconds=5

step() { printf '\n=== %s ===\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || fail "run as root: dpkg -i and dpkg -r need it"

# ---------------------------------------------------------------------------------------------
step "Package file"
# ---------------------------------------------------------------------------------------------
deb=${1:-}
if [[ -z $deb ]]; then
    shopt -s nullglob
    found=(target/installer/${package}_*.deb)
    shopt -u nullglob
    if ((${#found[@]} == 0)); then
        echo "No .deb in target/installer: building it (mvn -B -Pinstaller -DskipTests package)"
        mvn -B -q -Pinstaller -DskipTests package </dev/null
        found=(target/installer/${package}_*.deb)
    fi
    deb=${found[0]}
fi
[[ -f $deb ]] || fail "no such package file: $deb"
deb=$(cd "$(dirname "$deb")" && pwd -P)/$(basename "$deb")
dpkg-deb -f "$deb" Package Version Depends Section
[[ $(dpkg-deb -f "$deb" Package) == "$package" ]] || fail "$deb is not the $package package"
dpkg-deb -f "$deb" Depends | tr ',' '\n' | grep -qx ' *libgtk-3-0 *' || fail "libgtk-3-0 is not among the dependencies"

# ---------------------------------------------------------------------------------------------
step "Tools and the package's dependencies"
# ---------------------------------------------------------------------------------------------
# Plain package names only: jpackage writes the Depends line without versions or alternatives.
needed=(xvfb xauth xdotool imagemagick)
mapfile -t depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$')
needed+=("${depends[@]}")
missing=()
for name in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed' || missing+=("$name")
done
if ((${#missing[@]} > 0)); then
    echo "Installing: ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
else
    echo "All present (${#needed[@]} packages)"
fi

# ---------------------------------------------------------------------------------------------
step "dpkg -i $(basename "$deb")"
# ---------------------------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    echo "Note: $package $(dpkg-query -W -f='${Version}' "$package") was already installed; it is replaced, then removed."
fi
mkdir -p "$out"
rm -f "$out"/*
xvfb_pid=
app_pid=
installed=
cleanup() {
    if [[ -n $app_pid ]]; then kill -9 "$app_pid" 2>/dev/null || true; fi
    if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
    if [[ -n $installed ]]; then dpkg -r "$package" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT
installed=yes
dpkg -i "$deb"

[[ -x $launcher ]] || fail "$launcher was not installed"
# `open %f`: a file opened with XOR Lab (from a file manager) is passed on; from the menu, %f is empty and
# `xorlab open` alone opens the window as with no arguments.
desktop=$(grep -l "^Exec=$launcher open %f\$" /usr/share/applications/*.desktop 2>/dev/null | head -1 || true)
[[ -n $desktop ]] || fail "no desktop entry in /usr/share/applications starts $launcher"
grep -q '^Categories=Education;' "$desktop" || fail "$desktop is not in the Education category"
grep -q '^Name=XOR Lab$' "$desktop" || fail "$desktop is not named XOR Lab"
icon=$(sed -n 's/^Icon=//p' "$desktop")
[[ -f $icon ]] || fail "the desktop entry's icon $icon is missing"
echo "Desktop entry: $desktop (Education), icon $icon"
[[ $(readlink -f /usr/bin/xorlab) == "$launcher" ]] || fail "/usr/bin/xorlab does not lead to $launcher"
version=$(env -u DISPLAY xorlab --version </dev/null)
echo "xorlab --version: $version"
[[ $version == "xorlab $(dpkg-deb -f "$deb" Version | sed 's/-[^-]*$//')" ]] || fail "unexpected version: $version"
# Read the whole output first: `| grep -q` stops reading at its match, and xorlab then (rightly) exits non-zero on
# the closed pipe, which pipefail would report as a failure.
trained=$(env -u DISPLAY xorlab train --epochs 10 </dev/null) || fail "xorlab train --epochs 10 exited with $?"
grep -q '^Final loss (epoch 10): ' <<<"$trained" || fail "xorlab train --epochs 10 did not print a final loss"
echo "xorlab train --epochs 10: runs"

# ---------------------------------------------------------------------------------------------
step "The installed app opens its window under Xvfb"
# ---------------------------------------------------------------------------------------------
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$out/display" 2>"$out/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
    [[ -s $out/display ]] && break
    sleep 0.1
done
[[ -s $out/display ]] || fail "Xvfb did not start (see $out/xvfb.log)"
export DISPLAY=":$(cat "$out/display")"

# Started the way the menu entry starts it; a fresh settings folder so earlier runs don't change the picture.
home=$(mktemp -d)
started=$(date +%s%N)
HOME=$home "$launcher" open </dev/null >"$out/app.log" 2>&1 &
app_pid=$!
window=
for _ in $(seq 300); do
    window=$(xdotool search --name "XOR Lab" 2>/dev/null | head -1 || true)
    [[ -n $window ]] && break
    kill -0 "$app_pid" 2>/dev/null || fail "the app exited before its window appeared (see $out/app.log)"
    sleep 0.1
done
[[ -n $window ]] || fail "no window named XOR Lab within 30 s (see $out/app.log)"
shown=$(date +%s%N)
echo "Window \"$(xdotool getwindowname "$window")\" after $(( (shown - started) / 1000000 )) ms"
# jpackage's launcher runs the JVM in its own process: the pid we started is the application.
grep -q libjvm.so "/proc/$app_pid/maps" || fail "the launcher (pid $app_pid) does not host the JVM"
sleep "$settle_seconds"
kill -0 "$app_pid" 2>/dev/null || fail "the app exited within $settle_seconds s of showing its window (see $out/app.log)"
import -window root "$out/window.png" || fail "could not capture the screen"
echo "Screenshot: $out/window.png"
if grep -nE 'Exception|Error:|^\s+at [a-zA-Z_$][\w$]*\.' "$out/app.log"; then
    fail "the app printed an exception (above; full log in $out/app.log)"
fi
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=
rm -rf "$home"

# ---------------------------------------------------------------------------------------------
step "dpkg -r $package"
# ---------------------------------------------------------------------------------------------
dpkg -r "$package"
dpkg --purge "$package" >/dev/null  # forget the removed package entirely (no "rc" line in dpkg -l)
installed=
[[ ! -e $install_dir ]] || fail "$install_dir is still there after dpkg -r"
[[ ! -e /usr/bin/xorlab ]] || fail "/usr/bin/xorlab is still there after dpkg -r"
[[ ! -e $desktop ]] || fail "$desktop is still there after dpkg -r"
echo "Removed: no $install_dir, no /usr/bin/xorlab, no desktop entry"

step "check-deb passed"
