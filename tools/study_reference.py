#!/usr/bin/env python3
"""NumPy oracle for XOR Lab's studies over many seeds: grids of general-network runs (tools/general_reference.py's
rules, imported, not copied), each trained until it reaches a target loss or its budget ends, and the summary
statistics the app shows for them, computed here independently with NumPy (and checked against SciPy).

How to regenerate (from the repository root; python3 with NumPy, and SciPy for the cross-checks; about a minute):
  python3 tools/study_reference.py
It first runs its self-test (asserts), then writes src/test/resources/reference/generated/study-runs.json and
nothing else. The output is deterministic: running it again with the same NumPy and SciPy must leave `git status`
clean. CI needs neither: the JSON is committed. To add a grid, add it to build_grids() (keep the file well under
1 MB and the whole script under ~3 minutes: NumPy trains at roughly 70 microseconds per weight update).

The file: {"numpy": version, "scipy": version, "tolerance": 1e-9, "margin_percent": 5, "grids": [...]}, one run per
line. Each grid has: name; base (every general option except seed, learning_rate, batch_size, optimizer); seeds;
learning_rates; batch_sizes; optimizers (general_reference's names: sgd, momentum, nesterov, rmsprop, adam);
target_loss; budget {"measure": epochs | updates | samples, "amount"}; runs; summary; and "note" where the grid
had to be changed (see the rounding check).

The rules of a study, exactly as coded below:
  - the grid is base x seeds x learning_rates x batch_sizes x optimizers; "runs" lists it in the order
    for seed: for optimizer: for batch_size: for learning_rate. Every run starts from its seed's initial weights
    (general_reference.train(config) from scratch).
  - per epoch a run uses 1 epoch, ceil(4 / batch_size) weight updates, 4 samples (the truth tables have 4 samples).
    It trains whole epochs while its used amount of the budget's measure is < amount (so it may overshoot: updates
    2000 at batch 3 is 1000 epochs, at batch 1 it is 500), and stops earlier after the first epoch whose loss (the
    run's own loss, as printed per epoch) is strictly below target_loss, or when it diverges (general_reference:
    the first epoch whose loss or weights are not all finite; that epoch does not count).
  - each run records: seed, learning_rate, batch_size, optimizer;
      epochs            epochs trained: the epoch it reached the target; for a diverged run divergence_epoch - 1
                        (its finite epochs); else the budget's epochs
      epochs_to_target  the first epoch with loss < target_loss, or null
      updates_to_target epochs_to_target * ceil(4 / batch_size), or null
      samples_to_target epochs_to_target * 4, or null
      final_loss        the loss of the last epoch trained (null only if 0 epochs were trained)
      diverged          true / false
  - rounding check: a run whose loss at some epoch up to its last trained one is within 1e-9 relative of the target
    (|loss - target| <= 1e-9 * target) could cross the target at another epoch in another implementation, so a grid
    with such a run is not written; its next variant (another target or seed range) is, and the grid's "note"
    says what was refused and why. A grid with a diverged run is refused the same way unless it is meant to have
    one (none here is: mse, the notebook's loss, essentially never diverges at these rates).

The summary, per grid, for each measure M in epochs, updates, samples ("summary": {"epochs": {...}, ...}):
  - a method is (batch_size, optimizer), named like the app: sgd with batch 1 "sgd", batch 4 "batch", else
    "minibatch<k>"; the other optimisers "<Name>-batch<k>", Name one of momentum, Nesterov, RMSprop, Adam.
    Methods are ordered for optimizer in optimizers: for batch_size in batch_sizes. A configuration is
    (method, learning_rate).
  - a run's cost in M is M_to_target, +infinity if it did not reach the target.
  - "configurations", per configuration in method order then rate order: method, learning_rate, n (runs),
    converged, diverged, and q1, median, q3 of the cost over all n runs: R-7 quantiles (NumPy's "linear"): sorted
    v[0..n-1], h = (n-1)p, lo = floor(h), f = h - lo; q = v[lo] if f == 0 else v[lo] + f (v[lo+1] - v[lo]);
    null ("not reached") if v[lo] is infinite, or f > 0 and v[lo+1] is infinite.
  - "best": per method the rate minimising (median, or +inf if null; -converged; rate).
  - "pairs": for every pair of methods A, B (i < j in method order), each at its best rate for M, per seed the
    verdict with a 5 % margin: both reached: A wins if cost_B * 100 > cost_A * 105, B wins if
    cost_A * 100 > cost_B * 105, else a tie. Only A reached: A wins if B diverged or B's used amount of M (its
    epochs trained times M per epoch) >= settling(cost_A) = (cost_A * 105 + 99) // 100, else "undecided"; the same
    the other way round. Neither reached: "neither". Recorded: a, b, rate_a, rate_b, seeds (paired seeds), wins_a,
    wins_b, ties, undecided, neither;
    median_ratio  the median of cost_A / cost_B over the seeds where both reached (np.median), null if none;
    the Wilcoxon signed-rank test on those seeds with d = cost_A - cost_B, zero differences dropped:
    n_wilcoxon    the number of nonzero d; w_plus the sum of the ranks of |d| (ties get their average rank) over
                  positive d (null if n_wilcoxon is 0); w = max(w_plus, n(n+1)/2 - w_plus);
    sign_p_value  the two-sided sign test of wins_a against wins_b at even odds (scipy.stats.binomtest; checked
                  against twice the smaller binomial tail), null if neither won a seed
    p_value       two-sided. Exact when n <= 30 and the |d| have no ties (as Apache Commons Math 3.6.1's
                  WilcoxonSignedRankTest computes it: 2 * #{subsets of {1..n} whose sum >= w} / 2^n, capped at 1.0;
                  Commons Math does not cap, it can return more than 1 when w is exactly n(n+1)/4); otherwise the
                  normal approximation with the variance corrected for ties and the continuity correction half a
                  rank towards the mean: 2 * Phi(-max(0, |w_plus - n(n+1)/4| - 0.5) / sd),
                  sd^2 = n(n+1)(2n+1)/24 - sum(t^3 - t)/48 over groups of t tied |d|, capped at 1.0, which is
                  scipy.stats.wilcoxon(d, zero_method="wilcox", correction=True, method="approx") (asserted to
                  1e-12). Not Commons Math's approximation: its 3.6.1 computes z = (w_min - n(n+1)/4 - 0.5) / sd,
                  the correction half a rank AWAY from the mean, so its p is too small, and ignores ties.
                  null if n_wilcoxon is 0. exact: which of the two it is.
    Checked against SciPy: the exact p equals scipy.stats.wilcoxon(d, zero_method="wilcox", method="exact") to
    1e-12. The grids have at most 12 seeds, so "wilcoxon_cases" adds synthetic differences (up to 100, with ties)
    with their n, w_plus and p, to test the approximation and ties without training thousands of runs.
"""

