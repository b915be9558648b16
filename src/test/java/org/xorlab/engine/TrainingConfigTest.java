package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Out-of-range settings are refused with one line naming the setting, the allowed range and the bad value. */
class TrainingConfigTest {

    static Stream<Arguments> badSettings() {
        TrainingConfig ok = TrainingConfig.NOTEBOOK;
        return Stream.of(
                bad("hidden 0", () -> ok.withHidden(0), "hidden units must be a whole number from 1 to 8 (got 0)"),
                bad("hidden 9", () -> ok.withHidden(9), "hidden units must be a whole number from 1 to 8 (got 9)"),
                bad("seed -1", () -> ok.withSeed(-1), "seed must be a whole number from 0 to 4294967295 (got -1)"),
                bad("seed 2^32", () -> ok.withSeed(4_294_967_296L),
                        "seed must be a whole number from 0 to 4294967295 (got 4294967296)"),
                bad("rate 0", () -> ok.withLearningRate(0),
                        "learning rate must be a finite number greater than 0 (got 0.0)"),
                bad("rate -0.1", () -> ok.withLearningRate(-0.1),
                        "learning rate must be a finite number greater than 0 (got -0.1)"),
                bad("rate NaN", () -> ok.withLearningRate(Double.NaN),
                        "learning rate must be a finite number greater than 0 (got NaN)"),
                bad("rate infinite", () -> ok.withLearningRate(Double.POSITIVE_INFINITY),
                        "learning rate must be a finite number greater than 0 (got Infinity)"),
                bad("batch 0", () -> ok.withBatchSize(0), "batch size must be a whole number from 1 to 4 (got 0)"),
                bad("batch 5", () -> ok.withBatchSize(5), "batch size must be a whole number from 1 to 4 (got 5)"),
                bad("no dataset", () -> ok.withDataset(null), "dataset must be one of xor, and, or, xnor"),
                bad("dataset name", () -> Dataset.parse("nand"), "unknown dataset 'nand'; allowed: xor, and, or, xnor"),
                bad("initial weights for H = 9", () -> Weights.initial(9, 42),
                        "hidden units must be a whole number from 1 to 8 (got 9)"),
                bad("initial weights for seed 2^32", () -> Weights.initial(2, 1L << 32),
                        "seed must be a whole number from 0 to 4294967295 (got 4294967296)"));
    }

    private static Arguments bad(String name, Executable make, String message) {
        return Arguments.of(name, make, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void outOfRangeValuesAreRefusedWithTheAllowedRange(String name, Executable make, String message) {
        assertThatThrownBy(make::execute).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void theEdgesOfEveryRangeAreAccepted() {
        assertThatCode(() -> {
            new TrainingConfig(Dataset.XNOR, 1, 0, Double.MIN_VALUE, 1);
            new TrainingConfig(Dataset.AND, 8, 4_294_967_295L, Double.MAX_VALUE, 4);
        }).doesNotThrowAnyException();
        assertThat(Dataset.parse(" XoR ")).isEqualTo(Dataset.XOR);
    }

    @Test
    void theNotebookConfigIsTheNotebooksSettings() {
        assertThat(TrainingConfig.NOTEBOOK).isEqualTo(new TrainingConfig(Dataset.XOR, 2, 42, 0.1, 1));
    }

    @Test
    void datasetsHaveSpecTargetsInTheFixedInputOrder() {
        assertThat(new double[] {Dataset.x0(0), Dataset.x1(0), Dataset.x0(1), Dataset.x1(1), Dataset.x0(2),
                Dataset.x1(2), Dataset.x0(3), Dataset.x1(3)}).containsExactly(0, 0, 0, 1, 1, 0, 1, 1);
        assertThat(targets(Dataset.XOR)).containsExactly(0, 1, 1, 0);
        assertThat(targets(Dataset.AND)).containsExactly(0, 0, 0, 1);
        assertThat(targets(Dataset.OR)).containsExactly(0, 1, 1, 1);
        assertThat(targets(Dataset.XNOR)).containsExactly(1, 0, 0, 1);
    }

    private static double[] targets(Dataset d) {
        return new double[] {d.target(0), d.target(1), d.target(2), d.target(3)};
    }
}
