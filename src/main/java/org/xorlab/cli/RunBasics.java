package org.xorlab.cli;

import org.xorlab.engine.Dataset;
import picocli.CommandLine.Option;

/**
 * The settings both commands' networks share, declared once: what to learn, the seed, the step size and how long.
 * {@link NetworkOptions} (compare: one hidden layer) and {@link GeneralOptions} (train: every option) add
 * {@code --hidden} and the rest; the {@code order} attributes keep each command's help in the order it always had.
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
}
