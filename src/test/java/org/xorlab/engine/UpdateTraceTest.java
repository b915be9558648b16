package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.TrainingOptions.Loss;
import org.xorlab.engine.TrainingOptions.Optimizer;
import org.xorlab.engine.TrainingOptions.Regularization;

/**
 * The trace of one update for every option (SPEC.md, "Beyond the notebook"): each layer's z, v and d, the gradients,
 * the regularisation term, the optimiser's state and the update applied equal an independent transcription of SPEC
 * ({@link GeneralMatrixReference}, itself held to the NumPy oracle's fixture here) and the hand computations from
 * the trace's own before and after weights.
 */
class UpdateTraceTest {
    /** Differences only of rounding: SGD's lr * sum / m against lr * (sum / m), sums in another order. */
    private static final double CLOSE = 1e-12;

    @Test
    void theTranscriptionAgreesWithTheNumpyOracle() {
        JsonNode fixture = ReferenceFiles.json("generated/general-runs.json");
        double tolerance = fixture.get("tolerance").doubleValue();
        int checked = 0;
        for (JsonNode run : fixture.get("runs")) {
            if (!run.get("divergence_epoch").isNull()) {
                continue;
            }
            String name = run.get("name").textValue() + " (seed " + run.get("seed").longValue() + ")";
            GeneralMatrixReference reference = new GeneralMatrixReference(GeneralOracleAgreementTest.config(run),
                    GeneralOracleAgreementTest.weights(run.get("initial")));
            JsonNode losses = run.get("losses");
            for (int e = 0; e < losses.size(); e++) {
                double total = 0;
                do {
                    total += reference.step().lossSum();
                } while (!reference.atEpochStart());
                ReferenceFiles.assertRelative(name + ": loss of epoch " + (e + 1), total / Dataset.SIZE,
                        losses.get(e).doubleValue(), tolerance);
            }
            Weights expected = GeneralOracleAgreementTest.weights(run.get("final"));
            for (int l = 1; l <= expected.layers(); l++) {
                assertRelative(name + ": final W" + l, reference.weights().w(l), expected.w(l), tolerance);
                assertRelative(name + ": final b" + l, reference.weights().b(l), expected.b(l), tolerance);
            }
            checked++;
        }
        assertThat(checked).as("converging runs of the fixture").isGreaterThanOrEqualTo(40);
    }

    /** Every optimiser with each loss, regularisation, depths up to 6 x 8, every activation, batch sizes, shuffle. */
    static List<TrainingConfig> configs() {
        List<TrainingConfig> configs = new ArrayList<>();
        Activation[] activations = Activation.values();
        int n = 0;
        for (Optimizer optimizer : Optimizer.values()) {
            for (Loss loss : Loss.values()) {
                TrainingOptions o = TrainingOptions.NOTEBOOK.withOptimizer(optimizer).withLoss(loss)
                        .withActivation(activations[n % activations.length])
                        .withDeeperLayers(n % 2 == 0 ? List.of(4) : List.of())
                        .withInit(n % 3 == 0 ? TrainingOptions.Init.XAVIER : TrainingOptions.Init.UNIFORM);
                configs.add(new TrainingConfig(Dataset.XOR, 2 + n % 3, n, 0.1, 1 + n % 4, o));
                n++;
            }
        }
        TrainingOptions deep = TrainingOptions.NOTEBOOK.withActivation(Activation.TANH).withOptimizer(Optimizer.ADAM)
                .withDeeperLayers(List.of(4));
        configs.add(new TrainingConfig(Dataset.XOR, 4, 42, 0.01, 1, deep));
        configs.add(new TrainingConfig(Dataset.OR, 8, 3, 0.05, 2, deep
                .withDeeperLayers(List.of(8, 8, 8, 8, 8)).withRegularization(Regularization.L2, 0.01)
                .withOrder(TrainingOptions.Order.SHUFFLE)));
        configs.add(new TrainingConfig(Dataset.XOR, 3, 5, 0.5, 4, TrainingOptions.NOTEBOOK
                .withOptimizer(Optimizer.MOMENTUM).withRegularization(Regularization.L1, 0.02)
                .withActivation(Activation.RELU).withInit(TrainingOptions.Init.HE).withDeeperLayers(List.of(3, 2))));
        configs.add(new TrainingConfig(Dataset.AND, 2, 9, 0.3, 1, TrainingOptions.NOTEBOOK
                .withRegularization(Regularization.L2, 0.05).withLoss(Loss.CROSS_ENTROPY)));
        configs.add(new TrainingConfig(Dataset.XNOR, 3, 11, 0.2, 2, TrainingOptions.NOTEBOOK
                .withOptimizer(Optimizer.NESTEROV).withHyperParameters(0.5, 0.8, 0.8, 0.99, 1e-6)
                .withRegularization(Regularization.L1, 0.01).withOrder(TrainingOptions.Order.SHUFFLE)));
        configs.add(TrainingConfig.NOTEBOOK);
        configs.add(TrainingConfig.NOTEBOOK.withBatchSize(4));
        return configs;
    }

