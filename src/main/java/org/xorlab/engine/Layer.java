package org.xorlab.engine;

import java.util.Arrays;

/**
 * One layer l of the network and what one update computes in it, in the notebook's notation: the forward pass
 * z[l] = W[l] v[l-1] + b[l] and v[l] = f(z[l]) (v[0] is the input X), the backward pass's d[l-1] from d[l], and
 * the gradient sums d[l] v[l-1]^T and rowsum(d[l]), all over the chunk's columns; then the update. Owned and
 * mutated by one {@link Trainer}; nothing here leaves the training thread.
 *
 * <p>Everything is a flat {@code double[]}: W[j][k] is at {@code j * inputs + k}, and a per-sample value (z, v, d)
 * of unit j for sample i at {@code j * SAMPLES + i}, so the chunk being trained is the columns {@code start} to
 * {@code start + m - 1}, as in the notebook's X. The order of every floating-point operation is the one the tests
 * hold against NumPy: a sum over a layer's inputs or units starts from its first product, a sum over the chunk's
 * samples from 0, and the update is {@code p - lr * sum / m}. (Summing W2 v1 from its first product or from 0
 * differs only in the sign of a zero z2 when b2 is -0.0, which neither the seed's weights nor an update produce;
 * only a hand-edited session could.)
 */
final class Layer {
    /** Columns of the per-sample arrays: every sample of the dataset has its own. */
    static final int SAMPLES = Dataset.SIZE;

    /** This layer's width: the rows of W. */
    final int units;
    /** The previous layer's width (or the input features): the columns of W. */
    final int inputs;
    final Activation activation;

    /** W, read by the forward and backward passes. */
    double[] w;
    /** b, read by the forward pass. */
    double[] b;
    /** Where {@link #descend} writes the updated W; it becomes {@link #w} only when the whole update is finite. */
    double[] nextW;
    /** Where {@link #descend} writes the updated b. */
    double[] nextB;

    /** z[l] of the last forward pass. */
    final double[] z;
    /** v[l] = f(z[l]) of the last forward pass. */
    final double[] v;
    /** d[l], the loss's derivative with respect to z[l], of the last backward pass. */
    final double[] d;
    /** d[l] v[l-1]^T summed over the chunk, not yet divided by m: the update is lr * sum / m, in that order. */
    final double[] sumW;
    /** rowsum(d[l]) over the chunk, not yet divided by m. */
    final double[] sumB;

    Layer(int units, int inputs, Activation activation) {
        this.units = units;
        this.inputs = inputs;
        this.activation = activation;
        w = new double[units * inputs];
        b = new double[units];
        nextW = new double[units * inputs];
        nextB = new double[units];
        z = new double[units * SAMPLES];
        v = new double[units * SAMPLES];
        d = new double[units * SAMPLES];
        sumW = new double[units * inputs];
        sumB = new double[units];
    }

    /** Sets W and b (and the spare buffers) to copies of these values. */
    void load(double[] weights, double[] biases) {
        System.arraycopy(weights, 0, w, 0, w.length);
        System.arraycopy(biases, 0, b, 0, b.length);
        System.arraycopy(weights, 0, nextW, 0, nextW.length);
        System.arraycopy(biases, 0, nextB, 0, nextB.length);
    }

    /** Forward: z = W in + b and v = f(z) for the chunk's columns of {@code in} (X, or the layer below's v). */
    void forward(double[] in, int start, int m) {
        final double[] w = this.w;
        final double[] b = this.b;
        final int end = start + m;
        for (int i = start; i < end; i++) {
            for (int j = 0; j < units; j++) {
                final int row = j * inputs;
                double sum = w[row] * in[i];
                for (int k = 1; k < inputs; k++) {
                    sum += w[row + k] * in[k * SAMPLES + i];
                }
                double zj = sum + b[j];
                z[j * SAMPLES + i] = zj;
                v[j * SAMPLES + i] = activation.apply(zj);
            }
        }
    }

    /** Backward, one layer down: d[l-1] = (W[l]^T d[l]) * f'(z[l-1]) for the chunk, with W from before the update. */
    void backpropagate(Layer below, int start, int m) {
        final double[] w = this.w;
        final double[] bz = below.z;
        final double[] bv = below.v;
        final double[] bd = below.d;
        final int end = start + m;
        for (int i = start; i < end; i++) {
            for (int k = 0; k < inputs; k++) {
                double sum = w[k] * d[i];
                for (int j = 1; j < units; j++) {
                    sum += w[j * inputs + k] * d[j * SAMPLES + i];
                }
                int at = k * SAMPLES + i;
                bd[at] = sum * below.activation.derivative(bz[at], bv[at]);
            }
        }
    }

    /** The gradient sums over the chunk, d in^T into {@link #sumW} and rowsum(d) into {@link #sumB}, sample by sample. */
    void gradients(double[] in, int start, int m) {
        final double[] sw = sumW;
        final double[] sb = sumB;
        Arrays.fill(sw, 0.0);
        Arrays.fill(sb, 0.0);
        final int end = start + m;
        for (int i = start; i < end; i++) {
            for (int j = 0; j < units; j++) {
                final double dj = d[j * SAMPLES + i];
                sb[j] += dj;
                final int row = j * inputs;
                for (int k = 0; k < inputs; k++) {
                    sw[row + k] += dj * in[k * SAMPLES + i];
                }
            }
        }
    }

    /**
     * Gradient descent, p - lr * g with g = sum / m, written {@code p - lr * sum / m} as NumPy evaluates the
     * notebook's update, into {@link #nextW} and {@link #nextB}.
     *
     * @return true if every new value is finite
     */
    boolean descend(double learningRate, int m) {
        final double[] w = this.w;
        final double[] b = this.b;
        final double[] nw = nextW;
        final double[] nb = nextB;
        boolean finite = true;
        for (int i = 0; i < w.length; i++) {
            double p = w[i] - learningRate * sumW[i] / m;
            nw[i] = p;
            finite &= Double.isFinite(p);
        }
        for (int j = 0; j < b.length; j++) {
            double p = b[j] - learningRate * sumB[j] / m;
            nb[j] = p;
            finite &= Double.isFinite(p);
        }
        return finite;
    }

    /** Makes the values {@link #descend} wrote current; the spare buffers then hold the parameters from before. */
    void accept() {
        double[] oldW = w;
        double[] oldB = b;
        w = nextW;
        b = nextB;
        nextW = oldW;
        nextB = oldB;
    }
}
