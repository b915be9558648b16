package org.xorlab.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Trains several runs from identical initial weights in lockstep, one epoch each at a time, and records when each
 * run's loss first falls below a target loss: the notebook's exercise "which converges faster, batch gradient
 * descent or SGD?". The command line and the app's compare view both use it, so they report the same numbers.
 *
 * <p>A run that diverges stops; the others go on. Not thread-safe: one thread trains, others read the immutable
 * {@link #result()} and {@link #history()}.
 */
public final class Comparison {
    /** Points kept per curve by default: enough for every epoch of the notebook's 10,000. */
    public static final int DEFAULT_HISTORY_POINTS = 20_000;

    private final Weights initial;
    private final List<ComparisonRun> runs;
    private final double targetLoss;
    private final Trainer[] trainers;
    private final long[] epochsToTarget;
    private final long[] updatesToTarget;
    private final ComparisonHistory.Recorder history;
    private long epoch;

    /**
     * Runs from {@code initial}, which every run's config must match in hidden units.
     *
     * @param historyPoints the most points {@link #history()} keeps per run (at least 2)
     * @throws IllegalArgumentException if there is no run, two runs share a name, a run's hidden units differ from
     *                                  the weights', or the target loss is not a finite number greater than 0
     */
    public Comparison(Weights initial, List<ComparisonRun> runs, double targetLoss, int historyPoints) {
        checkTargetLoss(targetLoss);
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one run");
        }
        Set<String> names = new HashSet<>();
        for (ComparisonRun run : runs) {
            if (!names.add(run.name())) {
                throw new IllegalArgumentException("two runs are named '" + run.name() + "'");
            }
        }
        this.initial = initial;
        this.runs = List.copyOf(runs);
        this.targetLoss = targetLoss;
        this.trainers = new Trainer[runs.size()];
        for (int i = 0; i < trainers.length; i++) {
            trainers[i] = new Trainer(runs.get(i).config(), initial);
        }
        this.epochsToTarget = new long[runs.size()];
        this.updatesToTarget = new long[runs.size()];
        this.history = new ComparisonHistory.Recorder(runs.size(), historyPoints);
    }

    /** As {@link #Comparison(Weights, List, double, int)} with {@link #DEFAULT_HISTORY_POINTS}. */
    public Comparison(Weights initial, List<ComparisonRun> runs, double targetLoss) {
        this(initial, runs, targetLoss, DEFAULT_HISTORY_POINTS);
    }

    /**
     * {@code base} trained with each of {@code batchSizes} (named as {@link ComparisonRun#nameForBatchSize(int)}),
     * all from the initial weights of {@code base}'s seed. The notebook's question is
     * {@code ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(4, 1), 0.01)}.
     */
    public static Comparison ofBatchSizes(TrainingConfig base, List<Integer> batchSizes, double targetLoss) {
        List<ComparisonRun> runs = new ArrayList<>();
        for (int k : batchSizes) {
            runs.add(ComparisonRun.ofBatchSize(base, k));
        }
        return new Comparison(Weights.initial(base.hidden(), base.seed()), runs, targetLoss);
    }

    /** @throws IllegalArgumentException unless {@code targetLoss} is a finite number greater than 0 */
    public static void checkTargetLoss(double targetLoss) {
        if (!(targetLoss > 0) || !Double.isFinite(targetLoss)) {
            throw new IllegalArgumentException("target loss must be a finite number greater than 0 (got "
                    + targetLoss + ")");
        }
    }

    /**
     * Trains every run that has not diverged by one epoch.
     *
     * @return each run's loss for the epoch (NaN for a run that has stopped), or null if every run had already
     *         stopped and nothing happened
     */
    public double[] stepEpoch() {
        if (!anyRunning()) {
            return null;
        }
        epoch++;
        double[] losses = new double[trainers.length];
        for (int i = 0; i < trainers.length; i++) {
            Trainer t = trainers[i];
            if (t.diverged() || !t.stepEpoch()) {
                losses[i] = Double.NaN;
                continue;
            }
            double loss = t.loss();
            losses[i] = loss;
            if (epochsToTarget[i] == 0 && loss < targetLoss) {
                epochsToTarget[i] = t.epoch();
                updatesToTarget[i] = t.updates();
            }
        }
        history.add(epoch, losses);
        return losses;
    }

    /**
     * Trains {@code count} more lockstep epochs, telling {@code listener} (may be null) of each.
     *
     * @return epochs run; fewer than {@code count} only if every run diverged
     */
    public long runEpochs(long count, ComparisonListener listener) {
        for (long n = 0; n < count; n++) {
            double[] losses = stepEpoch();
            if (losses == null) {
                return n;
            }
            if (listener != null) {
                listener.epochCompleted(epoch, losses);
            }
        }
        return count;
    }

    /** Returns every run to the initial weights, epoch 0, no history. */
    public void reset() {
        for (Trainer t : trainers) {
            t.reset();
        }
        Arrays.fill(epochsToTarget, 0);
        Arrays.fill(updatesToTarget, 0);
        history.clear();
        epoch = 0;
    }

    /** True while at least one run can go on (has not diverged). */
    public boolean anyRunning() {
        for (Trainer t : trainers) {
            if (!t.diverged()) {
                return true;
            }
        }
        return false;
    }

    /** Lockstep epochs run so far. */
    public long epoch() {
        return epoch;
    }

    public double targetLoss() {
        return targetLoss;
    }

    public List<ComparisonRun> runs() {
        return runs;
    }

    /** The weights every run started from. */
    public Weights initialWeights() {
        return initial;
    }

    /** An immutable picture of run {@code run} now (index in {@link #runs()}). */
    public TrainingSnapshot snapshot(int run) {
        return trainers[run].snapshot();
    }

    /** The numbers so far. */
    public ComparisonResult result() {
        List<ComparisonResult.RunSummary> summaries = new ArrayList<>();
        for (int i = 0; i < trainers.length; i++) {
            Trainer t = trainers[i];
            boolean reached = epochsToTarget[i] > 0;
            summaries.add(new ComparisonResult.RunSummary(runs.get(i).name(), t.config(), t.epoch(), t.updates(),
                    reached ? OptionalLong.of(epochsToTarget[i]) : OptionalLong.empty(),
                    reached ? OptionalLong.of(updatesToTarget[i]) : OptionalLong.empty(),
                    t.loss(), t.divergence()));
        }
        return new ComparisonResult(targetLoss, epoch, summaries);
    }

    /** The loss curves so far, thinned to at most the history bound plus the latest epoch. */
    public ComparisonHistory history() {
        return history.snapshot();
    }

    /**
     * {@code value} to six significant digits, plain decimal unless tiny: the "final loss" that both `xorlab compare`
     * and the compare view print, so the two read the same. Kept for its callers; it is NumberText.brief.
     */
    public static String briefNumber(double value) {
        return org.xorlab.text.NumberText.brief(value);
    }

    /** {@code value} as a plain decimal, "0.01" rather than "1.0E-2", for labels; it is NumberText.plain. */
    public static String plainNumber(double value) {
        return org.xorlab.text.NumberText.plain(value);
    }
}
