package org.xorlab.cli;

import org.xorlab.engine.Dataset;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Option;

/**
 * The settings every run has, declared once: what to learn, the seed, the step size and how long.
 * {@link GeneralOptions} (both commands' network) adds {@code --hidden} and the rest; the {@code order} attributes
 * keep each command's help in the order it always had.
 */
abstract class RunBasics {
    @Option(names = "--dataset", order = 1, paramLabel = "NAME", defaultValue = "xor", converter = Converters.DatasetName.class,
            description = "Truth table to learn: xor, and, or or xnor (default: ${DEFAULT-VALUE}).")
    Dataset dataset;

    @Option(names = "--seed", order = 3, paramLabel = "S", defaultValue = "42", converter = Converters.Seed.class,
            description = "NumPy seed for the initial weights, 0 to 4294967295 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--learning-rate", order = 4, paramLabel = "LR", defaultValue = "0.1",
            converter = Converters.LearningRate.class,
            description = "Step size, a finite number greater than 0 (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--epochs", order = 5, paramLabel = "N", defaultValue = "10000", converter = Converters.Epochs.class,
            description = "Epochs to train, 1 to 100000000 (default: ${DEFAULT-VALUE}).")
    long epochs;

    /** 0.1 or 0.00001 as typed rather than Java's 1.0E-5; very large or small values in scientific notation. */
    static String number(double value) {
        return NumberText.plain(value);
    }

    /** "batch size 1 (SGD)", "batch size 4 (full-batch GD)", "batch size 2 (mini-batch)". */
    static String describeBatch(int batchSize) {
        return describeBatch(batchSize, Dataset.SIZE);
    }

    /** As {@link #describeBatch(int)} for {@code n} training samples: n is full-batch. */
    static String describeBatch(int batchSize, int n) {
        if (batchSize == 1) {
            return "batch size 1 (SGD)";
        }
        if (batchSize == n) {
            return "batch size " + batchSize + " (full-batch GD)";
        }
        return "batch size " + batchSize + " (mini-batch)";
    }
}
