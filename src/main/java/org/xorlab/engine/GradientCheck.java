package org.xorlab.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A gradient check of one weight update, so a student can verify backpropagation themselves: for every parameter,
 * backprop's gradient from the {@link UpdateTrace} beside a central finite difference of the loss backprop
 * differentiates, and their relative difference. Pure and immutable; computed by {@link #of(UpdateTrace)}.
 *
 * <p><b>Which loss, exactly.</b> The finite differences are taken of the chunk's loss at the update's weights before
 * it ({@link UpdateTrace#before()}), on the chunk's own samples (its x rows, so with any input features, in the
 * epoch's order, shuffled or not), through the options' hidden activation and layers:
 * <ul>
 *   <li>{@code mse}: L = sum((y_hat - y)^2) / (2m), half the chunk's mean squared error. The notebook's output
 *       error d = (y_hat - y) y_hat (1 - y_hat) has no factor 2, so backprop's d v^T / m is the gradient of half
 *       the MSE the app reports, not of the reported MSE itself (whose gradient is twice it).</li>
 *   <li>{@code cross-entropy}: L = mean over the chunk of max(z, 0) - z y + log(1 + exp(-|z|)), the reported loss,
 *       whose gradient d = y_hat - y gives exactly.</li>
 * </ul>
 * Without the regularisation term: the gradient checked is {@link UpdateTrace.LayerStep#gradW()} and
 * {@link UpdateTrace.LayerStep#gradB()}, the data's gradient backprop computes. The term (rate W for l2, rate sign(W)
 * for l1) is added after backprop, never passes through it, and the reported loss never contains it. Nor does the
 * optimiser enter: momentum, rmsprop and adam change what is done with this gradient, not the gradient.
 *
 * <p><b>The step.</b> Each parameter p is moved by h = {@value #STEP} max(1, |p|) each way; the difference is taken
 * over the step actually representable, (L(p + h) - L(p - h)) / ((p + h) - (p - h)). The truncation error of a
 * central difference is about h^2, far below 1e-6 relative for a smooth loss. Its rounding noise, the loss's
 * rounding over 2h, was measured at about 1e-12 absolute, so gradients below about 1e-5 cannot be checked to 1e-6
 * relative: such a parameter {@link Parameter#agrees()} when the two are within {@link #NOISE}. At a ReLU kink (a z
 * within h of 0) the loss is not differentiable and the two may disagree.
 */
public record GradientCheck(List<Parameter> parameters, double largestRelativeDifference) {
    /** The relative step: h = STEP * max(1, |p|). */
    public static final double STEP = 1e-5;
    /** The floor of the relative difference's denominator, so that two zero gradients agree (0, not NaN). */
    public static final double TINY = 1e-300;
    /**
     * The absolute difference a finite difference of a loss below 1 cannot resolve at this step: rounding of the
     * loss (about 1e-16) over 2h. Below it a relative difference is rounding, not disagreement.
     */
    public static final double NOISE = 1e-10;
    /** The relative difference up to which finite differences and backprop agree (issue 14's 1e-6). */
    public static final double AGREEMENT = 1e-6;

    /**
     * One parameter's check.
     *
     * @param matrix       its matrix in the notebook's notation, "W1", "b2"
     * @param layer        l, from 1
     * @param bias         true for a b[l] entry, false for a W[l] entry
     * @param row          its row in the matrix, as NumPy indexes it
     * @param column       its column (0 for a bias)
     * @param value        the parameter before the update
     * @param h            the step it was moved by each way
     * @param backprop     backprop's gradient for it (without a regularisation term)
     * @param finiteDifference the central difference of the loss
     * @param relativeDifference |fd - bp| / max(|fd|, |bp|, {@link #TINY})
     */
    public record Parameter(String matrix, int layer, boolean bias, int row, int column, double value, double h,
                            double backprop, double finiteDifference, double relativeDifference) {
        /** Its name as NumPy indexes it: "W1[0,1]", "b2[0,0]". */
        public String name() {
            return matrix + "[" + row + "," + column + "]";
        }

        /** |fd - bp|. */
        public double absoluteDifference() {
            return Math.abs(finiteDifference - backprop);
        }

        /** True when the two differ by at most {@link #NOISE}: below it a finite difference cannot say more. */
        public boolean withinNoise() {
            return absoluteDifference() <= NOISE;
        }

        /** True when the relative difference is at most {@link #AGREEMENT}, or the two are {@link #withinNoise()}. */
        public boolean agrees() {
            return relativeDifference <= AGREEMENT || withinNoise();
        }
    }

    public GradientCheck {
        parameters = List.copyOf(parameters);
    }

    /** |fd - bp| / max(|fd|, |bp|, {@link #TINY}). */
    public static double relativeDifference(double finiteDifference, double backprop) {
        double scale = Math.max(Math.max(Math.abs(finiteDifference), Math.abs(backprop)), TINY);
        return Math.abs(finiteDifference - backprop) / scale;
    }

    /** The step for a parameter of value {@code p}: {@value #STEP} max(1, |p|). */
    public static double step(double p) {
        return STEP * Math.max(1, Math.abs(p));
    }

    /** The check of {@code trace}'s update: every parameter, layer by layer from the input side, W before b. */
    public static GradientCheck of(UpdateTrace trace) {
        Weights before = trace.before();
        int layers = before.layers();
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = before.weightArray(l);
            b[l] = before.biasArray(l);
        }
        Chunk chunk = new Chunk(trace, w, b);
        List<Parameter> out = new ArrayList<>();
        double largest = 0;
        for (int l = 0; l < layers; l++) {
            UpdateTrace.LayerStep step = trace.layer(l + 1);
            RealMatrix gw = step.gradW();
            int cols = gw.getColumnDimension();
            for (int j = 0; j < gw.getRowDimension(); j++) {
                for (int k = 0; k < cols; k++) {
                    Parameter p = check(chunk, w[l], j * cols + k, "W" + (l + 1), l + 1, false, j, k,
                            gw.getEntry(j, k));
                    out.add(p);
                    largest = Math.max(largest, p.relativeDifference());
                }
            }
            RealMatrix gb = step.gradB();
            for (int j = 0; j < gb.getRowDimension(); j++) {
                Parameter p = check(chunk, b[l], j, "b" + (l + 1), l + 1, true, j, 0, gb.getEntry(j, 0));
                out.add(p);
                largest = Math.max(largest, p.relativeDifference());
            }
        }
        return new GradientCheck(out, largest);
    }

    /** Moves {@code array[index]} each way, takes the central difference, and puts the value back. */
    private static Parameter check(Chunk chunk, double[] array, int index, String matrix, int layer, boolean bias,
                                   int row, int column, double backprop) {
        double p = array[index];
        double h = step(p);
        double up = p + h;
        double down = p - h;
        array[index] = up;
        double plus = chunk.loss();
        array[index] = down;
        double minus = chunk.loss();
        array[index] = p;
        double fd = (plus - minus) / (up - down);
        return new Parameter(matrix, layer, bias, row, column, p, h, backprop, fd, relativeDifference(fd, backprop));
    }

    /** True when every parameter {@link Parameter#agrees()}. */
    public boolean agrees() {
        return parameters.stream().allMatch(Parameter::agrees);
    }

    /**
     * The largest relative difference among the parameters whose two gradients differ by more than {@link #NOISE}
     * or agree to {@link #AGREEMENT} relative: the figure worth reading when tiny gradients (a vanishing one, a dead
     * ReLU's) agree only to rounding. 0 when there are none.
     */
    public double largestResolvedRelativeDifference() {
        double largest = 0;
        for (Parameter p : parameters) {
            if (p.relativeDifference() <= AGREEMENT || !p.withinNoise()) {
                largest = Math.max(largest, p.relativeDifference());
            }
        }
        return largest;
    }

    /** How many parameters agree only to within {@link #NOISE}, their relative difference above {@link #AGREEMENT}. */
    public int onlyWithinNoise() {
        return (int) parameters.stream().filter(p -> p.withinNoise() && p.relativeDifference() > AGREEMENT).count();
    }

    /** The parameter named as NumPy indexes it ("W1[0,1]"), or null. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The parameter with the largest relative difference. */
    public Parameter worst() {
        Parameter worst = parameters.get(0);
        for (Parameter p : parameters) {
            if (p.relativeDifference() > worst.relativeDifference()) {
                worst = p;
            }
        }
        return worst;
    }

    /** Backprop's gradients for matrix {@code matrix} ("W1", "b2") in its shape. */
    public double[][] backprop(String matrix) {
        return table(matrix, Parameter::backprop);
    }

    /** The finite differences for matrix {@code matrix} in its shape. */
    public double[][] finiteDifferences(String matrix) {
        return table(matrix, Parameter::finiteDifference);
    }

    /** The relative differences for matrix {@code matrix} in its shape. */
    public double[][] relativeDifferences(String matrix) {
        return table(matrix, Parameter::relativeDifference);
    }

    /** The matrices checked, in order: "W1", "b1", "W2", "b2", ... */
    public List<String> matrices() {
        List<String> names = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!names.contains(p.matrix())) {
                names.add(p.matrix());
            }
        }
        return names;
    }

    private double[][] table(String matrix, java.util.function.ToDoubleFunction<Parameter> value) {
        int rows = 0;
        int cols = 0;
        for (Parameter p : parameters) {
            if (p.matrix().equals(matrix)) {
                rows = Math.max(rows, p.row() + 1);
                cols = Math.max(cols, p.column() + 1);
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException("no matrix " + matrix + " (checked: " + matrices() + ")");
        }
        double[][] out = new double[rows][cols];
        for (Parameter p : parameters) {
            if (p.matrix().equals(matrix)) {
                out[p.row()][p.column()] = value.applyAsDouble(p);
            }
        }
        return out;
    }

    /** The chunk's samples and the loss of the (mutable, local) weight arrays on them. */
    private static final class Chunk {
        private final int m;
        private final int inputs;
        private final double[][] x;
        private final double[] y;
        private final double[][] w;
        private final double[][] b;
        private final int[] widths;
        private final Activation hidden;
        private final boolean crossEntropy;
        private final double[][] v;

        Chunk(UpdateTrace trace, double[][] w, double[][] b) {
            RealMatrix mx = trace.x();
            this.m = mx.getColumnDimension();
            this.inputs = mx.getRowDimension();
            this.x = new double[m][inputs];
            for (int c = 0; c < m; c++) {
                for (int k = 0; k < inputs; k++) {
                    x[c][k] = mx.getEntry(k, c);
                }
            }
            this.y = trace.y().getRow(0);
            this.w = w;
            this.b = b;
            this.widths = new int[w.length + 1];
            widths[0] = inputs;
            for (int l = 0; l < w.length; l++) {
                widths[l + 1] = b[l].length;
            }
            this.hidden = trace.options().activation();
            this.crossEntropy = trace.options().loss() == TrainingOptions.Loss.CROSS_ENTROPY;
            this.v = new double[w.length][];
            for (int l = 0; l < w.length; l++) {
                v[l] = new double[widths[l + 1]];
            }
        }

        /** Half the mean squared error, or the mean cross-entropy, of the chunk at the current arrays. */
        double loss() {
            double total = 0;
            for (int c = 0; c < m; c++) {
                double z = 0;
                for (int l = 0; l < w.length; l++) {
                    double[] from = l == 0 ? x[c] : v[l - 1];
                    int in = widths[l];
                    boolean top = l == w.length - 1;
                    for (int j = 0; j < widths[l + 1]; j++) {
                        double s = 0;
                        for (int k = 0; k < in; k++) {
                            s += w[l][j * in + k] * from[k];
                        }
                        s += b[l][j];
                        z = s;
                        v[l][j] = top ? Activation.sigmoid(s) : hidden.apply(s);
                    }
                }
                if (crossEntropy) {
                    total += Math.max(z, 0.0) - z * y[c] + Math.log(1 + Math.exp(-Math.abs(z)));
                } else {
                    double e = v[w.length - 1][0] - y[c];
                    total += e * e / 2;
                }
            }
            return total / m;
        }
    }
}
