package org.xorlab.run.study;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Comparison;
import org.xorlab.engine.ComparisonRun;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions.Optimizer;

/**
 * What a study trains: every seed with every optimiser, batch size and learning rate, all other settings those of
 * {@code base}. Each run starts from its seed's initial weights, so the runs of one seed are paired: they differ
 * only in the grid's settings. Each trains whole epochs until its loss first falls below {@code targetLoss} (strictly)
 * or it has spent {@code budget} or diverged.
 *
 * <p>Runs are numbered seed first ({@link #cell(long)}): for each seed, for each optimiser, for each batch size, for
 * each rate. A study that stops early therefore has every configuration's first seeds, not some configurations'
 * every seed. Immutable; validated on construction with messages naming what is allowed.
 *
 * @param base          every setting other than the grid's four (its own seed, rate, batch size and optimiser are
 *                      ignored)
 * @param seeds         the seeds, each once, in the order given
 * @param learningRates the learning rates, each finite and greater than 0, each once
 * @param batchSizes    the batch sizes, each from 1 to the number of training samples, each once
 * @param optimizers    the optimisers, each once
 * @param targetLoss    the loss a run must get below, by the run's own loss
 * @param budget        how long each run may train
 */
public record StudyGrid(TrainingConfig base, List<Long> seeds, List<Double> learningRates, List<Integer> batchSizes,
                        List<Optimizer> optimizers, double targetLoss, Budget budget) {

    /** More runs than this need the user's explicit go-ahead ({@code --yes}): they take minutes to hours. */
    public static final long CONFIRM_ABOVE = 100_000;
    /** The most runs one study holds (each finished run is kept, about 80 bytes). */
    public static final long MAX_RUNS = 10_000_000;

    public StudyGrid {
        if (base == null) {
            throw new IllegalArgumentException("a study needs its base settings");
        }
        if (budget == null) {
            throw new IllegalArgumentException("a study needs a budget");
        }
        Comparison.checkTargetLoss(targetLoss);
        seeds = distinct("seeds", seeds);
        learningRates = distinct("learning rates", learningRates);
        batchSizes = distinct("batch sizes", batchSizes);
        optimizers = distinct("optimizers", optimizers);
        for (long s : seeds) {
            TrainingConfig.checkSeed(s);
        }
        for (double r : learningRates) {
            TrainingConfig.checkLearningRate(r);
        }
        for (int k : batchSizes) {
            TrainingConfig.checkBatchSize(k, base.sampleCount());
        }
        long size = (long) seeds.size() * learningRates.size() * batchSizes.size() * optimizers.size();
        if (size > MAX_RUNS) {
            throw new IllegalArgumentException("a study can have at most " + org.xorlab.text.NumberText.count(MAX_RUNS)
                    + " runs (this grid has " + org.xorlab.text.NumberText.count(size) + ")");
        }
    }

    private static <T> List<T> distinct(String what, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one of its " + what + " (got none)");
        }
        Set<T> seen = new HashSet<>();
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException("the " + what + " must not be empty");
            }
            if (!seen.add(v)) {
                throw new IllegalArgumentException("the " + what + " must each be given once (" + v + " is twice)");
            }
        }
        return List.copyOf(values);
    }

    /** The number of runs: seeds x optimisers x batch sizes x rates. */
    public long size() {
        return (long) seeds.size() * methodCount() * learningRates.size();
    }

    /** Runs per seed. */
    public int runsPerSeed() {
        return methodCount() * learningRates.size();
    }

    private int methodCount() {
        return optimizers.size() * batchSizes.size();
    }

    /** The methods (optimiser and batch size), optimiser first, in the grid's order. */
    public List<StudyMethod> methods() {
        List<StudyMethod> methods = new ArrayList<>();
        for (Optimizer o : optimizers) {
            for (int k : batchSizes) {
                methods.add(new StudyMethod(o, k, ComparisonRun.nameForBatchSize(k, o, base.sampleCount())));
            }
        }
        return methods;
    }

    /** Run number {@code index} (0 to size - 1) of the grid's order. */
    public StudyCell cell(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("run " + index + " of " + size());
        }
        int perSeed = runsPerSeed();
        int seed = (int) (index / perSeed);
        int within = (int) (index % perSeed);
        int rate = within % learningRates.size();
        int method = within / learningRates.size();
        int batch = method % batchSizes.size();
        int optimizer = method / batchSizes.size();
        return new StudyCell(seeds.get(seed), optimizers.get(optimizer), batchSizes.get(batch),
                learningRates.get(rate));
    }

    /** The index of the run of {@code seed} with these settings, or -1 if the grid has none. */
    public long indexOf(long seed, Optimizer optimizer, int batchSize, double learningRate) {
        int s = seeds.indexOf(seed);
        int o = optimizers.indexOf(optimizer);
        int k = batchSizes.indexOf(batchSize);
        int r = learningRates.indexOf(learningRate);
        if (s < 0 || o < 0 || k < 0 || r < 0) {
            return -1;
        }
        return (long) s * runsPerSeed() + ((long) o * batchSizes.size() + k) * learningRates.size() + r;
    }

    /** The settings of one run: {@code base} with the cell's seed, optimiser, batch size and rate. */
    public TrainingConfig config(StudyCell cell) {
        return base.withSeed(cell.seed()).withLearningRate(cell.learningRate()).withBatchSize(cell.batchSize())
                .withOptions(base.options().withOptimizer(cell.optimizer()));
    }

    /** This grid with other seeds (for a shard of it, or the merge of several). */
    public StudyGrid withSeeds(List<Long> other) {
        return new StudyGrid(base, other, learningRates, batchSizes, optimizers, targetLoss, budget);
    }

    /** One run's place in the grid. */
    public record StudyCell(long seed, Optimizer optimizer, int batchSize, double learningRate) {
    }
}