import json
import math
import os
import sys
import time
from itertools import combinations

import numpy as np
import scipy
import scipy.stats

import general_reference as g
from reference import TOLERANCE

MARGIN_PERCENT = 5
MEASURES = ["epochs", "updates", "samples"]
RUN_KEYS = ["seed", "learning_rate", "batch_size", "optimizer"]
BASE_KEYS = [k for k in g.KEYS if k not in RUN_KEYS]
OPTIMIZER_NAMES = {"momentum": "momentum", "nesterov": "Nesterov", "rmsprop": "RMSprop", "adam": "Adam"}


# ---------------------------------------------------------------------------------------------------- the runs

def updates_per_epoch(batch):
    return (4 + batch - 1) // batch


def per_epoch(measure, batch):
    return {"epochs": 1, "updates": updates_per_epoch(batch), "samples": 4}[measure]


def budget_epochs(budget, batch):
    """Whole epochs trained while the used amount is < amount: ceil(amount / per epoch)."""
    pe = per_epoch(budget["measure"], batch)
    return (budget["amount"] + pe - 1) // pe


def method_name(batch, optimizer):
    if optimizer == "sgd":
        return {1: "sgd", 4: "batch"}.get(batch, "minibatch%d" % batch)
    return "%s-batch%d" % (OPTIMIZER_NAMES[optimizer], batch)


