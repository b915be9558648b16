package org.xorlab.session;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import org.xorlab.engine.LossHistory;

/**
 * The loss histories of one or more named runs, written whole as CSV (the window's File ▸ Export; the command line
 * writes its table row by row as it trains, with {@code cli.LossCsvWriter}): a header
 * {@code epoch,<run 1>,<run 2>,...}, then one row per epoch with each loss in full precision
 * ({@link Double#toString(double)}, which reads back to the same double). A run with fewer epochs than the longest
 * (it stopped or diverged) has empty cells after its last epoch.
 */
public final class LossHistoryCsv {
    /**
     * One run's column.
     *
     * @param name   the header; quoted in the file if it holds a comma, quote or line break
     * @param epochs how many epochs of losses it has
     * @param loss   the loss of the epoch at a 0-based index below {@code epochs}
     */
    public record Column(String name, int epochs, IntToDoubleFunction loss) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(loss, "loss");
            if (epochs < 0) {
                throw new IllegalArgumentException("epochs must be 0 or more (got " + epochs + ")");
            }
        }

        /** A column over a copy of {@code losses}. */
        public static Column of(String name, double[] losses) {
            double[] copy = losses.clone();
            return new Column(name, copy.length, i -> copy[i]);
        }

        /**
         * A column over the first {@code epochs} entries of a live history: entries below its size never change,
         * so it can be written from any thread while training goes on.
         */
        public static Column of(String name, LossHistory history, int epochs) {
            if (epochs > history.size()) {
                throw new IllegalArgumentException("the history has " + history.size() + " epochs, not " + epochs);
            }
            return new Column(name, epochs, history::get);
        }
    }

    private LossHistoryCsv() {
    }

    /** Writes the columns as CSV to {@code out}. */
    public static void write(Writer out, List<Column> columns) throws IOException {
        StringBuilder row = new StringBuilder(64);
        row.append("epoch");
        int rows = 0;
        for (Column c : columns) {
            row.append(',').append(quote(c.name()));
            rows = Math.max(rows, c.epochs());
        }
        out.append(row).append('\n');
        for (int i = 0; i < rows; i++) {
            row.setLength(0);
            row.append(i + 1);
            for (Column c : columns) {
                row.append(',');
                if (i < c.epochs()) {
                    double loss = c.loss().applyAsDouble(i);
                    if (Double.isFinite(loss)) {
                        row.append(loss);
                    }
                }
            }
            out.append(row).append('\n');
        }
    }

    /** Writes the columns as UTF-8 CSV to {@code stream}, flushed and left open. */
    public static void write(OutputStream stream, List<Column> columns) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        write(out, columns);
        out.flush();
    }

    /** Writes the columns as a UTF-8 CSV file, atomically. */
    public static void write(Path file, List<Column> columns) throws IOException {
        AtomicFile.write(file, stream -> write(stream, columns));
    }

    /** A header cell as RFC 4180 has it: quoted, with quotes doubled, when it holds a comma, quote or line break. */
    static String quote(String name) {
        if (name.indexOf(',') < 0 && name.indexOf('"') < 0 && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
