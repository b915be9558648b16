package org.xorlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A run's weights at its epoch boundaries, recorded by the training thread and read by any other without locks, in
 * bounded memory however long the run is: the weights of every one of the most recent {@value #RECENT} epochs, and
 * of older epochs on a stride that doubles with their age (at most {@value #OLDER} of them, always including the
 * first epoch recorded). So at most {@value #CAPACITY} snapshots are held, under 2 MB even with 8 hidden units.
 *
 * <p>Looking up an epoch gives the nearest kept epoch at or before it: exactly that epoch within the recent window,
 * a few epochs earlier further back.
 *
 * <p>One writer only. Every kept {@link Entry} is immutable. Recent entries sit in a ring; an entry leaving the ring
 * is first appended to the older region and only then overwritten, and readers scan the ring before the older
 * region, so a reader never misses an entry that stays kept while it looks. The older region is append-only until
 * it is full; then the writer thins it into a new array and publishes that through a volatile write.
 */
public final class WeightHistory {
    /** Epochs kept one by one, the most recent. */
    public static final int RECENT = 2000;
    /** Most older epochs kept, thinned with age. */
    public static final int OLDER = 2000;
    /** Most snapshots held at any time. */
    public static final int CAPACITY = RECENT + OLDER;

    /** How full the older region is after thinning, so that thinning happens at most every {@code OLDER / 4} epochs. */
    private static final int THINNED = OLDER * 3 / 4;
    /** How much the stride-1 age shrinks per thinning pass that is not yet enough. */
    private static final double SHRINK = 0.8;

    /** One kept snapshot: the weights at the end of {@code epoch} (epoch 0: before training). */
    public record Entry(long epoch, Weights weights) {
    }

    /** The older region: entries below {@code size} never change. */
    private static final class Older {
        final Entry[] entries;
        volatile int size;

        Older(Entry[] entries, int size) {
            this.entries = entries;
            this.size = size;
        }
    }

    private final AtomicReferenceArray<Entry> recent = new AtomicReferenceArray<>(RECENT);
    private volatile Older older = new Older(new Entry[OLDER], 0);
    /** Entries ever recorded; the newest is in ring slot {@code (recorded - 1) % RECENT}. */
    private volatile long recorded;
    private volatile long newestEpoch = -1;

    // The writer's own state.
    /**
     * Ages (in epochs beyond the recent window) up to which older epochs keep stride 1; beyond, the stride doubles
     * each time the age doubles. Only shrinks, so an epoch once thinned away would never be kept again.
     */
    private double reach = Double.POSITIVE_INFINITY;

    /**
     * Records the weights at the end of {@code epoch}. Called only by the training thread.
     *
     * @throws IllegalArgumentException if the epoch is negative or not after the last one recorded, or the weights
     *                                  are missing
     */
    public void record(long epoch, Weights weights) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must be given");
        }
        if (epoch < 0 || epoch <= newestEpoch) {
            throw new IllegalArgumentException("epochs must be recorded in increasing order from 0 (got " + epoch
                    + " after " + newestEpoch + ")");
        }
        long n = recorded;
        int slot = (int) (n % RECENT);
        if (n >= RECENT) {
            retire(recent.get(slot));
        }
        recent.set(slot, new Entry(epoch, weights));
        newestEpoch = epoch;
        recorded = n + 1;
    }

    /** Moves an entry leaving the recent window into the older region, thinning that first if it is full. */
    private void retire(Entry leaving) {
        Older o = older;
        int size = o.size;
        if (size == OLDER) {
            o = thin(o, leaving.epoch());
            older = o;
            size = o.size;
        }
        o.entries[size] = leaving;
        o.size = size + 1;
    }

    /**
     * A new older region without the entries whose epoch is off the stride for their age, shrinking the stride-1 age
     * until at most {@link #THINNED} remain. The first entry (the run's start) always stays.
     */
    private Older thin(Older o, long edge) {
        if (reach == Double.POSITIVE_INFINITY) {
            reach = OLDER;
        }
        Entry[] kept = Arrays.copyOf(o.entries, OLDER);
        int count = o.size;
        while (true) {
            int n = 1;
            for (int i = 1; i < count; i++) {
                if (onStride(kept[i].epoch(), edge - kept[i].epoch(), reach)) {
                    kept[n++] = kept[i];
                }
            }
            Arrays.fill(kept, n, count, null);
            count = n;
            if (count <= THINNED || reach < Double.MIN_NORMAL) {
                return new Older(kept, count);
            }
            reach *= SHRINK;
        }
    }

    /** True if {@code epoch}, {@code age} epochs older than the recent window, is kept: its age's stride divides it. */
    static boolean onStride(long epoch, long age, double reach) {
        double ratio = Math.ceil(age / reach);
        if (ratio <= 1) {
            return true;
        }
        if (ratio > 0x1p62) {
            return false;
        }
        long stride = Long.highestOneBit((long) ratio - 1) << 1;
        return epoch % stride == 0;
    }

    /**
     * The nearest kept snapshot at or before {@code epoch}: for an epoch after the newest, the newest.
     *
     * @return the entry, or null if nothing at or before that epoch was recorded
     */
    public Entry at(long epoch) {
        Entry best = null;
        // The ring first, then the older region: see the class comment.
        long n = recorded;
        int inRing = (int) Math.min(n, RECENT);
        for (int i = 0; i < inRing; i++) {
            best = better(best, recent.get(i), epoch);
        }
        Older o = older;
        Entry[] entries = o.entries;
        int size = o.size;
        // Sorted by epoch: binary search for the last entry at or before the epoch.
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid].epoch() <= epoch) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (hi >= 0) {
            best = better(best, entries[hi], epoch);
        }
        return best;
    }

    private static Entry better(Entry best, Entry candidate, long epoch) {
        if (candidate == null || candidate.epoch() > epoch) {
            return best;
        }
        return best == null || candidate.epoch() > best.epoch() ? candidate : best;
    }

    /** The last epoch recorded, or -1 if none. */
    public long newestEpoch() {
        return newestEpoch;
    }

    /** Snapshots held now; never more than {@value #CAPACITY}. */
    public int size() {
        return (int) Math.min(recorded, RECENT) + older.size;
    }

    /** The epochs kept now, oldest first (a consistent view only while nothing is being recorded). */
    public long[] epochs() {
        List<Long> out = new ArrayList<>();
        Older o = older;
        for (int i = 0; i < o.size; i++) {
            out.add(o.entries[i].epoch());
        }
        long n = recorded;
        for (long i = Math.max(0, n - RECENT); i < n; i++) {
            Entry e = recent.get((int) (i % RECENT));
            if (e != null) {
                out.add(e.epoch());
            }
        }
        return out.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }
}
