#!/usr/bin/env bash
# Takes screenshots of the real XOR Lab window (the jlink image) on Xvfb screens of a classroom projector's sizes,
# 1920x1080 (into the output folder) and 1024x768 (into its small/ folder), driven only with real key presses, as a
# teacher would:
#   start.png      the notebook's network at its initial weights
#   training.png   a few seconds into Play
#   converged.png  after Play stopped at 10,000 epochs
#   landscape-train.png  Shift+G there: the run's path on the loss landscape with the gradient arrows
#   inspector.png  one Step update later: every number of that backprop step, gradients on the network (I opens
#                  the inspector on screens narrower than 1366 px, where it does not open by itself)
#   rewind.png     rewound 3,000 epochs on the timeline
#   compare.png    the Compare tab after both runs trained 10,000 epochs in lockstep
#   landscape.png  the same, Shift+G: both runs' paths on the loss landscape with SGD's gradient arrows
#   race.png       Ctrl+3's race, SGD vs momentum vs Adam, after 10,000 epochs
#   study.png      the Study tab after its learning rates were set to 0.3, 1, 3, 10, 30 and Alt+S started the study
#                  (seeds 1-100 x those rates x batch sizes 1 and 4, 5,000 epochs each), given 45 s to finish
#   study-charts.png  the same, scrolled down to its ECDF and sensitivity charts
#   deep.png       docs/examples/deep-network.xorlab.json (2-4-4-1, tanh, Adam, cross-entropy) opened, trained
#                  3,000 epochs, and one update later with the step inspector
#   spiral.png     docs/examples/spiral.xorlab.json (spiral of 300 points, 30 % held out, all seven features, 8,8 tanh,
#                  Adam, cross-entropy) played to 2,000 epochs
#   own-points.png docs/examples/own-points.xorlab.json (30 points placed by hand, x1, x2, x1², x2²) played to 2,000
#   presenter-views.png  presenter mode (F5: large text, settings hidden) on the Train tab
#   presenter.png  presenter mode with the step inspector (I)
#   shortcuts.png  the shortcut sheet (?)
# Usage: tools/screenshots.sh [output-dir]   (default docs/screenshots; needs the image: mvn -DskipTests package)
#   SIZES="1920x1080 1024x768" (the default) chooses the screens; the first goes into output-dir, others into small/.
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

# One screen size: starts Xvfb and the app, takes every screenshot into $1, stops both.
shoot() {
  local size=$1 dir=$2 width=${1%x*} height=${1#*x}
  # Below about 1366 px the inspector does not open by itself (the views need the width); I opens it.
  local narrow=0
  [ "$width" -lt 1366 ] && narrow=1
  mkdir -p "$dir"
  # A free display (no X lock file), so the app never opens on somebody else's screen.
  display=
  for n in $(shuf -i 70-79); do
    [ -e "/tmp/.X$n-lock" ] || { display=:$n; break; }
  done
  [ -n "$display" ] || { echo "no free X display from :70 to :79"; exit 1; }
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  log=$(mktemp)
  sleep 1
  kill -0 "$xvfb" 2>/dev/null || { echo "Xvfb did not start on $display"; exit 1; }
  export DISPLAY=$display
  # A fresh settings folder, so remembered settings from earlier runs don't change the pictures.
  home=$(mktemp -d)
  launch
  import -window root "$dir/start.png"
  key space
  shot "$dir" training 3
  shot "$dir" converged 9
  key shift+g
  shot "$dir" landscape-train 2
  key g
  key Right
  [ $narrow = 1 ] && key i
  shot "$dir" inspector 1
  [ $narrow = 1 ] && key i
  for _ in $(seq 30); do key shift+Left; done
  shot "$dir" rewind 1
  key Escape
  key ctrl+Tab
  sleep 2
  key space
  shot "$dir" compare 13
  key shift+g
  shot "$dir" landscape 2
  key g
  key ctrl+3
  sleep 2
  key space
  shot "$dir" race 13
  key ctrl+Tab
  sleep 2
  # The learning rates field (at the same place at both sizes): a grid wide enough for each method's best rate.
  xdotool mousemove 265 197 click 1
  sleep 0.5
  key ctrl+a
  xdotool type --delay 40 "0.3, 1, 3, 10, 30"
  key Tab alt+s
  shot "$dir" study 45
  xdotool mousemove $((width / 2)) $((height / 2))
  for _ in $(seq 15); do xdotool click 5; done
  shot "$dir" study-charts 1
  xdotool mousemove $((width / 2)) 20
  key ctrl+Tab
  key F5
  shot "$dir" presenter-views 7
  key i
  shot "$dir" presenter 4
  key question
  shot "$dir" shortcuts 2
  key question F5
  # A deeper network: the example session (2-4-4-1, tanh, Adam, cross-entropy) opened in a second launch.
  kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
  launch open "$PWD/docs/examples/deep-network.xorlab.json"
  key space
  sleep 6
  key Right
  [ $narrow = 1 ] && key i
  shot "$dir" deep 2
  # Data beyond four points: the spiral learned by a deeper tanh network on all seven features, and a student's own
  # points (docs/examples/spiral.xorlab.json and own-points.xorlab.json), each played to its 2,000 epochs.
  for example in spiral own-points; do
    kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true
    launch open "$PWD/docs/examples/$example.xorlab.json"
    key space
    shot "$dir" "$example" 20
  done
  if grep -nE "Exception|Error:|^\s+at [a-z]+\." "$log"; then
    echo "the app printed an error at $size (above)"; exit 1
  fi
  stop
  rm -rf "$home"
}
shot() { sleep "$3"; import -window root "$1/$2.png"; }
# Starts the app (with these arguments) on $display with the settings folder $home, waits for its window and gives it
# the screen's size; the app's output goes to $log.
launch() {
  XORLAB_HOME=$home "$launcher" "$@" >>"$log" 2>&1 &
  app=$!
  win=
  for _ in $(seq 1 60); do
    win=$(xdotool search --name "XOR Lab" 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.5
  done
  [ -n "${win:-}" ] || { echo "the window did not appear (xorlab $*)"; cat "$log"; exit 1; }
  xdotool windowmove "$win" 0 0 windowsize "$win" "$width" "$height" 2>/dev/null || true
  xdotool mousemove $((width / 2)) 20
  sleep 2
}
key() { xdotool key "$@"; }
# Stop the app first and wait for it: pulling the display from under a running GTK window crashes it.
stop() {
  if [ -n "${app:-}" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  if [ -n "${xvfb:-}" ]; then kill "$xvfb" 2>/dev/null || true; wait "$xvfb" 2>/dev/null || true; fi
  rm -f "${log:-}"
  app= xvfb=
}
trap stop EXIT

first=1
for size in ${SIZES:-1920x1080 1024x768}; do
  if [ $first = 1 ]; then shoot "$size" "$out"; first=0; else shoot "$size" "$out/small"; fi
done
echo "screenshots in $out (and $out/small)"
