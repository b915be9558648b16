package org.xorlab.engine;

/**
 * What a layer applies to its pre-activation z to get its output v, and the derivative backpropagation multiplies by.
 * The notebook's network uses the logistic sigmoid on both layers.
 */
public enum Activation {
    /** sigma(z) = 1 / (1 + e^-z), with derivative v * (1 - v): the notebook's {@code sigmoid_derivative}. */
    SIGMOID;

    /** v = f(z). */
    double apply(double z) {
        return sigmoid(z);
    }

    /**
     * f'(z), from the unit's pre-activation z and its output v; the sigmoid's is written in v as the notebook does.
     */
    double derivative(double z, double v) {
        return v * (1 - v);
    }

    /** sigma(x) = 1 / (1 + e^-x); saturates to exactly 0 or 1 for large |x| rather than producing NaN. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
