package org.xorlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Comparison;
import org.xorlab.engine.ComparisonResult;
import org.xorlab.engine.ComparisonRun;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.session.RunSettings;
import org.xorlab.session.Session;

/**
 * The window's run controller without the window: driven on the test's thread through
 * {@link TrainingLoop#runUntilIdle}, checked against a bare {@link Trainer} and the command line's {@link Comparison}.
 */
class TrainingLoopTest {
    private static final TrainingConfig SGD = TrainingConfig.NOTEBOOK;
    private static final TrainingConfig BATCH = TrainingConfig.NOTEBOOK.withBatchSize(Dataset.SIZE);

    private final List<TrainingFrame> frames = new ArrayList<>();

    /** Handles every queued command (and any Play they start, to its end) and returns the newest frame. */
    private TrainingFrame drive(TrainingLoop loop) {
        loop.runUntilIdle(frames::add);
        return frames.get(frames.size() - 1);
    }

    private static TrainingLoop trainTab(TrainingConfig config, StopRule rule) {
        return new TrainingLoop(List.of(new RunSpec("Loss", config)), rule, TrainingLoop.MAX_SPEED);
    }

    private static TrainingLoop compareTab(Budget budget, double targetLoss, TrainingConfig... configs) {
        List<RunSpec> specs = new ArrayList<>();
        for (TrainingConfig c : configs) {
            specs.add(new RunSpec(ComparisonRun.nameForBatchSize(c.batchSize()), c));
        }
        TrainingLoop loop = new TrainingLoop(specs, new StopRule(false, StopRule.MAX_EPOCHS, targetLoss),
                TrainingLoop.MAX_SPEED);
        loop.setBudget(budget);
        return loop;
    }

    /** A bare trainer after {@code epochs} epochs, and every epoch's loss on the way. */
    private static Trainer bare(TrainingConfig config, long epochs, List<Double> losses) {
        Trainer t = new Trainer(config);
        t.runEpochs(epochs, (epoch, loss) -> losses.add(loss));
        return t;
    }

    private static Trainer bare(TrainingConfig config, long epochs) {
        return bare(config, epochs, new ArrayList<>());
    }

    private static List<Double> history(RunFrame run) {
        List<Double> losses = new ArrayList<>();
        for (int i = 0; i < run.history().size(); i++) {
            losses.add(run.history().get(i));
        }
        return losses;
    }

    @Test
    void epochStepsReachTheBareEnginesWeightsAndEveryLoss() {
        TrainingConfig minibatch = new TrainingConfig(Dataset.XOR, 3, 7, 0.5, 2);
        for (TrainingConfig config : List.of(SGD, minibatch)) {
            TrainingLoop loop = trainTab(config, StopRule.DEFAULT);
            loop.step(TrainingLoop.Unit.EPOCH, 1);
            loop.step(TrainingLoop.Unit.EPOCH, 299);
            RunFrame run = drive(loop).runs().get(0);

            List<Double> losses = new ArrayList<>();
            Trainer engine = bare(config, 300, losses);
            assertThat(run.snapshot().epoch()).as("%s", config).isEqualTo(300);
            assertThat(run.snapshot().updates()).isEqualTo(engine.updates());
            assertThat(run.snapshot().weights()).isEqualTo(engine.weights());
            assertThat(run.snapshot().loss()).isEqualTo(engine.loss());
            assertThat(history(run)).isEqualTo(losses);
        }
    }

