package org.xorlab.cli;

import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.text.NumberText;
import picocli.CommandLine.Option;

/** {@code xorlab compare}'s network: {@link RunBasics} and one hidden layer of 1 to 8 units. */
final class NetworkOptions extends RunBasics {
    @Option(names = "--hidden", order = 2, paramLabel = "H", defaultValue = "2", converter = Converters.HiddenUnits.class,
            description = "Hidden units, 1 to 8 (default: ${DEFAULT-VALUE}).")
    int hidden;

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
