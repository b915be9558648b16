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
 * The general network's training speed: one epoch of a 2-4-4-1 tanh network with Adam ({@link PairedRun#deepAdam})
 * in the engine's {@link Trainer} against {@link PlainDeepNetwork}, the same math over plain arrays. Reported per
 * sample, like {@link EngineBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DeepNetworkBenchmark {
    @Param({"1", "4"})
    public int batchSize;

    private Trainer trainer;
    private PlainDeepNetwork plain;

    @Setup(Level.Trial)
    public void setUp() {
        TrainingConfig config = PairedRun.deepAdam(batchSize);
        PairedRun.checkSameLosses(config);
        trainer = new Trainer(config);
        plain = new PlainDeepNetwork(config);
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