    @Test
    void updateStepsReachTheBareEnginesWeightsUpdateByUpdate() {
        TrainingLoop loop = trainTab(SGD, StopRule.DEFAULT);
        Trainer engine = new Trainer(SGD);
        for (int n = 1; n <= 9; n++) {
            loop.step(TrainingLoop.Unit.UPDATE, 1);
            engine.step();
            RunFrame run = drive(loop).runs().get(0);
            assertThat(run.snapshot().updates()).isEqualTo(n);
            assertThat(run.snapshot().weights()).as("after update %d", n).isEqualTo(engine.weights());
            assertThat(run.snapshot().lastUpdate().z1()).isEqualTo(engine.lastUpdate().z1());
        }
        // Nine SGD updates: two whole epochs and one sample into the third; each whole epoch's loss is kept.
        RunFrame run = drive(loop).runs().get(0);
        assertThat(run.snapshot().epoch()).isEqualTo(2);
        assertThat(run.snapshot().nextSample()).isEqualTo(1);
        assertThat(history(run)).containsExactly(bare(SGD, 1).loss(), bare(SGD, 2).loss());

        // An epoch step from there finishes the third epoch, not a fourth.
        loop.step(TrainingLoop.Unit.EPOCH, 1);
        assertThat(drive(loop).snapshot().weights()).isEqualTo(bare(SGD, 3).weights());
    }

    @Test
    void playStopsAtTheStopRulesEpochWithTheNumbersStepsGive() {
        // At full speed, and at a watchable speed (the other branch of Play).
        for (double speed : new double[] {TrainingLoop.MAX_SPEED, 4_000}) {
            TrainingLoop loop = trainTab(SGD, new StopRule(false, 250, 0.01));
            loop.setSpeed(speed);
            loop.play();
            TrainingFrame end = drive(loop);

            assertThat(end.playing()).isFalse();
            assertThat(end.snapshot().epoch()).as("speed %s", speed).isEqualTo(250);
            assertThat(end.snapshot().weights()).isEqualTo(bare(SGD, 250).weights());
            assertThat(end.message()).isEqualTo("Stopped after 250 epochs.");
            assertThat(frames).anyMatch(TrainingFrame::playing);

            // Play again says why it will not, and trains nothing.
            loop.play();
            TrainingFrame again = drive(loop);
            assertThat(again.snapshot().epoch()).isEqualTo(250);
            assertThat(again.message()).isEqualTo(
                    "Stopped after 250 epochs. Change the stopping rule or press Reset to go on.");
        }
    }

    @Test
    void playStopsAtTheFirstEpochBelowTheTargetLoss() {
        double target = 0.05;
        Trainer engine = new Trainer(SGD);
        while (!(engine.loss() < target)) {
            engine.stepEpoch();
        }
        long first = engine.epoch();
        assertThat(first).as("a target SGD reaches, not at once").isBetween(100L, 9_000L);

        TrainingLoop loop = trainTab(SGD, new StopRule(true, 10_000, target));
        loop.play();
        TrainingFrame end = drive(loop);
        assertThat(end.playing()).isFalse();
        assertThat(end.snapshot().epoch()).isEqualTo(first);
        assertThat(end.snapshot().weights()).isEqualTo(engine.weights());
        assertThat(end.runs().get(0).epochsToTarget()).isEqualTo(first);
        assertThat(end.runs().get(0).updatesToTarget()).isEqualTo(first * 4);
        assertThat(end.message())
                .isEqualTo("Reached loss below 0.05 at epoch " + String.format(Locale.ROOT, "%,d", first) + ".");
    }

    /** Weights that overflow at learning rate 1e12 in the first epoch (see DivergenceTest). */
    private static Weights trap() {
        return Weights.of(
                new Array2DRowRealMatrix(new double[][] {{1000, -1000}, {0, 0}}),
                new Array2DRowRealMatrix(new double[][] {{-1000}, {-1000}}),
                new Array2DRowRealMatrix(new double[][] {{1e300, 0}}),
                new Array2DRowRealMatrix(new double[][] {{-5e299}}));
    }

