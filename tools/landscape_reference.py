#!/usr/bin/env python3
"""NumPy oracle for the loss landscape (issue 14): the planes of engine.LossPlane's javadoc and the loss over them,
written out independently in NumPy (np.linalg.svd for the directions), over runs trained by the existing oracles.

How to regenerate (from the repository root; python3 with NumPy; a few seconds):
  python3 tools/landscape_reference.py
It runs self_test() first (planes of paths whose answer is known in closed form, the sampling rule, and that the
recorded path is the trainer's own weights), then writes src/test/resources/reference/generated/landscape.json and
nothing else; running it again with the same NumPy leaves `git status` clean. LandscapeOracleAgreementTest holds
the engine's LossPlane and PlaneLoss to it.

Training is tools/data_reference.py's train() (which follows general_reference.py's rules; on a truth table with
the features x1, x2 it is general_reference.train bit for bit, as that script checks), unchanged: the weights after
every epoch are recorded by wrapping the `update` it calls and keeping the layers after each epoch's last update
(an epoch of n points in chunks of k has ceil(n / k) updates). A run's path is its parameter vectors, each in
Weights.flat()'s order (layer by layer from the input side, W[l] row by row, then b[l]), epoch 0 (the initial
weights) first; the file keeps every `stride`-th epoch of it (0, stride, 2 stride, ..., epochs), and the planes are
built from those kept points, so the engine can be fed exactly the same path.

The planes (LossPlane's javadoc), every path a list of points, the first path's first point the start:
  w:P,Q      the parameters P and Q (named as NumPy indexes them, "W2[0,1]"): origin = the first path's end with
             P and Q set to 0, u and v the unit vectors of P and Q; a point's (a, b) are its P and Q.
  start-end  origin = start; u = (end - start) / |end - start| with end the first path's end. With a second path,
             w = its end - start, across = w - (w.u) u; v = across / |across| if |w| > 0 and |across| > 1e-9 |w|.
             Otherwise (one path, or a second ending on u's line) v = the top right singular vector of the sampled
             points' residuals (p - start, less their component along u).
  pca        origin = the mean of the sampled points; u, v the top two right singular vectors of the sampled points
             less that mean.
  sampled    all the paths' points in order (the first path's, then the second's), or, when there are more than
             256, point floor(i (N - 1) / 255) for i = 0 ... 255.
  rank       a singular value s[c] <= 1e-12 max(s[0], the largest |entry| of the rows) is no direction.
  sign       each singular direction d is signed so that along = (end - start).d > 0; where |along| <= 1e-6
             |end - start|, so that the row with the largest |row.d| (the first such) projects positively.
  fallback   while there are fewer than two directions, the coordinate axes e_0, e_1, ... are taken in turn, each
             made orthogonal to those already there (Gram-Schmidt), if what is left is longer than 0.5, normalised.
  window     over every point of every path (not only the sampled), (a, b) projected; half = max(2/3 max(extent
             along a, extent along b), 0.05); a and b each from centre - half to centre + half; grid point i of n
             is min + (max - min) i / (n - 1).
  loss       the run's loss (mse mean((y - y_hat)^2) or cross-entropy mean(max(z, 0) - z y + log(1 + exp(-|z|))))
             over the training points at origin + a u + b v, no regularisation term (Weights.loss).

The file: {"numpy", "loss_tolerance": 1e-12, "direction_tolerance": 1e-9, "cases": [...]}. Each case has
  name, config         the run (general_reference.py's keys plus "features"; "dataset" for a truth table or
                       "points" {x1, x2, y} for points of a file)
  paths_configs        one {"batch_size"} per path: each path is config at that batch size (two for a comparison,
                       from the same initial weights)
  epochs               epochs every path trains
  widths, parameters   the network's widths (input features first) and its parameter names in flat order
  stride, paths        the kept epochs of each path ([{"epochs": [...], "points": [[...], ...]}])
  planes               per plane spec ("w:...", "start-end", "pca"): origin, u, v, window [a_min, a_max, b_min,
                       b_max], grid_n and grid [[i, j, a, b, loss], ...] (the grid_n x grid_n grid's points, i the
                       column along a, j the row along b), random [[a, b, loss], ...] (points drawn uniformly in the
                       window) and trajectory [[epoch, a, b, loss], ...] (kept points of the first path projected,
                       loss at the point itself, which may lie off the plane)
"""