def train_to_target(c, target, max_epochs):
    """Trains c until the first epoch with loss < target, divergence, or max_epochs. general_reference.train has
    no stopping rule, so it is called with growing epoch counts (each call from scratch, the same epochs again:
    the loss of epoch e does not depend on how many epochs follow). Returns (record, the losses trained)."""
    n = min(max_epochs, 200)
    while True:
        r = g.train(c, n)
        losses = r["losses"]
        hit = next((e for e, loss in enumerate(losses, start=1) if loss < target), None)
        if hit is not None or r["divergence_epoch"] is not None or n >= max_epochs:
            break
        n = min(max_epochs, n * 4)
    if hit is not None:
        epochs, diverged = hit, False
    elif r["divergence_epoch"] is not None:
        epochs, diverged = r["divergence_epoch"] - 1, True
        assert len(losses) == epochs
    else:
        epochs, diverged = max_epochs, False
        assert len(losses) == max_epochs
    k = c["batch_size"]
    record = {"seed": c["seed"], "learning_rate": c["learning_rate"], "batch_size": k, "optimizer": c["optimizer"],
              "epochs": epochs, "epochs_to_target": hit,
              "updates_to_target": None if hit is None else hit * updates_per_epoch(k),
              "samples_to_target": None if hit is None else hit * 4,
              "final_loss": losses[epochs - 1] if epochs > 0 else None, "diverged": diverged}
    return record, losses[:epochs]


def close_to_target(losses, target):
    """The epochs (1-based) whose loss is within TOLERANCE relative of the target."""
    return [e for e, loss in enumerate(losses, start=1) if abs(loss - target) <= TOLERANCE * target]


def run_grid(grid):
    runs, problems = [], []
    for seed in grid["seeds"]:
        for opt in grid["optimizers"]:
            for k in grid["batch_sizes"]:
                for lr in grid["learning_rates"]:
                    c = g.config(**grid["base"], seed=seed, learning_rate=lr, batch_size=k, optimizer=opt)
                    record, losses = train_to_target(c, grid["target_loss"], budget_epochs(grid["budget"], k))
                    close = close_to_target(losses, grid["target_loss"])
                    if close:
                        problems.append("seed %d, %s at rate %r: its loss at epoch %d is within %g relative of the"
                                        " target" % (seed, method_name(k, opt), lr, close[0], TOLERANCE))
                    if record["diverged"] and not grid.get("divergence_allowed"):
                        problems.append("seed %d, %s at rate %r diverged at epoch %d"
                                        % (seed, method_name(k, opt), lr, record["epochs"] + 1))
                    runs.append(record)
    return runs, problems


# ---------------------------------------------------------------------------------------------------- statistics

def quantile(values, p):
    """R-7 quantile with +inf for "not reached": None where it would involve an infinite value."""
    v = sorted(values)
    h = (len(v) - 1) * p
    lo = math.floor(h)
    f = h - lo
    if math.isinf(v[lo]) or (f > 0 and math.isinf(v[lo + 1])):
        return None
    q = v[lo] if f == 0 else v[lo] + f * (v[lo + 1] - v[lo])
    # NumPy on the same values, +inf replaced by a finite stand-in (inf * 0 would be NaN in its interpolation);
    # the stand-in is never used where q is finite.
    check = float(np.percentile(np.array([x if math.isfinite(x) else 1e300 for x in v]), 100 * p, method="linear"))
    assert abs(check - q) <= 1e-12 * abs(q), (values, p, q, check)
    return float(q)


