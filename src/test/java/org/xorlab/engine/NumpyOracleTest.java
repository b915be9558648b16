package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.engine.ReferenceFiles.assertRelative;
import static org.xorlab.engine.ReferenceFiles.assertWeightsRelative;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against {@code tools/reference.py}, SPEC.md's rules written literally with NumPy, for a spread of
 * seeds (including 2^31 and up), widths, datasets, batch sizes (including the short last chunk of k = 3) and
 * learning rates: the initial weights bit for bit, every epoch's loss and the final weights to 1e-9 relative.
 */
class NumpyOracleTest {
    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> runs() {
        JsonNode runs = ReferenceFiles.json("generated/runs.json").get("runs");
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode run : runs) {
            TrainingConfig config = new TrainingConfig(Dataset.parse(run.get("dataset").textValue()),
                    run.get("hidden").intValue(), run.get("seed").longValue(), run.get("lr").doubleValue(),
                    run.get("batch").intValue());
            cases.add(Arguments.of(config, run));
        }
        assertThat(cases).as("fixture runs").hasSizeGreaterThanOrEqualTo(20);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void everyEpochMatchesNumpy(TrainingConfig config, JsonNode run) {
        // reference.py refuses runs where a 1-ulp nudge of the initial weights moves a loss by more than 1e-11:
        // there, summation order alone could break 1e-9, and a failure would say nothing about the engine.
        assertThat(run.get("rounding_sensitivity").doubleValue()).isLessThanOrEqualTo(TOLERANCE / 100);
        Trainer trainer = new Trainer(config);
        assertThat(trainer.weights()).as("initial weights, bit for bit")
                .isEqualTo(ReferenceFiles.weights(run.get("initial")));

        double[] expected = ReferenceFiles.doubles(run.get("losses"));
        assertThat(expected).hasSize(run.get("epochs").intValue());
        List<Double> actual = new ArrayList<>();
        trainer.runEpochs(expected.length, (epoch, loss) -> actual.add(loss));

        assertThat(trainer.diverged()).isFalse();
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertRelative("loss at epoch " + (i + 1), actual.get(i), expected[i], TOLERANCE);
        }
        assertThat(trainer.updates()).isEqualTo((long) expected.length * config.updatesPerEpoch());
        assertWeightsRelative("final weights", trainer.weights(), ReferenceFiles.weights(run.get("final")), TOLERANCE);
    }
}
