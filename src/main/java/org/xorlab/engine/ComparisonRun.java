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

    /** The run {@code base} with batch size {@code batchSize}, named by {@link #nameForBatchSize(int)}. */
    public static ComparisonRun ofBatchSize(TrainingConfig base, int batchSize) {
        return new ComparisonRun(nameForBatchSize(batchSize), base.withBatchSize(batchSize));
    }

    /** "sgd" for batch size 1, "batch" for full-batch gradient descent (4), "minibatch2" and so on between. */
    public static String nameForBatchSize(int batchSize) {
        TrainingConfig.checkBatchSize(batchSize);
        if (batchSize == 1) {
            return "sgd";
        }
        if (batchSize == Dataset.SIZE) {
            return "batch";
        }
        return "minibatch" + batchSize;
    }
}
