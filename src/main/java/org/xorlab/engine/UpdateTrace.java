package org.xorlab.engine;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * Every intermediate value of one weight update, in the notebook's notation and shapes (columns are the chunk's
 * samples). Immutable: each accessor returns a copy.
 */
public final class UpdateTrace {
    private final long epoch;
    private final long update;
    private final int firstSample;
    private final double learningRate;
    private final RealMatrix x;
    private final RealMatrix y;
    private final RealMatrix z1;
    private final RealMatrix v1;
    private final RealMatrix z2;
    private final RealMatrix yHat;
    private final RealMatrix d2;
    private final RealMatrix d1;
    private final RealMatrix gradW1;
    private final RealMatrix gradB1;
    private final RealMatrix gradW2;
    private final RealMatrix gradB2;
    private final double loss;
    private final Weights before;
    private final Weights after;

    UpdateTrace(long epoch, long update, int firstSample, double learningRate,
                RealMatrix x, RealMatrix y, RealMatrix z1, RealMatrix v1, RealMatrix z2, RealMatrix yHat,
                RealMatrix d2, RealMatrix d1, RealMatrix gradW1, RealMatrix gradB1, RealMatrix gradW2,
                RealMatrix gradB2, double loss, Weights before, Weights after) {
        this.epoch = epoch;
        this.update = update;
        this.firstSample = firstSample;
        this.learningRate = learningRate;
        this.x = x;
        this.y = y;
        this.z1 = z1;
        this.v1 = v1;
        this.z2 = z2;
        this.yHat = yHat;
        this.d2 = d2;
        this.d1 = d1;
        this.gradW1 = gradW1;
        this.gradB1 = gradB1;
        this.gradW2 = gradW2;
        this.gradB2 = gradB2;
        this.loss = loss;
        this.before = before;
        this.after = after;
    }

    /** The 1-based epoch this update belongs to. */
    public long epoch() {
        return epoch;
    }

    /** The 1-based count of this update since the run started. */
    public long update() {
        return update;
    }

    /**
     * Position (0 to 3) of the chunk's first sample in its epoch's order: the sample's index with the fixed order,
     * {@code Trainer.sampleOrder()[firstSample]} with the shuffled one.
     */
    public int firstSample() {
        return firstSample;
    }

    /** Number of samples m in the chunk. */
    public int samples() {
        return x.getColumnDimension();
    }

    public double learningRate() {
        return learningRate;
    }

    /** Inputs X, 2 x m. */
    public RealMatrix x() {
        return x.copy();
    }

    /** Targets Y, 1 x m. */
    public RealMatrix y() {
        return y.copy();
    }

    /** z1 = W1 X + b1, H x m. */
    public RealMatrix z1() {
        return z1.copy();
    }

    /** v1 = sigmoid(z1), H x m. */
    public RealMatrix v1() {
        return v1.copy();
    }

    /** z2 = W2 v1 + b2, 1 x m. */
    public RealMatrix z2() {
        return z2.copy();
    }

    /** y_hat = sigmoid(z2), 1 x m. */
    public RealMatrix yHat() {
        return yHat.copy();
    }

    /** d2 = (y_hat - y) * y_hat * (1 - y_hat), 1 x m. */
    public RealMatrix d2() {
        return d2.copy();
    }

    /** d1 = (W2^T d2) * v1 * (1 - v1), H x m, with W2 from before the update. */
    public RealMatrix d1() {
        return d1.copy();
    }

    /** The step's gradient for W1: d1 X^T / m, H x 2. */
    public RealMatrix gradW1() {
        return gradW1.copy();
    }

    /** The step's gradient for b1: rowsum(d1) / m, H x 1. */
    public RealMatrix gradB1() {
        return gradB1.copy();
    }

    /** The step's gradient for W2: d2 v1^T / m, 1 x H. */
    public RealMatrix gradW2() {
        return gradW2.copy();
    }

    /** The step's gradient for b2: rowsum(d2) / m, 1 x 1. */
    public RealMatrix gradB2() {
        return gradB2.copy();
    }

    /** The chunk's mean squared error, from the forward pass before this update. */
    public double loss() {
        return loss;
    }

    /** The weights the forward pass used. */
    public Weights before() {
        return before;
    }

    /** The weights after this update (equal to {@link #before()} if the update diverged and was refused). */
    public Weights after() {
        return after;
    }
}
