package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Trainer's hand-written loops against {@link MatrixReferenceTrainer}, the notebook transcribed into
 * RealMatrix operations: after every update (including mid-epoch updates and the short last chunk of batch size
 * 3), the UpdateTrace's x, y, z1, v1, z2, y_hat, d2, d1, gradients, chunk loss and before/after weights, and the
 * Trainer's current weights, agree to a relative error of 1e-12.
 */
class MatrixTranscriptionTest {
    private static final double TOLERANCE = 1e-12;
    private static final int EPOCHS = 3;

    static Stream<Arguments> configs() {
        List<Arguments> cases = new ArrayList<>();
        long[] seeds = {42, 7, 2_147_483_648L, 4_294_967_295L};
        int n = 0;
        for (int hidden : new int[] {1, 2, 3, 8}) {
            for (int batchSize = 1; batchSize <= 4; batchSize++) {
                Dataset dataset = Dataset.values()[n % 4];
                cases.add(Arguments.of(new TrainingConfig(dataset, hidden, seeds[n % seeds.length], 2.0, batchSize)));
                n++;
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void everyUpdateEqualsTheMatrixTranscription(TrainingConfig config) {
        Trainer trainer = new Trainer(config);
        MatrixReferenceTrainer reference = new MatrixReferenceTrainer(config, trainer.initialWeights());
        int updatesPerEpoch = config.updatesPerEpoch();

        for (int u = 1; u <= EPOCHS * updatesPerEpoch; u++) {
            String at = "update " + u;
            assertThat(trainer.step()).as(at).isTrue();
            MatrixReferenceTrainer.Step expected = reference.step();
            UpdateTrace actual = trainer.lastUpdate();

            assertThat(actual.update()).as(at).isEqualTo(expected.update()).isEqualTo(u);
            assertThat(actual.epoch()).as(at + " epoch").isEqualTo(expected.epoch());
            assertThat(actual.firstSample()).as(at + " first sample").isEqualTo(expected.firstSample());
            assertThat(actual.samples()).as(at + " m").isEqualTo(expected.x().getColumnDimension());
            assertThat(actual.learningRate()).isEqualTo(config.learningRate());

            assertClose(at + " x", actual.x(), expected.x());
            assertClose(at + " y", actual.y(), expected.y());
            assertClose(at + " z1", actual.z1(), expected.z1());
            assertClose(at + " v1", actual.v1(), expected.v1());
            assertClose(at + " z2", actual.z2(), expected.z2());
            assertClose(at + " y_hat", actual.yHat(), expected.yHat());
            assertClose(at + " d2", actual.d2(), expected.d2());
            assertClose(at + " d1", actual.d1(), expected.d1());
            assertClose(at + " dW1", actual.gradW1(), expected.gradW1());
            assertClose(at + " db1", actual.gradB1(), expected.gradB1());
            assertClose(at + " dW2", actual.gradW2(), expected.gradW2());
            assertClose(at + " db2", actual.gradB2(), expected.gradB2());
            assertClose(at + " chunk loss", actual.loss(), expected.squaredError() / actual.samples());
            assertClose(at + " before", actual.before(), expected.before());
            assertClose(at + " after", actual.after(), expected.after());
            assertClose(at + " trainer weights", trainer.weights(), expected.after());

            assertThat(trainer.nextSample()).as(at + " next sample").isEqualTo(reference.nextSample());
            assertThat(trainer.epoch()).as(at + " epochs done").isEqualTo(reference.epoch());
        }
        assertThat(trainer.epoch()).isEqualTo(EPOCHS);
    }

    /** Each epoch's loss equals the transcription's sum of pre-update squared errors / 4. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void epochLossesEqualTheMatrixTranscription(TrainingConfig config) {
        Trainer trainer = new Trainer(config);
        MatrixReferenceTrainer reference = new MatrixReferenceTrainer(config, trainer.initialWeights());
        for (int e = 1; e <= 20; e++) {
            assertThat(trainer.stepEpoch()).isTrue();
            assertClose("loss at epoch " + e, trainer.loss(), reference.runEpoch());
        }
    }

    /** What the views draw from a Weights (predict, hiddenActivation, loss) is the same forward pass. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void weightsForwardPassEqualsTheMatrixTranscription(TrainingConfig config) {
        Trainer trainer = new Trainer(config);
        trainer.runEpochs(30, null);
        Weights w = trainer.weights();
        MatrixReferenceTrainer reference = new MatrixReferenceTrainer(config, w);
        MatrixReferenceTrainer.Params p = MatrixReferenceTrainer.Params.of(w);
        RealMatrix x = reference.inputs();
        RealMatrix v1 = MatrixReferenceTrainer.hidden(p, x);
        RealMatrix yHat = MatrixReferenceTrainer.output(p, x);
        for (int i = 0; i < Dataset.SIZE; i++) {
            double x0 = Dataset.x0(i);
            double x1 = Dataset.x1(i);
            assertClose("predict sample " + i, w.predict(x0, x1), yHat.getEntry(0, i));
            for (int j = 0; j < config.hidden(); j++) {
                assertClose("v1[" + j + "] sample " + i, w.hiddenActivation(j, x0, x1), v1.getEntry(j, i));
            }
        }
        assertClose("loss", w.loss(config.dataset()),
                2 * MatrixReferenceTrainer.halfMeanSquaredError(p, x, reference.targets()));
    }

    private static void assertClose(String what, Weights actual, MatrixReferenceTrainer.Params expected) {
        assertClose(what + " W1", actual.w1(), expected.w1());
        assertClose(what + " b1", actual.b1(), expected.b1());
        assertClose(what + " W2", actual.w2(), expected.w2());
        assertClose(what + " b2", actual.b2Matrix(), expected.b2());
    }

    static void assertClose(String what, RealMatrix actual, RealMatrix expected) {
        assertThat(actual.getRowDimension()).as(what + " rows").isEqualTo(expected.getRowDimension());
        assertThat(actual.getColumnDimension()).as(what + " columns").isEqualTo(expected.getColumnDimension());
        for (int r = 0; r < expected.getRowDimension(); r++) {
            for (int c = 0; c < expected.getColumnDimension(); c++) {
                assertClose(what + "[" + r + "][" + c + "]", actual.getEntry(r, c), expected.getEntry(r, c));
            }
        }
    }

    private static void assertClose(String what, double actual, double expected) {
        if (!(Math.abs(actual - expected) <= TOLERANCE * Math.abs(expected))) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }
}
