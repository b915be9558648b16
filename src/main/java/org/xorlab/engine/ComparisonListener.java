package org.xorlab.engine;

/** Told of each lockstep epoch of a {@link Comparison}, on the thread that trains. */
@FunctionalInterface
public interface ComparisonListener {
    /**
     * Epoch {@code epoch} (1-based) completed.
     *
     * @param losses each run's loss for this epoch, in the comparison's run order; NaN for a run that has
     *               stopped because it diverged. The array is the listener's own copy.
     */
    void epochCompleted(long epoch, double[] losses);
}
