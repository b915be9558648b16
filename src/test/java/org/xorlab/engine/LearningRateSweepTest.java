package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xorlab.text.NumberText;

/**
 * Learning rates from 1e-6 to 1e6 (half decades) on every dataset, batch size and a spread of widths: each run
 * either trains with finite weights and losses or stops with a divergence naming its epoch; none throws.
 */
class LearningRateSweepTest {
    private static final int EPOCHS = 300;

    @ParameterizedTest
    @EnumSource(Dataset.class)
    void everyRateTrainsOrReportsDivergence(Dataset dataset) {
        List<String> diverged = new ArrayList<>();
        int runs = 0;
        for (int exponent = -12; exponent <= 12; exponent++) {
            double rate = Math.pow(10, exponent / 2.0);
            for (int batch = 1; batch <= 4; batch++) {
                for (int hidden : new int[] {1, 2, 8}) {
                    TrainingConfig config = new TrainingConfig(dataset, hidden, 7L * exponent + batch + 1000, rate, batch);
                    Trainer trainer = new Trainer(config);
                    List<Double> losses = new ArrayList<>();
                    long done = trainer.runEpochs(EPOCHS, (epoch, loss) -> losses.add(loss));
                    runs++;
                    assertThat(trainer.weights().isFinite()).as("%s", config).isTrue();
                    assertThat(losses).as("%s", config).allMatch(l -> Double.isFinite(l) && l >= 0 && l <= 1);
                    if (trainer.diverged()) {
                        Divergence d = trainer.divergence();
                        assertThat(done).isLessThan(EPOCHS);
                        assertThat(d.epoch()).isEqualTo(done + 1);
                        assertThat(d.message()).contains("epoch " + NumberText.count(d.epoch()));
                        diverged.add(config.toString());
                    } else {
                        assertThat(done).as("%s", config).isEqualTo(EPOCHS);
                        assertThat(trainer.epoch()).isEqualTo(EPOCHS);
                    }
                }
            }
        }
        assertThat(runs).isEqualTo(25 * 4 * 3);
    }
}
