package org.xorlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/**
 * A cross-check of the JMH engine figures that survives a busy machine: the engine and its baseline run in
 * alternating short rounds (A B, B A, A B, ...) on one thread, each round timed by this thread's CPU time, so time
 * spent waiting for a core while other programs run is not counted, and a change of load hits both alike.
 * Prints one line per configuration: median CPU nanoseconds per sample update of each, and their ratio.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar org.xorlab.bench.PairedRun [rounds]} (default 40 rounds of about
 * 20 ms each per side and configuration, after 1 s of warm-up for each).
 */
public final class PairedRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Where results go so that the JIT cannot drop the work that made them. */
    private static volatile double sink;

    private PairedRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.println("config,engine_cpu_ns_per_sample,plain_cpu_ns_per_sample,ratio,rounds");
        for (int batch : new int[] {1, 4}) {
            for (int hidden : new int[] {2, 8}) {
                TrainingConfig config = new TrainingConfig(Dataset.XOR, hidden, 42, 0.1, batch);
                Trainer trainer = new Trainer(config);
                PlainNetwork plain = new PlainNetwork(config);
                compare("batch " + batch + " H " + hidden, rounds, epochs -> {
                    for (long e = 0; e < epochs; e++) {
                        trainer.stepEpoch();
                    }
                    sink = trainer.loss();
                }, epochs -> {
                    double loss = 0;
                    for (long e = 0; e < epochs; e++) {
                        loss = plain.epoch();
                    }
                    sink = loss;
                });
            }
        }
    }

    /** Something to time: runs the given number of epochs. */
    private interface Work {
        void run(long epochs);
    }

    private static void compare(String name, int rounds, Work engine, Work plain) {
        warmUp(plain);
        long epochs = warmUp(engine);
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                a[r] = perSample(engine, epochs);
                b[r] = perSample(plain, epochs);
            } else {
                b[r] = perSample(plain, epochs);
                a[r] = perSample(engine, epochs);
            }
        }
        double ma = median(a);
        double mb = median(b);
        System.out.println(String.format(Locale.ROOT, "%s,%.1f,%.1f,%.2f,%d", name, ma, mb, ma / mb, rounds));
    }

    /** Runs {@code work} for about 1 s so the JIT has compiled it; returns how many epochs take about 20 ms. */
    private static long warmUp(Work work) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        double perEpoch = 0;
        while (System.nanoTime() < deadline) {
            perEpoch = cpu(() -> {
                work.run(1000);
                return 0;
            }) / 1000.0;
        }
        return Math.max(1000, (long) (20_000_000 / Math.max(perEpoch, 1)));
    }

    private static double perSample(Work work, long epochs) {
        return cpu(() -> {
            work.run(epochs);
            return 0;
        }) / (double) (epochs * Dataset.SIZE);
    }

    /** CPU nanoseconds this thread spends in {@code body}. */
    private static long cpu(LongSupplier body) {
        long start = THREADS.getCurrentThreadCpuTime();
        body.getAsLong();
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
