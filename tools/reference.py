#!/usr/bin/env python3
"""NumPy oracle for the XOR Lab engine: SPEC.md's training rules written out literally with NumPy.

The engine's tests (src/test/java/org/xorlab/engine/NumpyOracleTest.java and NumpyRandomTest.java) compare the
Java Trainer against the fixtures this script writes, at every epoch, to a relative error of 1e-9.

What it writes, under src/test/resources/reference/generated/:
  runs.json       one entry per config (dataset, hidden H, seed, learning rate, batch size k): the initial
                  weights, every epoch's loss for EPOCHS epochs, the final weights, and the run's measured
                  rounding sensitivity (see MAX_SENSITIVITY).
  numpy-rand.json the first 8 doubles of np.random.rand after np.random.seed(S), for each seed S in SEEDS.

How to regenerate (from the repository root; python3 with NumPy):
  python3 tools/reference.py
The output is deterministic: running it again with the same NumPy must leave `git status` clean (the files
record the NumPy version that wrote them). Edit build_configs() or EPOCHS below to add cases, keeping the files
small (a few hundred KB at most); a config too sensitive to rounding is refused (see MAX_SENSITIVITY).

The rules, as SPEC.md states them (and as the notebook's code does them):
  - np.random.seed(S); W1 = rand(H, 2); b1 = rand(H, 1); W2 = rand(1, H); b2 = rand(1, 1)   (that draw order)
  - samples in the fixed order (0,0), (0,1), (1,0), (1,1), walked in consecutive chunks of k columns; the last
    chunk may be shorter (k = 3 gives chunks of 3 and 1)
  - per chunk X (2 x m), Y (1 x m): forward with the current weights; total += sum((Y - Y_hat)^2);
    d2 = (Y_hat - Y) * Y_hat * (1 - Y_hat); d1 = (W2^T d2) * v1 * (1 - v1) with W2 before this chunk's update;
    W2 -= lr * d2 v1^T / m; b2 -= lr * rowsum(d2) / m; W1 -= lr * d1 X^T / m; b1 -= lr * rowsum(d1) / m
  - the epoch's loss is total / 4.
"""

import json
import os
import sys

import numpy as np

EPOCHS = 300

# The Java tests demand agreement to TOLERANCE at every epoch. Floating-point summation order is not part of the
# rules (NumPy's np.dot may add in another order than the engine), so a run is only a fair oracle if rounding
# differences cannot grow to that size: each run is repeated with every initial weight nudged by one ulp, and a
# config whose losses then move by more than MAX_SENSITIVITY (relative) is refused. Such runs exist: OR with H = 8,
# seed 2^32-1, lr 10, k = 2 amplified a 1-ulp nudge to 1.4e-9 within 27 epochs (and the engine, like a plain
# Python loop, differed from np.dot's order by the same 1.4e-9 there).
TOLERANCE = 1e-9
MAX_SENSITIVITY = TOLERANCE / 100

# Seeds from 2^31 up are where Commons Math's MersenneTwister(int) stops matching NumPy.
SEEDS = [0, 1, 42, 2**31 - 1, 2**31, 2**32 - 1]

INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
TARGETS = {
    "xor": [0.0, 1.0, 1.0, 0.0],
    "and": [0.0, 0.0, 0.0, 1.0],
    "or": [0.0, 1.0, 1.0, 1.0],
    "xnor": [1.0, 0.0, 0.0, 1.0],
}


