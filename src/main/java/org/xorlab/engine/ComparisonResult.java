package org.xorlab.engine;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a {@link Comparison} found so far: for each run, what it ran and when its loss first fell below the target,
 * counted in epochs, weight updates and samples seen, and its latest loss. Immutable.
 *
 * @param targetLoss the loss a run must get below (strictly) to have reached the target
 * @param budget     how long each run may train
 * @param runs       one summary per run, in the comparison's order
 */
public record ComparisonResult(double targetLoss, Budget budget, List<RunSummary> runs) {

    public ComparisonResult {
        runs = List.copyOf(runs);
    }

    /**
     * One run's numbers.
     *
     * @param name            the run's name
     * @param config          the run's settings
     * @param epochs          epochs the run completed
     * @param updates         weight updates the run applied
     * @param samples         samples the run has seen (one gradient evaluation each)
     * @param epochsToTarget  the first epoch whose loss was below the target, if any
     * @param updatesToTarget weight updates applied by the end of that epoch, if any
     * @param samplesToTarget samples seen by the end of that epoch, if any
     * @param finalLoss       the loss of the run's last completed epoch, NaN if none completed
     * @param divergence      why the run stopped early, or null
     */
    public record RunSummary(String name, TrainingConfig config, long epochs, long updates, long samples,
                             OptionalLong epochsToTarget, OptionalLong updatesToTarget, OptionalLong samplesToTarget,
                             double finalLoss, Divergence divergence) {

        /**
         * A run's summary from its counters, with the target reached at the end of epoch {@code epochsToTarget}
         * (0 if not reached) after {@code updatesToTarget} updates; samples are counted from epochs.
         */
        public static RunSummary of(String name, TrainingSnapshot s, long epochsToTarget, long updatesToTarget) {
            return of(name, s, epochsToTarget, updatesToTarget, s.loss());
        }

        /** As {@link #of(String, TrainingSnapshot, long, long)} with the final loss read by a comparison's yardstick. */
        public static RunSummary of(String name, TrainingSnapshot s, long epochsToTarget, long updatesToTarget,
                                    double finalLoss) {
            boolean reached = epochsToTarget > 0;
            return new RunSummary(name, s.config(), s.epoch(), s.updates(), s.samples(),
                    reached ? OptionalLong.of(epochsToTarget) : OptionalLong.empty(),
                    reached ? OptionalLong.of(updatesToTarget) : OptionalLong.empty(),
                    reached ? OptionalLong.of(epochsToTarget * s.config().sampleCount()) : OptionalLong.empty(),
                    finalLoss, s.divergence());
        }

        public int batchSize() {
            return config.batchSize();
        }

        public boolean reachedTarget() {
            return epochsToTarget.isPresent();
        }

        public boolean diverged() {
            return divergence != null;
        }

        /** What the run used of {@code measure}. */
        public long ran(Measure measure) {
            return measure.of(epochs, updates, samples);
        }

        /** When it reached the target, counted in {@code measure}. */
        public OptionalLong toTarget(Measure measure) {
            return switch (measure) {
                case EPOCHS -> epochsToTarget;
                case UPDATES -> updatesToTarget;
                case SAMPLES -> samplesToTarget;
            };
        }
    }

    /** The run with this name, or null. */
    public RunSummary run(String name) {
        return runs.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    /** The most epochs any run completed. */
    public long epochs() {
        return runs.stream().mapToLong(RunSummary::epochs).max().orElse(0);
    }

    /** True once every run has spent its budget or diverged. */
    public boolean finished() {
        return runs.stream().allMatch(r -> r.diverged() || budget.spent(r.epochs(), r.updates(), r.samples()));
    }

    /** Which run converged faster by each measure, and the sentence that says so. */
    public Verdict verdict() {
        return Verdict.of(this);
    }
}
