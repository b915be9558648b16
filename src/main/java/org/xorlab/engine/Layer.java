package org.xorlab.engine;

import java.util.Arrays;

/**
 * One layer l of the network and what one update computes in it, in the notebook's notation: the forward pass
 * z[l] = W[l] v[l-1] + b[l] and v[l] = f(z[l]) (v[0] is the input X), the backward pass's d[l-1] from d[l], and
 * the gradient sums d[l] v[l-1]^T and rowsum(d[l]), all over the chunk's columns; then the update. Owned and
 * mutated by one {@link Trainer}; nothing here leaves the training thread.
 *
 * <p>Everything is a flat {@code double[]}. W and b are one array, a row per unit: W[j][k] at {@code j * cols + k}
 * and b[j] after them, at {@code j * cols + inputs}; the gradient sums and the spare buffer have the same layout, so
 * that one loop updates W and b together. A per-sample value (z, v, d) of unit j for sample i is at
 * {@code j * samples + i}, so the chunk being trained is the columns {@code start} to {@code start + m - 1}, as in
 * the notebook's X; below each layer's v (and the trainer's X) is a row of ones, the input b is multiplied by, so
 * that b is the last term of z's sum (b * 1 is exactly b). The order of every floating-point operation is the one
 * the tests hold against NumPy: z's sum starts from its first product and adds b last, W^T d's from its first
 * product, a gradient sum over the chunk's samples from 0 (the first sample's term is {@code 0.0 + term}, exactly
 * what a sum from 0 gives, +0.0 for a -0.0 term), and the update is {@code p - lr * sum / m}. (Summing W2 v1 from
 * its first product or from 0 differs only in the sign of a zero z2 when b2 is -0.0, which neither the seed's
 * weights nor an update produce; only a hand-edited session could.)
 */
final class Layer {
    /** Columns of the per-sample arrays: every training sample has its own. */
    final int samples;

    /** This layer's width: the rows of W. */
    final int units;
    /** The previous layer's width (or the input features): the columns of W. */
    final int inputs;
    final Activation activation;

    /** Columns of a row of {@link #p}: the unit's weights, then its bias. */
    final int cols;
    /** W and b, read by the forward and backward passes: row j is W[j][0..inputs-1], then b[j]. */
    double[] p;
    /** Where {@link #descend} writes the updated W and b; they become {@link #p} only if the whole update is finite. */
    double[] nextP;

    /** z[l] of the last forward pass. */
    final double[] z;
    /**
     * v[l] = f(z[l]) of the last forward pass, and below it a row of ones: the input that the layer above multiplies
     * by its biases.
     */
    final double[] v;
    /** d[l], the loss's derivative with respect to z[l], of the last backward pass. */
    final double[] d;
    /** The gradient sums over the chunk, laid out as {@link #p}: d[l] v[l-1]^T, then rowsum(d[l]); not divided by m. */
    final double[] sums;
    /** Whether {@link #descend} stores the gradient sums in {@link #sums}: only the update's trace reads them. */
    boolean keepSums = true;

    /**
     * How {@link #descend} turns gradients into updates. With the notebook's SGD and no regularisation it takes its
     * plain loop ({@code plain}); otherwise the general one, which branches on these once per parameter.
     */
    private final boolean plain;
    private final TrainingOptions.Optimizer optimizer;
    private final TrainingOptions.Regularization regularization;
    private final double regRate;
    private final double mu;
    private final double rho;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    /** Per parameter, laid out as {@link #p}: momentum's and nesterov's velocity v, adam's first moment m. */
    double[] first;
    /** Per parameter: rmsprop's and adam's average of squared gradients s. */
    double[] second;
    /**
     * Where {@link #descend} writes the new {@link #first} and {@link #second}: like the parameters, the state
     * becomes current only if the whole update is finite, so a refused (diverging) update leaves it as it was.
     */
    private double[] nextFirst;
    private double[] nextSecond;

    /** A layer of the notebook's network: plain SGD on the truth table's four samples. */
    Layer(int units, int inputs, Activation activation) {
        this(units, inputs, activation, TrainingOptions.NOTEBOOK, Dataset.SIZE);
    }

