package org.xorlab.engine;

/** The notebook's activation: the logistic sigmoid. */
public final class Activation {
    private Activation() {
    }

    /** sigma(x) = 1 / (1 + e^-x); saturates to exactly 0 or 1 for large |x| rather than producing NaN. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