    @Test
    void everyLayersNumbersAreTheTranscriptions() {
        for (TrainingConfig config : configs()) {
            Trainer trainer = new Trainer(config);
            GeneralMatrixReference reference = new GeneralMatrixReference(config, trainer.initialWeights());
            for (int u = 1; u <= 12; u++) {
                String at = config + ", update " + u;
                assertThat(trainer.step()).as(at).isTrue();
                UpdateTrace t = trainer.lastUpdate();
                GeneralMatrixReference.Step r = reference.step();
                assertThat(t.layers()).as(at).isEqualTo(config.hiddenLayers().length + 1);
                assertThat(t.options()).isEqualTo(config.options());
                assertThat(t.lossFunction()).isEqualTo(config.options().loss());
                assertClose(at + " x", t.x(), r.x());
                assertClose(at + " y", t.y(), r.y());
                assertThat(t.loss()).as(at + " loss").isCloseTo(r.lossSum() / t.samples(),
                        org.assertj.core.api.Assertions.within(CLOSE));
                for (int l = 1; l <= t.layers(); l++) {
                    UpdateTrace.LayerStep s = t.layer(l);
                    int i = l - 1;
                    String in = at + ", layer " + l + " ";
                    assertThat(s.index()).isEqualTo(l);
                    assertThat(s.activation()).isEqualTo(l == t.layers() ? Activation.SIGMOID
                            : config.options().activation());
                    assertClose(in + "z", s.z(), r.z().get(i));
                    assertClose(in + "v", s.v(), r.v().get(i));
                    assertClose(in + "d", s.d(), r.d().get(i));
                    assertClose(in + "gradW", s.gradW(), r.gradW().get(i));
                    assertClose(in + "gradB", s.gradB(), r.gradB().get(i));
                    assertClose(in + "penaltyW", s.penaltyW(), r.penaltyW().get(i));
                    assertClose(in + "effective gradW", s.effectiveGradW(), r.effectiveGradW().get(i));
                    assertClose(in + "first W", s.firstW(), r.firstW().get(i));
                    assertClose(in + "first b", s.firstB(), r.firstB().get(i));
                    assertClose(in + "second W", s.secondW(), r.secondW().get(i));
                    assertClose(in + "second b", s.secondB(), r.secondB().get(i));
                    assertClose(in + "W before", t.before().w(l), r.beforeW().get(i));
                    assertClose(in + "b before", t.before().b(l), r.beforeB().get(i));
                    assertClose(in + "W after", t.after().w(l), r.afterW().get(i));
                    assertClose(in + "b after", t.after().b(l), r.afterB().get(i));
                    assertClose(in + "W update", s.updateW(), r.afterW().get(i).subtract(r.beforeW().get(i)));
                    assertClose(in + "b update", s.updateB(), r.afterB().get(i).subtract(r.beforeB().get(i)));
                }
            }
        }
    }

