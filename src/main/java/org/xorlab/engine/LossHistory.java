package org.xorlab.engine;

/**
 * Every epoch's loss of one run, appended by the training thread and read by any other without locks.
 *
 * <p>One writer only. Entries below {@link #size()} never change once written, so a reader that reads
 * {@code size()} first sees all of them: the writer stores the value, then publishes the new size through a
 * volatile write. Storage grows in fixed chunks, so appending never copies old history.
 */
public final class LossHistory {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private volatile double[][] chunks = new double[16][];
    private volatile int size;

    /** Appends epoch {@code size() + 1}'s loss. Called only by the training thread. */
    public void append(double loss) {
        int n = size;
        int c = n >>> CHUNK_BITS;
        double[][] cs = chunks;
        if (c == cs.length) {
            double[][] grown = new double[cs.length * 2][];
            System.arraycopy(cs, 0, grown, 0, cs.length);
            cs = grown;
            chunks = grown;
        }
        if (cs[c] == null) {
            cs[c] = new double[CHUNK];
        }
        cs[c][n & (CHUNK - 1)] = loss;
        size = n + 1;
    }

    /** Number of epochs recorded; epoch {@code e} (1-based) is at index {@code e - 1}. */
    public int size() {
        return size;
    }

    /** The loss of the epoch at {@code index} (0-based), which must be below {@link #size()}. */
    public double get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("epoch index " + index + " of " + size);
        }
        return chunks[index >>> CHUNK_BITS][index & (CHUNK - 1)];
    }

    /** Copies entries {@code from} (inclusive) to {@code to} (exclusive) into a new array. */
    public double[] copyRange(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + size);
        }
        double[] out = new double[to - from];
        double[][] cs = chunks;
        int i = from;
        while (i < to) {
            int c = i >>> CHUNK_BITS;
            int offset = i & (CHUNK - 1);
            int n = Math.min(CHUNK - offset, to - i);
            System.arraycopy(cs[c], offset, out, i - from, n);
            i += n;
        }
        return out;
    }
}
