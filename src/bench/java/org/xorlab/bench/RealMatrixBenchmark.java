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
import org.xorlab.engine.Dataset;
import org.xorlab.engine.MatrixReferenceTrainer;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/**
 * The design's question, whether Commons Math {@code RealMatrix} could be the engine's core: epochs per second of
 * the engine's {@link Trainer} (its layers over {@code double[]}) against {@link MatrixReferenceTrainer}, the
 * notebook transcribed literally into RealMatrix operations (a test class, which the bench profile compiles in),
 * from the same seed, in the same run. One operation is one epoch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RealMatrixBenchmark {
    /** Samples per weight update: 1 is the notebook's SGD, 4 full-batch gradient descent. */
    @Param({"1", "4"})
    public int batchSize;

    /** Hidden units H (the notebook's 2, and the app's largest, 8). */
    @Param({"2", "8"})
    public int hidden;

    private Trainer trainer;
    private MatrixReferenceTrainer matrix;

    @Setup(Level.Trial)
    public void setUp() {
        TrainingConfig config = new TrainingConfig(Dataset.XOR, hidden, 42, 0.1, batchSize);
        checkSameMath(config);
        trainer = new Trainer(config);
        matrix = new MatrixReferenceTrainer(config, trainer.initialWeights());
    }

    /** Refuses to compare two programs that compute different things: both must give the same losses. */
    private static void checkSameMath(TrainingConfig config) {
        Trainer t = new Trainer(config);
        MatrixReferenceTrainer m = new MatrixReferenceTrainer(config, t.initialWeights());
        for (int epoch = 1; epoch <= 2000; epoch++) {
            t.stepEpoch();
            double expected = t.loss();
            double actual = m.runEpoch();
            if (Math.abs(actual - expected) > 1e-12 * Math.abs(expected)) {
                throw new IllegalStateException("the RealMatrix transcription disagrees with the engine at epoch "
                        + epoch + ": " + actual + " vs " + expected);
            }
        }
    }

    @Benchmark
    public double doubleArrays() {
        trainer.stepEpoch();
        return trainer.loss();
    }

    @Benchmark
    public double realMatrix() {
        return matrix.runEpoch();
    }
}
