#!/usr/bin/env python3
"""NumPy oracle for SPEC.md's "Data" (issue 12): points beyond the truth tables, input features, a test set, and
the generated point clouds, written from the rules and from engine.PointCloud's arithmetic.

How to regenerate (from the repository root; python3 with NumPy; well under a minute):
  python3 tools/data_reference.py
It writes src/test/resources/reference/generated/data-runs.json and nothing else; running it again with the same
NumPy leaves `git status` clean. Before writing, it checks that its trainer, given the truth table's four points and
the features x1,x2, reproduces tools/general_reference.py's trainer bit for bit on the first candidate of every
slot there (so the data path adds nothing to the rules but n, the features and the test loss). To add a case, add a
slot to build_slots(); keep the file well under 1 MB. DataOracleAgreementTest holds the engine to it.

The rules, beyond general_reference.py's (which this script imports and follows in every other respect):
  - data: points (x1, x2, y), y in [0, 1], n training points. The training set is the points in their own order
    minus the test points, which keep their order too. A split is either given point by point (a CSV file's split
    column) or drawn from a test fraction f and a data seed s: np.random.seed(s); order = np.random.permutation(N)
    over all N points; the first min(round(f N), N - 1) entries of order are the test points (round half to even
    does not arise in the fixture: f N is never a half).
  - features: the network's input is the list of features in the order given, each computed from (x1, x2):
    x1, x2, x1sq = x1 * x1, x2sq = x2 * x2, x1x2 = x1 * x2, sin1 = sin(x1), sin2 = sin(x2). The first layer's
    fan-in is the number of features, so the initial draw is widths = [len(features)] + hidden + [1].
  - batch sizes 1 to n; chunks of batch_size in the epoch's order, the last may be shorter; shuffle draws
    permutation(n) at the start of every epoch from the seed's stream after the initial weights.
  - the epoch's loss is the sum of every chunk's loss sum (before its own update) divided by n.
  - the test loss of an epoch: the same loss function (mse or cross-entropy, data loss only) averaged over the test
    points, computed in one forward pass with the weights at the end of that epoch.

The generators, exactly as engine.PointCloud draws them (one legacy RandomState stream seeded with the data seed,
u = random_sample(); scalar Python floats, the same operations in the same order as the Java):
  class 1 is the first half = ceil(N / 2) of the points (index i < half), except xor-cloud, where the place decides.
  jitter = noise * 5 * (2u - 1), one draw each time it is used, drawn even at noise 0.
  circle:    r = u * 0.5 * 5 (class 1) or (0.7 + 0.3 u) * 5 (class 0); angle = u * 2 * pi;
             x1 = r sin(angle) + jitter, x2 = r cos(angle) + jitter.
  gauss:     sd = 0.5 + 7 noise; centre 2 (class 1) or -2; each coordinate centre + sd * normal, with
             normal = sqrt(-2 ln(1 - u)) cos(2 pi u') (Box-Muller from two draws).
  xor-cloud: a = (2u - 1) * 5, b = (2u - 1) * 5; each moved 0.3 away from 0 (+0.3 if > 0, else -0.3);
             class 1 where a * b < 0; x1 = a + jitter, x2 = b + jitter.
  spiral:    k = the point's index within its arm (i, or i - half for class 0), arm = half (class 1) or N - half;
             s = k / arm; r = s * 5; angle = 1.75 s * 2 * pi (+ pi for class 0);
             x1 = r sin(angle) + jitter, x2 = r cos(angle) + jitter.
The generator checks in the file hold those points; the engine must equal them to 1e-12 (libm's sin, cos and log
may differ from Java's by an ulp).

The file: {"numpy", "tolerance": 1e-9, "max_sensitivity": 1e-11, "permutations_kept", "point_sets": {name:
{"x1", "x2", "y", "split": null | ["train" | "test", ...]}}, "clouds": [{"cloud", "points", "noise", "seed", "x1",
"x2", "y"}], "masks": [{"n", "fraction", "seed", "test": [indexes held out, ascending]}], "refused": [...],
"runs": [...]}. Each run has general_reference.py's keys (hidden, activation, ..., seed, learning_rate, batch_size,
epochs, initial, losses, final, permutations, rounding_sensitivity; W1 is (hidden[0] x len(features)); no dataset
and no divergence: a slot whose candidates diverge stops the script) and
  data          {"set": a point set's name} or {"cloud", "points", "noise", "seed"} (generated here as above);
                with "test_fraction" and "data_seed" when the split is drawn, "given_split": true when the set's
                own split column is used, neither when every point trains
  features      the feature ids in order
  n_train, n_test, test_indexes   the sizes and which of the data's points are held out (ascending)
  test_losses   every epoch's test loss, epoch 1 first ([] without a test set)
rounding_sensitivity is as in general_reference.py, except that the nudge also scales every feature value (of the
training and the test points) by the same factor, and the test losses count too.
"""

