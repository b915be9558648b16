package org.xorlab.cli;

import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Option;

/** The options every command shares: what to learn, the network's size and start, and how long to train. */
final class NetworkOptions {
    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "xor", converter = Converters.DatasetName.class,
            description = "Truth table to learn: xor, and, or or xnor (default: ${DEFAULT-VALUE}).")
    Dataset dataset;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "2", converter = Converters.HiddenUnits.class,
            description = "Hidden units, 1 to 8 (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", converter = Converters.Seed.class,
            description = "NumPy seed for the initial weights, 0 to 4294967295 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.1",
            converter = Converters.LearningRate.class,
            description = "Step size, a finite number greater than 0 (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10000", converter = Converters.Epochs.class,
            description = "Epochs to train, 1 to 100000000 (default: ${DEFAULT-VALUE}).")
    long epochs;

    /** These settings with the given batch size. */
    TrainingConfig config(int batchSize) {
        return new TrainingConfig(dataset, hidden, seed, learningRate, batchSize);
    }

    /** "xor, 2 hidden units, seed 42, learning rate 0.1", for summaries. */
    String describe() {
        return dataset.id() + ", " + hidden + (hidden == 1 ? " hidden unit" : " hidden units") + ", seed " + seed
                + ", learning rate " + number(learningRate);
    }

    /** 0.1 or 0.00001 as typed rather than Java's 1.0E-5; very large or small values in scientific notation. */
    static String number(double value) {
        return NumberText.plain(value);
    }

    static String describeBatch(int batchSize) {
        if (batchSize == 1) {
            return "batch size 1 (SGD)";
        }
        if (batchSize == Dataset.SIZE) {
            return "batch size " + batchSize + " (full-batch GD)";
        }
        return "batch size " + batchSize + " (mini-batch)";
    }
}
