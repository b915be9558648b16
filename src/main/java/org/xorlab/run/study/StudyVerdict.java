package org.xorlab.run.study;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Verdict;
import org.xorlab.text.NumberText;

/**
 * The study's verdict in plain words, by the fairness rules of the Compare verdict ({@link Verdict}) and with its
 * uncertainty. One method is called faster than another only when, at each one's best rate, it got below the
 * target first on more seeds than the other, its median cost on the seeds where both got there is more than the
 * {@value Verdict#MARGIN_PERCENT} % margin lower, and the Wilcoxon signed-rank test gives p below 0.05 (divided by
 * the number of pairs when more than two methods are compared). Otherwise the sentence says the study does not show
 * a difference, and why. It always names each method's best rate, says when that rate is at the edge of those
 * tried, how many runs did not reach the target, and that another measure can give another answer.
 */
public final class StudyVerdict {
    /** The significance level of one comparison. */
    public static final double ALPHA = 0.05;
    /**
     * The fewest seeds whose exact p-value can fall below 0.05, in the sign test and the signed-rank test alike
     * (2 / 2^5 = 0.0625 with 5).
     */
    static final int FEWEST_FOR_TEST = 6;

    private StudyVerdict() {
    }

    /** The verdict on {@code summary} of a study of {@code grid}. */
    public static String sentence(StudyGrid grid, StudySummary summary) {
        List<String> s = new ArrayList<>();
        if (summary.done() == 0) {
            return "No run has finished yet.";
        }
        if (summary.cancelled()) {
            s.add("The study was stopped after " + NumberText.count(summary.done()) + " of "
                    + NumberText.count(summary.total()) + " runs; everything below is from the runs it finished.");
        } else if (summary.done() < summary.total()) {
            s.add("So far (" + NumberText.count(summary.done()) + " of " + NumberText.count(summary.total())
                    + " runs):");
        }
        Measure m = summary.measure();
        String target = target(grid);
        for (StudyMethod method : grid.methods()) {
            Double rate = summary.best().get(method);
            if (rate != null) {
                s.add(best(grid, summary, method, rate, target));
            }
        }
        int pairs = summary.pairs().size();
        double alpha = pairs > 1 ? ALPHA / pairs : ALPHA;
        for (StudySummary.PairedComparison p : summary.pairs()) {
            s.add(pair(p, m, alpha, pairs, target));
        }
        if (!summary.pairs().isEmpty()) {
            s.add("This is by " + m.plural() + ", over " + seeds(grid.seeds().size()) + " and the "
                    + (grid.learningRates().size() == 1 ? "one learning rate" : "learning rates") + " tried, within "
                    + grid.budget().describe() + " a run; by " + others(m) + " the answer can differ.");
        }
        return String.join(" ", s);
    }

    private static String target(StudyGrid grid) {
        String number = NumberText.plain(grid.targetLoss());
        return grid.base().options().loss() == TrainingOptions.Loss.CROSS_ENTROPY ? "a cross-entropy of " + number
                : "a loss of " + number;
    }

    private static String others(Measure m) {
        return java.util.Arrays.stream(Measure.values()).filter(o -> o != m).map(Measure::plural)
                .collect(Collectors.joining(" or "));
    }

    private static String best(StudyGrid grid, StudySummary summary, StudyMethod method, double rate,
                               String target) {
        StudySummary.Configuration c = summary.configuration(method, rate);
        StudySummary.Quartiles q = c.on(summary.measure());
        StringBuilder b = new StringBuilder();
        List<Double> rates = grid.learningRates();
        String edge = "";
        if (rates.size() == 1) {
            edge = ", the only one tried";
        } else if (rate == rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow()) {
            edge = ", the largest tried: a larger one might be faster";
        } else if (rate == rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) {
            edge = ", the smallest tried: a smaller one might do better";
        }
        b.append("At its best learning rate (").append(NumberText.plain(rate)).append(edge).append("), ")
                .append(method.name()).append(" got below ").append(target).append(" on ")
                .append(NumberText.count(c.converged())).append(" of ").append(seeds(c.runs()));
        if (Double.isFinite(q.median())) {
            b.append(", in a median of ").append(NumberText.count(q.median())).append(' ')
                    .append(summary.measure().plural()).append(" (quartiles ").append(NumberText.count(q.q1()))
                    .append(" to ").append(Double.isFinite(q.q3()) ? NumberText.count(q.q3()) : "not reached")
                    .append(")");
        } else {
            b.append(", so its median run did not get there");
        }
        if (c.diverged() > 0) {
            b.append("; ").append(NumberText.count(c.diverged())).append(" diverged");
        }
        return b.append('.').toString();
    }

    private static String seeds(long n) {
        return NumberText.count(n) + (n == 1 ? " seed" : " seeds");
    }