def average_ranks(values):
    """Ranks 1..n of values, ties getting the average of their ranks (Commons Math's TiesStrategy.AVERAGE)."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for t in range(i, j + 1):
            ranks[order[t]] = (i + j + 2) / 2
        i = j + 1
    return ranks


def subsets_at_least(n, w):
    """How many subsets of {1..n} have a sum >= w (w may be fractional; sums are integers): a DP over sums."""
    counts = [1] + [0] * (n * (n + 1) // 2)
    for r in range(1, n + 1):
        for s in range(len(counts) - 1, r - 1, -1):
            counts[s] += counts[s - r]
    return sum(counts[math.ceil(w):])


def normal_cdf(z):
    return 0.5 * math.erfc(-z / math.sqrt(2))


def wilcoxon(d):
    """(n, w_plus, p) of the signed-rank test on differences d, zeros dropped, p exact or approximated as the docstring says."""
    d = [x for x in d if x != 0]
    n = len(d)
    if n == 0:
        return 0, None, None
    ranks = average_ranks([abs(x) for x in d])
    w_plus = float(sum(r for r, x in zip(ranks, d) if x > 0))
    total = n * (n + 1) / 2
    w = max(w_plus, total - w_plus)
    exact = n <= 30 and len(set(abs(x) for x in d)) == n
    if exact:
        p = min(1.0, 2 * subsets_at_least(n, w) / 2 ** n)
    else:
        mean = n * (n + 1) / 4.0
        var = n * (n + 1) * (2 * n + 1) / 24.0
        groups = {}
        for x in d:
            groups[abs(x)] = groups.get(abs(x), 0) + 1
        var -= sum(t ** 3 - t for t in groups.values()) / 48.0
        distance = max(0.0, abs(w_plus - mean) - 0.5)
        p = 1.0 if var <= 0 else min(1.0, 2 * normal_cdf(-distance / math.sqrt(var)))
    return n, w_plus, p


def scipy_check(d, p):
    """SciPy must give the same p-value: scipy.stats.wilcoxon's exact one where wilcoxon() is exact, its normal
    approximation (correction=True, tie-corrected) elsewhere. Returns True (it always checks)."""
    d = [x for x in d if x != 0]
    n = len(d)
    if not d:
        return False
    exact = n <= 30 and len(set(abs(x) for x in d)) == n
    ref = scipy.stats.wilcoxon(d, zero_method="wilcox", correction=True,
                               method="exact" if exact else "approx").pvalue
    assert abs(min(1.0, ref) - p) <= 1e-12, (d, p, ref)
    return True


def sign_test(a, b):
    """The two-sided sign test of a seeds won against b at even odds: scipy.stats.binomtest's p-value (twice the
    smaller tail, at most 1); None if no seed was won."""
    if a + b == 0:
        return None
    p = float(scipy.stats.binomtest(a, a + b, 0.5).pvalue)
    tail = sum(math.comb(a + b, i) for i in range(min(a, b) + 1)) / 2 ** (a + b)
    assert abs(p - min(1.0, 2 * tail)) <= 1e-12, (a, b, p, tail)
    return p


def settling(count):
    return (count * (100 + MARGIN_PERCENT) + 99) // 100


def verdict(a, b, measure):
    """One seed's verdict between run a and run b in measure: "a", "b", "tie", "undecided" or "neither"."""
    ca, cb = a[measure + "_to_target"], b[measure + "_to_target"]
    if ca is not None and cb is not None:
        if cb * 100 > ca * (100 + MARGIN_PERCENT):
            return "a"
        if ca * 100 > cb * (100 + MARGIN_PERCENT):
            return "b"
        return "tie"
    if ca is None and cb is None:
        return "neither"
    leader, other, name = (a, b, "a") if ca is not None else (b, a, "b")
    cost = leader[measure + "_to_target"]
    used = other["epochs"] * per_epoch(measure, other["batch_size"])
    return name if other["diverged"] or used >= settling(cost) else "undecided"


