package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a run advances (step, stepEpoch, runEpochs), returns to its start (reset), and what snapshots show. */
class SteppingTest {
    private static final TrainingConfig CONFIG = TrainingConfig.NOTEBOOK;

    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void eachStepIsOneUpdateOverTheNextChunk(int batchSize) {
        Trainer trainer = new Trainer(CONFIG.withBatchSize(batchSize));
        assertThat(trainer.lastUpdate()).isNull();
        int expectedNext = 0;
        long expectedEpoch = 0;
        for (int u = 1; u <= 3 * trainer.config().updatesPerEpoch(); u++) {
            assertThat(trainer.step()).isTrue();
            UpdateTrace trace = trainer.lastUpdate();
            assertThat(trace.firstSample()).as("update %d starts at", u).isEqualTo(expectedNext);
            assertThat(trace.samples()).as("update %d chunk size", u).isEqualTo(Math.min(batchSize, 4 - expectedNext));
            assertThat(trace.epoch()).isEqualTo(expectedEpoch + 1);
            expectedNext += batchSize;
            if (expectedNext >= Dataset.SIZE) {
                expectedNext = 0;
                expectedEpoch++;
            }
            assertThat(trainer.updates()).isEqualTo(u);
            assertThat(trainer.nextSample()).as("next sample after update %d", u).isEqualTo(expectedNext);
            assertThat(trainer.epoch()).as("epochs after update %d", u).isEqualTo(expectedEpoch);
        }
        assertThat(trainer.epoch()).isEqualTo(3);
    }

    @Test
    void updatesPerEpochCountTheChunks() {
        assertThat(new int[] {CONFIG.withBatchSize(1).updatesPerEpoch(), CONFIG.withBatchSize(2).updatesPerEpoch(),
                CONFIG.withBatchSize(3).updatesPerEpoch(), CONFIG.withBatchSize(4).updatesPerEpoch()})
                .containsExactly(4, 2, 2, 1);
    }

    @ParameterizedTest(name = "batch size {0}")
    @ValueSource(ints = {1, 2, 3})
    void stepEpochFromMidEpochCompletesThatEpoch(int batchSize) {
        Trainer stepped = new Trainer(CONFIG.withBatchSize(batchSize));
        stepped.step();
        assertThat(stepped.nextSample()).isEqualTo(batchSize);
        assertThat(stepped.stepEpoch()).isTrue();
        assertThat(stepped.epoch()).isEqualTo(1);
        assertThat(stepped.nextSample()).isZero();
        assertThat(stepped.updates()).isEqualTo(stepped.config().updatesPerEpoch());

        Trainer whole = new Trainer(CONFIG.withBatchSize(batchSize));
        whole.stepEpoch();
        assertThat(stepped.weights()).isEqualTo(whole.weights());
        assertThat(stepped.loss()).isEqualTo(whole.loss());
    }

    @Test
    void stepStepEpochAndRunEpochsAreTheSameArithmetic() {
        Trainer bySteps = new Trainer(CONFIG);
        Trainer byEpochs = new Trainer(CONFIG);
        Trainer byRun = new Trainer(CONFIG);
        for (int e = 0; e < 25; e++) {
            for (int u = 0; u < 4; u++) {
                bySteps.step();
            }
            byEpochs.stepEpoch();
        }
        byRun.runEpochs(25, null);
        assertThat(bySteps.weights()).isEqualTo(byEpochs.weights()).isEqualTo(byRun.weights());
        assertThat(bySteps.loss()).isEqualTo(byEpochs.loss()).isEqualTo(byRun.loss());
    }

