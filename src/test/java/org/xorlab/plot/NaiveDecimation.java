package org.xorlab.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decimation rule of {@link DecimatedSeries} computed the slow, obvious way from the whole history at once, as an
 * oracle for the incremental implementation.
 */
public final class NaiveDecimation {

    /** One kept point. */
    public record Point(long epoch, double loss) {
    }

    private NaiveDecimation() {
    }

    /** The points a series with this budget keeps after {@code epochs[i], losses[i]} were added in order. */
    public static List<Point> points(long[] epochs, double[] losses, int budget) {
        List<Point> plottable = new ArrayList<>();
        for (int i = 0; i < epochs.length; i++) {
            if (Double.isFinite(losses[i]) && losses[i] > 0) {
                plottable.add(new Point(epochs[i], losses[i]));
            }
        }
        if (plottable.isEmpty()) {
            return List.of();
        }
        int maxBuckets = (budget - 2) / 2;
        long stride = 1;
        while (groups(plottable, stride).size() > maxBuckets) {
            stride *= 2;
        }
        List<Point> kept = new ArrayList<>();
        kept.add(plottable.get(0));
        for (List<Point> group : groups(plottable, stride).values()) {
            Point min = group.get(0);
            Point max = group.get(0);
            for (Point p : group) {
                if (p.loss() < min.loss()) {
                    min = p;
                }
                if (p.loss() > max.loss()) {
                    max = p;
                }
            }
            addIfLater(kept, min.epoch() < max.epoch() ? min : max);
            addIfLater(kept, min.epoch() < max.epoch() ? max : min);
        }
        addIfLater(kept, plottable.get(plottable.size() - 1));
        return kept;
    }

    private static Map<Long, List<Point>> groups(List<Point> points, long stride) {
        Map<Long, List<Point>> groups = new LinkedHashMap<>();
        for (Point p : points) {
            groups.computeIfAbsent(p.epoch() / stride, k -> new ArrayList<>()).add(p);
        }
        return groups;
    }

    private static void addIfLater(List<Point> kept, Point p) {
        if (p.epoch() > kept.get(kept.size() - 1).epoch()) {
            kept.add(p);
        }
    }
}
