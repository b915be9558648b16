package org.xorlab.engine;

import java.util.Arrays;

/**
 * An immutable list of points (x1, x2) with targets y in [0, 1], in the order training walks them: the four rows of
 * a truth table, a generated point cloud, or a student's own points. Every coordinate is finite.
 */
public final class Samples {
    /** The most points a dataset may hold (generated, drawn or read from a file). */
    public static final int MAX_POINTS = 1000;
    /** The largest |x1| or |x2| a point may have. */
    public static final double MAX_COORDINATE = 1e6;

    /** No points: the test set when nothing is held out. */
    public static final Samples NONE = new Samples(new double[0], new double[0], new double[0], false);

    private final double[] x1;
    private final double[] x2;
    private final double[] y;

    private Samples(double[] x1, double[] x2, double[] y, boolean copy) {
        this.x1 = copy ? x1.clone() : x1;
        this.x2 = copy ? x2.clone() : x2;
        this.y = copy ? y.clone() : y;
    }

    /**
     * Points from three arrays of the same length (copied).
     *
     * @throws IllegalArgumentException naming the first point out of range: a coordinate that is not finite or
     *                                  beyond +-{@value #MAX_COORDINATE}, or a target outside [0, 1]; or more than
     *                                  {@value #MAX_POINTS} points
     */
    public static Samples of(double[] x1, double[] x2, double[] y) {
        if (x1.length != x2.length || x1.length != y.length) {
            throw new IllegalArgumentException("x1, x2 and y must have one value per point");
        }
        if (x1.length > MAX_POINTS) {
            throw new IllegalArgumentException("a dataset holds at most " + MAX_POINTS + " points (got "
                    + x1.length + ")");
        }
        for (int i = 0; i < x1.length; i++) {
            checkPoint(i, x1[i], x2[i], y[i]);
        }
        return new Samples(x1, x2, y, true);
    }

    /** Checks one point; {@code i} is its index from 0, for the message. */
    static void checkPoint(int i, double x1, double x2, double y) {
        checkCoordinate(i, "x1", x1);
        checkCoordinate(i, "x2", x2);
        if (!(y >= 0 && y <= 1)) {
            throw new IllegalArgumentException("point " + (i + 1) + ": y must be a number from 0 to 1 (got " + y + ")");
        }
    }

    private static void checkCoordinate(int i, String name, double value) {
        if (!(Math.abs(value) <= MAX_COORDINATE)) {
            throw new IllegalArgumentException("point " + (i + 1) + ": " + name + " must be a finite number from -"
                    + (long) MAX_COORDINATE + " to " + (long) MAX_COORDINATE + " (got " + value + ")");
        }
    }

    private static final Samples[] TABLES = new Samples[Dataset.values().length];

    static {
        for (Dataset d : Dataset.values()) {
            TABLES[d.ordinal()] = table(d);
        }
    }

    /** The truth table's four rows, in SPEC's fixed order (0,0), (0,1), (1,0), (1,1). */
    public static Samples of(Dataset dataset) {
        return TABLES[dataset.ordinal()];
    }

    private static Samples table(Dataset dataset) {
        double[] a = new double[Dataset.SIZE];
        double[] b = new double[Dataset.SIZE];
        double[] t = new double[Dataset.SIZE];
        for (int i = 0; i < Dataset.SIZE; i++) {
            a[i] = Dataset.x0(i);
            b[i] = Dataset.x1(i);
            t[i] = dataset.target(i);
        }
        return new Samples(a, b, t, false);
    }

    public int size() {
        return y.length;
    }

    public boolean isEmpty() {
        return y.length == 0;
    }

    /** The first coordinate of point {@code i}. */
    public double x1(int i) {
        return x1[i];
    }

    /** The second coordinate of point {@code i}. */
    public double x2(int i) {
        return x2[i];
    }

    /** The target of point {@code i}. */
    public double y(int i) {
        return y[i];
    }

    /** The class of point {@code i} at threshold 0.5: true when y is at least 0.5. */
    public boolean positive(int i) {
        return y[i] >= 0.5;
    }

    /** These points followed by {@code more}'s. */
    public Samples concat(Samples more) {
        int n = size();
        double[] a = Arrays.copyOf(x1, n + more.size());
        double[] b = Arrays.copyOf(x2, n + more.size());
        double[] t = Arrays.copyOf(y, n + more.size());
        System.arraycopy(more.x1, 0, a, n, more.size());
        System.arraycopy(more.x2, 0, b, n, more.size());
        System.arraycopy(more.y, 0, t, n, more.size());
        return of(a, b, t);
    }

    /** The points at these indexes, in this order. */
    public Samples pick(int[] indexes) {
        double[] a = new double[indexes.length];
        double[] b = new double[indexes.length];
        double[] t = new double[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            a[i] = x1[indexes[i]];
            b[i] = x2[indexes[i]];
            t[i] = y[indexes[i]];
        }
        return new Samples(a, b, t, false);
    }

    /** The same points with point {@code i} replaced. */
    public Samples with(int i, double px1, double px2, double py) {
        checkPoint(i, px1, px2, py);
        Samples s = new Samples(x1, x2, y, true);
        s.x1[i] = px1;
        s.x2[i] = px2;
        s.y[i] = py;
        return s;
    }

    /** The same points with one more at the end. */
    public Samples plus(double px1, double px2, double py) {
        checkPoint(size(), px1, px2, py); // named as the point it would be, not as point 1 of a one-point list
        return concat(of(new double[] {px1}, new double[] {px2}, new double[] {py}));
    }

    /** The same points without point {@code i}. */
    public Samples without(int i) {
        int[] keep = new int[size() - 1];
        for (int k = 0, j = 0; k < size(); k++) {
            if (k != i) {
                keep[j++] = k;
            }
        }
        return pick(keep);
    }

    /**
     * The smallest and largest coordinate over both axes, {min, max}; {0, 1} with no points. A square view of the
     * data spans this range on each axis.
     */
    public double[] extent() {
        if (isEmpty()) {
            return new double[] {0, 1};
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size(); i++) {
            lo = Math.min(lo, Math.min(x1[i], x2[i]));
            hi = Math.max(hi, Math.max(x1[i], x2[i]));
        }
        return new double[] {lo, hi};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && Arrays.equals(x1, s.x1) && Arrays.equals(x2, s.x2) && Arrays.equals(y, s.y);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(x1) + Arrays.hashCode(x2)) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return size() + " points";
    }
}