    /**
     * A layer that updates by the options' optimiser and regularisation (the activation is given on its own), with
     * room for {@code samples} training samples.
     */
    Layer(int units, int inputs, Activation activation, TrainingOptions options, int samples) {
        this.samples = samples;
        optimizer = options.optimizer();
        regularization = options.regularization();
        regRate = options.regRate();
        plain = optimizer == TrainingOptions.Optimizer.SGD && regularization == TrainingOptions.Regularization.NONE;
        mu = options.momentum();
        rho = options.rho();
        beta1 = options.beta1();
        beta2 = options.beta2();
        epsilon = options.epsilon();
        first = new double[plain ? 0 : units * (inputs + 1)];
        second = new double[first.length];
        nextFirst = new double[first.length];
        nextSecond = new double[first.length];
        this.units = units;
        this.inputs = inputs;
        this.activation = activation;
        cols = inputs + 1;
        p = new double[units * cols];
        nextP = new double[units * cols];
        z = new double[units * samples];
        v = new double[(units + 1) * samples];
        Arrays.fill(v, units * samples, v.length, 1.0);
        d = new double[units * samples];
        sums = new double[units * cols];
    }

    /** Sets W and b (and the spare buffers) to copies of these values. */
    void load(double[] weights, double[] biases) {
        pack(weights, biases, p);
        System.arraycopy(p, 0, nextP, 0, p.length);
    }

    /** W (row major) and b into {@code params}, laid out as {@link #p}. */
    private void pack(double[] weights, double[] biases, double[] params) {
        for (int j = 0; j < units; j++) {
            System.arraycopy(weights, j * inputs, params, j * cols, inputs);
            params[j * cols + inputs] = biases[j];
        }
    }

    /**
     * Sets the optimiser's state (both buffers) to these values, each in W's and b's shapes; plain SGD keeps no
     * state, and ignores them.
     */
    void loadState(double[] firstWeights, double[] firstBiases, double[] secondWeights, double[] secondBiases) {
        if (plain) {
            return;
        }
        pack(firstWeights, firstBiases, first);
        pack(secondWeights, secondBiases, second);
        System.arraycopy(first, 0, nextFirst, 0, first.length);
        System.arraycopy(second, 0, nextSecond, 0, second.length);
    }

    /** {@link #first} (or {@link #second}) as W's part, row major; zeros for plain SGD, which keeps no state. */
    double[] stateWeights(boolean ofSecond) {
        return plain ? new double[units * inputs] : weights(ofSecond ? second : first);
    }

    /** The state's b part, as {@link #stateWeights}. */
    double[] stateBiases(boolean ofSecond) {
        return plain ? new double[units] : biases(ofSecond ? second : first);
    }

    /** W of {@code params} (this layer's {@link #p} or {@link #nextP}), row major. */
    double[] weights(double[] params) {
        double[] weights = new double[units * inputs];
        for (int j = 0; j < units; j++) {
            System.arraycopy(params, j * cols, weights, j * inputs, inputs);
        }
        return weights;
    }

    /** b of {@code params}. */
    double[] biases(double[] params) {
        double[] biases = new double[units];
        for (int j = 0; j < units; j++) {
            biases[j] = params[j * cols + inputs];
        }
        return biases;
    }

    /**
     * Forward: z = W in + b and v = f(z) for the chunk's columns of {@code in} (X, or the layer below's v, each with
     * its row of ones, so that b is the last term of the sum, b * 1).
     */
    void forward(double[] in, int start, int m) {
        // The sigmoid (the notebook's, and every output unit) has a loop of its own that calls it directly: the
        // choice is made once per layer and update, not once per unit through the enum's virtual call.
        if (activation == Activation.SIGMOID) {
            forwardSigmoid(in, start, m);
            return;
        }
        final Activation f = activation;
        final int end = start + m;
        for (int i = start; i < end; i++) {
            for (int j = 0; j < units; j++) {
                double sum = weightedSum(in, j * cols, i);
                z[j * samples + i] = sum;
                v[j * samples + i] = f.apply(sum);
            }
        }
    }

