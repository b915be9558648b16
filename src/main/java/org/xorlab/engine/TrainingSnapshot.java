package org.xorlab.engine;

/**
 * An immutable picture of a run, safe to pass from the training thread to the UI.
 *
 * @param config     the run's settings
 * @param epoch      completed epochs
 * @param updates    weight updates applied so far
 * @param nextSample index (0 to n - 1) of the next sample to train on; 0 at an epoch boundary
 * @param loss       the last completed epoch's loss, NaN before the first epoch completes
 * @param testLoss   the test set's loss with that epoch's final weights; NaN before it and without a test set
 * @param weights    the current weights
 * @param lastUpdate the last update's intermediate values, or null before the first update
 * @param divergence why the run stopped, or null while it can go on
 */
public record TrainingSnapshot(TrainingConfig config, long epoch, long updates, int nextSample, double loss,
                               double testLoss, Weights weights, UpdateTrace lastUpdate, Divergence divergence) {

    /** True when the run stopped because a value became NaN or infinite. */
    public boolean diverged() {
        return divergence != null;
    }

    /** Samples seen so far, one gradient evaluation each: every completed epoch sees all of them. */
    public long samples() {
        return epoch * config.sampleCount() + nextSample;
    }

    /** True when the last completed epoch's loss exists. */
    public boolean hasLoss() {
        return epoch > 0;
    }
}
