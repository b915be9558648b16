package org.xorlab.engine;

/**
 * The points a run learns from beyond the truth tables: a training set and a test set that never trains (SPEC.md,
 * "Data"). {@link #TRUTH_TABLE} stands for the config's own truth table. Immutable.
 *
 * @param name  what the data is called in titles, files and the verdict: "spiral (200 points, noise 0.1, seed 3)",
 *              "points.csv", "own points"
 * @param train the points training walks, in this order; null only for {@link #TRUTH_TABLE}
 * @param test  the held-out points ({@link Samples#NONE} for none); null only for {@link #TRUTH_TABLE}
 */
public record Data(String name, Samples train, Samples test) {

    /** The config's truth table: four points, nothing held out. */
    public static final Data TRUTH_TABLE = new Data("", null, null);

    /** The largest fraction of the points a split may hold out. */
    public static final double MAX_TEST_FRACTION = 0.9;

    public Data {
        if (name == null) {
            throw new IllegalArgumentException("data must have a name");
        }
        if ((train == null) != (test == null)) {
            throw new IllegalArgumentException("data needs both a training set and a test set (Samples.NONE for none)");
        }
        if (train != null && train.isEmpty()) {
            throw new IllegalArgumentException("the training set must hold at least one point");
        }
        if (train != null && train.size() + test.size() > Samples.MAX_POINTS) {
            throw new IllegalArgumentException("a dataset holds at most " + Samples.MAX_POINTS + " points (got "
                    + (train.size() + test.size()) + ")");
        }
    }

    /** Every point trains; nothing is held out. */
    public static Data of(String name, Samples train) {
        return new Data(name, train, Samples.NONE);
    }

    public boolean isTruthTable() {
        return train == null;
    }

    public boolean hasTest() {
        return test != null && !test.isEmpty();
    }

    public static void checkTestFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= MAX_TEST_FRACTION)) {
            throw new IllegalArgumentException("test fraction must be a number from 0 to " + MAX_TEST_FRACTION
                    + " (got " + fraction + ")");
        }
    }

    /**
     * Which of {@code n} points a test fraction holds out, drawn reproducibly from the data seed: NumPy's
     * {@code np.random.seed(seed); np.random.permutation(n)}, whose first round(fraction n) entries (at most n - 1,
     * so that one point still trains) are the test points.
     *
     * @return one flag per point, true for a test point
     */
    public static boolean[] testMask(int n, double fraction, long seed) {
        checkTestFraction(fraction);
        TrainingConfig.checkSeed(seed);
        boolean[] test = new boolean[n];
        int count = (int) Math.min(Math.round(fraction * n), Math.max(n - 1, 0));
        if (count == 0) {
            return test;
        }
        int[] order = new NumpyRandom(seed).permutation(n);
        for (int i = 0; i < count; i++) {
            test[order[i]] = true;
        }
        return test;
    }

    /** Splits {@code all} by the mask, each part keeping the points' order. */
    public static Data split(String name, Samples all, boolean[] test) {
        if (test.length != all.size()) {
            throw new IllegalArgumentException("the split must have one flag per point");
        }
        int held = 0;
        for (boolean t : test) {
            held += t ? 1 : 0;
        }
        int[] trainAt = new int[all.size() - held];
        int[] testAt = new int[held];
        for (int i = 0, a = 0, b = 0; i < all.size(); i++) {
            if (test[i]) {
                testAt[b++] = i;
            } else {
                trainAt[a++] = i;
            }
        }
        return new Data(name, all.pick(trainAt), held == 0 ? Samples.NONE : all.pick(testAt));
    }

    /** {@link #split(String, Samples, boolean[])} by {@link #testMask}. */
    public static Data split(String name, Samples all, double fraction, long seed) {
        return split(name, all, testMask(all.size(), fraction, seed));
    }

    @Override
    public String toString() {
        return isTruthTable() ? "truth table" : name + " (" + train.size() + " training, " + test.size() + " test)";
    }
}
