package org.xorlab.engine;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An immutable set of the network's parameters, in the notebook's shapes: W1 (H x 2), b1 (H x 1), W2 (1 x H),
 * b2 (1 x 1). Safe to hand from the training thread to any other: every accessor returns a copy.
 */
public final class Weights {
    private final int hidden;
    /** W1 row-major: W1[j][k] is at {@code j * 2 + k}. */
    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private final double b2;

    Weights(int hidden, double[] w1, double[] b1, double[] w2, double b2) {
        this.hidden = hidden;
        this.w1 = w1.clone();
        this.b1 = b1.clone();
        this.w2 = w2.clone();
        this.b2 = b2;
    }

    /**
     * The initial weights NumPy draws after {@code np.random.seed(seed)}: W1 row by row, then b1, W2, b2,
     * each uniform in [0, 1).
     */
    public static Weights initial(int hidden, long seed) {
        TrainingConfig.checkHidden(hidden);
        NumpyRandom random = new NumpyRandom(seed);
        double[] w1 = new double[hidden * 2];
        double[] b1 = new double[hidden];
        double[] w2 = new double[hidden];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = random.nextDouble();
        }
        for (int j = 0; j < hidden; j++) {
            b1[j] = random.nextDouble();
        }
        for (int j = 0; j < hidden; j++) {
            w2[j] = random.nextDouble();
        }
        return new Weights(hidden, w1, b1, w2, random.nextDouble());
    }

    /**
     * Weights from matrices in the notebook's shapes, for example read back from a saved session.
     *
     * @throws IllegalArgumentException if a shape is wrong, H is out of range, or a value is not finite
     */
    public static Weights of(RealMatrix w1, RealMatrix b1, RealMatrix w2, RealMatrix b2) {
        int h = w1.getRowDimension();
        TrainingConfig.checkHidden(h);
        requireShape("W1", w1, h, 2);
        requireShape("b1", b1, h, 1);
        requireShape("W2", w2, 1, h);
        requireShape("b2", b2, 1, 1);
        double[] fw1 = new double[h * 2];
        double[] fb1 = new double[h];
        double[] fw2 = new double[h];
        for (int j = 0; j < h; j++) {
            fw1[j * 2] = w1.getEntry(j, 0);
            fw1[j * 2 + 1] = w1.getEntry(j, 1);
            fb1[j] = b1.getEntry(j, 0);
            fw2[j] = w2.getEntry(0, j);
        }
        Weights weights = new Weights(h, fw1, fb1, fw2, b2.getEntry(0, 0));
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

    /** Number of hidden units H. */
    public int hidden() {
        return hidden;
    }

    /** W1[j][k]: weight from input k to hidden unit j. */
    public double w1(int j, int k) {
        return w1[j * 2 + k];
    }

    /** b1[j]: bias of hidden unit j. */
    public double b1(int j) {
        return b1[j];
    }

    /** W2[0][j]: weight from hidden unit j to the output. */
    public double w2(int j) {
        return w2[j];
    }

    /** b2: bias of the output unit. */
    public double b2() {
        return b2;
    }

    /** A copy of W1 (H x 2). */
    public RealMatrix w1() {
        RealMatrix m = new Array2DRowRealMatrix(hidden, 2);
        for (int j = 0; j < hidden; j++) {
            m.setEntry(j, 0, w1[j * 2]);
            m.setEntry(j, 1, w1[j * 2 + 1]);
        }
        return m;
    }

    /** A copy of b1 (H x 1). */
    public RealMatrix b1() {
        return new Array2DRowRealMatrix(b1);
    }

    /** A copy of W2 (1 x H). */
    public RealMatrix w2() {
        return new Array2DRowRealMatrix(new double[][] {w2.clone()});
    }

    /** A copy of b2 (1 x 1). */
    public RealMatrix b2Matrix() {
        return new Array2DRowRealMatrix(new double[][] {{b2}});
    }

    /** The network's output y_hat for input (x0, x1). */
    public double predict(double x0, double x1) {
        double z2 = b2;
        for (int j = 0; j < hidden; j++) {
            z2 += w2[j] * Activation.sigmoid(w1[j * 2] * x0 + w1[j * 2 + 1] * x1 + b1[j]);
        }
        return Activation.sigmoid(z2);
    }

    /** Hidden unit j's activation v1[j] for input (x0, x1). */
    public double hiddenActivation(int j, double x0, double x1) {
        return Activation.sigmoid(w1[j * 2] * x0 + w1[j * 2 + 1] * x1 + b1[j]);
    }

    /** Mean squared error over the dataset's four samples, for these weights. */
    public double loss(Dataset dataset) {
        double total = 0;
        for (int i = 0; i < Dataset.SIZE; i++) {
            double e = dataset.target(i) - predict(Dataset.x0(i), Dataset.x1(i));
            total += e * e;
        }
        return total / Dataset.SIZE;
    }

    /** The largest absolute value among all weights and biases. */
    public double maxAbs() {
        double max = Math.abs(b2);
        for (double v : w1) {
            max = Math.max(max, Math.abs(v));
        }
        for (int j = 0; j < hidden; j++) {
            max = Math.max(max, Math.max(Math.abs(b1[j]), Math.abs(w2[j])));
        }
        return max;
    }

    /** True when every parameter is a finite number. */
    public boolean isFinite() {
        if (!Double.isFinite(b2)) {
            return false;
        }
        for (double v : w1) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        for (int j = 0; j < hidden; j++) {
            if (!Double.isFinite(b1[j]) || !Double.isFinite(w2[j])) {
                return false;
            }
        }
        return true;
    }

    // Package-private raw copies for the trainer, which keeps its own mutable arrays.
    double[] w1Array() {
        return w1.clone();
    }

    double[] b1Array() {
        return b1.clone();
    }

    double[] w2Array() {
        return w2.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights other && hidden == other.hidden
                && Arrays.equals(w1, other.w1) && Arrays.equals(b1, other.b1)
                && Arrays.equals(w2, other.w2) && Double.compare(b2, other.b2) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(w1) + Arrays.hashCode(b1)) + Arrays.hashCode(w2)) + Double.hashCode(b2);
    }

    @Override
    public String toString() {
        return "W1=" + Arrays.toString(w1) + " b1=" + Arrays.toString(b1) + " W2=" + Arrays.toString(w2) + " b2=" + b2;
    }
}
