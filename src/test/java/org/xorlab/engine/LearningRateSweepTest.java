package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xorlab.text.NumberText;

/**
 * Learning rates swept in half decades over every dataset, batch size and a spread of widths, from two kinds of
 * start: the seeds' initial weights, which cannot diverge in this range, and a network built to overflow, which must
 * diverge above a learning rate worked out from SPEC.md's update rule and stop at the epoch and update where it does.
 */
class LearningRateSweepTest {
    private static final int EPOCHS = 300;
    private static final int[] WIDTHS = {1, 2, 8};

    /** Output weight of the trap's one live hidden unit; the output bias cancels it (see {@link #trap}). */
    private static final double TRAP_W2 = 1e300;

    /**
     * From a seed's weights (all in [0, 1)) no rate from 1e-6 to 1e6 can overflow in 300 epochs, so none of these
     * runs may report a divergence: |d2| = |y_hat - y| y_hat (1 - y_hat) is at most 1/4, so each of the at most
     * 1,200 updates moves W2 and b2 by at most lr/4, keeping them below 1 + 1,200 lr / 4 = 3e8; |d1| is at most
     * |W2| / 16, so W1 and b1 stay below 1 + 1,200 lr 3e8 / 16, about 2e16. (Above this range they saturate and
     * freeze instead, as {@link DivergenceTest} shows at Double.MAX_VALUE.) A divergence reported here would be a
     * false alarm.
     */
    @ParameterizedTest
    @EnumSource(Dataset.class)
    void seededWeightsTrainAtEveryRateWithoutDiverging(Dataset dataset) {
        int runs = 0;
        for (int exponent = -12; exponent <= 12; exponent++) {
            double rate = Math.pow(10, exponent / 2.0);
            for (int batch = 1; batch <= 4; batch++) {
                for (int hidden : WIDTHS) {
                    TrainingConfig config = new TrainingConfig(dataset, hidden, 7L * exponent + batch + 1000, rate, batch);
                    Trainer trainer = new Trainer(config);
                    List<Double> losses = new ArrayList<>();
                    long done = trainer.runEpochs(EPOCHS, (epoch, loss) -> losses.add(loss));
                    runs++;
                    assertThat(trainer.diverged()).as("%s: %s", config, trainer.divergence()).isFalse();
                    assertThat(done).as("%s", config).isEqualTo(EPOCHS);
                    assertThat(trainer.epoch()).as("%s", config).isEqualTo(EPOCHS);
                    assertThat(trainer.weights().isFinite()).as("%s", config).isTrue();
                    assertThat(trainer.weights().maxAbs()).as("%s: the bound above", config).isLessThan(3e16);
                    assertThat(losses).as("%s", config).hasSize(EPOCHS)
                            .allMatch(l -> Double.isFinite(l) && l >= 0 && l <= 1);
                }
            }
        }
        assertThat(runs).isEqualTo(25 * 4 * WIDTHS.length);
    }

