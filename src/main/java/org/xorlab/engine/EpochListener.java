package org.xorlab.engine;

/** Told of each completed epoch, on the thread that trains. */
@FunctionalInterface
public interface EpochListener {
    /** Epoch {@code epoch} (1-based) completed with mean squared error {@code loss}. */
    void epochCompleted(long epoch, double loss);
}