    @Test
    void runEpochsTellsTheListenerOncePerEpochInOrder() {
        Trainer trainer = new Trainer(CONFIG);
        List<Long> epochs = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        assertThat(trainer.runEpochs(7, (epoch, loss) -> {
            epochs.add(epoch);
            losses.add(loss);
            assertThat(trainer.epoch()).as("the trainer is at the epoch it reports").isEqualTo(epoch);
        })).isEqualTo(7);
        assertThat(epochs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(losses.get(6)).isEqualTo(trainer.loss());
        assertThat(losses.get(0)).isCloseTo(0.3239537158130419, within(1e-15)); // the notebook's epoch 1

        epochs.clear();
        trainer.runEpochs(3, (epoch, loss) -> epochs.add(epoch));
        assertThat(epochs).containsExactly(8L, 9L, 10L);
        assertThat(trainer.runEpochs(0, (epoch, loss) -> epochs.add(epoch))).isZero();
        assertThat(epochs).hasSize(3);
    }

    @Test
    void resetRestoresTheInitialWeightsExactlyAndEpochZero() {
        Trainer trainer = new Trainer(CONFIG.withBatchSize(3));
        List<Double> first = new ArrayList<>();
        trainer.runEpochs(40, (epoch, loss) -> first.add(loss));
        trainer.step();
        assertThat(trainer.weights()).isNotEqualTo(Weights.initial(2, 42));

        trainer.reset();
        assertThat(trainer.weights()).isEqualTo(Weights.initial(2, 42)).isEqualTo(trainer.initialWeights());
        assertThat(trainer.epoch()).isZero();
        assertThat(trainer.updates()).isZero();
        assertThat(trainer.nextSample()).isZero();
        assertThat(trainer.loss()).isNaN();
        assertThat(trainer.lastUpdate()).isNull();
        assertThat(trainer.snapshot().hasLoss()).isFalse();

        List<Double> again = new ArrayList<>();
        trainer.runEpochs(40, (epoch, loss) -> again.add(loss));
        assertThat(again).as("a reset run repeats its numbers exactly").isEqualTo(first);
    }

    @Test
    void aSnapshotIsNotChangedByLaterTraining() {
        Trainer trainer = new Trainer(CONFIG);
        trainer.runEpochs(3, null);
        trainer.step();
        TrainingSnapshot snapshot = trainer.snapshot();
        Weights weightsThen = Weights.of(snapshot.weights().w1(), snapshot.weights().b1(), snapshot.weights().w2(),
                snapshot.weights().b2Matrix());
        RealMatrix z1Then = snapshot.lastUpdate().z1();
        RealMatrix d1Then = snapshot.lastUpdate().d1();
        Weights afterThen = snapshot.lastUpdate().after();
        double lossThen = snapshot.loss();

        trainer.runEpochs(100, null);
        trainer.step();

        assertThat(trainer.weights()).isNotEqualTo(weightsThen);
        assertThat(snapshot.epoch()).isEqualTo(3);
        assertThat(snapshot.updates()).isEqualTo(13);
        assertThat(snapshot.nextSample()).isEqualTo(1);
        assertThat(snapshot.loss()).isEqualTo(lossThen);
        assertThat(snapshot.weights()).isEqualTo(weightsThen);
        assertThat(snapshot.lastUpdate().update()).isEqualTo(13);
        assertThat(snapshot.lastUpdate().z1()).isEqualTo(z1Then);
        assertThat(snapshot.lastUpdate().d1()).isEqualTo(d1Then);
        assertThat(snapshot.lastUpdate().after()).isEqualTo(afterThen).isEqualTo(weightsThen);
    }

    @Test
    void matricesHandedOutAreCopies() {
        Trainer trainer = new Trainer(CONFIG);
        trainer.step();
        TrainingSnapshot snapshot = trainer.snapshot();
        double w = snapshot.weights().w1(0, 0);
        snapshot.weights().w1().setEntry(0, 0, 99);
        double z = snapshot.lastUpdate().z1().getEntry(0, 0);
        snapshot.lastUpdate().z1().setEntry(0, 0, 99);
        snapshot.lastUpdate().gradW1().setEntry(0, 0, 99);
        assertThat(snapshot.weights().w1(0, 0)).isEqualTo(w);
        assertThat(snapshot.lastUpdate().z1().getEntry(0, 0)).isEqualTo(z);
        assertThat(snapshot.lastUpdate().gradW1().getEntry(0, 0)).isNotEqualTo(99);
        assertThat(trainer.weights().w1(0, 0)).isEqualTo(w);
    }

    @Test
    void aFreshRunShowsNoLossYet() {
        TrainingSnapshot snapshot = new Trainer(CONFIG).snapshot();
        assertThat(snapshot.epoch()).isZero();
        assertThat(snapshot.updates()).isZero();
        assertThat(snapshot.hasLoss()).isFalse();
        assertThat(snapshot.loss()).isNaN();
        assertThat(snapshot.lastUpdate()).isNull();
        assertThat(snapshot.diverged()).isFalse();
    }

    @Test
    void initialWeightsOfAnotherWidthAreRefused() {
        Weights threeHidden = Weights.initial(3, 42);
        assertThatThrownBy(() -> new Trainer(CONFIG, threeHidden))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initial weights have 3 hidden units but the config asks for 2");
    }

    @Test
    void givenInitialWeightsAreUsedAsTheStart() {
        Weights other = Weights.initial(2, 7);
        Trainer trainer = new Trainer(CONFIG, other);
        assertThat(trainer.initialWeights()).isEqualTo(other);
        assertThat(trainer.weights()).isEqualTo(other);
        trainer.step();
        assertThat(trainer.lastUpdate().before()).isEqualTo(other);
    }
}