    @Test
    void everyLayersNumbersFollowFromTheTracesOwnWeightsByHand() {
        for (TrainingConfig config : configs()) {
            TrainingOptions o = config.options();
            Trainer trainer = new Trainer(config);
            UpdateTrace previous = null;
            for (int u = 1; u <= 12; u++) {
                trainer.step();
                UpdateTrace t = trainer.lastUpdate();
                String at = config + ", update " + u;
                int top = t.layers();
                // The loss's own output error.
                RealMatrix yHat = t.yHat();
                RealMatrix y = t.y();
                for (int c = 0; c < t.samples(); c++) {
                    double e = yHat.getEntry(0, c) - y.getEntry(0, c);
                    double expected = o.loss() == Loss.MSE
                            ? e * (yHat.getEntry(0, c) * (1 - yHat.getEntry(0, c))) : e;
                    assertThat(t.output().d().getEntry(0, c)).as(at + " d[L+1] of " + o.loss()).isEqualTo(expected);
                }
                RealMatrix in = t.x();
                for (int l = 1; l <= top; l++) {
                    UpdateTrace.LayerStep s = t.layer(l);
                    String name = at + ", layer " + l + " ";
                    RealMatrix w = t.before().w(l);
                    RealMatrix b = t.before().b(l);
                    // Forward: z = W v[l-1] + b.
                    RealMatrix z = w.multiply(in);
                    for (int c = 0; c < t.samples(); c++) {
                        for (int j = 0; j < s.units(); j++) {
                            z.addToEntry(j, c, b.getEntry(j, 0));
                        }
                    }
                    assertClose(name + "z = W v + b", s.z(), z);
                    // Backprop with the activation's own derivative.
                    if (l < top) {
                        RealMatrix back = t.before().w(l + 1).transpose().multiply(t.layer(l + 1).d());
                        RealMatrix expected = back.copy();
                        for (int j = 0; j < s.units(); j++) {
                            for (int c = 0; c < t.samples(); c++) {
                                expected.setEntry(j, c, back.getEntry(j, c) * GeneralMatrixReference.fPrime(
                                        o.activation(), s.z().getEntry(j, c), s.v().getEntry(j, c)));
                            }
                        }
                        assertClose(name + "d = (W^T d) * f'(z)", s.d(), expected);
                    }
                    assertClose(name + "gradW = d v^T / m", s.gradW(),
                            s.d().multiply(in.transpose()).scalarMultiply(1.0 / t.samples()));
                    checkParameters(name + "W ", o, t, previous == null ? null : previous.layer(l).firstW(),
                            previous == null ? null : previous.layer(l).secondW(), w, s.effectiveGradW(),
                            s.firstW(), s.secondW(), s.correctedFirstW(), s.correctedSecondW(), t.after().w(l),
                            s.updateW());
                    checkParameters(name + "b ", o, t, previous == null ? null : previous.layer(l).firstB(),
                            previous == null ? null : previous.layer(l).secondB(), b, s.gradB(), s.firstB(),
                            s.secondB(), s.correctedFirstB(), s.correctedSecondB(), t.after().b(l), s.updateB());
                    // The regularisation term, on the weights only.
                    for (int j = 0; j < s.units(); j++) {
                        for (int k = 0; k < w.getColumnDimension(); k++) {
                            double wjk = w.getEntry(j, k);
                            double term = switch (o.regularization()) {
                                case NONE -> 0.0;
                                case L2 -> o.regRate() * wjk;
                                case L1 -> o.regRate() * Math.signum(wjk);
                            };
                            assertThat(s.penaltyW().getEntry(j, k)).as(name + "penalty").isEqualTo(term);
                            assertThat(s.effectiveGradW().getEntry(j, k)).as(name + "effective gradient")
                                    .isEqualTo(o.regularization() == Regularization.NONE ? s.gradW().getEntry(j, k)
                                            : s.gradW().getEntry(j, k) + term);
                        }
                    }
                    in = s.v();
                }
                previous = t;
            }
        }
    }

