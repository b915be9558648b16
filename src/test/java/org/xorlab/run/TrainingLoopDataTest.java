package org.xorlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.PointCloud;
import org.xorlab.engine.Samples;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;

/**
 * The run controller on data beyond the truth tables: each epoch's test loss kept beside the training loss (through
 * rewind, cleared by reset) and the accuracy at threshold 0.5 of the weights shown, checked against a bare trainer
 * and sums and counts made here from the network's predictions.
 */
class TrainingLoopDataTest {
    private static final Data CIRCLE = Data.split("circle", PointCloud.CIRCLE.generate(60, 0.1, 3), 0.3, 3);
    private static final TrainingOptions OPTIONS = TrainingOptions.NOTEBOOK.withData(CIRCLE)
            .withFeatures(List.of(Feature.X1, Feature.X2, Feature.X1SQ, Feature.X2SQ));
    private static final TrainingConfig CONFIG = new TrainingConfig(Dataset.XOR, 4, 5, 0.3, 5, OPTIONS);

    private final List<TrainingFrame> frames = new ArrayList<>();

    private RunFrame drive(TrainingLoop loop) {
        loop.runUntilIdle(frames::add);
        return frames.get(frames.size() - 1).runs().get(0);
    }

    private static TrainingLoop trainTab(TrainingConfig config) {
        return new TrainingLoop(List.of(new RunSpec("Loss", config)), StopRule.DEFAULT, TrainingLoop.MAX_SPEED);
    }

    /** Mean squared error over the points, summed here from the network's own predictions. */
    private static double meanSquaredError(Weights w, Samples points, TrainingOptions options) {
        double total = 0;
        for (int i = 0; i < points.size(); i++) {
            double e = points.y(i) - w.predict(options, points.x1(i), points.x2(i));
            total += e * e;
        }
        return total / points.size();
    }

    /** The fraction of the points whose prediction lies on their class's side of 0.5, counted here. */
    private static double handCount(Weights w, Samples points, TrainingOptions options) {
        int right = 0;
        for (int i = 0; i < points.size(); i++) {
            boolean saysOne = w.predict(options, points.x1(i), points.x2(i)) >= 0.5;
            right += saysOne == (points.y(i) >= 0.5) ? 1 : 0;
        }
        return (double) right / points.size();
    }

    @Test
    void theSplitHoldsPointsOutAndTheConfigTrainsOnTheRest() {
        assertThat(CIRCLE.test().size()).isEqualTo(18);
        assertThat(CONFIG.sampleCount()).isEqualTo(42);
        assertThat(CONFIG.inputs()).isEqualTo(4);
    }

    @Test
    void everyEpochsTestLossIsTheLossOfThatEpochsWeightsOnTheHeldOutPoints() {
        TrainingLoop loop = trainTab(CONFIG);
        loop.step(TrainingLoop.Unit.EPOCH, 25);
        RunFrame run = drive(loop);
        assertThat(run.hasTest()).isTrue();
        assertThat(run.testHistory().size()).isEqualTo(25);
        assertThat(run.history().size()).isEqualTo(25);

        Trainer bare = new Trainer(CONFIG);
        for (int epoch = 1; epoch <= 25; epoch++) {
            bare.runEpochs(1, (e, loss) -> { });
            double expected = meanSquaredError(bare.weights(), CIRCLE.test(), OPTIONS);
            assertThat(run.testHistory().get(epoch - 1)).as("test loss of epoch %d", epoch)
                    .isCloseTo(expected, within(1e-12));
            assertThat(run.history().get(epoch - 1)).as("training loss of epoch %d", epoch)
                    .isNotEqualTo(run.testHistory().get(epoch - 1));
        }
        assertThat(run.snapshot().testLoss()).isEqualTo(run.testHistory().get(24));
    }

    @Test
    void accuracyIsTheHandCountOfTheShownWeightsOnEachSet() {
        TrainingLoop loop = trainTab(CONFIG);
        RunFrame start = drive(loop);
        Weights initial = start.shownWeights();
        assertThat(start.accuracy()).isEqualTo(handCount(initial, CIRCLE.train(), OPTIONS));
        assertThat(start.testAccuracy()).isEqualTo(handCount(initial, CIRCLE.test(), OPTIONS));

        loop.step(TrainingLoop.Unit.EPOCH, 200);
        RunFrame trained = drive(loop);
        Weights w = trained.shownWeights();
        assertThat(trained.accuracy()).isEqualTo(handCount(w, CIRCLE.train(), OPTIONS));
        assertThat(trained.testAccuracy()).isEqualTo(handCount(w, CIRCLE.test(), OPTIONS));
        // 200 epochs with the squares as features learn a circle: most points come out right.
        assertThat(trained.accuracy()).isGreaterThan(0.8);
    }

