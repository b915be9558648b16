package org.xorlab.app;

import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.LossHistory;
import org.xorlab.engine.TrainingSnapshot;

/**
 * What the training thread hands to the FX thread: immutable, and only the newest one matters (frames are
 * coalesced, so a view must draw from the latest frame alone).
 *
 * @param generation     changes whenever the run starts over (reset, new seed, new dataset or width):
 *                       views holding history from an older generation must clear it
 * @param snapshot       the run now
 * @param grid           the decision surface sampled from {@code snapshot.weights()}
 * @param history        every completed epoch's loss of this generation; entries below
 *                       {@code snapshot.epoch()} are final
 * @param playing        true while Play is on
 * @param epochsPerSecond measured training speed over the last second, 0 when idle
 * @param message        a sentence for the status line (why Play stopped, divergence), or empty
 */
record TrainingFrame(long generation, TrainingSnapshot snapshot, DecisionGrid grid, LossHistory history,
                     boolean playing, double epochsPerSecond, String message) {
}
