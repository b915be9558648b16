package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    private static double[] sgdReference;
    private static double[] batchReference;

    @BeforeAll
    static void readReferences() throws IOException {
        Path dir = Path.of(System.getProperty("xorlab.reference.dir"));
        sgdReference = lossColumn(dir.resolve("xor-seed42-lr0.1-sgd.csv"));
        batchReference = lossColumn(dir.resolve("xor-seed42-lr0.1-batch.csv"));
    }

    /** Loss per epoch from a reference CSV; index 0 is epoch 1. */
    private static double[] lossColumn(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("epoch,loss");
        double[] loss = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            assertThat(Long.parseLong(cells[0])).isEqualTo(i);
            loss[i - 1] = Double.parseDouble(cells[1]);
        }
        return loss;
    }

    private static void assertRelativelyClose(double actual, double expected, String what) {
        assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                .isLessThanOrEqualTo(1e-9 * Math.abs(expected));
    }

    /** The first epoch (1-based) whose loss is below the target, or 0. */
    private static long firstBelow(double[] losses, double target) {
        for (int i = 0; i < losses.length; i++) {
            if (losses[i] < target) {
                return i + 1;
            }
        }
        return 0;
    }

    @Test
    void theNotebooksQuestionSgdGetsBelowOnePercentAtEpoch5717AndBatchNever() {
        Comparison comparison = Comparison.ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(4, 1), 0.01,
                Budget.epochs(10_000));
        List<double[]> seen = new ArrayList<>();
        long ran = comparison.run((epoch, losses) -> {
            assertThat(epoch).isEqualTo(seen.size() + 1);
            seen.add(losses);
        });

        assertThat(ran).isEqualTo(10_000);
        for (int e = 0; e < 10_000; e++) {
            assertRelativelyClose(seen.get(e)[0], batchReference[e], "batch epoch " + (e + 1));
            assertRelativelyClose(seen.get(e)[1], sgdReference[e], "sgd epoch " + (e + 1));
        }
        ComparisonResult result = comparison.result();
        ComparisonResult.RunSummary batch = result.run("batch");
        ComparisonResult.RunSummary sgd = result.run("sgd");
        assertThat(result.runs()).extracting(ComparisonResult.RunSummary::name).containsExactly("batch", "sgd");
        assertThat(result.epochs()).isEqualTo(10_000);
        // SPEC.md: "SGD first drops below 0.01 at epoch 5717"; and the reference agrees.
        assertThat(sgd.epochsToTarget()).hasValue(5717);
        assertThat(sgd.epochsToTarget()).hasValue(firstBelow(sgdReference, 0.01));
        assertThat(sgd.updatesToTarget()).hasValue(5717L * 4);
        assertThat(batch.epochsToTarget()).isEmpty();
        assertThat(batch.updatesToTarget()).isEmpty();
        assertThat(firstBelow(batchReference, 0.01)).isZero();
        assertRelativelyClose(batch.finalLoss(), batchReference[9_999], "batch final loss");
        assertRelativelyClose(sgd.finalLoss(), sgdReference[9_999], "sgd final loss");
        assertThat(batch.finalLoss()).isCloseTo(0.18, within(0.005));
        assertThat(sgd.updates()).isEqualTo(40_000);
        assertThat(batch.updates()).isEqualTo(10_000);
        assertThat(sgd.samplesToTarget()).hasValue(5717L * 4);
        assertThat(batch.samples()).isEqualTo(40_000);

        // Batch GD made 10,000 updates, fewer than SGD's 22,868 (plus the margin): nothing was measured per update.
        Verdict verdict = result.verdict();
        assertThat(verdict.on(Measure.EPOCHS).json()).isEqualTo("sgd");
        assertThat(verdict.on(Measure.SAMPLES).json()).isEqualTo("sgd");
        assertThat(verdict.on(Measure.UPDATES).json()).isEqualTo("undecided");
        long settling = (long) Math.ceil(22_868 * 1.05);
        assertThat(verdict.on(Measure.UPDATES).needed()).isEqualTo(settling);
        assertThat(verdict.sentence())
                .startsWith("By epochs and by samples seen, sgd got below 0.01 first (epoch 5,717; 22,868 samples).")
                .contains("By weight updates it is undecided: batch made only 10,000 weight updates without getting"
                        + " below 0.01")
                .contains("give every run at least " + String.format("%,d", settling) + " epochs to settle it")
                .endsWith("to settle it.")
                .doesNotContain("differ in learning rate");
    }

    @Test
    void givenTheEpochsToSettleItBatchGdTiesSgdPerUpdateWithinTheMargin() {
        Comparison comparison = Comparison.ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(4, 1), 0.01,
                Budget.epochs(30_000));
        comparison.run(null);
        ComparisonResult result = comparison.result();
        long batch = result.run("batch").updatesToTarget().getAsLong();
        long sgd = result.run("sgd").updatesToTarget().getAsLong();
        assertThat(batch).isGreaterThan(sgd);
        assertThat(batch * 100).as("within 5 %").isLessThanOrEqualTo(sgd * 105);
        Verdict verdict = result.verdict();
        assertThat(verdict.on(Measure.UPDATES).json()).isEqualTo("tie");
        assertThat(verdict.on(Measure.EPOCHS).json()).isEqualTo("sgd");
        assertThat(verdict.sentence()).contains("By weight updates, sgd and batch tied: both got below 0.01 within 5 %"
                + " of each other (weight updates " + String.format("%,d", sgd) + " and " + String.format("%,d", batch)
                + ")");
    }

    @Test
    void aRaceOnEqualUpdatesGivesBatchGdFourEpochsForEachOfSgds() {
        Comparison comparison = Comparison.ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(4, 1), 0.01,
                new Budget(Measure.UPDATES, 30_000));
        comparison.run(null);
        ComparisonResult result = comparison.result();
        assertThat(result.run("sgd").updates()).isEqualTo(30_000);
        assertThat(result.run("sgd").epochs()).isEqualTo(7_500);
        assertThat(result.run("batch").updates()).isEqualTo(30_000);
        assertThat(result.run("batch").epochs()).isEqualTo(30_000);
        assertThat(result.finished()).isTrue();
        assertThat(result.verdict().on(Measure.UPDATES).json()).isEqualTo("tie");
    }

    @Test
    void whenTheLearningRatesDifferTheVerdictSaysSo() {
        Weights w = Weights.initial(2, 42);
        List<ComparisonRun> runs = List.of(
                new ComparisonRun("batch", TrainingConfig.NOTEBOOK.withBatchSize(4).withLearningRate(0.4)),
                new ComparisonRun("sgd", TrainingConfig.NOTEBOOK));
        Comparison comparison = new Comparison(w, runs, 0.01, Budget.epochs(10_000));
        comparison.run(null);
        assertThat(comparison.result().verdict().sentence()).contains("The runs differ in learning rate as well as"
                + " batch size (batch 0.4, sgd 0.1), so this compares those settings together, not batch size alone.");
    }

    @Test
    void everyRunStartsFromTheSameWeightsAndTrainsAsIfAlone() {
        TrainingConfig base = new TrainingConfig(Dataset.XNOR, 3, 7, 0.4, 1);
        Comparison comparison = Comparison.ofBatchSizes(base, List.of(2, 3, 1), 0.05, Budget.epochs(300));
        Weights initial = Weights.initial(3, 7);
        assertThat(comparison.initialWeights()).isEqualTo(initial);
        for (int r = 0; r < 3; r++) {
            assertThat(comparison.snapshot(r).weights()).isEqualTo(initial);
        }

        comparison.run(null);

        for (int r = 0; r < 3; r++) {
            int k = comparison.runs().get(r).config().batchSize();
            Trainer alone = new Trainer(base.withBatchSize(k));
            long[] first = {0};
            alone.runEpochs(300, (epoch, loss) -> {
                if (first[0] == 0 && loss < 0.05) {
                    first[0] = epoch;
                }
            });
            ComparisonResult.RunSummary run = comparison.result().runs().get(r);
            assertThat(comparison.snapshot(r).weights()).isEqualTo(alone.weights());
            assertThat(run.finalLoss()).isEqualTo(alone.loss());
            assertThat(run.epochsToTarget().orElse(0)).isEqualTo(first[0]);
            int updatesPerEpoch = (4 + k - 1) / k;
            assertThat(run.updatesToTarget().orElse(0)).isEqualTo(first[0] * updatesPerEpoch);
        }
        assertThat(comparison.runs()).extracting(ComparisonRun::name)
                .containsExactly("minibatch2", "minibatch3", "sgd");
    }

    @Test
    void whenOneRunIsFirstByEpochsAndAnotherByUpdatesTheVerdictSaysBoth() {
        TrainingConfig base = TrainingConfig.NOTEBOOK.withLearningRate(2.0);
        Comparison comparison = Comparison.ofBatchSizes(base, List.of(4, 1), 0.01, Budget.epochs(10_000));
        comparison.run(null);
        ComparisonResult result = comparison.result();
        long sgdEpochs = result.run("sgd").epochsToTarget().getAsLong();
        long batchEpochs = result.run("batch").epochsToTarget().getAsLong();

        // SGD takes 4 updates per epoch, batch 1: fewer epochs need not mean fewer updates.
        assertThat(sgdEpochs).isLessThan(batchEpochs);
        assertThat(batchEpochs).isLessThan(sgdEpochs * 4);
        Verdict verdict = result.verdict();
        assertThat(verdict.on(Measure.EPOCHS).json()).isEqualTo("sgd");
        assertThat(verdict.on(Measure.UPDATES).json()).isEqualTo("batch");
        assertThat(verdict.sentence()).contains("By epochs and by samples seen, sgd got below 0.01 first (epoch "
                + String.format("%,d", sgdEpochs)).contains("By weight updates, batch got below 0.01 first (update "
                + String.format("%,d", batchEpochs) + ")");
    }

    @Test
    void noRunReachingTheTargetIsSaidPlainly() {
        Comparison comparison = Comparison.ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(4, 1), 0.01,
                Budget.epochs(100));
        comparison.run(null);
        for (Measure m : Measure.values()) {
            assertThat(comparison.result().verdict().on(m).json()).isEqualTo("none");
        }
        assertThat(comparison.result().verdict().sentence()).isEqualTo("No run got below 0.01 in 100 epochs.");
    }

    @Test
    void theHistoryKeepsEveryEpochUpToItsBoundThenThinsEvenly() {
        Comparison small = new Comparison(Weights.initial(2, 42),
                List.of(ComparisonRun.ofBatchSize(TrainingConfig.NOTEBOOK, 4),
                        ComparisonRun.ofBatchSize(TrainingConfig.NOTEBOOK, 1)), 0.01, Budget.epochs(100), 8);
        List<double[]> seen = new ArrayList<>();
        small.run((epoch, losses) -> seen.add(losses));

        ComparisonHistory history = small.history();
        long[] epochs = history.epochs();
        assertThat(history.size()).isLessThanOrEqualTo(8 + 1);
        assertThat(epochs[0]).isEqualTo(1);
        assertThat(epochs[epochs.length - 1]).isEqualTo(100);
        long stride = epochs[1] - epochs[0];
        assertThat(Long.bitCount(stride)).isEqualTo(1);
        for (int i = 0; i < epochs.length - 1; i++) {
            assertThat(epochs[i]).isEqualTo(1 + i * stride);
        }
        for (int i = 0; i < epochs.length; i++) {
            double[] atEpoch = seen.get((int) epochs[i] - 1);
            assertThat(history.losses(0)[i]).isEqualTo(atEpoch[0]);
            assertThat(history.losses(1)[i]).isEqualTo(atEpoch[1]);
        }

        Comparison notebook = Comparison.ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(4, 1), 0.01,
                Budget.epochs(10_000));
        notebook.run(null);
        ComparisonHistory full = notebook.history();
        assertThat(full.size()).isEqualTo(10_000);
        assertThat(full.epochs()[9_999]).isEqualTo(10_000);
        assertRelativelyClose(full.losses(1)[5_716], sgdReference[5_716], "sgd epoch 5717 in the history");
    }

    @Test
    void resetStartsOverAndGivesTheSameNumbers() {
        Comparison comparison = Comparison.ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(4, 1), 0.2,
                Budget.epochs(3000));
        comparison.run(null);
        ComparisonResult first = comparison.result();
        comparison.reset();
        assertThat(comparison.epoch()).isZero();
        assertThat(comparison.history().size()).isZero();
        assertThat(comparison.result().run("sgd").epochsToTarget()).isEmpty();
        comparison.run(null);
        assertThat(comparison.result()).isEqualTo(first);
    }

    @Test
    void badSetupsAreRefusedWithAReason() {
        List<ComparisonRun> two = List.of(ComparisonRun.ofBatchSize(TrainingConfig.NOTEBOOK, 4),
                ComparisonRun.ofBatchSize(TrainingConfig.NOTEBOOK, 1));
        Weights w = Weights.initial(2, 42);
        assertThatThrownBy(() -> new Comparison(w, List.of(), 0.01, Budget.epochs(1))).hasMessageContaining("at least one run");
        assertThatThrownBy(() -> new Comparison(w, List.of(two.get(0), two.get(0)), 0.01, Budget.epochs(1)))
                .hasMessageContaining("two runs are named 'batch'");
        assertThatThrownBy(() -> new Comparison(Weights.initial(3, 42), two, 0.01, Budget.epochs(1)))
                .hasMessageContaining("hidden units");
        for (double bad : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new Comparison(w, two, bad, Budget.epochs(1)))
                    .hasMessageContaining("target loss must be a finite number greater than 0");
        }
        assertThatThrownBy(() -> new ComparisonRun("two words", TrainingConfig.NOTEBOOK))
                .hasMessageContaining("letters, digits");
    }

    @Test
    void runsAreNamedByBatchSize() {
        assertThat(ComparisonRun.nameForBatchSize(1)).isEqualTo("sgd");
        assertThat(ComparisonRun.nameForBatchSize(2)).isEqualTo("minibatch2");
        assertThat(ComparisonRun.nameForBatchSize(3)).isEqualTo("minibatch3");
        assertThat(ComparisonRun.nameForBatchSize(4)).isEqualTo("batch");
        assertThatThrownBy(() -> ComparisonRun.nameForBatchSize(5)).hasMessageContaining("batch size");
    }
}
