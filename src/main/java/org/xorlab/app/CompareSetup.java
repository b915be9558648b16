package org.xorlab.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;

/**
 * What the compare view trains: the settings all runs share (dataset, hidden units, seed, so one set of initial
 * weights; the budget each run trains and the target loss) and each run's learning rate and batch size. Immutable and
 * always valid; the {@code with...} methods return changed copies.
 *
 * @param dataset    the truth table every run learns
 * @param hidden     hidden units of every run
 * @param seed       the seed of the shared initial weights
 * @param budget     how long each run trains: epochs, weight updates or samples seen; Play stops once every run has
 *                   spent it
 * @param targetLoss the loss the summary counts epochs, updates and samples to
 * @param runs       from {@value #MIN_RUNS} to {@value #MAX_RUNS} runs, in order
 */
public record CompareSetup(Dataset dataset, int hidden, long seed, Budget budget, double targetLoss, List<Run> runs) {
    public static final int MIN_RUNS = 2;
    public static final int MAX_RUNS = 3;

    /** The notebook's exercise: SGD against full-batch gradient descent, learning rate 0.1, 10,000 epochs. */
    static final CompareSetup NOTEBOOK = new CompareSetup(Dataset.XOR, TrainingConfig.NOTEBOOK.hidden(),
            TrainingConfig.NOTEBOOK.seed(), Budget.epochs(StopRule.DEFAULT.epochs()), StopRule.DEFAULT.targetLoss(),
            List.of(new Run(0.1, 1), new Run(0.1, Dataset.SIZE)));

    /**
     * One run's own settings.
     *
     * @param learningRate the run's step size, a finite number greater than 0
     * @param batchSize    samples per weight update, 1 to 4
     */
    public record Run(double learningRate, int batchSize) {
        public Run {
            TrainingConfig.checkLearningRate(learningRate);
            TrainingConfig.checkBatchSize(batchSize);
        }

        /** "SGD", "Mini-batch GD" or "Batch GD". */
        String method() {
            if (batchSize == 1) {
                return "SGD";
            }
            return batchSize == Dataset.SIZE ? "Batch GD" : "Mini-batch GD";
        }
    }

    public CompareSetup {
        if (dataset == null) {
            throw new IllegalArgumentException("dataset must be one of " + Dataset.allowedNames());
        }
        TrainingConfig.checkHidden(hidden);
        TrainingConfig.checkSeed(seed);
        checkBudget(budget);
        new StopRule(false, 1, targetLoss); // checks the target loss
        runs = List.copyOf(runs);
        if (runs.size() < MIN_RUNS || runs.size() > MAX_RUNS) {
            throw new IllegalArgumentException("a comparison has " + MIN_RUNS + " to " + MAX_RUNS + " runs (got "
                    + runs.size() + ")");
        }
    }

    /** The most of each measure a run may be given: as many as the window's epoch limit allows SGD. */
    public static long maxBudget(Measure measure) {
        return measure == Measure.EPOCHS ? StopRule.MAX_EPOCHS : StopRule.MAX_EPOCHS / Dataset.SIZE * Dataset.SIZE;
    }

    /** @throws IllegalArgumentException unless {@code budget} is within {@link #maxBudget} */
    static void checkBudget(Budget budget) {
        if (budget == null || budget.amount() > maxBudget(budget.measure())) {
            throw new IllegalArgumentException("the budget must be from 1 to "
                    + org.xorlab.text.NumberText.count(maxBudget(budget == null ? Measure.EPOCHS : budget.measure()))
                    + (budget == null ? " epochs" : " " + budget.measure().plural()));
        }
    }

    /** Run {@code i}'s full settings. */
    TrainingConfig config(int i) {
        Run r = runs.get(i);
        return new TrainingConfig(dataset, hidden, seed, r.learningRate(), r.batchSize());
    }

    /**
     * The runs' names: "SGD (batch size 1)", "Batch GD (batch size 4)"; with the learning rate when the runs' rates
     * differ, and numbered if two runs are still alike.
     */
    public List<String> names() {
        boolean ratesDiffer = runs.stream().map(Run::learningRate).distinct().count() > 1;
        List<String> names = new ArrayList<>();
        for (Run r : runs) {
            names.add(r.method() + " (batch size " + r.batchSize()
                    + (ratesDiffer ? ", rate " + r.learningRate() : "") + ")");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (String n : names) {
            seen.merge(n, 1, Integer::sum);
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
                && targetLoss == other.targetLoss && runs.equals(other.runs)
                && budget.measure() == other.budget.measure();
    }

    public boolean canAddRun() {
        return runs.size() < MAX_RUNS;
    }

    public boolean canRemoveRun() {
        return runs.size() > MIN_RUNS;
    }

    public CompareSetup withDataset(Dataset d) {
        return new CompareSetup(d, hidden, seed, budget, targetLoss, runs);
    }

    public CompareSetup withHidden(int h) {
        return new CompareSetup(dataset, h, seed, budget, targetLoss, runs);
    }

    public CompareSetup withSeed(long s) {
        return new CompareSetup(dataset, hidden, s, budget, targetLoss, runs);
    }

    public CompareSetup withBudget(Budget b) {
        return new CompareSetup(dataset, hidden, seed, b, targetLoss, runs);
    }

    public CompareSetup withTargetLoss(double t) {
        return new CompareSetup(dataset, hidden, seed, budget, t, runs);
    }

    public CompareSetup withRun(int i, Run run) {
        List<Run> changed = new ArrayList<>(runs);
        changed.set(i, run);
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, changed);
    }

    /** One more run: the first batch size no run uses yet (mini-batch 2 next to SGD and batch), learning rate 0.1. */
    public CompareSetup withAddedRun() {
        int batch = 2;
        for (int k : new int[] {2, 1, Dataset.SIZE, 3}) {
            final int candidate = k;
            if (runs.stream().noneMatch(r -> r.batchSize() == candidate)) {
                batch = k;
                break;
            }
        }
        List<Run> changed = new ArrayList<>(runs);
        changed.add(new Run(TrainingConfig.NOTEBOOK.learningRate(), batch));
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, changed);
    }

    public CompareSetup withoutRun(int i) {
        List<Run> changed = new ArrayList<>(runs);
        changed.remove(i);
        return new CompareSetup(dataset, hidden, seed, budget, targetLoss, changed);
    }
}
