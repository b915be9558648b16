package org.xorlab.run.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions.Optimizer;

/**
 * The summary's statistics against values worked out here by hand or by brute force, on studies whose runs are
 * written out (not trained), so every cost is known.
 */
class StudySummaryTest {
    static final double INF = Double.POSITIVE_INFINITY;

    /** A study of seeds 1..n, rates 1 and 2, batch sizes 1 and 4, 1,000 epochs. */
    static StudyGrid grid(int seeds) {
        return new StudyGrid(TrainingConfig.NOTEBOOK, StudyTest.seeds(1, seeds), List.of(1.0, 2.0), List.of(1, 4),
                List.of(Optimizer.SGD), 0.01, Budget.epochs(1000));
    }

    /** A run of batch size k at this rate that reached the target at epoch e (0: it ran 1,000 epochs and did not). */
    static StudyRun run(long seed, int k, double rate, long e) {
        long updatesPerEpoch = 4 / k;
        long epochs = e > 0 ? e : 1000;
        return new StudyRun(seed, rate, k, Optimizer.SGD, epochs, epochs * updatesPerEpoch, epochs * 4, e,
                e * updatesPerEpoch, e * 4, 0.001, false);
    }

    @Test
    void quartilesCountRunsThatDidNotGetThereAsSlowerThanAny() {
        // sgd at rate 1: 10, 20, 30 epochs and one that did not get there. R-7: h = 3p.
        // q1: h = 0.75, 10 + 0.75 * (20 - 10) = 17.5; median: h = 1.5, 25; q3: h = 2.25, between 30 and "not reached".
        List<StudyRun> runs = new ArrayList<>();
        long[] sgd = {10, 0, 30, 20};
        for (int s = 0; s < 4; s++) {
            runs.add(run(s + 1, 1, 1.0, sgd[s]));
        }
        StudySummary summary = StudySummary.of(StudyResult.of(grid(4), runs, false), Measure.EPOCHS);
        StudySummary.Configuration c = summary.configuration(summary.best().keySet().iterator().next(), 1.0);
        assertThat(c.runs()).isEqualTo(4);
        assertThat(c.converged()).isEqualTo(3);
        assertThat(c.on(Measure.EPOCHS)).isEqualTo(new StudySummary.Quartiles(17.5, 25, INF));
        // Updates: four an epoch with batch size 1.
        assertThat(c.on(Measure.UPDATES)).isEqualTo(new StudySummary.Quartiles(70, 100, INF));
        // Rate 2 has no finished run yet: no numbers at all, and it cannot be the best.
        StudySummary.Configuration none = summary.configuration(c.method(), 2.0);
        assertThat(none.runs()).isZero();
        assertThat(none.on(Measure.EPOCHS).median()).isNaN();
        assertThat(summary.best().get(c.method())).isEqualTo(1.0);
    }

    @Test
    void theMedianIsNotReachedWhenHalfTheRunsDidNotGetThere() {
        assertThat(StudySummary.quantile(new double[] {5, 7, INF, INF}, 0.5)).isEqualTo(INF);
        assertThat(StudySummary.quantile(new double[] {5, 7, 9, INF}, 0.5)).isEqualTo(8);
        assertThat(StudySummary.quantile(new double[] {5}, 0.25)).isEqualTo(5);
        assertThat(StudySummary.quantile(new double[] {}, 0.5)).isNaN();
        // h = 0.75 * 4 = 3 exactly: the fourth value, though the fifth did not get there.
        assertThat(StudySummary.quantile(new double[] {1, 2, 3, 4, INF}, 0.75)).isEqualTo(4);
    }

    @Test
    void theBestRateHasTheLowestMedianThenTheMostConverged() {
        List<StudyRun> runs = new ArrayList<>();
        // Batch GD: rate 1 median 300, rate 2 median 200 -> 2. SGD: rate 1 and 2 both median 100, rate 2 has one
        // more that got there -> 2; ties otherwise go to the smaller rate.
        long[][] batch = {{300, 300, 300}, {200, 200, 200}};
        long[][] sgd = {{100, 100, 0}, {100, 100, 100}};
        for (int s = 0; s < 3; s++) {
            for (int r = 0; r < 2; r++) {
                runs.add(run(s + 1, 1, r + 1.0, sgd[r][s]));
                runs.add(run(s + 1, 4, r + 1.0, batch[r][s]));
            }
        }
        StudySummary summary = StudySummary.of(StudyResult.of(grid(3), runs, false), Measure.EPOCHS);
        assertThat(summary.best().values()).containsExactly(2.0, 2.0);
    }

