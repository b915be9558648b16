package org.xorlab.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xorlab.engine.Data;
import org.xorlab.engine.Samples;
import org.xorlab.text.NumberText;

/**
 * A run's points in a session file, the training and the test set, each as three lists of the same length:
 * <pre>{"name": "spiral (200 points, noise 0.1, seed 3)",
 *  "train": {"x1": [..], "x2": [..], "y": [..]}, "test": {"x1": [], "x2": [], "y": []}}</pre>
 * Reading checks every point as the engine does (finite coordinates within +-1,000,000, y from 0 to 1, at most
 * {@value Samples#MAX_POINTS} points in all, at least one for training) and names the first bad one.
 */
final class DataJson {
    /**
     * The values a data field may hold: three numbers a point and the few lists and names around them, with room
     * for a few points too many, so that a file just over the limit is told how many points it has.
     */
    static final int MAX_VALUES = 3 * (Samples.MAX_POINTS + 10) + 16;
    /** The longest name a dataset may have in a file. */
    static final int MAX_NAME = 200;

    private DataJson() {
    }

    static ObjectNode write(Data data) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", data.name());
        node.set("train", points(data.train()));
        node.set("test", points(data.test()));
        return node;
    }

    private static ObjectNode points(Samples s) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        ArrayNode x1 = node.putArray("x1");
        ArrayNode x2 = node.putArray("x2");
        ArrayNode y = node.putArray("y");
        for (int i = 0; i < s.size(); i++) {
            x1.add(s.x1(i));
            x2.add(s.x2(i));
            y.add(s.y(i));
        }
        return node;
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @param name where it is, for messages: "data"
     * @throws IllegalArgumentException naming the first value that is missing, of the wrong kind or out of range
     */
    static Data read(JsonNode node, String name) {
        ObjectNode o = Json.object(node, name);
        String title = Json.string(Json.required(o, "name", name + ".name"), name + ".name");
        if (title.length() > MAX_NAME) {
            throw new IllegalArgumentException("\"" + name + ".name\" must be at most " + MAX_NAME
                    + " characters (got " + NumberText.count(title.length()) + ")");
        }
        Samples train = points(o.get("train"), name + ".train");
        if (train.isEmpty()) {
            throw new IllegalArgumentException("\"" + name + ".train\" must hold at least one point");
        }
        Samples test = o.get("test") == null ? Samples.NONE : points(o.get("test"), name + ".test");
        if (train.size() + test.size() > Samples.MAX_POINTS) {
            throw new IllegalArgumentException("\"" + name + "\" holds " + NumberText.count(train.size() + test.size())
                    + " points; a dataset holds at most " + NumberText.count(Samples.MAX_POINTS));
        }
        return new Data(title, train, test);
    }

    private static Samples points(JsonNode node, String name) {
        ObjectNode o = Json.object(node, name);
        double[] x1 = list(o, "x1", name);
        double[] x2 = list(o, "x2", name);
        double[] y = list(o, "y", name);
        if (x1.length != x2.length || x1.length != y.length) {
            throw new IllegalArgumentException("\"" + name + "\" must have as many x2 and y values as x1 values (got "
                    + x1.length + ", " + x2.length + " and " + y.length + ")");
        }
        try {
            return Samples.of(x1, x2, y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + name + "\": " + e.getMessage());
        }
    }

    private static double[] list(ObjectNode parent, String field, String owner) {
        String name = owner + "." + field;
        JsonNode node = Json.required(parent, field, name);
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"" + name + "\" must be a list of numbers [...] (got "
                    + Json.text(node) + ")");
        }
        if (node.size() > Samples.MAX_POINTS) {
            throw new IllegalArgumentException("\"" + name + "\" holds " + NumberText.count(node.size())
                    + " values; a dataset holds at most " + NumberText.count(Samples.MAX_POINTS) + " points");
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Json.number(node.get(i), name + "[" + i + "]");
        }
        return values;
    }
}