def summarise(grid, runs, checked):
    methods = [(k, opt) for opt in grid["optimizers"] for k in grid["batch_sizes"]]
    by = {}
    for r in runs:
        by.setdefault((r["batch_size"], r["optimizer"], r["learning_rate"]), {})[r["seed"]] = r
    summary = {}
    for m in MEASURES:
        key = m + "_to_target"
        configurations, medians = [], {}
        for k, opt in methods:
            for lr in grid["learning_rates"]:
                group = [by[(k, opt, lr)][s] for s in grid["seeds"]]
                costs = [math.inf if r[key] is None else r[key] for r in group]
                q1, median, q3 = (quantile(costs, p) for p in (0.25, 0.5, 0.75))
                converged = sum(r[key] is not None for r in group)
                configurations.append({"method": method_name(k, opt), "learning_rate": lr, "n": len(group),
                                       "converged": converged, "diverged": sum(r["diverged"] for r in group),
                                       "q1": q1, "median": median, "q3": q3})
                medians[(k, opt, lr)] = (math.inf if median is None else median, -converged, lr)
        best = {(k, opt): min(grid["learning_rates"], key=lambda lr: medians[(k, opt, lr)]) for k, opt in methods}
        pairs = []
        for (ka, oa), (kb, ob) in combinations(methods, 2):
            ra, rb = best[(ka, oa)], best[(kb, ob)]
            tally = {"a": 0, "b": 0, "tie": 0, "undecided": 0, "neither": 0}
            ratios, d = [], []
            for s in grid["seeds"]:
                a, b = by[(ka, oa, ra)][s], by[(kb, ob, rb)][s]
                tally[verdict(a, b, m)] += 1
                if a[key] is not None and b[key] is not None:
                    ratios.append(a[key] / b[key])
                    d.append(a[key] - b[key])
            n_w, w_plus, p = wilcoxon(d)
            if n_w:
                checked.append(scipy_check(d, p))
            pairs.append({"a": method_name(ka, oa), "b": method_name(kb, ob), "rate_a": ra, "rate_b": rb,
                          "seeds": len(grid["seeds"]), "wins_a": tally["a"], "wins_b": tally["b"],
                          "ties": tally["tie"], "undecided": tally["undecided"], "neither": tally["neither"],
                          "median_ratio": float(np.median(ratios)) if ratios else None,
                          "n_wilcoxon": n_w, "w_plus": w_plus, "p_value": p,
                          "sign_p_value": sign_test(tally["a"], tally["b"])})
        summary[m] = {"configurations": configurations,
                      "best": {method_name(k, opt): best[(k, opt)] for k, opt in methods}, "pairs": pairs}
    return summary


# ---------------------------------------------------------------------------------------------------- the grids

def build_grids():
    """Each grid is a list of variants, best first: the first that passes the rounding check (and has no
    divergence it is not meant to have) is written, and its note names the variants refused before it."""
    notebook = {key: g.BASE[key] for key in BASE_KEYS}

    def grid(name, base, seeds, rates, batches, optimizers, target, measure, amount):
        return {"name": name, "base": {**notebook, **base}, "seeds": list(seeds),
                "learning_rates": [float(r) for r in rates], "batch_sizes": list(batches),
                "optimizers": list(optimizers), "target_loss": target,
                "budget": {"measure": measure, "amount": amount}}

    grids = []
    grids.append([grid("notebook: sgd against batch over 12 seeds", {}, range(1, 13), [0.5, 2], [1, 4], ["sgd"],
                       0.05, "epochs", 3000),
                  grid("notebook: sgd against batch over 12 seeds", {}, range(1, 13), [0.5, 2], [1, 4], ["sgd"],
                       0.0501, "epochs", 3000)])
    # At 0.01 and 0.1 sgd never reaches 0.05 in 1500 epochs (nor Adam at 1): rate 1 gives sgd a best rate that
    # converges, so the pair has seeds where both reached.
    grids.append([grid("optimisers: sgd against Adam", {}, range(1, 7), [0.01, 0.1, 1], [1], ["sgd", "adam"],
                       0.05, "epochs", 1500),
                  grid("optimisers: sgd against Adam", {}, range(1, 7), [0.01, 0.1, 1], [1], ["sgd", "adam"],
                       0.0501, "epochs", 1500)])
    # At rate 1 alone only 1, 1 and 2 of 6 runs converge within 2000 updates; rate 2 adds converging runs. 2000
    # updates are 500 epochs at batch 1, 1000 at batch 2, 2000 at batch 4 (batch 4 at rate 2, seed 6, would get
    # there at epoch 2143: out of budget).
    grids.append([grid("budget in updates: batch sizes 1, 2, 4", {}, range(1, 7), [1, 2], [1, 2, 4], ["sgd"],
                       0.05, "updates", 2000),
                  grid("budget in updates: batch sizes 1, 2, 4", {}, range(1, 7), [1, 2], [1, 2, 4], ["sgd"],
                       0.0501, "updates", 2000)])
    other = {"hidden": [3], "activation": "tanh", "loss": "cross-entropy", "init": "xavier", "order": "shuffle"}
    grids.append([grid("other options: 3 tanh units, cross-entropy, xavier, shuffle", other, range(1, 6), [0.3, 1],
                       [1, 4], ["sgd"], 0.05, "samples", 6000),
                  grid("other options: 3 tanh units, cross-entropy, xavier, shuffle", other, range(1, 6), [0.3, 1],
                       [1, 4], ["sgd"], 0.0501, "samples", 6000)])
    return grids


