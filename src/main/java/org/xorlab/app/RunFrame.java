package org.xorlab.app;

import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.LossHistory;
import org.xorlab.engine.TrainingSnapshot;

/**
 * One run's part of a {@link TrainingFrame}; immutable.
 *
 * @param name            the run's name, for example "SGD (batch size 1)"
 * @param snapshot        the run now
 * @param grid            the decision surface sampled from {@code snapshot.weights()}
 * @param history         every completed epoch's loss of this generation; entries below {@code snapshot.epoch()}
 *                        are final and never change
 * @param epochsToTarget  the first epoch whose loss fell below the stop rule's target loss, 0 if none yet
 * @param updatesToTarget the weight updates made by the end of that epoch, 0 if none yet
 * @param trainingNanos   wall-clock time spent training this run since it (re)started, in nanoseconds
 */
record RunFrame(String name, TrainingSnapshot snapshot, DecisionGrid grid, LossHistory history,
                long epochsToTarget, long updatesToTarget, long trainingNanos) {

    /** A frame without a measured training time. */
    RunFrame(String name, TrainingSnapshot snapshot, DecisionGrid grid, LossHistory history,
             long epochsToTarget, long updatesToTarget) {
        this(name, snapshot, grid, history, epochsToTarget, updatesToTarget, 0);
    }
}
