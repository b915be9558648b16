package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs of different losses are raced by their mean squared error, which every trainer keeps whatever it minimises. */
class YardstickTest {
    private static final TrainingConfig CROSS_ENTROPY = TrainingConfig.NOTEBOOK.withOptions(
            TrainingOptions.NOTEBOOK.withLoss(TrainingOptions.Loss.CROSS_ENTROPY));

    /**
     * With full-batch updates nothing changes within an epoch, so the epoch's squared error is the mean squared error
     * of the weights it started from, over the four samples ({@link Weights#loss}, an independent forward pass).
     */
    @Test
    void aCrossEntropyRunsSquaredErrorIsTheMeanSquaredErrorOfItsWeights() {
        Trainer t = new Trainer(CROSS_ENTROPY.withBatchSize(4));
        assertThat(t.squaredError()).isNaN();
        for (int epoch = 1; epoch <= 500; epoch++) {
            double expected = t.weights().loss(Dataset.XOR);
            t.stepEpoch();
            assertThat(t.squaredError()).as("epoch %d", epoch).isCloseTo(expected,
                    org.assertj.core.data.Offset.offset(1e-15));
            assertThat(t.squaredError()).isNotEqualTo(t.loss());
        }
    }

    /** With the squared error as the loss, the yardstick is the loss itself, bit for bit. */
    @Test
    void anMseRunsSquaredErrorIsItsLoss() {
        for (int batch = 1; batch <= 4; batch++) {
            Trainer t = new Trainer(TrainingConfig.NOTEBOOK.withBatchSize(batch));
            for (int epoch = 1; epoch <= 200; epoch++) {
                t.stepEpoch();
                assertThat(t.squaredError()).isEqualTo(t.loss());
            }
        }
    }

    /**
     * A comparison of an MSE run and a cross-entropy run counts both to the target by their squared error, and says
     * so; runs of one loss are counted by it.
     */
    @Test
    void aComparisonOfTwoLossesCountsBothByTheirSquaredError() {
        ComparisonRun mse = new ComparisonRun("MSE", TrainingConfig.NOTEBOOK);
        ComparisonRun ce = new ComparisonRun("cross-entropy", CROSS_ENTROPY);
        Comparison race = new Comparison(Weights.initial(TrainingConfig.NOTEBOOK), List.of(mse, ce), 0.01,
                Budget.epochs(3000));
        race.run(null);
        Trainer alone = new Trainer(CROSS_ENTROPY);
        long reached = 0;
        for (int epoch = 1; epoch <= 3000; epoch++) {
            alone.stepEpoch();
            if (reached == 0 && alone.squaredError() < 0.01) {
                reached = epoch;
            }
        }
        ComparisonResult result = race.result();
        assertThat(reached).as("the cross-entropy run reaches a squared error of 0.01 within 3,000 epochs").isPositive();
        assertThat(result.run("cross-entropy").epochsToTarget()).hasValue(reached);
        assertThat(result.run("cross-entropy").finalLoss()).isEqualTo(alone.squaredError());
        assertThat(Yardstick.of(List.of(TrainingConfig.NOTEBOOK, CROSS_ENTROPY))).isEqualTo(Yardstick.SQUARED_ERROR);
        assertThat(Yardstick.of(List.of(CROSS_ENTROPY, CROSS_ENTROPY.withBatchSize(4)))).isEqualTo(Yardstick.LOSS);
    }
}
