package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.engine.ReferenceFiles.assertRelative;
import static org.xorlab.engine.ReferenceFiles.assertWeightsRelative;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine against SPEC.md's NumPy reference runs: XOR, H = 2, seed 42, learning rate 0.1, 10,000 epochs of SGD
 * (batch size 1) and of full-batch GD (batch size 4), every epoch to a relative error of 1e-9.
 */
class ReferenceAgreementTest {
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest(name = "{0}: batch size {1}")
    @CsvSource({"sgd, 1", "batch, 4"})
    void everyEpochLossAndTheFinalWeightsMatchNumpy(String name, int batchSize) {
        String base = "xor-seed42-lr0.1-" + name;
        double[] expected = ReferenceFiles.epochLosses(base + ".csv");
        JsonNode json = ReferenceFiles.json(base + ".json");
        assertThat(expected).hasSize(10_000);
        assertThat(json.at("/config/batch_size").intValue()).isEqualTo(batchSize);

        Trainer trainer = new Trainer(new TrainingConfig(Dataset.XOR, 2, 42, 0.1, batchSize));
        assertThat(trainer.weights())
                .as("initial weights drawn from seed 42, bit for bit")
                .isEqualTo(ReferenceFiles.weights(json.get("initial")));

        double[] actual = new double[expected.length];
        long done = trainer.runEpochs(expected.length, (epoch, loss) -> actual[(int) epoch - 1] = loss);
        assertThat(done).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertRelative(name + " loss at epoch " + (i + 1), actual[i], expected[i], TOLERANCE);
        }

        assertWeightsRelative(name + " final weights", trainer.weights(), ReferenceFiles.weights(json.get("final")),
                TOLERANCE);
        double[] predictions = ReferenceFiles.doubles(json.get("predictions"));
        for (int i = 0; i < Dataset.SIZE; i++) {
            assertRelative(name + " prediction for sample " + i,
                    trainer.weights().predict(Dataset.x0(i), Dataset.x1(i)), predictions[i], TOLERANCE);
        }
    }

    /** SPEC.md's answer to the notebook's question, which the app must let a student discover. */
    @Test
    void sgdDropsBelowOneHundredthAtEpoch5717WhileBatchGdIsStillNear018() {
        Trainer sgd = new Trainer(TrainingConfig.NOTEBOOK);
        long[] firstBelow = {-1};
        sgd.runEpochs(10_000, (epoch, loss) -> {
            if (loss < 0.01 && firstBelow[0] < 0) {
                firstBelow[0] = epoch;
            }
        });
        assertThat(firstBelow[0]).isEqualTo(5717);

        Trainer batch = new Trainer(TrainingConfig.NOTEBOOK.withBatchSize(4));
        batch.runEpochs(10_000, null);
        assertThat(batch.loss()).isBetween(0.175, 0.185);
    }
}
