package org.xorlab.run.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import org.xorlab.engine.Lockstep;
import org.xorlab.engine.Measure;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;

/**
 * Trains every run of a {@link StudyGrid} on several threads: the runs are independent, so each thread takes the next
 * run not yet started until none is left or the study is cancelled. The window's Study tab and {@code xorlab study}
 * both run a study through this class. {@link #result()} may be read from any thread at any time; a cancelled study
 * keeps every run it finished (a run cut short is not kept).
 */
public final class Study {
    /** How often (in epochs) a run checks whether the study was cancelled. */
    private static final int CANCEL_CHECK_EPOCHS = 1024;

    private final StudyGrid grid;
    private final int threads;
    private final AtomicReferenceArray<StudyRun> runs;
    /** How far the threads have got in {@link #index}'s order. */
    private final AtomicLong next = new AtomicLong();
    private final int[] order;
    private final AtomicLong done = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    /**
     * @param threads how many runs train at once, at least 1 ({@link #allCores()} for every core)
     * @throws IllegalArgumentException if threads is less than 1
     */
    public Study(StudyGrid grid, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be a whole number from 1 up (got " + threads + ")");
        }
        this.grid = grid;
        this.threads = threads;
        this.runs = new AtomicReferenceArray<>(Math.toIntExact(grid.size()));
        this.order = order(grid);
    }

    /** The machine's cores: the default number of threads. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    public StudyGrid grid() {
        return grid;
    }

    /**
     * Trains every run not yet trained, on {@code threads} threads (the calling thread and threads - 1 more), and
     * returns when all have finished or the study was cancelled.
     *
     * @return what the study found
     * @throws IllegalStateException if a run failed (not a divergence, which is a result: a fault), with its cause
     */
    public StudyResult run() {
        int extra = (int) Math.min(threads - 1, Math.max(0, grid.size() - 1));
        CountDownLatch finished = new CountDownLatch(extra);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < extra; t++) {
            Thread worker = new Thread(() -> {
                try {
                    work();
                } finally {
                    finished.countDown();
                }
            }, "study-" + (t + 1));
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        work();
        try {
            finished.await();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            for (Thread w : workers) {
                try {
                    w.join();
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("a run of the study failed: " + t, t);
        }
        return result();
    }

    private void work() {
        try {
            for (long p = next.getAndIncrement(); p < grid.size() && !stopped(); p = next.getAndIncrement()) {
                long i = index(p);
                StudyRun r = train(grid, i, this::stopped);
                if (r != null) {
                    runs.set((int) i, r);
                    done.incrementAndGet();
                }
            }
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            cancelled = true;
        }
    }

    /**
     * The run to train {@code p}-th: seed by seed, as the grid numbers them (a cancelled study keeps every
     * configuration's first seeds), but within a seed the smallest learning rate first, each rate's methods in turn.
     * Small rates take the most epochs, so the long runs start first and the short ones fill in at the end, and the
     * first runs under way already take every batch size's path through the engine, which the JIT then compiles
     * once for all of them instead of again when the first run of another batch size comes.
     */
    private long index(long p) {
        int perSeed = order.length;
        return p - p % perSeed + order[(int) (p % perSeed)];
    }

    /** The within-seed run numbers (as {@link StudyGrid#cell}'s) in the order {@link #index} trains them. */
    private static int[] order(StudyGrid grid) {
        List<Double> rates = grid.learningRates();
        int methods = grid.runsPerSeed() / rates.size();
        Integer[] byRate = new Integer[rates.size()];
        for (int r = 0; r < byRate.length; r++) {
            byRate[r] = r;
        }
        java.util.Arrays.sort(byRate, java.util.Comparator.comparingDouble(rates::get));
        int[] order = new int[grid.runsPerSeed()];
        int at = 0;
        for (int r : byRate) {
            for (int m = 0; m < methods; m++) {
                order[at++] = m * rates.size() + r;
            }
        }
        return order;
    }

    private boolean stopped() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    /** Stops the study: runs under way stop within {@value #CANCEL_CHECK_EPOCHS} epochs and are not kept. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs finished so far. */
    public long done() {
        return done.get();
    }

    /** What the study has found so far: a consistent copy. */
    public StudyResult result() {
        StudyRun[] copy = new StudyRun[runs.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = runs.get(i);
        }
        return new StudyResult(grid, copy, cancelled);
    }

    /**
     * Trains run number {@code index} of {@code grid} from its seed's initial weights, whole epochs until its loss
     * first falls below the target, it has spent the budget, or it diverges.
     *
     * @param stop asked every {@value #CANCEL_CHECK_EPOCHS} epochs; when true the run is abandoned
     * @return the run, or null if it was abandoned
     */
    public static StudyRun train(StudyGrid grid, long index, BooleanSupplier stop) {
        StudyGrid.StudyCell cell = grid.cell(index);
        TrainingConfig config = grid.config(cell);
        Trainer trainer = new Trainer(config, Weights.initial(config));
        trainer.setTracing(false);
        Lockstep lockstep = new Lockstep(List.of(trainer), grid.targetLoss(), grid.budget());
        lockstep.setTimed(false);
        while (lockstep.canTrain(0) && lockstep.epochsToTarget(0) == 0) {
            if (trainer.epoch() % CANCEL_CHECK_EPOCHS == CANCEL_CHECK_EPOCHS - 1 && stop.getAsBoolean()) {
                return null;
            }
            lockstep.stepEpoch(Measure.EPOCHS, null);
        }
        long e = lockstep.epochsToTarget(0);
        long u = lockstep.updatesToTarget(0);
        return new StudyRun(cell.seed(), cell.learningRate(), cell.batchSize(), cell.optimizer(), trainer.epoch(),
                trainer.updates(), trainer.epoch() * trainer.sampleCount(), e, u, e * trainer.sampleCount(),
                trainer.epoch() == 0 ? Double.NaN : trainer.loss(), trainer.diverged());
    }
}
