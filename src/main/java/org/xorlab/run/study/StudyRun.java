package org.xorlab.run.study;

import java.util.OptionalLong;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingOptions.Optimizer;

/**
 * What one run of a study did. Immutable.
 *
 * @param seed            the seed of its initial weights
 * @param learningRate    its learning rate
 * @param batchSize       its batch size
 * @param optimizer       its optimiser
 * @param epochs          epochs trained: the epoch it reached the target, or all its budget allowed, or the finite
 *                        epochs before it diverged
 * @param updates         weight updates applied
 * @param samples         samples seen
 * @param epochsToTarget  the first epoch whose loss was below the target, 0 if none
 * @param updatesToTarget weight updates by the end of that epoch, 0 if none
 * @param samplesToTarget samples seen by the end of that epoch, 0 if none
 * @param finalLoss       the loss of the last epoch trained, NaN if none
 * @param diverged        true if a weight or the loss became infinite or NaN, which stopped it
 */
public record StudyRun(long seed, double learningRate, int batchSize, Optimizer optimizer, long epochs, long updates,
                       long samples, long epochsToTarget, long updatesToTarget, long samplesToTarget,
                       double finalLoss, boolean diverged) {

    public boolean reachedTarget() {
        return epochsToTarget > 0;
    }

    /** When it reached the target, counted in {@code measure}; empty if it did not. */
    public OptionalLong toTarget(Measure measure) {
        return reachedTarget() ? OptionalLong.of(measure.of(epochsToTarget, updatesToTarget, samplesToTarget))
                : OptionalLong.empty();
    }

    /** How much of {@code measure} it used. */
    public long ran(Measure measure) {
        return measure.of(epochs, updates, samples);
    }
}
