package org.xorlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.MatrixReferenceTrainer;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;

/**
 * A cross-check of the JMH engine figures that survives a busy machine: the engine and a baseline run in
 * alternating short rounds (A B, B A, A B, ...) on one thread, each round timed by this thread's CPU time, so time
 * spent waiting for a core while other programs run is not counted, and a change of load hits both alike.
 * Prints one line per configuration: median CPU nanoseconds per sample update of each, their ratio, and the
 * 25th and 75th percentiles of the rounds' own ratios (each round's engine time over the baseline's beside it).
 *
 * <p>The baseline is {@code plain} ({@link PlainNetwork}, the same math over plain arrays without what the engine
 * adds for the app) or {@code matrix} ({@link MatrixReferenceTrainer}, the notebook transcribed into Commons Math
 * RealMatrix operations). {@link AgainstBuild} uses the same rounds to compare this engine with another build's.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar org.xorlab.bench.PairedRun [rounds] [plain|matrix]} (default 40
 * rounds of about 20 ms each per side and configuration, after 1 s of warm-up for each; baseline plain).
 */
public final class PairedRun {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Where results go so that the JIT cannot drop the work that made them. */
    private static volatile double sink;

    private PairedRun() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String baseline = args.length > 1 ? args[1] : "plain";
        if (!baseline.equals("plain") && !baseline.equals("matrix")) {
            throw new IllegalArgumentException("the baseline must be plain or matrix (got " + baseline + ")");
        }
        System.out.println(header(baseline));
        for (int batch : new int[] {1, 4}) {
            for (int hidden : new int[] {2, 8}) {
                TrainingConfig config = new TrainingConfig(Dataset.XOR, hidden, 42, 0.1, batch);
                Trainer trainer = new Trainer(config);
                Work engine = epochs -> {
                    for (long e = 0; e < epochs; e++) {
                        trainer.stepEpoch();
                    }
                    sink = trainer.loss();
                };
                Work other;
                if (baseline.equals("plain")) {
                    PlainNetwork plain = new PlainNetwork(config);
                    other = epochs -> {
                        double loss = 0;
                        for (long e = 0; e < epochs; e++) {
                            loss = plain.epoch();
                        }
                        sink = loss;
                    };
                } else {
                    MatrixReferenceTrainer matrix = new MatrixReferenceTrainer(config, trainer.initialWeights());
                    other = epochs -> {
                        double loss = 0;
                        for (long e = 0; e < epochs; e++) {
                            loss = matrix.runEpoch();
                        }
                        sink = loss;
                    };
                }
                System.out.println(compare(config, rounds, engine, other));
            }
        }
        if (baseline.equals("plain")) {
            for (int batch : new int[] {1, 4}) {
                TrainingConfig config = deepAdam(batch);
                Trainer trainer = new Trainer(config);
                PlainDeepNetwork plain = new PlainDeepNetwork(config);
                checkSameLosses(config);
                System.out.println(compare(config, rounds, epochs -> {
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
                }));
            }
        }
    }

    /**
     * The general network's benchmark case: 2-4-4-1, tanh hidden layers, Adam with its default hyper-parameters,
     * learning rate 0.01, the squared error, XOR, seed 42.
     */
    static TrainingConfig deepAdam(int batch) {
        TrainingOptions options = TrainingOptions.NOTEBOOK.withActivation(Activation.TANH)
                .withOptimizer(TrainingOptions.Optimizer.ADAM);
        return new TrainingConfig(Dataset.XOR, 4, 42, 0.01, batch, options).withHiddenLayers(4, 4);
    }

    /** Refuses to time a baseline that computes something else: 2,000 epochs' losses must agree to 1e-12. */
    static void checkSameLosses(TrainingConfig config) {
        Trainer t = new Trainer(config);
        PlainDeepNetwork p = new PlainDeepNetwork(config);
        for (int epoch = 1; epoch <= 2000; epoch++) {
            t.stepEpoch();
            double expected = t.loss();
            double actual = p.epoch();
            if (!(Math.abs(actual - expected) <= 1e-12 * Math.abs(expected))) {
                throw new IllegalStateException("the plain deep network disagrees with the engine at epoch " + epoch
                        + ": " + actual + " vs " + expected);
            }
        }
    }

    /** The CSV header for a comparison against {@code baseline}. */
    static String header(String baseline) {
        return "config,engine_cpu_ns_per_sample," + baseline + "_cpu_ns_per_sample,ratio,rounds,ratio_p25,ratio_p75";
    }

    /** Something to time: runs the given number of epochs. */
    interface Work {
        void run(long epochs) throws Exception;
    }

    /** Times {@code engine} against {@code baseline} in alternating rounds; returns the CSV line. */
    static String compare(TrainingConfig config, int rounds, Work engine, Work baseline) {
        long baselineEpochs = warmUp(baseline);
        long engineEpochs = warmUp(engine);
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                a[r] = perSample(engine, engineEpochs);
                b[r] = perSample(baseline, baselineEpochs);
            } else {
                b[r] = perSample(baseline, baselineEpochs);
                a[r] = perSample(engine, engineEpochs);
            }
            ratios[r] = a[r] / b[r];
        }
        double ma = median(a);
        double mb = median(b);
        return String.format(Locale.ROOT, "batch %d %s,%.1f,%.1f,%.3f,%d,%.3f,%.3f", config.batchSize(),
                describe(config), ma, mb, ma / mb, rounds, percentile(ratios, 0.25), percentile(ratios, 0.75));
    }

    /** "H 2" for the notebook's network, "2-4-4-1 tanh adam" for a general one. */
    static String describe(TrainingConfig config) {
        if (config.options().isNotebook()) {
            return "H " + config.hidden();
        }
        StringBuilder s = new StringBuilder("2");
        for (int width : config.hiddenLayers()) {
            s.append('-').append(width);
        }
        return s.append("-1 ").append(config.options().activation().id()).append(' ')
                .append(config.options().optimizer().id()).toString();
    }

    /** Runs {@code work} for about 1 s so the JIT has compiled it; returns how many epochs take about 20 ms. */
    private static long warmUp(Work work) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        double perEpoch = 0;
        while (System.nanoTime() < deadline) {
            perEpoch = cpu(work, 1000) / 1000.0;
        }
        return Math.max(10, (long) (20_000_000 / Math.max(perEpoch, 1)));
    }

    private static double perSample(Work work, long epochs) {
        return cpu(work, epochs) / (double) (epochs * Dataset.SIZE);
    }

    /** CPU nanoseconds this thread spends running {@code epochs} epochs of {@code work}. */
    private static long cpu(Work work, long epochs) {
        long start = THREADS.getCurrentThreadCpuTime();
        try {
            work.run(epochs);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The {@code q} quantile, interpolated between the two nearest ranks. */
    private static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = q * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
    }
}
