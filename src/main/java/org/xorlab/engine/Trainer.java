package org.xorlab.engine;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Trains one 2-H-1 sigmoid network by the rules of the notebook (SPEC.md): each update forwards one chunk of
 * {@code batchSize} samples, back-propagates d2 and d1, and subtracts the learning rate times the averaged
 * gradients. Not thread-safe: one thread trains, others read {@link #snapshot()}s.
 *
 * <p>The update is written over small primitive arrays, not {@link RealMatrix} operations, because every
 * RealMatrix operation allocates and a run may take millions of updates; everything the trainer hands out
 * ({@link Weights}, {@link UpdateTrace}) is in RealMatrix form. The tests check this loop against a literal
 * RealMatrix transcription of the notebook and against NumPy.
 *
 * <p>Parameters are double-buffered: an update writes the new values into the spare buffer and swaps only if
 * they are all finite, so a diverging update is refused and the last finite weights stay in place.
 */
public final class Trainer {
    private static final int CHUNK = Dataset.SIZE;

    private TrainingConfig config;
    private final int hidden;
    private double learningRate;
    private int batchSize;
    private final double[] targets = new double[CHUNK];
    private final double[] in0 = new double[CHUNK];
    private final double[] in1 = new double[CHUNK];
    private final Weights initial;

    private Params current;
    private Params spare;

    // Scratch for the last update: index [j * CHUNK + c] for hidden unit j and chunk column c.
    private final double[] z1;
    private final double[] v1;
    private final double[] d1;
    private final double[] z2 = new double[CHUNK];
    private final double[] yHat = new double[CHUNK];
    private final double[] d2 = new double[CHUNK];
    private final double[] gradW1;
    private final double[] gradB1;
    private final double[] gradW2;
    private double gradB2;

    private long epoch;
    private long updates;
    private int nextSample;
    private double epochTotal;
    private double loss = Double.NaN;
    private Divergence divergence;

    private boolean hasTrace;
    private int traceStart;
    private int traceSize;
    private long traceEpoch;
    private double traceLoss;
    private double traceRate;

    /** A run from the seed's NumPy-compatible initial weights. */
    public Trainer(TrainingConfig config) {
        this(config, Weights.initial(config.hidden(), config.seed()));
    }

    /** A run from the given initial weights, for example to train several batch sizes from identical weights. */
    public Trainer(TrainingConfig config, Weights initial) {
        if (initial.hidden() != config.hidden()) {
            throw new IllegalArgumentException("initial weights have " + initial.hidden()
                    + " hidden units but the config asks for " + config.hidden());
        }
        this.config = config;
        this.hidden = config.hidden();
        this.learningRate = config.learningRate();
        this.batchSize = config.batchSize();
        this.initial = initial;
        for (int i = 0; i < CHUNK; i++) {
            targets[i] = config.dataset().target(i);
            in0[i] = Dataset.x0(i);
            in1[i] = Dataset.x1(i);
        }
        z1 = new double[hidden * CHUNK];
        v1 = new double[hidden * CHUNK];
        d1 = new double[hidden * CHUNK];
        gradW1 = new double[hidden * 2];
        gradB1 = new double[hidden];
        gradW2 = new double[hidden];
        current = new Params(initial);
        spare = new Params(initial);
    }

    /**
     * A run resumed at an epoch boundary, for example from a saved session: it holds {@code current} after
     * {@code epoch} epochs and {@code updates} updates, and trains on exactly as the run it was saved from would
     * have (the state between epochs is only the weights and the counters). {@link #reset()} returns to
     * {@code initial}.
     *
     * @param loss the loss of epoch {@code epoch}; NaN when {@code epoch} is 0
     * @throws IllegalArgumentException naming the first value out of range: a weight shape that does not match
     *                                  the config, a non-finite weight, a negative epoch, fewer updates than
     *                                  epochs or more than {@code epoch * 4}, or a loss that is not a finite number
     *                                  from 0 to 1 after at least one epoch
     */
    public static Trainer restore(TrainingConfig config, Weights initial, Weights current, long epoch, long updates,
                                  double loss) {
        if (current.hidden() != config.hidden()) {
            throw new IllegalArgumentException("current weights have " + current.hidden()
                    + " hidden units but the config asks for " + config.hidden());
        }
        if (!initial.isFinite() || !current.isFinite()) {
            throw new IllegalArgumentException("every weight must be a finite number");
        }
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be 0 or more (got " + epoch + ")");
        }
        // Each epoch takes from 1 (batch size 4) to 4 (batch size 1) updates, whatever batch sizes it went through.
        long most = epoch > Long.MAX_VALUE / Dataset.SIZE ? Long.MAX_VALUE : epoch * Dataset.SIZE;
        if (updates < epoch || updates > most) {
            throw new IllegalArgumentException("after " + epoch + " epochs the updates must be from " + epoch
                    + " to " + most + " (got " + updates + ")");
        }
        if (epoch == 0 ? !Double.isNaN(loss) : !(loss >= 0 && loss <= 1)) {
            throw new IllegalArgumentException(epoch == 0
                    ? "there is no loss before the first epoch (got " + loss + ")"
                    : "the last epoch's loss must be a number from 0 to 1 (got " + loss + ")");
        }
        Trainer trainer = new Trainer(config, initial);
        trainer.current = new Params(current);
        trainer.spare = new Params(current);
        trainer.epoch = epoch;
        trainer.updates = updates;
        trainer.loss = loss;
        return trainer;
    }

    /**
     * Applies one weight update: the next chunk of up to {@code batchSize} samples in the fixed order.
     *
     * @return false if the run has diverged (now or before) and nothing changed
     */
    public boolean step() {
        if (divergence != null) {
            return false;
        }
        final Params p = current;
        final Params q = spare;
        final int h = hidden;
        final int start = nextSample;
        final int m = Math.min(batchSize, CHUNK - start);
        double squared = 0;

        // Forward and backward, one column (sample) at a time.
        for (int c = 0; c < m; c++) {
            final int i = start + c;
            final double x0 = in0[i];
            final double x1 = in1[i];
            double dot = 0;
            for (int j = 0; j < h; j++) {
                double z = p.w1[2 * j] * x0 + p.w1[2 * j + 1] * x1 + p.b1[j];
                double v = Activation.sigmoid(z);
                z1[j * CHUNK + c] = z;
                v1[j * CHUNK + c] = v;
                dot += p.w2[j] * v;
            }
            double z = dot + p.b2;
            double yh = Activation.sigmoid(z);
            z2[c] = z;
            yHat[c] = yh;
            double error = targets[i] - yh;
            squared += error * error;
            double delta2 = (yh - targets[i]) * (yh * (1 - yh));
            d2[c] = delta2;
            for (int j = 0; j < h; j++) {
                double v = v1[j * CHUNK + c];
                d1[j * CHUNK + c] = (p.w2[j] * delta2) * (v * (1 - v));
            }
        }

        // Gradients summed over the chunk's columns, then W -= lr * G / m into the spare buffer.
        double lr = learningRate;
        double check = 0;
        double gb2 = 0;
        for (int c = 0; c < m; c++) {
            gb2 += d2[c];
        }
        for (int j = 0; j < h; j++) {
            double gw2 = 0;
            double gb1 = 0;
            double gw10 = 0;
            double gw11 = 0;
            for (int c = 0; c < m; c++) {
                double dj = d1[j * CHUNK + c];
                gw2 += d2[c] * v1[j * CHUNK + c];
                gb1 += dj;
                gw10 += dj * in0[start + c];
                gw11 += dj * in1[start + c];
            }
            gradW2[j] = gw2 / m;
            gradB1[j] = gb1 / m;
            gradW1[2 * j] = gw10 / m;
            gradW1[2 * j + 1] = gw11 / m;
            double a = p.w2[j] - lr * gw2 / m;
            double b = p.b1[j] - lr * gb1 / m;
            double w0 = p.w1[2 * j] - lr * gw10 / m;
            double w1 = p.w1[2 * j + 1] - lr * gw11 / m;
            q.w2[j] = a;
            q.b1[j] = b;
            q.w1[2 * j] = w0;
            q.w1[2 * j + 1] = w1;
            check += a + b + w0 + w1;
        }
        gradB2 = gb2 / m;
        q.b2 = p.b2 - lr * gb2 / m;
        check += q.b2 + squared;

        hasTrace = true;
        traceStart = start;
        traceSize = m;
        traceEpoch = epoch + 1;
        traceLoss = squared / m;
        traceRate = learningRate;

        // A non-finite sum means some value is non-finite, or finite values overflowed when added: look closer.
        if (!Double.isFinite(check) && !(q.isFinite() && Double.isFinite(squared))) {
            divergence = new Divergence(epoch + 1, updates + 1, learningRate);
            return false;
        }
        current = q;
        spare = p;
        updates++;
        epochTotal += squared;
        nextSample = start + m;
        if (nextSample == CHUNK) {
            epoch++;
            loss = epochTotal / CHUNK;
            epochTotal = 0;
            nextSample = 0;
        }
        return true;
    }

    /**
     * Runs updates until the current epoch completes (a whole epoch from a boundary).
     *
     * @return false if the run diverged before the epoch completed
     */
    public boolean stepEpoch() {
        do {
            if (!step()) {
                return false;
            }
        } while (nextSample != 0);
        return true;
    }

    /**
     * Trains {@code count} more epochs, telling {@code listener} of each (may be null).
     *
     * @return the number of epochs completed; fewer than {@code count} only if the run diverged
     */
    public long runEpochs(long count, EpochListener listener) {
        if (count < 0) {
            throw new IllegalArgumentException("epoch count must be 0 or more (got " + count + ")");
        }
        for (long n = 0; n < count; n++) {
            if (!stepEpoch()) {
                return n;
            }
            if (listener != null) {
                listener.epochCompleted(epoch, loss);
            }
        }
        return count;
    }

    /**
     * Changes the learning rate and batch size from the next update on, keeping the weights and counters: a teacher
     * can turn the rate up mid-run. Dataset, hidden units and seed define the run and cannot change.
     */
    public void retune(double newLearningRate, int newBatchSize) {
        config = new TrainingConfig(config.dataset(), hidden, config.seed(), newLearningRate, newBatchSize);
        learningRate = newLearningRate;
        batchSize = newBatchSize;
    }

    /** Returns to the run's initial weights, epoch 0, no history. */
    public void reset() {
        current = new Params(initial);
        spare = new Params(initial);
        epoch = 0;
        updates = 0;
        nextSample = 0;
        epochTotal = 0;
        loss = Double.NaN;
        divergence = null;
        hasTrace = false;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The weights this run started from (and returns to on {@link #reset()}). */
    public Weights initialWeights() {
        return initial;
    }

    /** A copy of the current weights. */
    public Weights weights() {
        return current.toWeights(hidden);
    }

    /** Completed epochs. */
    public long epoch() {
        return epoch;
    }

    /** Weight updates applied. */
    public long updates() {
        return updates;
    }

    /** Index (0 to 3) of the next sample to train on. */
    public int nextSample() {
        return nextSample;
    }

    /** The last completed epoch's loss: the mean of each sample's squared error before its own update. */
    public double loss() {
        return loss;
    }

    /** Why the run stopped, or null. */
    public Divergence divergence() {
        return divergence;
    }

    public boolean diverged() {
        return divergence != null;
    }

    /** An immutable picture of the run now. */
    public TrainingSnapshot snapshot() {
        return new TrainingSnapshot(config, epoch, updates, nextSample, loss, weights(), lastUpdate(), divergence);
    }

    /** The last update's intermediate values, or null before the first update. */
    public UpdateTrace lastUpdate() {
        if (!hasTrace) {
            return null;
        }
        int m = traceSize;
        int h = hidden;
        RealMatrix x = new Array2DRowRealMatrix(2, m);
        RealMatrix y = new Array2DRowRealMatrix(1, m);
        RealMatrix mz1 = new Array2DRowRealMatrix(h, m);
        RealMatrix mv1 = new Array2DRowRealMatrix(h, m);
        RealMatrix md1 = new Array2DRowRealMatrix(h, m);
        RealMatrix mz2 = new Array2DRowRealMatrix(1, m);
        RealMatrix myHat = new Array2DRowRealMatrix(1, m);
        RealMatrix md2 = new Array2DRowRealMatrix(1, m);
        for (int c = 0; c < m; c++) {
            int i = traceStart + c;
            x.setEntry(0, c, in0[i]);
            x.setEntry(1, c, in1[i]);
            y.setEntry(0, c, targets[i]);
            mz2.setEntry(0, c, z2[c]);
            myHat.setEntry(0, c, yHat[c]);
            md2.setEntry(0, c, d2[c]);
            for (int j = 0; j < h; j++) {
                mz1.setEntry(j, c, z1[j * CHUNK + c]);
                mv1.setEntry(j, c, v1[j * CHUNK + c]);
                md1.setEntry(j, c, d1[j * CHUNK + c]);
            }
        }
        RealMatrix gw1 = new Array2DRowRealMatrix(h, 2);
        RealMatrix gb1 = new Array2DRowRealMatrix(h, 1);
        RealMatrix gw2 = new Array2DRowRealMatrix(1, h);
        for (int j = 0; j < h; j++) {
            gw1.setEntry(j, 0, gradW1[2 * j]);
            gw1.setEntry(j, 1, gradW1[2 * j + 1]);
            gb1.setEntry(j, 0, gradB1[j]);
            gw2.setEntry(0, j, gradW2[j]);
        }
        RealMatrix gb2 = new Array2DRowRealMatrix(new double[][] {{gradB2}});
        // After a refused (diverging) update both are the kept weights; otherwise the spare buffer holds "before".
        Weights after = current.toWeights(h);
        Weights before = divergence != null ? after : spare.toWeights(h);
        return new UpdateTrace(traceEpoch, divergence != null ? updates + 1 : updates, traceStart, traceRate,
                x, y, mz1, mv1, mz2, myHat, md2, md1, gw1, gb1, gw2, gb2, traceLoss, before, after);
    }

    /** One mutable set of parameters. */
    private static final class Params {
        final double[] w1;
        final double[] b1;
        final double[] w2;
        double b2;

        Params(Weights w) {
            w1 = w.w1Array();
            b1 = w.b1Array();
            w2 = w.w2Array();
            b2 = w.b2();
        }

        Weights toWeights(int hidden) {
            return new Weights(hidden, w1, b1, w2, b2);
        }

        boolean isFinite() {
            if (!Double.isFinite(b2)) {
                return false;
            }
            for (int i = 0; i < b1.length; i++) {
                if (!Double.isFinite(b1[i]) || !Double.isFinite(w2[i])
                        || !Double.isFinite(w1[2 * i]) || !Double.isFinite(w1[2 * i + 1])) {
                    return false;
                }
            }
            return true;
        }
    }
}
