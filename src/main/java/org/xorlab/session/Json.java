package org.xorlab.session;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.xorlab.engine.Weights;

/**
 * What the session and settings files share: one Jackson setup for writing them (they are read by
 * {@link JsonReading}), and reading values with messages naming them.
 */
final class Json {
    /**
     * Reads NaN and Infinity as numbers (so a NaN weight is reported as such, not as a syntax error), refuses
     * duplicate keys, and prints floating-point numbers in full precision.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Json() {
    }

    static ObjectNode object(JsonNode node, String name) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a JSON object {...} (got " + kind(node) + ")");
        }
        return (ObjectNode) node;
    }

    static JsonNode required(ObjectNode parent, String field, String name) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("\"" + name + "\" is missing");
        }
        return node;
    }

    /** A whole number (1e3 and 2.0 count) within the range of long. */
    static long wholeNumber(JsonNode node, String name) {
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isFloatingPointNumber()) {
            double d = node.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
                return (long) d;
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" must be a whole number (got " + text(node) + ")");
    }

    /** Any JSON number, including NaN and Infinity (the caller checks the range). */
    static double number(JsonNode node, String name) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        throw new IllegalArgumentException("\"" + name + "\" must be a number (got " + text(node) + ")");
    }

    static String string(JsonNode node, String name) {
        if (node.isTextual()) {
            return node.textValue();
        }
        throw new IllegalArgumentException("\"" + name + "\" must be a string in quotes (got " + text(node) + ")");
    }

    /** The value as the user would recognise it in the file, shortened. */
    static String text(JsonNode node) {
        String s = node.isContainerNode() ? kind(node) : node.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "a list [...]" : node.isObject() ? "an object {...}" : node.toString();
    }

    /** W1, b1, W2 and b2 as nested arrays in the notebook's shapes; see {@link WeightsJson}. */
    static ObjectNode weights(Weights w) {
        return WeightsJson.toJson(w);
    }

    /**
     * Reads weights for these hidden layers written by {@link #weights}: W1, b1, ..., W[L+1], b[L+1].
     *
     * @param name where they are, for messages: "initial" or "current"
     */
    static Weights weights(JsonNode node, String name, int[] hidden) {
        return weights(node, name, 2, hidden);
    }

    /** As {@link #weights(JsonNode, String, int[])} for a first layer of {@code inputs} features. */
    static Weights weights(JsonNode node, String name, int inputs, int[] hidden) {
        ObjectNode w = object(node, name);
        // "for 2 hidden units" (one layer, as version 1 has always said) or "for hidden layers 4,4".
        String network = hidden.length == 1 ? hidden[0] + " hidden unit" + (hidden[0] == 1 ? "" : "s")
                : "hidden layers " + java.util.Arrays.stream(hidden).mapToObj(Integer::toString)
                        .collect(java.util.stream.Collectors.joining(","));
        List<RealMatrix> ws = new ArrayList<>();
        List<RealMatrix> bs = new ArrayList<>();
        int in = inputs;
        for (int l = 0; l <= hidden.length; l++) {
            int out = l < hidden.length ? hidden[l] : 1;
            ws.add(new Array2DRowRealMatrix(matrix(w, name, "W" + (l + 1), out, in, network), false));
            bs.add(new Array2DRowRealMatrix(matrix(w, name, "b" + (l + 1), out, 1, network), false));
            in = out;
        }
        return Weights.of(ws, bs);
    }

    private static double[][] matrix(ObjectNode parent, String owner, String field, int rows, int cols,
                                     String network) {
        String name = owner + "." + field;
        JsonNode node = required(parent, field, name);
        String shape = "\"" + name + "\" must be " + rows + " x " + cols + " for " + network
                + " (a list of " + rows + " row" + (rows == 1 ? "" : "s") + " of " + cols
                + " number" + (cols == 1 ? "" : "s") + ")";
        if (!node.isArray() || node.size() != rows) {
            throw new IllegalArgumentException(shape + "; got " + (node.isArray() ? node.size() + " rows" : text(node)));
        }
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            JsonNode row = node.get(i);
            if (!row.isArray() || row.size() != cols) {
                throw new IllegalArgumentException(shape + "; row " + (i + 1) + " has "
                        + (row.isArray() ? row.size() + (row.size() == 1 ? " number" : " numbers") : text(row)));
            }
            for (int j = 0; j < cols; j++) {
                String cell = name + "[" + i + "][" + j + "]";
                double v = number(row.get(j), cell);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("\"" + cell + "\" must be a finite number (got " + v + ")");
                }
                out[i][j] = v;
            }
        }
        return out;
    }
}
