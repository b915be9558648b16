#!/usr/bin/env python3
"""NumPy oracle for the general network (issue 11): SPEC.md's "Beyond the notebook" rules written out literally.

With every option at its default this is tools/reference.py's notebook network, bit for bit: before writing
anything the script trains every config of reference.build_configs() both ways and stops unless the initial weights,
every epoch's loss and the final weights are identical.

How to regenerate (from the repository root; python3 with NumPy; under a minute):
  python3 tools/general_reference.py
It writes src/test/resources/reference/generated/general-runs.json and nothing else. The output is deterministic:
running it again with the same NumPy must leave `git status` clean. To add a case, add a slot to build_slots()
(keep the file a few hundred KB at most). GeneralOracleFixtureTest checks the file's own invariants; the engine
agreement test comes with issue 11.

The file: {"numpy": version, "tolerance": 1e-9, "max_sensitivity": 1e-11, "epochs": 200, "permutations_kept": 10,
"refused": [...], "runs": [...]}, one run per line. "refused" lists every candidate config the rounding check
turned down, with "why" (its sensitivity); each slot then took its next candidate. Each run has:
  name            what the run is there for ("alone: activation tanh", "combination: ..."); a label only
  hidden          list of hidden widths, one per layer (1 to 6 layers, 1 to 8 units)
  activation      sigmoid | tanh | relu | linear          (hidden layers; the output is always one sigmoid unit)
  loss            mse | cross-entropy
  optimizer       sgd | momentum | nesterov | rmsprop | adam
  momentum, rho, beta1, beta2, epsilon      the hyper-parameters, every one in every run (defaults 0.9, 0.9, 0.9,
                  0.999, 1e-8), used only by the optimiser that names them
  regularization  none | l1 | l2;  reg_rate its rate (0.0 where regularization is none)
  init            uniform | xavier | he;  order  fixed | shuffle
  seed, learning_rate, batch_size, dataset (xor | and | or | xnor)    as today
  epochs          epochs trained (200; 300 for the runs that mirror an entry of runs.json, so all of it compares)
  initial         the initial weights {"W1": rows, "b1": [[..], ..], ..., "W<L+1>", "b<L+1>"}; W[l] is
                  (width[l] x width[l-1]) with width[0] = 2 inputs and the last layer 1 x width[L]
  losses          every epoch's loss, epoch 1 first; a divergent run has the divergence_epoch - 1 finite ones
  final           the weights after the last epoch; for a divergent run the last finite weights, those before
                  divergence_update (the update that made a value non-finite, which the engine does not apply)
  permutations    shuffle: the sample order of each of the first permutations_kept epochs; fixed: []
  divergence_epoch, divergence_update    null, or the 1-based epoch / weight update in which the loss or a weight
                  first became NaN or infinite (the oracle finishes that epoch and stops)
  rounding_sensitivity  the largest relative change of any epoch's loss or final weight when every initial weight
                  is scaled by (1 + 2^-52), and again by (1 - 2^-53) (zero biases stay zero; the random stream, so
                  the shuffle, is unchanged). A candidate is written only if it is at most max_sensitivity
                  (reference.MAX_SENSITIVITY, 1e-11: a hundredth of the 1e-9 the engine will be held to), and one
                  whose nudged runs diverge at another update counts as infinitely sensitive. Unlike reference.py
                  the final weights count too, as the engine test will compare them; l1's weights hovering around 0
                  and full-batch rmsprop on the symmetric XOR are where candidates were refused.
Every number in the file is finite (JSON has no NaN): a divergent run stops its losses before the divergence epoch.

Divergence, found while building the grid: with the sigmoid output the output error is bounded (mse's is exactly 0
once y_hat rounds to 0 or 1), so in a search (sgd and momentum; 1 to 6 layers of 2 to 8; uniform and he; batch sizes 1
and 4; rates up to 1e4 on every truth table, then by powers of ten up to 1e290) ReLU killed its units or saturated
the output and froze at a finite loss. It diverged only where one update throws a weight past ~1e154 and the next
forward pass overflows: cross-entropy on xnor from 1e110 with 8,8 (update 2), on or at 1e170, full batch (epoch 2).
A CLI test of exit 3 needs such a rate; mse never diverged in that search. Adam and rmsprop were not searched.

The rules (SPEC.md, "Beyond the notebook"), exactly as coded below, so that an engine can copy the arithmetic:
  - widths = [2] + hidden + [1]. np.random.seed(seed) (the legacy global RandomState), then layer by layer:
    uniform: W[l] = rand(width[l], width[l-1]) (row by row), then b[l] = rand(width[l], 1);
    xavier:  W[l] = (2 * rand(width[l], width[l-1]) - 1) * sqrt(6 / (fan_in + fan_out)), b[l] = 0;
    he:      the same with sqrt(6 / fan_in); fan_in = width[l-1], fan_out = width[l]; only W is drawn.
  - each epoch: shuffle draws order = np.random.permutation(4) from the same stream (legacy RandomState: Fisher-Yates
    from the last index down, each index by masked rejection on 32-bit outputs); fixed uses 0, 1, 2, 3. Chunks of
    batch_size samples are taken in that order (the last chunk may be shorter).
  - per chunk X (2 x m), Y (1 x m), all with the weights before this update:
    z[l] = W[l] v[l-1] + b[l], v[0] = X; hidden v = f(z): sigmoid 1 / (1 + exp(-z)), tanh, relu max(z, 0), linear z;
    output y_hat = sigmoid(z[L+1]).
    loss: mse adds sum((Y - y_hat)^2); cross-entropy adds sum(max(z, 0) - z Y + log(1 + exp(-|z|))) with z = z[L+1]
    (log of 1 + exp, literally; not log1p). The epoch's loss is the total / 4.
    output error: mse d = (y_hat - Y) * y_hat * (1 - y_hat) (no factor 2); cross-entropy d = y_hat - Y.
    from the output down: G_W[l] = d[l] v[l-1]^T, G_b[l] = rowsum(d[l]) (sums over the chunk);
    d[l-1] = (W[l]^T d[l]) * f'(z[l-1]) with f' sigmoid v (1 - v) (as `* v * (1 - v)`), tanh (1 - v^2),
    relu 1 where z > 0 else 0 (0 at z = 0), linear 1.
    gradient g = G / m; weights (never biases) add l2: rate * W, l1: rate * sign(W) (sign(0) = 0); the reported
    loss never includes it.
  - optimiser, per parameter p, state zero at the start, t = 1 on the first weight update and counting on across
    epochs:
    sgd      p - lr * g; with no regularisation term written as the notebook writes it, p - lr * G / m, which rounds
             differently from lr * (G / m) only when m is not a power of two (batch size 3; the engine does the same)
    momentum v = mu * v + g; p - lr * v
    nesterov v = mu * v + g; p - lr * (g + mu * v)
    rmsprop  s = rho * s + (1 - rho) * g ** 2; p - lr * g / (sqrt(s) + eps)
    adam     m = b1 * m + (1 - b1) * g; s = b2 * s + (1 - b2) * g ** 2;
             p - lr * (m / (1 - b1 ** t)) / (sqrt(s / (1 - b2 ** t)) + eps)
  - divergence: after the first epoch whose loss or weights are not all finite the run stops.
SPEC's data (points, input features, a test set, the generated clouds) is covered by tools/data_reference.py, which
imports this file's rules.
"""

