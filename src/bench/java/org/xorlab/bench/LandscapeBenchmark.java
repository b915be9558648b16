package org.xorlab.bench;

import java.util.ArrayList;
import java.util.List;
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
import org.xorlab.engine.LossPlane;
import org.xorlab.engine.PlaneLoss;
import org.xorlab.engine.Samples;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;

/**
 * Loss landscape cost (issue 14's goal: a 100 x 100 plane of the notebook's network in at most 5 ms): the plane
 * through the notebook's run (seed 42, 10,000 epochs of SGD, every third epoch kept, as {@code xorlab landscape}
 * keeps them), then {@link PlaneLoss#grid} of {@value #N} x {@value #N} points against the naive way, a
 * {@link Weights} per point ({@link Weights#fromFlat} of {@link LossPlane#point}) and {@link Weights#loss}.
 * {@link #landscapePlane} measures building the plane and its window from the path (the SVD of 256 sampled points
 * for pca).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LandscapeBenchmark {
    /** Points along each side of the grid: the CLI's default. */
    static final int N = 100;

    @Param({"w:W2[0,0],W2[0,1]", "pca"})
    public String plane;

    private List<double[][]> paths;
    private int[] widths;
    private LossPlane lossPlane;
    private LossPlane.Window window;
    private PlaneLoss planeLoss;
    private Samples samples;
    private TrainingOptions options;

    @Setup(Level.Trial)
    public void setUp() {
        TrainingConfig config = TrainingConfig.NOTEBOOK;
        Trainer trainer = new Trainer(config);
        List<double[]> points = new ArrayList<>();
        points.add(trainer.initialWeights().flat());
        trainer.runEpochs(10_000, (epoch, loss) -> {
            if (epoch % 3 == 0 || epoch == 10_000) {
                points.add(trainer.weights().flat());
            }
        });
        paths = List.<double[][]>of(points.toArray(new double[0][]));
        widths = trainer.weights().widths();
        samples = config.samples();
        options = config.options();
        lossPlane = LossPlane.through(LossPlane.Spec.parse(plane), widths, paths);
        window = lossPlane.window(paths);
        planeLoss = new PlaneLoss(widths, options, samples);
        checkSameValues();
    }

    /** Refuses to measure a baseline that computes something else: the two grids must be equal, bit for bit. */
    private void checkSameValues() {
        double[] fast = landscapeGrid();
        double[] naive = landscapeNaiveBaseline();
        for (int i = 0; i < fast.length; i++) {
            if (Double.doubleToLongBits(fast[i]) != Double.doubleToLongBits(naive[i])) {
                throw new IllegalStateException("baseline disagrees with PlaneLoss.grid at point " + i + ": "
                        + naive[i] + " against " + fast[i]);
            }
        }
    }

    @Benchmark
    public double[] landscapeGrid() {
        return planeLoss.grid(lossPlane, window, N);
    }

    @Benchmark
    public double[] landscapeNaiveBaseline() {
        double[] out = new double[N * N];
        for (int row = 0; row < N; row++) {
            double b = window.b(row, N);
            for (int column = 0; column < N; column++) {
                Weights w = Weights.fromFlat(widths, lossPlane.point(window.a(column, N), b));
                out[row * N + column] = w.loss(samples, options);
            }
        }
        return out;
    }

    @Benchmark
    public LossPlane.Window landscapePlane() {
        return LossPlane.through(LossPlane.Spec.parse(plane), widths, paths).window(paths);
    }
}
