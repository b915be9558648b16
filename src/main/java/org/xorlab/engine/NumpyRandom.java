package org.xorlab.engine;

/**
 * MT19937 seeded exactly as NumPy's legacy {@code np.random.seed(S)}, drawing doubles as {@code random_sample}.
 *
 * <p>Written out rather than taken from Commons Math because {@code MersenneTwister(int)} sign-extends its seed:
 * it matches NumPy only for seeds below 2^31, and the notebook's contract covers every seed up to 2^32 - 1.
 * The generator itself is the textbook {@code genrand_int32}.
 */
final class NumpyRandom {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti;

    /** Seeds like NumPy's {@code init_genrand}: {@code seed} is an unsigned 32-bit value. */
    NumpyRandom(long seed) {
        TrainingConfig.checkSeed(seed);
        long s = seed;
        mt[0] = (int) s;
        for (int i = 1; i < N; i++) {
            s = (1812433253L * (s ^ (s >>> 30)) + i) & 0xffffffffL;
            mt[i] = (int) s;
        }
        mti = N;
    }

    /** The next 32 random bits ({@code genrand_int32}). */
    int nextInt() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /** A uniform double in [0, 1) from 53 random bits, as NumPy's {@code random_sample}. */
    double nextDouble() {
        long a = (nextInt() & 0xffffffffL) >>> 5;
        long b = (nextInt() & 0xffffffffL) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * A uniform integer from 0 to {@code max} inclusive, as NumPy's legacy {@code random_interval}: the smallest bit
     * mask covering {@code max}, then 32-bit outputs masked with it until one is at most {@code max} (no draw at all
     * for {@code max} 0).
     */
    int nextInterval(int max) {
        if (max == 0) {
            return 0;
        }
        int mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        int value;
        do {
            value = nextInt() & mask;
        } while (value > max);
        return value;
    }

    /**
     * NumPy's legacy {@code RandomState.permutation(n)}: 0 to n - 1 shuffled in place as its {@code shuffle} does,
     * Fisher-Yates from the last index down to 1, swapping index i with {@code nextInterval(i)}.
     */
    int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i >= 1; i--) {
            int j = nextInterval(i);
            int swap = order[j];
            order[j] = order[i];
            order[i] = swap;
        }
        return order;
    }

    private void twist() {
        int kk = 0;
        for (; kk < N - M; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        for (; kk < N - 1; kk++) {
            int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        mti = 0;
    }
}
