package org.xorlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A plane through weight space on which a loss landscape is drawn and runs' paths are projected: the points
 * origin + a u + b v, with u and v orthonormal. Three kinds ({@link Kind}), each fixed by the runs' paths (every
 * path a list of parameter vectors in {@link Weights#flat()}'s order, epoch 0 first; the paths of one comparison
 * share their first point):
 * <ul>
 *   <li>{@code w:P,Q} two parameters named as NumPy indexes them ({@code W2[0,0]}): a and b are their values, every
 *       other parameter keeps the first path's last value (the weights after training).</li>
 *   <li>{@code start-end}: the origin is the start; u points from it to the first path's end. v points to the second
 *       path's end, made orthogonal to u; with one path (or a second that ends on u's line) v is the direction
 *       across u that the paths' points stray furthest along, the top singular vector of their parts orthogonal to
 *       u.</li>
 *   <li>{@code pca}: the paths' top two principal directions, about the mean of their points (Li et al., "Visualizing
 *       the loss landscape of neural nets", 2018, centre on the end instead).</li>
 * </ul>
 * Principal and stray directions are taken from at most {@value #SAMPLED} of the points, evenly spaced with the first
 * and last kept (point floor(i (N - 1) / (SAMPLED - 1)) for i from 0), and each is signed so that the first path
 * runs its way (its end minus its start projects positively), or, for a direction that displacement hardly projects
 * on (less than {@value #SIGN_TOLERANCE} of its length), so that the sampled point with the largest |projection|
 * projects positively. A direction the paths do not span (a path that never left its
 * start, a straight path for v) is completed by the first coordinate axis that stays clear of the others, so the
 * plane always exists. {@code tools/landscape_reference.py} computes the same in NumPy.
 */
public final class LossPlane {
    /** Most points the principal and stray directions are computed from. */
    public static final int SAMPLED = 256;
    /** A singular value at most this fraction of the largest (or of the data's scale) is taken as none. */
    static final double RANK_TOLERANCE = 1e-12;
    /** A direction the first path's displacement projects on by less than this fraction of its length signs by its points. */
    static final double SIGN_TOLERANCE = 1e-6;

    /** How the plane is chosen. */
    public enum Kind {
        PARAMETERS, START_END, PCA
    }

    /**
     * A plane as the user names it: {@code w:W2[0,0],W2[0,1]}, {@code start-end} or {@code pca}.
     *
     * @param first  for {@link Kind#PARAMETERS} the parameter on the a axis, else null
     * @param second for {@link Kind#PARAMETERS} the parameter on the b axis, else null
     */
    public record Spec(Kind kind, String first, String second) {
        private static final Pattern PARAMETER = Pattern.compile("([Wb])([1-7])\\[(\\d),(\\d)\\]");
        private static final Pattern TWO = Pattern.compile("(" + PARAMETER.pattern() + "),(" + PARAMETER.pattern()
                + ")");
        /** The notebook's output weights, the plane the issue names first. */
        public static final Spec OUTPUT_WEIGHTS = new Spec(Kind.PARAMETERS, "W2[0,0]", "W2[0,1]");
        public static final Spec START_END = new Spec(Kind.START_END, null, null);
        public static final Spec PCA = new Spec(Kind.PCA, null, null);
        /** What {@link #parse} accepts, for messages. */
        public static final String ALLOWED = "'w:P,Q' with two parameters named as NumPy indexes them (for example "
                + "w:W2[0,0],W2[0,1] or w:W1[1,0],b1[0,0]), 'start-end' or 'pca'";

        /**
         * Reads a plane as typed on the command line; spaces are ignored.
         *
         * @throws IllegalArgumentException saying what is wrong and what is allowed
         */
        public static Spec parse(String text) {
            String t = text.replace(" ", "");
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.equals("start-end")) {
                return START_END;
            }
            if (lower.equals("pca")) {
                return PCA;
            }
            if (lower.startsWith("w:")) {
                String rest = t.substring(2);
                Matcher m = TWO.matcher(rest);
                if (m.matches()) {
                    String a = m.group(1);
                    String b = m.group(6);
                    if (a.equals(b)) {
                        throw new IllegalArgumentException("the plane needs two different parameters (got " + a
                                + " twice)");
                    }
                    return new Spec(Kind.PARAMETERS, a, b);
                }
            }
            throw new IllegalArgumentException("unknown plane '" + text + "'; allowed: " + ALLOWED);
        }

        /** As {@link #parse} reads it. */
        public String text() {
            return switch (kind) {
                case PARAMETERS -> "w:" + first + "," + second;
                case START_END -> "start-end";
                case PCA -> "pca";
            };
        }
    }

    /**
     * The square part of the plane a landscape shows, the same length along a and b so that angles and distances
     * look as they are.
     */
    public record Window(double aMin, double aMax, double bMin, double bMax) {
        /** The a of column {@code i} of an n-point grid: aMin + (aMax - aMin) i / (n - 1). */
        public double a(int i, int n) {
            return aMin + (aMax - aMin) * i / (n - 1);
        }

        /** The b of row {@code j} of an n-point grid: bMin + (bMax - bMin) j / (n - 1). */
        public double b(int j, int n) {
            return bMin + (bMax - bMin) * j / (n - 1);
        }

        public boolean contains(double a, double b) {
            return a >= aMin && a <= aMax && b >= bMin && b <= bMax;
        }
    }

    /** A window's half-width: this many times the paths' larger extent (so a margin of a sixth of it each side). */
    public static final double HALF_WIDTH = 2.0 / 3.0;
    /** The smallest half-width, for paths that hardly move. */
    public static final double MIN_HALF_WIDTH = 0.05;

    private final Spec spec;
    private final int[] widths;
    private final double[] origin;
    private final double[] u;
    private final double[] v;
    private final int firstIndex;
    private final int secondIndex;

    private LossPlane(Spec spec, int[] widths, double[] origin, double[] u, double[] v, int firstIndex,
                      int secondIndex) {
        this.spec = spec;
        this.widths = widths.clone();
        this.origin = origin;
        this.u = u;
        this.v = v;
        this.firstIndex = firstIndex;
        this.secondIndex = secondIndex;
    }

    /**
     * The plane {@code spec} names through {@code paths}.
     *
     * @param widths the network's widths ({@link Weights#widths()})
     * @param paths  each run's parameter vectors, epoch 0 first; at least one path of at least one point
     * @throws IllegalArgumentException if a named parameter is not in this network (the message lists those that
     *                                  are), or a point has the wrong size or is not finite
     */
    public static LossPlane through(Spec spec, int[] widths, List<double[][]> paths) {
        List<String> names = Weights.parameterNames(widths);
        if (paths.isEmpty() || paths.get(0).length == 0) {
            throw new IllegalArgumentException("a plane needs at least one point of a path");
        }
        for (double[][] path : paths) {
            for (double[] p : path) {
                if (p.length != names.size()) {
                    throw new IllegalArgumentException("a point has " + p.length + " parameters, the network "
                            + names.size());
                }
                for (double x : p) {
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException("a path's weights are not finite (the run diverged)");
                    }
                }
            }
        }
        double[][] first = paths.get(0);
        double[] start = first[0];
        double[] end = first[first.length - 1];
        int n = names.size();
        return switch (spec.kind()) {
            case PARAMETERS -> {
                int i = index(names, spec.first(), widths);
                int j = index(names, spec.second(), widths);
                double[] origin = end.clone();
                origin[i] = 0;
                origin[j] = 0;
                yield new LossPlane(spec, widths, origin, axis(n, i), axis(n, j), i, j);
            }
            case START_END -> {
                double[] u = minus(end, start);
                List<double[]> basis = new ArrayList<>();
                if (normalise(u)) {
                    basis.add(u);
                }
                double[] v = null;
                if (paths.size() > 1 && !basis.isEmpty()) {
                    double[][] second = paths.get(1);
                    double[] w = minus(second[second.length - 1], start);
                    double scale = norm(w);
                    double[] across = orthogonalTo(w, basis);
                    if (scale > 0 && norm(across) > 1e-9 * scale && normalise(across)) {
                        v = across;
                    }
                }
                if (v == null) {
                    double[][] sampled = sampled(paths);
                    double[][] residuals = new double[sampled.length][];
                    for (int r = 0; r < sampled.length; r++) {
                        residuals[r] = orthogonalTo(minus(sampled[r], start), basis);
                    }
                    List<double[]> stray = topDirections(residuals, 1, minus(end, start));
                    v = stray.isEmpty() ? null : stray.get(0);
                }
                if (v != null) {
                    basis.add(v);
                }
                complete(basis, n);
                yield new LossPlane(spec, widths, start.clone(), basis.get(0), basis.get(1), -1, -1);
            }
            case PCA -> {
                double[][] sampled = sampled(paths);
                double[] mean = new double[n];
                for (double[] p : sampled) {
                    for (int k = 0; k < n; k++) {
                        mean[k] += p[k];
                    }
                }
                for (int k = 0; k < n; k++) {
                    mean[k] /= sampled.length;
                }
                double[][] centred = new double[sampled.length][];
                for (int r = 0; r < sampled.length; r++) {
                    centred[r] = minus(sampled[r], mean);
                }
                List<double[]> basis = new ArrayList<>(topDirections(centred, 2, minus(end, start)));
                complete(basis, n);
                yield new LossPlane(spec, widths, mean, basis.get(0), basis.get(1), -1, -1);
            }
        };
    }

    /** The paths' points the directions are computed from: all of them, or {@value #SAMPLED} evenly spaced. */
    static double[][] sampled(List<double[][]> paths) {
        List<double[]> all = new ArrayList<>();
        for (double[][] path : paths) {
            all.addAll(List.of(path));
        }
        int total = all.size();
        if (total <= SAMPLED) {
            return all.toArray(new double[0][]);
        }
        double[][] out = new double[SAMPLED][];
        for (int i = 0; i < SAMPLED; i++) {
            out[i] = all.get((int) ((long) i * (total - 1) / (SAMPLED - 1)));
        }
        return out;
    }

    /**
     * The top {@code count} right singular vectors of {@code rows} (as many as the rows span), each signed so that
     * {@code displacement} projects positively, or where it hardly projects at all, the row with the largest
     * |projection|.
     */
    private static List<double[]> topDirections(double[][] rows, int count, double[] displacement) {
        List<double[]> out = new ArrayList<>();
        double scale = 0;
        for (double[] r : rows) {
            for (double x : r) {
                scale = Math.max(scale, Math.abs(x));
            }
        }
        if (scale == 0) {
            return out;
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(rows, false));
        double[] s = svd.getSingularValues();
        var vt = svd.getV();
        for (int c = 0; c < Math.min(count, s.length); c++) {
            if (s[c] <= RANK_TOLERANCE * Math.max(s[0], scale)) {
                break;
            }
            double[] dir = vt.getColumn(c);
            double along = dot(displacement, dir);
            double best = 0;
            if (Math.abs(along) > SIGN_TOLERANCE * norm(displacement)) {
                best = along;
            } else {
                for (double[] r : rows) {
                    double p = dot(r, dir);
                    if (Math.abs(p) > Math.abs(best)) {
                        best = p;
                    }
                }
            }
            if (best < 0) {
                for (int k = 0; k < dir.length; k++) {
                    dir[k] = -dir[k];
                }
            }
            out.add(dir);
        }
        return out;
    }

    /** Adds coordinate axes, made orthogonal to the basis, until there are two directions. */
    private static void complete(List<double[]> basis, int n) {
        for (int k = 0; k < n && basis.size() < 2; k++) {
            double[] e = orthogonalTo(axis(n, k), basis);
            if (norm(e) > 0.5 && normalise(e)) {
                basis.add(e);
            }
        }
    }

    private static int index(List<String> names, String name, int[] widths) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("this network (" + shape(widths) + ") has no parameter " + name
                    + "; it has " + String.join(", ", names));
        }
        return i;
    }

    /** "2-2-1". */
    static String shape(int[] widths) {
        StringBuilder s = new StringBuilder();
        for (int w : widths) {
            s.append(s.isEmpty() ? "" : "-").append(w);
        }
        return s.toString();
    }

    /** The coordinates (a, b) of the point {@code p} projected onto the plane. */
    public double[] project(double[] p) {
        if (spec.kind() == Kind.PARAMETERS) {
            return new double[] {p[firstIndex], p[secondIndex]};
        }
        double a = 0;
        double b = 0;
        for (int k = 0; k < p.length; k++) {
            double x = p[k] - origin[k];
            a += x * u[k];
            b += x * v[k];
        }
        return new double[] {a, b};
    }

    /** The parameters at (a, b): origin + a u + b v. */
    public double[] point(double a, double b) {
        double[] p = new double[origin.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = origin[k] + a * u[k] + b * v[k];
        }
        return p;
    }

    /**
     * The square window around every point of {@code paths} projected: centred on their extent, half as wide as
     * {@value #HALF_WIDTH} times the larger of the extents along a and b, at least {@value #MIN_HALF_WIDTH}.
     */
    public Window window(List<double[][]> paths) {
        double aMin = Double.POSITIVE_INFINITY;
        double aMax = Double.NEGATIVE_INFINITY;
        double bMin = Double.POSITIVE_INFINITY;
        double bMax = Double.NEGATIVE_INFINITY;
        for (double[][] path : paths) {
            for (double[] p : path) {
                double[] ab = project(p);
                aMin = Math.min(aMin, ab[0]);
                aMax = Math.max(aMax, ab[0]);
                bMin = Math.min(bMin, ab[1]);
                bMax = Math.max(bMax, ab[1]);
            }
        }
        double half = Math.max(HALF_WIDTH * Math.max(aMax - aMin, bMax - bMin), MIN_HALF_WIDTH);
        double ca = (aMin + aMax) / 2;
        double cb = (bMin + bMax) / 2;
        return new Window(ca - half, ca + half, cb - half, cb + half);
    }

    public Spec spec() {
        return spec;
    }

    /** How many parameters a point of the plane has. */
    public int parameters() {
        return origin.length;
    }

    public int[] widths() {
        return widths.clone();
    }

    double[] origin() {
        return origin;
    }

    double[] u() {
        return u;
    }

    double[] v() {
        return v;
    }

    /** A copy of the origin, for tests and the oracle's comparison. */
    public double[] originCopy() {
        return origin.clone();
    }

    /** A copy of the a direction. */
    public double[] uCopy() {
        return u.clone();
    }

    /** A copy of the b direction. */
    public double[] vCopy() {
        return v.clone();
    }

    /** The a axis's label: the parameter's name, or "u (start to end)" and the like. */
    public String aLabel() {
        return switch (spec.kind()) {
            case PARAMETERS -> spec.first();
            case START_END -> "a: start to end";
            case PCA -> "a: 1st principal direction";
        };
    }

    /** The b axis's label. */
    public String bLabel() {
        return switch (spec.kind()) {
            case PARAMETERS -> spec.second();
            case START_END -> "b: across";
            case PCA -> "b: 2nd principal direction";
        };
    }

    /** One sentence saying which plane this is, for the view and the CLI. */
    public String description() {
        return switch (spec.kind()) {
            case PARAMETERS -> "Plane of " + spec.first() + " and " + spec.second()
                    + "; every other parameter at its value after training";
            case START_END -> "Plane through the start and the end of the runs";
            case PCA -> "Plane of the paths' top two principal directions, about their mean";
        };
    }

    private static double[] axis(int n, int k) {
        double[] e = new double[n];
        e[k] = 1;
        return e;
    }

    private static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] - b[k];
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Scales {@code a} to length 1; false (and leaves it) if it has length 0. */
    private static boolean normalise(double[] a) {
        double length = norm(a);
        if (!(length > 0) || length == Double.POSITIVE_INFINITY) {
            return false; // none, or too long to measure in doubles
        }
        for (int k = 0; k < a.length; k++) {
            a[k] /= length;
        }
        return true;
    }

    /** {@code a} less its components along each (unit) vector of {@code basis}, Gram-Schmidt in order. */
    private static double[] orthogonalTo(double[] a, List<double[]> basis) {
        double[] out = a.clone();
        for (double[] e : basis) {
            double c = dot(out, e);
            for (int k = 0; k < out.length; k++) {
                out[k] -= c * e[k];
            }
        }
        return out;
    }
}