    /**
     * From {@link #trap} the update on sample (1,0) computes lr * d1 X^T with |d1| = W2 |0.5 - y| 0.25 * 0.25
     * (SPEC.md step 4; the other samples in its chunk add exactly 0). Where that product overflows, from about
     * lr = 5.8e9, the run must stop in epoch 1 at that update, keeping the trap's weights (nothing moved before it);
     * below, the unit saturates, the run freezes at finite weights and trains all 300 epochs.
     */
    @ParameterizedTest
    @EnumSource(Dataset.class)
    void aNetworkBuiltToOverflowDivergesAtTheRateAndUpdateTheRuleSays(Dataset dataset) {
        List<Double> divergingRates = new ArrayList<>();
        List<Double> finiteRates = new ArrayList<>();
        for (int exponent = -12; exponent <= 40; exponent++) {
            double rate = Math.pow(10, exponent / 2.0);
            double d1 = TRAP_W2 * Math.abs(0.5 - dataset.target(2)) * 0.25 * 0.25;
            boolean overflows = Double.isInfinite(rate * d1);
            (overflows ? divergingRates : finiteRates).add(rate);
            for (int batch = 1; batch <= 4; batch++) {
                for (int hidden : WIDTHS) {
                    TrainingConfig config = new TrainingConfig(dataset, hidden, 42, rate, batch);
                    Trainer trainer = new Trainer(config, trap(hidden));
                    List<Long> told = new ArrayList<>();
                    long done = trainer.runEpochs(EPOCHS, (epoch, loss) -> told.add(epoch));

                    assertThat(trainer.weights().isFinite()).as("%s", config).isTrue();
                    assertThat(trainer.diverged()).as("%s diverged", config).isEqualTo(overflows);
                    if (overflows) {
                        Divergence d = trainer.divergence();
                        assertThat(d.epoch()).as("%s epoch", config).isEqualTo(1);
                        assertThat(d.update()).as("%s update: the chunk holding sample 2", config)
                                .isEqualTo(2 / batch + 1);
                        assertThat(d.learningRate()).isEqualTo(rate);
                        assertThat(d.message()).containsPattern("\\bepoch 1 \\(update " + (2 / batch + 1) + "\\)");
                        assertThat(done).as("%s epochs completed", config).isZero();
                        assertThat(told).as("%s epochs told", config).isEmpty();
                        assertThat(trainer.weights()).as("%s kept weights", config).isEqualTo(trap(hidden));
                        assertThat(trainer.updates()).as("%s updates applied", config).isEqualTo(2 / batch);
                    } else {
                        assertThat(done).as("%s", config).isEqualTo(EPOCHS);
                        assertThat(told).as("%s", config).hasSize(EPOCHS);
                        assertThat(trainer.loss()).as("%s", config).isBetween(0.0, 1.0);
                    }
                }
            }
        }
        // The sweep straddles the threshold: rates up to 10^9.5 stay finite, 10^10 and above overflow.
        assertThat(finiteRates).last().isEqualTo(Math.pow(10, 9.5));
        assertThat(divergingRates).first().isEqualTo(1e10);
        assertThat(divergingRates).hasSize(21);
    }

    /** A run resumed from a session names the epoch it reached, counting on from the session's epochs. */
    @Test
    void aResumedRunReportsTheEpochItDivergedAtCountingOnFromTheSession() {
        for (int batch = 1; batch <= 4; batch++) {
            TrainingConfig config = new TrainingConfig(Dataset.XOR, 2, 42, 1e12, batch);
            long epoch = 1_234;
            long updates = epoch * config.updatesPerEpoch();
            Trainer trainer = Trainer.restore(config, Weights.initial(2, 42), trap(2), epoch, updates, 0.25);
            assertThat(trainer.runEpochs(10, null)).isZero();

            Divergence d = trainer.divergence();
            assertThat(d).as("batch %d", batch).isNotNull();
            assertThat(d.epoch()).as("batch %d", batch).isEqualTo(1_235);
            assertThat(d.update()).as("batch %d", batch).isEqualTo(updates + 2 / batch + 1);
            assertThat(d.message()).contains("epoch 1,235 (update " + NumberText.count(updates + 2 / batch + 1) + ")");
            assertThat(trainer.epoch()).isEqualTo(epoch);
            assertThat(trainer.weights()).isEqualTo(trap(2));
        }
    }

