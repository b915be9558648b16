#!/usr/bin/env bash
# Measures every figure in docs/PERFORMANCE.md and prints one table (also saved as target/bench/results.md).
#
# Usage: tools/bench.sh            all of it, about 6 minutes on two cores
#        JMH_ARGS="-f 1 -wi 1 -i 1 -w 300ms -r 300ms" tools/bench.sh   a quick look (numbers not worth quoting)
#        RUNS=20 tools/bench.sh    more runs per command-line figure (default 10, after 3 warm-up runs)
#        PROBE_SECONDS=20 tools/bench.sh   longer frame measurements in the window (default 10 s per speed)
#        STUDY_ONLY=1 tools/bench.sh   only the study (4.), about 2 minutes; STUDY_RUNS, STUDY_ROUNDS: runs per round
#                                      of each command (default 5) and rounds (default 3)
#
# 1. JMH (mvn -Pbench builds target/benchmarks.jar): the engine's Trainer against the same math over plain arrays,
#    DecisionGrid.sample against a per-cell loop, and LandscapeBenchmark's 100 x 100 PlaneLoss.grid (w: and pca
#    planes) against a Weights per point, each pair in the same run. The engine pair again with
#    PairedRun (interleaved rounds, CPU time), which a busy machine disturbs far less; goals are judged on that.
# 2. Whole process: target/xorlab/bin/xorlab train --epochs N, wall time with hyperfine (or a shell loop without
#    it), against target/xorlab/bin/java -version as the floor of any run of the image.
# 3. The window under Xvfb (skipped without Xvfb and xdotool): start target/xorlab/bin/xorlab and time until
#    xdotool finds the window named "XOR Lab"; then WindowProbe opens the app, presses Play, and logs frame
#    intervals at the default speed and the fastest, epochs per second, and the heap after a million epochs.
# 4. The study of issue 13 (800 runs) as a whole process on every core against 1 thread: org.xorlab.bench.StudyRun
#    from target/benchmarks.jar, and `xorlab study` when the launcher has that command; hyperfine, in rounds.
# Raw results stay in target/bench/. Does not install anything; run `apt-get install hyperfine xvfb xdotool` first
# for the full set. Builds the runtime image (mvn -DskipTests package) if there is none.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
image=target/xorlab
launcher=$image/bin/xorlab
jmh_args=${JMH_ARGS:--f 1 -wi 3 -i 5 -w 1s -r 1s}
runs=${RUNS:-10}
window_runs=${WINDOW_RUNS:-5}
study_runs=${STUDY_RUNS:-5}
study_rounds=${STUDY_ROUNDS:-3}
mkdir -p "$out"

say() { printf '\n=== %s ===\n' "$*" >&2; }

# time_commands JSON WARMUP RUNS COMMAND...: wall time of each command with hyperfine (or a Python loop without it),
# every run of one command after the other, written to JSON in hyperfine's form (times, mean, median, user, system).
time_commands() {
    local json=$1 warmup=$2 count=$3
    shift 3
    if command -v hyperfine >/dev/null; then
        hyperfine -N --style basic --warmup "$warmup" --runs "$count" --export-json "$json" "$@" >&2
    else
        echo "hyperfine not found: timing with a Python loop instead" >&2
        python3 - "$warmup" "$count" "$@" >"$json" <<'EOF'
import json, os, shlex, statistics, subprocess, sys, time
warmup, runs, commands = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
results = []
for command in commands:
    args = shlex.split(command)
    for _ in range(warmup):
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    times, user, system = [], [], []
    for _ in range(runs):
        before = os.times()
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
        after = os.times()
        user.append(after.children_user - before.children_user)
        system.append(after.children_system - before.children_system)
    results.append({"command": command, "mean": statistics.mean(times), "stddev": statistics.stdev(times),
                    "median": statistics.median(times), "min": min(times), "max": max(times), "times": times,
                    "user": statistics.mean(user), "system": statistics.mean(system)})
    print(f"{command}: mean {statistics.mean(times) * 1000:.0f} ms", file=sys.stderr)
json.dump({"results": results}, sys.stdout, indent=1)
EOF
    fi
}


