package org.xorlab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a square grid by marching squares: for one level, the segments where the values cross it, in
 * grid coordinates (column, row as fractions, so 0 to n - 1), each cell's crossing points placed by linear
 * interpolation. Cells with a non-finite corner are skipped. The window's landscape and the command line's PNG draw
 * the same segments.
 */
public final class Contours {
    private Contours() {
    }

    /**
     * The segments of {@code level} in {@code values} (row-major, {@code n x n}), each as {x1, y1, x2, y2}.
     * Values are compared as given: pass log losses for log-spaced levels.
     */
    public static List<double[]> segments(double[] values, int n, double level) {
        List<double[]> out = new ArrayList<>();
        for (int row = 0; row + 1 < n; row++) {
            for (int col = 0; col + 1 < n; col++) {
                double v00 = values[row * n + col];
                double v10 = values[row * n + col + 1];
                double v01 = values[(row + 1) * n + col];
                double v11 = values[(row + 1) * n + col + 1];
                if (!(Double.isFinite(v00) && Double.isFinite(v10) && Double.isFinite(v01) && Double.isFinite(v11))) {
                    continue;
                }
                int code = (v00 >= level ? 1 : 0) | (v10 >= level ? 2 : 0) | (v11 >= level ? 4 : 0)
                        | (v01 >= level ? 8 : 0);
                if (code == 0 || code == 15) {
                    continue;
                }
                // Crossing points on the cell's edges: bottom (00-10), right (10-11), top (01-11), left (00-01).
                double[] bottom = {col + t(v00, v10, level), row};
                double[] right = {col + 1, row + t(v10, v11, level)};
                double[] top = {col + t(v01, v11, level), row + 1};
                double[] left = {col, row + t(v00, v01, level)};
                switch (code) {
                    case 1, 14 -> add(out, left, bottom);
                    case 2, 13 -> add(out, bottom, right);
                    case 3, 12 -> add(out, left, right);
                    case 4, 11 -> add(out, right, top);
                    case 6, 9 -> add(out, bottom, top);
                    case 7, 8 -> add(out, left, top);
                    case 5, 10 -> {
                        // A saddle: decided by the cell's mean, so the lines never cross.
                        boolean centreAbove = (v00 + v10 + v01 + v11) / 4 >= level;
                        if ((code == 5) == centreAbove) {
                            add(out, left, top);
                            add(out, bottom, right);
                        } else {
                            add(out, left, bottom);
                            add(out, right, top);
                        }
                    }
                    default -> throw new AssertionError(code);
                }
            }
        }
        return out;
    }

    private static double t(double a, double b, double level) {
        return a == b ? 0.5 : (level - a) / (b - a);
    }

    private static void add(List<double[]> out, double[] p, double[] q) {
        out.add(new double[] {p[0], p[1], q[0], q[1]});
    }
}
