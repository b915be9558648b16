package org.xorlab.engine;

import java.util.Arrays;

/**
 * The network's output y_hat and every hidden activation v1[j], sampled at the centres of an N x N grid of cells
 * over the square [min, max] x [min, max] of the input plane (by default a margin of 0.5 around the unit square).
 * Immutable; computed off the FX thread and handed to the views, which only colour it.
 *
 * <p>Orientation follows the picture: column 0 is the left edge (smallest x0), row 0 is the top edge (largest x1).
 * The centre of cell (col, row) is ({@link #x0(int) x0(col)}, {@link #x1(int) x1(row)}).
 *
 * <p>Sampling uses that z1 = W1[j,0] x0 + W1[j,1] x1 + b1[j] separates into a column part and a row part, so
 * e^-z1 = e^-(W1[j,0] x0) * e^-(W1[j,1] x1 + b1[j]) needs 2N exponentials per hidden unit instead of N^2; only the
 * output's sigmoid is taken per cell. Values agree with {@link Weights#predict} to rounding (1e-12 or better).
 */
public final class DecisionGrid {
    /** Cells along each axis unless told otherwise. */
    public static final int DEFAULT_RESOLUTION = 100;
    /** Smallest input value shown on both axes by default: half a unit left of and below the unit square. */
    public static final double DEFAULT_MIN = -0.5;
    /** Largest input value shown on both axes by default. */
    public static final double DEFAULT_MAX = 1.5;
    /** Allowed resolutions; 2000 x 2000 cells is already far more than any screen shows. */
    public static final int MIN_RESOLUTION = 2;
    public static final int MAX_RESOLUTION = 2000;

    private static final double SEPARABLE_LIMIT = 300;

    private final int resolution;
    private final int hiddenUnits;
    private final double min;
    private final double max;
    /** Width of one cell in input units. */
    private final double step;
    /** y_hat of cell (col, row) at {@code row * N + col}. */
    private final double[] output;
    /** v1[j] of cell (col, row) at {@code (j * N + row) * N + col}. */
    private final double[] hidden;

    private DecisionGrid(int resolution, int hiddenUnits, double min, double max, double[] output, double[] hidden) {
        this.resolution = resolution;
        this.hiddenUnits = hiddenUnits;
        this.min = min;
        this.max = max;
        this.step = (max - min) / resolution;
        this.output = output;
        this.hidden = hidden;
    }

    /** Samples {@code weights} at the default resolution and range. */
    public static DecisionGrid sample(Weights weights) {
        return sample(weights, DEFAULT_RESOLUTION, DEFAULT_MIN, DEFAULT_MAX);
    }