import json
import math
import os
import sys

import numpy as np

import reference
from reference import INPUTS, TARGETS, MAX_SENSITIVITY, TOLERANCE

EPOCHS = 200
PERMUTATIONS_KEPT = 10

ACTIVATIONS = ["sigmoid", "tanh", "relu", "linear"]
LOSSES = ["mse", "cross-entropy"]
OPTIMIZERS = ["sgd", "momentum", "nesterov", "rmsprop", "adam"]
REGULARIZATIONS = ["none", "l1", "l2"]
INITS = ["uniform", "xavier", "he"]
ORDERS = ["fixed", "shuffle"]

# Every new option at its default: the notebook's network.
DEFAULTS = {"activation": "sigmoid", "loss": "mse", "optimizer": "sgd", "momentum": 0.9, "rho": 0.9,
            "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "regularization": "none", "reg_rate": 0.0,
            "init": "uniform", "order": "fixed"}
# The settings that exist today, for the runs below unless they say otherwise.
BASE = {"hidden": [2], **DEFAULTS, "seed": 42, "learning_rate": 0.5, "batch_size": 1, "dataset": "xor"}
KEYS = list(BASE)


def config(**changes):
    unknown = set(changes) - set(BASE)
    if unknown:
        raise ValueError("not an option: %s" % sorted(unknown))
    return {**BASE, **changes}


