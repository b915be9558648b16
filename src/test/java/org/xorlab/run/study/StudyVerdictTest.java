package org.xorlab.run.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions.Optimizer;

/** What the study's verdict says, and that it never claims more than its numbers show. */
class StudyVerdictTest {

    /** sgd and batch GD at rates 1 and 2 over these seeds; rate 2 never gets there, so 1 is both methods' best. */
    static StudyResult study(long[] sgd, long[] batch, boolean cancelled, int finishedSeeds) {
        StudyGrid grid = StudySummaryTest.grid(sgd.length);
        List<StudyRun> runs = new ArrayList<>();
        for (int s = 0; s < finishedSeeds; s++) {
            runs.add(StudySummaryTest.run(s + 1, 1, 1.0, sgd[s]));
            runs.add(StudySummaryTest.run(s + 1, 1, 2.0, 0));
            runs.add(StudySummaryTest.run(s + 1, 4, 1.0, batch[s]));
            runs.add(StudySummaryTest.run(s + 1, 4, 2.0, 0));
        }
        return StudyResult.of(grid, runs, cancelled);
    }

    static String verdict(StudyResult r, Measure m) {
        return StudySummary.of(r, m).verdict(r.grid());
    }

    @Test
    void aClearDifferenceIsStatedWithItsEvidence() {
        long[] sgd = {100, 110, 120, 130, 140, 150, 160, 170, 180, 190};
        long[] batch = {300, 320, 340, 360, 380, 400, 420, 440, 460, 480};
        String v = verdict(study(sgd, batch, false, 10), Measure.EPOCHS);
        assertThat(v).contains("By epochs, sgd converged faster than batch in this study at their best rates (1 and 1)")
                .contains("sgd got below 0.01 first on 10 of 10 seeds, batch on 0")
                .contains("Wilcoxon signed-rank p = 0.002 over 10 seeds")
                .contains("At its best learning rate (1, the smallest tried: a smaller one might do better), sgd got"
                        + " below a loss of 0.01 on 10 of 10 seeds, in a median of 145 epochs (quartiles 122.5 to"
                        + " 167.5)")
                .endsWith("This is by epochs, over 10 seeds and the learning rates tried, within 1,000 epochs a run;"
                        + " by weight updates or samples seen the answer can differ.");
        // By weight updates sgd makes four an epoch: 400 to 760 against 300 to 480, batch GD wins.
        assertThat(verdict(study(sgd, batch, false, 10), Measure.UPDATES))
                .contains("By weight updates, batch converged faster than sgd in this study");
    }

    @Test
    void fiveSeedsCannotShowADifference() {
        long[] sgd = {100, 110, 120, 130, 140};
        long[] batch = {300, 320, 340, 360, 380};
        String v = verdict(study(sgd, batch, false, 5), Measure.EPOCHS);
        assertThat(v).doesNotContain("converged faster")
                .contains("this study does not show that sgd or batch converges faster at their best rates (1 and 1)"
                        + " (too few seeds were won for a test to show anything: at least 6 are needed)")
                .contains("p = 0.062");
    }

    @Test
    void mixedResultsAreCalledWhatTheyAre() {
        long[] sgd = {100, 300, 100, 300, 100, 300, 100, 300, 100, 300};
        long[] batch = {300, 100, 300, 100, 300, 100, 300, 100, 300, 100};
        String v = verdict(study(sgd, batch, false, 10), Measure.EPOCHS);
        assertThat(v).contains("this study does not show that sgd or batch converges faster")
                .contains("(the seeds each won could be chance)").contains("sgd got below 0.01 first on 5 of 10"
                        + " seeds, batch on 5 (sign test p = 1)");
    }

    @Test
    void aStudyUnderWayOrStoppedSaysSo() {
        long[] sgd = {100, 110, 120, 130, 140, 150, 160, 170, 180, 190};
        long[] batch = {300, 320, 340, 360, 380, 400, 420, 440, 460, 480};
        assertThat(verdict(study(sgd, batch, false, 7), Measure.EPOCHS)).startsWith("So far (28 of 40 runs):");
        assertThat(verdict(study(sgd, batch, true, 7), Measure.EPOCHS))
                .startsWith("The study was stopped after 28 of 40 runs; everything below is from the runs it finished.");
        assertThat(verdict(study(sgd, batch, false, 0), Measure.EPOCHS)).isEqualTo("No run has finished yet.");
    }

    @Test
    void whenNeitherGetsThereNothingIsClaimed() {
        long[] none = new long[8];
        String v = verdict(study(none, none, false, 8), Measure.EPOCHS);
        assertThat(v).doesNotContain("converged faster").contains("so its median run did not get there")
                .contains("neither on 8").contains("no seed got below it with both");
    }