import json
import math
import os
import sys

import numpy as np

import general_reference as general
from general_reference import activate, back_through, initial_weights, finite, as_json, flat, relative, update
from reference import MAX_SENSITIVITY, TOLERANCE

EPOCHS = 200
PERMUTATIONS_KEPT = 3
RADIUS = 5.0
FEATURES = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sin1", "sin2"]


def feature(name, x1, x2):
    """One feature over arrays of coordinates."""
    if name == "x1":
        return x1.copy()
    if name == "x2":
        return x2.copy()
    if name == "x1sq":
        return x1 * x1
    if name == "x2sq":
        return x2 * x2
    if name == "x1x2":
        return x1 * x2
    if name == "sin1":
        return np.sin(x1)
    if name == "sin2":
        return np.sin(x2)
    raise ValueError(name)


def feature_matrix(features, x1, x2):
    """len(features) x n, columns are points."""
    return np.array([feature(f, np.asarray(x1, dtype=float), np.asarray(x2, dtype=float)) for f in features])


# ---------------------------------------------------------------------------------------------------------------
# Point sets: small hand-made-looking data, coordinates with three decimals, some targets strictly inside (0, 1).

def build_point_sets():
    sets = {}
    rs = np.random.RandomState(20261203)

    # A ring: 24 points, class 1 inside radius 1.2, three soft targets, two negative zeros for the CSV path.
    x1, x2, y = [], [], []
    for i in range(24):
        r = 0.4 + 1.6 * rs.random_sample() if i % 2 else 2.1 + 1.2 * rs.random_sample()
        a = 2 * math.pi * rs.random_sample()
        x1.append(round(r * math.cos(a), 3))
        x2.append(round(r * math.sin(a), 3))
        y.append(1.0 if r < 2.0 else 0.0)
    y[3], y[10], y[17] = 0.75, 0.25, 0.5
    x1[5] = -0.0
    sets["ring"] = {"x1": x1, "x2": x2, "y": y, "split": None}

    # Two blobs: 16 points with a split column (4 test), targets 0.1 / 0.9 for half of them.
    x1, x2, y, split = [], [], [], []
    for i in range(16):
        c = 1.5 if i % 2 == 0 else -1.0
        x1.append(round(c + 0.8 * (2 * rs.random_sample() - 1), 3))
        x2.append(round(c * 0.5 + 0.8 * (2 * rs.random_sample() - 1), 3))
        y.append((0.9 if i % 4 == 0 else 1.0) if i % 2 == 0 else (0.1 if i % 4 == 1 else 0.0))
        split.append("test" if i in (2, 7, 11, 14) else "train")
    sets["blobs"] = {"x1": x1, "x2": x2, "y": y, "split": split}

    # A checkerboard of 36 points in [-3, 3], class 1 where x1 x2 > 0, with soft targets near the axes.
    x1, x2, y = [], [], []
    for i in range(36):
        a = round(6 * rs.random_sample() - 3, 3)
        b = round(6 * rs.random_sample() - 3, 3)
        x1.append(a)
        x2.append(b)
        t = 1.0 if a * b > 0 else 0.0
        if abs(a) < 0.5 or abs(b) < 0.5:
            t = 0.6 if t else 0.4
        y.append(t)
    sets["checker"] = {"x1": x1, "x2": x2, "y": y, "split": None}

    # A wide line: 12 points with large coordinates (up to 40), y = 1 above x2 = x1 / 2.
    x1, x2, y = [], [], []
    for i in range(12):
        a = round(80 * rs.random_sample() - 40, 2)
        b = round(40 * rs.random_sample() - 20, 2)
        x1.append(a)
        x2.append(b)
        y.append(1.0 if b > a / 2 else 0.0)
    y[4] = 0.3
    sets["wide"] = {"x1": x1, "x2": x2, "y": y, "split": None}
    return sets


# ---------------------------------------------------------------------------------------------------------------
# The generators, transcribed from engine.PointCloud.generate (scalar floats, the same order of operations).