def build_slots():
    """Each slot is a name and its candidate configs, best first: the first that passes the rounding check is
    written, the others before it are listed as refused. Candidates differ only in seed or rate, never in what
    the slot is there to cover."""
    slots = []

    def slot(name, *candidates, epochs=EPOCHS):
        slots.append((name, list(candidates), epochs))

    def seeds(seed_list, **changes):
        return [config(**changes, seed=s) for s in seed_list]

    # Defaults, mirroring entries of runs.json for their whole 300 epochs (bit for bit, checked below and in Java).
    mirrored = [c for c in reference.build_configs()
                if (c["hidden"], c["batch"], c["lr"]) in [(1, 1, 0.5), (8, 4, 10.0), (2, 3, 0.5), (2, 1, 10.0)]
                and c["seed"] in (0, 42, 2**32 - 1)]
    for c in mirrored:
        slot("defaults: runs.json %s H=%d seed %d lr %g k=%d" % (c["dataset"], c["hidden"], c["seed"], c["lr"],
                                                                c["batch"]),
             config(hidden=[c["hidden"]], seed=c["seed"], learning_rate=c["lr"], batch_size=c["batch"],
                    dataset=c["dataset"]), epochs=reference.EPOCHS)

    # Each loss on each truth table, everything else default.
    for loss in LOSSES:
        for dataset in TARGETS:
            slot("alone: loss %s on %s" % (loss, dataset), *seeds([42, 7, 1], loss=loss, dataset=dataset))

    # Each activation alone, twice.
    for activation in ACTIVATIONS[1:]:
        slot("alone: activation " + activation, *seeds([42, 7, 1], activation=activation))
        slot("alone: activation %s, 4 units, k=2" % activation,
             *seeds([1, 3, 5], activation=activation, hidden=[4], learning_rate=0.2, batch_size=2))

    # Each optimiser with its default hyper-parameters and with one (or more) changed.
    slot("alone: optimizer momentum", *seeds([42, 7, 1], optimizer="momentum", learning_rate=0.1))
    slot("alone: optimizer momentum, momentum 0.5", *seeds([42, 7, 1], optimizer="momentum", momentum=0.5))
    slot("alone: optimizer nesterov", *seeds([42, 7, 1], optimizer="nesterov", learning_rate=0.1))
    slot("alone: optimizer nesterov, momentum 0.5, k=2",
         *seeds([42, 7, 1], optimizer="nesterov", momentum=0.5, batch_size=2))
    slot("alone: optimizer rmsprop", *seeds([42, 7, 1], optimizer="rmsprop", learning_rate=0.01))
    slot("alone: optimizer rmsprop, rho 0.99", *seeds([42, 7, 1], optimizer="rmsprop", rho=0.99, learning_rate=0.01))
    slot("alone: optimizer rmsprop, epsilon 1e-4, k=2",
         *seeds([42, 7, 1], optimizer="rmsprop", epsilon=1e-4, learning_rate=0.01, batch_size=2))
    slot("alone: optimizer adam", *seeds([42, 7, 1], optimizer="adam", learning_rate=0.05))
    slot("alone: optimizer adam, beta1 0.8", *seeds([42, 7, 1], optimizer="adam", beta1=0.8, learning_rate=0.05))
    slot("alone: optimizer adam, beta2 0.99, k=3",
         *seeds([42, 7, 1], optimizer="adam", beta2=0.99, learning_rate=0.05, batch_size=3))
    slot("alone: optimizer adam, epsilon 1e-4", *seeds([42, 7, 1], optimizer="adam", epsilon=1e-4, learning_rate=0.05))

    # Regularisation alone.
    slot("alone: regularization l1", *seeds([42, 7, 1], regularization="l1", reg_rate=0.01))
    slot("alone: regularization l2", *seeds([42, 7, 1], regularization="l2", reg_rate=0.01))
    slot("alone: regularization l2 0.1, k=4", *seeds([42, 7, 1], regularization="l2", reg_rate=0.1, batch_size=4))

    # Initialisation alone.
    slot("alone: init xavier", *seeds([42, 7, 1], init="xavier"))
    slot("alone: init he", *seeds([42, 7, 1], init="he"))
    slot("alone: init xavier, 4 units, k=2", *seeds([2**31, 3, 5], init="xavier", hidden=[4], batch_size=2))
    slot("alone: init he, 8 units", *seeds([2**32 - 1, 3, 5], init="he", hidden=[8], learning_rate=0.2))

    # Sample order alone, with every batch size.
    for k in [1, 2, 3, 4]:
        slot("alone: order shuffle, k=%d" % k, *seeds([42, 7, 1], order="shuffle", batch_size=k))

    # Depth alone.
    slot("alone: layers 4,4", *seeds([42, 7, 1], hidden=[4, 4]))
    slot("alone: layers 3,3,3, k=3", *seeds([0, 7, 1], hidden=[3, 3, 3], batch_size=3))
    slot("alone: layers 1,1", *seeds([2**31 - 1, 7, 1], hidden=[1, 1]))
    slot("alone: layers 8 x 6", *seeds([42, 7, 1], hidden=[8] * 6, learning_rate=0.1))
    slot("alone: layers 2 x 6, k=2", *seeds([2**31, 7, 1], hidden=[2] * 6, batch_size=2))

    # Combinations.
    slot("combination: 2-4-4-1 tanh adam cross-entropy shuffle",
         *seeds([42, 7, 1], hidden=[4, 4], activation="tanh", loss="cross-entropy", optimizer="adam",
                order="shuffle", learning_rate=0.05))
    slot("combination: 2-4-4-1 tanh adam cross-entropy shuffle, k=2",
         *seeds([2**32 - 1, 7, 1], hidden=[4, 4], activation="tanh", loss="cross-entropy", optimizer="adam",
                order="shuffle", learning_rate=0.05, batch_size=2))
    slot("combination: 6 layers of 8, tanh xavier adam cross-entropy shuffle",
         *seeds([42, 7, 1], hidden=[8] * 6, activation="tanh", init="xavier", optimizer="adam",
                loss="cross-entropy", order="shuffle", learning_rate=0.01, batch_size=2))
    slot("combination: 6 layers of 8, relu he momentum l2",
         *seeds([42, 7, 1], hidden=[8] * 6, activation="relu", init="he", optimizer="momentum",
                regularization="l2", reg_rate=0.001, learning_rate=0.01))
    slot("combination: relu momentum l2 he",
         *seeds([42, 7, 1], hidden=[4], activation="relu", init="he", optimizer="momentum",
                regularization="l2", reg_rate=0.001, learning_rate=0.1))
    slot("combination: relu momentum l2 he, 4,4, k=3",
         *seeds([2**31 - 1, 7, 1], hidden=[4, 4], activation="relu", init="he", optimizer="momentum",
                regularization="l2", reg_rate=0.01, learning_rate=0.05, batch_size=3))
    for k in [1, 2, 3, 4]:
        slot("combination: 3,3 tanh nesterov l1 xavier cross-entropy shuffle, k=%d" % k,
             *seeds([0, 7, 1], hidden=[3, 3], activation="tanh", optimizer="nesterov", regularization="l1",
                    reg_rate=0.001, init="xavier", loss="cross-entropy", order="shuffle", learning_rate=0.1,
                    batch_size=k))
    slot("combination: linear rmsprop cross-entropy on and",
         *seeds([1, 7, 3], activation="linear", optimizer="rmsprop", loss="cross-entropy", dataset="and",
                learning_rate=0.01, hidden=[3]))
    slot("combination: sigmoid 4,4 he l2 nesterov on or, k=2",
         *seeds([2**31, 7, 3], hidden=[4, 4], init="he", regularization="l2", reg_rate=0.01, optimizer="nesterov",
                dataset="or", learning_rate=0.1, batch_size=2))
    slot("combination: relu adam l1 shuffle on xnor",
         *seeds([5, 7, 3], hidden=[5], activation="relu", optimizer="adam", regularization="l1", reg_rate=0.001,
                order="shuffle", dataset="xnor", learning_rate=0.02))
    slot("combination: sigmoid momentum xavier cross-entropy on xnor, k=3",
         *seeds([2**32 - 1, 7, 3], optimizer="momentum", momentum=0.8, init="xavier", loss="cross-entropy",
                dataset="xnor", batch_size=3))
    slot("combination: tanh rmsprop l2 he 2,3,2 on or, k=2",
         *seeds([0, 7, 3, 11], hidden=[2, 3, 2], activation="tanh", optimizer="rmsprop", rho=0.95, regularization="l2",
                reg_rate=0.001, init="he", dataset="or", learning_rate=0.01, batch_size=2))
    slot("combination: linear adam xavier shuffle 6,6 on and, k=2",
         *seeds([2**31 - 1, 7, 3], hidden=[6, 6], activation="linear", optimizer="adam", beta1=0.85,
                init="xavier", order="shuffle", dataset="and", learning_rate=0.01, batch_size=2))

    # ReLU at a large rate. With the sigmoid output the output error is bounded (mse's vanishes once y_hat rounds
    # to exactly 0 or 1), so at rates up to 1e4 ReLU units die or the output saturates and the run freezes at a
    # finite loss (the first slot). It really diverges only once one update can throw a weight past ~1e154, so that
    # the next forward pass overflows: cross-entropy at 1e110 and up (mse never did in a search up to 1e300).
    slot("alone: activation relu at lr 20, 8,8: dead units, a frozen finite run",
         *seeds([7, 1, 3], activation="relu", hidden=[8, 8], learning_rate=20.0))
    slot("divergence: relu cross-entropy on xnor at lr 1e110, 8,8",
         *seeds([42, 7, 1], activation="relu", loss="cross-entropy", hidden=[8, 8], dataset="xnor",
                learning_rate=1e110))
    slot("divergence: relu cross-entropy on or at lr 1e170, full batch",
         *seeds([42, 7, 1], activation="relu", loss="cross-entropy", dataset="or", learning_rate=1e170,
                batch_size=4))
    return slots


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def activate(name, z):
    if name == "sigmoid":
        return sigmoid(z)
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0)
    if name == "linear":
        return z
    raise ValueError(name)


