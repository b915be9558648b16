package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NumpyRandom against the first draws of {@code np.random.seed(S); np.random.rand(8)} for seeds across 0..2^32-1. */
class NumpyRandomTest {

    static Stream<Arguments> draws() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode draw : ReferenceFiles.json("generated/numpy-rand.json").get("draws")) {
            cases.add(Arguments.of(draw.get("seed").longValue(), ReferenceFiles.doubles(draw.get("rand"))));
        }
        assertThat(cases).extracting(a -> a.get()[0])
                .contains(0L, 1L, 2_147_483_647L, 2_147_483_648L, 4_294_967_295L);
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("draws")
    void firstEightDoublesEqualNumpysExactly(long seed, double[] expected) {
        NumpyRandom random = new NumpyRandom(seed);
        double[] actual = new double[expected.length];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = random.nextDouble();
        }
        assertThat(actual).containsExactly(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("draws")
    void initialWeightsAreTheDrawsInTheNotebooksOrder(long seed, double[] draws) {
        // H = 2 takes exactly 8 draws: W1 row by row (4), b1 (2), W2 (2); b2 would be the 9th.
        Weights w = Weights.initial(2, seed);
        assertThat(new double[] {w.w1(0, 0), w.w1(0, 1), w.w1(1, 0), w.w1(1, 1), w.b1(0), w.b1(1), w.w2(0), w.w2(1)})
                .containsExactly(draws);
    }

    /**
     * Why NumpyRandom exists: Commons Math's MersenneTwister(int) sign-extends the seed, so its 32-bit outputs
     * match NumPy's below 2^31 and not from 2^31 on. (Its nextDouble uses 52 bits, not NumPy's 53, in any case.)
     * If this ever fails, Commons Math changed and NumpyRandom's comment needs updating.
     */
    @Test
    void commonsMathMatchesNumpyOnlyBelowTwoToThe31() {
        assertThat(firstInts(new MersenneTwister(2_147_483_647))).containsExactly(firstInts(new NumpyRandom(2_147_483_647L)));
        assertThat(firstInts(new MersenneTwister((int) 2_147_483_648L)))
                .isNotEqualTo(firstInts(new NumpyRandom(2_147_483_648L)));
    }

    private static int[] firstInts(MersenneTwister random) {
        int[] ints = new int[4];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = random.nextInt();
        }
        return ints;
    }

    private static int[] firstInts(NumpyRandom random) {
        int[] ints = new int[4];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = random.nextInt();
        }
        return ints;
    }
}
