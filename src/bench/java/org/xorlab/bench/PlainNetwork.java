package org.xorlab.bench;

import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;

/**
 * The baseline for the engine benchmark: the notebook's update (SPEC.md) written as plainly as possible over
 * {@code double[]}, with none of what the engine adds for the app (no double-buffered weights, no divergence check,
 * no trace of the last update, no epoch and update counters). Same arithmetic in the same order as
 * {@link org.xorlab.engine.Trainer}, so both produce the same losses; {@link EngineBenchmark} checks that before it
 * measures anything.
 */
final class PlainNetwork {
    private final int hidden;
    private final double rate;
    private final int batch;
    private final double[] x0 = new double[Dataset.SIZE];
    private final double[] x1 = new double[Dataset.SIZE];
    private final double[] y = new double[Dataset.SIZE];

    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private double b2;

    // Per chunk: hidden activations v1[c * H + j], output deltas d2[c] and the gradient sums.
    private final double[] v1;
    private final double[] d2 = new double[Dataset.SIZE];
    private final double[] gw1;
    private final double[] gb1;
    private final double[] gw2;

    PlainNetwork(TrainingConfig config) {
        Weights w = Weights.initial(config.hidden(), config.seed());
        hidden = config.hidden();
        rate = config.learningRate();
        batch = config.batchSize();
        for (int i = 0; i < Dataset.SIZE; i++) {
            x0[i] = Dataset.x0(i);
            x1[i] = Dataset.x1(i);
            y[i] = config.dataset().target(i);
        }
        w1 = new double[2 * hidden];
        b1 = new double[hidden];
        w2 = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            w1[2 * j] = w.w1(j, 0);
            w1[2 * j + 1] = w.w1(j, 1);
            b1[j] = w.b1(j);
            w2[j] = w.w2(j);
        }
        b2 = w.b2();
        v1 = new double[Dataset.SIZE * hidden];
        gw1 = new double[2 * hidden];
        gb1 = new double[hidden];
        gw2 = new double[hidden];
    }

    /** One epoch: the four samples in chunks of the batch size. Returns the epoch's loss. */
    double epoch() {
        double total = 0;
        for (int start = 0; start < Dataset.SIZE; start += batch) {
            total += chunk(start, Math.min(batch, Dataset.SIZE - start));
        }
        return total / Dataset.SIZE;
    }

    /** Forward, backward and update for samples start .. start + m - 1; returns their summed squared error. */
    private double chunk(int start, int m) {
        final int h = hidden;
        double squared = 0;
        for (int c = 0; c < m; c++) {
            int i = start + c;
            double z2 = 0;
            for (int j = 0; j < h; j++) {
                double v = sigmoid(w1[2 * j] * x0[i] + w1[2 * j + 1] * x1[i] + b1[j]);
                v1[c * h + j] = v;
                z2 += w2[j] * v;
            }
            double yHat = sigmoid(z2 + b2);
            double error = y[i] - yHat;
            squared += error * error;
            d2[c] = (yHat - y[i]) * (yHat * (1 - yHat));
        }
        double gb2 = 0;
        for (int c = 0; c < m; c++) {
            gb2 += d2[c];
        }
        for (int j = 0; j < h; j++) {
            double sw2 = 0;
            double sb1 = 0;
            double sw10 = 0;
            double sw11 = 0;
            for (int c = 0; c < m; c++) {
                double v = v1[c * h + j];
                double d1 = (w2[j] * d2[c]) * (v * (1 - v));
                sw2 += d2[c] * v;
                sb1 += d1;
                sw10 += d1 * x0[start + c];
                sw11 += d1 * x1[start + c];
            }
            gw2[j] = sw2;
            gb1[j] = sb1;
            gw1[2 * j] = sw10;
            gw1[2 * j + 1] = sw11;
        }
        // W2 is read above for d1 before any weight changes, as the notebook does.
        for (int j = 0; j < h; j++) {
            w2[j] -= rate * gw2[j] / m;
            b1[j] -= rate * gb1[j] / m;
            w1[2 * j] -= rate * gw1[2 * j] / m;
            w1[2 * j + 1] -= rate * gw1[2 * j + 1] / m;
        }
        b2 -= rate * gb2 / m;
        return squared;
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