def back_through(name, back, z, v):
    """(W^T d) times f'(z), with f' as SPEC states it (from v where it can be)."""
    if name == "sigmoid":
        return back * v * (1 - v)          # the notebook's own grouping
    if name == "tanh":
        return back * (1 - v ** 2)
    if name == "relu":
        return back * np.where(z > 0, 1.0, 0.0)
    if name == "linear":
        return back
    raise ValueError(name)


def initial_weights(widths, init):
    """Draws from np.random's current state, layer by layer; returns [[W, b], ...]."""
    layers = []
    for fan_in, fan_out in zip(widths, widths[1:]):
        if init == "uniform":
            w = np.random.rand(fan_out, fan_in)
            b = np.random.rand(fan_out, 1)
        elif init in ("xavier", "he"):
            limit = np.sqrt(6 / (fan_in + fan_out)) if init == "xavier" else np.sqrt(6 / fan_in)
            w = (2 * np.random.rand(fan_out, fan_in) - 1) * limit
            b = np.zeros((fan_out, 1))
        else:
            raise ValueError(init)
        layers.append([w, b])
    return layers


def finite(layers):
    return all(np.isfinite(w).all() and np.isfinite(b).all() for w, b in layers)


def update(layers, sums, m, t, c, first, second):
    """One weight update of config c's optimiser (update number t, from 1) from the chunk's summed gradients `sums`
    ([layer][0 = W, 1 = b]) over its m samples: the regularisation term on the weights, then the step. Updates the
    optimiser state `first` and `second` in place and returns the new layers."""
    opt, lr, reg, rate = c["optimizer"], c["learning_rate"], c["regularization"], c["reg_rate"]
    mu, rho, b1, b2, eps = c["momentum"], c["rho"], c["beta1"], c["beta2"], c["epsilon"]
    updated = []
    for i, layer in enumerate(layers):
        new_layer = []
        for j, p in enumerate(layer):
            g_sum = sums[i][j]
            g = g_sum / m
            penalised = j == 0 and reg != "none"
            if penalised:
                g = g + rate * (p if reg == "l2" else np.sign(p))
            if opt == "sgd":
                p = p - lr * g if penalised else p - lr * g_sum / m
            elif opt == "momentum":
                first[i][j] = mu * first[i][j] + g
                p = p - lr * first[i][j]
            elif opt == "nesterov":
                first[i][j] = mu * first[i][j] + g
                p = p - lr * (g + mu * first[i][j])
            elif opt == "rmsprop":
                second[i][j] = rho * second[i][j] + (1 - rho) * g ** 2
                p = p - lr * g / (np.sqrt(second[i][j]) + eps)
            elif opt == "adam":
                first[i][j] = b1 * first[i][j] + (1 - b1) * g
                second[i][j] = b2 * second[i][j] + (1 - b2) * g ** 2
                p = p - lr * (first[i][j] / (1 - b1 ** t)) / (np.sqrt(second[i][j] / (1 - b2 ** t)) + eps)
            else:
                raise ValueError(opt)
            new_layer.append(p)
        updated.append(new_layer)
    return updated