import json
import math
import os

import numpy as np

import data_reference as data
import general_reference as general
from reference import INPUTS, TARGETS

SAMPLED = 256
RANK_TOLERANCE = 1e-12
SIGN_TOLERANCE = 1e-6
HALF_WIDTH = 2.0 / 3.0
MIN_HALF_WIDTH = 0.05
GRID_N = 5
RANDOM_POINTS = 15
TRAJECTORY_POINTS = 10
LOSS_TOLERANCE = 1e-12
DIRECTION_TOLERANCE = 1e-9


# ----------------------------------------------------------------------------------------------- training

def samples(c):
    """The training points' feature matrix (features x n) and targets."""
    if "points" in c:
        x1, x2, y = c["points"]["x1"], c["points"]["x2"], c["points"]["y"]
    else:
        x1, x2, y = INPUTS[:, 0], INPUTS[:, 1], TARGETS[c["dataset"]]
    return data.feature_matrix(c["features"], x1, x2), [float(t) for t in y]


def flatten(layers):
    """Weights.flat()'s order: layer by layer, W row by row, then b."""
    return [float(x) for w, b in layers for x in list(np.ravel(w)) + list(np.ravel(b))]


def train_path(c, epochs):
    """data_reference.train's run of c, with the parameter vector after every epoch (epoch 0 first)."""
    x, y = samples(c)
    n = x.shape[1]
    per_epoch = -(-n // c["batch_size"])
    path = []
    original = data.update

    def recording(layers, sums, m, t, config, first, second):
        updated = original(layers, sums, m, t, config, first, second)
        if t % per_epoch == 0:
            path.append(flatten(updated))
        return updated

    data.update = recording
    try:
        run = data.train(c, x, y, np.zeros((x.shape[0], 0)), [], epochs)
    finally:
        data.update = original
    initial = [[np.array(run["initial"]["W%d" % l]), np.array(run["initial"]["b%d" % l])]
               for l in range(1, len(c["hidden"]) + 2)]
    final = [[np.array(run["final"]["W%d" % l]), np.array(run["final"]["b%d" % l])]
             for l in range(1, len(c["hidden"]) + 2)]
    path.insert(0, flatten(initial))
    assert len(path) == epochs + 1 and path[-1] == flatten(final), "the recorded path is not the run's"
    return path


def widths_of(c):
    return [len(c["features"])] + list(c["hidden"]) + [1]


def parameter_names(widths):
    names = []
    for l in range(len(widths) - 1):
        names += ["W%d[%d,%d]" % (l + 1, j, k) for j in range(widths[l + 1]) for k in range(widths[l])]
        names += ["b%d[%d,0]" % (l + 1, j) for j in range(widths[l + 1])]
    return names


def loss(c, p):
    """The loss over c's training points at parameters p (flat), computed over all points at once."""
    x, y = samples(c)
    widths = widths_of(c)
    v = x
    at = 0
    z = None
    for l in range(len(widths) - 1):
        w = np.array(p[at:at + widths[l + 1] * widths[l]]).reshape(widths[l + 1], widths[l])
        at += widths[l + 1] * widths[l]
        b = np.array(p[at:at + widths[l + 1]]).reshape(widths[l + 1], 1)
        at += widths[l + 1]
        z = np.dot(w, v) + b
        v = general.sigmoid(z) if l == len(widths) - 2 else general.activate(c["activation"], z)
    y = np.array([y])
    if c["loss"] == "mse":
        return float(np.mean((y - v) ** 2))
    return float(np.mean(np.maximum(z, 0) - z * y + np.log(1 + np.exp(-np.abs(z)))))


# ----------------------------------------------------------------------------------------------- planes

def sampled(paths):
    points = [p for path in paths for p in path]
    if len(points) <= SAMPLED:
        return np.array(points)
    return np.array([points[i * (len(points) - 1) // (SAMPLED - 1)] for i in range(SAMPLED)])


def top_directions(rows, count, displacement):
    """The top `count` right singular vectors of rows (as many as they span), signed by the sign rule."""
    rows = np.asarray(rows, dtype=float)
    scale = np.max(np.abs(rows))
    if scale == 0:
        return []
    _, s, vt = np.linalg.svd(rows, full_matrices=False)
    out = []
    for c in range(min(count, len(s))):
        if s[c] <= RANK_TOLERANCE * max(s[0], scale):
            break
        d = vt[c].copy()
        along = float(np.dot(displacement, d))
        if abs(along) > SIGN_TOLERANCE * np.linalg.norm(displacement):
            best = along
        else:
            projections = rows @ d
            best = projections[int(np.argmax(np.abs(projections)))]
        out.append(-d if best < 0 else d)
    return out


def complete(basis, n):
    for k in range(n):
        if len(basis) >= 2:
            break
        e = np.zeros(n)
        e[k] = 1.0
        for b in basis:
            e = e - np.dot(e, b) * b
        if np.linalg.norm(e) > 0.5:
            basis.append(e / np.linalg.norm(e))
    return basis


def plane(spec, names, paths):
    """(origin, u, v) of the plane `spec` through `paths` (lists of flat points)."""
    start = np.array(paths[0][0])
    end = np.array(paths[0][-1])
    n = len(names)
    if spec.startswith("w:"):
        first, second = spec[2:].split("],")
        i, j = names.index(first + "]"), names.index(second)
        origin = end.copy()
        origin[i] = origin[j] = 0.0
        return origin, np.eye(n)[i], np.eye(n)[j]
    displacement = end - start
    if spec == "start-end":
        basis = []
        if np.linalg.norm(displacement) > 0:
            basis.append(displacement / np.linalg.norm(displacement))
        v = None
        if len(paths) > 1 and basis:
            w = np.array(paths[1][-1]) - start
            across = w - np.dot(w, basis[0]) * basis[0]
            if np.linalg.norm(w) > 0 and np.linalg.norm(across) > 1e-9 * np.linalg.norm(w):
                v = across / np.linalg.norm(across)
        if v is None:
            residuals = sampled(paths) - start
            for b in basis:
                residuals = residuals - np.outer(residuals @ b, b)
            stray = top_directions(residuals, 1, displacement)
            v = stray[0] if stray else None
        if v is not None:
            basis.append(v)
        basis = complete(basis, n)
        return start.copy(), basis[0], basis[1]
    if spec == "pca":
        points = sampled(paths)
        mean = points.mean(axis=0)
        basis = complete(top_directions(points - mean, 2, displacement), n)
        return mean, basis[0], basis[1]
    raise ValueError(spec)


def project(spec, names, origin, u, v, p):
    p = np.asarray(p)
    if spec.startswith("w:"):
        return float(np.dot(p, u)), float(np.dot(p, v))
    return float(np.dot(p - origin, u)), float(np.dot(p - origin, v))


def window(spec, names, origin, u, v, paths):
    ab = np.array([project(spec, names, origin, u, v, p) for path in paths for p in path])
    lo, hi = ab.min(axis=0), ab.max(axis=0)
    half = max(HALF_WIDTH * max(hi[0] - lo[0], hi[1] - lo[1]), MIN_HALF_WIDTH)
    ca, cb = (lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2
    return [ca - half, ca + half, cb - half, cb + half]


def grid_value(low, high, i, n):
    return low + (high - low) * i / (n - 1)


def point(origin, u, v, a, b):
    return origin + a * u + b * v


# ----------------------------------------------------------------------------------------------- cases

def config(**changes):
    base = {k: value for k, value in general.BASE.items()}
    base.update(features=["x1", "x2"], learning_rate=0.1)
    base.update(changes)
    return base


def build_cases():
    ring = data.build_point_sets()["ring"]
    points = {"x1": ring["x1"], "x2": ring["x2"], "y": ring["y"]}
    notebook = config()
    return [
        ("notebook SGD, 3,000 epochs", [notebook], 3000, 10, "w:W2[0,0],W2[0,1]"),
        ("the notebook's comparison: SGD and batch GD from the same start", [notebook, config(batch_size=4)],
         1000, 10, "w:W1[0,0],b1[1,0]"),
        ("2-3-3-1 tanh cross-entropy, batch 2", [config(hidden=[3, 3], activation="tanh", loss="cross-entropy",
                                                        seed=7, batch_size=2, learning_rate=0.2)],
         400, 5, "w:W3[0,0],W2[1,2]"),
        ("ring points with features x1,x2,x1sq,x2sq, 4 tanh units, full batch",
         [{**{k: value for k, value in config().items() if k != "dataset"}, "points": points,
           "features": ["x1", "x2", "x1sq", "x2sq"], "hidden": [4], "activation": "tanh", "batch_size": 24,
           "learning_rate": 0.5, "seed": 3}],
         300, 5, "w:W1[0,2],W1[3,3]"),
    ]


def build_case(name, configs, epochs, stride, parameter_plane, rs):
    c = configs[0]
    widths = widths_of(c)
    names = parameter_names(widths)
    full = [train_path(config, epochs) for config in configs]
    kept = list(range(0, epochs + 1, stride))
    assert kept[-1] == epochs
    paths = [[path[e] for e in kept] for path in full]
    planes = {}
    for spec in (parameter_plane, "start-end", "pca"):
        origin, u, v = plane(spec, names, paths)
        w = window(spec, names, origin, u, v, paths)
        grid = []
        for j in range(GRID_N):
            for i in range(GRID_N):
                a, b = grid_value(w[0], w[1], i, GRID_N), grid_value(w[2], w[3], j, GRID_N)
                grid.append([i, j, a, b, loss(c, point(origin, u, v, a, b))])
        random = []
        for _ in range(RANDOM_POINTS):
            a, b = float(rs.uniform(w[0], w[1])), float(rs.uniform(w[2], w[3]))
            random.append([a, b, loss(c, point(origin, u, v, a, b))])
        trajectory = []
        for t in range(TRAJECTORY_POINTS):
            at = t * (len(kept) - 1) // (TRAJECTORY_POINTS - 1)
            a, b = project(spec, names, origin, u, v, paths[0][at])
            trajectory.append([kept[at], a, b, loss(c, paths[0][at])])
        planes[spec] = {"origin": origin.tolist(), "u": u.tolist(), "v": v.tolist(), "window": w, "grid_n": GRID_N,
                        "grid": grid, "random": random, "trajectory": trajectory}
    return {"name": name, "config": c, "paths_configs": [{"batch_size": k["batch_size"]} for k in configs],
            "epochs": epochs, "widths": widths, "parameters": names, "stride": stride,
            "paths": [{"epochs": kept, "points": p} for p in paths], "planes": planes}


# ----------------------------------------------------------------------------------------------- self-test

def self_test():
    names = parameter_names([2, 2, 1])
    assert names == ["W1[0,0]", "W1[0,1]", "W1[1,0]", "W1[1,1]", "b1[0,0]", "b1[1,0]", "W2[0,0]", "W2[0,1]",
                     "b2[0,0]"]
    # LossPlaneTest's arc: start + 2t d1 + sin(pi t) d2; the start-end plane is (d1, d2), a = 2t, b = sin(pi t).
    d1 = np.array([1, 2, 0, -1, 0.5, 0, 3, -2, 1.0])
    d1 /= np.linalg.norm(d1)
    d2 = np.array([0, 1, 1, 0, -2, 1, 0, 1, 1.0])
    d2 -= np.dot(d2, d1) * d1
    d2 /= np.linalg.norm(d2)
    start = np.array([0.3, 0.7, 0.1, 0.9, 0.5, 0.2, 0.6, 0.4, 0.8])
    for steps in (10, 1000):                           # 1,001 points: the stray direction from 256 sampled
        ts = [i / steps for i in range(steps + 1)]
        arc = [list(start + 2 * t * d1 + math.sin(math.pi * t) * d2) for t in ts]
        origin, u, v = plane("start-end", names, [arc])
        assert np.allclose(u, d1, atol=1e-12) and np.allclose(v, d2, atol=1e-12) and np.array_equal(origin, start)
        for t, p in zip(ts, arc):
            a, b = project("start-end", names, origin, u, v, p)
            assert abs(a - 2 * t) < 1e-12 and abs(b - math.sin(math.pi * t)) < 1e-12
        w = window("start-end", names, origin, u, v, [arc])
        assert np.allclose(w, [1 - 4 / 3, 1 + 4 / 3, 0.5 - 4 / 3, 0.5 + 4 / 3], atol=1e-12)
        origin, u, v = plane("pca", names, [arc])
        # The path lies in span(d1, d2), so the principal plane is that span, the chord its long direction.
        assert abs(np.hypot(np.dot(u, d1), np.dot(u, d2)) - 1) < 1e-12 and abs(np.dot(u, d1)) > 0.99
        assert abs(np.hypot(np.dot(v, d1), np.dot(v, d2)) - 1) < 1e-12 and abs(np.dot(u, v)) < 1e-12
        assert project("pca", names, origin, u, v, arc[-1])[0] > 0          # the path runs its way along a
    # Two runs from one start: v points to the second end across u.
    first = [list(start), list(start + 3 * d1)]
    second = [list(start), list(start + d1 - 2 * d2)]
    origin, u, v = plane("start-end", names, [first, second])
    assert np.allclose(u, d1, atol=1e-12) and np.allclose(v, -d2, atol=1e-12)
    assert np.allclose(project("start-end", names, origin, u, v, second[1]), [1, 2], atol=1e-12)
    # A run that never moved: the coordinate axes complete the plane; the window is the smallest.
    still = [list(start), list(start)]
    for spec in ("start-end", "pca"):
        origin, u, v = plane(spec, names, [still])
        assert np.array_equal(u, np.eye(9)[0]) and np.array_equal(v, np.eye(9)[1])
        w = window(spec, names, origin, u, v, [still])
        assert w[1] - w[0] == 2 * MIN_HALF_WIDTH
    # The parameter plane: a, b are the two parameters, the others stay at the end.
    origin, u, v = plane("w:W2[0,0],W2[0,1]", names, [arc])
    assert project("w:", names, origin, u, v, arc[3]) == (arc[3][6], arc[3][7])
    assert list(point(origin, u, v, -1.5, 4.0)) == arc[-1][:6] + [-1.5, 4.0] + arc[-1][8:]
    # Sampling: 256 of 1,001 points, first and last kept, floor(i (N - 1) / 255).
    many = [[float(i)] for i in range(1001)]
    s = sampled([many])
    assert len(s) == 256 and s[0][0] == 0 and s[-1][0] == 1000 and s[1][0] == 3 and s[128][0] == 501
    assert len(sampled([many[:200], many[:56]])) == 256 and len(sampled([many[:200], many[:57]])) == 256
    # The recorded path is the trainer's weights: each epoch's point equals a run of that many epochs' final.
    c = config(hidden=[3], batch_size=3, activation="tanh")
    path = train_path(c, 12)
    for e in (0, 1, 5, 12):
        run = data.train(c, *samples(c), np.zeros((2, 0)), [], e)
        final = [[np.array(run["final"]["W%d" % l]), np.array(run["final"]["b%d" % l])] for l in (1, 2)]
        assert path[e] == flatten(final), e
    # The loss is the oracle's own: at the notebook's initial weights, SPEC's epoch-0 forward pass.
    notebook = config()
    p0 = train_path(notebook, 0)[0]
    assert p0[:2] == [0.3745401188473625, 0.9507143064099162] and p0[-1] == 0.6011150117432088
    # Full-batch GD's first epoch takes every sample's loss at the initial weights (README: 0.3237286194396077).
    assert abs(loss(notebook, p0) - 0.3237286194396077) <= 1e-15 * 0.3237286194396077, loss(notebook, p0)
    print("self-test passed")


def main():
    self_test()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "reference",
                       "generated", "landscape.json")
    rs = np.random.RandomState(20261204)
    cases = [build_case(*case, rs) for case in build_cases()]
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"numpy": %s, "loss_tolerance": %s, "direction_tolerance": %s,\n"cases": [\n'
                % (json.dumps(np.__version__), json.dumps(LOSS_TOLERANCE), json.dumps(DIRECTION_TOLERANCE)))
        f.write(",\n".join(json.dumps(c) for c in cases) + "\n]}\n")
    print("wrote %s: %d cases (%d bytes)" % (os.path.relpath(out), len(cases), os.path.getsize(out)))


if __name__ == "__main__":
    main()
