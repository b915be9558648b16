package org.xorlab.app.view;

import java.util.List;
import org.xorlab.plot.Contours;
import org.xorlab.engine.DecisionGrid;

/**
 * A decision grid's contour by marching squares over its cell centres ({@link Contours}, which the landscape draws with
 * too): the line where a sampled value crosses a level, as straight segments
 * in input coordinates (x0, x1). Linear interpolation along each cell edge keeps the line smooth at any resolution.
 */
final class Contour {
    /** The value of one channel of a grid at cell (col, row). */
    @FunctionalInterface
    interface Channel {
        double at(int col, int row);
    }

    private Contour() {
    }

    /**
     * The segments where {@code channel} crosses {@code level}, flattened as {x0a, x1a, x0b, x1b, ...} in input
     * coordinates; empty if the value stays on one side everywhere.
     */
    static double[] trace(DecisionGrid grid, Channel channel, double level) {
        int n = grid.resolution();
        double[] values = new double[n * n];
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                values[row * n + col] = channel.at(col, row);
            }
        }
        // The landscape's marching squares (one implementation for both views), in cell-centre indices.
        List<double[]> segments = Contours.segments(values, n, level);
        double[] out = new double[segments.size() * 4];
        int size = 0;
        for (double[] s : segments) {
            size = put(out, size, grid, s[0], s[1], s[2], s[3]);
        }
        return out;
    }

    /** Appends a segment given in fractional (col, row) cell-centre indices, converted to input coordinates. */
    private static int put(double[] out, int size, DecisionGrid grid, double c0, double r0, double c1, double r1) {
        double cell = (grid.max() - grid.min()) / grid.resolution();
        out[size] = grid.x0(0) + c0 * cell;
        out[size + 1] = grid.x1(0) - r0 * cell;
        out[size + 2] = grid.x0(0) + c1 * cell;
        out[size + 3] = grid.x1(0) - r1 * cell;
        return size + 4;
    }
}
