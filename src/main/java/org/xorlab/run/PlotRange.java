package org.xorlab.run;

import org.xorlab.engine.DecisionGrid;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;

/**
 * The square of the input plane the decision surface shows, the same on both axes: the notebook's -0.5 to 1.5 for a
 * truth table; otherwise the data's extent (training and test points) padded by a tenth on each side, never smaller
 * than -0.5 to 1.5, with its ends rounded outward to halves so that a point drawn near the edge does not nudge the
 * view with every click. The grid the loop samples and the view that draws it both take it from here.
 *
 * @param min the smallest x1 and x2 shown
 * @param max the largest x1 and x2 shown
 */
public record PlotRange(double min, double max) {
    /** The truth tables' range. */
    public static final PlotRange UNIT = new PlotRange(DecisionGrid.DEFAULT_MIN, DecisionGrid.DEFAULT_MAX);

    public PlotRange {
        if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a plot range needs finite ends with min < max (got " + min + " to "
                    + max + ")");
        }
    }

    /** The range for the run's data. */
    public static PlotRange of(TrainingConfig config) {
        return config.onTruthTable() ? UNIT : of(config.samples().concat(config.testSamples()));
    }

    /** The range for these points (the unit range for none). */
    public static PlotRange of(Samples points) {
        if (points.isEmpty()) {
            return UNIT;
        }
        double[] extent = points.extent();
        double pad = 0.1 * (extent[1] - extent[0]);
        double lo = Math.min(UNIT.min, Math.floor((extent[0] - pad) * 2) / 2);
        double hi = Math.max(UNIT.max, Math.ceil((extent[1] + pad) * 2) / 2);
        return new PlotRange(lo, hi);
    }
}