    @Test
    void aDivergingRunStopsPlayAndSaysWhy() {
        TrainingConfig config = SGD.withLearningRate(1e12);
        Session start = new Session(new RunSettings(config, false, 10_000, 0.01), trap(), trap(), 0, 0,
                new double[0]);
        Trainer engine = start.trainer();
        engine.runEpochs(10, null);
        assertThat(engine.divergence()).as("the trap diverges").isNotNull();

        TrainingLoop loop = trainTab(SGD, StopRule.DEFAULT);
        loop.load("Loss", start);
        loop.play();
        TrainingFrame end = drive(loop);
        assertThat(end.playing()).isFalse();
        assertThat(end.snapshot().diverged()).isTrue();
        assertThat(end.snapshot().divergence()).isEqualTo(engine.divergence());
        assertThat(end.snapshot().weights()).isEqualTo(engine.weights());
        assertThat(end.message()).isEqualTo(engine.divergence().message());

        // Neither Play nor a step trains a diverged run on.
        loop.play();
        loop.step(TrainingLoop.Unit.EPOCH, 5);
        TrainingFrame after = drive(loop);
        assertThat(after.snapshot().updates()).isEqualTo(end.snapshot().updates());
    }

    @Test
    void aBudgetOfUpdatesTrainsTheRunFurthestBehind() {
        TrainingLoop loop = compareTab(new Budget(Measure.UPDATES, 12), 0.01, SGD, BATCH);
        // SGD makes 4 updates an epoch and batch GD 1: each step trains whichever run has made fewer updates (both
        // when level), so SGD trains at steps 1, 5 and 9 and batch GD at every step.
        long[][] expected = {{4, 1}, {4, 2}, {4, 3}, {4, 4}, {8, 5}, {8, 6}, {8, 7}, {8, 8}, {12, 9}, {12, 10},
                {12, 11}, {12, 12}};
        for (long[] updates : expected) {
            loop.step(TrainingLoop.Unit.EPOCH, 1);
            TrainingFrame f = drive(loop);
            assertThat(f.runs()).extracting(r -> r.snapshot().updates()).containsExactly(updates[0], updates[1]);
        }
        TrainingFrame level = drive(loop);
        assertThat(level.runs().get(0).snapshot().weights()).isEqualTo(bare(SGD, 3).weights());
        assertThat(level.runs().get(1).snapshot().weights()).isEqualTo(bare(BATCH, 12).weights());

        // Both have spent the budget: another step trains nothing and says so.
        loop.step(TrainingLoop.Unit.EPOCH, 1);
        TrainingFrame spent = drive(loop);
        assertThat(spent.runs()).extracting(r -> r.snapshot().updates()).containsExactly(12L, 12L);
        assertThat(spent.message()).isEqualTo("Every run has trained its budget of 12 weight updates.");
    }

    @Test
    void runsSideBySideMayDifferInOptimiserAndStartFromTheConfigsOwnInitialWeights() {
        TrainingConfig deep = SGD.withHiddenLayers(4, 4);
        deep = deep.withOptions(deep.options().withActivation(org.xorlab.engine.Activation.TANH)
                .withInit(org.xorlab.engine.TrainingOptions.Init.XAVIER));
        TrainingConfig adam = deep.withOptions(deep.options().withOptimizer(
                org.xorlab.engine.TrainingOptions.Optimizer.ADAM)).withLearningRate(0.01);
        TrainingLoop loop = new TrainingLoop(List.of(new RunSpec("sgd", deep), new RunSpec("adam", adam)),
                StopRule.DEFAULT, TrainingLoop.MAX_SPEED);
        loop.step(TrainingLoop.Unit.EPOCH, 3);
        TrainingFrame f = drive(loop);
        assertThat(f.runs().get(0).snapshot().weights()).isEqualTo(bare(deep, 3).weights());
        assertThat(f.runs().get(1).snapshot().weights()).isEqualTo(bare(adam, 3).weights());
        assertThat(f.runs().get(0).weightHistory().at(0).weights()).isEqualTo(Weights.initial(deep))
                .isEqualTo(f.runs().get(1).weightHistory().at(0).weights());
        // The frame's surface is sampled with the run's activation, through both hidden layers.
        assertThat(f.runs().get(0).grid().hiddenLayers()).containsExactly(4, 4);
        assertThat(f.runs().get(0).grid().activation()).isEqualTo(org.xorlab.engine.Activation.TANH);
    }