    @Test
    void pairsAreJudgedSeedBySeedByTheCompareVerdictsRuleAndTested() {
        // Ten seeds; sgd and batch GD at rate 1 (rate 2 never gets there, so rate 1 is both methods' best).
        long[] sgd = {100, 110, 120, 130, 140, 150, 160, 170, 180, 0};
        long[] batch = {200, 112, 300, 100, 290, 400, 500, 600, 700, 0};
        List<StudyRun> runs = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            runs.add(run(s + 1, 1, 1.0, sgd[s]));
            runs.add(run(s + 1, 1, 2.0, 0));
            runs.add(run(s + 1, 4, 1.0, batch[s]));
            runs.add(run(s + 1, 4, 2.0, 0));
        }
        StudySummary summary = StudySummary.of(StudyResult.of(grid(10), runs, false), Measure.EPOCHS);
        StudySummary.PairedComparison p = summary.pairs().get(0);
        assertThat(p.first().name()).isEqualTo("sgd");
        assertThat(p.second().name()).isEqualTo("batch");
        assertThat(p.seeds()).isEqualTo(10);
        // Seed 2: 110 vs 112 is within 5 %: a tie. Seed 4: batch 100 vs 130. Seed 10: neither.
        assertThat(p.firstWins()).isEqualTo(7);
        assertThat(p.secondWins()).isEqualTo(1);
        assertThat(p.ties()).isEqualTo(1);
        assertThat(p.neither()).isEqualTo(1);
        assertThat(p.both()).isEqualTo(9);
        // Ratios sgd / batch sorted: 0.257, 0.283, 0.32, 0.375, 0.4 (seed 3), 0.483, 0.5, 0.982, 1.3: the fifth.
        assertThat(p.medianRatio()).isEqualTo(120.0 / 300);
        assertThat(p.tested()).isEqualTo(9);
        // |d| = 100, 2, 180, 30, 150, 250, 340, 430, 520: ranks 3, 1, 5, 2, 4, 6, 7, 8, 9; sgd costs more on seed 4 only.
        assertThat(p.wPlus()).isEqualTo(2);
        assertThat(p.pValue()).isCloseTo(exactTwoSided(new double[] {3, 1, 5, 2, 4, 6, 7, 8, 9}, 2), within(1e-15));
        // By hand: W = max(2, 45 - 2) = 43; the subsets of 1..9 with a sum of at least 43 are those whose complement
        // sums to at most 2: the empty set, {1} and {2}. p = 2 * 3 / 2^9.
        assertThat(p.pValue()).isCloseTo(2.0 * 3 / 512, within(1e-15));
        assertThat(p.exact()).isTrue();
    }

    @Test
    void aRunThatStoppedTooSoonLeavesItsSeedUndecided() {
        // Budget in epochs of 1,000; on updates, sgd's 400 updates to target against batch GD, which ran 1,000
        // updates without getting there: batch loses. On epochs sgd took 100 and batch GD 1,000 without: batch loses.
        // With a budget of updates 410: batch ran 410 epochs = 410 updates, sgd reached it at 400 updates; 410 is
        // under 400 + 5 %, so that seed is undecided.
        StudyGrid g = new StudyGrid(TrainingConfig.NOTEBOOK, List.of(1L), List.of(1.0), List.of(1, 4),
                List.of(Optimizer.SGD), 0.01, new Budget(Measure.UPDATES, 410));
        List<StudyRun> runs = List.of(new StudyRun(1, 1.0, 1, Optimizer.SGD, 100, 400, 400, 100, 400, 400, 0.001, false),
                new StudyRun(1, 1.0, 4, Optimizer.SGD, 410, 410, 1640, 0, 0, 0, 0.2, false));
        StudySummary s = StudySummary.of(StudyResult.of(g, runs, false), Measure.UPDATES);
        assertThat(s.pairs().get(0).undecided()).isEqualTo(1);
        assertThat(StudySummary.of(StudyResult.of(g, runs, false), Measure.EPOCHS).pairs().get(0).firstWins())
                .as("by epochs batch GD ran 410 epochs, far past sgd's 100").isEqualTo(1);
    }

    /** The counted exact p-value is Commons Math's exact test's, which enumerates every sign pattern. */
    @Test
    void theExactPValueIsCommonsMathsExactTest() {
        Random random = new Random(5);
        for (int n = 1; n <= 16; n++) {
            double[] x = new double[n];
            double[] y = new double[n];
            List<Integer> magnitudes = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                magnitudes.add(i * 3);
            }
            java.util.Collections.shuffle(magnitudes, random);
            double wPlus = 0;
            for (int i = 0; i < n; i++) {
                y[i] = 1000;
                boolean plus = random.nextBoolean();
                x[i] = 1000 + (plus ? magnitudes.get(i) : -magnitudes.get(i));
                wPlus += plus ? magnitudes.get(i) / 3 : 0;
            }
            double commons = Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, true));
            assertThat(StudySummary.exactP(n, wPlus)).as("n = %d", n).isCloseTo(commons, within(1e-14));
        }
    }

    /** The exact two-sided p of the signed-rank statistic by enumerating every sign pattern of these ranks. */
    static double exactTwoSided(double[] ranks, double wPlus) {
        int n = ranks.length;
        double total = 0;
        for (double r : ranks) {
            total += r;
        }
        double w = Math.max(wPlus, total - wPlus);
        int atLeast = 0;
        for (int mask = 0; mask < (1 << n); mask++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    sum += i + 1;
                }
            }
            if (sum >= w) {
                atLeast++;
            }
        }
        return Math.min(1, 2.0 * atLeast / (1 << n));
    }
}
