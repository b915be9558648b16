package org.xorlab.run.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Verdict;

/**
 * The statistics of a study on one measure: per configuration how many runs reached the target and the quartiles of
 * their cost; each method's best learning rate; and the paired comparison of every two methods at their best rates.
 * Computed from a {@link StudyResult}, so a study under way, cancelled or merged from shards is summarised alike.
 * Immutable.
 *
 * <p>Definitions (tools/study_reference.py computes the same independently):
 * <ul>
 * <li>A run that did not reach the target costs more than any that did: the quartiles are taken over all of a
 *     configuration's finished runs with those counted as infinite, by NumPy's default ("linear", R-7) rule; a quartile
 *     that falls on or between such runs is {@link Double#POSITIVE_INFINITY}, "not reached".</li>
 * <li>A method's best rate minimises the median cost, then has the most runs that reached the target, then is the
 *     smallest.</li>
 * <li>Two methods are compared seed by seed at their best rates, on the seeds where both runs have finished, by the
 *     Compare verdict's rule ({@link Verdict#pair}, its {@value Verdict#MARGIN_PERCENT} % margin). On the seeds where
 *     both reached the target: the median of the ratio of costs (first / second), and the two-sided Wilcoxon
 *     signed-rank test of the costs. Differences of zero are left out first (Wilcoxon's own rule); tied differences
 *     get the average rank. The p-value is exact ({@link #exactP}) up to 30 seeds without tied differences, else the
 *     normal approximation with SciPy's tie and continuity corrections ({@link #normalP}). Over all paired seeds, the
 *     sign test of the seeds each won.</li>
 * </ul>
 *
 * @param measure        what the costs count
 * @param done           runs finished
 * @param total          runs in the grid
 * @param cancelled      true if the study was stopped before the end
 * @param configurations one per method and rate, methods in the grid's order, then rates
 * @param best           each method's best rate among those tried (absent for a method with no finished run)
 * @param pairs          every two methods, in the grid's order (first before second)
 */