    /** Unit j's z for sample i: its row of W (from {@code row}) times the sample's inputs, b last (times 1). */
    private double weightedSum(double[] in, int row, int i) {
        final double[] p = this.p;
        double sum = p[row] * in[i];
        for (int k = 1; k < cols; k++) {
            sum += p[row + k] * in[k * samples + i];
        }
        return sum;
    }

    /** {@link #forward} with the sigmoid. */
    private void forwardSigmoid(double[] in, int start, int m) {
        final int end = start + m;
        for (int i = start; i < end; i++) {
            for (int j = 0; j < units; j++) {
                double sum = weightedSum(in, j * cols, i);
                z[j * samples + i] = sum;
                v[j * samples + i] = Activation.sigmoid(sum);
            }
        }
    }

    /** Backward, one layer down: d[l-1] = (W[l]^T d[l]) * f'(z[l-1]) for the chunk, with W from before the update. */
    void backpropagate(Layer below, int start, int m) {
        final double[] p = this.p;
        final double[] bz = below.z;
        final double[] bv = below.v;
        final double[] bd = below.d;
        final Activation f = below.activation;
        // As in forward: the sigmoid's v (1 - v) written out, the others through the enum.
        final boolean sigmoid = f == Activation.SIGMOID;
        final int end = start + m;
        for (int i = start; i < end; i++) {
            for (int k = 0; k < inputs; k++) {
                double sum = p[k] * d[i];
                for (int j = 1; j < units; j++) {
                    sum += p[j * cols + k] * d[j * samples + i];
                }
                int at = k * samples + i;
                double v = bv[at];
                bd[at] = sum * (sigmoid ? v * (1 - v) : f.derivative(bz[at], v));
            }
        }
    }

    /**
     * The gradient sums over the chunk (d in^T, then rowsum(d), into {@link #sums}) and gradient descent with them,
     * p - lr * g with g = sum / m, written {@code p - lr * sum / m} as NumPy evaluates the notebook's update, into
     * {@link #nextP}; one parameter at a time, its sum over the chunk's samples from 0.
     *
     * @return true if every new value is finite
     */
    boolean descend(double[] in, int start, int m, double learningRate, long t) {
        if (!plain) {
            return descendGeneral(in, start, m, learningRate, t);
        }
        final double[] p = this.p;
        final double[] next = nextP;
        final double[] sums = this.sums;
        final boolean keep = keepSums;
        final int end = start + m;
        final boolean single = m == 1;
        boolean finite = true;
        for (int j = 0; j < units; j++) {
            final int at = j * samples;
            final int row = j * cols;
            for (int k = 0; k < cols; k++) {
                double sum = chunkSum(in, at, k * samples, start, end);
                if (keep) {
                    sums[row + k] = sum;
                }
                // For one sample, lr * sum / 1 is lr * sum exactly: the division is left out (it is the costliest
                // operation of SGD's update).
                double q = p[row + k] - (single ? learningRate * sum : learningRate * sum / m);
                next[row + k] = q;
                finite &= Double.isFinite(q);
            }
        }
        return finite;
    }

    /**
     * One parameter's gradient sum over the chunk's samples {@code start} to {@code end - 1}: unit j's errors (from
     * {@code at} in d) times input k's values (from {@code ik} in {@code in}), from the first product on.
     */
    private double chunkSum(double[] in, int at, int ik, int start, int end) {
        final double[] d = this.d;
        double sum = 0.0 + d[at + start] * in[ik + start];
        for (int i = start + 1; i < end; i++) {
            sum += d[at + i] * in[ik + i];
        }
        return sum;
    }

