package org.xorlab.engine;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The notebook's training code transcribed literally into Commons Math {@link RealMatrix} operations, for tests:
 * {@code z1 = np.dot(W1, x) + b1} becomes {@code W1.multiply(X).add(b1 broadcast)}, and so on, generalised to
 * chunks of {@code batchSize} columns exactly as SPEC.md says. Slow (it allocates for every operation) and
 * deliberately unclever: it is what the Trainer's hand-written loops must agree with.
 *
 * <p>Public only for the benchmarks (the {@code bench} profile compiles this file with them), which measure it
 * against the Trainer: {@code RealMatrixBenchmark} and {@code PairedRun matrix}.
 *
 * <p>Unlike the Trainer it never refuses an update: its weights may become infinite or NaN, which the divergence
 * tests use to find the update where that first happens.
 */
public final class MatrixReferenceTrainer {

    /** Every intermediate value of one update, named as in the notebook. */
    record Step(long epoch, long update, int firstSample, RealMatrix x, RealMatrix y, RealMatrix z1, RealMatrix v1,
                RealMatrix z2, RealMatrix yHat, RealMatrix d2, RealMatrix d1, RealMatrix gradW1, RealMatrix gradB1,
                RealMatrix gradW2, RealMatrix gradB2, double squaredError, Params before, Params after) {
    }

    /** One set of parameters as matrices, possibly non-finite. */
    record Params(RealMatrix w1, RealMatrix b1, RealMatrix w2, RealMatrix b2) {
        static Params of(Weights w) {
            return new Params(w.w1(), w.b1(), w.w2(), w.b2Matrix());
        }

        boolean isFinite() {
            return finite(w1) && finite(b1) && finite(w2) && finite(b2);
        }
    }

    private final RealMatrix inputs;
    private final RealMatrix targets;
    private final double learningRate;
    private final int batchSize;
    private Params params;
    private int nextSample;
    private long epoch;
    private long updates;

    public MatrixReferenceTrainer(TrainingConfig config, Weights initial) {
        // inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]]).T, outputs as a row.
        inputs = new Array2DRowRealMatrix(new double[][] {{0, 0, 1, 1}, {0, 1, 0, 1}});
        targets = new Array2DRowRealMatrix(1, Dataset.SIZE);
        for (int i = 0; i < Dataset.SIZE; i++) {
            targets.setEntry(0, i, config.dataset().target(i));
        }
        learningRate = config.learningRate();
        batchSize = config.batchSize();
        params = Params.of(initial);
    }

    long epoch() {
        return epoch;
    }

    int nextSample() {
        return nextSample;
    }

    /** One update on the next chunk of samples. */
    Step step() {
        int start = nextSample;
        int end = Math.min(start + batchSize, Dataset.SIZE) - 1;
        RealMatrix x = inputs.getSubMatrix(0, 1, start, end);
        RealMatrix y = targets.getSubMatrix(0, 0, start, end);
        int m = x.getColumnDimension();
        Params p = params;

        // Forward pass.
        RealMatrix z1 = p.w1().multiply(x).add(broadcast(p.b1(), m));
        RealMatrix v1 = map(z1, MatrixReferenceTrainer::sigmoid);
        RealMatrix z2 = p.w2().multiply(v1).add(broadcast(p.b2(), m));
        RealMatrix yHat = map(z2, MatrixReferenceTrainer::sigmoid);
        RealMatrix error = y.subtract(yHat);
        double squaredError = hadamard(error, error).multiply(ones(m, 1)).getEntry(0, 0);

        // Backpropagation, as the notebook's code (not its prose) does it.
        RealMatrix d2 = hadamard(yHat.subtract(y), sigmoidDerivative(yHat));
        RealMatrix d1 = hadamard(p.w2().transpose().multiply(d2), sigmoidDerivative(v1));
        RealMatrix sumW2 = d2.multiply(v1.transpose());
        RealMatrix sumB2 = d2.multiply(ones(m, 1));
        RealMatrix sumW1 = d1.multiply(x.transpose());
        RealMatrix sumB1 = d1.multiply(ones(m, 1));
        Params after = new Params(
                p.w1().subtract(divide(sumW1.scalarMultiply(learningRate), m)),
                p.b1().subtract(divide(sumB1.scalarMultiply(learningRate), m)),
                p.w2().subtract(divide(sumW2.scalarMultiply(learningRate), m)),
                p.b2().subtract(divide(sumB2.scalarMultiply(learningRate), m)));

        params = after;
        updates++;
        nextSample = end + 1;
        long stepEpoch = epoch + 1;
        if (nextSample == Dataset.SIZE) {
            epoch++;
            nextSample = 0;
        }
        return new Step(stepEpoch, updates, start, x, y, z1, v1, z2, yHat, d2, d1, divide(sumW1, m),
                divide(sumB1, m), divide(sumW2, m), divide(sumB2, m), squaredError, p, after);
    }

