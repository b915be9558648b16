package org.xorlab.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The generated datasets, reproducible from a number of points, a noise level and a data seed (the formulas are in
 * the README, "Datasets"). Points lie in the square [-5, 5] on both axes (noise may push a few beyond it); targets
 * are 0 or 1. Every draw comes from one NumPy-compatible MT19937 stream seeded with the data seed: u is a uniform
 * draw in [0, 1), and a normal draw is Box-Muller's sqrt(-2 ln(1 - u)) cos(2 pi u') from two of them.
 */
public enum PointCloud {
    /** Class 1 inside radius 2.5 (r uniform in [0, 2.5]), class 0 in the ring from 3.5 to 5; angles uniform. */
    CIRCLE("circle"),
    /** Two normal blobs of standard deviation 0.5 + 7 noise: class 1 around (2, 2), class 0 around (-2, -2). */
    GAUSS("gauss"),
    /** x1, x2 uniform in [-5, 5], pushed 0.3 away from the axes; class 1 where the signs differ (x1 x2 < 0). */
    XOR_CLOUD("xor-cloud"),
    /**
     * Two interleaved arms r = 5 s, angle 3.5 pi s (+ pi for class 0), s = k / m for the k-th (from 0) of an arm's m
     * points: class 1's arm holds the first ceil(n / 2) points, class 0's the rest.
     */
    SPIRAL("spiral");

    public static final int MIN_POINTS = 8;
    public static final int MAX_POINTS = Samples.MAX_POINTS;
    public static final double MAX_NOISE = 0.5;
    /** Half the side of the square the clouds are drawn in. */
    public static final double RADIUS = 5;

    private final String id;

    PointCloud(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** "circle, gauss, xor-cloud, spiral". */
    public static String allowedNames() {
        return Arrays.stream(values()).map(PointCloud::id).collect(Collectors.joining(", "));
    }

    /** A cloud by its id, ignoring case; null if the name is not one. */
    public static PointCloud find(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (PointCloud c : values()) {
            if (c.id.equals(n)) {
                return c;
            }
        }
        return null;
    }

    public static void checkPoints(int points) {
        if (points < MIN_POINTS || points > MAX_POINTS) {
            throw new IllegalArgumentException("points must be a whole number from " + MIN_POINTS + " to "
                    + MAX_POINTS + " (got " + points + ")");
        }
    }

    public static void checkNoise(double noise) {
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be a number from 0 to " + MAX_NOISE + " (got " + noise + ")");
        }
    }

    /**
     * The cloud's points, the first half (rounded up) of class 1 for circle, gauss and spiral; the xor cloud's class is
     * the quadrant each point was drawn in. With noise, circle, xor-cloud and spiral points move by noise * 5 * (2u - 1)
     * on each axis, keeping the class of the place they were drawn at, so noise blurs the boundary.
     */
    public Samples generate(int points, double noise, long seed) {
        checkPoints(points);
        checkNoise(noise);
        TrainingConfig.checkSeed(seed);
        NumpyRandom random = new NumpyRandom(seed);
        double[] x1 = new double[points];
        double[] x2 = new double[points];
        double[] y = new double[points];
        int half = (points + 1) / 2;
        for (int i = 0; i < points; i++) {
            boolean one = i < half;
            double a;
            double b;
            switch (this) {
                case CIRCLE -> {
                    double r = one ? random.nextDouble() * 0.5 * RADIUS : (0.7 + 0.3 * random.nextDouble()) * RADIUS;
                    double angle = random.nextDouble() * 2 * Math.PI;
                    a = r * Math.sin(angle) + jitter(random, noise);
                    b = r * Math.cos(angle) + jitter(random, noise);
                }
                case GAUSS -> {
                    double sd = 0.5 + 7 * noise;
                    double centre = one ? 2 : -2;
                    a = centre + sd * normal(random);
                    b = centre + sd * normal(random);
                }
                case XOR_CLOUD -> {
                    double u = (2 * random.nextDouble() - 1) * RADIUS;
                    double v = (2 * random.nextDouble() - 1) * RADIUS;
                    u += u > 0 ? 0.3 : -0.3;
                    v += v > 0 ? 0.3 : -0.3;
                    one = u * v < 0;
                    a = u + jitter(random, noise);
                    b = v + jitter(random, noise);
                }
                case SPIRAL -> {
                    int k = one ? i : i - half;
                    int arm = one ? half : points - half;
                    double s = (double) k / arm;
                    double r = s * RADIUS;
                    double angle = 1.75 * s * 2 * Math.PI + (one ? 0 : Math.PI);
                    a = r * Math.sin(angle) + jitter(random, noise);
                    b = r * Math.cos(angle) + jitter(random, noise);
                }
                default -> throw new AssertionError(this);
            }
            x1[i] = a;
            x2[i] = b;
            y[i] = one ? 1 : 0;
        }
        return Samples.of(x1, x2, y);
    }

    private static double jitter(NumpyRandom random, double noise) {
        return noise * RADIUS * (2 * random.nextDouble() - 1);
    }

    private static double normal(NumpyRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
