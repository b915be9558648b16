package org.xorlab.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.TrainingOptions.Loss;
import org.xorlab.engine.TrainingOptions.Optimizer;

/**
 * What the compare view trains: the settings all runs share (dataset, hidden units, activation, seed, so one set of
 * initial weights; the budget each run trains and the target loss) and each run's optimiser, loss, learning rate and
 * batch size. Immutable and always valid; the {@code with...} methods return changed copies.
 *
 * @param dataset    the truth table every run learns
 * @param hidden     hidden units of every run
 * @param seed       the seed of the shared initial weights
 * @param budget     how long each run trains: epochs, weight updates or samples seen; Play stops once every run has
 *                   spent it
 * @param targetLoss the loss the summary counts epochs, updates and samples to
 * @param runs       from {@value #MIN_RUNS} to {@value #MAX_RUNS} runs, in order
 * @param network    the options every run shares (deeper layers, activation, init, the optimisers' hyper-parameters,
 *                   regularisation, order, and the data and input features: the truth table of {@code dataset}, or
 *                   points of their own, see {@link #withData}); each run's own optimiser and loss replace this one's
 */
public record CompareSetup(Dataset dataset, int hidden, long seed, Budget budget, double targetLoss, List<Run> runs,
                           TrainingOptions network) {
    public static final int MIN_RUNS = 2;
    public static final int MAX_RUNS = 3;

    /** The notebook's exercise: SGD against full-batch gradient descent, learning rate 0.1, 10,000 epochs. */
    public static final CompareSetup NOTEBOOK = new CompareSetup(Dataset.XOR, TrainingConfig.NOTEBOOK.hidden(),
            TrainingConfig.NOTEBOOK.seed(), Budget.epochs(StopRule.DEFAULT.epochs()), StopRule.DEFAULT.targetLoss(),
            List.of(new Run(0.1, 1), new Run(0.1, Dataset.SIZE)));

    /**
     * The classic races, one click each in the Compare tab: the notebook's exercise, the two losses from the notebook's
     * weights, and three optimisers (on 3 hidden units: with the notebook's 2, Adam sticks in a local minimum with one
     * sample at 0.5 from seed 42 at every rate tried, 0.01 to 0.1; a true lesson, but not the race's).
     */
    public enum Preset {
        NOTEBOOK("SGD vs batch GD (the notebook's exercise)", CompareSetup.NOTEBOOK),
        LOSSES("MSE vs cross-entropy", CompareSetup.NOTEBOOK.withRuns(List.of(new Run(0.1, 1),
                new Run(0.1, 1, Optimizer.SGD, Loss.CROSS_ENTROPY)))),
        OPTIMIZERS("SGD vs momentum vs Adam", CompareSetup.NOTEBOOK.withHidden(3).withRuns(List.of(new Run(0.1, 1),
                new Run(0.1, 1, Optimizer.MOMENTUM, Loss.MSE), new Run(0.1, 1, Optimizer.ADAM, Loss.MSE))));

        private final String label;
        private final CompareSetup setup;

        Preset(String label, CompareSetup setup) {
            this.label = label;
            this.setup = setup;
        }

        /** As the preset menu shows it. */
        public String label() {
            return label;
        }

        public CompareSetup setup() {
            return setup;
        }
    }

    /**
     * One run's own settings.
     *
     * @param learningRate the run's step size, a finite number greater than 0
     * @param batchSize    samples per weight update, 1 to the setup's number of training samples n (4 on a truth
     *                     table; the setup checks it against its data)
     * @param optimizer    how the run turns a gradient into an update (its hyper-parameters are the setup's)
     * @param loss         the loss the run minimises
     */
    public record Run(double learningRate, int batchSize, Optimizer optimizer, Loss loss) {
        public Run {
            TrainingConfig.checkLearningRate(learningRate);
            TrainingConfig.checkBatchSize(batchSize, Samples.MAX_POINTS);
            if (optimizer == null || loss == null) {
                throw new IllegalArgumentException("a run needs an optimizer and a loss");
            }
        }

        /** The notebook's optimiser (SGD) and loss (the squared error) at this rate and batch size. */
        public Run(double learningRate, int batchSize) {
            this(learningRate, batchSize, Optimizer.SGD, Loss.MSE);
        }

        /** {@link #method(int)} on a truth table's four samples. */
        public String method() {
            return method(Dataset.SIZE);
        }

        /**
         * "SGD", "Mini-batch GD" or "Batch GD" for plain gradient descent (by the batch size: n, the number of
         * training samples, is the full batch); the optimiser's name ("Momentum", "Nesterov", "RMSprop", "Adam") for
         * the others.
         */
        public String method(int n) {
            if (optimizer != Optimizer.SGD) {
                return optimizerName(optimizer);
            }
            if (batchSize == 1) {
                return "SGD";
            }
            return batchSize == n ? "Batch GD" : "Mini-batch GD";
        }

        public Run withLearningRate(double lr) {
            return new Run(lr, batchSize, optimizer, loss);
        }

        public Run withBatchSize(int k) {
            return new Run(learningRate, k, optimizer, loss);
        }

        public Run withOptimizer(Optimizer o) {
            return new Run(learningRate, batchSize, o, loss);
        }

        public Run withLoss(Loss l) {
            return new Run(learningRate, batchSize, optimizer, l);
        }
    }

    /** An optimiser as a person reads it: "SGD", "Momentum", "Nesterov", "RMSprop", "Adam". */
    public static String optimizerName(Optimizer o) {
        return switch (o) {
            case SGD -> "SGD";
            case MOMENTUM -> "Momentum";
            case NESTEROV -> "Nesterov";
            case RMSPROP -> "RMSprop";
            case ADAM -> "Adam";
        };
    }

    /** A loss as a person reads it: "MSE" or "cross-entropy". */
    public static String lossName(Loss l) {
        return l == Loss.MSE ? "MSE" : "cross-entropy";
    }

    /** The notebook's network (every option at its default) with these settings. */
    public CompareSetup(Dataset dataset, int hidden, long seed, Budget budget, double targetLoss, List<Run> runs) {
        this(dataset, hidden, seed, budget, targetLoss, runs, TrainingOptions.NOTEBOOK);
    }

    public CompareSetup {
        if (dataset == null) {
            throw new IllegalArgumentException("dataset must be one of " + Dataset.allowedNames());
        }
        TrainingConfig.checkHidden(hidden);
        TrainingConfig.checkSeed(seed);
        checkBudget(budget);
        new StopRule(false, 1, targetLoss); // checks the target loss
        if (network == null) {
            throw new IllegalArgumentException("a comparison needs the runs' shared options");
        }
        runs = List.copyOf(runs);
        if (runs.size() < MIN_RUNS || runs.size() > MAX_RUNS) {
            throw new IllegalArgumentException("a comparison has " + MIN_RUNS + " to " + MAX_RUNS + " runs (got "
                    + runs.size() + ")");
        }
        int n = sampleCount(network.data());
        for (Run r : runs) {
            if (r.batchSize() > n) {
                throw new IllegalArgumentException("batch size must be a whole number from 1 to " + n
                        + ", the number of training samples (got " + r.batchSize() + ")");
            }
        }
    }

    /** The number of training samples n every run walks in an epoch: 4 on a truth table. */
    public int sampleCount() {
        return sampleCount(network.data());
    }

    private static int sampleCount(Data data) {
        return data.isTruthTable() ? Dataset.SIZE : data.train().size();
    }

    /** What every run learns, as the verdict and titles name it: "xor", or the data's name. */
    public String dataName() {
        return network.data().isTruthTable() ? dataset.id() : network.data().name();
    }

    /**
     * Every run on {@code data} ({@link Data#TRUTH_TABLE} for the truth table of {@link #dataset()}) through these
     * input features, as the Train tab has them. A run's batch size follows the new number of training samples n: the
     * full batch stays the full batch, and a batch larger than the new n becomes it.
     *
     * @throws IllegalArgumentException if the features are not 1 to 7 distinct ones, or the truth table is asked
     *     for with features other than x1, x2 (the truth tables are the notebook's)
     */
    public CompareSetup withData(Data data, List<Feature> features) {
        if (data == null) {
            throw new IllegalArgumentException("a comparison needs data (Data.TRUTH_TABLE for the truth table)");
        }
        TrainingOptions changed = network.withFeatures(Feature.check(features)).withData(data);
        int before = sampleCount();
        int after = sampleCount(data);
        List<Run> fitted = new ArrayList<>();
        for (Run r : runs) {
            fitted.add(r.batchSize() == before || r.batchSize() > after ? r.withBatchSize(after) : r);
        }
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, fitted, changed);
    }

    /** The most of each measure a run may be given: as many as the window's epoch limit allows SGD. */
    public static long maxBudget(Measure measure) {
        return measure == Measure.EPOCHS ? StopRule.MAX_EPOCHS : StopRule.MAX_EPOCHS / Dataset.SIZE * Dataset.SIZE;
    }

    /** @throws IllegalArgumentException unless {@code budget} is within {@link #maxBudget} */
    public static void checkBudget(Budget budget) {
        if (budget == null || budget.amount() > maxBudget(budget.measure())) {
            throw new IllegalArgumentException("the budget must be from 1 to "
                    + org.xorlab.text.NumberText.count(maxBudget(budget == null ? Measure.EPOCHS : budget.measure()))
                    + (budget == null ? " epochs" : " " + budget.measure().plural()));
        }
    }

    /** Run {@code i}'s full settings. */
    public TrainingConfig config(int i) {
        Run r = runs.get(i);
        return new TrainingConfig(dataset, hidden, seed, r.learningRate(), r.batchSize(),
                network.withOptimizer(r.optimizer()).withLoss(r.loss()));
    }

    /**
     * The runs' names: "SGD (batch size 1)", "Batch GD (batch size 4)", "Adam (batch size 1)" ("Batch GD (batch size
     * 140)" on 140 points); with the learning rate when the runs' rates differ and the loss when their losses differ,
     * and numbered if two runs are still alike.
     */
    public List<String> names() {
        boolean ratesDiffer = runs.stream().map(Run::learningRate).distinct().count() > 1;
        boolean lossesDiffer = runs.stream().map(Run::loss).distinct().count() > 1;
        int n = sampleCount();
        List<String> names = new ArrayList<>();
        for (Run r : runs) {
            names.add(r.method(n) + " (batch size " + r.batchSize()
                    + (ratesDiffer ? ", rate " + r.learningRate() : "")
                    + (lossesDiffer ? ", " + lossName(r.loss()) : "") + ")");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String name : names) {
            seen.merge(name, 1, Integer::sum);
        }
        for (int i = 0; i < names.size(); i++) {
            if (seen.get(names.get(i)) > 1) {
                names.set(i, names.get(i) + " #" + (i + 1));
            }
        }
        return names;
    }

    /** The runs for the training loop, named as {@link #names()}. */
    public List<RunSpec> specs() {
        List<String> names = names();
        List<RunSpec> specs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            specs.add(new RunSpec(names.get(i), config(i)));
        }
        return specs;
    }

    /**
     * The training loop's stop rule: never by itself, since every run stops when it has spent the {@link #budget()};
     * the target loss only counts.
     */
    public StopRule stopRule() {
        return new StopRule(false, StopRule.MAX_EPOCHS, targetLoss);
    }

    /** True if {@code other} trains the same runs from the same weights (it may have another budget). */
    public boolean sameRunsAs(CompareSetup other) {
        return other != null && dataset == other.dataset && hidden == other.hidden && seed == other.seed
                && targetLoss == other.targetLoss && runs.equals(other.runs) && network.equals(other.network)
                && budget.measure() == other.budget.measure();
    }

    public boolean canAddRun() {
        return runs.size() < MAX_RUNS;
    }

    public boolean canRemoveRun() {
        return runs.size() > MIN_RUNS;
    }

    public CompareSetup withDataset(Dataset d) {
        return new CompareSetup(d, hidden, seed, budget, targetLoss, runs, network);
    }

    public CompareSetup withHidden(int h) {
        return new CompareSetup(dataset, h, seed, budget, targetLoss, runs, network);
    }

    public CompareSetup withSeed(long s) {
        return new CompareSetup(dataset, hidden, s, budget, targetLoss, runs, network);
    }

    public CompareSetup withBudget(Budget b) {
        return new CompareSetup(dataset, hidden, seed, b, targetLoss, runs, network);
    }

    public CompareSetup withTargetLoss(double t) {
        return new CompareSetup(dataset, hidden, seed, budget, t, runs, network);
    }

    /** Every run trains with hidden layers of {@code a} (sigmoid, the notebook's, tanh, relu or linear). */
    public CompareSetup withActivation(Activation a) {
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, runs, network.withActivation(a));
    }

    public CompareSetup withRuns(List<Run> changed) {
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, changed, network);
    }

    public CompareSetup withRun(int i, Run run) {
        List<Run> changed = new ArrayList<>(runs);
        changed.set(i, run);
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, changed, network);
    }

    /**
     * One more run: the first batch size no run uses yet (mini-batch 2 next to SGD and batch; on n points also a
     * tenth of n), learning rate 0.1.
     */
    public CompareSetup withAddedRun() {
        int n = sampleCount();
        int batch = Math.min(2, n);
        for (int k : new int[] {2, 1, n, 3, Math.max(1, n / 10)}) {
            final int candidate = k;
            if (candidate <= n && runs.stream().noneMatch(r -> r.batchSize() == candidate)) {
                batch = k;
                break;
            }
        }
        List<Run> changed = new ArrayList<>(runs);
        changed.add(new Run(TrainingConfig.NOTEBOOK.learningRate(), batch));
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, changed, network);
    }

    public CompareSetup withoutRun(int i) {
        List<Run> changed = new ArrayList<>(runs);
        changed.remove(i);
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, changed, network);
    }
}
