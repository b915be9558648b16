package org.xorlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything that determines a training run: with the same config, two runs produce the same numbers.
 *
 * @param dataset      the truth table to learn
 * @param hidden       hidden units H (of the first hidden layer), from {@value #MIN_HIDDEN} to {@value #MAX_HIDDEN}
 * @param seed         NumPy seed for the initial weights, from 0 to {@value #MAX_SEED}
 * @param learningRate step size, any finite number greater than 0
 * @param batchSize    samples per weight update: 1 is the notebook's SGD, the number of training samples (4 for a
 *                     truth table) is full-batch gradient descent
 * @param options      the general network's options (SPEC.md, "Beyond the notebook"); {@link TrainingOptions#NOTEBOOK}
 *                     for the notebook's network. {@code hidden} is the first hidden layer's width, the options
 *                     hold any deeper layers'
 */
public record TrainingConfig(Dataset dataset, int hidden, long seed, double learningRate, int batchSize,
                             TrainingOptions options) {

    public static final int MIN_HIDDEN = 1;
    public static final int MAX_HIDDEN = 8;
    public static final long MAX_SEED = 4_294_967_295L;
    public static final int MIN_BATCH = 1;
    public static final int MAX_BATCH = Dataset.SIZE;

    /** The notebook's settings: XOR, 2 hidden units, seed 42, learning rate 0.1, SGD. */
    public static final TrainingConfig NOTEBOOK = new TrainingConfig(Dataset.XOR, 2, 42, 0.1, 1);

    /** The notebook's network with these five settings: every other option at its default. */
    public TrainingConfig(Dataset dataset, int hidden, long seed, double learningRate, int batchSize) {
        this(dataset, hidden, seed, learningRate, batchSize, TrainingOptions.NOTEBOOK);
    }

    public TrainingConfig {
        if (options == null) {
            throw new IllegalArgumentException("options must be given (TrainingOptions.NOTEBOOK for the notebook's)");
        }
        if (dataset == null) {
            throw new IllegalArgumentException("dataset must be one of " + Dataset.allowedNames());
        }
        checkHidden(hidden);
        checkSeed(seed);
        checkLearningRate(learningRate);
        if (options.data().isTruthTable()) {
            checkBatchSize(batchSize);
        } else if (batchSize < MIN_BATCH || batchSize > options.data().train().size()) {
            throw new IllegalArgumentException("batch size must be a whole number from " + MIN_BATCH + " to "
                    + options.data().train().size() + ", the number of training points (got " + batchSize + ")");
        }
    }

    public static void checkHidden(int hidden) {
        if (hidden < MIN_HIDDEN || hidden > MAX_HIDDEN) {
            throw new IllegalArgumentException("hidden units must be a whole number from "
                    + MIN_HIDDEN + " to " + MAX_HIDDEN + " (got " + hidden + ")");
        }
    }

    public static void checkSeed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be a whole number from 0 to " + MAX_SEED + " (got " + seed + ")");
        }
    }

    public static void checkLearningRate(double rate) {
        if (!(rate > 0) || !Double.isFinite(rate)) {
            throw new IllegalArgumentException("learning rate must be a finite number greater than 0 (got " + rate + ")");
        }
    }

    /** Checks a batch size for the truth tables' four samples. */
    public static void checkBatchSize(int batchSize) {
        checkBatchSize(batchSize, MAX_BATCH);
    }

    /** Checks a batch size for {@code n} training samples: 1 to n, n being full-batch gradient descent. */
    public static void checkBatchSize(int batchSize, int n) {
        if (batchSize < MIN_BATCH || batchSize > n) {
            throw new IllegalArgumentException("batch size must be a whole number from "
                    + MIN_BATCH + " to " + n + " (got " + batchSize + ")");
        }
    }

    /** Weight updates in one epoch: the number of chunks of {@code batchSize} in the training samples. */
    public int updatesPerEpoch() {
        int n = sampleCount();
        return (n + batchSize - 1) / batchSize;
    }

    /** The points training walks: the truth table's four, or the options' data's training set. */
    public Samples samples() {
        return options.data().isTruthTable() ? Samples.of(dataset) : options.data().train();
    }

    /** The held-out points, never trained on ({@link Samples#NONE} for none). */
    public Samples testSamples() {
        return options.data().isTruthTable() ? Samples.NONE : options.data().test();
    }

    /** The number of training samples n: an epoch sees each once. */
    public int sampleCount() {
        return options.data().isTruthTable() ? Dataset.SIZE : options.data().train().size();
    }

    /** True when the run learns a truth table (the notebook's four points), not a dataset of its own. */
    public boolean onTruthTable() {
        return options.data().isTruthTable();
    }

    /** What the run learns, as titles and file names say it: "xor", or the data's name. */
    public String dataName() {
        return onTruthTable() ? dataset.id() : options.data().name();
    }

    /** The first layer's fan-in: the number of input features. */
    public int inputs() {
        return options.features().size();
    }

    /** Every hidden layer's width, input side first: {@code hidden}, then the options' deeper layers. */
    public int[] hiddenLayers() {
        int[] widths = new int[1 + options.deeperLayers().size()];
        widths[0] = hidden;
        for (int l = 1; l < widths.length; l++) {
            widths[l] = options.deeperLayers().get(l - 1);
        }
        return widths;
    }

    /** The same run with these hidden layers (1 to 6 widths, input side first). */
    public TrainingConfig withHiddenLayers(int... widths) {
        if (widths.length < 1 || widths.length > TrainingOptions.MAX_LAYERS) {
            throw new IllegalArgumentException("hidden layers must be from 1 to " + TrainingOptions.MAX_LAYERS
                    + " (got " + widths.length + ")");
        }
        List<Integer> deeper = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            deeper.add(widths[l]);
        }
        return new TrainingConfig(dataset, widths[0], seed, learningRate, batchSize, options.withDeeperLayers(deeper));
    }

    public TrainingConfig withOptions(TrainingOptions o) {
        return new TrainingConfig(dataset, hidden, seed, learningRate, batchSize, o);
    }

    public TrainingConfig withDataset(Dataset d) {
        return new TrainingConfig(d, hidden, seed, learningRate, batchSize, options);
    }

    public TrainingConfig withHidden(int h) {
        return new TrainingConfig(dataset, h, seed, learningRate, batchSize, options);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(dataset, hidden, s, learningRate, batchSize, options);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(dataset, hidden, seed, lr, batchSize, options);
    }

    public TrainingConfig withBatchSize(int k) {
        return new TrainingConfig(dataset, hidden, seed, learningRate, k, options);
    }
}