    private static String pair(StudySummary.PairedComparison p, Measure m, double alpha, int pairs, String target) {
        String a = p.first().name();
        String b = p.second().name();
        String counts = a + " got below " + target.replace("a loss of ", "") + " first on "
                + NumberText.count(p.firstWins()) + " of " + seeds(p.seeds()) + ", " + b + " on "
                + NumberText.count(p.secondWins())
                + (Double.isNaN(p.signP()) ? "" : " (sign test " + pValue(p.signP()) + ")")
                + (p.ties() > 0 ? ", " + NumberText.count(p.ties())
                + " tied (within " + Verdict.MARGIN_PERCENT + " %)" : "")
                + (p.neither() > 0 ? ", neither on " + NumberText.count(p.neither()) : "")
                + (p.undecided() > 0 ? ", and " + NumberText.count(p.undecided()) + " could not be told apart in the"
                + " budget (one did not get there and had not run long enough to be more than "
                + Verdict.MARGIN_PERCENT + " % late)" : "");
        String test;
        if (p.both() == 0) {
            test = "no seed got below it with both, so their costs cannot be compared";
        } else {
            test = "on the " + (p.both() == 1 ? "one seed" : seeds(p.both())) + " where both got there, " + a
                    + " needed a median "
                    + NumberText.significant(p.medianRatio(), 3) + " times " + b + "'s " + m.plural()
                    + (p.tested() == 0 ? " (every one the same, so there is nothing to test)"
                    : " (Wilcoxon signed-rank " + pValue(p.pValue()) + " over " + seeds(p.tested()) + (pairs > 1 ? "; below " + NumberText.significant(alpha, 2) + " is needed as "
                    + pairs + " pairs are compared" : "") + ")");
        }
        String rates = " at their best rates (" + NumberText.plain(p.firstRate()) + " and "
                + NumberText.plain(p.secondRate()) + ")";
        String faster = null;
        String slower = null;
        if (claims(p, true, alpha)) {
            faster = a;
            slower = b;
        } else if (claims(p, false, alpha)) {
            faster = b;
            slower = a;
        }
        if (faster != null) {
            return "By " + m.plural() + ", " + faster + " converged faster than " + slower + " in this study" + rates
                    + ": " + counts
                    + "; " + test + ".";
        }
        String why;
        boolean ahead = p.firstWins() != p.secondWins();
        if (p.firstWins() + p.secondWins() == 0) {
            why = "neither got there first on any seed";
        } else if (!(p.signP() < alpha) && p.firstWins() + p.secondWins() < FEWEST_FOR_TEST) {
            why = "too few seeds were won for a test to show anything: at least " + FEWEST_FOR_TEST + " are needed";
        } else if (!(p.signP() < alpha)) {
            why = "the seeds each won could be chance";
        } else if (p.tested() >= FEWEST_FOR_TEST && !(p.pValue() < alpha)) {
            why = "where both got there, the difference could be chance";
        } else if (ahead) {
            why = "the one that got there first on more seeds is not faster by more than the margin where both got"
                    + " there";
        } else {
            why = "the seeds do not agree on which is faster";
        }
        return "By " + m.plural() + ", this study does not show that " + a + " or " + b + " converges faster" + rates
                + " (" + why + "): " + counts + "; " + test + ".";
    }

    /**
     * True if the first ({@code first}) or else the second method is shown to converge faster: it got below the
     * target first on more seeds, the sign test of the seeds won gives p below alpha, and, where both got there, its
     * median cost is lower beyond the margin and (with at least {@value #FEWEST_FOR_TEST} seeds that differ, enough for
     * the test to mean anything) the signed-rank test gives p below alpha too.
     */
    static boolean claims(StudySummary.PairedComparison p, boolean first, double alpha) {
        int won = first ? p.firstWins() : p.secondWins();
        int lost = first ? p.secondWins() : p.firstWins();
        if (won <= lost || !(p.signP() < alpha)) {
            return false;
        }
        if (p.both() > 0) {
            double ratio = first ? p.medianRatio() : 1 / p.medianRatio();
            if (!(ratio * (100 + Verdict.MARGIN_PERCENT) < 100)) {
                return false;
            }
        }
        return p.tested() < FEWEST_FOR_TEST || p.pValue() < alpha;
    }

    /** "p = 0.0003", "p = 0.41", "p < 1e-12": a p-value as the verdict and the command line's table write it. */
    public static String pValue(double p) {
        return p < 1e-12 ? "p < 1e-12" : "p = " + NumberText.significant(p, 2);
    }


    /**
     * One pair's numbers on one line, as the command line's table and the Study tab show them: "sgd (rate 3) vs batch
     * (rate 3): of 100 seeds, sgd first on 62, batch first on 33, tied 2, ... (sign test p = 0.0038); median ratio
     * sgd/batch 0.475 over the 55 seeds both got there; Wilcoxon signed-rank p = 6.1e-08 (55 seeds differ).".
     */
    public static String pairLine(StudySummary.PairedComparison p) {
        String a = p.first().name();
        String b = p.second().name();
        StringBuilder s = new StringBuilder(a + " (rate " + NumberText.plain(p.firstRate()) + ") vs " + b
                + " (rate " + NumberText.plain(p.secondRate()) + "): of " + NumberText.count(p.seeds()) + " seeds, "
                + a + " first on " + NumberText.count(p.firstWins()) + ", " + b + " first on "
                + NumberText.count(p.secondWins()) + ", tied " + NumberText.count(p.ties()) + ", undecided "
                + NumberText.count(p.undecided()) + ", neither got there " + NumberText.count(p.neither()));
        if (!Double.isNaN(p.signP())) {
            s.append(" (sign test ").append(pValue(p.signP())).append(')');
        }
        if (p.both() > 0) {
            s.append("; median ratio ").append(a).append('/').append(b).append(' ')
                    .append(NumberText.significant(p.medianRatio(), 3)).append(" over the ")
                    .append(NumberText.count(p.both())).append(" seeds both got there");
            s.append(p.tested() > 0 ? "; Wilcoxon signed-rank " + pValue(p.pValue()) + " ("
                    + NumberText.count(p.tested()) + " seeds differ)"
                    : "; every one the same, nothing to test");
        } else {
            s.append("; no seed where both got there");
        }
        return s.append('.').toString();
    }

}