def generate(cloud, points, noise, seed):
    rs = np.random.RandomState(seed)

    def u():
        return float(rs.random_sample())

    def jitter():
        return noise * RADIUS * (2 * u() - 1)

    def normal():
        a = u()
        b = u()
        return math.sqrt(-2 * math.log(1 - a)) * math.cos(2 * math.pi * b)

    half = (points + 1) // 2
    x1, x2, y = [], [], []
    for i in range(points):
        one = i < half
        if cloud == "circle":
            r = u() * 0.5 * RADIUS if one else (0.7 + 0.3 * u()) * RADIUS
            angle = u() * 2 * math.pi
            a = r * math.sin(angle) + jitter()
            b = r * math.cos(angle) + jitter()
        elif cloud == "gauss":
            sd = 0.5 + 7 * noise
            centre = 2.0 if one else -2.0
            a = centre + sd * normal()
            b = centre + sd * normal()
        elif cloud == "xor-cloud":
            p = (2 * u() - 1) * RADIUS
            q = (2 * u() - 1) * RADIUS
            p += 0.3 if p > 0 else -0.3
            q += 0.3 if q > 0 else -0.3
            one = p * q < 0
            a = p + jitter()
            b = q + jitter()
        elif cloud == "spiral":
            k = i if one else i - half
            arm = half if one else points - half
            s = k / arm
            r = s * RADIUS
            angle = 1.75 * s * 2 * math.pi + (0 if one else math.pi)
            a = r * math.sin(angle) + jitter()
            b = r * math.cos(angle) + jitter()
        else:
            raise ValueError(cloud)
        x1.append(a)
        x2.append(b)
        y.append(1.0 if one else 0.0)
    return x1, x2, y


def test_indexes(n, fraction, seed):
    """Data.testMask's rule: the first min(round(f n), n - 1) entries of permutation(n) from the data seed."""
    count = min(int(math.floor(fraction * n + 0.5)), max(n - 1, 0))
    if count == 0:
        return []
    np.random.seed(seed)
    order = np.random.permutation(n)
    return sorted(int(i) for i in order[:count])


# ---------------------------------------------------------------------------------------------------------------
# Training.

def train(c, x_train, y_train, x_test, y_test, epochs, nudge=0.0):
    """general_reference.train with n points, the given feature matrices (features x n) and a test set."""
    x_all = x_train * (1 + nudge)
    x_held = x_test * (1 + nudge)
    y_all = np.array([y_train], dtype=float)
    y_held = np.array([y_test], dtype=float)
    n = x_all.shape[1]
    widths = [x_all.shape[0]] + list(c["hidden"]) + [1]
    np.random.seed(c["seed"])
    layers = [[w * (1 + nudge), b * (1 + nudge)] for w, b in initial_weights(widths, c["init"])]
    initial = as_json(layers)
    act, loss_name, opt = c["activation"], c["loss"], c["optimizer"]
    lr, k, reg, rate = c["learning_rate"], c["batch_size"], c["regularization"], c["reg_rate"]
    first = [[np.zeros_like(p) for p in layer] for layer in layers]
    second = [[np.zeros_like(p) for p in layer] for layer in layers]
    t = 0
    losses, test_losses, permutations = [], [], []

    def forward(x):
        vs, zs = [x], []
        for i, (w, b) in enumerate(layers):
            z = np.dot(w, vs[-1]) + b
            zs.append(z)
            vs.append(general.sigmoid(z) if i == len(layers) - 1 else activate(act, z))
        return vs, zs

    def loss_sum(y, y_hat, z_out):
        if loss_name == "mse":
            return np.sum((y - y_hat) ** 2)
        return np.sum(np.maximum(z_out, 0) - z_out * y + np.log(1 + np.exp(-np.abs(z_out))))

    with np.errstate(all="ignore"):                # a non-finite loss or weight is checked below
        for epoch in range(1, epochs + 1):
            if c["order"] == "shuffle":
                order = np.random.permutation(n)
                if len(permutations) < PERMUTATIONS_KEPT:
                    permutations.append(order.tolist())
            else:
                order = np.arange(n)
            total = 0.0
            for start in range(0, n, k):
                cols = order[start:start + k]
                x = x_all[:, cols]
                y = y_all[:, cols]
                m = x.shape[1]
                vs, zs = forward(x)
                y_hat, z_out = vs[-1], zs[-1]
                total += loss_sum(y, y_hat, z_out)
                d = (y_hat - y) * y_hat * (1 - y_hat) if loss_name == "mse" else y_hat - y
                sums = [None] * len(layers)
                for i in reversed(range(len(layers))):
                    sums[i] = [np.dot(d, vs[i].T), np.sum(d, axis=1, keepdims=True)]
                    if i > 0:
                        d = back_through(act, np.dot(layers[i][0].T, d), zs[i - 1], vs[i])
                t += 1
                layers = update(layers, sums, m, t, c, first, second)
            loss = float(total / n)
            if not (math.isfinite(loss) and finite(layers)):
                raise FloatingPointError("diverged in epoch %d" % epoch)
            losses.append(loss)
            if x_held.shape[1] > 0:
                vs, zs = forward(x_held)
                test_losses.append(float(loss_sum(y_held, vs[-1], zs[-1]) / x_held.shape[1]))
    return {"initial": initial, "losses": losses, "test_losses": test_losses, "final": as_json(layers),
            "permutations": permutations}


