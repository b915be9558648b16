package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A run resumed from saved state at an epoch boundary goes on with exactly the numbers of the run it came from. */
class TrainerRestoreTest {

    @ParameterizedTest(name = "batch size {0}, hidden {1}, saved at epoch {2}")
    @CsvSource({"1, 2, 0", "1, 2, 137", "2, 3, 50", "3, 1, 9", "4, 8, 300"})
    void aRestoredRunContinuesExactlyAsTheUninterruptedOne(int batchSize, int hidden, int savedAt) {
        TrainingConfig config = new TrainingConfig(Dataset.XOR, hidden, 42, 0.5, batchSize);
        Trainer whole = new Trainer(config);
        whole.runEpochs(savedAt, null);
        Trainer restored = Trainer.restore(config, whole.initialWeights(), whole.weights(), whole.epoch(),
                whole.updates(), whole.loss());

        List<Double> wholeLosses = new ArrayList<>();
        List<Double> restoredLosses = new ArrayList<>();
        whole.runEpochs(200, (e, loss) -> wholeLosses.add(loss));
        restored.runEpochs(200, (e, loss) -> restoredLosses.add(loss));

        assertThat(restoredLosses).isEqualTo(wholeLosses);
        assertThat(restored.weights()).isEqualTo(whole.weights());
        assertThat(restored.epoch()).isEqualTo(savedAt + 200L);
        assertThat(restored.updates()).isEqualTo(whole.updates());
    }

    @Test
    void aRestoredRunShowsItsStateAndResetsToItsInitialWeights() {
        Trainer whole = new Trainer(TrainingConfig.NOTEBOOK);
        whole.runEpochs(12, null);
        Weights start = Weights.initial(2, 7);
        Trainer restored = Trainer.restore(TrainingConfig.NOTEBOOK, start, whole.weights(), 12, 48, whole.loss());

        TrainingSnapshot s = restored.snapshot();
        assertThat(s.epoch()).isEqualTo(12);
        assertThat(s.updates()).isEqualTo(48);
        assertThat(s.nextSample()).isZero();
        assertThat(s.loss()).isEqualTo(whole.loss());
        assertThat(s.weights()).isEqualTo(whole.weights());
        assertThat(s.lastUpdate()).isNull();
        assertThat(s.diverged()).isFalse();

        restored.reset();
        assertThat(restored.weights()).isEqualTo(start);
        assertThat(restored.epoch()).isZero();
    }

    @Test
    void outOfRangeStateIsRefusedNamingTheValue() {
        TrainingConfig c = TrainingConfig.NOTEBOOK;
        Weights w = Weights.initial(2, 42);
        assertThatThrownBy(() -> Trainer.restore(c, w, Weights.initial(3, 42), 1, 4, 0.3))
                .hasMessage("current weights have 3 hidden units but the config asks for 2");
        assertThatThrownBy(() -> Trainer.restore(c, Weights.initial(3, 42), w, 1, 4, 0.3))
                .hasMessage("initial weights have 3 hidden units but the config asks for 2");
        assertThatThrownBy(() -> Trainer.restore(c, w, w, -1, 0, Double.NaN))
                .hasMessage("epoch must be 0 or more (got -1)");
        assertThatThrownBy(() -> Trainer.restore(c, w, w, 10, 9, 0.3))
                .hasMessage("after 10 epochs the updates must be from 10 to 40 (got 9)");
        assertThatThrownBy(() -> Trainer.restore(c, w, w, 10, 41, 0.3))
                .hasMessage("after 10 epochs the updates must be from 10 to 40 (got 41)");
        assertThatThrownBy(() -> Trainer.restore(c, w, w, 10, 40, Double.NaN))
                .hasMessage("the last epoch's loss must be a number from 0 to 1 (got NaN)");
        assertThatThrownBy(() -> Trainer.restore(c, w, w, 10, 40, 1.5))
                .hasMessage("the last epoch's loss must be a number from 0 to 1 (got 1.5)");
        assertThatThrownBy(() -> Trainer.restore(c, w, w, 0, 0, 0.2))
                .hasMessage("there is no loss before the first epoch (got 0.2)");
        assertThatThrownBy(() -> Trainer.restore(c, w, w, Long.MAX_VALUE, 5, 0.2))
                .hasMessageStartingWith("after 9223372036854775807 epochs the updates must be from");
    }
}
