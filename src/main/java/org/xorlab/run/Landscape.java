package org.xorlab.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xorlab.engine.LossPlane;
import org.xorlab.engine.PlaneLoss;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.WeightHistory;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * The loss landscape the window shows, computed off the FX thread from runs' frames: a plane through their paths
 * ({@link LossPlane}), its loss on a grid ({@link PlaneLoss}), each run's path and shown point projected onto it, and
 * optionally the gradient noise at the first run's shown weights. Pure: {@link #compute} reads only what it is given
 * (a run's {@link WeightHistory} is safe to read from any thread).
 */
public final class Landscape {
    /** Most points a path keeps for the plane and the drawing, evenly spaced with its first and last. */
    public static final int PATH_POINTS = 1200;
    /** The grid's resolution at most (the notebook's network gets it), and at least (the largest networks on data). */
    public static final int MAX_GRID = 100;
    public static final int MIN_GRID = 24;
    /** About how many multiply-adds a grid may cost: 100 x 100 points of the notebook's 4 samples x 9 parameters. */
    static final double GRID_BUDGET = 100 * 100 * 4 * 9 * 2.0;
    /** Most samples whose gradients are drawn as arrows; the readout summarises every sample. */
    public static final int MAX_ARROWS = 8;

    private Landscape() {
    }

    /**
     * One run as the landscape reads it.
     *
     * @param name    the run's name in its tab
     * @param config  its configuration (network, options and data)
     * @param history its weights at epoch ends; may be null, then the path is the shown weights only
     * @param steps   weights of updates after the last recorded epoch, in order (a stepped epoch's samples), or empty
     * @param shown   the weights the views show now (a rewound epoch's or the live ones)
     * @param epoch   the epoch those weights belong to
     */
    public record Run(String name, TrainingConfig config, WeightHistory history, List<Weights> steps, Weights shown,
                      long epoch) {
        public Run {
            steps = List.copyOf(steps);
        }
    }

    /** A run's path on the plane: the a and b of each point, epoch 0 first, and where its shown weights are. */
    public record Path(String name, double[] a, double[] b, double shownA, double shownB, double shownLoss) {
    }

    /**
     * The gradient noise at the first run's shown weights: each sample's gradient and their mean, as the step each
     * would take (minus the gradient), projected onto the plane and scaled together.
     *
     * @param sampleA,sampleB the arrows of the first {@link #MAX_ARROWS} samples, in plane units
     * @param meanA,meanB     the mean gradient's arrow
     * @param angles          every sample's angle to the mean gradient in degrees, over all parameters (NaN where a
     *                        gradient is zero)
     * @param labels          the arrows' samples, as the truth table names them ("(0,1)") or by number
     */
    public record Noise(double[] sampleA, double[] sampleB, double meanA, double meanB, double[] angles,
                        String[] labels) {
    }

    /**
     * Everything a landscape view draws, immutable once made.
     *
     * @param losses the grid, {@code n x n}, row 0 at the window's lowest b
     */
    public record Picture(LossPlane plane, LossPlane.Window window, int n, double[] losses, List<Path> paths,
                          Noise noise, String readout) {
        public Picture {
            paths = List.copyOf(paths);
        }
    }

    /** The grid resolution for a network of {@code parameters} trained on {@code samples}: within the budget. */
    public static int gridSize(int parameters, int samples) {
        double perPoint = 2.0 * parameters * samples;
        int n = (int) Math.floor(Math.sqrt(GRID_BUDGET / perPoint) * 10); // ten times the notebook's cost at most
        return Math.max(MIN_GRID, Math.min(MAX_GRID, n));
    }

    /**
     * The landscape of {@code runs} (all of one network, the first the one whose gradients are shown) on the plane
     * {@code spec} names.
     *
     * @throws IllegalArgumentException if the plane names a parameter the network lacks, or a path is not finite
     */
    public static Picture compute(LossPlane.Spec spec, List<Run> runs, boolean gradients) {
        Run first = runs.get(0);
        for (Run r : runs) {
            if (!r.shown().isFinite()) {
                throw new IllegalArgumentException("the weights shown are not finite (the run diverged)");
            }
        }
        int[] widths = first.shown().widths();
        List<double[][]> paths = new ArrayList<>();
        for (Run r : runs) {
            paths.add(path(r));
        }
        LossPlane plane = LossPlane.through(spec, widths, paths);
        LossPlane.Window window = plane.window(paths);
        if (gradients) {
            // Centred on the point the arrows start from, so that they stay on the plot wherever it is on the path.
            double[] c = plane.project(first.shown().flat());
            double half = LossPlane.MIN_HALF_WIDTH;
            for (double[][] path : paths) {
                for (double[] p : path) {
                    double[] ab = plane.project(p);
                    half = Math.max(half, 1.1 * Math.max(Math.abs(ab[0] - c[0]), Math.abs(ab[1] - c[1])));
                }
            }
            window = new LossPlane.Window(c[0] - half, c[0] + half, c[1] - half, c[1] + half);
        }
        if (!(Double.isFinite(window.aMin()) && Double.isFinite(window.aMax()) && Double.isFinite(window.bMin())
                && Double.isFinite(window.bMax()) && window.aMax() > window.aMin() && window.bMax() > window.bMin())) {
            // Weights so large that their projections overflow (a run on its way to diverging).
            throw new IllegalArgumentException("the weights are too large to draw a plane through");
        }
        TrainingConfig config = first.config();
        PlaneLoss loss = new PlaneLoss(widths, config.options(), config.samples());
        int n = gridSize(loss.parameters(), loss.samples());
        double[] grid = loss.grid(plane, window, n);
        List<Path> projected = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            double[][] points = paths.get(i);
            double[] a = new double[points.length];
            double[] b = new double[points.length];
            for (int k = 0; k < points.length; k++) {
                double[] ab = plane.project(points[k]);
                a[k] = ab[0];
                b[k] = ab[1];
            }
            double[] shown = runs.get(i).shown().flat();
            double[] ab = plane.project(shown);
            projected.add(new Path(runs.get(i).name(), a, b, ab[0], ab[1], loss.loss(shown)));
        }
        Noise noise = gradients ? noise(plane, loss, first, window) : null;
        return new Picture(plane, window, n, grid, projected, noise, readout(runs, projected, loss, noise));
    }

    /** A run's path: its recorded epochs (at most {@link #PATH_POINTS}), then its steps since, then its live weights. */
    static double[][] path(Run r) {
        List<double[]> points = new ArrayList<>();
        WeightHistory h = r.history();
        if (h != null) {
            long[] epochs = h.epochs();
            int count = epochs.length;
            int keep = Math.min(count, PATH_POINTS);
            long last = -1;
            for (int i = 0; i < keep; i++) {
                int index = keep == 1 ? count - 1 : (int) ((long) i * (count - 1) / (keep - 1));
                WeightHistory.Entry e = h.at(epochs[index]);
                if (e != null && e.epoch() != last && e.weights().isFinite()) {
                    points.add(e.weights().flat());
                    last = e.epoch();
                }
            }
        }
        for (Weights w : r.steps()) {
            points.add(w.flat());
        }
        double[] shown = r.shown().flat();
        if (points.isEmpty()) {
            points.add(shown);
        }
        return points.toArray(new double[0][]);
    }

    private static Noise noise(LossPlane plane, PlaneLoss loss, Run run, LossPlane.Window window) {
        double[] p = run.shown().flat();
        double[] mean = loss.meanGradient(p);
        int samples = loss.samples();
        int arrows = Math.min(samples, MAX_ARROWS);
        double[] angles = new double[samples];
        double[] sa = new double[arrows];
        double[] sb = new double[arrows];
        String[] labels = new String[arrows];
        double meanNorm = norm(mean);
        double[] meanAb = stepOnPlane(plane, p, mean);
        double longest = Math.hypot(meanAb[0], meanAb[1]);
        for (int i = 0; i < samples; i++) {
            double[] g = loss.sampleGradient(p, i);
            double norm = norm(g);
            angles[i] = norm == 0 || meanNorm == 0 ? Double.NaN
                    : Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot(g, mean) / (norm * meanNorm)))));
            if (i < arrows) {
                double[] ab = stepOnPlane(plane, p, g);
                sa[i] = ab[0];
                sb[i] = ab[1];
                longest = Math.max(longest, Math.hypot(ab[0], ab[1]));
                labels[i] = sampleName(run.config(), i);
            }
        }
        // Scaled together so the longest arrow reaches a quarter of the window across.
        double scale = longest > 0 ? 0.25 * (window.aMax() - window.aMin()) / longest : 0;
        for (int i = 0; i < arrows; i++) {
            sa[i] *= scale;
            sb[i] *= scale;
        }
        return new Noise(sa, sb, meanAb[0] * scale, meanAb[1] * scale, angles, labels);
    }

    /** The step minus {@code g} would take from {@code p}, in plane coordinates (unscaled). */
    private static double[] stepOnPlane(LossPlane plane, double[] p, double[] g) {
        double[] from = plane.project(p);
        double[] moved = p.clone();
        for (int k = 0; k < moved.length; k++) {
            moved[k] -= g[k];
        }
        double[] to = plane.project(moved);
        return new double[] {to[0] - from[0], to[1] - from[1]};
    }

    /** "(0,1)" for a truth table's sample, "sample 7" on data. */
    static String sampleName(TrainingConfig config, int i) {
        if (config.onTruthTable()) {
            var s = config.samples();
            return "(" + NumberText.brief(s.x1(i)) + "," + NumberText.brief(s.x2(i)) + ")";
        }
        return "sample " + (i + 1);
    }

    /**
     * What the view says under the landscape: the loss at each run's shown weights, and with the arrows, what they
     * mean.
     */
    static String readout(List<Run> runs, List<Path> paths, PlaneLoss loss, Noise noise) {
        Run run = runs.get(0);
        StringBuilder s = new StringBuilder();
        s.append("Epoch ").append(NumberText.count(run.epoch())).append(": loss ");
        if (runs.size() == 1) {
            s.append(NumberText.brief(paths.get(0).shownLoss()));
        } else {
            for (int i = 0; i < runs.size(); i++) {
                s.append(i == 0 ? "" : i == runs.size() - 1 ? " and " : ", ").append(runs.get(i).name()).append(' ')
                        .append(NumberText.brief(paths.get(i).shownLoss()));
            }
        }
        s.append(" over all ").append(NumberText.count(loss.samples())).append(" samples at the weights shown.");
        if (noise != null && runs.size() > 1) {
            s.append(" The arrows are ").append(run.name()).append("'s.");
        }
        if (noise == null) {
            return s.toString();
        }
        double[] angles = noise.angles();
        int samples = angles.length;
        s.append(" Angles to the mean gradient (all ").append(NumberText.count(loss.parameters()))
                .append(" parameters): ");
        if (samples <= MAX_ARROWS) {
            for (int i = 0; i < samples; i++) {
                s.append(i == 0 ? "" : ", ").append(noise.labels()[i]).append(' ').append(angle(angles[i]));
            }
        } else {
            long beyond = Arrays.stream(angles).filter(a -> a > 90).count();
            s.append("median ").append(angle(medianOf(angles))).append(", ").append(NumberText.count(beyond))
                    .append(" of ").append(NumberText.count(samples)).append(" samples beyond 90°");
        }
        s.append(". Batch GD steps once against the mean; SGD steps ").append(NumberText.count(samples))
                .append(" times, each against one sample's gradient where the step before left it");
        double median = medianOf(angles);
        if (median == median) {
            s.append(median > 45 ? ": here they point different ways, so SGD zig-zags."
                    : ": here they point much the same way, so SGD's steps add up to about "
                    + NumberText.count(samples) + " batch steps.");
        } else {
            s.append('.');
        }
        TrainingOptions o = run.config().options();
        if (o.regularization() != TrainingOptions.Regularization.NONE) {
            s.append(" The arrows are the data's gradients, without the ").append(o.regularization().id())
                    .append(" term.");
        }
        if (o.optimizer() != TrainingOptions.Optimizer.SGD) {
            s.append(" With ").append(o.optimizer().id()).append(" a step is not along the gradient itself.");
        }
        return s.toString();
    }

    private static String angle(double degrees) {
        return degrees == degrees ? Math.round(degrees) + "°" : "undefined (zero gradient)";
    }

    private static double medianOf(double[] values) {
        double[] sorted = Arrays.stream(values).filter(a -> a == a).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