# ---------------------------------------------------------------------------------------------------- self-test

def self_test():
    assert budget_epochs({"measure": "updates", "amount": 10}, 4) == 10
    assert budget_epochs({"measure": "updates", "amount": 10}, 1) == 3
    assert budget_epochs({"measure": "updates", "amount": 2000}, 3) == 1000
    assert budget_epochs({"measure": "samples", "amount": 6000}, 1) == 1500
    assert budget_epochs({"measure": "samples", "amount": 6001}, 4) == 1501
    assert budget_epochs({"measure": "epochs", "amount": 7}, 2) == 7
    assert [method_name(k, "sgd") for k in (1, 2, 3, 4)] == ["sgd", "minibatch2", "minibatch3", "batch"]
    assert method_name(1, "adam") == "Adam-batch1" and method_name(4, "nesterov") == "Nesterov-batch4"
    assert method_name(2, "rmsprop") == "RMSprop-batch2" and method_name(3, "momentum") == "momentum-batch3"
    inf = math.inf
    assert quantile([4, 1, 3, 2], 0.5) == 2.5 and quantile([4, 1, 3, 2], 0.25) == 1.75
    assert quantile([1, 2, inf], 0.5) == 2 and quantile([1, 2, inf, inf], 0.5) is None
    assert quantile([1, 2, 3, inf, inf], 0.5) == 3 and quantile([1, 2, 3, inf, inf], 0.75) is None
    assert quantile([5, inf, inf, inf, inf], 0.0) == 5 and quantile([inf], 0.5) is None
    assert quantile([1, 2, 3, 4, 5, inf], 0.75) == 4.75
    assert average_ranks([3, 1, 3, 2]) == [3.5, 1.0, 3.5, 2.0]
    assert settling(100) == 105 and settling(101) == 107 and settling(20) == 21 and settling(1) == 2
    run = lambda cost, epochs, k=1, div=False: {"epochs_to_target": cost, "epochs": epochs, "batch_size": k,
                                               "diverged": div}
    assert verdict(run(100, 100), run(105, 105), "epochs") == "tie"
    assert verdict(run(100, 100), run(106, 106), "epochs") == "a"
    assert verdict(run(106, 106), run(100, 100), "epochs") == "b"
    assert verdict(run(100, 100), run(None, 104), "epochs") == "undecided"
    assert verdict(run(100, 100), run(None, 105), "epochs") == "a"
    assert verdict(run(100, 100), run(None, 3, div=True), "epochs") == "a"
    assert verdict(run(None, 50), run(40, 40), "epochs") == "b"
    assert verdict(run(None, 50), run(None, 50), "epochs") == "neither"
    # Exact p against brute force over all 2^n sign patterns, half ranks included; and against SciPy.
    rng = np.random.RandomState(12345)
    for n in range(1, 11):
        for _ in range(20):
            d = [int(x) for x in rng.randint(-6, 7, size=n)]
            n_w, w_plus, p = wilcoxon(d)
            nz = [x for x in d if x != 0]
            if not nz:
                assert (n_w, w_plus, p) == (0, None, None)
                continue
            ranks = average_ranks([abs(x) for x in nz])
            w = max(w_plus, n_w * (n_w + 1) / 2 - w_plus)
            brute = sum(sum(j + 1 for j in range(n_w) if i >> j & 1) >= w for i in range(2 ** n_w))
            if len(set(abs(x) for x in nz)) == n_w:
                assert p == min(1.0, 2 * brute / 2 ** n_w), (d, p)
            assert w_plus == sum(r for r, x in zip(ranks, nz) if x > 0)
            scipy_check(d, p)
    for n in (12, 25, 30, 31, 40, 60):        # distinct |d|: SciPy checks exact and (n > 30) the approximation
        for _ in range(10):
            d = [int(x) * (1 if s else -1) for x, s in zip(rng.permutation(np.arange(1, 200))[:n],
                                                             rng.randint(0, 2, size=n))]
            assert scipy_check(d, wilcoxon(d)[2])
    assert wilcoxon([1, 2, 3, 4, 5])[1:] == (15.0, 0.0625)
    assert wilcoxon([1, -2])[2] == 1.0                      # 2 * 3/4 = 1.5 by Commons Math, capped
    print("self-test passed")


