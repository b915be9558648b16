package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xorlab.text.NumberText;

/**
 * A run whose weights would become infinite stops, at the right epoch and update, keeping its last finite weights.
 *
 * <p>Why crafted weights: from initial weights in [0, 1) no learning rate, however large, overflows. The first
 * update throws the weights to about lr * 0.1, which saturates every sigmoid to exactly 0 or 1, so d2 becomes
 * exactly 0 and the run freezes at a finite loss; NumPy does the same (see the lr 1e308 runs of
 * {@code tools/reference.py}, which {@link NumpyOracleTest} checks). Weights can overflow only where a huge W2
 * meets an output that is not saturated, so these tests build such a network, as a loaded session could:
 * hidden unit 0 is active (z1 = 0, v1 = 0.5) only for input (1,0), where W2 = 1e300 and b2 = -5e299 cancel to
 * z2 = 0; d1 there is about -3e298, and any learning rate above ~1e10 takes W1 past Double.MAX_VALUE. For every
 * other input unit 0 is off (v1 exactly 0), the output is exactly 0 and nothing changes.
 */
class DivergenceTest {

    private static Weights trap() {
        return Weights.of(
                new Array2DRowRealMatrix(new double[][] {{1000, -1000}, {0, 0}}),
                new Array2DRowRealMatrix(new double[][] {{-1000}, {-1000}}),
                new Array2DRowRealMatrix(new double[][] {{1e300, 0}}),
                new Array2DRowRealMatrix(new double[][] {{-5e299}}));
    }

    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void stopsAtTheUpdateWhereAWeightBecomesInfinite(int batchSize) {
        TrainingConfig config = new TrainingConfig(Dataset.XOR, 2, 42, 1e12, batchSize);

        // Where it happens, found by the matrix transcription, which applies even non-finite updates.
        MatrixReferenceTrainer reference = new MatrixReferenceTrainer(config, trap());
        MatrixReferenceTrainer.Step overflow = reference.step();
        while (overflow.after().isFinite() && Double.isFinite(overflow.squaredError())) {
            assertThat(overflow.update()).as("the trap must overflow within an epoch").isLessThan(4);
            overflow = reference.step();
        }

        Trainer trainer = new Trainer(config, trap());
        List<Long> told = new ArrayList<>();
        long completed = trainer.runEpochs(10, (epoch, loss) -> told.add(epoch));

        Divergence divergence = trainer.divergence();
        assertThat(divergence).isNotNull();
        assertThat(divergence.epoch()).as("epoch").isEqualTo(overflow.epoch());
        assertThat(divergence.update()).as("update").isEqualTo(overflow.update());
        assertThat(divergence.learningRate()).isEqualTo(1e12);
        assertThat(completed).isEqualTo(divergence.epoch() - 1);
        assertThat(told).hasSize((int) completed);
        assertThat(divergence.message())
                .containsPattern("\\bepoch " + NumberText.count(divergence.epoch()) + "\\b")
                .contains("smaller learning rate");

        TrainingSnapshot snapshot = trainer.snapshot();
        assertThat(snapshot.diverged()).isTrue();
        assertThat(snapshot.divergence()).isEqualTo(divergence);
        assertThat(snapshot.weights().isFinite()).isTrue();
        assertThat(snapshot.updates()).isEqualTo(divergence.update() - 1);
        assertThat(snapshot.nextSample()).isEqualTo(overflow.firstSample());
        // The kept weights are the ones the refused update started from.
        MatrixTranscriptionTest.assertClose("kept W1", snapshot.weights().w1(), overflow.before().w1());
        MatrixTranscriptionTest.assertClose("kept b1", snapshot.weights().b1(), overflow.before().b1());
        MatrixTranscriptionTest.assertClose("kept W2", snapshot.weights().w2(), overflow.before().w2());
        MatrixTranscriptionTest.assertClose("kept b2", snapshot.weights().b2Matrix(), overflow.before().b2());
        assertThat(snapshot.lastUpdate().update()).isEqualTo(divergence.update());
        assertThat(snapshot.lastUpdate().after()).isEqualTo(snapshot.lastUpdate().before()).isEqualTo(snapshot.weights());
    }