def build_configs():
    """A spread, not a full product: every seed meets H 1, 3 and 8; every dataset meets every batch size;
    learning rates 0.5, 2.0 and 10 each meet several batch sizes, including the short last chunk (k = 3)."""
    datasets = ["xor", "and", "or", "xnor"]
    batches = [1, 2, 3, 4]
    rates = [0.5, 2.0, 10.0]
    configs = []
    i = 0
    for seed in [0, 1, 2**31 - 1, 2**31, 2**32 - 1]:
        for hidden in [1, 3, 8]:
            configs.append({
                "dataset": datasets[i % 4],
                "hidden": hidden,
                "seed": seed,
                "lr": rates[(i + i // 3) % 3],
                "batch": batches[(i + i // 4) % 4],
            })
            i += 1
    # Batch size 3 (chunks of 3 and 1) on every dataset, with the default H = 2.
    for n, dataset in enumerate(datasets):
        configs.append({"dataset": dataset, "hidden": 2, "seed": 42, "lr": rates[n % 3], "batch": 3})
    # Batch size 2 at the largest rate, and the notebook's XOR at lr 10 with SGD.
    configs.append({"dataset": "xor", "hidden": 2, "seed": 2**31, "lr": 10.0, "batch": 2})
    configs.append({"dataset": "xor", "hidden": 2, "seed": 42, "lr": 10.0, "batch": 1})
    # An absurd rate: the first update throws the weights to ~1e306, every sigmoid saturates to exactly 0 or 1,
    # d2 becomes exactly 0 and the run freezes at a finite loss (0.5 here) instead of overflowing.
    configs.append({"dataset": "xor", "hidden": 2, "seed": 42, "lr": 1e308, "batch": 1})
    configs.append({"dataset": "xor", "hidden": 2, "seed": 42, "lr": 1e308, "batch": 4})
    return configs


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def initial_weights(hidden, seed):
    np.random.seed(seed)
    w1 = np.random.rand(hidden, 2)
    b1 = np.random.rand(hidden, 1)
    w2 = np.random.rand(1, hidden)
    b2 = np.random.rand(1, 1)
    return w1, b1, w2, b2


def train(dataset, hidden, seed, lr, batch, epochs, nudge=0.0):
    """Trains by the rules; `nudge` scales every initial weight by (1 + nudge), for the sensitivity check."""
    w1, b1, w2, b2 = (w * (1 + nudge) for w in initial_weights(hidden, seed))
    initial = as_json(w1, b1, w2, b2)
    x_all = INPUTS.T                               # 2 x 4, columns are samples
    y_all = np.array([TARGETS[dataset]])           # 1 x 4
    losses = []
    with np.errstate(over="ignore"):               # sigmoid of a large negative number: exp overflows to inf, 1/inf = 0
        for _ in range(epochs):
            total = 0.0
            for start in range(0, 4, batch):
                x = x_all[:, start:start + batch]
                y = y_all[:, start:start + batch]
                m = x.shape[1]
                z1 = np.dot(w1, x) + b1
                v1 = sigmoid(z1)
                z2 = np.dot(w2, v1) + b2
                y_hat = sigmoid(z2)
                total += np.sum((y - y_hat) ** 2)
                d2 = (y_hat - y) * y_hat * (1 - y_hat)
                d1 = np.dot(w2.T, d2) * v1 * (1 - v1)
                w2 = w2 - lr * np.dot(d2, v1.T) / m
                b2 = b2 - lr * np.sum(d2, axis=1, keepdims=True) / m
                w1 = w1 - lr * np.dot(d1, x.T) / m
                b1 = b1 - lr * np.sum(d1, axis=1, keepdims=True) / m
            losses.append(float(total / 4))
    finite = all(np.isfinite(v).all() for v in (w1, b1, w2, b2)) and all(np.isfinite(losses))
    if not finite:
        sys.exit(f"config diverged; the fixtures hold finite runs only: {dataset} H={hidden} seed={seed} lr={lr} k={batch}")
    return initial, losses, as_json(w1, b1, w2, b2)


def rounding_sensitivity(losses, nudged_losses):
    """The largest relative change of an epoch's loss when every initial weight moves by one ulp."""
    return max(abs(a - b) / abs(a) for a, b in zip(losses, nudged_losses))


def as_json(w1, b1, w2, b2):
    return {"W1": w1.tolist(), "b1": b1.tolist(), "W2": w2.tolist(), "b2": b2.tolist()}


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "reference",
                       "generated")
    os.makedirs(out, exist_ok=True)

    runs = []
    for c in build_configs():
        args = (c["dataset"], c["hidden"], c["seed"], c["lr"], c["batch"], EPOCHS)
        initial, losses, final = train(*args)
        sensitivity = rounding_sensitivity(losses, train(*args, nudge=2.0**-52)[1])
        if sensitivity > MAX_SENSITIVITY:
            sys.exit(f"config too sensitive to rounding for a {TOLERANCE:g} oracle (a 1-ulp nudge of the initial"
                     f" weights moves some epoch's loss by {sensitivity:.1e} relative); pick another: {c}")
        runs.append({**c, "epochs": EPOCHS, "rounding_sensitivity": sensitivity,
                     "initial": initial, "losses": losses, "final": final})
    write(os.path.join(out, "runs.json"), {"numpy": np.__version__, "runs": runs})

    rand = []
    for seed in SEEDS:
        np.random.seed(seed)
        rand.append({"seed": seed, "rand": np.random.rand(8).tolist()})
    write(os.path.join(out, "numpy-rand.json"), {"numpy": np.__version__, "draws": rand})


def write(path, data):
    # One run per line keeps the file compact yet diffable; Python's float repr round-trips exactly.
    with open(path, "w", encoding="utf-8") as f:
        key = "runs" if "runs" in data else "draws"
        f.write('{"numpy": ' + json.dumps(data["numpy"]) + ', "' + key + '": [\n')
        f.write(",\n".join(json.dumps(item) for item in data[key]))
        f.write("\n]}\n")
    print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    main()
