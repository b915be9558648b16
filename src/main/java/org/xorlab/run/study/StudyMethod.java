package org.xorlab.run.study;

import org.xorlab.engine.TrainingOptions.Optimizer;

/**
 * One way of training that a study compares: an optimiser with a batch size, at whichever learning rate. Named as
 * the Compare tab names its runs: "sgd" (batch size 1), "batch" (full batch), "minibatch2", "Adam-batch1".
 */
public record StudyMethod(Optimizer optimizer, int batchSize, String name) {

    /** True for a run of this method. */
    public boolean covers(StudyRun run) {
        return run.optimizer() == optimizer && run.batchSize() == batchSize;
    }
}
