package org.xorlab.engine;

/** Told of each completed epoch, on the thread that trains. */
@FunctionalInterface
public interface EpochListener {
    /** Epoch {@code epoch} (1-based) completed with loss {@code loss} (the run's own: mean squared error or cross-entropy). */
    void epochCompleted(long epoch, double loss);
}
