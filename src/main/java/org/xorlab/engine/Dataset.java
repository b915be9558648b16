package org.xorlab.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The four two-input truth tables the network can learn; inputs are always (0,0), (0,1), (1,0), (1,1). */
public enum Dataset {
    XOR(0, 1, 1, 0),
    AND(0, 0, 0, 1),
    OR(0, 1, 1, 1),
    XNOR(1, 0, 0, 1);

    /** Number of samples in every dataset. */
    public static final int SIZE = 4;

    private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private final double[] targets;

    Dataset(double... targets) {
        this.targets = targets;
    }

    /** First input feature of sample {@code i} (0-based, in the fixed order). */
    public static double x0(int i) {
        return INPUTS[i][0];
    }

    /** Second input feature of sample {@code i}. */
    public static double x1(int i) {
        return INPUTS[i][1];
    }

    /** Target output of sample {@code i}. */
    public double target(int i) {
        return targets[i];
    }

    /** The name users type and see: lower case, as on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "xor, and, or, xnor": the allowed names, for messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Dataset::id).collect(Collectors.joining(", "));
    }

    /**
     * Parses a dataset name, ignoring case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Dataset parse(String name) {
        for (Dataset d : values()) {
            if (d.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + name + "'; allowed: " + allowedNames());
    }
}
