package org.xorlab.engine;

import org.xorlab.text.NumberText;

/**
 * Why a run stopped: a weight or the loss became NaN or infinite.
 *
 * @param epoch  the 1-based epoch in which it happened
 * @param update the 1-based weight update that would have produced it (it was not applied)
 */
public record Divergence(long epoch, long update, double learningRate) {

    /** One sentence for the user, naming the epoch. */
    public String message() {
        return "Training diverged at epoch " + NumberText.count(epoch) + " (update " + NumberText.count(update)
                + "): a weight or the loss became infinite or NaN with learning rate " + NumberText.plain(learningRate)
                + ". The last finite weights are kept; try a smaller learning rate.";
    }
}
