package org.xorlab.plot;

import java.util.Arrays;

/**
 * The loss history of one run, kept in at most {@code budget} points however long the run.
 *
 * <p>Epochs are grouped into buckets of {@code stride} consecutive epochs (bucket {@code epoch / stride}); each bucket
 * keeps only its smallest and its largest loss, in epoch order, so spikes and the envelope of a noisy curve survive.
 * When a new bucket would exceed the budget the stride doubles and neighbouring buckets merge pairwise, so the stride
 * is always the smallest power of two whose buckets fit. While the stride is 1 or 2 every epoch is kept. The very first
 * and the latest point are always kept as well. Each {@link #add} costs amortised O(1): a merge touches every bucket,
 * but happens only when the number of epochs has doubled.
 *
 * <p>Losses that cannot be drawn on a log axis (NaN, infinite, zero or negative) are counted but never stored.
 * Not thread-safe; knows nothing of JavaFX.
 */
public final class DecimatedSeries {

    /** Receives the kept points in increasing epoch order. */
    @FunctionalInterface
    public interface PointSink {
        void accept(long epoch, double loss);
    }

    /** Smallest budget that still leaves room for a few buckets next to the first and last point. */
    static final int MIN_BUDGET = 8;

    private final int maxBuckets;
    private long stride = 1;

    // Buckets, oldest first: index (epoch / stride), and the epoch and loss of its minimum and maximum.
    private long[] bucket = new long[16];
    private long[] minEpoch = new long[16];
    private double[] minLoss = new double[16];
    private long[] maxEpoch = new long[16];
    private double[] maxLoss = new double[16];
    private int buckets;

    private boolean hasPoints;
    private long firstEpoch;
    private double firstLoss;
    private long lastEpoch;
    private double lastLoss;

    /** Last epoch passed to {@link #add}, plottable or not; -1 before the first. */
    private long lastEpochSeen = -1;
    private long received;

    /**
     * @param budget the most points {@link #forEachPoint} will ever deliver
     * @throws IllegalArgumentException if the budget is below {@link #MIN_BUDGET}
     */
    public DecimatedSeries(int budget) {
        if (budget < MIN_BUDGET) {
            throw new IllegalArgumentException("point budget must be at least " + MIN_BUDGET + ", got " + budget);
        }
        this.maxBuckets = (budget - 2) / 2;
    }

    /**
     * Records the loss of one epoch.
     *
     * @throws IllegalArgumentException if the epoch is negative or not after the previous one
     */
    public void add(long epoch, double loss) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be 0 or more, got " + epoch);
        }
        if (epoch <= lastEpochSeen) {
            throw new IllegalArgumentException(
                    "epochs must increase: got epoch " + epoch + " after epoch " + lastEpochSeen);
        }
        lastEpochSeen = epoch;
        received++;
        if (!isPlottable(loss)) {
            return;
        }
        if (!hasPoints) {
            hasPoints = true;
            firstEpoch = epoch;
            firstLoss = loss;
        }
        lastEpoch = epoch;
        lastLoss = loss;

        while (true) {
            long b = epoch / stride;
            if (buckets > 0 && bucket[buckets - 1] == b) {
                int i = buckets - 1;
                // Strict comparisons keep the earliest epoch on ties, the same rule as merge().
                if (loss < minLoss[i]) {
                    minEpoch[i] = epoch;
                    minLoss[i] = loss;
                }
                if (loss > maxLoss[i]) {
                    maxEpoch[i] = epoch;
                    maxLoss[i] = loss;
                }
                return;
            }
            if (buckets < maxBuckets) {
                push(b, epoch, loss);
                return;
            }
            coarsen();
        }
    }

    /** True if the loss can be drawn on a log axis: finite and positive. */
    public static boolean isPlottable(double loss) {
        return loss > 0 && loss < Double.POSITIVE_INFINITY;
    }

    /** Forgets every point and returns to full resolution. */
    public void clear() {
        stride = 1;
        buckets = 0;
        hasPoints = false;
        lastEpochSeen = -1;
        received = 0;
    }

    /** Number of epochs passed to {@link #add} since creation or {@link #clear}, plottable or not. */
    public long received() {
        return received;
    }

    /** Epochs per bucket: a power of two, 1 until the budget is first exceeded. */
    long stride() {
        return stride;
    }

    /** Delivers the kept points, strictly increasing in epoch. */
    public void forEachPoint(PointSink sink) {
        if (!hasPoints) {
            return;
        }
        long previous = firstEpoch;
        sink.accept(firstEpoch, firstLoss);
        for (int i = 0; i < buckets; i++) {
            boolean minFirst = minEpoch[i] <= maxEpoch[i];
            long e1 = minFirst ? minEpoch[i] : maxEpoch[i];
            double l1 = minFirst ? minLoss[i] : maxLoss[i];
            long e2 = minFirst ? maxEpoch[i] : minEpoch[i];
            double l2 = minFirst ? maxLoss[i] : minLoss[i];
            if (e1 > previous) {
                sink.accept(e1, l1);
                previous = e1;
            }
            if (e2 > previous) {
                sink.accept(e2, l2);
                previous = e2;
            }
        }
        if (lastEpoch > previous) {
            sink.accept(lastEpoch, lastLoss);
        }
    }

    /** Number of points {@link #forEachPoint} delivers now. */
    int size() {
        int[] count = {0};
        forEachPoint((epoch, loss) -> count[0]++);
        return count[0];
    }

    private void push(long b, long epoch, double loss) {
        if (buckets == bucket.length) {
            int n = Math.min(2 * bucket.length, maxBuckets);
            bucket = Arrays.copyOf(bucket, n);
            minEpoch = Arrays.copyOf(minEpoch, n);
            minLoss = Arrays.copyOf(minLoss, n);
            maxEpoch = Arrays.copyOf(maxEpoch, n);
            maxLoss = Arrays.copyOf(maxLoss, n);
        }
        bucket[buckets] = b;
        minEpoch[buckets] = epoch;
        minLoss[buckets] = loss;
        maxEpoch[buckets] = epoch;
        maxLoss[buckets] = loss;
        buckets++;
    }

    /** Doubles the stride, merging buckets 2k and 2k+1 into bucket k. */
    private void coarsen() {
        stride *= 2;
        int kept = 0;
        for (int i = 0; i < buckets; i++) {
            long b = bucket[i] / 2;
            if (kept > 0 && bucket[kept - 1] == b) {
                int j = kept - 1;
                if (minLoss[i] < minLoss[j]) {
                    minEpoch[j] = minEpoch[i];
                    minLoss[j] = minLoss[i];
                }
                if (maxLoss[i] > maxLoss[j]) {
                    maxEpoch[j] = maxEpoch[i];
                    maxLoss[j] = maxLoss[i];
                }
            } else {
                bucket[kept] = b;
                minEpoch[kept] = minEpoch[i];
                minLoss[kept] = minLoss[i];
                maxEpoch[kept] = maxEpoch[i];
                maxLoss[kept] = maxLoss[i];
                kept++;
            }
        }
        buckets = kept;
    }
}
