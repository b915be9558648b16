#!/usr/bin/env bash
# Takes screenshots of the real XOR Lab window (the jlink image) on a 1920x1080 Xvfb screen (a projector's size),
# driven only with real key presses, as a teacher would:
#   start.png      the notebook's network at its initial weights
#   training.png   a few seconds into Play
#   converged.png  after Play stopped at 10,000 epochs
#   inspector.png  one Step update later: every number of that backprop step, gradients on the network
#   rewind.png     rewound 3,000 epochs on the timeline
#   compare.png    the Compare tab after both runs trained 10,000 epochs in lockstep
#   presenter.png  presenter mode (F5: large text, settings hidden) on the Train tab
#   shortcuts.png  the shortcut sheet (?)
# Usage: tools/screenshots.sh [output-dir]   (default docs/screenshots; needs the image: mvn -DskipTests package)
# Installs xvfb, xdotool, imagemagick and libgtk-3-0 when missing (needs root for that).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
launcher=target/xorlab/bin/xorlab
mkdir -p "$out"

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb xauth)
command -v xdotool >/dev/null || missing+=(xdotool)
command -v import >/dev/null || missing+=(imagemagick)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || missing+=(libgtk-3-0)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$launcher" ] || mvn -q -B -DskipTests package

display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
log=$(mktemp)
# Stop the app first and wait for it: pulling the display from under a running GTK window crashes it.
cleanup() {
  if [ -n "${app:-}" ]; then kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; fi
  kill "$xvfb" 2>/dev/null; rm -f "$log"
}
trap cleanup EXIT
sleep 1
export DISPLAY=$display
# A fresh settings folder, so remembered settings from earlier runs don't change the pictures.
XORLAB_HOME=$(mktemp -d) "$launcher" >"$log" 2>&1 &
app=$!

for _ in $(seq 1 60); do
  win=$(xdotool search --name "XOR Lab" 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  sleep 0.5
done
[ -n "${win:-}" ] || { echo "the window did not appear"; cat "$log"; exit 1; }
xdotool windowmove "$win" 0 0 windowsize "$win" 1920 1080 2>/dev/null || true
xdotool mousemove 960 20
sleep 2
import -window root "$out/start.png"
shot() { sleep "$2"; import -window root "$out/$1.png"; }
key() { xdotool key "$@"; }
key space
shot training 3
shot converged 9
key Right
shot inspector 1
key shift+Left shift+Left shift+Left shift+Left shift+Left shift+Left shift+Left shift+Left shift+Left shift+Left
for _ in $(seq 20); do key shift+Left; done
shot rewind 1
key Escape
key ctrl+Tab
sleep 2
key space
shot compare 13
key ctrl+Tab
key F5
sleep 1
key i
shot presenter 7
key question
shot shortcuts 1
key question F5
if grep -nE "Exception|Error:|^\s+at [a-z]+\." "$log"; then
  echo "the app printed an error (above)"; exit 1
fi
echo "screenshots in $out"
