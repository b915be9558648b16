package org.xorlab.engine;

import java.util.Collection;

/**
 * What a comparison measures its runs by: their own loss when they all minimise the same one, or, when their losses
 * differ, every run's mean squared error ({@link Trainer#squaredError()}), since a cross-entropy of 0.01 and a mean
 * squared error of 0.01 say different things and a race to one target in both would not be fair. The target loss,
 * the loss curves and each run's final loss are all read by the same yardstick.
 */
public enum Yardstick {
    /** Each run's own loss (all runs minimise the same one). */
    LOSS,
    /** Each run's mean squared error, whichever loss it minimises. */
    SQUARED_ERROR;

    /** {@link #SQUARED_ERROR} if the configs' losses differ, else {@link #LOSS}. */
    public static Yardstick of(Collection<TrainingConfig> configs) {
        return configs.stream().map(c -> c.options().loss()).distinct().count() > 1 ? SQUARED_ERROR : LOSS;
    }

    /** The last completed epoch's value by this yardstick. */
    public double read(Trainer trainer) {
        return this == LOSS ? trainer.loss() : trainer.squaredError();
    }
}
