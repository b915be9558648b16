package org.xorlab.app;

import java.util.List;
import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.LossHistory;
import org.xorlab.engine.TrainingSnapshot;

/**
 * What the training thread hands to the FX thread: immutable, and only the newest one matters (frames are
 * coalesced, so a view must draw from the latest frame alone).
 *
 * @param generation      changes whenever the runs start over (reset, new seed, new dataset or width): views holding
 *                        history from an older generation must clear it
 * @param runs            each run trained in lockstep, in order (one in the main window)
 * @param targetLoss      the loss the summary counts epochs and updates to
 * @param playing         true while Play is on
 * @param epochsPerSecond measured training speed over the last half second, 0 when idle
 * @param message         a sentence for the status line (why Play stopped, divergence), or empty
 */
public record TrainingFrame(long generation, List<RunFrame> runs, double targetLoss, boolean playing,
                     double epochsPerSecond, String message) {

    public TrainingFrame {
        runs = List.copyOf(runs);
    }

    /** The first run's snapshot: the only run in the main window. */
    public TrainingSnapshot snapshot() {
        return runs.get(0).snapshot();
    }

    DecisionGrid grid() {
        return runs.get(0).grid();
    }

    public LossHistory history() {
        return runs.get(0).history();
    }
}
