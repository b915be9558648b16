package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xorlab.engine.TrainingOptions.Optimizer;

/**
 * {@link Trainer#setTracing}: with tracing off a run computes exactly the same numbers (it only keeps no trace), and
 * with it on again the next update's trace is the one a run traced throughout has.
 */
class TracingTest {
    @Test
    void aRunWithoutTracingHasTheSameNumbersBitForBit() {
        for (Optimizer optimizer : new Optimizer[] {Optimizer.SGD, Optimizer.ADAM}) {
            for (int batch : new int[] {1, 3, 4}) {
                TrainingConfig config = TrainingConfig.NOTEBOOK.withLearningRate(0.5).withBatchSize(batch)
                        .withOptions(TrainingOptions.NOTEBOOK.withOptimizer(optimizer));
                Trainer traced = new Trainer(config);
                Trainer untraced = new Trainer(config);
                untraced.setTracing(false);
                assertThat(untraced.isTracing()).isFalse();
                for (int e = 0; e < 300; e++) {
                    traced.stepEpoch();
                    untraced.stepEpoch();
                    assertThat(Double.doubleToRawLongBits(untraced.loss()))
                            .isEqualTo(Double.doubleToRawLongBits(traced.loss()));
                }
                assertThat(untraced.weights()).isEqualTo(traced.weights());
                assertThat(untraced.updates()).isEqualTo(traced.updates());
                assertThat(untraced.lastUpdate()).isNull();
                assertThat(untraced.snapshot().lastUpdate()).isNull();

                untraced.setTracing(true);
                assertThat(untraced.lastUpdate()).isNull();
                traced.step();
                untraced.step();
                UpdateTrace a = traced.lastUpdate();
                UpdateTrace b = untraced.lastUpdate();
                assertThat(b.update()).isEqualTo(a.update());
                assertThat(b.epoch()).isEqualTo(a.epoch());
                assertThat(b.loss()).isEqualTo(a.loss());
                assertThat(b.gradW1()).isEqualTo(a.gradW1());
                assertThat(b.gradB2()).isEqualTo(a.gradB2());
                assertThat(b.d1()).isEqualTo(a.d1());
                assertThat(b.after()).isEqualTo(a.after());
            }
        }
    }
}
