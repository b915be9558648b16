package org.xorlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Trains several runs from identical initial weights in lockstep, one epoch each at a time, and records when each
 * run's loss first falls below a target loss: the notebook's exercise "which converges faster, batch gradient
 * descent or SGD?". It trains through the {@link Lockstep} that the window's training loop also trains through, so
 * the command line and the app report the same numbers; this class adds the lockstep epoch count and the thinned
 * loss curves the command line plots.
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
    private final Budget budget;
    private final Lockstep lockstep;
    private final ComparisonHistory.Recorder history;
    private long epoch;

    /**
     * Runs from {@code initial}, which every run's config must match in hidden layers. The runs may differ in
     * optimiser (and its hyper-parameters), learning rate, batch size, loss, regularisation and sample order, but must
     * share dataset, input features, hidden layers, activation, init and seed: the settings that make their initial weights, and the
     * task, the same.
     *
     * @param budget        how long each run trains
     * @param historyPoints the most points {@link #history()} keeps per run (at least 2)
     * @throws IllegalArgumentException if there is no run, two runs share a name, two runs differ in a setting they
     *                                  must share (the message names it), a run's hidden layers differ from the
     *                                  weights', or the target loss is not a finite number greater than 0
     */
    public Comparison(Weights initial, List<ComparisonRun> runs, double targetLoss, Budget budget,
                      int historyPoints) {
        checkTargetLoss(targetLoss);
        if (budget == null) {
            throw new IllegalArgumentException("a comparison needs a budget");
        }
        checkRuns(runs);
        this.initial = initial;
        this.runs = List.copyOf(runs);
        this.targetLoss = targetLoss;
        this.budget = budget;
        List<Trainer> trainers = new ArrayList<>();
        for (ComparisonRun run : runs) {
            trainers.add(new Trainer(run.config(), initial));
        }
        this.lockstep = new Lockstep(trainers, targetLoss, budget);
        this.history = new ComparisonHistory.Recorder(runs.size(), historyPoints);
    }

    /** As {@link #Comparison(Weights, List, double, Budget, int)} with {@link #DEFAULT_HISTORY_POINTS}. */
    public Comparison(Weights initial, List<ComparisonRun> runs, double targetLoss, Budget budget) {
        this(initial, runs, targetLoss, budget, DEFAULT_HISTORY_POINTS);
    }

    /**
     * The runs from the initial weights their shared settings draw ({@link Weights#initial(TrainingConfig)}: every
     * hidden layer, by the init, from the seed), with {@link #DEFAULT_HISTORY_POINTS}.
     *
     * @throws IllegalArgumentException as {@link #Comparison(Weights, List, double, Budget, int)}
     */
    public Comparison(List<ComparisonRun> runs, double targetLoss, Budget budget) {
        this(Weights.initial(checkRuns(runs).get(0).config()), runs, targetLoss, budget, DEFAULT_HISTORY_POINTS);
    }

    /**
     * {@code base} trained with each of {@code batchSizes} (named as {@link ComparisonRun#nameForBatchSize(int)}),
     * all from the initial weights of {@code base}'s seed. The notebook's question is
     * {@code ofBatchSizes(TrainingConfig.NOTEBOOK, List.of(4, 1), 0.01, Budget.epochs(10_000))}.
     */
    public static Comparison ofBatchSizes(TrainingConfig base, List<Integer> batchSizes, double targetLoss,
                                          Budget budget) {
        List<ComparisonRun> runs = new ArrayList<>();
        for (int k : batchSizes) {
            runs.add(ComparisonRun.ofBatchSize(base, k));
        }
        return new Comparison(runs, targetLoss, budget);
    }

    /**
     * {@code base} trained with each of {@code optimizers} (named as {@link ComparisonRun#nameForOptimizer}), each
     * with {@code base}'s other settings, all from {@code base}'s initial weights: the race of ConvNetJS's optimiser
     * demo, for example {@code ofOptimizers(TrainingConfig.NOTEBOOK, List.of(SGD, MOMENTUM, ADAM), 0.01, ...)}.
     */
    public static Comparison ofOptimizers(TrainingConfig base, List<TrainingOptions.Optimizer> optimizers,
                                          double targetLoss, Budget budget) {
        List<ComparisonRun> runs = new ArrayList<>();
        for (TrainingOptions.Optimizer o : optimizers) {
            runs.add(ComparisonRun.ofOptimizer(base, o));
        }
        return new Comparison(runs, targetLoss, budget);
    }

    /**
     * Checks that there is at least one run, no two share a name and all share the settings that fix the initial
     * weights and the task: dataset, hidden layers, activation, init and seed.
     *
     * @return {@code runs}
     * @throws IllegalArgumentException naming the first thing wrong
     */
    private static List<ComparisonRun> checkRuns(List<ComparisonRun> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one run");
        }
        Set<String> names = new HashSet<>();
        for (ComparisonRun run : runs) {
            if (!names.add(run.name())) {
                throw new IllegalArgumentException("two runs are named '" + run.name() + "'");
            }
        }
        ComparisonRun first = runs.get(0);
        for (ComparisonRun run : runs.subList(1, runs.size())) {
            String differs = sharedDifference(first.config(), run.config());
            if (differs != null) {
                throw new IllegalArgumentException("runs '" + first.name() + "' and '" + run.name() + "' differ in "
                        + differs + "; the runs of a comparison start from identical initial weights, so they must "
                        + "share dataset, input features, hidden layers, activation, init and seed (they may differ in optimiser, "
                        + "learning rate, batch size, loss, regularisation and order)");
            }
        }
        return runs;
    }

    /** The first setting {@code a} and {@code b} must share but do not, with both values, or null. */
    private static String sharedDifference(TrainingConfig a, TrainingConfig b) {
        if (!a.dataName().equals(b.dataName()) || !a.samples().equals(b.samples())
                || !a.testSamples().equals(b.testSamples())) {
            return "dataset (" + a.dataName() + " and " + b.dataName() + ")";
        }
        if (!a.options().features().equals(b.options().features())) {
            return "input features (" + Feature.ids(a.options().features()) + " and "
                    + Feature.ids(b.options().features()) + ")";
        }
        if (!Arrays.equals(a.hiddenLayers(), b.hiddenLayers())) {
            return "hidden layers (" + Verdict.widths(a) + " and " + Verdict.widths(b) + ")";
        }
        if (a.options().activation() != b.options().activation()) {
            return "activation (" + a.options().activation().id() + " and " + b.options().activation().id() + ")";
        }
        if (a.options().init() != b.options().init()) {
            return "init (" + a.options().init().id() + " and " + b.options().init().id() + ")";
        }
        if (a.seed() != b.seed()) {
            return "seed (" + a.seed() + " and " + b.seed() + ")";
        }
        return null;
    }

    /** @throws IllegalArgumentException unless {@code targetLoss} is a finite number greater than 0 */
    public static void checkTargetLoss(double targetLoss) {
        if (!(targetLoss > 0) || !Double.isFinite(targetLoss)) {
            throw new IllegalArgumentException("target loss must be a finite number greater than 0 (got "
                    + targetLoss + ")");
        }
    }

    /**
     * Trains every run that has neither diverged nor spent its budget by one epoch.
     *
     * @return each run's loss for the epoch (NaN for a run that has stopped), or null if every run had already
     *         stopped and nothing happened
     */
    public double[] stepEpoch() {
        if (!lockstep.anyCanTrain()) {
            return null;
        }
        epoch++;
        double[] losses = new double[runs.size()];
        Arrays.fill(losses, Double.NaN);
        // Every run that goes on has trained as many epochs as the others, so each trains one.
        lockstep.stepEpoch(Measure.EPOCHS, (run, trainer) -> losses[run] = lockstep.yardstick().read(trainer));
        history.add(epoch, losses);
        return losses;
    }

    /**
     * Trains until every run has spent the budget or diverged, telling {@code listener} (may be null) of each lockstep
     * epoch.
     *
     * @return lockstep epochs run
     */
    public long run(ComparisonListener listener) {
        long n = 0;
        for (double[] losses = stepEpoch(); losses != null; losses = stepEpoch()) {
            n++;
            if (listener != null) {
                listener.epochCompleted(epoch, losses);
            }
        }
        return n;
    }

    /** Returns every run to the initial weights, epoch 0, no history. */
    public void reset() {
        lockstep.reset();
        history.clear();
        epoch = 0;
    }

    /** True while at least one run can go on (has neither diverged nor spent the budget). */
    public boolean anyRunning() {
        return lockstep.anyCanTrain();
    }

    /** Lockstep epochs run so far. */
    public long epoch() {
        return epoch;
    }

    public double targetLoss() {
        return targetLoss;
    }

    public Budget budget() {
        return budget;
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
        return lockstep.trainer(run).snapshot();
    }

    /** Wall-clock time run {@code run} has spent training, in nanoseconds: depends on the machine. */
    public long trainingNanos(int run) {
        return lockstep.trainingNanos(run);
    }

    /** The numbers so far. */
    public ComparisonResult result() {
        List<ComparisonResult.RunSummary> summaries = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            summaries.add(lockstep.summary(i, runs.get(i).name()));
        }
        return new ComparisonResult(targetLoss, budget, summaries);
    }

    /** The loss curves so far, thinned to at most the history bound plus the latest epoch. */
    public ComparisonHistory history() {
        return history.snapshot();
    }
}