def check_general_path():
    """On the truth table with x1, x2, this trainer is general_reference.train, bit for bit (every slot's first
    candidate that does not diverge)."""
    checked = 0
    for name, candidates, epochs in general.build_slots():
        c = candidates[0]
        expected = general.train(c, epochs)
        if expected["divergence_epoch"] is not None:
            continue
        x = feature_matrix(["x1", "x2"], general.INPUTS[:, 0], general.INPUTS[:, 1])
        got = train(c, x, general.TARGETS[c["dataset"]], np.zeros((2, 0)), [], epochs)
        same = (got["initial"] == expected["initial"] and got["losses"] == expected["losses"]
                and got["final"] == expected["final"]
                and got["permutations"] == [p for p in expected["permutations"][:PERMUTATIONS_KEPT]])
        if not same:
            sys.exit("the data trainer on the truth table differs from general_reference.py: %s" % name)
        checked += 1
    print("checked: on the truth tables the data trainer reproduces %d general runs bit for bit" % checked)


# ---------------------------------------------------------------------------------------------------------------
# Slots.

def config(**changes):
    base = {k: v for k, v in general.BASE.items() if k != "dataset"}
    base["features"] = ["x1", "x2"]
    base["data"] = None
    unknown = set(changes) - set(base)
    if unknown:
        raise ValueError("not an option: %s" % sorted(unknown))
    return {**base, **changes}