    @Test
    void rewindingKeepsBothHistoriesAndShowsTheEarlierEpochsAccuracy() {
        TrainingLoop loop = trainTab(CONFIG);
        loop.step(TrainingLoop.Unit.EPOCH, 60);
        RunFrame live = drive(loop);
        List<Double> testLosses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            testLosses.add(live.testHistory().get(i));
        }

        loop.preview(10);
        RunFrame rewound = drive(loop);
        assertThat(rewound.preview().epoch()).isEqualTo(10);
        assertThat(rewound.testHistory().size()).isEqualTo(60);
        for (int i = 0; i < 60; i++) {
            assertThat(rewound.testHistory().get(i)).isEqualTo(testLosses.get(i));
        }
        Weights tenth = rewound.shownWeights();
        assertThat(rewound.accuracy()).isEqualTo(handCount(tenth, CIRCLE.train(), OPTIONS));
        assertThat(rewound.testAccuracy()).isEqualTo(handCount(tenth, CIRCLE.test(), OPTIONS));

        loop.live();
        RunFrame back = drive(loop);
        assertThat(back.accuracy()).isEqualTo(handCount(back.shownWeights(), CIRCLE.train(), OPTIONS));
    }

    @Test
    void resetForgetsTheTestLosses() {
        TrainingLoop loop = trainTab(CONFIG);
        loop.step(TrainingLoop.Unit.EPOCH, 5);
        assertThat(drive(loop).testHistory().size()).isEqualTo(5);
        loop.reset();
        RunFrame reset = drive(loop);
        assertThat(reset.testHistory().size()).isZero();
        assertThat(reset.history().size()).isZero();
    }

    @Test
    void aTruthTableHasNoTestSetAndCountsItsFourRows() {
        TrainingLoop loop = trainTab(TrainingConfig.NOTEBOOK);
        loop.step(TrainingLoop.Unit.EPOCH, 3000);
        RunFrame run = drive(loop);
        assertThat(run.hasTest()).isFalse();
        assertThat(run.testHistory().size()).isZero();
        assertThat(run.testAccuracy()).isNaN();
        Samples xor = Samples.of(Dataset.XOR);
        assertThat(run.accuracy())
                .isEqualTo(handCount(run.shownWeights(), xor, TrainingOptions.NOTEBOOK))
                .isIn(0.0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void savingInTheMiddleOfAnEpochCountsTheDatasSamples() {
        TrainingLoop loop = trainTab(CONFIG);
        loop.step(TrainingLoop.Unit.UPDATE, 2);
        drive(loop);
        var saved = loop.capture(0);
        drive(loop);
        assertThat(saved).isCompletedExceptionally();
        assertThat(saved.handle((s, e) -> e.getMessage()).join()).contains("10 of 42 samples into epoch 1");
    }

    @Test
    void runsSideBySideMustShareTheirDataAndFeatures() {
        TrainingConfig otherFeatures = CONFIG.withOptions(OPTIONS.withFeatures(Feature.DEFAULT));
        assertThatThrownBy(() -> new TrainingLoop(List.of(new RunSpec("a", CONFIG), new RunSpec("b", otherFeatures)),
                StopRule.DEFAULT, TrainingLoop.MAX_SPEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b differs in its input features (x1,x2, not x1,x2,x1sq,x2sq)");
        TrainingConfig truthTable = CONFIG.withBatchSize(1).withOptions(OPTIONS.onTruthTable());
        assertThatThrownBy(() -> new TrainingLoop(List.of(new RunSpec("a", CONFIG), new RunSpec("b", truthTable)),
                StopRule.DEFAULT, TrainingLoop.MAX_SPEED))
                .hasMessageContaining("b differs in its data (the xor truth table, not circle (42 training, 18 test))");
        TrainingConfig fullBatch = CONFIG.withBatchSize(42);
        assertThat(drive(new TrainingLoop(List.of(new RunSpec("a", CONFIG), new RunSpec("b", fullBatch)),
                StopRule.DEFAULT, TrainingLoop.MAX_SPEED)).shownWeights()).isNotNull();
    }
}
