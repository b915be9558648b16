package org.xorlab.engine;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An immutable set of the network's parameters, layer by layer in the notebook's shapes: W[l] (width[l] x
 * width[l-1]) and b[l] (width[l] x 1) for l = 1 to L + 1, with width[0] = 2 inputs and the last layer the single
 * output unit. The notebook's network has two: W1 (H x 2), b1 (H x 1), W2 (1 x H), b2 (1 x 1), which the
 * {@code w1}/{@code b1}/{@code w2}/{@code b2} accessors name; {@link #w(int)} and {@link #b(int)} reach any layer.
 * Safe to hand from the training thread to any other: every accessor returns a copy.
 */
public final class Weights {
    /** width[0] = 2 inputs, then every hidden layer's width, then 1 output. */
    private final int[] widths;
    /** W[l + 1] row-major: W[l + 1][j][k] is at {@code j * widths[l] + k}. */
    private final double[][] w;
    /** b[l + 1]. */
    private final double[][] b;

    /** The notebook's two layers. */
    Weights(int hidden, double[] w1, double[] b1, double[] w2, double b2) {
        this(new int[] {2, hidden, 1}, new double[][] {w1, w2}, new double[][] {b1, {b2}});
    }

    /** Any number of layers; copies the arrays. */
    Weights(int[] widths, double[][] w, double[][] b) {
        this.widths = widths.clone();
        this.w = new double[w.length][];
        this.b = new double[b.length][];
        for (int l = 0; l < w.length; l++) {
            this.w[l] = w[l].clone();
            this.b[l] = b[l].clone();
        }
    }

    /**
     * The initial weights NumPy draws after {@code np.random.seed(seed)}: W1 row by row, then b1, W2, b2,
     * each uniform in [0, 1).
     */
    public static Weights initial(int hidden, long seed) {
        TrainingConfig.checkHidden(hidden);
        return initial(2, new int[] {hidden}, TrainingOptions.Init.UNIFORM, new NumpyRandom(seed));
    }

    /** The initial weights of a config: its layers drawn by its init from {@code np.random.seed(seed)}'s stream. */
    public static Weights initial(TrainingConfig config) {
        return initial(config.inputs(), config.hiddenLayers(), config.options().init(), new NumpyRandom(config.seed()));
    }

    /**
     * Draws the weights from {@code random}, layer by layer (SPEC.md): uniform draws W[l] row by row, then b[l],
     * every value in [0, 1); xavier and he draw only W[l], each (2u - 1) sqrt(6 / (fan_in + fan_out)) or
     * (2u - 1) sqrt(6 / fan_in), with biases 0.
     */
    static Weights initial(int inputs, int[] hidden, TrainingOptions.Init init, NumpyRandom random) {
        int[] widths = widthsOf(inputs, hidden);
        int layers = widths.length - 1;
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int fanIn = widths[l];
            int fanOut = widths[l + 1];
            w[l] = new double[fanOut * fanIn];
            b[l] = new double[fanOut];
            if (init == TrainingOptions.Init.UNIFORM) {
                for (int i = 0; i < w[l].length; i++) {
                    w[l][i] = random.nextDouble();
                }
                for (int j = 0; j < fanOut; j++) {
                    b[l][j] = random.nextDouble();
                }
            } else {
                // np.sqrt(6 / n) with Python's true division: the same correctly rounded quotient and root.
                double limit = init == TrainingOptions.Init.XAVIER
                        ? Math.sqrt(6.0 / (fanIn + fanOut)) : Math.sqrt(6.0 / fanIn);
                for (int i = 0; i < w[l].length; i++) {
                    w[l][i] = (2 * random.nextDouble() - 1) * limit;
                }
            }
        }
        return new Weights(widths, w, b);
    }

    /** Zero for every parameter of a network with these inputs and hidden layers (the optimisers' starting state). */
    static Weights zeros(int inputs, int[] hidden) {
        int[] widths = widthsOf(inputs, hidden);
        double[][] w = new double[widths.length - 1][];
        double[][] b = new double[widths.length - 1][];
        for (int l = 0; l + 1 < widths.length; l++) {
            w[l] = new double[widths[l + 1] * widths[l]];
            b[l] = new double[widths[l + 1]];
        }
        return new Weights(widths, w, b);
    }

    /** How many doubles {@link #initial(int, int[], TrainingOptions.Init, NumpyRandom)} draws from the stream. */
    static long draws(int inputs, int[] hidden, TrainingOptions.Init init) {
        int[] widths = widthsOf(inputs, hidden);
        long n = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            n += (long) widths[l + 1] * widths[l] + (init == TrainingOptions.Init.UNIFORM ? widths[l + 1] : 0);
        }
        return n;
    }

    private static int[] widthsOf(int inputs, int[] hidden) {
        if (inputs < 1 || inputs > Feature.values().length) {
            throw new IllegalArgumentException("inputs must be from 1 to " + Feature.values().length + " (got "
                    + inputs + ")");
        }
        int[] widths = new int[hidden.length + 2];
        widths[0] = inputs;
        for (int l = 0; l < hidden.length; l++) {
            TrainingConfig.checkHidden(hidden[l]);
            widths[l + 1] = hidden[l];
        }
        widths[widths.length - 1] = 1;
        return widths;
    }

    /**
     * Weights from matrices in the notebook's shapes, for example read back from a saved session.
     *
     * @throws IllegalArgumentException if a shape is wrong, H is out of range, or a value is not finite
     */
    public static Weights of(RealMatrix w1, RealMatrix b1, RealMatrix w2, RealMatrix b2) {
        return of(List.of(w1, w2), List.of(b1, b2));
    }

    /**
     * Weights from every layer's W[l] and b[l], input side first: 2 to 7 layers, the last a single output unit; W1
     * has one column per input feature (1 to 7).
     *
     * @throws IllegalArgumentException if a shape is wrong, a width is out of range, or a value is not finite
     */
    public static Weights of(List<RealMatrix> ws, List<RealMatrix> bs) {
        if (ws.size() != bs.size() || ws.size() < 2 || ws.size() > TrainingOptions.MAX_LAYERS + 1) {
            throw new IllegalArgumentException("weights need W and b for each of 2 to " + (TrainingOptions.MAX_LAYERS
                    + 1) + " layers (got " + ws.size() + " W and " + bs.size() + " b)");
        }
        int layers = ws.size();
        int[] widths = new int[layers + 1];
        widths[0] = ws.get(0).getColumnDimension();
        if (widths[0] < 1 || widths[0] > Feature.values().length) {
            throw new IllegalArgumentException("W1 must have one column per input feature, 1 to "
                    + Feature.values().length + " (got " + widths[0] + ")");
        }
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            RealMatrix wl = ws.get(l);
            int rows = wl.getRowDimension();
            if (l < layers - 1) {
                TrainingConfig.checkHidden(rows);
            }
            int out = l == layers - 1 ? 1 : rows;
            requireShape("W" + (l + 1), wl, out, widths[l]);
            requireShape("b" + (l + 1), bs.get(l), out, 1);
            widths[l + 1] = out;
            w[l] = new double[out * widths[l]];
            b[l] = new double[out];
            for (int j = 0; j < out; j++) {
                for (int k = 0; k < widths[l]; k++) {
                    w[l][j * widths[l] + k] = wl.getEntry(j, k);
                }
                b[l][j] = bs.get(l).getEntry(j, 0);
            }
        }
        Weights weights = new Weights(widths, w, b);
        if (!weights.isFinite()) {
            throw new IllegalArgumentException("every weight must be a finite number");
        }
        return weights;
    }

    private static void requireShape(String name, RealMatrix m, int rows, int cols) {
        if (m.getRowDimension() != rows || m.getColumnDimension() != cols) {
            throw new IllegalArgumentException(name + " must be " + rows + " x " + cols + " (got "
                    + m.getRowDimension() + " x " + m.getColumnDimension() + ")");
        }
    }

    /** The number of input features: W1's columns. */
    public int inputs() {
        return widths[0];
    }

    /** Number of units H in the first hidden layer. */
    public int hidden() {
        return widths[1];
    }

    /** Every hidden layer's width, input side first. */
    public int[] hiddenLayers() {
        return Arrays.copyOfRange(widths, 1, widths.length - 1);
    }

    /** Layers with parameters: the hidden layers and the output, L + 1. */
    public int layers() {
        return w.length;
    }

    /** W1[j][k]: weight from input k to hidden unit j. */
    public double w1(int j, int k) {
        return w[0][j * widths[0] + k];
    }

    /** b1[j]: bias of hidden unit j. */
    public double b1(int j) {
        return b[0][j];
    }

    /** W2[0][j]: weight from hidden unit j to the output (the notebook's two layers). */
    public double w2(int j) {
        return w[1][j];
    }

    /** b2: bias of the output unit (the notebook's two layers). */
    public double b2() {
        return b[1][0];
    }

    /** W[l][j][k], l from 1: weight from unit k of layer l - 1 (or input k) to unit j of layer l. */
    public double weight(int l, int j, int k) {
        return w[l - 1][j * widths[l - 1] + k];
    }

    /** b[l][j], l from 1. */
    public double bias(int l, int j) {
        return b[l - 1][j];
    }

    /** A copy of W[l], l from 1 (width[l] x width[l-1]). */
    public RealMatrix w(int l) {
        int rows = widths[l];
        int cols = widths[l - 1];
        RealMatrix m = new Array2DRowRealMatrix(rows, cols);
        for (int j = 0; j < rows; j++) {
            for (int k = 0; k < cols; k++) {
                m.setEntry(j, k, w[l - 1][j * cols + k]);
            }
        }
        return m;
    }

    /** A copy of b[l], l from 1 (width[l] x 1). */
    public RealMatrix b(int l) {
        return new Array2DRowRealMatrix(b[l - 1]);
    }

    /** A copy of W1 (H x 2). */
    public RealMatrix w1() {
        return w(1);
    }

    /** A copy of b1 (H x 1). */
    public RealMatrix b1() {
        return b(1);
    }

    /** A copy of W2 (1 x H). */
    public RealMatrix w2() {
        return w(2);
    }

    /** A copy of b2 (1 x 1). */
    public RealMatrix b2Matrix() {
        return new Array2DRowRealMatrix(new double[][] {{b2()}});
    }

    /** The network's output y_hat for input (x0, x1), with sigmoid hidden units (the notebook's). */
    public double predict(double x0, double x1) {
        if (w.length != 2 || widths[0] != 2) {
            return predict(Activation.SIGMOID, x0, x1);
        }
        double[] w1 = w[0];
        double[] b1 = b[0];
        double[] w2 = w[1];
        double z2 = b[1][0];
        for (int j = 0; j < w2.length; j++) {
            z2 += w2[j] * Activation.sigmoid(w1[j * 2] * x0 + w1[j * 2 + 1] * x1 + b1[j]);
        }
        return Activation.sigmoid(z2);
    }

    /**
     * The network's output y_hat for input (x0, x1) with hidden activation {@code hidden}, through every layer; the
     * output unit is a sigmoid. The last entry of {@link #activations}; the notebook's network (sigmoid, one hidden
     * layer) gives exactly {@link #predict(double, double)}.
     */
    public double predict(Activation hidden, double x0, double x1) {
        if (hidden == Activation.SIGMOID && w.length == 2 && widths[0] == 2) {
            return predict(x0, x1); // the notebook's own arithmetic, bit for bit as before, without allocating
        }
        double[][] v = activations(hidden, x0, x1);
        return v[v.length - 1][0];
    }

    /**
     * Every layer's output v[l] for input (x0, x1) with hidden activation {@code hidden}: entry l - 1 is layer l's
     * (l from 1), the hidden layers first and the output unit's y_hat last, as a one-element array. Each z is summed
     * as the trainer does (from the first product, b last); the notebook's network (sigmoid, one hidden layer) sums
     * its output from b2 as {@link #predict(double, double)} does, so that every figure is the notebook's.
     */
    public double[][] activations(Activation hidden, double x0, double x1) {
        return forward(hidden, x0, x1, null);
    }

    /** {@link #activations}, leaving the output's pre-activation z in {@code outputZ[0]} if it is given. */
    private double[][] forward(Activation hidden, double x0, double x1, double[] outputZ) {
        double[][] values = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            values[l] = new double[widths[l + 1]];
        }
        forward(hidden, x0, x1, values, outputZ);
        return values;
    }

    /**
     * {@link #activations} into {@code values} (one array per layer, of its width), so that a caller sampling many
     * inputs allocates nothing per input.
     */
    void forward(Activation hidden, double x0, double x1, double[][] values, double[] outputZ) {
        if (widths[0] != 2) {
            throw new IllegalStateException("these weights take " + widths[0] + " input features, not (x0, x1)");
        }
        forward(hidden, new double[] {x0, x1}, values, outputZ);
    }

    /**
     * Every layer's output for the input features {@code in} (one per column of W1) into {@code values}, the output's
     * pre-activation into {@code outputZ[0]} if it is given.
     */
    void forward(Activation hidden, double[] in0, double[][] values, double[] outputZ) {
        boolean notebook = hidden == Activation.SIGMOID && w.length == 2;
        for (int l = 0; l < w.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            boolean top = l == w.length - 1;
            double[] next = values[l];
            double[] v = l == 0 ? null : values[l - 1];
            for (int j = 0; j < out; j++) {
                double z;
                if (notebook && top) {
                    z = b[l][j];
                    for (int k = 0; k < in; k++) {
                        z += w[l][j * in + k] * v[k];
                    }
                } else {
                    double[] from = l == 0 ? in0 : v;
                    z = w[l][j * in] * from[0];
                    for (int k = 1; k < in; k++) {
                        z += w[l][j * in + k] * from[k];
                    }
                    z += b[l][j];
                }
                if (top && outputZ != null) {
                    outputZ[0] = z;
                }
                next[j] = top ? Activation.sigmoid(z) : hidden.apply(z);
            }
        }
    }

    /**
     * Hidden unit j's activation v1[j] of the first layer for input (x0, x1), with the notebook's sigmoid; any other
     * activation or a deeper layer: {@link #activations}.
     */
    public double hiddenActivation(int j, double x0, double x1) {
        return Activation.sigmoid(w[0][j * 2] * x0 + w[0][j * 2 + 1] * x1 + b[0][j]);
    }

    /** The notebook's loss for these weights: the mean squared error over the dataset's four samples, sigmoid units. */
    public double loss(Dataset dataset) {
        return loss(dataset, TrainingOptions.NOTEBOOK);
    }

    /**
     * The loss of {@code options} (mean squared error or cross-entropy, SPEC.md) over the dataset's four samples for
     * these weights, with the options' hidden activation: the data loss, without any regularisation term.
     */
    public double loss(Dataset dataset, TrainingOptions options) {
        boolean crossEntropy = options.loss() == TrainingOptions.Loss.CROSS_ENTROPY;
        double[] z = new double[1];
        double total = 0;
        for (int i = 0; i < Dataset.SIZE; i++) {
            double y = dataset.target(i);
            if (crossEntropy) {
                forward(options.activation(), Dataset.x0(i), Dataset.x1(i), z);
                total += Math.max(z[0], 0.0) - z[0] * y + Math.log(1 + Math.exp(-Math.abs(z[0])));
            } else {
                double e = y - predict(options.activation(), Dataset.x0(i), Dataset.x1(i));
                total += e * e;
            }
        }
        return total / Dataset.SIZE;
    }

    /**
     * Every layer's output for the point (x1, x2) through the options' input features and hidden activation, as
     * {@link #activations(Activation, double, double)}; with the default features x1, x2 exactly that.
     */
    public double[][] activations(TrainingOptions options, double x1, double x2) {
        double[][] values = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            values[l] = new double[widths[l + 1]];
        }
        forward(options.activation(), features(options.features(), x1, x2), values, null);
        return values;
    }

    /** The network's output y_hat for the point (x1, x2) through the options' features and hidden activation. */
    public double predict(TrainingOptions options, double x1, double x2) {
        if (options.features().equals(Feature.DEFAULT)) {
            return predict(options.activation(), x1, x2);
        }
        double[][] v = activations(options, x1, x2);
        return v[v.length - 1][0];
    }

    private double[] features(List<Feature> features, double x1, double x2) {
        if (features.size() != widths[0]) {
            throw new IllegalArgumentException("these weights take " + widths[0] + " input features, not "
                    + features.size() + " (" + Feature.ids(features) + ")");
        }
        double[] in = new double[features.size()];
        Feature.apply(features, x1, x2, in);
        return in;
    }

    /**
     * The options' loss (mean squared error or cross-entropy) over {@code samples} for these weights, through the
     * options' features and hidden activation: the data loss, without any regularisation term. NaN for no samples.
     * The test set's loss (SPEC.md): each z summed from its first product, b last, as the trainer does.
     */
    public double loss(Samples samples, TrainingOptions options) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        boolean crossEntropy = options.loss() == TrainingOptions.Loss.CROSS_ENTROPY;
        double[][] values = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            values[l] = new double[widths[l + 1]];
        }
        double[] in = new double[widths[0]];
        double[] z = new double[1];
        double total = 0;
        for (int i = 0; i < samples.size(); i++) {
            Feature.apply(options.features(), samples.x1(i), samples.x2(i), in);
            forwardAsTrained(options.activation(), in, values, z);
            double y = samples.y(i);
            if (crossEntropy) {
                total += Math.max(z[0], 0.0) - z[0] * y + Math.log(1 + Math.exp(-Math.abs(z[0])));
            } else {
                double e = y - values[w.length - 1][0];
                total += e * e;
            }
        }
        return total / samples.size();
    }

    /**
     * The fraction of {@code samples} classified right at threshold 0.5: y_hat of at least 0.5 where y is at least
     * 0.5, below it where y is. NaN for no samples.
     */
    public double accuracy(Samples samples, TrainingOptions options) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        double[][] values = new double[w.length][];
        for (int l = 0; l < w.length; l++) {
            values[l] = new double[widths[l + 1]];
        }
        double[] in = new double[widths[0]];
        int right = 0;
        for (int i = 0; i < samples.size(); i++) {
            Feature.apply(options.features(), samples.x1(i), samples.x2(i), in);
            forwardAsTrained(options.activation(), in, values, null);
            boolean said = values[w.length - 1][0] >= 0.5;
            right += said == samples.positive(i) ? 1 : 0;
        }
        return (double) right / samples.size();
    }

    /** A forward pass summing every z as the trainer's layers do: from the first product, b last. */
    private void forwardAsTrained(Activation hidden, double[] in0, double[][] values, double[] outputZ) {
        for (int l = 0; l < w.length; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            boolean top = l == w.length - 1;
            double[] from = l == 0 ? in0 : values[l - 1];
            for (int j = 0; j < out; j++) {
                double z = w[l][j * in] * from[0];
                for (int k = 1; k < in; k++) {
                    z += w[l][j * in + k] * from[k];
                }
                z += b[l][j];
                if (top && outputZ != null) {
                    outputZ[0] = z;
                }
                values[l][j] = top ? Activation.sigmoid(z) : hidden.apply(z);
            }
        }
    }

    /**
     * The Euclidean distance between these weights and {@code other}'s, over every weight and bias: how far a run
     * moved between two epochs. Allocates nothing (the diagnosis reads it once per epoch).
     *
     * @throws IllegalArgumentException if the two have different shapes
     */
    public double distance(Weights other) {
        if (!Arrays.equals(widths, other.widths)) {
            throw new IllegalArgumentException("weights of layers " + Arrays.toString(widths) + " and "
                    + Arrays.toString(other.widths) + " have no distance");
        }
        double sum = 0;
        for (int l = 0; l < w.length; l++) {
            double[] a = w[l];
            double[] c = other.w[l];
            for (int i = 0; i < a.length; i++) {
                double d = a[i] - c[i];
                sum += d * d;
            }
            a = b[l];
            c = other.b[l];
            for (int i = 0; i < a.length; i++) {
                double d = a[i] - c[i];
                sum += d * d;
            }
        }
        return Math.sqrt(sum);
    }

    /** The largest absolute value among all weights and biases. */
    public double maxAbs() {
        double max = 0;
        for (int l = 0; l < w.length; l++) {
            for (double v : w[l]) {
                max = Math.max(max, Math.abs(v));
            }
            for (double v : b[l]) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** True when every parameter is a finite number. */
    public boolean isFinite() {
        for (int l = 0; l < w.length; l++) {
            for (double v : w[l]) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
            for (double v : b[l]) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when these weights have exactly the given hidden layers. */
    boolean hasHiddenLayers(int[] hidden) {
        return Arrays.equals(hiddenLayers(), hidden);
    }

    // Package-private raw copies for the trainer, which keeps its own mutable arrays.
    /** width[0] (the input features), every hidden layer's width, then 1 output. */
    public int[] widths() {
        return widths.clone();
    }

    /**
     * Every parameter in one vector, layer by layer from the input side, W[l] row by row then b[l]: the order
     * {@link #parameterNames} names and the gradient check lists.
     */
    public double[] flat() {
        int size = 0;
        for (int l = 0; l < w.length; l++) {
            size += w[l].length + b[l].length;
        }
        double[] out = new double[size];
        int at = 0;
        for (int l = 0; l < w.length; l++) {
            System.arraycopy(w[l], 0, out, at, w[l].length);
            at += w[l].length;
            System.arraycopy(b[l], 0, out, at, b[l].length);
            at += b[l].length;
        }
        return out;
    }

    /** The weights of a network of {@code widths} whose parameters are {@code flat}, in {@link #flat()}'s order. */
    public static Weights fromFlat(int[] widths, double[] flat) {
        double[][] w = new double[widths.length - 1][];
        double[][] b = new double[widths.length - 1][];
        int at = 0;
        for (int l = 0; l < w.length; l++) {
            w[l] = Arrays.copyOfRange(flat, at, at + widths[l + 1] * widths[l]);
            at += w[l].length;
            b[l] = Arrays.copyOfRange(flat, at, at + widths[l + 1]);
            at += b[l].length;
        }
        if (at != flat.length) {
            throw new IllegalArgumentException("a network of widths " + Arrays.toString(widths) + " has " + at
                    + " parameters (got " + flat.length + ")");
        }
        return new Weights(widths, w, b);
    }

    /** The parameters of a network of {@code widths} as NumPy indexes them, in {@link #flat()}'s order: "W1[0,1]". */
    public static List<String> parameterNames(int[] widths) {
        List<String> names = new java.util.ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            for (int j = 0; j < widths[l + 1]; j++) {
                for (int k = 0; k < widths[l]; k++) {
                    names.add("W" + (l + 1) + "[" + j + "," + k + "]");
                }
            }
            for (int j = 0; j < widths[l + 1]; j++) {
                names.add("b" + (l + 1) + "[" + j + ",0]");
            }
        }
        return names;
    }

    double[] weightArray(int layer) {
        return w[layer].clone();
    }

    double[] biasArray(int layer) {
        return b[layer].clone();
    }

    double[] w1Array() {
        return weightArray(0);
    }

    double[] b1Array() {
        return biasArray(0);
    }

    double[] w2Array() {
        return weightArray(1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights other && Arrays.equals(widths, other.widths)
                && Arrays.deepEquals(w, other.w) && Arrays.deepEquals(b, other.b);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(widths) + Arrays.deepHashCode(w)) + Arrays.deepHashCode(b);
    }

    @Override
    public String toString() {
        if (w.length == 2) {
            return "W1=" + Arrays.toString(w[0]) + " b1=" + Arrays.toString(b[0]) + " W2=" + Arrays.toString(w[1])
                    + " b2=" + b[1][0];
        }
        StringBuilder s = new StringBuilder();
        for (int l = 0; l < w.length; l++) {
            s.append(l == 0 ? "" : " ").append('W').append(l + 1).append('=').append(Arrays.toString(w[l]))
                    .append(" b").append(l + 1).append('=').append(Arrays.toString(b[l]));
        }
        return s.toString();
    }
}