# ---------------------------------------------------------------------------------------------------- output

def wilcoxon_cases():
    """Synthetic differences for the test's approximation and ties: (n, w_plus, p) of each."""
    rng = np.random.RandomState(2026)
    cases = []
    for n, spread in ((12, 4), (25, 1000), (31, 1000), (40, 6), (60, 30), (100, 20)):
        d = [int(x) for x in rng.randint(-spread, spread + 1, size=n)]
        d = [x + 1 if x == 0 else x for x in d[:-3]] + [0, 0, 0]     # three zero differences, dropped
        n_w, w_plus, p = wilcoxon(d)
        assert scipy_check(d, p)
        cases.append({"d": d, "n_wilcoxon": n_w, "w_plus": w_plus, "p_value": p,
                      "exact": n_w <= 30 and len(set(abs(x) for x in d if x)) == n_w})
    return cases


def write(path, grids):
    out = []
    for grid in grids:
        head = {k: grid[k] for k in ["name", "base", "seeds", "learning_rates", "batch_sizes", "optimizers",
                                     "target_loss", "budget"]}
        text = json.dumps(head)[:-1] + ',\n"runs": [\n' + ",\n".join(json.dumps(r) for r in grid["runs"]) + "\n],\n"
        measures = []
        for m in MEASURES:
            s = grid["summary"][m]
            measures.append('"%s": {"configurations": [\n' % m + ",\n".join(json.dumps(c) for c in s["configurations"])
                            + '\n],\n"best": ' + json.dumps(s["best"]) + ',\n"pairs": [\n'
                            + ",\n".join(json.dumps(p) for p in s["pairs"]) + "\n]}")
        text += '"summary": {\n' + ",\n".join(measures) + "}"
        if "note" in grid:
            text += ',\n"note": ' + json.dumps(grid["note"])
        out.append(text + "}")
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"numpy": %s, "scipy": %s, "tolerance": %s, "margin_percent": %d,\n"grids": [\n'
                % (json.dumps(np.__version__), json.dumps(scipy.__version__), json.dumps(TOLERANCE), MARGIN_PERCENT))
        f.write(",\n".join(out) + '\n],\n"wilcoxon_cases": [\n'
                + ",\n".join(json.dumps(c) for c in wilcoxon_cases()) + "\n]}\n")
    with open(path, encoding="utf-8") as f:
        assert json.load(f)["grids"][0]["runs"] == grids[0]["runs"]
    print("wrote %s: %d grids, %d runs, %d bytes" % (os.path.relpath(path), len(grids),
                                                     sum(len(x["runs"]) for x in grids), os.path.getsize(path)))


def main():
    self_test()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "reference",
                       "generated")
    written, checked = [], []
    for variants in build_grids():
        refused = []
        for variant in variants:
            start = time.time()
            runs, problems = run_grid(variant)
            print("%s (target %r): %d runs in %.1f s, %d problems" % (variant["name"], variant["target_loss"],
                                                                      len(runs), time.time() - start, len(problems)))
            if not problems:
                break
            refused.append("target %r, seeds %d-%d refused: %s" % (variant["target_loss"], variant["seeds"][0],
                                                                   variant["seeds"][-1], "; ".join(problems)))
        else:
            sys.exit("every variant of grid '%s' was refused: %s" % (variants[0]["name"], refused))
        grid = {**variant, "runs": runs, "summary": summarise(variant, runs, checked)}
        if refused:
            grid["note"] = " ".join(refused)
        written.append(grid)
    print("p-values checked against SciPy: %d of %d" % (sum(checked), len(checked)))
    write(os.path.join(out, "study-runs.json"), written)


if __name__ == "__main__":
    main()
