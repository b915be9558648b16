package org.xorlab.app.view;

import java.util.Arrays;
import org.xorlab.engine.DecisionGrid;

/**
 * Marching squares over a grid's cell centres: the line where a sampled value crosses a level, as straight segments
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
        double[] out = new double[64];
        int size = 0;
        double[] px = new double[4];
        double[] py = new double[4];
        for (int row = 0; row + 1 < n; row++) {
            for (int col = 0; col + 1 < n; col++) {
                // Corners clockwise from the top left: tl, tr, br, bl.
                double tl = channel.at(col, row);
                double tr = channel.at(col + 1, row);
                double br = channel.at(col + 1, row + 1);
                double bl = channel.at(col, row + 1);
                boolean a = tl >= level;
                boolean b = tr >= level;
                boolean c = br >= level;
                boolean d = bl >= level;
                if (a == b && b == c && c == d) {
                    continue;
                }
                // Crossings on the edges top, right, bottom, left (NaN where the edge does not cross).
                Arrays.fill(px, Double.NaN);
                int count = 0;
                if (a != b) {
                    px[0] = col + fraction(tl, tr, level);
                    py[0] = row;
                    count++;
                }
                if (b != c) {
                    px[1] = col + 1;
                    py[1] = row + fraction(tr, br, level);
                    count++;
                }
                if (c != d) {
                    px[2] = col + 1 - fraction(br, bl, level);
                    py[2] = row + 1;
                    count++;
                }
                if (d != a) {
                    px[3] = col;
                    py[3] = row + 1 - fraction(bl, tl, level);
                    count++;
                }
                if (out.length < size + 8) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                if (count == 2) {
                    int first = -1;
                    for (int e = 0; e < 4; e++) {
                        if (!Double.isNaN(px[e])) {
                            if (first < 0) {
                                first = e;
                            } else {
                                size = put(out, size, grid, px[first], py[first], px[e], py[e]);
                            }
                        }
                    }
                } else {
                    // Saddle: tl and br on one side, tr and bl on the other. The centre's mean decides which pair
                    // of corners the level line cuts off.
                    boolean centre = (tl + tr + br + bl) / 4 >= level;
                    if (centre == a) {
                        size = put(out, size, grid, px[0], py[0], px[1], py[1]);
                        size = put(out, size, grid, px[2], py[2], px[3], py[3]);
                    } else {
                        size = put(out, size, grid, px[0], py[0], px[3], py[3]);
                        size = put(out, size, grid, px[1], py[1], px[2], py[2]);
                    }
                }
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static double fraction(double from, double to, double level) {
        double t = (level - from) / (to - from);
        return t < 0 ? 0 : t > 1 ? 1 : t;
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