# ---------------------------------------------------------------------------------------------
say "Machine"
# ---------------------------------------------------------------------------------------------
{
    echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores"
    echo "memory: $(free -g | awk '/^Mem:/ { print $2 " GiB" }')"
    echo "os: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
    echo "java: $(java -version 2>&1 | head -1)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$out/machine.txt" >&2

# ---------------------------------------------------------------------------------------------
say "Build"
# ---------------------------------------------------------------------------------------------
if [[ ! -x $launcher && ${STUDY_ONLY:-} != 1 ]]; then
    mvn -B -q -DskipTests package </dev/null
fi
# -Dimage.skip: the image above stays as it is; this only adds target/benchmarks.jar.
mvn -B -q -Pbench -DskipTests -Dimage.skip package </dev/null
# The window probe runs the app's classes on the class path with its runtime libraries (JavaFX and all).
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$out/app-classpath.txt" -Dmdep.includeScope=runtime </dev/null
echo "target/benchmarks.jar ready$([[ -x $launcher ]] && echo ", and $image")" >&2

# STUDY_ONLY=1: only the study (below), not the engine, process and window figures.
if [[ ${STUDY_ONLY:-} != 1 ]]; then

# ---------------------------------------------------------------------------------------------
say "JMH: $jmh_args"
# ---------------------------------------------------------------------------------------------
# shellcheck disable=SC2086  # JMH_ARGS is several options on purpose
java -jar target/benchmarks.jar $jmh_args -rf json -rff "$out/jmh.json" >"$out/jmh.txt" 2>&1 \
    || { tail -30 "$out/jmh.txt" >&2; exit 1; }
sed -n '/^Benchmark /,$p' "$out/jmh.txt" >&2
echo "load average after JMH: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2

# ---------------------------------------------------------------------------------------------
say "Engine cross-check: interleaved rounds, CPU time"
# ---------------------------------------------------------------------------------------------
# On a shared machine JMH's wall-clock figures move with other programs' load; this ratio does not (PairedRun).
java -cp target/benchmarks.jar org.xorlab.bench.PairedRun >"$out/paired.csv"
cat "$out/paired.csv" >&2
# The same rounds against the notebook's literal Commons Math RealMatrix transcription (the design's question).
java -cp target/benchmarks.jar org.xorlab.bench.PairedRun 40 matrix >"$out/paired-matrix.csv"
cat "$out/paired-matrix.csv" >&2

# ---------------------------------------------------------------------------------------------
say "Whole process ($runs runs each, after 3 warm-up runs)"
# ---------------------------------------------------------------------------------------------
commands=(
    "$image/bin/java -version"
    "$launcher --version"
    "$launcher train --epochs 10000"
    "$launcher train --epochs 100000"
    "$launcher train --epochs 1000000"
    "$launcher train --epochs 100000 --hidden 8"
    "$launcher train --epochs 100000 --batch-size 4"
)
time_commands "$out/process.json" 3 "$runs" "${commands[@]}"

# ---------------------------------------------------------------------------------------------
say "Window: launcher to window ($window_runs runs), then WindowProbe"
# ---------------------------------------------------------------------------------------------
: >"$out/window.txt"
: >"$out/probe.txt"
if command -v Xvfb >/dev/null && command -v xdotool >/dev/null; then
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$out/display" 2>/dev/null &
    xvfb_pid=$!
    app_pid=
    trap '[[ -n $app_pid ]] && kill -9 "$app_pid" 2>/dev/null; kill "$xvfb_pid" 2>/dev/null || true' EXIT
    for _ in $(seq 100); do [[ -s $out/display ]] && break; sleep 0.1; done
    export DISPLAY=":$(cat "$out/display")"
    for _ in $(seq "$window_runs"); do
        start=$(date +%s%N)
        "$launcher" </dev/null >/dev/null 2>&1 &
        app_pid=$!
        shown=
        for _ in $(seq 1500); do
            if xdotool search --name "XOR Lab" >/dev/null 2>&1; then shown=$(date +%s%N); break; fi
            sleep 0.02
        done
        kill "$app_pid" 2>/dev/null || true
        wait "$app_pid" 2>/dev/null || true
        app_pid=
        [[ -n $shown ]] || { echo "no window within 30 s" >&2; break; }
        echo $(( (shown - start) / 1000000 )) >>"$out/window.txt"
        sleep 1
    done
    echo "ms to window: $(tr '\n' ' ' <"$out/window.txt")" >&2
    # Frame intervals at the default speed and the fastest, epochs per second in the window, heap (WindowProbe).
    timeout 300 java -Dprobe.seconds="${PROBE_SECONDS:-10}" -cp "target/bench-classes:target/classes:$(cat "$out/app-classpath.txt")" \
        org.xorlab.bench.WindowProbe </dev/null 2>"$out/probe.log" | tee "$out/probe.txt" >&2 || true
else
    echo "skipped: needs Xvfb and xdotool" >&2
fi

fi  # STUDY_ONLY

# ---------------------------------------------------------------------------------------------
say "Study: issue 13's 800 runs, every core against 1 thread ($study_rounds rounds of $study_runs runs each)"
# ---------------------------------------------------------------------------------------------
# Whole processes. org.xorlab.bench.StudyRun (src/bench/java) trains the same grid through Study as `xorlab study`
# would, without the command line; `xorlab study` itself is timed too when the launcher has it. hyperfine runs every
# run of one command before the next, so the commands are timed in several rounds, in turn reversed, and judged on
# the median over all rounds: a change of load then falls on both sides.
study_args="--seeds 1-100 --learning-rates 0.1,0.3,1,3 --batch-sizes 1,4 --epochs 5000 --target-loss 0.01"
study_commands=(
    "java -cp target/benchmarks.jar org.xorlab.bench.StudyRun"
    "java -cp target/benchmarks.jar org.xorlab.bench.StudyRun 1"
)
if "$launcher" study --help >/dev/null 2>&1; then
    study_commands+=("$launcher study $study_args" "$launcher study $study_args --threads 1")
else
    echo "skipped \`xorlab study\`: this launcher has no study command ($launcher study --help failed)" >&2
fi
echo "load average before the study: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
for round in $(seq "$study_rounds"); do
    if (( round % 2 == 0 )); then
        ordered=()
        for (( i = ${#study_commands[@]} - 1; i >= 0; i-- )); do ordered+=("${study_commands[i]}"); done
    else
        ordered=("${study_commands[@]}")
    fi
    time_commands "$out/study-$round.json" 1 "$study_runs" "${ordered[@]}"
done
echo "load average after the study: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/machine.txt" >&2
python3 - "$out" "$study_rounds" <<'EOF' >"$out/study.md"
import json, pathlib, statistics, sys
out, rounds = pathlib.Path(sys.argv[1]), int(sys.argv[2])
times, cpu = {}, {}
for r in range(1, rounds + 1):
    for c in json.loads((out / f"study-{r}.json").read_text())["results"]:
        times.setdefault(c["command"], []).extend(c["times"])
        cpu.setdefault(c["command"], []).append(c.get("user", float("nan")) + c.get("system", float("nan")))
machine = (out / "machine.txt").read_text()
loads = [l.split(": ", 1)[1] for l in machine.splitlines() if l.startswith("load average") and "study" in l]
print(f"Study (issue 13): whole process, wall time, median over {rounds} rounds ({len(next(iter(times.values())))} "
      f"runs per command); load average before/after: {' / '.join(loads)}\n")
print("| Command | Median wall, s (p25 to p75) | CPU (user + sys), s | Goal | Result |")
print("| --- | --- | --- | --- | --- |")
def q(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]
pairs = []
for command, ts in times.items():
    one = command.endswith(" 1") or command.endswith("--threads 1")
    med = statistics.median(ts)
    goal, result = ("", "") if one else ("<= 2 s", ("met" if med <= 2 else "MISSED") + f" ({med:.2f} s)")
    short = command.split("/bin/", 1)[-1] if "/bin/" in command else command
    print(f"| `{short}` | {med:.2f} ({q(ts, 0.25):.2f} to {q(ts, 0.75):.2f}) | {statistics.median(cpu[command]):.2f} | "
          f"{goal} | {result} |")
    if not one:
        pairs.append(command)
for command in pairs:
    single = command + " 1" if "StudyRun" in command else command + " --threads 1"
    if single in times:
        ratio = statistics.median(times[single]) / statistics.median(times[command])
        short = "StudyRun" if "StudyRun" in command else "xorlab study"
        print(f"| {short}: 1 thread / every core | {ratio:.2f}x | | >= 1.6x | "
              f"{'met' if ratio >= 1.6 else 'MISSED'} ({ratio:.2f}x) |")
EOF
cat "$out/study.md" >&2
[[ ${STUDY_ONLY:-} == 1 ]] && exit 0

# ---------------------------------------------------------------------------------------------
say "Results"
# ---------------------------------------------------------------------------------------------
python3 - "$out" "$jmh_args" <<'EOF' | tee "$out/results.md"
import json, pathlib, statistics, sys

out, jmh_args = pathlib.Path(sys.argv[1]), sys.argv[2]
jmh = {}
for r in json.loads((out / "jmh.json").read_text()):
    name = r["benchmark"].rsplit(".", 1)[1]
    p = r.get("params", {})
    # Benchmarks without a hidden-units parameter (the deep network's) are keyed by 0.
    key = (name, int(p.get("batchSize", 0)), int(p.get("hidden", 0)), int(p.get("resolution", 0)))
    jmh[key] = (r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"])
    if "plane" in p:  # LandscapeBenchmark: one row per plane
        jmh[(name, p["plane"])] = jmh[key]
proc = {r["command"].split("/bin/", 1)[1]: r for r in json.loads((out / "process.json").read_text())["results"]}
windows = [int(x) for x in (out / "window.txt").read_text().split()] if (out / "window.txt").exists() else []

def verdict(ok, how):
    return ("met" if ok else "MISSED") + (" (" + how + ")" if how else "")

paired = {}
for line in (out / "paired.csv").read_text().splitlines()[1:]:
    config, engine, plain, ratio, rounds = line.split(",")[:5]
    _, batch, _, hidden = config.split()
    paired[(int(batch), int(hidden))] = (float(engine), float(plain), int(rounds))

# Engine: ns per sample update, JMH (wall clock) and interleaved CPU time.
engine_rows = []
for batch, hidden in [(1, 2), (4, 2), (1, 8), (4, 8)]:
    (e, ee), (b, be) = jmh[("engine", batch, hidden, 0)], jmh[("plainArrays", batch, hidden, 0)]
    ce, cb, _ = paired[(batch, hidden)]
    ratio = ce / cb
    goal, result = "time <= 2x baseline", verdict(ratio <= 2, f"{ratio:.2f}x")
    if (batch, hidden) == (1, 2):
        rate = 1e3 / ce
        goal = ">= 10 M samples/s; time <= 2x baseline"
        result = verdict(rate >= 10 and ratio <= 2, f"{rate:.1f} M/s, {ratio:.2f}x")
    engine_rows.append((f"batch {batch}, H = {hidden}", f"{e:.1f} ± {ee:.1f}", f"{b:.1f} ± {be:.1f}",
                        f"{e / b:.2f}", f"{ce:.1f} ({1e3 / ce:.1f} M/s)", f"{cb:.1f} ({1e3 / cb:.1f} M/s)",
                        f"{ratio:.2f}", goal, result))

rows = []
# Decision surface: microseconds per grid.
for res, hidden in [(100, 2), (200, 2), (400, 2), (100, 8), (200, 8), (400, 8)]:
    (g, ge), (b, be) = jmh[("grid", 0, hidden, res)], jmh[("perCellBaseline", 0, hidden, res)]
    goal, result = "", ""
    if (res, hidden) == (100, 2):
        goal, result = "<= 1 ms", verdict(g <= 1000, f"{g / 1000:.3f} ms")
    rows.append((f"DecisionGrid.sample {res} x {res}, H = {hidden}: µs", f"{g:.0f} ± {ge:.0f}",
                 f"{b:.0f} ± {be:.0f} (per-cell loop)", f"{g / b:.2f}", goal, result))
# Loss landscape (issue 14): microseconds per 100 x 100 plane of the notebook's network.
for plane in ("w:W2[0,0],W2[0,1]", "pca"):
    (g, ge), (b, be) = jmh[("landscapeGrid", plane)], jmh[("landscapeNaiveBaseline", plane)]
    rows.append((f"PlaneLoss.grid 100 x 100, {plane} plane: µs", f"{g:.0f} ± {ge:.0f}",
                 f"{b:.0f} ± {be:.0f} (Weights per point)", f"{g / b:.2f}", "<= 5 ms",
                 verdict(g <= 5000, f"{g / 1000:.2f} ms")))
# Whole process: milliseconds wall time.
floor = proc["java -version"]
for command, goal in [("xorlab --version", ""), ("xorlab train --epochs 10000", ""),
                      ("xorlab train --epochs 100000", "< 1 s"), ("xorlab train --epochs 1000000", ""),
                      ("xorlab train --epochs 100000 --hidden 8", ""),
                      ("xorlab train --epochs 100000 --batch-size 4", "")]:
    r = proc[command]
    mean = r["mean"] * 1000
    result = verdict(mean < 1000, f"{mean:.0f} ms") if goal else ""
    cpu = (r["user"] + r["system"]) * 1000 if "user" in r else float("nan")
    rows.append((f"`{command}`: ms wall (CPU)", f"{mean:.0f} ± {r['stddev'] * 1000:.0f} ({cpu:.0f})",
                 f"{floor['mean'] * 1000:.0f} ± {floor['stddev'] * 1000:.0f} (java -version)",
                 f"{mean / (floor['mean'] * 1000):.1f}", goal, result))

print(f"JMH: {jmh_args}. Interleaved: {next(iter(paired.values()))[2]} alternating rounds of ~20 ms per side, "
      f"median of this thread's CPU time. Process: mean ± sd of {len(floor['times'])} runs.\n")
print("Engine: nanoseconds per sample update (Trainer.stepEpoch vs the same math over plain double[]); "
      "results judged on the interleaved CPU-time figures\n")
print("| Configuration | JMH engine | JMH baseline | JMH ratio | CPU engine | CPU baseline | CPU ratio | Goal | Result |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for row in engine_rows:
    print("| " + " | ".join(row) + " |")
print()

# RealMatrix at the core? Epochs per second of the engine and of the RealMatrix transcription, in the same runs.
matrix_rows = []
if (out / "paired-matrix.csv").exists():
    paired_matrix = {}
    for line in (out / "paired-matrix.csv").read_text().splitlines()[1:]:
        config, engine, matrix, ratio, rounds, p25, p75 = line.split(",")
        _, batch, _, hidden = config.split()
        paired_matrix[(int(batch), int(hidden))] = (float(engine), float(matrix), float(p25), float(p75))
    for batch, hidden in [(1, 2), (4, 2), (1, 8), (4, 8)]:
        (e, ee), (m, me) = jmh[("doubleArrays", batch, hidden, 0)], jmh[("realMatrix", batch, hidden, 0)]
        ce, cm, p25, p75 = paired_matrix[(batch, hidden)]
        matrix_rows.append((f"batch {batch}, H = {hidden}", f"{e:,.0f} ± {ee:,.0f}", f"{m:,.0f} ± {me:,.0f}",
                            f"{e / m:.0f}", f"{1e9 / (4 * ce):,.0f}", f"{1e9 / (4 * cm):,.0f}",
                            f"{cm / ce:.0f} ({1 / p75:.0f} to {1 / p25:.0f})"))
if matrix_rows:
    print("Engine (double[] layers) against the notebook transcribed into Commons Math RealMatrix operations: "
          "epochs per second; the interleaved figures count only the training thread's CPU time (not the "
          "garbage collector's)\n")
    print("| Configuration | JMH engine | JMH RealMatrix | JMH speed-up | CPU engine | CPU RealMatrix | "
          "CPU speed-up (rounds' 25th to 75th percentile) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in matrix_rows:
        print("| " + " | ".join(row) + " |")
    print()
print("| Figure | XOR Lab | Baseline | Ratio | Goal | Result |")
print("| --- | --- | --- | --- | --- | --- |")
for row in rows:
    print("| " + " | ".join(row) + " |")

# The window (Xvfb, software rendering): launcher to window, and WindowProbe.
probe = {}
if (out / "probe.txt").exists():
    for line in (out / "probe.txt").read_text().splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            probe[k] = v
if windows or probe:
    print("\nThe window, under Xvfb (no GPU: JavaFX renders in software)\n")
    print("| Figure | Default speed (1,000 epochs/s) | Fastest | Note |")
    print("| --- | --- | --- | --- |")
    if windows:
        print(f"| Launcher (target/xorlab/bin/xorlab) to window mapped, ms | {statistics.median(windows):.0f} "
              f"(median of {len(windows)}: {min(windows)} to {max(windows)}) | | xdotool polling every 20 ms |")
    if probe:
        print(f"| JVM start to first frame, ms | {probe.get('jvm_start_to_first_frame_ms', '?')} | | "
              f"WindowProbe, class path |")
        for key, label in [("frames_per_second", "Frames per second"),
                           ("frame_interval_p50_ms", "Frame interval p50, ms"),
                           ("frame_interval_p99_ms", "Frame interval p99, ms"),
                           ("frame_interval_max_ms", "Frame interval max, ms"),
                           ("epochs_per_second", "Epochs per second in the window")]:
            print(f"| {label} | {probe.get('default_speed_' + key, '?')} | {probe.get('fastest_' + key, '?')} | |")
        if "heap_used_after_gc_mb" in probe:
            before, after = float(probe["heap_used_after_gc_before_play_mb"]), float(probe["heap_used_after_gc_mb"])
            epochs = int(probe["heap_check_epochs"])
            print(f"| Heap used after GC, MB | before Play: {before:.1f} | after {epochs:,} epochs: {after:.1f} | "
                  f"{(after - before) * 1048576 / max(epochs, 1):.1f} bytes per epoch |")
        if "data_1000_frames_per_second" in probe:
            # Side by side in the same run: the truth table's fastest phase is the baseline.
            print("\nTraining on 1,000 points (circle, 30 % held out, fastest speed) against the truth table's four, "
                  f"same run; {probe.get('data_1000_points', '')}\n")
            print("| Figure | Truth table (4 points) | 1,000 points | Goal | Result |")
            print("| --- | --- | --- | --- | --- |")
            for key, label in [("frames_per_second", "Frames per second"),
                               ("frame_interval_p50_ms", "Frame interval p50, ms"),
                               ("frame_interval_p99_ms", "Frame interval p99, ms"),
                               ("frame_interval_max_ms", "Frame interval max, ms")]:
                goal, result = "", ""
                if key == "frame_interval_p50_ms":
                    p50 = float(probe["data_1000_frame_interval_p50_ms"])
                    goal, result = "within a frame (<= 17.5 ms)", "met" if p50 <= 17.5 else "missed"
                print(f"| {label} | {probe.get('fastest_' + key, '?')} | {probe.get('data_1000_' + key, '?')} | "
                      f"{goal} | {result} |")
            print(f"| Epochs per second | {probe.get('fastest_epochs_per_second', '?')} | "
                  f"{probe.get('data_1000_epochs_per_second', '?')} | | |")
        cli = 1e9 / (4 * paired[(1, 2)][0])
        fastest = float(probe.get("fastest_epochs_per_second", "nan"))
        print(f"| Epochs per second: window at fastest vs headless engine (batch 1, H = 2, CPU time) | "
              f"{fastest:,.0f} | {cli:,.0f} | window/headless {fastest / cli:.2f} |")

# Growth: cost per unit of work, from the figures above.
print("\nHow cost grows\n")
print("| Grows with | Figures | Cost |")
print("| --- | --- | --- |")
t = {n: proc[f"xorlab train --epochs {n}"]["mean"] * 1000 for n in (10000, 100000, 1000000)}
per_epoch = (t[1000000] - t[100000]) / 900000 * 1e6
print(f"| epochs (process) | 10^4: {t[10000]:.0f} ms, 10^5: {t[100000]:.0f} ms, 10^6: {t[1000000]:.0f} ms | "
      f"{per_epoch:.0f} ns per epoch beyond the first 10^5 (start-up {t[10000] - floor['mean'] * 1000:.0f} ms above "
      f"java -version) |")
for batch in (1, 4):
    e2, e8 = paired[(batch, 2)][0], paired[(batch, 8)][0]
    print(f"| hidden units (engine, batch {batch}, CPU time) | H = 2: {e2:.1f} ns, H = 8: {e8:.1f} ns per sample | "
          f"x{e8 / e2:.2f} for 4x the units |")
for hidden in (2, 8):
    g = [jmh[("grid", 0, hidden, r)][0] for r in (100, 200, 400)]
    print(f"| heatmap resolution (grid, H = {hidden}) | 100: {g[0]:.0f} µs, 200: {g[1]:.0f} µs, 400: {g[2]:.0f} µs | "
          f"x{g[1] / g[0]:.1f} and x{g[2] / g[1]:.1f} per doubling (4x the cells) |")
g2, g8 = jmh[("grid", 0, 2, 200)][0], jmh[("grid", 0, 8, 200)][0]
print(f"| hidden units (grid 200 x 200) | H = 2: {g2:.0f} µs, H = 8: {g8:.0f} µs | x{g8 / g2:.2f} for 4x the units |")
EOF
cat "$out/study.md" >>"$out/results.md"
