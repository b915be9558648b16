package org.xorlab.run.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a study has found so far: its grid and every run it finished, in the grid's order. Immutable (the array is a
 * copy, never handed out).
 *
 * @param grid      what the study trains
 * @param cancelled true if the study was stopped before it finished every run
 */
public final class StudyResult {
    private final StudyGrid grid;
    private final StudyRun[] runs;
    private final long done;
    private final boolean cancelled;

    /** A result holding {@code runs} (one slot per run of {@code grid}, null for not finished); copies the array. */
    public StudyResult(StudyGrid grid, StudyRun[] runs, boolean cancelled) {
        if (runs.length != grid.size()) {
            throw new IllegalArgumentException("a study of " + grid.size() + " runs cannot hold " + runs.length);
        }
        this.grid = grid;
        this.runs = runs.clone();
        this.done = Arrays.stream(this.runs).filter(Objects::nonNull).count();
        this.cancelled = cancelled;
    }

    /**
     * A finished study from its runs in any order, as a file holds them: each must be a run of {@code grid}, each
     * once.
     *
     * @throws IllegalArgumentException naming the first run that is not in the grid or is there twice
     */
    public static StudyResult of(StudyGrid grid, List<StudyRun> finished, boolean cancelled) {
        StudyRun[] slots = new StudyRun[Math.toIntExact(grid.size())];
        for (StudyRun r : finished) {
            long i = grid.indexOf(r.seed(), r.optimizer(), r.batchSize(), r.learningRate());
            if (i < 0) {
                throw new IllegalArgumentException("run " + describe(r) + " is not in the study's grid");
            }
            if (slots[(int) i] != null) {
                throw new IllegalArgumentException("run " + describe(r) + " is there twice");
            }
            slots[(int) i] = r;
        }
        return new StudyResult(grid, slots, cancelled);
    }

    private static String describe(StudyRun r) {
        return "seed " + r.seed() + ", " + r.optimizer().id() + ", batch size " + r.batchSize() + ", learning rate "
                + org.xorlab.text.NumberText.plain(r.learningRate());
    }

    /**
     * The studies of several shards of one grid (the same settings, other seeds) as one study over all their seeds,
     * in the order given: every run is independent and reproducible, so the merged study is the one a single run of
     * the whole grid would have made.
     *
     * @throws IllegalArgumentException if there is nothing to merge, the grids differ in anything but their seeds
     *                                  (the message names it), or two share a seed
     */
    public static StudyResult merge(List<StudyResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("there is no study to merge");
        }
        StudyGrid first = parts.get(0).grid;
        List<Long> seeds = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<StudyRun> all = new ArrayList<>();
        boolean cancelled = false;
        for (int p = 0; p < parts.size(); p++) {
            StudyResult part = parts.get(p);
            String differs = differenceBesidesSeeds(first, part.grid);
            if (differs != null) {
                throw new IllegalArgumentException("study " + (p + 1) + " differs from study 1 in " + differs
                        + "; only studies of the same grid with other seeds can be merged");
            }
            for (long s : part.grid.seeds()) {
                if (!seen.add(s)) {
                    throw new IllegalArgumentException("seed " + s + " is in more than one study; each seed may be"
                            + " in only one of the studies merged");
                }
                seeds.add(s);
            }
            all.addAll(part.runs());
            cancelled |= part.cancelled || part.done < part.grid.size();
        }
        return of(first.withSeeds(seeds), all, cancelled);
    }

    private static String differenceBesidesSeeds(StudyGrid a, StudyGrid b) {
        if (!a.base().withSeed(0).withLearningRate(1).withBatchSize(1).withOptions(a.base().options()
                .withOptimizer(org.xorlab.engine.TrainingOptions.Optimizer.SGD)).equals(b.base().withSeed(0)
                .withLearningRate(1).withBatchSize(1).withOptions(b.base().options()
                        .withOptimizer(org.xorlab.engine.TrainingOptions.Optimizer.SGD)))) {
            return "its network or data settings";
        }
        if (!a.learningRates().equals(b.learningRates())) {
            return "learning rates";
        }
        if (!a.batchSizes().equals(b.batchSizes())) {
            return "batch sizes";
        }
        if (!a.optimizers().equals(b.optimizers())) {
            return "optimizers";
        }
        if (a.targetLoss() != b.targetLoss()) {
            return "target loss";
        }
        if (!a.budget().equals(b.budget())) {
            return "budget";
        }
        return null;
    }

    public StudyGrid grid() {
        return grid;
    }

    /** Runs finished. */
    public long done() {
        return done;
    }

    /** Runs in the grid. */
    public long total() {
        return grid.size();
    }

    /** True once every run of the grid has finished. */
    public boolean complete() {
        return done == runs.length;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Run number {@code index} of the grid, or null if it has not finished. */
    public StudyRun run(long index) {
        return runs[Math.toIntExact(index)];
    }

    /** The finished runs, in the grid's order. */
    public List<StudyRun> runs() {
        List<StudyRun> list = new ArrayList<>();
        for (StudyRun r : runs) {
            if (r != null) {
                list.add(r);
            }
        }
        return list;
    }
}
