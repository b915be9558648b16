package org.xorlab.session;

import org.xorlab.engine.TrainingConfig;

/**
 * The Train tab's settings as files keep them: the run's config and when Play stops by itself.
 *
 * @param config     dataset, hidden units, seed, learning rate and batch size
 * @param stopAtLoss true to stop when the loss falls below {@code targetLoss}, false to stop after {@code stopEpochs}
 * @param stopEpochs the epoch Play stops at, from 1 to {@value #MAX_STOP_EPOCHS}
 * @param targetLoss the loss Play stops below, a finite number greater than 0
 */
public record RunSettings(TrainingConfig config, boolean stopAtLoss, long stopEpochs, double targetLoss) {
    /**
     * The largest epoch count Play can be told to stop at; the window keeps every epoch's loss (8 bytes a run), so
     * it stops at ten million.
     */
    public static final long MAX_STOP_EPOCHS = 10_000_000L;
    /**
     * The mean squared error of outputs and targets in [0, 1] never exceeds 1, so no target above it makes sense.
     * Cross-entropy can exceed 1, but a network that answers 1/2 to everything, having learned nothing, already
     * scores ln 2 (about 0.69) on every truth table, so a target above 1 makes no sense for it either.
     */
    public static final double MAX_TARGET_LOSS = 1.0;

    /** The notebook's run, stopping after 10,000 epochs (the notebook's loop). */
    public static final RunSettings DEFAULT = new RunSettings(TrainingConfig.NOTEBOOK, false, 10_000, 0.01);

    public RunSettings {
        if (config == null) {
            throw new IllegalArgumentException("settings need a training config");
        }
        checkStopEpochs(stopEpochs);
        checkTargetLoss(targetLoss);
    }

    public static void checkStopEpochs(long epochs) {
        if (epochs < 1 || epochs > MAX_STOP_EPOCHS) {
            throw new IllegalArgumentException("the epoch Play stops at must be a whole number from 1 to "
                    + MAX_STOP_EPOCHS + " (got " + epochs + ")");
        }
    }

    public static void checkTargetLoss(double loss) {
        if (!(loss > 0) || !(loss <= MAX_TARGET_LOSS)) {
            throw new IllegalArgumentException("the target loss must be greater than 0 and at most 1 (got " + loss + ")");
        }
    }
}
