package org.xorlab.run;

import java.util.List;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.LossHistory;
import org.xorlab.engine.TrainingSnapshot;
import org.xorlab.engine.WeightHistory;
import org.xorlab.engine.Weights;

/**
 * One run's part of a {@link TrainingFrame}; immutable.
 *
 * @param name            the run's name, for example "SGD (batch size 1)"
 * @param snapshot        the run now
 * @param grid            the decision surface sampled from {@code snapshot.weights()}; while a deep network plays,
 *                        possibly from the weights of a frame or two before (see TrainingLoop's grid budget)
 * @param history         every completed epoch's loss of this generation; entries below {@code snapshot.epoch()}
 *                        are final and never change
 * @param epochsToTarget  the first epoch whose loss fell below the stop rule's target loss, 0 if none yet
 * @param updatesToTarget the weight updates made by the end of that epoch, 0 if none yet
 * @param trainingNanos   wall-clock time spent training this run since it (re)started, in nanoseconds
 * @param weightHistory   the weights at this generation's epoch boundaries (bounded, thinned with age), or null
 * @param preview         the earlier epoch the run is rewound to, or null when it shows the run live
 * @param testHistory     every completed epoch's test loss of this generation, as {@code history} keeps the training
 *                        loss; empty when nothing is held out
 * @param accuracy        the fraction of the training samples the shown weights classify right at threshold 0.5
 * @param testAccuracy    the same for the test samples; NaN when nothing is held out
 * @param notes           the diagnosis's notes on this generation so far, oldest first; empty unless the window asked
 *                        for them ({@link TrainingLoop#diagnose})
 */
public record RunFrame(String name, TrainingSnapshot snapshot, DecisionGrid grid, LossHistory history,
                       long epochsToTarget, long updatesToTarget, long trainingNanos, WeightHistory weightHistory,
                       Preview preview, LossHistory testHistory, double accuracy, double testAccuracy,
                       List<DiagnosisNote> notes) {

    public RunFrame {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** A live frame without training time, weight history, test history or accuracy. */
    public RunFrame(String name, TrainingSnapshot snapshot, DecisionGrid grid, LossHistory history,
                    long epochsToTarget, long updatesToTarget) {
        this(name, snapshot, grid, history, epochsToTarget, updatesToTarget, 0, null, null, new LossHistory(),
                Double.NaN, Double.NaN, List.of());
    }

    /** True when the run holds samples out as a test set. */
    public boolean hasTest() {
        return !snapshot.config().testSamples().isEmpty();
    }

    /** The weights the views show: the rewound epoch's, or the live ones. */
    public Weights shownWeights() {
        return preview != null ? preview.weights() : snapshot.weights();
    }

    /** The decision surface the views show: the rewound epoch's, or the live one. */
    public DecisionGrid shownGrid() {
        return preview != null ? preview.grid() : grid;
    }
}