    /**
     * One parameter kind's optimiser state and update, entry by entry, exactly as SPEC writes them: the state from
     * the previous trace's (zero at t = 1) and this update's gradient g, and after = before - lr * (the rule's step).
     */
    private static void checkParameters(String what, TrainingOptions o, UpdateTrace t, RealMatrix firstBefore,
                                        RealMatrix secondBefore, RealMatrix before, RealMatrix g, RealMatrix first,
                                        RealMatrix second, RealMatrix firstHat, RealMatrix secondHat,
                                        RealMatrix after, RealMatrix update) {
        double lr = t.learningRate();
        long step = t.update();
        double c1 = o.optimizer() == Optimizer.ADAM ? 1 - Math.pow(o.beta1(), step) : 1;
        double c2 = o.optimizer() == Optimizer.ADAM ? 1 - Math.pow(o.beta2(), step) : 1;
        assertThat(t.biasCorrection1()).as(what + "1 - b1^t").isEqualTo(c1);
        assertThat(t.biasCorrection2()).as(what + "1 - b2^t").isEqualTo(c2);
        for (int r = 0; r < before.getRowDimension(); r++) {
            for (int c = 0; c < before.getColumnDimension(); c++) {
                String at = what + "[" + r + "][" + c + "]";
                double p = before.getEntry(r, c);
                double gi = g.getEntry(r, c);
                double f0 = firstBefore == null ? 0 : firstBefore.getEntry(r, c);
                double s0 = secondBefore == null ? 0 : secondBefore.getEntry(r, c);
                double f = first.getEntry(r, c);
                double s = second.getEntry(r, c);
                double q = after.getEntry(r, c);
                assertThat(update.getEntry(r, c)).as(at + " update = after - before").isEqualTo(q - p);
                switch (o.optimizer()) {
                    case SGD -> {
                        assertThat(f).isZero();
                        assertThat(s).isZero();
                        assertThat(q).as(at + " p - lr g").isCloseTo(p - lr * gi, org.assertj.core.api.Assertions
                                .within(CLOSE * Math.max(1, Math.abs(p))));
                    }
                    case MOMENTUM -> {
                        assertThat(f).as(at + " v = mu v + g").isEqualTo(o.momentum() * f0 + gi);
                        assertThat(q).as(at + " p - lr v").isEqualTo(p - lr * f);
                    }
                    case NESTEROV -> {
                        assertThat(f).as(at + " v = mu v + g").isEqualTo(o.momentum() * f0 + gi);
                        assertThat(q).as(at + " p - lr (g + mu v)").isEqualTo(p - lr * (gi + o.momentum() * f));
                    }
                    case RMSPROP -> {
                        assertThat(s).as(at + " s = rho s + (1 - rho) g^2").isEqualTo(o.rho() * s0
                                + (1 - o.rho()) * (gi * gi));
                        assertThat(q).as(at + " p - lr g / (sqrt s + eps)")
                                .isEqualTo(p - lr * gi / (Math.sqrt(s) + o.epsilon()));
                    }
                    case ADAM -> {
                        assertThat(f).as(at + " m = b1 m + (1 - b1) g").isEqualTo(o.beta1() * f0
                                + (1 - o.beta1()) * gi);
                        assertThat(s).as(at + " s = b2 s + (1 - b2) g^2").isEqualTo(o.beta2() * s0
                                + (1 - o.beta2()) * (gi * gi));
                        assertThat(firstHat.getEntry(r, c)).as(at + " m_hat").isEqualTo(f / c1);
                        assertThat(secondHat.getEntry(r, c)).as(at + " s_hat").isEqualTo(s / c2);
                        assertThat(q).as(at + " p - lr m_hat / (sqrt s_hat + eps)")
                                .isEqualTo(p - lr * (f / c1) / (Math.sqrt(s / c2) + o.epsilon()));
                    }
                    default -> fail("optimizer " + o.optimizer());
                }
            }
        }
    }

