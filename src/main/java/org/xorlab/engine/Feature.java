package org.xorlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An input feature the network sees, computed from a point's two coordinates (SPEC.md, "Data"): x1 and x2 (the
 * default pair), their squares, their product and their sines. The first layer's fan-in is the number of features
 * chosen, in the order given.
 */
public enum Feature {
    X1("x1", "x\u2081"),
    X2("x2", "x\u2082"),
    X1SQ("x1sq", "x\u2081\u00b2"),
    X2SQ("x2sq", "x\u2082\u00b2"),
    X1X2("x1x2", "x\u2081\u00b7x\u2082"),
    SIN1("sin1", "sin x\u2081"),
    SIN2("sin2", "sin x\u2082");

    /** The notebook's inputs: x1, x2. */
    public static final List<Feature> DEFAULT = List.of(X1, X2);

    private final String id;
    private final String label;

    Feature(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The name typed on the command line and written to files: x1, x2, x1sq, x2sq, x1x2, sin1, sin2. */
    public String id() {
        return id;
    }

    /** How a view labels it: x₁, x₂, x₁², x₂², x₁·x₂, sin x₁, sin x₂. */
    public String label() {
        return label;
    }

    /** This feature of the point (x1, x2). */
    public double of(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1SQ -> x1 * x1;
            case X2SQ -> x2 * x2;
            case X1X2 -> x1 * x2;
            case SIN1 -> Math.sin(x1);
            case SIN2 -> Math.sin(x2);
        };
    }

    /** The features of (x1, x2) into {@code into}, in the list's order. */
    public static void apply(List<Feature> features, double x1, double x2, double[] into) {
        for (int k = 0; k < into.length; k++) {
            into[k] = features.get(k).of(x1, x2);
        }
    }

    /** "x1, x2, x1sq, x2sq, x1x2, sin1, sin2": the allowed names, for messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Feature::id).collect(Collectors.joining(", "));
    }

    /** "x1,x2,x1sq": the ids joined by commas, as the command line takes them. */
    public static String ids(List<Feature> features) {
        return features.stream().map(Feature::id).collect(Collectors.joining(","));
    }

    /** One feature by its id, ignoring case. */
    public static Feature parse(String name) {
        String n = name == null ? "" : name.trim();
        for (Feature f : values()) {
            if (f.id.equalsIgnoreCase(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + name + "'; allowed: " + allowedNames());
    }

    /**
     * A comma-separated list of features such as "x1,x2,x1x2", in that order.
     *
     * @throws IllegalArgumentException for an empty list, an unknown name or a feature given twice
     */
    public static List<Feature> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("features must be a comma-separated list of " + allowedNames());
        }
        List<Feature> list = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Feature f = parse(part);
            if (list.contains(f)) {
                throw new IllegalArgumentException("feature '" + f.id + "' is given twice");
            }
            list.add(f);
        }
        return List.copyOf(list);
    }

    /** Checks a list of features: 1 to 7, none twice. */
    public static List<Feature> check(List<Feature> features) {
        if (features == null || features.isEmpty()) {
            throw new IllegalArgumentException("features must be 1 to " + values().length + " of " + allowedNames());
        }
        List<Feature> copy = List.copyOf(features);
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("each feature may be given once (got " + ids(copy).toLowerCase(Locale.ROOT) + ")");
        }
        return copy;
    }
}