public record StudySummary(Measure measure, long done, long total, boolean cancelled,
                           List<Configuration> configurations, Map<StudyMethod, Double> best, List<PairedComparison> pairs) {

    public StudySummary {
        configurations = List.copyOf(configurations);
        best = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(best));
        pairs = List.copyOf(pairs);
    }

    /** The quartiles of a cost: each NaN if there is no run yet, infinite if it is "not reached". */
    public record Quartiles(double q1, double median, double q3) {
    }

    /**
     * One method at one rate.
     *
     * @param runs      runs finished
     * @param converged of them, the runs that reached the target
     * @param diverged  of them, the runs that diverged
     * @param quartiles the cost to the target on each measure
     */
    public record Configuration(StudyMethod method, double learningRate, int runs, int converged, int diverged,
                                Map<Measure, Quartiles> quartiles) {
        public Configuration {
            quartiles = java.util.Collections.unmodifiableMap(new EnumMap<>(quartiles));
        }

        public Quartiles on(Measure m) {
            return quartiles.get(m);
        }
    }

    /**
     * Two methods, seed by seed, each at its best rate.
     *
     * @param seeds       seeds where both runs have finished
     * @param firstWins   seeds where the first got below the target first (beyond the margin)
     * @param secondWins  seeds where the second did
     * @param ties        seeds where both got there within the margin
     * @param undecided   seeds where one got there and the other stopped too soon to tell
     * @param neither     seeds where neither got there
     * @param both        seeds where both got there: those the ratio and the test are taken on
     * @param medianRatio the median of first / second cost over those seeds, NaN if none
     * @param tested      of those, seeds with a difference (the test's sample size)
     * @param wPlus       the sum of the ranks of the seeds where the first cost more
     * @param pValue      the two-sided Wilcoxon signed-rank p-value, NaN if no seed was tested
 * @param exact       true if it is exact (up to 30 seeds without tied differences), false if the normal
 *                    approximation
 * @param signP       the two-sided sign test's p-value of the seeds won (firstWins against secondWins, an even
 *                    chance each under no difference), NaN if neither won a seed: it counts the seeds where only one
 *                    got there, which the signed-rank test cannot
     */
    public record PairedComparison(StudyMethod first, double firstRate, StudyMethod second, double secondRate,
                                   int seeds, int firstWins, int secondWins, int ties, int undecided, int neither,
                                   int both, double medianRatio, int tested, double wPlus, double pValue,
                                   boolean exact, double signP) {
    }

    /** The configuration of {@code method} at {@code rate}. */
    public Configuration configuration(StudyMethod method, double rate) {
        return configurations.stream().filter(c -> c.method().equals(method) && c.learningRate() == rate)
                .findFirst().orElseThrow();
    }

    /** The summary of {@code result} on {@code measure}. */
    public static StudySummary of(StudyResult result, Measure measure) {
        StudyGrid grid = result.grid();
        List<StudyMethod> methods = grid.methods();
        int seedCount = grid.seeds().size();
        int rates = grid.learningRates().size();
        List<Configuration> configurations = new ArrayList<>();
        Map<StudyMethod, Double> best = new LinkedHashMap<>();
        for (int m = 0; m < methods.size(); m++) {
            Configuration bestConfig = null;
            for (int r = 0; r < rates; r++) {
                List<StudyRun> runs = new ArrayList<>();
                for (int s = 0; s < seedCount; s++) {
                    StudyRun run = result.run(index(grid, s, m, r));
                    if (run != null) {
                        runs.add(run);
                    }
                }
                Configuration c = configuration(methods.get(m), grid.learningRates().get(r), runs);
                configurations.add(c);
                if (c.runs() > 0 && (bestConfig == null || better(c, bestConfig, measure))) {
                    bestConfig = c;
                }
            }
            if (bestConfig != null) {
                best.put(methods.get(m), bestConfig.learningRate());
            }
        }
        List<PairedComparison> pairs = new ArrayList<>();
        for (int a = 0; a < methods.size(); a++) {
            for (int b = a + 1; b < methods.size(); b++) {
                Double rateA = best.get(methods.get(a));
                Double rateB = best.get(methods.get(b));
                if (rateA != null && rateB != null) {
                    pairs.add(pair(result, measure, methods.get(a), a, rateA, methods.get(b), b, rateB));
                }
            }
        }
        return new StudySummary(measure, result.done(), result.total(), result.cancelled(), configurations, best,
                pairs);
    }

    private static long index(StudyGrid grid, int seed, int method, int rate) {
        return (long) seed * grid.runsPerSeed() + (long) method * grid.learningRates().size() + rate;
    }

    /** Lower median, then more converged, then the smaller rate. */
    private static boolean better(Configuration c, Configuration than, Measure m) {
        int byMedian = Double.compare(c.on(m).median(), than.on(m).median());
        if (byMedian != 0) {
            return byMedian < 0;
        }
        if (c.converged() != than.converged()) {
            return c.converged() > than.converged();
        }
        return c.learningRate() < than.learningRate();
    }

    private static Configuration configuration(StudyMethod method, double rate, List<StudyRun> runs) {
        Map<Measure, Quartiles> quartiles = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            double[] costs = new double[runs.size()];
            for (int i = 0; i < costs.length; i++) {
                OptionalLong c = runs.get(i).toTarget(m);
                costs[i] = c.isPresent() ? c.getAsLong() : Double.POSITIVE_INFINITY;
            }
            Arrays.sort(costs);
            quartiles.put(m, new Quartiles(quantile(costs, 0.25), quantile(costs, 0.5), quantile(costs, 0.75)));
        }
        int converged = (int) runs.stream().filter(StudyRun::reachedTarget).count();
        int diverged = (int) runs.stream().filter(StudyRun::diverged).count();
        return new Configuration(method, rate, runs.size(), converged, diverged, quartiles);
    }

    /**
     * NumPy's default ("linear", R-7) quantile of sorted values, where an infinite value is "not reached": the result
     * is infinite when it would fall on or between such values, NaN with no values.
     */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        double f = h - lo;
        if (Double.isInfinite(sorted[lo]) || (f > 0 && Double.isInfinite(sorted[lo + 1]))) {
            return Double.POSITIVE_INFINITY;
        }
        return f == 0 ? sorted[lo] : sorted[lo] + f * (sorted[lo + 1] - sorted[lo]);
    }

    private static PairedComparison pair(StudyResult result, Measure m, StudyMethod first, int a, double rateA,
                                         StudyMethod second, int b, double rateB) {
        StudyGrid grid = result.grid();
        int ra = grid.learningRates().indexOf(rateA);
        int rb = grid.learningRates().indexOf(rateB);
        int seeds = 0;
        int[] outcomes = new int[Verdict.Pair.values().length];
        List<double[]> both = new ArrayList<>();
        for (int s = 0; s < grid.seeds().size(); s++) {
            StudyRun x = result.run(index(grid, s, a, ra));
            StudyRun y = result.run(index(grid, s, b, rb));
            if (x == null || y == null) {
                continue;
            }
            seeds++;
            outcomes[Verdict.pair(x.toTarget(m), x.ran(m), x.diverged(), y.toTarget(m), y.ran(m), y.diverged())
                    .ordinal()]++;
            if (x.reachedTarget() && y.reachedTarget()) {
                both.add(new double[] {x.toTarget(m).getAsLong(), y.toTarget(m).getAsLong()});
            }
        }
        double[] ratios = both.stream().mapToDouble(c -> c[0] / c[1]).sorted().toArray();
        double[] xs = both.stream().filter(c -> c[0] != c[1]).mapToDouble(c -> c[0]).toArray();
        double[] ys = both.stream().filter(c -> c[0] != c[1]).mapToDouble(c -> c[1]).toArray();
        double wPlus = 0;
        double p = Double.NaN;
        boolean exact = false;
        if (xs.length > 0) {
            double[] diffs = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                diffs[i] = Math.abs(xs[i] - ys[i]);
            }
            double[] ranks = new NaturalRanking(TiesStrategy.AVERAGE).rank(diffs);
            for (int i = 0; i < xs.length; i++) {
                if (xs[i] > ys[i]) {
                    wPlus += ranks[i];
                }
            }
            exact = xs.length <= EXACT_UP_TO && Arrays.stream(diffs).distinct().count() == diffs.length;
            p = exact ? exactP(xs.length, wPlus) : normalP(ranks, wPlus);
        }
        return new PairedComparison(first, rateA, second, rateB, seeds, outcomes[Verdict.Pair.FIRST.ordinal()],
                outcomes[Verdict.Pair.SECOND.ordinal()], outcomes[Verdict.Pair.TIE.ordinal()],
                outcomes[Verdict.Pair.UNDECIDED.ordinal()], outcomes[Verdict.Pair.NEITHER.ordinal()], both.size(),
                quantile(ratios, 0.5), xs.length, wPlus, p, exact,
                signP(outcomes[Verdict.Pair.FIRST.ordinal()], outcomes[Verdict.Pair.SECOND.ordinal()]));
    }

    /**
     * The exact two-sided sign test of {@code a} wins against {@code b} at even odds: twice the smaller tail of
     * Binomial(a + b, 1/2), at most 1 (as SciPy's {@code binomtest}). Not Commons Math's {@code BinomialTest}, whose
     * two-sided p-value for a draw (2 wins each) is 0.625 rather than 1.
     */
    static double signP(int a, int b) {
        if (a + b == 0) {
            return Double.NaN;
        }
        return Math.min(1.0, 2 * new BinomialDistribution(null, a + b, 0.5).cumulativeProbability(Math.min(a, b)));
    }

    /**
     * The exact two-sided p-value of the signed-rank statistic of {@code n} untied ranks 1..n: twice the share of
     * the 2^n sign patterns whose rank sum is at least W = max(W+, n(n+1)/2 - W+), at most 1. The same number as
     * Commons Math's {@code WilcoxonSignedRankTest} (exact), which enumerates the 2^n patterns one by one: 2^30 of
     * them took seconds per test, so the patterns are counted by their sums here (n^3 / 2 steps).
     */
    static double exactP(int n, double wPlus) {
        int total = n * (n + 1) / 2;
        double w = Math.max(wPlus, total - wPlus);
        double[] ways = new double[total + 1];
        ways[0] = 1;
        for (int r = 1; r <= n; r++) {
            for (int sum = total; sum >= r; sum--) {
                ways[sum] += ways[sum - r];
            }
        }
        double atLeast = 0;
        for (int sum = (int) Math.ceil(w); sum <= total; sum++) {
            atLeast += ways[sum];
        }
        return Math.min(1.0, 2 * atLeast / Math.pow(2, n));
    }

    /**
     * The two-sided p-value of the signed-rank statistic by the normal approximation, with the variance corrected
     * for tied ranks and the continuity correction of half a rank towards the mean (as SciPy's {@code wilcoxon}).
     * Not Commons Math's: its 3.6.1 applies the correction away from the mean (z = (W - E - 0.5) / sd for the
     * smaller W), which gives a p-value a little too small, and it ignores ties.
     */
    static double normalP(double[] ranks, double wPlus) {
        int n = ranks.length;
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0;
        double[] sorted = ranks.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            variance -= (t * t * t - t) / 48.0;
            i = j;
        }
        if (variance <= 0) {
            return 1.0;
        }
        double distance = Math.max(0, Math.abs(wPlus - mean) - 0.5);
        return Math.min(1.0, 2 * new NormalDistribution(0, 1).cumulativeProbability(-distance
                / Math.sqrt(variance)));
    }

    /** The most seeds Commons Math's test computes the exact p-value for. */
    static final int EXACT_UP_TO = 30;

    /** The verdict on this summary, for a person to read. */
    public String verdict(StudyGrid grid) {
        return StudyVerdict.sentence(grid, this);
    }
}
