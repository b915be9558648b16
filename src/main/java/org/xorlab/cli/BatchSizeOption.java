package org.xorlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --batch-size}, declared once for the commands that train one run ({@code train}, {@code landscape}); the
 * value is checked against the data once {@link GeneralOptions} has read it.
 */
final class BatchSizeOption {
    @Option(names = "--batch-size", order = 40, paramLabel = "K", defaultValue = "1", converter = Converters.BatchSize.class,
            description = "Samples per weight update, 1 to 4 (1 to n for n training points of --data): 1 is the "
                    + "notebook's SGD, 4 (n) or full full-batch gradient descent (default: ${DEFAULT-VALUE}).")
    String text;

    /** The batch size, checked against {@code network}'s data. */
    int of(CommandLine command, GeneralOptions network) {
        return network.batchSize(command, "--batch-size", text);
    }
}