def train(c, epochs, nudge=0.0):
    """Trains config c by the rules; `nudge` scales every initial weight by (1 + nudge) after the draw (the random
    stream, and so the shuffle, is unchanged), for the rounding check."""
    widths = [2] + list(c["hidden"]) + [1]
    np.random.seed(c["seed"])
    layers = [[w * (1 + nudge), b * (1 + nudge)] for w, b in initial_weights(widths, c["init"])]
    initial = as_json(layers)
    x_all = INPUTS.T                               # 2 x 4, columns are samples
    y_all = np.array([TARGETS[c["dataset"]]])      # 1 x 4
    act, loss_name, opt = c["activation"], c["loss"], c["optimizer"]
    lr, k, reg, rate = c["learning_rate"], c["batch_size"], c["regularization"], c["reg_rate"]
    # Optimiser state per parameter, [layer][0 = W, 1 = b]: velocity (momentum, nesterov), first moment (adam),
    # squared average (rmsprop, adam).
    first = [[np.zeros_like(p) for p in layer] for layer in layers]
    second = [[np.zeros_like(p) for p in layer] for layer in layers]
    t = 0
    losses, permutations = [], []
    divergence_epoch = divergence_update = None
    last_finite = None
    with np.errstate(all="ignore"):                # overflow to inf and inf - inf = nan are what divergence means
        for epoch in range(1, epochs + 1):
            if c["order"] == "shuffle":
                order = np.random.permutation(4)
                if len(permutations) < PERMUTATIONS_KEPT:
                    permutations.append(order.tolist())
            else:
                order = np.arange(4)
            total = 0.0
            for start in range(0, 4, k):
                cols = order[start:start + k]
                x = x_all[:, cols]
                y = y_all[:, cols]
                m = x.shape[1]
                before = layers                    # replaced below, never changed in place
                # Forward: vs[l] is the input to layer l (0-based), zs[l] its pre-activation.
                vs, zs = [x], []
                for i, (w, b) in enumerate(layers):
                    z = np.dot(w, vs[-1]) + b
                    zs.append(z)
                    vs.append(sigmoid(z) if i == len(layers) - 1 else activate(act, z))
                y_hat, z_out = vs[-1], zs[-1]
                if loss_name == "mse":
                    chunk_loss = np.sum((y - y_hat) ** 2)
                    d = (y_hat - y) * y_hat * (1 - y_hat)
                else:
                    chunk_loss = np.sum(np.maximum(z_out, 0) - z_out * y + np.log(1 + np.exp(-np.abs(z_out))))
                    d = y_hat - y
                total += chunk_loss
                # Backward, all with the weights before this update.
                sums = [None] * len(layers)
                for i in reversed(range(len(layers))):
                    sums[i] = [np.dot(d, vs[i].T), np.sum(d, axis=1, keepdims=True)]
                    if i > 0:
                        d = back_through(act, np.dot(layers[i][0].T, d), zs[i - 1], vs[i])
                t += 1
                layers = update(layers, sums, m, t, c, first, second)
                if divergence_update is None and not (np.isfinite(chunk_loss) and finite(layers)):
                    divergence_update = t
                    last_finite = as_json(before)
            loss = float(total / 4)
            if not (math.isfinite(loss) and finite(layers)):
                divergence_epoch = epoch
                break
            losses.append(loss)
    if (divergence_epoch is None) != (divergence_update is None):
        sys.exit("divergence seen by update %s but epoch %s: %s" % (divergence_update, divergence_epoch, c))
    return {"initial": initial, "losses": losses,
            "final": as_json(layers) if divergence_epoch is None else last_finite,
            "permutations": permutations, "divergence_epoch": divergence_epoch,
            "divergence_update": divergence_update}


