package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Points a run may learn from: at most 1,000, finite coordinates within +-1,000,000, targets from 0 to 1. */
class SamplesTest {

    private static Samples line(int n) {
        double[] a = new double[n];
        double[] b = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * 0.5;
            b[i] = -i;
            t[i] = i % 2;
        }
        return Samples.of(a, b, t);
    }

    @Test
    void aThousandPointsAreAllowedNotOneMore() {
        assertThat(line(1000).size()).isEqualTo(1000);
        assertThatThrownBy(() -> line(1001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a dataset holds at most 1000 points (got 1001)");
        assertThatThrownBy(() -> line(1000).plus(0, 0, 0)).hasMessage("a dataset holds at most 1000 points (got 1001)");
        assertThatThrownBy(() -> line(600).concat(line(401)))
                .hasMessage("a dataset holds at most 1000 points (got 1001)");
        assertThat(line(600).concat(line(400)).size()).isEqualTo(1000);
    }

    @Test
    void coordinatesUpToAMillionEitherWay() {
        Samples edge = Samples.of(new double[] {1e6, -1e6}, new double[] {-1e6, 1e6}, new double[] {0, 1});
        assertThat(edge.x1(0)).isEqualTo(1e6);
        assertThat(edge.x2(0)).isEqualTo(-1e6);
        assertThatThrownBy(() -> Samples.of(new double[] {0, Math.nextUp(1e6)}, new double[] {0, 0},
                new double[] {0, 0})).hasMessage("point 2: x1 must be a finite number from -1000000 to 1000000 (got "
                + Math.nextUp(1e6) + ")");
        assertThatThrownBy(() -> Samples.of(new double[] {0}, new double[] {Double.NaN}, new double[] {0}))
                .hasMessage("point 1: x2 must be a finite number from -1000000 to 1000000 (got NaN)");
        assertThatThrownBy(() -> Samples.of(new double[] {Double.NEGATIVE_INFINITY}, new double[] {0},
                new double[] {0})).hasMessageStartingWith("point 1: x1 must be a finite number")
                .hasMessageEndingWith("(got -Infinity)");
    }

    @Test
    void targetsFromZeroToOneInclusive() {
        Samples s = Samples.of(new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0}, new double[] {0, 1, 0.25, -0.0});
        assertThat(s.y(2)).isEqualTo(0.25);
        for (double bad : new double[] {-Double.MIN_VALUE, Math.nextUp(1.0), 2, Double.NaN}) {
            assertThatThrownBy(() -> Samples.of(new double[] {0, 1, 2}, new double[] {0, 1, 2},
                    new double[] {0, 1, bad}))
                    .hasMessage("point 3: y must be a number from 0 to 1 (got " + bad + ")");
        }
    }

    @Test
    void theThreeArraysMustMatch() {
        assertThatThrownBy(() -> Samples.of(new double[2], new double[2], new double[3]))
                .hasMessage("x1, x2 and y must have one value per point");
    }

    @Test
    void theClassIsYAtThresholdHalf() {
        Samples s = Samples.of(new double[3], new double[3], new double[] {0.5, Math.nextDown(0.5), 1});
        assertThat(s.positive(0)).isTrue();
        assertThat(s.positive(1)).isFalse();
        assertThat(s.positive(2)).isTrue();
    }

    @Test
    void theArraysAreCopiedInAndNeverShared() {
        double[] a = {1, 2};
        double[] b = {3, 4};
        double[] t = {0, 1};
        Samples s = Samples.of(a, b, t);
        a[0] = 99;
        t[1] = 0;
        assertThat(s.x1(0)).isEqualTo(1);
        assertThat(s.y(1)).isEqualTo(1);
        Samples moved = s.with(0, 5, 6, 0.5);
        assertThat(s.x1(0)).as("with leaves the original").isEqualTo(1);
        assertThat(moved.x1(0)).isEqualTo(5);
        assertThat(moved.x2(0)).isEqualTo(6);
        assertThat(moved.y(0)).isEqualTo(0.5);
    }

    @Test
    void equalityIsPointByPointInOrderAndBitForBit() {
        Samples s = Samples.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {0, 1});
        Samples same = Samples.of(new double[] {1, 2}, new double[] {3, 4}, new double[] {0, 1});
        assertThat(s).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(s).isNotEqualTo(Samples.of(new double[] {2, 1}, new double[] {4, 3}, new double[] {1, 0}));
        assertThat(s).isNotEqualTo(s.with(1, 2, 4, 0.999));
        // -0 and 0 are different values a file can hold; a round trip must keep which one it was.
        Samples zero = Samples.of(new double[] {0}, new double[] {0}, new double[] {0});
        Samples negativeZero = Samples.of(new double[] {-0.0}, new double[] {0}, new double[] {0});
        assertThat(zero).isNotEqualTo(negativeZero);
        assertThat(Samples.NONE).isEqualTo(Samples.of(new double[0], new double[0], new double[0]));
        assertThat(Samples.NONE.isEmpty()).isTrue();
    }

    @Test
    void editsKeepTheOrder() {
        Samples s = line(5);
        assertThat(s.without(0).x1(0)).isEqualTo(0.5);
        assertThat(s.without(4).size()).isEqualTo(4);
        assertThat(s.without(2)).isEqualTo(s.pick(new int[] {0, 1, 3, 4}));
        assertThat(s.plus(7, 8, 1).x1(5)).isEqualTo(7);
        assertThat(s.pick(new int[] {4, 0}).x2(0)).isEqualTo(-4);
        assertThat(s.concat(Samples.NONE)).isEqualTo(s);
        assertThatThrownBy(() -> s.with(1, 0, 0, 1.5)).hasMessage("point 2: y must be a number from 0 to 1 (got 1.5)");
        assertThatThrownBy(() -> s.plus(0, 2e6, 1)).hasMessageStartingWith("point 6: x2 must be");
    }

    @Test
    void theTruthTablesInSpecOrder() {
        Samples xor = Samples.of(Dataset.XOR);
        assertThat(xor.size()).isEqualTo(4);
        double[][] rows = new double[4][];
        for (int i = 0; i < 4; i++) {
            rows[i] = new double[] {xor.x1(i), xor.x2(i), xor.y(i)};
        }
        assertThat(rows).isDeepEqualTo(new double[][] {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}});
        assertThat(Samples.of(Dataset.AND).y(3)).isEqualTo(1);
        assertThat(Samples.of(Dataset.AND).y(2)).isEqualTo(0);
    }

    @Test
    void theExtentSpansBothAxes() {
        Samples s = Samples.of(new double[] {-2, 3}, new double[] {1, 7.5}, new double[] {0, 1});
        assertThat(s.extent()).containsExactly(-2, 7.5);
        assertThat(Samples.NONE.extent()).containsExactly(0, 1);
        double[] e = Samples.of(Dataset.OR).extent();
        assertThat(Arrays.copyOf(e, 2)).containsExactly(0, 1);
    }
}