    @Test
    void theNotebooksAccessorsNameTheFirstHiddenLayerAndTheOutput() {
        TrainingConfig deep = TrainingConfig.NOTEBOOK.withOptions(TrainingOptions.NOTEBOOK
                .withDeeperLayers(List.of(3, 5)).withActivation(Activation.TANH));
        for (TrainingConfig config : List.of(TrainingConfig.NOTEBOOK, deep)) {
            Trainer trainer = new Trainer(config);
            trainer.step();
            UpdateTrace t = trainer.lastUpdate();
            UpdateTrace.LayerStep first = t.layer(1);
            UpdateTrace.LayerStep out = t.layer(t.layers());
            assertThat(t.output().index()).isEqualTo(t.layers());
            assertThat(t.z1()).isEqualTo(first.z());
            assertThat(t.v1()).isEqualTo(first.v());
            assertThat(t.d1()).isEqualTo(first.d());
            assertThat(t.gradW1()).isEqualTo(first.gradW());
            assertThat(t.gradB1()).isEqualTo(first.gradB());
            assertThat(t.z2()).isEqualTo(out.z());
            assertThat(t.yHat()).isEqualTo(out.v());
            assertThat(t.d2()).isEqualTo(out.d());
            assertThat(t.gradW2()).isEqualTo(out.gradW());
            assertThat(t.gradB2()).isEqualTo(out.gradB());
            assertThat(t.gradW2().getColumnDimension()).isEqualTo(config.hiddenLayers()[config.hiddenLayers().length - 1]);
        }
        Trainer deeper = new Trainer(deep);
        deeper.step();
        assertThat(deeper.lastUpdate().layers()).isEqualTo(4);
        assertThat(deeper.lastUpdate().layer(2).z().getRowDimension()).isEqualTo(3);
        assertThat(deeper.lastUpdate().layer(3).z().getRowDimension()).isEqualTo(5);
    }

    @Test
    void aRefusedUpdateAppliesNothingAndTheTraceSaysSo() {
        // The oracle's first divergent run: ReLU and cross-entropy on XNOR at a rate of 1e110 (the run keeps its
        // last finite weights).
        TrainingConfig config = new TrainingConfig(Dataset.XNOR, 8, 42, 1e110, 1, TrainingOptions.NOTEBOOK
                .withActivation(Activation.RELU).withLoss(Loss.CROSS_ENTROPY).withDeeperLayers(List.of(8)));
        Trainer trainer = new Trainer(config);
        trainer.stepEpoch();
        assertThat(trainer.diverged()).as("the run diverged").isTrue();
        UpdateTrace t = trainer.lastUpdate();
        assertThat(t.update()).isEqualTo(trainer.divergence().update());
        for (int l = 1; l <= t.layers(); l++) {
            assertThat(t.layer(l).updateW().getNorm()).as("layer " + l + " W update").isZero();
            assertThat(t.layer(l).updateB().getNorm()).as("layer " + l + " b update").isZero();
        }
    }

    @Test
    void aLayerOutsideTheNetworkIsRefusedByName() {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        trainer.step();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> trainer.lastUpdate().layer(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("layer must be from 1 to 2 (got 3)");
    }

    /** Every entry within {@link #CLOSE} relative (absolute below 1). */
    private static void assertClose(String what, RealMatrix actual, RealMatrix expected) {
        assertThat(actual.getRowDimension()).as(what + " rows").isEqualTo(expected.getRowDimension());
        assertThat(actual.getColumnDimension()).as(what + " columns").isEqualTo(expected.getColumnDimension());
        for (int r = 0; r < expected.getRowDimension(); r++) {
            for (int c = 0; c < expected.getColumnDimension(); c++) {
                double a = actual.getEntry(r, c);
                double e = expected.getEntry(r, c);
                if (!(Math.abs(a - e) <= CLOSE * Math.max(1, Math.abs(e)))) {
                    fail(what + "[" + r + "][" + c + "]: expected " + e + " but was " + a);
                }
            }
        }
    }

    private static void assertRelative(String what, RealMatrix actual, RealMatrix expected, double tolerance) {
        for (int r = 0; r < expected.getRowDimension(); r++) {
            for (int c = 0; c < expected.getColumnDimension(); c++) {
                ReferenceFiles.assertRelative(what + "[" + r + "][" + c + "]", actual.getEntry(r, c),
                        expected.getEntry(r, c), tolerance);
            }
        }
    }
}