    @Test
    void runsThatWouldNotShareTheirInitialWeightsAreRefusedNamingTheDifference() {
        TrainingConfig base = SGD.withHiddenLayers(4, 4);
        record Bad(TrainingConfig config, String says) { }
        for (Bad bad : List.of(
                new Bad(base.withHiddenLayers(4, 3), "hidden layers (4,3, not 4,4)"),
                new Bad(base.withOptions(base.options().withActivation(org.xorlab.engine.Activation.RELU)),
                        "activation (relu, not sigmoid)"),
                new Bad(base.withOptions(base.options().withInit(org.xorlab.engine.TrainingOptions.Init.HE)),
                        "initialisation (he, not uniform)"),
                new Bad(base.withSeed(7), "seed (7, not 42)"),
                new Bad(base.withDataset(Dataset.AND), "dataset (and, not xor)"))) {
            assertThatThrownBy(() -> new TrainingLoop(List.of(new RunSpec("one", base), new RunSpec("two",
                    bad.config())), StopRule.DEFAULT, TrainingLoop.MAX_SPEED))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("two differs in its " + bad.says())
                    .hasMessageContaining("may differ in optimiser, learning rate, batch size");
        }
    }

    @Test
    void withoutABudgetEpochStepsKeepTheRunsLevelOnEpochs() {
        TrainingLoop loop = new TrainingLoop(List.of(new RunSpec("sgd", SGD), new RunSpec("batch", BATCH)),
                StopRule.DEFAULT, TrainingLoop.MAX_SPEED);
        loop.step(TrainingLoop.Unit.UPDATE, 1);
        TrainingFrame one = drive(loop);
        assertThat(one.runs()).extracting(r -> r.snapshot().epoch()).containsExactly(0L, 1L);
        // SGD finishes its first epoch; batch GD, a whole epoch ahead, waits.
        loop.step(TrainingLoop.Unit.EPOCH, 1);
        TrainingFrame level = drive(loop);
        assertThat(level.runs()).extracting(r -> r.snapshot().epoch()).containsExactly(1L, 1L);
        loop.step(TrainingLoop.Unit.EPOCH, 10);
        TrainingFrame on = drive(loop);
        assertThat(on.runs().get(0).snapshot().weights()).isEqualTo(bare(SGD, 11).weights());
        assertThat(on.runs().get(1).snapshot().weights()).isEqualTo(bare(BATCH, 11).weights());
    }

    @Test
    void epochsAndUpdatesToTheTargetAreWhatTheComparisonReports() {
        for (Budget budget : List.of(Budget.epochs(10_000), new Budget(Measure.UPDATES, 30_000))) {
            TrainingLoop loop = compareTab(budget, 0.01, SGD, BATCH);
            loop.play();
            TrainingFrame end = drive(loop);
            assertThat(end.playing()).isFalse();
            assertThat(end.message()).isEqualTo("Every run has trained its budget of " + budget.describe() + ".");

            Comparison engine = new Comparison(Weights.initial(2, 42),
                    List.of(new ComparisonRun("sgd", SGD), new ComparisonRun("batch", BATCH)), 0.01, budget);
            engine.run(null);
            ComparisonResult expected = engine.result();
            ComparisonResult shown = CompareSummary.of(end, budget).result();
            for (int i = 0; i < 2; i++) {
                ComparisonResult.RunSummary e = expected.runs().get(i);
                ComparisonResult.RunSummary s = shown.runs().get(i);
                assertThat(s.epochsToTarget()).as("%s run %d", budget, i).isEqualTo(e.epochsToTarget());
                assertThat(s.updatesToTarget()).isEqualTo(e.updatesToTarget());
                assertThat(s.samplesToTarget()).isEqualTo(e.samplesToTarget());
                assertThat(s.epochs()).isEqualTo(e.epochs());
                assertThat(s.updates()).isEqualTo(e.updates());
                assertThat(s.finalLoss()).isEqualTo(e.finalLoss());
            }
            assertThat(shown.verdict().sentence()).isEqualTo(expected.verdict().sentence());
        }
        // The notebook's answer, so that the comparison above is not two equal mistakes.
        TrainingLoop loop = compareTab(Budget.epochs(10_000), 0.01, SGD, BATCH);
        loop.play();
        TrainingFrame end = drive(loop);
        assertThat(end.runs()).extracting(RunFrame::epochsToTarget).containsExactly(5_717L, 0L);
        assertThat(end.runs()).extracting(RunFrame::updatesToTarget).containsExactly(22_868L, 0L);
    }