    /**
     * Over many random studies (costs from a few distributions, failures, ties, small and large seed counts), a
     * sentence that calls one method faster is backed, on numbers recomputed here from the runs, by more seeds won,
     * a median ratio beyond the 5 % margin and p below 0.05; and the other direction is never claimed at once.
     */
    @Test
    void theVerdictNeverClaimsMoreThanItsNumbersShow() {
        Random random = new Random(13);
        int claims = 0;
        int silences = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + random.nextInt(40);
            long[] sgd = new long[n];
            long[] batch = new long[n];
            double shift = random.nextDouble() * 1.5 + 0.5;
            for (int s = 0; s < n; s++) {
                sgd[s] = random.nextInt(10) == 0 ? 0 : 50 + random.nextInt(400);
                batch[s] = random.nextInt(10) == 0 ? 0 : Math.min(999, (long) ((50 + random.nextInt(400)) * shift));
            }
            StudyResult r = study(sgd, batch, false, n);
            StudySummary summary = StudySummary.of(r, Measure.EPOCHS);
            String v = summary.verdict(r.grid());
            boolean sgdFaster = v.contains("sgd converged faster than batch");
            boolean batchFaster = v.contains("batch converged faster than sgd");
            assertThat(sgdFaster && batchFaster).isFalse();
            int sgdWins = 0;
            int batchWins = 0;
            List<Double> ratios = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                long a = sgd[s] == 0 ? Long.MAX_VALUE : sgd[s];
                long b = batch[s] == 0 ? Long.MAX_VALUE : batch[s];
                if (a != Long.MAX_VALUE && b != Long.MAX_VALUE) {
                    ratios.add((double) a / b);
                }
                // Each ran 1,000 epochs when it did not get there: always past the other's cost plus 5 %.
                if (a < Long.MAX_VALUE && (b == Long.MAX_VALUE || b * 100 > a * 105)) {
                    sgdWins++;
                } else if (b < Long.MAX_VALUE && (a == Long.MAX_VALUE || a * 100 > b * 105)) {
                    batchWins++;
                }
            }
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            StudySummary.PairedComparison pair = summary.pairs().get(0);
            double p = pair.pValue();
            double sign = binomialTwoSided(sgdWins, batchWins);
            assertThat(pair.signP()).isCloseTo(sign, within(1e-12));
            boolean wilcoxonCounts = pair.tested() >= 6;
            if (sgdFaster) {
                claims++;
                assertThat(sgdWins).as(v).isGreaterThan(batchWins);
                assertThat(sign).as(v).isLessThan(0.05);
                if (!ratios.isEmpty()) {
                    assertThat(median).as(v).isLessThan(100.0 / 105);
                }
                if (wilcoxonCounts) {
                    assertThat(p).as(v).isLessThan(0.05);
                }
            } else if (batchFaster) {
                claims++;
                assertThat(batchWins).as(v).isGreaterThan(sgdWins);
                assertThat(sign).as(v).isLessThan(0.05);
                if (!ratios.isEmpty()) {
                    assertThat(median).as(v).isGreaterThan(1.05);
                }
                if (wilcoxonCounts) {
                    assertThat(p).as(v).isLessThan(0.05);
                }
            } else {
                silences++;
                assertThat(v).contains("this study does not show that sgd or batch converges faster");
            }
            if (!Double.isNaN(median)) {
                assertThat(summary.pairs().get(0).medianRatio()).isCloseTo(median, within(1e-15));
            }
        }
        assertThat(claims).as("studies with a claim").isGreaterThan(50);
        assertThat(silences).as("studies without one").isGreaterThan(50);
    }

    /** Twice the smaller tail of Binomial(a + b, 1/2), at most 1, summed here term by term. */
    static double binomialTwoSided(int a, int b) {
        int n = a + b;
        if (n == 0) {
            return Double.NaN;
        }
        int k = Math.min(a, b);
        double tail = 0;
        double term = Math.pow(0.5, n);
        for (int i = 0; i <= k; i++) {
            tail += term;
            term = term * (n - i) / (i + 1);
        }
        return a == b ? 1.0 : Math.min(1.0, 2 * tail);
    }

    @Test
    void theNotebooksRateAloneIsJudgedByTheSeedsWonWhenOnlyOneEverGetsThere() {
        long[] sgd = {100, 110, 120, 130, 140, 150, 160, 170};
        long[] batch = new long[8];
        String v = verdict(study(sgd, batch, false, 8), Measure.EPOCHS);
        assertThat(v).contains("By epochs, sgd converged faster than batch in this study")
                .contains("sgd got below 0.01 first on 8 of 8 seeds, batch on 0 (sign test p = 0.0078)")
                .contains("no seed got below it with both, so their costs cannot be compared");
    }

    @Test
    void pValuesReadPlainly() {
        assertThat(StudyVerdict.pValue(0.0021)).isEqualTo("p = 0.0021");
        assertThat(StudyVerdict.pValue(0.5)).isEqualTo("p = 0.5");
        assertThat(StudyVerdict.pValue(1e-15)).isEqualTo("p < 1e-12");
        assertThat(Arrays.asList(Measure.values())).hasSize(3);
    }
}