    /**
     * With one hidden layer of sigmoid or tanh units no optimiser can overflow from a seed's weights at any rate from
     * 1e-6 to 1e6 in 100 epochs, with either loss, so none of these runs may report a divergence: the activations
     * and their derivatives are bounded by 1, |d2| is at most 1 (cross-entropy's y_hat - y) or 1/4 (the squared
     * error's), so |g| is at most 1 for W2 and b2 and at most |W2| for W1 and b1; momentum and nesterov scale a
     * step by at most 1 / (1 - mu) + mu / (1 - mu) = 19, rmsprop by 1 / sqrt(1 - rho) = 3.2 and adam (see
     * {@link #adamStepBound}) by less than 8, so after 400 updates W2 stays below 1 + 400 * 19 * 1e6 = 8e9 and W1 below
     * 1 + 400 * 19 * 1e6 * 8e9, about 6e19, far from overflowing. L2 at rate 1e-3 shrinks the weights as long as
     * lr * rate stays at most 1, so it is on only up to lr = 1e3 (above 2, SGD's W - lr (g + rate W) flips and grows
     * W by |1 - lr rate| each update: at lr = 1e4 that is 9 times, and such runs do diverge).
     */
    @ParameterizedTest
    @EnumSource(TrainingOptions.Optimizer.class)
    void oneBoundedLayerTrainsAtEveryRateWithEveryOptimiserAndLossWithoutDiverging(TrainingOptions.Optimizer optimizer) {
        int runs = 0;
        for (Activation activation : new Activation[] {Activation.SIGMOID, Activation.TANH}) {
            for (TrainingOptions.Loss loss : TrainingOptions.Loss.values()) {
                for (int exponent = -12; exponent <= 12; exponent += 2) {
                    double rate = Math.pow(10, exponent / 2.0);
                    for (int batch : new int[] {1, 4}) {
                        TrainingOptions options = TrainingOptions.NOTEBOOK.withActivation(activation).withLoss(loss)
                                .withOptimizer(optimizer).withOrder(TrainingOptions.Order.SHUFFLE)
                                .withRegularization(exponent % 4 == 0 && rate * 1e-3 <= 1 ? TrainingOptions.Regularization.L2
                                        : TrainingOptions.Regularization.NONE, 1e-3);
                        Dataset dataset = Dataset.values()[runs % Dataset.values().length];
                        TrainingConfig config = new TrainingConfig(dataset, 4, 11L * exponent + batch + 500, rate,
                                batch, options);
                        Trainer trainer = new Trainer(config);
                        List<Double> losses = new ArrayList<>();
                        long done = trainer.runEpochs(100, (epoch, l) -> losses.add(l));
                        runs++;
                        assertThat(trainer.diverged()).as("%s: %s", config, trainer.divergence()).isFalse();
                        assertThat(done).as("%s", config).isEqualTo(100);
                        assertThat(trainer.weights().maxAbs()).as("%s: the bound above", config).isLessThan(6e19);
                        assertThat(losses).as("%s", config).hasSize(100).allMatch(l -> Double.isFinite(l) && l >= 0
                                && (loss == TrainingOptions.Loss.CROSS_ENTROPY || l <= 1));
                    }
                }
            }
        }
        assertThat(runs).isEqualTo(2 * 2 * 13 * 2);
    }

    /**
     * Adam's step on one parameter, lr * m_hat / (sqrt(s_hat) + eps), is at most lr * {@link #adamStepBound} in size
     * whatever the gradients (Cauchy-Schwarz on m_hat's and s_hat's weighted sums of the same gradients), so a sweep
     * of rates over every activation, loss and depth up to six layers of eight may move no parameter further in one
     * update, and from a seed's weights cannot overflow in 40 epochs at rates up to 1e4: the weights stay below
     * 1 + 160 * 8 * 1e4, and even through six linear or ReLU layers of eight the products stay far below 1e308.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void adamNeverMovesAParameterFurtherThanItsBoundAtAnyRateOrDepth(Activation activation) {
        int[][] depths = {{3}, {4, 4}, {8, 8, 8, 8, 8, 8}};
        int updates = 0;
        for (int[] layers : depths) {
            for (TrainingOptions.Loss loss : TrainingOptions.Loss.values()) {
                for (int exponent = -8; exponent <= 8; exponent += 2) {
                    double rate = Math.pow(10, exponent / 2.0);
                    TrainingOptions options = TrainingOptions.NOTEBOOK.withActivation(activation).withLoss(loss)
                            .withOptimizer(TrainingOptions.Optimizer.ADAM).withInit(TrainingOptions.Init.XAVIER);
                    TrainingConfig config = new TrainingConfig(Dataset.XNOR, layers[0], 30L + exponent, rate,
                            1 + (exponent + 8) % 4, options).withHiddenLayers(layers);
                    Trainer trainer = new Trainer(config);
                    Weights before = trainer.weights();
                    while (trainer.epoch() < 40) {
                        assertThat(trainer.step()).as("%s: %s", config, trainer.divergence()).isTrue();
                        Weights after = trainer.weights();
                        double bound = rate * adamStepBound(config.options(), trainer.updates()) * (1 + 1e-9);
                        for (int l = 1; l <= after.layers(); l++) {
                            double[][] w0 = before.w(l).getData();
                            double[][] w1 = after.w(l).getData();
                            double[] b0 = before.b(l).getColumn(0);
                            double[] b1 = after.b(l).getColumn(0);
                            for (int j = 0; j < w1.length; j++) {
                                for (int k = 0; k < w1[j].length; k++) {
                                    assertThat(Math.abs(w1[j][k] - w0[j][k])).as("%s W[%d][%d,%d] update %d", config,
                                            l, j, k, trainer.updates()).isLessThanOrEqualTo(bound);
                                }
                                assertThat(Math.abs(b1[j] - b0[j])).as("%s b[%d][%d]", config, l, j)
                                        .isLessThanOrEqualTo(bound);
                            }
                        }
                        before = after;
                        updates++;
                    }
                }
            }
        }
        assertThat(updates).isGreaterThan(3 * 2 * 9 * 40);
    }

    /**
     * The largest |m_hat| / sqrt(s_hat) after t updates with Adam's decays b1 and b2: by Cauchy-Schwarz,
     * (1 - b1) / (1 - b1^t) * sqrt((1 - b2^t) / (1 - b2)) * sqrt((1 - r^t) / (1 - r)) with r = b1^2 / b2 (below 1
     * for the defaults); 1 at t = 1, under 7.3 for the defaults at any t.
     */
    private static double adamStepBound(TrainingOptions o, long t) {
        double b1 = o.beta1();
        double b2 = o.beta2();
        double r = b1 * b1 / b2;
        return (1 - b1) / (1 - Math.pow(b1, t)) * Math.sqrt((1 - Math.pow(b2, t)) / (1 - b2))
                * Math.sqrt((1 - Math.pow(r, t)) / (1 - r));
    }