def as_json(layers):
    out = {}
    for n, (w, b) in enumerate(layers, start=1):
        out["W%d" % n] = w.tolist()
        out["b%d" % n] = b.tolist()
    return out


def flat(weights):
    return [x for key in sorted(weights) for row in weights[key] for x in row]


def relative(a, b):
    if a == b:
        return 0.0
    if a == 0 or not (math.isfinite(a) and math.isfinite(b)):
        return math.inf
    return abs(a - b) / abs(a)


def rounding_sensitivity(run, nudged):
    """The largest relative change of an epoch's loss or a final weight when every initial weight moves by one
    ulp (up, and down): a run that diverges elsewhere, or at all only one way, counts as infinitely sensitive."""
    worst = 0.0
    for other in nudged:
        if (other["divergence_epoch"], other["divergence_update"]) != (run["divergence_epoch"],
                                                                       run["divergence_update"]):
            return math.inf
        pairs = list(zip(run["losses"], other["losses"])) + list(zip(flat(run["final"]), flat(other["final"])))
        worst = max([worst] + [relative(a, b) for a, b in pairs])
    return worst


def check_notebook_path():
    """The general code with every option default must be reference.py's notebook code, bit for bit."""
    for c in reference.build_configs():
        initial, losses, final = reference.train(c["dataset"], c["hidden"], c["seed"], c["lr"], c["batch"],
                                                 reference.EPOCHS)
        run = train(config(hidden=[c["hidden"]], seed=c["seed"], learning_rate=c["lr"], batch_size=c["batch"],
                           dataset=c["dataset"]), reference.EPOCHS)
        same = (run["initial"] == initial and run["losses"] == losses and run["final"] == final
                and run["divergence_epoch"] is None)
        if not same:
            sys.exit("the general network with default options differs from reference.py's notebook network: %s" % c)
    print("checked: the defaults reproduce all %d configs of reference.py bit for bit" % len(reference.build_configs()))


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "reference",
                       "generated")
    check_notebook_path()
    runs, refused = [], []
    for name, candidates, epochs in build_slots():
        for c in candidates:
            run = train(c, epochs)
            sensitivity = rounding_sensitivity(run, [train(c, epochs, nudge=2.0**-52),
                                                     train(c, epochs, nudge=-2.0**-53)])
            if sensitivity <= MAX_SENSITIVITY:
                runs.append({"name": name, **c, "epochs": epochs, "rounding_sensitivity": sensitivity, **run})
                break
            refused.append({"name": name, **c, "epochs": epochs,
                            "why": "a 1-ulp nudge of the initial weights moves a loss or final weight by %s relative"
                                   " (allowed %g)" % ("a divergence epoch" if math.isinf(sensitivity)
                                                      else "%.1e" % sensitivity, MAX_SENSITIVITY)})
        else:
            sys.exit("every candidate of slot '%s' is too sensitive to rounding; add another" % name)
    write(os.path.join(out, "general-runs.json"), runs, refused)


def write(path, runs, refused):
    # One run per line keeps the file compact yet diffable; Python's float repr round-trips exactly.
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"numpy": %s, "tolerance": %s, "max_sensitivity": %s, "epochs": %d, "permutations_kept": %d,\n'
                % (json.dumps(np.__version__), json.dumps(TOLERANCE), json.dumps(MAX_SENSITIVITY), EPOCHS,
                   PERMUTATIONS_KEPT))
        f.write('"refused": [\n' + ",\n".join(json.dumps(r) for r in refused) + '\n],\n')
        f.write('"runs": [\n' + ",\n".join(json.dumps(r) for r in runs) + "\n]}\n")
    print("wrote %s: %d runs, %d refused" % (os.path.relpath(path), len(runs), len(refused)))


if __name__ == "__main__":
    main()
