package org.xorlab.engine;

import java.util.regex.Pattern;

/**
 * One run of a {@link Comparison}: its settings and the short name that labels it in tables, legends and CSV
 * headers.
 *
 * @param name   letters, digits, '-' or '_', for example "sgd" or "batch"
 * @param config the run's settings; every run of a comparison starts from the same initial weights
 */
public record ComparisonRun(String name, TrainingConfig config) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    public ComparisonRun {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a run name must be letters, digits, '-' or '_' (got '" + name + "')");
        }
        if (config == null) {
            throw new IllegalArgumentException("run '" + name + "' needs a config");
        }
    }

    /**
     * The run {@code base} with batch size {@code batchSize}, named by {@link #nameForBatchSize(int)} with the
     * notebook's optimiser, else as {@link #nameForBatchSize(int, TrainingOptions.Optimizer)}.
     */
    public static ComparisonRun ofBatchSize(TrainingConfig base, int batchSize) {
        TrainingConfig config = base.withBatchSize(batchSize);
        return new ComparisonRun(nameForBatchSize(batchSize, base.options().optimizer(), config.sampleCount()),
                config);
    }

    /**
     * {@link #nameForBatchSize(int)} for SGD; with another optimiser, whose run of batch size 1 is not "sgd", its name
     * and the size: "Adam-batch4", "momentum-batch1".
     */
    public static String nameForBatchSize(int batchSize, TrainingOptions.Optimizer optimizer) {
        return nameForBatchSize(batchSize, optimizer, Dataset.SIZE);
    }

    /** As {@link #nameForBatchSize(int, TrainingOptions.Optimizer)} for {@code n} training samples. */
    public static String nameForBatchSize(int batchSize, TrainingOptions.Optimizer optimizer, int n) {
        if (optimizer == TrainingOptions.Optimizer.SGD) {
            return nameForBatchSize(batchSize, n);
        }
        TrainingConfig.checkBatchSize(batchSize, n);
        return nameForOptimizer(optimizer) + "-batch" + batchSize;
    }

    /**
     * The run {@code base} with optimiser {@code optimizer} (and {@code base}'s hyper-parameters, which each optimiser
     * uses as it needs them), named by {@link #nameForOptimizer}.
     */
    public static ComparisonRun ofOptimizer(TrainingConfig base, TrainingOptions.Optimizer optimizer) {
        return new ComparisonRun(nameForOptimizer(optimizer),
                base.withOptions(base.options().withOptimizer(optimizer)));
    }

    /**
     * "SGD", "momentum", "Nesterov", "RMSprop" and "Adam": the optimisers as they are written in prose, never the same
     * as a batch size's name ("sgd" is batch size 1 with the notebook's optimiser).
     */
    public static String nameForOptimizer(TrainingOptions.Optimizer optimizer) {
        return switch (optimizer) {
            case SGD -> "SGD";
            case MOMENTUM -> "momentum";
            case NESTEROV -> "Nesterov";
            case RMSPROP -> "RMSprop";
            case ADAM -> "Adam";
        };
    }

    /** "sgd" for batch size 1, "batch" for full-batch gradient descent (4), "minibatch2" and so on between. */
    public static String nameForBatchSize(int batchSize) {
        return nameForBatchSize(batchSize, Dataset.SIZE);
    }

    /** As {@link #nameForBatchSize(int)} for {@code n} training samples: "batch" for a batch size of n. */
    public static String nameForBatchSize(int batchSize, int n) {
        TrainingConfig.checkBatchSize(batchSize, n);
        if (batchSize == 1) {
            return "sgd";
        }
        if (batchSize == n) {
            return "batch";
        }
        return "minibatch" + batchSize;
    }
}