    /**
     * ReLU and linear hidden layers are unbounded, so at large rates deep networks really do overflow. Wherever a
     * sweep up to 1e200 diverges, the run must stop at the update that overflowed and keep the weights from just
     * before it: a fresh run stopped one update earlier has exactly those weights and no divergence, and the
     * divergence names the epoch that update belongs to. The sweep must see both outcomes for ReLU.
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "LINEAR"})
    void unboundedLayersDivergeAtTheUpdateThatOverflowsAndKeepTheWeightsBeforeIt(Activation activation) {
        int diverged = 0;
        int finite = 0;
        for (int exponent = 0; exponent <= 200; exponent += 20) {
            for (int[] layers : new int[][] {{8, 8}, {6, 6, 6, 6}}) {
                for (TrainingOptions.Loss loss : TrainingOptions.Loss.values()) {
                    double rate = Math.pow(10, exponent);
                    TrainingOptions options = TrainingOptions.NOTEBOOK.withActivation(activation).withLoss(loss)
                            .withInit(TrainingOptions.Init.HE);
                    TrainingConfig config = new TrainingConfig(Dataset.XOR, layers[0], 5L + exponent, rate,
                            1 + exponent / 20 % 4, options).withHiddenLayers(layers);
                    Trainer trainer = new Trainer(config);
                    trainer.runEpochs(50, null);
                    if (!trainer.diverged()) {
                        finite++;
                        assertThat(trainer.epoch()).as("%s", config).isEqualTo(50);
                        assertThat(trainer.weights().isFinite()).as("%s", config).isTrue();
                        continue;
                    }
                    diverged++;
                    Divergence d = trainer.divergence();
                    Trainer shadow = new Trainer(config);
                    for (long u = 1; u < d.update(); u++) {
                        assertThat(shadow.step()).as("%s update %d", config, u).isTrue();
                    }
                    assertThat(shadow.weights()).as("%s kept weights", config).isEqualTo(trainer.weights());
                    assertThat(shadow.epoch() + 1).as("%s epoch named", config).isEqualTo(d.epoch());
                    assertThat(shadow.step()).as("%s the named update overflows", config).isFalse();
                    assertThat(trainer.updates()).isEqualTo(d.update() - 1);
                    assertThat(d.learningRate()).isEqualTo(rate);
                }
            }
        }
        if (activation == Activation.RELU) {
            assertThat(diverged).as("ReLU runs that diverged").isPositive();
        }
        assertThat(finite).as("runs that stayed finite").isPositive();
    }

    /**
     * Hidden unit 0 is live (z1 = 0, v1 = 0.5) only for input (1,0), where W2 = 1e300 and b2 = -5e299 cancel to
     * z2 = 0, y_hat = 0.5; for every other input every hidden unit is off (v1 exactly 0), y_hat is exactly 0 and d2
     * exactly 0, so nothing moves. The other units never switch on: their W2 is 0.
     */
    private static Weights trap(int hidden) {
        double[][] w1 = new double[hidden][2];
        double[][] b1 = new double[hidden][1];
        double[][] w2 = new double[1][hidden];
        for (double[] row : b1) {
            row[0] = -1000;
        }
        w1[0] = new double[] {1000, -1000};
        w2[0][0] = TRAP_W2;
        return Weights.of(new Array2DRowRealMatrix(w1), new Array2DRowRealMatrix(b1), new Array2DRowRealMatrix(w2),
                new Array2DRowRealMatrix(new double[][] {{-TRAP_W2 / 2}}));
    }
}