    @Test
    void rewindingShowsTheEnginesWeightsOfThatEpochUntilLive() {
        TrainingLoop loop = trainTab(SGD, StopRule.DEFAULT);
        loop.step(TrainingLoop.Unit.EPOCH, 300);
        loop.preview(120);
        Preview shown = drive(loop).runs().get(0).preview();
        assertThat(shown.epoch()).isEqualTo(120);
        assertThat(shown.weights()).isEqualTo(bare(SGD, 120).weights());

        loop.rewindBy(20);
        assertThat(drive(loop).runs().get(0).preview().weights()).isEqualTo(bare(SGD, 100).weights());
        loop.live();
        RunFrame live = drive(loop).runs().get(0);
        assertThat(live.preview()).isNull();
        assertThat(live.shownWeights()).isEqualTo(bare(SGD, 300).weights());
    }

    @Test
    void aSavedRunResumesWithItsNumbersAndItsWayToTheTarget() {
        double target = 0.05;
        Trainer engine = new Trainer(SGD);
        while (!(engine.loss() < target)) {
            engine.stepEpoch();
        }
        long first = engine.epoch();

        TrainingLoop saved = trainTab(SGD, new StopRule(false, 10_000, target));
        saved.step(TrainingLoop.Unit.EPOCH, first + 10);
        drive(saved);
        CompletableFuture<Session> capture = saved.capture(0);
        drive(saved);
        Session session = capture.join();

        TrainingLoop resumed = trainTab(TrainingConfig.NOTEBOOK.withSeed(1), StopRule.DEFAULT);
        resumed.load("Loss", session);
        resumed.step(TrainingLoop.Unit.EPOCH, 100);
        RunFrame run = drive(resumed).runs().get(0);
        List<Double> losses = new ArrayList<>();
        Trainer straight = bare(SGD, first + 110, losses);
        assertThat(run.snapshot().weights()).isEqualTo(straight.weights());
        assertThat(history(run)).isEqualTo(losses);
        assertThat(run.epochsToTarget()).isEqualTo(first);
        assertThat(run.updatesToTarget()).isEqualTo(first * 4);
    }

    @Test
    void resetGoesBackToTheInitialWeightsAndForgetsTheRun() {
        TrainingLoop loop = trainTab(SGD, new StopRule(false, 10_000, 0.3));
        loop.step(TrainingLoop.Unit.EPOCH, 50);
        TrainingFrame trained = drive(loop);
        assertThat(trained.runs().get(0).epochsToTarget()).as("0.3 is reached early").isPositive();
        loop.reset();
        TrainingFrame reset = drive(loop);
        assertThat(reset.generation()).isGreaterThan(trained.generation());
        assertThat(reset.snapshot().epoch()).isZero();
        assertThat(reset.snapshot().weights()).isEqualTo(Weights.initial(2, 42));
        assertThat(reset.history().size()).isZero();
        assertThat(reset.runs().get(0).epochsToTarget()).isZero();
        assertThat(reset.runs().get(0).trainingNanos()).isZero();
    }
}
