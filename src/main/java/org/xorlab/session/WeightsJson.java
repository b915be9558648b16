package org.xorlab.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.linear.RealMatrix;
import org.xorlab.engine.Weights;

/**
 * Weights as JSON: {@code {"W1": [[..],[..]], "b1": [[..]], "W2": [[..]], "b2": [[..]]}}, nested arrays in the
 * notebook's shapes, and on as W3, b3, ... for deeper networks (W[l] width[l] x width[l-1], b[l] width[l] x 1).
 * One writer for the command line's {@code --json} files and for saved sessions.
 */
public final class WeightsJson {
    private WeightsJson() {
    }

    /** Every layer's parameter matrices of {@code w} as a JSON object: W1, b1, W2, b2, ... */
    public static ObjectNode toJson(Weights w) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int l = 1; l <= w.layers(); l++) {
            node.set("W" + l, matrix(w.w(l)));
            node.set("b" + l, matrix(w.b(l)));
        }
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