    @Test
    void afterDivergingNothingMoves() {
        Trainer trainer = new Trainer(new TrainingConfig(Dataset.XOR, 2, 42, 1e12, 1), trap());
        trainer.runEpochs(1, null);
        assertThat(trainer.diverged()).isTrue();
        TrainingSnapshot before = trainer.snapshot();

        assertThat(trainer.step()).isFalse();
        assertThat(trainer.stepEpoch()).isFalse();
        List<Long> told = new ArrayList<>();
        assertThat(trainer.runEpochs(5, (epoch, loss) -> told.add(epoch))).isZero();
        assertThat(told).isEmpty();

        TrainingSnapshot after = trainer.snapshot();
        assertThat(after.weights()).isEqualTo(before.weights());
        assertThat(after.epoch()).isEqualTo(before.epoch());
        assertThat(after.updates()).isEqualTo(before.updates());
        assertThat(after.nextSample()).isEqualTo(before.nextSample());
        assertThat(Double.compare(after.loss(), before.loss())).as("loss unchanged (NaN before any epoch)").isZero();
        assertThat(after.divergence()).isEqualTo(before.divergence());
        assertThat(after.lastUpdate().update()).isEqualTo(before.lastUpdate().update());
    }

    @Test
    void theSameTrapAtASmallRateDoesNotDiverge() {
        // Guards the trap: it is the learning rate that overflows W1, not the network itself.
        Trainer trainer = new Trainer(new TrainingConfig(Dataset.XOR, 2, 42, 1.0, 1), trap());
        assertThat(trainer.runEpochs(10, null)).isEqualTo(10);
        assertThat(trainer.diverged()).isFalse();
        assertThat(trainer.weights().isFinite()).isTrue();
    }

    @Test
    void resetClearsTheDivergence() {
        Trainer trainer = new Trainer(new TrainingConfig(Dataset.XOR, 2, 42, 1e12, 1), trap());
        trainer.runEpochs(1, null);
        Divergence first = trainer.divergence();
        trainer.reset();
        assertThat(trainer.diverged()).isFalse();
        assertThat(trainer.weights()).isEqualTo(trap());
        trainer.runEpochs(1, null);
        assertThat(trainer.divergence()).isEqualTo(first);
    }

    /** Weights near Double.MAX_VALUE are finite even though their sum is not: that is no divergence. */
    @Test
    void hugeFiniteWeightsAreNotTakenForDivergence() {
        double big = 1e308;
        Weights huge = Weights.of(
                new Array2DRowRealMatrix(new double[][] {{big, big}, {big, big}}),
                new Array2DRowRealMatrix(new double[][] {{big}, {big}}),
                new Array2DRowRealMatrix(new double[][] {{big, big}}),
                new Array2DRowRealMatrix(new double[][] {{big}}));
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK, huge);
        assertThat(trainer.runEpochs(10, null)).isEqualTo(10);
        assertThat(trainer.diverged()).isFalse();
        // Every sigmoid saturates to 1 (z2 overflows to +infinity, which is no weight), so y_hat = 1 everywhere.
        assertThat(trainer.loss()).isEqualTo(0.5);
        assertThat(trainer.weights()).isEqualTo(huge);
    }

    /** A huge rate that does not overflow either trains or diverges cleanly; it never throws. */
    @ParameterizedTest(name = "{0}, batch size {1}")
    @CsvSource({"XOR, 1", "XOR, 4", "AND, 2", "OR, 3", "XNOR, 1"})
    void aMillionFoldRateNeverThrows(Dataset dataset, int batchSize) {
        for (int hidden : new int[] {1, 2, 8}) {
            Trainer trainer = new Trainer(new TrainingConfig(dataset, hidden, 42, 1e6, batchSize));
            List<Double> losses = new ArrayList<>();
            assertThatCode(() -> trainer.runEpochs(300, (epoch, loss) -> losses.add(loss)))
                    .doesNotThrowAnyException();

            assertThat(trainer.weights().isFinite()).isTrue();
            assertThat(losses).allSatisfy(loss -> assertThat(loss).isBetween(0.0, 1.0));
            if (trainer.diverged()) {
                assertThat(losses).hasSize((int) trainer.divergence().epoch() - 1);
            } else {
                assertThat(losses).hasSize(300);
            }
        }
    }

    /**
     * At the largest rate the weights reach ~1e307: finite, though their sum overflows. The run must not be taken
     * for diverged; like NumPy's, it saturates and freezes at a finite loss.
     */
    @ParameterizedTest
    @EnumSource(Dataset.class)
    void theLargestRateSaturatesInsteadOfOverflowing(Dataset dataset) {
        for (int batchSize = 1; batchSize <= 4; batchSize++) {
            Trainer trainer = new Trainer(new TrainingConfig(dataset, 8, 42, Double.MAX_VALUE, batchSize));
            assertThat(trainer.runEpochs(50, null)).isEqualTo(50);
            assertThat(trainer.diverged()).isFalse();
            assertThat(trainer.weights().maxAbs()).isGreaterThan(1e305);
            assertThat(trainer.loss()).isBetween(0.0, 1.0);
        }
    }
}
