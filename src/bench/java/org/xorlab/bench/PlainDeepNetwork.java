package org.xorlab.bench;

import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;

/**
 * The baseline for the general network's benchmark: a network of tanh hidden layers and a sigmoid output, trained on
 * the squared error with Adam (SPEC.md, "Beyond the notebook"), written as plainly as possible over one
 * {@code double[]} per layer's W, b and moments, with none of what the engine adds for the app (no layer objects,
 * no double-buffered weights, no divergence check, no trace, no counters). Same arithmetic in the same order as
 * {@link org.xorlab.engine.Trainer}, so both produce the same losses; the benchmarks check that before they measure
 * anything. Only the settings it was written for: tanh, mse, adam, no regularisation, the fixed order.
 */
final class PlainDeepNetwork {
    private static final int N = Dataset.SIZE;

    private final int layers;
    /** Units per layer, the inputs first: {2, 4, 4, 1} for 2-4-4-1. */
    private final int[] width;
    private final double rate;
    private final int batch;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] y = new double[N];

    /** W[l][j * width[l] + k], b[l][j]: layer l + 1's weights from layer l's units. */
    private final double[][] w;
    private final double[][] b;
    private final double[][] mw;
    private final double[][] sw;
    private final double[][] mb;
    private final double[][] sb;
    /** Activations, v[0] the inputs: v[l][j * N + i] for sample i; d[l] the errors of layer l (l >= 1). */
    private final double[][] v;
    private final double[][] d;
    private long t;

    PlainDeepNetwork(TrainingConfig config) {
        TrainingOptions o = config.options();
        if (o.activation() != org.xorlab.engine.Activation.TANH || o.loss() != TrainingOptions.Loss.MSE
                || o.optimizer() != TrainingOptions.Optimizer.ADAM
                || o.regularization() != TrainingOptions.Regularization.NONE
                || o.order() != TrainingOptions.Order.FIXED) {
            throw new IllegalArgumentException("the plain deep network does tanh, mse, adam, no regularisation, fixed order");
        }
        int[] hidden = config.hiddenLayers();
        layers = hidden.length + 1;
        width = new int[layers + 1];
        width[0] = 2;
        System.arraycopy(hidden, 0, width, 1, hidden.length);
        width[layers] = 1;
        rate = config.learningRate();
        batch = config.batchSize();
        beta1 = o.beta1();
        beta2 = o.beta2();
        epsilon = o.epsilon();
        Weights initial = Weights.initial(config);
        w = new double[layers][];
        b = new double[layers][];
        mw = new double[layers][];
        sw = new double[layers][];
        mb = new double[layers][];
        sb = new double[layers][];
        v = new double[layers + 1][];
        d = new double[layers + 1][];
        v[0] = new double[2 * N];
        for (int i = 0; i < N; i++) {
            v[0][i] = Dataset.x0(i);
            v[0][N + i] = Dataset.x1(i);
            y[i] = config.dataset().target(i);
        }
        for (int l = 0; l < layers; l++) {
            int in = width[l];
            int out = width[l + 1];
            w[l] = new double[out * in];
            b[l] = new double[out];
            for (int j = 0; j < out; j++) {
                for (int k = 0; k < in; k++) {
                    w[l][j * in + k] = initial.weight(l + 1, j, k);
                }
                b[l][j] = initial.bias(l + 1, j);
            }
            mw[l] = new double[out * in];
            sw[l] = new double[out * in];
            mb[l] = new double[out];
            sb[l] = new double[out];
            v[l + 1] = new double[out * N];
            d[l + 1] = new double[out * N];
        }
    }

    /** One epoch: the four samples in chunks of the batch size. Returns the epoch's loss. */
    double epoch() {
        double total = 0;
        for (int start = 0; start < N; start += batch) {
            total += chunk(start, Math.min(batch, N - start));
        }
        return total / N;
    }

    private double chunk(int start, int m) {
        final int end = start + m;
        // Forward.
        for (int l = 0; l < layers; l++) {
            int in = width[l];
            int out = width[l + 1];
            double[] wl = w[l];
            double[] below = v[l];
            double[] above = v[l + 1];
            boolean top = l == layers - 1;
            for (int i = start; i < end; i++) {
                for (int j = 0; j < out; j++) {
                    double z = wl[j * in] * below[i];
                    for (int k = 1; k < in; k++) {
                        z += wl[j * in + k] * below[k * N + i];
                    }
                    z += b[l][j];
                    above[j * N + i] = top ? 1.0 / (1.0 + Math.exp(-z)) : Math.tanh(z);
                }
            }
        }
        // Squared error and the output's error.
        double squared = 0;
        double[] yHat = v[layers];
        double[] dOut = d[layers];
        for (int i = start; i < end; i++) {
            double error = y[i] - yHat[i];
            squared += error * error;
            dOut[i] = (yHat[i] - y[i]) * (yHat[i] * (1 - yHat[i]));
        }
        // Backward, with the weights from before the update.
        for (int l = layers - 1; l > 0; l--) {
            int in = width[l];
            int out = width[l + 1];
            double[] wl = w[l];
            for (int i = start; i < end; i++) {
                for (int k = 0; k < in; k++) {
                    double sum = wl[k] * d[l + 1][i];
                    for (int j = 1; j < out; j++) {
                        sum += wl[j * in + k] * d[l + 1][j * N + i];
                    }
                    double a = v[l][k * N + i];
                    d[l][k * N + i] = sum * (1 - a * a);
                }
            }
        }
        // Adam on every weight and bias.
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int l = 0; l < layers; l++) {
            int in = width[l];
            int out = width[l + 1];
            for (int j = 0; j < out; j++) {
                for (int k = 0; k < in; k++) {
                    double sum = 0.0 + d[l + 1][j * N + start] * v[l][k * N + start];
                    for (int i = start + 1; i < end; i++) {
                        sum += d[l + 1][j * N + i] * v[l][k * N + i];
                    }
                    int n = j * in + k;
                    w[l][n] = adam(w[l][n], sum / m, mw[l], sw[l], n, c1, c2);
                }
                double sum = 0.0 + d[l + 1][j * N + start];
                for (int i = start + 1; i < end; i++) {
                    sum += d[l + 1][j * N + i];
                }
                b[l][j] = adam(b[l][j], sum / m, mb[l], sb[l], j, c1, c2);
            }
        }
        return squared;
    }

    private double adam(double p, double g, double[] first, double[] second, int n, double c1, double c2) {
        first[n] = beta1 * first[n] + (1 - beta1) * g;
        second[n] = beta2 * second[n] + (1 - beta2) * (g * g);
        return p - rate * (first[n] / c1) / (Math.sqrt(second[n] / c2) + epsilon);
    }
}
