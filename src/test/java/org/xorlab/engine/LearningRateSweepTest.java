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
