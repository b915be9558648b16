package org.xorlab.engine;

/**
 * The loss of a network at any point of weight space, fast enough for a landscape: a 100 x 100 grid of the
 * notebook's network in about a millisecond. Parameters come as one vector in {@link Weights#flat()}'s order.
 *
 * <p>The loss is the one the run reports, computed over all of {@code samples} at the given weights, exactly as
 * {@link Weights#loss(Samples, TrainingOptions)} does (same sums in the same order, so the same bits): the mean
 * squared error (y - y_hat)^2 or the mean cross-entropy, the data loss without a regularisation term. It is not the
 * epoch's reported loss of an SGD run, which sums each sample's error before that sample's own update.
 *
 * <p>Each instance holds scratch arrays: use one per thread.
 */
public final class PlaneLoss {
    private final int[] widths;
    /** Offsets of W[l] and b[l] in the flat vector. */
    private final int[] wAt;
    private final int[] bAt;
    private final int parameters;
    private final double[][] x;
    private final double[] y;
    private final Activation hidden;
    private final boolean crossEntropy;
    private final double[][] v;
    private final double[][] z;
    private final double[][] d;

    /**
     * @param widths  the network's widths, input features first ({@link Weights#widths()})
     * @param options its hidden activation, loss and input features
     * @param samples the points the loss is taken over (the training set)
     */
    public PlaneLoss(int[] widths, TrainingOptions options, Samples samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a landscape needs at least one sample");
        }
        if (widths[0] != options.features().size()) {
            throw new IllegalArgumentException("the network has " + widths[0] + " inputs but the options "
                    + options.features().size() + " features");
        }
        this.widths = widths.clone();
        int layers = widths.length - 1;
        this.wAt = new int[layers];
        this.bAt = new int[layers];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            wAt[l] = at;
            at += widths[l + 1] * widths[l];
            bAt[l] = at;
            at += widths[l + 1];
        }
        this.parameters = at;
        this.x = new double[samples.size()][widths[0]];
        this.y = new double[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            Feature.apply(options.features(), samples.x1(i), samples.x2(i), x[i]);
            y[i] = samples.y(i);
        }
        this.hidden = options.activation();
        this.crossEntropy = options.loss() == TrainingOptions.Loss.CROSS_ENTROPY;
        this.v = new double[layers][];
        this.z = new double[layers][];
        this.d = new double[layers][];
        for (int l = 0; l < layers; l++) {
            v[l] = new double[widths[l + 1]];
            z[l] = new double[widths[l + 1]];
            d[l] = new double[widths[l + 1]];
        }
    }

    /** How many parameters a point has. */
    public int parameters() {
        return parameters;
    }

    /** How many samples the loss is taken over. */
    public int samples() {
        return y.length;
    }

    /** The loss at {@code p}, the network's parameters in {@link Weights#flat()}'s order. */
    public double loss(double[] p) {
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            forward(p, i);
            total += sampleLoss(i);
        }
        return total / y.length;
    }

    /**
     * The loss over a square grid of {@code n x n} points of {@code plane} in {@code window}: entry
     * {@code row * n + column} is the loss at a = {@link LossPlane.Window#a(int, int) window.a(column, n)},
     * b = {@link LossPlane.Window#b(int, int) window.b(row, n)}, so row 0 is the window's lowest b.
     */
    public double[] grid(LossPlane plane, LossPlane.Window window, int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points a side (got " + n + ")");
        }
        if (plane.parameters() != parameters) {
            throw new IllegalArgumentException("the plane has " + plane.parameters() + " parameters, the network "
                    + parameters);
        }
        double[] origin = plane.origin();
        double[] u = plane.u();
        double[] w = plane.v();
        double[] p = new double[parameters];
        double[] out = new double[n * n];
        for (int row = 0; row < n; row++) {
            double b = window.b(row, n);
            for (int column = 0; column < n; column++) {
                double a = window.a(column, n);
                for (int k = 0; k < parameters; k++) {
                    p[k] = origin[k] + a * u[k] + b * w[k];
                }
                out[row * n + column] = loss(p);
            }
        }
        return out;
    }

    /**
     * Backprop's gradient for sample {@code i} alone at {@code p}, in {@link Weights#flat()}'s order: what a batch
     * of one (the notebook's SGD) steps against, without a regularisation term. With mse it is half the gradient of
     * that sample's squared error (the notebook's output error has no factor 2); with cross-entropy it is the
     * gradient of its cross-entropy.
     */
    public double[] sampleGradient(double[] p, int i) {
        double[] g = new double[parameters];
        addGradient(p, i, g);
        return g;
    }

    /** The mean of {@link #sampleGradient} over every sample: the step direction of full-batch GD. */
    public double[] meanGradient(double[] p) {
        double[] g = new double[parameters];
        for (int i = 0; i < y.length; i++) {
            addGradient(p, i, g);
        }
        for (int k = 0; k < parameters; k++) {
            g[k] /= y.length;
        }
        return g;
    }

    private void addGradient(double[] p, int i, double[] g) {
        forward(p, i);
        int top = widths.length - 2;
        double out = v[top][0];
        d[top][0] = crossEntropy ? out - y[i] : (out - y[i]) * out * (1 - out);
        for (int l = top; l >= 0; l--) {
            double[] from = l == 0 ? x[i] : v[l - 1];
            int in = widths[l];
            for (int j = 0; j < widths[l + 1]; j++) {
                for (int k = 0; k < in; k++) {
                    g[wAt[l] + j * in + k] += d[l][j] * from[k];
                }
                g[bAt[l] + j] += d[l][j];
            }
            if (l > 0) {
                for (int k = 0; k < in; k++) {
                    double s = 0;
                    for (int j = 0; j < widths[l + 1]; j++) {
                        s += p[wAt[l] + j * in + k] * d[l][j];
                    }
                    d[l - 1][k] = s * hidden.derivative(z[l - 1][k], v[l - 1][k]);
                }
            }
        }
    }

    /** Sample {@code i}'s forward pass into v and z, every z summed as the trainer's layers do: from the first product, b last. */
    private void forward(double[] p, int i) {
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            boolean top = l == layers - 1;
            double[] from = l == 0 ? x[i] : v[l - 1];
            int base = wAt[l];
            for (int j = 0; j < widths[l + 1]; j++) {
                int row = base + j * in;
                double s = p[row] * from[0];
                for (int k = 1; k < in; k++) {
                    s += p[row + k] * from[k];
                }
                s += p[bAt[l] + j];
                z[l][j] = s;
                v[l][j] = top ? Activation.sigmoid(s) : hidden.apply(s);
            }
        }
    }

    private double sampleLoss(int i) {
        int top = widths.length - 2;
        if (crossEntropy) {
            double s = z[top][0];
            return Math.max(s, 0.0) - s * y[i] + Math.log(1 + Math.exp(-Math.abs(s)));
        }
        double e = y[i] - v[top][0];
        return e * e;
    }
}
