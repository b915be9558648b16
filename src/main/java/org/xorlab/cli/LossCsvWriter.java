package org.xorlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes loss per epoch as CSV row by row, as the runs train (the window writes whole histories with
 * {@code session.LossHistoryCsv}): a header {@code epoch,<column>,...}, then one row per epoch with every loss in
 * full precision ({@link Double#toString(double)}, which reads back to the same double). A run that has stopped
 * gets an empty cell.
 */
final class LossCsvWriter {
    private final Writer out;
    private final StringBuilder row = new StringBuilder(64);

    LossCsvWriter(Writer out, List<String> columns) {
        this.out = out;
        write("epoch," + String.join(",", columns) + "\n");
    }

    void row(long epoch, double... losses) {
        row.setLength(0);
        row.append(epoch);
        for (double loss : losses) {
            row.append(',');
            if (Double.isFinite(loss)) {
                row.append(loss);
            }
        }
        row.append('\n');
        write(row);
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
