#!/usr/bin/env python3
"""Oracle for XOR Lab's compare verdict: trains a grid of comparisons with reference.py's NumPy rules and judges
them by the verdict rules, written here independently of the Java code.

What it writes: src/test/resources/reference/generated/compare.json, one entry per comparison: the settings (dataset,
hidden, seed, target loss, the budget as measure and amount, and per run its name, batch size and learning rate),
per run what it ran (epochs, updates, samples), when it first got below the target in each measure (null if never)
and its final loss, and the verdict per measure: a run's name, "tie", "undecided" or "none", with the count that
would settle an undecided measure. VerdictOracleTest (Java) checks the engine's Comparison and Verdict against it.

How to regenerate (from the repository root; python3 with NumPy; about a minute):
  python3 tools/verdict_reference.py

The verdict rules, per measure (epochs; weight updates; samples seen, one sample being one gradient evaluation):
  - only runs that got below the target count; none did: "none";
  - the leader is the run with the smallest count c (the first in order among equals);
  - another run that reached the target at c' is tied with the leader if c' <= 1.05 c, else beaten;
  - a run that did not reach it is beaten if it diverged or ran at least ceil(1.05 c) of that measure (so it would
    be more than 5 % late even if it got there next); otherwise nothing was measured and the measure is
    "undecided", settled by giving it ceil(1.05 c);
  - any undecided run: "undecided"; else any tie: "tie"; else the leader's name.
A comparison whose loss comes within 1e-7 (relative) of the target at some epoch up to its crossing is left out:
there, summation order alone could move the crossing by an epoch.
"""

import json
import math
import os
import random

from reference import train

MARGIN_PERCENT = 5
CLOSE = 1e-7


def updates_per_epoch(batch):
    return (4 + batch - 1) // batch


def per_epoch(measure, batch):
    return {"epochs": 1, "updates": updates_per_epoch(batch), "samples": 4}[measure]


def run_name(batch):
    return {1: "sgd", 4: "batch"}.get(batch, "minibatch%d" % batch)


def settling(count):
    return (count * (100 + MARGIN_PERCENT) + 99) // 100


def judge(runs, measure):
    reached = [r for r in runs if r[measure + "_to_target"] is not None]
    if not reached:
        return {"outcome": "none", "needed": 0}
    leader = reached[0]
    for r in reached:
        if r[measure + "_to_target"] < leader[measure + "_to_target"]:
            leader = r
    c = leader[measure + "_to_target"]
    tied, undecided = False, False
    for r in runs:
        if r is leader:
            continue
        if r[measure + "_to_target"] is not None:
            if r[measure + "_to_target"] * 100 <= c * (100 + MARGIN_PERCENT):
                tied = True
        elif r[measure] < settling(c):
            undecided = True
    if undecided:
        return {"outcome": "undecided", "needed": settling(c)}
    return {"outcome": "tie" if tied else leader["name"], "needed": 0}


def compare(dataset, hidden, seed, target, budget, runs):
    measure, amount = budget
    results = []
    for batch, lr in runs:
        epochs = -(-amount // per_epoch(measure, batch))
        _, losses, _ = train(dataset, hidden, seed, lr, batch, epochs)
        first = next((i + 1 for i, loss in enumerate(losses) if loss < target), None)
        watch = losses[:first] if first else losses
        if any(abs(loss - target) <= CLOSE * target for loss in watch):
            return None
        results.append({
            "name": run_name(batch), "batch_size": batch, "learning_rate": lr,
            "epochs": epochs, "updates": epochs * updates_per_epoch(batch), "samples": epochs * 4,
            "epochs_to_target": first,
            "updates_to_target": first * updates_per_epoch(batch) if first else None,
            "samples_to_target": first * 4 if first else None,
            "final_loss": losses[-1],
        })
    verdict = {m: judge(results, m) for m in ("epochs", "updates", "samples")}
    return {"dataset": dataset, "hidden": hidden, "seed": seed, "target_loss": target,
            "budget": {"measure": measure, "amount": amount}, "runs": results, "verdict": verdict}


def build_grid():
    """The notebook's question at budgets around its answer (cut short, just enough, ties), then a seeded spread
    over seeds, datasets, widths, rates, targets and budgets of every measure."""
    grid = [
        ("xor", 2, 42, 0.01, ("epochs", 6000), [(4, 0.1), (1, 0.1)]),
        ("xor", 2, 42, 0.01, ("epochs", 5700), [(4, 0.1), (1, 0.1)]),
        ("xor", 2, 42, 0.01, ("updates", 24000), [(4, 0.1), (1, 0.1)]),
        ("xor", 2, 42, 0.01, ("epochs", 6000), [(4, 0.4), (1, 0.1)]),
        ("xor", 2, 42, 0.05, ("epochs", 5000), [(4, 0.1), (2, 0.1), (1, 0.1)]),
    ]
    rng = random.Random(20261201)
    datasets = ["xor", "and", "or", "xnor"]
    for _ in range(70):
        n = rng.choice([2, 2, 3])
        batches = rng.sample([1, 2, 3, 4], n)
        same_rate = rng.random() < 0.6
        rate = rng.choice([0.5, 1.0, 2.0, 4.0])
        runs = [(k, rate if same_rate else rng.choice([0.5, 1.0, 2.0, 4.0])) for k in batches]
        measure = rng.choice(["epochs", "updates", "samples"])
        amount = {"epochs": rng.choice([200, 600, 1500]), "updates": rng.choice([300, 1200, 3000]),
                  "samples": rng.choice([800, 2400, 6000])}[measure]
        grid.append((rng.choice(datasets), rng.choice([1, 2, 3, 4]), rng.choice([0, 1, 7, 42, 2**31, 2**32 - 1]),
                     rng.choice([0.2, 0.05, 0.01]), (measure, amount), runs))
    return grid


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "reference",
                       "generated", "compare.json")
    comparisons, skipped = [], 0
    for args in build_grid():
        c = compare(*args)
        if c is None:
            skipped += 1
        else:
            comparisons.append(c)
    kinds = {}
    for c in comparisons:
        for v in c["verdict"].values():
            kind = v["outcome"] if v["outcome"] in ("tie", "undecided", "none") else "winner"
            kinds[kind] = kinds.get(kind, 0) + 1
    import numpy as np
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"numpy": ' + json.dumps(np.__version__) + ', "comparisons": [\n')
        f.write(",\n".join(json.dumps(c) for c in comparisons))
        f.write("\n]}\n")
    print("wrote", os.path.relpath(out), len(comparisons), "comparisons;", skipped, "left out as too close;", kinds)


if __name__ == "__main__":
    main()
