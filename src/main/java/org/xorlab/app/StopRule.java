package org.xorlab.app;

import org.xorlab.app.controls.ValidatedField;
import org.xorlab.session.RunSettings;
import org.xorlab.text.NumberText;

/**
 * When Play stops by itself: after a number of epochs, or once the loss falls below a target.
 *
 * @param byTarget   true to stop at the target loss, false to stop at the epoch count
 * @param epochs     the epoch to stop at, at least 1
 * @param targetLoss the loss to reach, greater than 0
 */
public record StopRule(boolean byTarget, long epochs, double targetLoss) {
    public static final long MAX_EPOCHS = RunSettings.MAX_STOP_EPOCHS;
    static final StopRule DEFAULT = new StopRule(false, 10_000, 0.01);

    public StopRule {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be a whole number from 1 to " + MAX_EPOCHS);
        }
        if (!(targetLoss > 0) || !(targetLoss <= MAX_TARGET_LOSS)) {
            throw new IllegalArgumentException("target loss must be greater than 0 and at most 1");
        }
    }

    static final double MAX_TARGET_LOSS = RunSettings.MAX_TARGET_LOSS;

    /** A target loss typed by the user, or a message saying what is allowed. */
    public static double parseTargetLoss(String text) {
        double v = ValidatedField.parseDouble(text, "Target loss");
        if (!(v > 0) || v > MAX_TARGET_LOSS) {
            throw new IllegalArgumentException("Target loss must be greater than 0 and at most "
                    + NumberText.plain(MAX_TARGET_LOSS) + " (got " + text + ")");
        }
        return v;
    }

    /**
     * True when a run at {@code epoch} with last loss {@code loss} has met this rule. A run that has not reached its
     * target loss stops at {@link #MAX_EPOCHS} all the same: no run keeps more (nor can a session hold more).
     */
    boolean isMet(long epoch, double loss) {
        return byTarget ? epoch > 0 && loss < targetLoss || epoch >= MAX_EPOCHS : epoch >= epochs;
    }

    /** What the status line says when the rule stops Play. */
    String reachedMessage(long epoch) {
        if (byTarget && epoch >= MAX_EPOCHS) {
            return "Stopped at " + NumberText.count(epoch) + " epochs, the most a run keeps.";
        }
        return byTarget
                ? "Reached loss below " + NumberText.plain(targetLoss) + " at epoch " + NumberText.count(epoch) + "."
                : "Stopped after " + NumberText.count(epoch) + " epochs.";
    }
}
