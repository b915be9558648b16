package org.xorlab.app.view;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import org.xorlab.app.view.NetworkView.Kind;
import org.xorlab.app.view.NetworkView.Part;
import org.xorlab.engine.Weights;

/** Which neuron or edge of a laid-out network is under the pointer, and where the edges run. */
final class NetworkHitTest {
    /** How close (beyond an edge's half width or a node's rim) the pointer must be to hover it. */
    private static final double HOVER_SLACK = 4;

    private NetworkHitTest() {
    }

    /**
     * The part under {@code pointer}: a neuron if the pointer is on one, else the nearest edge within reach; null
     * for none (or no pointer).
     */
    static Part partAt(NetworkLayout layout, Weights weights, Point2D pointer) {
        if (pointer == null || layout.isEmpty()) {
            return null;
        }
        for (int k = 0; k < layout.inputs.size(); k++) {
            if (pointer.distance(layout.inputs.get(k)) <= layout.outerRadius + 2) {
                return new Part(Kind.INPUT, k, 0);
            }
        }
        double reach = NetworkLayout.ringedReach(layout.hiddenRadius) + 1;
        for (int l = 0; l < layout.layers.size(); l++) {
            List<Point2D> layer = layout.layers.get(l);
            for (int j = 0; j < layer.size(); j++) {
                if (pointer.distance(layer.get(j)) <= reach) {
                    return new Part(Kind.HIDDEN, l + 1, j, 0);
                }
            }
        }
        if (pointer.distance(layout.output) <= NetworkLayout.ringedReach(layout.outerRadius) + 1) {
            return new Part(Kind.OUTPUT, 0, 0);
        }
        Part best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Part edge : edges(layout)) {
            double d = NetworkView.distanceToSegment(pointer, from(layout, edge), to(layout, edge));
            if (d <= NetworkView.edgeWidth(weightOf(weights, edge)) / 2 + HOVER_SLACK && d < bestDistance) {
                best = edge;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * Every edge of the layout: with one hidden layer W1[j][k] for each input k and W2[0][j] for each hidden unit j;
     * with more, W[l][j][k] of every layer l (the {@link Kind#WEIGHT} parts).
     */
    static List<Part> edges(NetworkLayout layout) {
        List<Part> edges = new ArrayList<>();
        if (layout.layers.size() <= 1) {
            for (int j = 0; j < layout.hidden.size(); j++) {
                for (int k = 0; k < layout.inputs.size(); k++) {
                    edges.add(new Part(Kind.W1, j, k));
                }
                edges.add(new Part(Kind.W2, j, 0));
            }
            return edges;
        }
        int top = layout.layers.size() + 1;
        for (int l = 1; l <= top; l++) {
            int units = l == top ? 1 : layout.layers.get(l - 1).size();
            int inputs = l == 1 ? layout.inputs.size() : layout.layers.get(l - 2).size();
            for (int j = 0; j < units; j++) {
                for (int k = 0; k < inputs; k++) {
                    edges.add(new Part(Kind.WEIGHT, l, j, k));
                }
            }
        }
        return edges;
    }

    /** Where an edge starts: an input for W1 (and W[1]), a hidden unit otherwise. */
    static Point2D from(NetworkLayout layout, Part edge) {
        return switch (edge.kind()) {
            case W1 -> layout.inputs.get(edge.k());
            case WEIGHT -> edge.layer() == 1 ? layout.inputs.get(edge.k())
                    : layout.layers.get(edge.layer() - 2).get(edge.k());
            default -> layout.hidden.get(edge.j());
        };
    }

    /** Where an edge ends: a hidden unit, or the output for W2 (and the last W[l]). */
    static Point2D to(NetworkLayout layout, Part edge) {
        return switch (edge.kind()) {
            case W1 -> layout.hidden.get(edge.j());
            case WEIGHT -> edge.layer() == layout.layers.size() + 1 ? layout.output
                    : layout.layers.get(edge.layer() - 1).get(edge.j());
            default -> layout.output;
        };
    }

    static double weightOf(Weights weights, Part edge) {
        return switch (edge.kind()) {
            case W1 -> weights.w1(edge.j(), edge.k());
            case WEIGHT -> weights.weight(edge.layer(), edge.j(), edge.k());
            default -> weights.w2(edge.j());
        };
    }
}
