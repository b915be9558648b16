package org.xorlab.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a layer applies to its pre-activation z to get its output v, and the derivative backpropagation multiplies by
 * (SPEC.md, "Beyond the notebook"). The notebook's network uses the logistic sigmoid on both layers; the output unit
 * is always a sigmoid, the hidden layers may use any of these.
 */
public enum Activation {
    /** sigma(z) = 1 / (1 + e^-z), with derivative v * (1 - v): the notebook's {@code sigmoid_derivative}. */
    SIGMOID {
        @Override
        double apply(double z) {
            return sigmoid(z);
        }

        @Override
        double derivative(double z, double v) {
            return v * (1 - v);
        }
    },
    /** tanh z, with derivative 1 - v^2. */
    TANH {
        @Override
        double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        double derivative(double z, double v) {
            return 1 - v * v;
        }
    },
    /** max(z, 0), with derivative 1 where z > 0, else 0 (0 at z = 0 itself). */
    RELU {
        @Override
        double apply(double z) {
            return Math.max(z, 0.0);
        }

        @Override
        double derivative(double z, double v) {
            return z > 0 ? 1.0 : 0.0;
        }
    },
    /** z itself, with derivative 1. */
    LINEAR {
        @Override
        double apply(double z) {
            return z;
        }

        @Override
        double derivative(double z, double v) {
            return 1.0;
        }
    };

    /** v = f(z). */
    abstract double apply(double z);

    /**
     * f'(z), from the unit's pre-activation z and its output v; the sigmoid's and tanh's are written in v as SPEC
     * (and the notebook) does.
     */
    abstract double derivative(double z, double v);

    /** sigma(x) = 1 / (1 + e^-x); saturates to exactly 0 or 1 for large |x| rather than producing NaN. */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** The name users type and see: lower case, as on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "sigmoid, tanh, relu, linear": the allowed names, for messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Activation::id).collect(Collectors.joining(", "));
    }

    /**
     * Parses an activation name, ignoring case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.id().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; allowed: " + allowedNames());
    }
}
