package org.xorlab.engine;

import java.util.Arrays;

/**
 * The network's output y_hat and every hidden layer's activations v[l][j], sampled at the centres of an N x N grid of cells
 * over the square [min, max] x [min, max] of the input plane (by default a margin of 0.5 around the unit square).
 * Immutable; computed off the FX thread and handed to the views, which only colour it.
 *
 * <p>Orientation follows the picture: column 0 is the left edge (smallest x0), row 0 is the top edge (largest x1).
 * The centre of cell (col, row) is ({@link #x0(int) x0(col)}, {@link #x1(int) x1(row)}).
 *
 * <p>The notebook's network (one hidden layer of sigmoids) is sampled fast: z1 = W1[j,0] x0 + W1[j,1] x1 + b1[j]
 * separates into a column part and a row part, so e^-z1 = e^-(W1[j,0] x0) * e^-(W1[j,1] x1 + b1[j]) needs 2N
 * exponentials per hidden unit instead of N^2; only the output's sigmoid is taken per cell. Values agree with
 * {@link Weights#predict} to rounding (1e-12 or better). Any other network (deeper, or another hidden activation)
 * takes {@link Weights#activations} cell by cell, so its values are exactly those.
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
    private final Activation activation;
    /** Every hidden layer's width, input side first. */
    private final int[] widths;
    private final double min;
    private final double max;
    /** Width of one cell in input units. */
    private final double step;
    /** y_hat of cell (col, row) at {@code row * N + col}. */
    private final double[] output;
    /** v[l + 1][j] of cell (col, row) at {@code hidden[l][(j * N + row) * N + col]}. */
    private final double[][] hidden;

    private DecisionGrid(int resolution, Activation activation, int[] widths, double min, double max, double[] output,
                         double[][] hidden) {
        this.resolution = resolution;
        this.activation = activation;
        this.widths = widths;
        this.min = min;
        this.max = max;
        this.step = (max - min) / resolution;
        this.output = output;
        this.hidden = hidden;
    }

    /** Samples {@code weights} with sigmoid hidden units (the notebook's) at the default resolution and range. */
    public static DecisionGrid sample(Weights weights) {
        return sample(weights, Activation.SIGMOID, DEFAULT_RESOLUTION, DEFAULT_MIN, DEFAULT_MAX);
    }

    /** Samples {@code weights} with sigmoid hidden units (the notebook's); see {@link #sample(Weights, Activation, int, double, double)}. */
    public static DecisionGrid sample(Weights weights, int resolution, double min, double max) {
        return sample(weights, Activation.SIGMOID, resolution, min, max);
    }

    /**
     * Samples {@code weights} through the options' input features and hidden activation on {@code resolution} x
     * {@code resolution} cells covering [min, max] on both axes: with the default features x1, x2 exactly
     * {@link #sample(Weights, Activation, int, double, double)}.
     */
    public static DecisionGrid sample(Weights weights, TrainingOptions options, int resolution, double min,
                                      double max) {
        if (options.features().equals(Feature.DEFAULT)) {
            return sample(weights, options.activation(), resolution, min, max);
        }
        DecisionGrid.check(weights, options.activation(), resolution, min, max);
        return sampleEachCell(weights, options.activation(), options.features(), resolution, min, max,
                centres(resolution, min, max));
    }

    private static double[] centres(int n, double min, double max) {
        final double step = (max - min) / n;
        final double[] centres = new double[n];
        for (int i = 0; i < n; i++) {
            centres[i] = min + (i + 0.5) * step;
        }
        return centres;
    }

    /**
     * Samples {@code weights}, whose hidden layers apply {@code activation}, on {@code resolution} x
     * {@code resolution} cells covering [min, max] on both axes.
     *
     * @throws IllegalArgumentException if the resolution is out of range or the range is empty or not finite
     */
    public static DecisionGrid sample(Weights weights, Activation activation, int resolution, double min, double max) {
        check(weights, activation, resolution, min, max);
        final int n = resolution;
        final double[] centres = centres(n, min, max);
        if (activation != Activation.SIGMOID || weights.layers() != 2 || weights.inputs() != 2) {
            return sampleEachCell(weights, activation, Feature.DEFAULT, n, min, max, centres);
        }
        return sampleNotebook(weights, activation, n, min, max, centres);
    }

    private static void check(Weights weights, Activation activation, int resolution, double min, double max) {
        if (weights == null) {
            throw new IllegalArgumentException("weights must be given");
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must be one of " + Activation.allowedNames());
        }
        if (resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
            throw new IllegalArgumentException("resolution must be a whole number from " + MIN_RESOLUTION + " to "
                    + MAX_RESOLUTION + " (got " + resolution + ")");
        }
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("range must be two finite numbers with min < max (got "
                    + min + " .. " + max + ")");
        }
    }

    /** The notebook's network, separably (see the class comment). */
    private static DecisionGrid sampleNotebook(Weights weights, Activation activation, int n, double min, double max,
                                               double[] centres) {
        final int h = weights.hidden();
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
        return new DecisionGrid(n, activation, new int[] {h}, min, max, out, new double[][] {hid});
    }

    /** Any network: a forward pass ({@link Weights#activations}) per cell. */
    private static DecisionGrid sampleEachCell(Weights weights, Activation activation,
                                               java.util.List<Feature> features, int n, double min, double max,
                                               double[] centres) {
        if (features.size() != weights.inputs()) {
            throw new IllegalArgumentException("the weights take " + weights.inputs() + " input features, not "
                    + features.size());
        }
        double[] in = new double[features.size()];
        int[] widths = weights.hiddenLayers();
        double[] out = new double[n * n];
        double[][] hid = new double[widths.length][];
        for (int l = 0; l < widths.length; l++) {
            hid[l] = new double[widths[l] * n * n];
        }
        double[][] v = new double[widths.length + 1][];
        for (int l = 0; l < widths.length; l++) {
            v[l] = new double[widths[l]];
        }
        v[widths.length] = new double[1];
        for (int row = 0; row < n; row++) {
            double x1 = centres[n - 1 - row];
            for (int col = 0; col < n; col++) {
                Feature.apply(features, centres[col], x1, in);
                weights.forward(activation, in, v, null);
                int cell = row * n + col;
                for (int l = 0; l < widths.length; l++) {
                    for (int j = 0; j < widths[l]; j++) {
                        hid[l][j * n * n + cell] = v[l][j];
                    }
                }
                out[cell] = v[widths.length][0];
            }
        }
        return new DecisionGrid(n, activation, widths, min, max, out, hid);
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

    /** Number of hidden units H of the first hidden layer. */
    public int hiddenUnits() {
        return widths[0];
    }

    /** Every hidden layer's width, input side first. */
    public int[] hiddenLayers() {
        return widths.clone();
    }

    /** The number of hidden layers sampled. */
    public int hiddenLayerCount() {
        return widths.length;
    }

    /** The hidden layers' activation the grid was sampled with. */
    public Activation activation() {
        return activation;
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

    /** Hidden unit {@code unit}'s activation v1[unit] (0-based) of the first hidden layer at the centre of cell (col, row). */
    public double hidden(int unit, int col, int row) {
        return hidden(1, unit, col, row);
    }

    /**
     * Hidden layer {@code layer}'s (from 1) unit {@code unit}'s (from 0) activation v[layer][unit] at the centre of
     * cell (col, row).
     */
    public double hidden(int layer, int unit, int col, int row) {
        if (layer < 1 || layer > widths.length) {
            throw new IndexOutOfBoundsException("hidden layer must be from 1 to " + widths.length + " (got " + layer + ")");
        }
        int units = widths[layer - 1];
        if (unit < 0 || unit >= units) {
            throw new IndexOutOfBoundsException("hidden unit must be from 0 to " + (units - 1) + " (got " + unit + ")");
        }
        return hidden[layer - 1][unit * resolution * resolution + checkedCell(col, row)];
    }

    private int checkedCell(int col, int row) {
        if (col < 0 || col >= resolution || row < 0 || row >= resolution) {
            throw new IndexOutOfBoundsException("cell (" + col + ", " + row + ") is outside the "
                    + resolution + " x " + resolution + " grid");
        }
        return row * resolution + col;
    }
}