    /** The loss of the epoch that {@code step} would finish: only valid at an epoch boundary. */
    public double runEpoch() {
        double total = 0;
        do {
            total += step().squaredError();
        } while (nextSample != 0);
        return total / Dataset.SIZE;
    }

    /** sum((y_hat - y)^2) / (2m) over the columns of x: the function whose gradient the notebook's update uses. */
    static double halfMeanSquaredError(Params p, RealMatrix x, RealMatrix y) {
        int m = x.getColumnDimension();
        RealMatrix error = output(p, x).subtract(y);
        return hadamard(error, error).multiply(ones(m, 1)).getEntry(0, 0) / (2.0 * m);
    }

    /** v1 = sigmoid(W1 x + b1) for the columns of x. */
    static RealMatrix hidden(Params p, RealMatrix x) {
        return map(p.w1().multiply(x).add(broadcast(p.b1(), x.getColumnDimension())), MatrixReferenceTrainer::sigmoid);
    }

    /** y_hat = sigmoid(W2 v1 + b2) for the columns of x. */
    static RealMatrix output(Params p, RealMatrix x) {
        return map(p.w2().multiply(hidden(p, x)).add(broadcast(p.b2(), x.getColumnDimension())),
                MatrixReferenceTrainer::sigmoid);
    }

    /** All four inputs as columns, in the fixed order. */
    RealMatrix inputs() {
        return inputs.copy();
    }

    /** All four targets as a row. */
    RealMatrix targets() {
        return targets.copy();
    }

    /** The notebook's sigmoid, 1 / (1 + np.exp(-x)). */
    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** The notebook's sigmoid_derivative(v) = v * (1 - v), applied to an activation. */
    private static RealMatrix sigmoidDerivative(RealMatrix v) {
        return hadamard(v, map(v, a -> 1 - a));
    }

    /** A column vector repeated m times: NumPy's broadcasting of b over a chunk's columns. */
    static RealMatrix broadcast(RealMatrix column, int m) {
        return column.multiply(ones(1, m));
    }

    static RealMatrix ones(int rows, int cols) {
        RealMatrix ones = new Array2DRowRealMatrix(rows, cols);
        return map(ones, a -> 1.0);
    }

    private static RealMatrix divide(RealMatrix a, int m) {
        return map(a, v -> v / m);
    }

    /** Element-wise product, NumPy's {@code a * b} for equal shapes. */
    static RealMatrix hadamard(RealMatrix a, RealMatrix b) {
        RealMatrix product = a.copy();
        product.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return value * b.getEntry(row, column);
            }
        });
        return product;
    }

    static RealMatrix map(RealMatrix a, DoubleUnaryOperator f) {
        RealMatrix result = a.copy();
        result.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return f.applyAsDouble(value);
            }
        });
        return result;
    }

    private static boolean finite(RealMatrix a) {
        for (double[] row : a.getData()) {
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }
}