def build_slots():
    slots = []

    def slot(name, *candidates, epochs=EPOCHS):
        slots.append((name, list(candidates), epochs))

    def seeds(seed_list, **changes):
        return [config(**changes, seed=s) for s in seed_list]

    ring = {"set": "ring"}
    ring_split = {"set": "ring", "test_fraction": 0.25, "data_seed": 7}
    blobs = {"set": "blobs", "given_split": True}
    checker = {"set": "checker", "test_fraction": 0.2, "data_seed": 11}
    checker_all = {"set": "checker"}
    wide = {"set": "wide"}
    spiral = {"cloud": "spiral", "points": 40, "noise": 0.05, "seed": 3, "test_fraction": 0.25, "data_seed": 3}
    circle = {"cloud": "circle", "points": 30, "noise": 0.1, "seed": 5, "test_fraction": 0.3, "data_seed": 9}
    xor_cloud = {"cloud": "xor-cloud", "points": 32, "noise": 0.0, "seed": 2**32 - 1, "test_fraction": 0.25,
                 "data_seed": 2**31}
    gauss = {"cloud": "gauss", "points": 20, "noise": 0.2, "seed": 0}

    # Points with the default features, each batch size class: 1, a middle k, n.
    slot("points: ring, x1,x2, k=1", *seeds([42, 7, 1], data=ring))
    slot("points: ring, x1,x2, k=5 (last chunk shorter)", *seeds([42, 7, 1], data=ring, batch_size=5))
    slot("points: ring, x1,x2, full batch k=n", *seeds([42, 7, 1], data=ring, batch_size=24, learning_rate=2.0))
    slot("points: ring 25% test, x1,x2,x1sq,x2sq, k=1",
         *seeds([42, 7, 1], data=ring_split, features=["x1", "x2", "x1sq", "x2sq"], learning_rate=0.1))
    slot("points: ring 25% test, x1sq,x2sq only, full batch",
         *seeds([3, 7, 1], data=ring_split, features=["x1sq", "x2sq"], batch_size=18, learning_rate=0.5,
                loss="cross-entropy"))
    # Every feature, alone and in orders other than the menu's.
    for f in FEATURES:
        slot("feature alone: %s on checker 20%% test, k=4" % f,
             *seeds([42, 7, 1], data=checker, features=[f], batch_size=4, learning_rate=0.2))
    slot("features: all seven, reversed, checker 20% test, k=3, tanh",
         *seeds([42, 7, 1], data=checker, features=list(reversed(FEATURES)), batch_size=3, activation="tanh",
                learning_rate=0.05))
    slot("features: x1x2,sin2,x1 on checker (no test), k=36 full batch, cross-entropy adam",
         *seeds([5, 7, 1], data=checker_all, features=["x1x2", "sin2", "x1"], batch_size=36, loss="cross-entropy",
                optimizer="adam", learning_rate=0.05))
    # A split column, soft targets.
    slot("points: blobs given split, x1,x2,x1x2, k=1, sgd",
         *seeds([42, 7, 1], data=blobs, features=["x1", "x2", "x1x2"], learning_rate=0.2))
    slot("points: blobs given split, k=12 full batch, momentum cross-entropy",
         *seeds([42, 7, 1], data=blobs, batch_size=12, optimizer="momentum", loss="cross-entropy",
                learning_rate=0.1))
    slot("points: blobs given split, shuffle k=5, rmsprop l2",
         *seeds([42, 7, 1], data=blobs, order="shuffle", batch_size=5, optimizer="rmsprop", learning_rate=0.01,
                regularization="l2", reg_rate=0.01))
    # Large coordinates.
    slot("points: wide (|x| up to 40), sin1,sin2,x1, k=2, tanh xavier",
         *seeds([42, 7, 1], data=wide, features=["sin1", "sin2", "x1"], batch_size=2, activation="tanh",
                init="xavier", learning_rate=0.01))
    # Shuffled, deeper, the other optimisers.
    slot("points: checker 20% test, shuffle k=1, 4,4 tanh adam cross-entropy, x1,x2,x1x2",
         *seeds([42, 7, 1], data=checker, order="shuffle", hidden=[4, 4], activation="tanh", optimizer="adam",
                loss="cross-entropy", features=["x1", "x2", "x1x2"], learning_rate=0.01))
    slot("points: ring, shuffle k=7, 3,3,3 sigmoid nesterov he",
         *seeds([42, 7, 1], data=ring, order="shuffle", batch_size=7, hidden=[3, 3, 3], optimizer="nesterov",
                init="he", learning_rate=0.1))
    # Generated clouds, split from the data seed.
    slot("cloud: spiral 40 (25% test), 6,6 tanh adam cross-entropy, all features, shuffle k=10",
         *seeds([42, 7, 1], data=spiral, hidden=[6, 6], activation="tanh", optimizer="adam", loss="cross-entropy",
                features=list(FEATURES), order="shuffle", batch_size=10, learning_rate=0.01))
    slot("cloud: spiral 40 (25% test), relu he momentum, sin1,sin2,x1,x2, k=1",
         *seeds([42, 7, 1], data=spiral, hidden=[8], activation="relu", init="he", optimizer="momentum",
                features=["sin1", "sin2", "x1", "x2"], learning_rate=0.005))
    slot("cloud: circle 30 (30% test), x1sq,x2sq, full batch, sgd",
         *seeds([42, 7, 1], data=circle, features=["x1sq", "x2sq"], batch_size=21, learning_rate=0.05))
    slot("cloud: xor-cloud 32 (25% test), x1x2, k=8, linear l1",
         *seeds([42, 7, 1], data=xor_cloud, features=["x1x2"], batch_size=8, activation="linear",
                regularization="l1", reg_rate=0.001, learning_rate=0.01))
    slot("cloud: gauss 20 (no test), x1,x2, k=3, 2 layers of 2",
         *seeds([42, 7, 1], data=gauss, hidden=[2, 2], batch_size=3, learning_rate=0.5))
    return slots


def clouds_to_check():
    return [("circle", 8, 0.0, 0), ("circle", 51, 0.3, 42), ("gauss", 9, 0.0, 1), ("gauss", 40, 0.5, 2**32 - 1),
            ("xor-cloud", 8, 0.0, 3), ("xor-cloud", 37, 0.25, 2**31), ("spiral", 10, 0.0, 4),
            ("spiral", 45, 0.1, 12345), ("spiral", 1000, 0.5, 7)]


def masks_to_check():
    return [(1, 0.5, 0), (2, 0.9, 1), (10, 0.0, 3), (10, 0.3, 3), (10, 0.9, 2**32 - 1), (24, 0.25, 7),
            (37, 0.1, 42), (200, 0.5, 5), (1000, 0.2, 2**31)]


