package org.xorlab.engine;

import java.util.Arrays;

/**
 * The loss curves of a {@link Comparison}, for plotting: a shared list of epochs and each run's loss at those
 * epochs. Immutable; accessors return copies.
 *
 * <p>The number of points is bounded however long the comparison runs: every epoch is kept until the bound is
 * reached, then every second one, and so on (the kept epochs are always 1, 1 + s, 1 + 2s, ... for a power of two
 * s), plus the latest epoch. A run that diverged has NaN from the epoch it stopped.
 */
public final class ComparisonHistory {
    private final long[] epochs;
    private final double[][] losses;

    ComparisonHistory(long[] epochs, double[][] losses) {
        this.epochs = epochs;
        this.losses = losses;
    }

    /** Number of points. */
    public int size() {
        return epochs.length;
    }

    /** Number of runs. */
    public int runCount() {
        return losses.length;
    }

    /** The epochs of the points, increasing. */
    public long[] epochs() {
        return epochs.clone();
    }

    /** Run {@code run}'s loss at each of {@link #epochs()}. */
    public double[] losses(int run) {
        return losses[run].clone();
    }

    /** Collects points as a comparison runs, thinning them to stay within a bound. Not thread-safe. */
    static final class Recorder {
        private final int capacity;
        private final int runs;
        private long stride = 1;
        private long[] epochs;
        private double[][] losses;
        private int size;
        private long lastEpoch;
        private double[] lastLosses;

        Recorder(int runs, int capacity) {
            if (capacity < 2) {
                throw new IllegalArgumentException("a loss history needs room for at least 2 points (got " + capacity + ")");
            }
            this.runs = runs;
            this.capacity = capacity - capacity % 2;
            clear();
        }

        void clear() {
            stride = 1;
            size = 0;
            lastEpoch = 0;
            epochs = new long[Math.min(capacity, 1024)];
            losses = new double[runs][epochs.length];
            lastLosses = new double[runs];
        }

        void add(long epoch, double[] values) {
            lastEpoch = epoch;
            System.arraycopy(values, 0, lastLosses, 0, runs);
            if ((epoch - 1) % stride != 0) {
                return;
            }
            if (size == capacity) {
                thin();
                if ((epoch - 1) % stride != 0) {
                    return;
                }
            }
            if (size == epochs.length) {
                int grown = Math.min(capacity, epochs.length * 2);
                epochs = Arrays.copyOf(epochs, grown);
                for (int r = 0; r < runs; r++) {
                    losses[r] = Arrays.copyOf(losses[r], grown);
                }
            }
            epochs[size] = epoch;
            for (int r = 0; r < runs; r++) {
                losses[r][size] = values[r];
            }
            size++;
        }

        /** Keeps every second point and doubles the stride. */
        private void thin() {
            int kept = 0;
            for (int i = 0; i < size; i += 2) {
                epochs[kept] = epochs[i];
                for (int r = 0; r < runs; r++) {
                    losses[r][kept] = losses[r][i];
                }
                kept++;
            }
            size = kept;
            stride *= 2;
        }

        ComparisonHistory snapshot() {
            boolean addLast = size == 0 ? lastEpoch > 0 : lastEpoch > epochs[size - 1];
            int n = size + (addLast ? 1 : 0);
            long[] e = Arrays.copyOf(epochs, n);
            double[][] l = new double[runs][];
            for (int r = 0; r < runs; r++) {
                l[r] = Arrays.copyOf(losses[r], n);
            }
            if (addLast) {
                e[n - 1] = lastEpoch;
                for (int r = 0; r < runs; r++) {
                    l[r][n - 1] = lastLosses[r];
                }
            }
            return new ComparisonHistory(e, l);
        }
    }
}
