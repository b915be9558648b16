package org.xorlab.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/**
 * Training speed: one epoch (four sample updates) of the engine's {@link Trainer} against {@link PlainNetwork}, the
 * same math over plain arrays, from the same seed. Reported per sample (four operations per epoch), so 1e9 divided
 * by the score is samples per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EngineBenchmark {
    /** Samples per weight update: 1 is the notebook's SGD, 4 full-batch gradient descent. */
    @Param({"1", "4"})
    public int batchSize;

    /** Hidden units H (the notebook's 2, and the app's largest, 8). */
    @Param({"2", "8"})
    public int hidden;

    private Trainer trainer;
    private PlainNetwork plain;

    @Setup(Level.Trial)
    public void setUp() {
        TrainingConfig config = new TrainingConfig(Dataset.XOR, hidden, 42, 0.1, batchSize);
        checkSameMath(config);
        trainer = new Trainer(config);
        plain = new PlainNetwork(config);
    }

    /** Refuses to measure a baseline that computes something else: both must give the same losses. */
    private static void checkSameMath(TrainingConfig config) {
        Trainer t = new Trainer(config);
        PlainNetwork p = new PlainNetwork(config);
        for (int epoch = 1; epoch <= 2000; epoch++) {
            t.stepEpoch();
            double expected = t.loss();
            double actual = p.epoch();
            if (Math.abs(actual - expected) > 1e-12 * Math.abs(expected)) {
                throw new IllegalStateException("baseline disagrees with the engine at epoch " + epoch + ": "
                        + actual + " vs " + expected);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.SIZE)
    public double engine() {
        trainer.stepEpoch();
        return trainer.loss();
    }

    @Benchmark
    @OperationsPerInvocation(Dataset.SIZE)
    public double plainArrays() {
        return plain.epoch();
    }
}
