package org.xorlab.app.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The NumPy reference loss curves (epoch,loss CSV) from {@code xorlab.reference.dir}. */
final class ReferenceLosses {

    private ReferenceLosses() {
    }

    /** Losses of epochs 1, 2, ... of {@code xor-seed42-lr0.1-<mode>.csv}, checking the epochs are consecutive. */
    static double[] load(String mode) {
        Path file = Path.of(System.getProperty("xorlab.reference.dir"), "xor-seed42-lr0.1-" + mode + ".csv");
        try {
            List<String> lines = Files.readAllLines(file);
            double[] losses = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] fields = lines.get(i).split(",");
                if (Long.parseLong(fields[0]) != i) {
                    throw new IllegalStateException(file + " line " + (i + 1) + ": expected epoch " + i);
                }
                losses[i - 1] = Double.parseDouble(fields[1]);
            }
            return losses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code losses} (epochs 1..n) to a chart run in batches, as the window does. */
    static void appendInBatches(LossChart chart, int run, double[] losses, int batch) {
        double[] buffer = new double[batch];
        for (int start = 0; start < losses.length; start += batch) {
            int count = Math.min(batch, losses.length - start);
            System.arraycopy(losses, start, buffer, 0, count);
            chart.append(run, start + 1, buffer, count);
        }
    }
}
