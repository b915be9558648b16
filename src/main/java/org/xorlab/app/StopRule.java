package org.xorlab.app;

/**
 * When Play stops by itself: after a number of epochs, or once the loss falls below a target.
 *
 * @param byTarget   true to stop at the target loss, false to stop at the epoch count
 * @param epochs     the epoch to stop at, at least 1
 * @param targetLoss the loss to reach, greater than 0
 */
record StopRule(boolean byTarget, long epochs, double targetLoss) {
    static final long MAX_EPOCHS = 100_000_000L;
    static final StopRule DEFAULT = new StopRule(false, 10_000, 0.01);

    StopRule {
        if (epochs < 1 || epochs > MAX_EPOCHS) {
            throw new IllegalArgumentException("epochs must be a whole number from 1 to " + MAX_EPOCHS);
        }
        if (!(targetLoss > 0) || !Double.isFinite(targetLoss)) {
            throw new IllegalArgumentException("target loss must be a finite number greater than 0");
        }
    }

    /** True when a run at {@code epoch} with last loss {@code loss} has met this rule. */
    boolean isMet(long epoch, double loss) {
        return byTarget ? epoch > 0 && loss < targetLoss : epoch >= epochs;
    }

    /** What the status line says when the rule stops Play. */
    String reachedMessage(long epoch) {
        return byTarget
                ? "Reached loss below " + targetLoss + " at epoch " + String.format("%,d", epoch) + "."
                : "Stopped after " + String.format("%,d", epoch) + " epochs.";
    }
}