    /**
     * {@link #descend} with regularisation and any optimiser (SPEC.md, in the oracle's order of operations):
     * g = sum / m, weights (never biases) add rate * W (l2) or rate * sign(W) (l1), then the optimiser's rule on
     * this parameter's state; t is this update's count from 1 (adam's bias correction).
     */
    private boolean descendGeneral(double[] in, int start, int m, double learningRate, long t) {
        final double[] p = this.p;
        final double[] next = nextP;
        final double[] sums = this.sums;
        final double[] first = this.first;
        final double[] second = this.second;
        final double[] newFirst = nextFirst;
        final double[] newSecond = nextSecond;
        final boolean keep = keepSums;
        final int end = start + m;
        final boolean penalise = regularization != TrainingOptions.Regularization.NONE;
        // Adam's bias corrections, as the oracle's (1 - b1 ** t) and (1 - b2 ** t).
        final double c1 = optimizer == TrainingOptions.Optimizer.ADAM ? biasCorrection(beta1, t) : 1;
        final double c2 = optimizer == TrainingOptions.Optimizer.ADAM ? biasCorrection(beta2, t) : 1;
        boolean finite = true;
        for (int j = 0; j < units; j++) {
            final int at = j * samples;
            final int row = j * cols;
            for (int k = 0; k < cols; k++) {
                double sum = chunkSum(in, at, k * samples, start, end);
                if (keep) {
                    sums[row + k] = sum;
                }
                final int n = row + k;
                final double old = p[n];
                final boolean penalised = penalise && k < inputs;
                double g = sum / m;
                if (penalised) {
                    g = g + penalty(old);
                }
                double q;
                switch (optimizer) {
                    case SGD -> q = penalised ? old - learningRate * g : old - learningRate * sum / m;
                    case MOMENTUM -> {
                        newFirst[n] = mu * first[n] + g;
                        q = old - learningRate * newFirst[n];
                    }
                    case NESTEROV -> {
                        newFirst[n] = mu * first[n] + g;
                        q = old - learningRate * (g + mu * newFirst[n]);
                    }
                    case RMSPROP -> {
                        newSecond[n] = rho * second[n] + (1 - rho) * (g * g);
                        q = old - learningRate * g / (Math.sqrt(newSecond[n]) + epsilon);
                    }
                    case ADAM -> {
                        newFirst[n] = beta1 * first[n] + (1 - beta1) * g;
                        newSecond[n] = beta2 * second[n] + (1 - beta2) * (g * g);
                        q = old - learningRate * (newFirst[n] / c1) / (Math.sqrt(newSecond[n] / c2) + epsilon);
                    }
                    default -> throw new IllegalStateException("optimizer " + optimizer);
                }
                next[n] = q;
                finite &= Double.isFinite(q);
            }
        }
        return finite;
    }

    /** Adam's bias correction for update t, as the oracle's (1 - beta ** t). */
    static double biasCorrection(double beta, long t) {
        return 1 - Math.pow(beta, t);
    }

    /**
     * The regularisation term added to the gradient of weight {@code w} (never a bias): rate * w (l2),
     * rate * sign(w) (l1, sign(0) = 0), 0 without regularisation.
     */
    double penalty(double w) {
        return switch (regularization) {
            case NONE -> 0.0;
            case L2 -> regRate * w;
            case L1 -> regRate * Math.signum(w);
        };
    }

    /**
     * The optimiser's first state per parameter, laid out as {@link #p}: velocity (momentum, nesterov) or first
     * moment (adam), as the last update left it; empty for the plain SGD path. The one place the trace reads it.
     */
    double[] firstMoment() {
        return first;
    }

    /** The optimiser's average of squared gradients per parameter (rmsprop, adam), as {@link #firstMoment()}. */
    double[] secondMoment() {
        return second;
    }

    /** Clears the optimiser's state (a reset: velocities and moments back to zero). */
    void clearState() {
        Arrays.fill(first, 0.0);
        Arrays.fill(second, 0.0);
        Arrays.fill(nextFirst, 0.0);
        Arrays.fill(nextSecond, 0.0);
    }

    /**
     * Makes the values {@link #descend} wrote current; the spare buffer then holds the parameters from before. The
     * optimiser's state swaps too: an optimiser writes every entry of the state it uses on every update, and the
     * state it does not use is the same in both buffers.
     */
    void accept() {
        double[] old = p;
        p = nextP;
        nextP = old;
        if (!plain) {
            double[] f = first;
            first = nextFirst;
            nextFirst = f;
            double[] s = second;
            second = nextSecond;
            nextSecond = s;
        }
    }
}
