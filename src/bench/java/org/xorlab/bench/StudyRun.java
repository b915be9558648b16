package org.xorlab.bench;

import java.util.ArrayList;
import java.util.List;
import org.xorlab.engine.Budget;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.run.study.Study;
import org.xorlab.run.study.StudyGrid;
import org.xorlab.run.study.StudyResult;

/**
 * Issue 13's study as a whole process without the command line: {@code xorlab study --seeds 1-100
 * --learning-rates 0.1,0.3,1,3 --batch-sizes 1,4 --epochs 5000 --target-loss 0.01} through {@link Study}, on the
 * given number of threads (default every core). {@code tools/bench.sh} times it with hyperfine, 1 thread against
 * all. Prints the runs done, how many reached the target, and a checksum of every run's counts and final loss, so
 * that a faster engine can be seen to give the same numbers.
 *
 * <p>Run: {@code java -cp target/benchmarks.jar org.xorlab.bench.StudyRun [threads] [repeats]} (repeats: the study
 * again in the same JVM, each timed, for a warm figure).
 */
public final class StudyRun {
    private StudyRun() {
    }

    /** The grid of issue 13: 100 seeds x rates 0.1, 0.3, 1, 3 x batch sizes 1, 4, SGD, 5,000 epochs, target 0.01. */
    public static StudyGrid issue13() {
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= 100; s++) {
            seeds.add(s);
        }
        return new StudyGrid(TrainingConfig.NOTEBOOK, seeds, List.of(0.1, 0.3, 1.0, 3.0), List.of(1, 4),
                List.of(TrainingOptions.Optimizer.SGD), 0.01, Budget.epochs(5000));
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Study.allCores();
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        StudyGrid grid = issue13();
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            StudyResult result = new Study(grid, threads).run();
            long nanos = System.nanoTime() - start;
            long reached = 0;
            long checksum = 17;
            for (org.xorlab.run.study.StudyRun run : result.runs()) {
                if (run.reachedTarget()) {
                    reached++;
                }
                checksum = checksum * 31 + run.epochs();
                checksum = checksum * 31 + run.updates();
                checksum = checksum * 31 + run.epochsToTarget();
                checksum = checksum * 31 + Double.doubleToLongBits(run.finalLoss());
                checksum = checksum * 31 + (run.diverged() ? 1 : 0);
            }
            System.out.printf("threads %d: %d runs, %d reached the target, checksum %016x, %.0f ms%n", threads,
                    result.done(), reached, checksum, nanos / 1e6);
        }
    }
}