    /**
     * Samples {@code weights} on {@code resolution} x {@code resolution} cells covering [min, max] on both axes.
     *
     * @throws IllegalArgumentException if the resolution is out of range or the range is empty or not finite
     */
    public static DecisionGrid sample(Weights weights, int resolution, double min, double max) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must be given");
        }
        if (resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
            throw new IllegalArgumentException("resolution must be a whole number from " + MIN_RESOLUTION + " to "
                    + MAX_RESOLUTION + " (got " + resolution + ")");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("range must be two finite numbers with min < max (got "
                    + min + " .. " + max + ")");
        }
        final int n = resolution;
        final int h = weights.hidden();
        final double step = (max - min) / n;
        final double[] centres = new double[n];
        for (int i = 0; i < n; i++) {
            centres[i] = min + (i + 0.5) * step;
        }
        final double[] out = new double[n * n];
        final double[] hid = new double[h * n * n];
        // z2 accumulated per cell, starting at b2.
        Arrays.fill(out, weights.b2());
        final double[] colFactor = new double[n];
        final double[] rowFactor = new double[n];
        for (int j = 0; j < h; j++) {
            final double a = weights.w1(j, 0);
            final double b = weights.w1(j, 1);
            final double c = weights.b1(j);
            final double w2 = weights.w2(j);
            final int base = j * n * n;
            if (!separable(a, b, c, min, max)) {
                for (int row = 0; row < n; row++) {
                    final double x1 = centres[n - 1 - row];
                    for (int col = 0; col < n; col++) {
                        double v = Activation.sigmoid(a * centres[col] + b * x1 + c);
                        hid[base + row * n + col] = v;
                        out[row * n + col] += w2 * v;
                    }
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                colFactor[i] = Math.exp(-a * centres[i]);
                // Row 0 is the top: the largest x1.
                rowFactor[i] = Math.exp(-(b * centres[n - 1 - i] + c));
            }
            for (int row = 0; row < n; row++) {
                final double r = rowFactor[row];
                final int offset = row * n;
                for (int col = 0; col < n; col++) {
                    double v = 1.0 / (1.0 + colFactor[col] * r);
                    hid[base + offset + col] = v;
                    out[offset + col] += w2 * v;
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = Activation.sigmoid(out[i]);
        }
        return new DecisionGrid(n, h, min, max, out, hid);
    }

    /**
     * True when both factors of e^-z1 stay within e^+-{@value #SEPARABLE_LIMIT} over the range, so their product
     * neither overflows nor loses precision in subnormal numbers; otherwise the unit is sampled cell by cell.
     */
    private static boolean separable(double a, double b, double c, double min, double max) {
        double colPart = Math.max(Math.abs(a * min), Math.abs(a * max));
        double rowPart = Math.max(Math.abs(b * min + c), Math.abs(b * max + c));
        return colPart <= SEPARABLE_LIMIT && rowPart <= SEPARABLE_LIMIT;
    }

    /** Cells along each axis. */
    public int resolution() {
        return resolution;
    }

    /** Number of hidden units H sampled. */
    public int hiddenUnits() {
        return hiddenUnits;
    }

    /** Smallest input value covered, on both axes (the outer edge of the first cell, not its centre). */
    public double min() {
        return min;
    }

    /** Largest input value covered, on both axes. */
    public double max() {
        return max;
    }

    /** The first input x0 at the centre of column {@code col} (column 0 is the left edge). */
    public double x0(int col) {
        return min + (col + 0.5) * step;
    }

    /** The second input x1 at the centre of row {@code row} (row 0 is the top edge, the largest x1). */
    public double x1(int row) {
        return min + (resolution - row - 0.5) * step;
    }

    /** The column whose cell contains input {@code x0}, clamped to the grid; a cell holds its left edge, not its right. */
    public int column(double x0) {
        return clampIndex((int) Math.floor((x0 - min) / (max - min) * resolution));
    }

    /** The row whose cell contains input {@code x1}, clamped to the grid; a cell holds its lower edge, not its upper. */
    public int row(double x1) {
        return resolution - 1 - clampIndex((int) Math.floor((x1 - min) / (max - min) * resolution));
    }

    private int clampIndex(int i) {
        return Math.max(0, Math.min(resolution - 1, i));
    }

    /** The network's output y_hat at the centre of cell (col, row). */
    public double output(int col, int row) {
        return output[checkedCell(col, row)];
    }

    /** Hidden unit {@code unit}'s activation v1[unit] (0-based) at the centre of cell (col, row). */
    public double hidden(int unit, int col, int row) {
        if (unit < 0 || unit >= hiddenUnits) {
            throw new IndexOutOfBoundsException("hidden unit must be from 0 to " + (hiddenUnits - 1) + " (got " + unit + ")");
        }
        return hidden[unit * resolution * resolution + checkedCell(col, row)];
    }

    private int checkedCell(int col, int row) {
        if (col < 0 || col >= resolution || row < 0 || row >= resolution) {
            throw new IndexOutOfBoundsException("cell (" + col + ", " + row + ") is outside the "
                    + resolution + " x " + resolution + " grid");
        }
        return row * resolution + col;
    }
}
