package org.xorlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;

/**
 * Decision surface cost: {@link DecisionGrid#sample} of a trained network (seed 42, 10,000 epochs of SGD) against
 * the obvious per-cell loop over plain arrays, which takes H + 1 exponentials in every cell and fills the same
 * arrays (output and every hidden unit).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionGridBenchmark {
    /** Cells along each axis (the app's default is 100). */
    @Param({"100", "200", "400"})
    public int resolution;

    @Param({"2", "8"})
    public int hidden;

    private Weights weights;
    private double[] w1;
    private double[] b1;
    private double[] w2;
    private double b2;

    @Setup(Level.Trial)
    public void setUp() {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK.withHidden(hidden));
        trainer.runEpochs(10_000, null);
        weights = trainer.weights();
        w1 = new double[2 * hidden];
        b1 = new double[hidden];
        w2 = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            w1[2 * j] = weights.w1(j, 0);
            w1[2 * j + 1] = weights.w1(j, 1);
            b1[j] = weights.b1(j);
            w2[j] = weights.w2(j);
        }
        b2 = weights.b2();
        checkSameValues();
    }

    /** Refuses to measure a baseline that computes something else. */
    private void checkSameValues() {
        DecisionGrid grid = grid();
        double[] out = new double[resolution * resolution];
        perCell(out, new double[hidden * resolution * resolution]);
        for (int row = 0; row < resolution; row++) {
            for (int col = 0; col < resolution; col++) {
                if (Math.abs(grid.output(col, row) - out[row * resolution + col]) > 1e-12) {
                    throw new IllegalStateException("baseline disagrees with DecisionGrid at cell " + col + ", " + row);
                }
            }
        }
    }

    @Benchmark
    public DecisionGrid grid() {
        return DecisionGrid.sample(weights, resolution, DecisionGrid.DEFAULT_MIN, DecisionGrid.DEFAULT_MAX);
    }

    @Benchmark
    public double[] perCellBaseline() {
        double[] out = new double[resolution * resolution];
        perCell(out, new double[hidden * resolution * resolution]);
        return out;
    }

    /** y_hat and v1 at every cell centre, row 0 at the top, as DecisionGrid lays them out. */
    private void perCell(double[] out, double[] hid) {
        final int n = resolution;
        final double min = DecisionGrid.DEFAULT_MIN;
        final double step = (DecisionGrid.DEFAULT_MAX - min) / n;
        for (int row = 0; row < n; row++) {
            double x1 = min + (n - row - 0.5) * step;
            for (int col = 0; col < n; col++) {
                double x0 = min + (col + 0.5) * step;
                double z2 = b2;
                for (int j = 0; j < hidden; j++) {
                    double v = 1.0 / (1.0 + Math.exp(-(w1[2 * j] * x0 + w1[2 * j + 1] * x1 + b1[j])));
                    hid[(j * n + row) * n + col] = v;
                    z2 += w2[j] * v;
                }
                out[row * n + col] = 1.0 / (1.0 + Math.exp(-z2));
            }
        }
    }
}