def resolve(data, point_sets):
    """The data's points (x1, x2, y lists) and its test indexes."""
    if "set" in data:
        s = point_sets[data["set"]]
        x1, x2, y = s["x1"], s["x2"], s["y"]
    else:
        x1, x2, y = generate(data["cloud"], data["points"], data["noise"], data["seed"])
    n = len(y)
    if data.get("given_split"):
        held = [i for i in range(n) if point_sets[data["set"]]["split"][i] == "test"]
    elif "test_fraction" in data:
        held = test_indexes(n, data["test_fraction"], data["data_seed"])
    else:
        held = []
    return x1, x2, y, held


def run_slot(c, epochs, point_sets, nudge=0.0):
    x1, x2, y, held = resolve(c["data"], point_sets)
    train_at = [i for i in range(len(y)) if i not in held]
    pick = lambda values, at: [values[i] for i in at]
    xt = feature_matrix(c["features"], pick(x1, train_at), pick(x2, train_at))
    xh = feature_matrix(c["features"], pick(x1, held), pick(x2, held)).reshape(len(c["features"]), len(held))
    run = train(c, xt, pick(y, train_at), xh, pick(y, held), epochs, nudge)
    run["n_train"], run["n_test"], run["test_indexes"] = len(train_at), len(held), held
    return run


def sensitivity(run, nudged):
    worst = 0.0
    for other in nudged:
        pairs = (list(zip(run["losses"], other["losses"])) + list(zip(run["test_losses"], other["test_losses"]))
                 + list(zip(flat(run["final"]), flat(other["final"]))))
        worst = max([worst] + [relative(a, b) for a, b in pairs])
    return worst


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "reference",
                       "generated", "data-runs.json")
    check_general_path()
    point_sets = build_point_sets()
    runs, refused = [], []
    for name, candidates, epochs in build_slots():
        if c_bad := [c for c in candidates if c["batch_size"] > run_slot(c, 1, point_sets)["n_train"]]:
            sys.exit("slot '%s': batch size beyond n: %s" % (name, c_bad[0]))
        for c in candidates:
            try:
                run = run_slot(c, epochs, point_sets)
                s = sensitivity(run, [run_slot(c, epochs, point_sets, 2.0**-52),
                                      run_slot(c, epochs, point_sets, -2.0**-53)])
            except FloatingPointError as e:
                s, why = math.inf, "numpy reported %s" % e
            else:
                why = "a 1-ulp nudge of the initial weights and features moves a loss or final weight by %.1e" \
                      " relative (allowed %g)" % (s, MAX_SENSITIVITY)
            if s <= MAX_SENSITIVITY:
                runs.append({"name": name, **c, "epochs": epochs, "rounding_sensitivity": s, **run})
                break
            refused.append({"name": name, **c, "epochs": epochs, "why": why})
        else:
            sys.exit("every candidate of slot '%s' is refused; add another" % name)
    clouds = []
    for cloud, points, noise, seed in clouds_to_check():
        x1, x2, y = generate(cloud, points, noise, seed)
        clouds.append({"cloud": cloud, "points": points, "noise": noise, "seed": seed, "x1": x1, "x2": x2, "y": y})
    masks = [{"n": n, "fraction": f, "seed": s, "test": test_indexes(n, f, s)} for n, f, s in masks_to_check()]
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"numpy": %s, "tolerance": %s, "max_sensitivity": %s, "permutations_kept": %d,\n'
                % (json.dumps(np.__version__), json.dumps(TOLERANCE), json.dumps(MAX_SENSITIVITY), PERMUTATIONS_KEPT))
        f.write('"point_sets": {\n' + ",\n".join("%s: %s" % (json.dumps(k), json.dumps(v))
                                                 for k, v in point_sets.items()) + '\n},\n')
        f.write('"clouds": [\n' + ",\n".join(json.dumps(c) for c in clouds) + '\n],\n')
        f.write('"masks": [\n' + ",\n".join(json.dumps(m) for m in masks) + '\n],\n')
        f.write('"refused": [\n' + ",\n".join(json.dumps(r) for r in refused) + '\n],\n')
        f.write('"runs": [\n' + ",\n".join(json.dumps(r) for r in runs) + "\n]}\n")
    print("wrote %s: %d runs, %d refused, %d clouds, %d masks (%d bytes)"
          % (os.path.relpath(out), len(runs), len(refused), len(clouds), len(masks), os.path.getsize(out)))


if __name__ == "__main__":
    main()
