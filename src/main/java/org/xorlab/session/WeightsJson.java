package org.xorlab.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.linear.RealMatrix;
import org.xorlab.engine.Weights;

/**
 * Weights as JSON: {@code {"W1": [[..],[..]], "b1": [[..]], "W2": [[..]], "b2": [[..]]}}, nested arrays in the
 * notebook's shapes. One writer for the command line's {@code --json} files and for saved sessions.
 */
public final class WeightsJson {
    private WeightsJson() {
    }

    /** The four parameter matrices of {@code w} as a JSON object. */
    public static ObjectNode toJson(Weights w) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("W1", matrix(w.w1()));
        node.set("b1", matrix(w.b1()));
        node.set("W2", matrix(w.w2()));
        node.set("b2", matrix(w.b2Matrix()));
        return node;
    }

    private static ArrayNode matrix(RealMatrix m) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < m.getRowDimension(); i++) {
            ArrayNode row = rows.addArray();
            for (int j = 0; j < m.getColumnDimension(); j++) {
                row.add(m.getEntry(i, j));
            }
        }
        return rows;
    }
}
