package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The generated datasets: 8 to 1,000 points, noise 0 to 0.5, reproducible from the data seed, each in the shape its
 * formula draws (README, "Datasets"); the points themselves are checked against NumPy in
 * {@link DataOracleAgreementTest}.
 */
class PointCloudTest {

    @Test
    void namesAndTheAllowedList() {
        assertThat(PointCloud.allowedNames()).isEqualTo("circle, gauss, xor-cloud, spiral");
        assertThat(PointCloud.find(" Spiral ")).isEqualTo(PointCloud.SPIRAL);
        assertThat(PointCloud.find("XOR-CLOUD")).isEqualTo(PointCloud.XOR_CLOUD);
        assertThat(PointCloud.find("xor_cloud")).isNull();
        assertThat(PointCloud.find("")).isNull();
        assertThat(PointCloud.find(null)).isNull();
    }

    @Test
    void eightToAThousandPoints() {
        for (PointCloud c : PointCloud.values()) {
            assertThat(c.generate(8, 0.1, 1).size()).isEqualTo(8);
            assertThat(c.generate(1000, 0.5, 1).size()).isEqualTo(1000);
            for (int bad : new int[] {7, 0, -1, 1001}) {
                assertThatThrownBy(() -> c.generate(bad, 0.1, 1)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("points must be a whole number from 8 to 1000 (got " + bad + ")");
            }
        }
    }

    @Test
    void noiseFromZeroToHalfAndASeedInRange() {
        for (double bad : new double[] {-0.01, 0.51, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> PointCloud.CIRCLE.generate(20, bad, 1))
                    .hasMessage("noise must be a number from 0 to 0.5 (got " + bad + ")");
        }
        assertThatThrownBy(() -> PointCloud.GAUSS.generate(20, 0, -1))
                .hasMessage("seed must be a whole number from 0 to 4294967295 (got -1)");
        assertThatThrownBy(() -> PointCloud.GAUSS.generate(20, 0, 4_294_967_296L))
                .hasMessageStartingWith("seed must be a whole number from 0 to 4294967295");
        assertThat(PointCloud.SPIRAL.generate(20, 0, 4_294_967_295L).size()).isEqualTo(20);
    }

    @Test
    void theSameSettingsTheSamePoints() {
        for (PointCloud c : PointCloud.values()) {
            assertThat(c.generate(300, 0.2, 17)).as(c.id()).isEqualTo(c.generate(300, 0.2, 17));
            assertThat(c.generate(300, 0.2, 17)).as(c.id() + ", another seed").isNotEqualTo(c.generate(300, 0.2, 18));
            assertThat(c.generate(300, 0.2, 17)).as(c.id() + ", other noise").isNotEqualTo(c.generate(300, 0.3, 17));
        }
    }

    @Test
    void theClassesAreBalanced() {
        for (int n : new int[] {8, 9, 101, 1000}) {
            for (PointCloud c : new PointCloud[] {PointCloud.CIRCLE, PointCloud.GAUSS, PointCloud.SPIRAL}) {
                Samples s = c.generate(n, 0.3, 5);
                int ones = 0;
                for (int i = 0; i < n; i++) {
                    assertThat(s.y(i)).isIn(0.0, 1.0);
                    ones += s.y(i) == 1 ? 1 : 0;
                    assertThat(s.y(i)).as(c.id() + ": the first half is class 1").isEqualTo(i < (n + 1) / 2 ? 1 : 0);
                }
                assertThat(ones).as(c.id() + " with " + n + " points").isEqualTo((n + 1) / 2);
            }
        }
        // The xor cloud's class is where the point fell: half the square, so near half the points.
        Samples xor = PointCloud.XOR_CLOUD.generate(1000, 0, 5);
        int ones = 0;
        for (int i = 0; i < 1000; i++) {
            ones += xor.positive(i) ? 1 : 0;
        }
        assertThat(ones).isBetween(440, 560);
    }

    @Test
    void theCircleWithoutNoise() {
        Samples s = PointCloud.CIRCLE.generate(500, 0, 3);
        for (int i = 0; i < s.size(); i++) {
            double r = Math.hypot(s.x1(i), s.x2(i));
            if (s.y(i) == 1) {
                assertThat(r).isLessThanOrEqualTo(2.5 + 1e-12);
            } else {
                assertThat(r).isBetween(3.5 - 1e-12, 5 + 1e-12);
            }
        }
    }

    @Test
    void theGaussianBlobsWithoutNoise() {
        Samples s = PointCloud.GAUSS.generate(1000, 0, 3);
        double[] sum = new double[4];
        for (int i = 0; i < 1000; i++) {
            int c = s.y(i) == 1 ? 0 : 2;
            sum[c] += s.x1(i);
            sum[c + 1] += s.x2(i);
        }
        // 500 draws of standard deviation 0.5 each: the mean is within 0.1 of the centre (more than 4 errors).
        assertThat(sum[0] / 500).isCloseTo(2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(sum[1] / 500).isCloseTo(2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(sum[2] / 500).isCloseTo(-2, org.assertj.core.data.Offset.offset(0.1));
        assertThat(sum[3] / 500).isCloseTo(-2, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void theXorCloudWithoutNoise() {
        Samples s = PointCloud.XOR_CLOUD.generate(1000, 0, 8);
        for (int i = 0; i < s.size(); i++) {
            assertThat(Math.abs(s.x1(i))).isBetween(0.3, 5.3);
            assertThat(Math.abs(s.x2(i))).isBetween(0.3, 5.3);
            assertThat(s.positive(i)).as("class 1 where the signs differ").isEqualTo(s.x1(i) * s.x2(i) < 0);
        }
    }

    @Test
    void theSpiralWithoutNoise() {
        int n = 41;
        int half = 21;
        Samples s = PointCloud.SPIRAL.generate(n, 0, 8);
        for (int i = 0; i < n; i++) {
            boolean one = i < half;
            int k = one ? i : i - half;
            double t = (double) k / (one ? half : n - half);
            assertThat(Math.hypot(s.x1(i), s.x2(i))).as("radius of point " + i)
                    .isCloseTo(5 * t, org.assertj.core.data.Offset.offset(1e-12));
            if (k > 0) {
                double angle = 3.5 * Math.PI * t + (one ? 0 : Math.PI);
                assertThat(s.x1(i)).isCloseTo(5 * t * Math.sin(angle), org.assertj.core.data.Offset.offset(1e-12));
                assertThat(s.x2(i)).isCloseTo(5 * t * Math.cos(angle), org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        assertThat(s.x1(0)).isZero();
        assertThat(s.x1(half)).as("the second arm starts at the centre too").isZero();
    }

    /**
     * Noise moves a point by at most noise * 5 on each axis and keeps its class: the jitter is drawn at every noise
     * level, so the same seed without noise gives the same points before the jitter.
     */
    @Test
    void noiseBlursWithoutRelabelling() {
        double noise = 0.3;
        for (PointCloud c : new PointCloud[] {PointCloud.CIRCLE, PointCloud.XOR_CLOUD, PointCloud.SPIRAL}) {
            Samples clean = c.generate(400, 0, 21);
            Samples noisy = c.generate(400, noise, 21);
            double largest = 0;
            for (int i = 0; i < 400; i++) {
                assertThat(noisy.y(i)).as(c.id() + " point " + i + "'s class").isEqualTo(clean.y(i));
                double dx = Math.abs(noisy.x1(i) - clean.x1(i));
                double dy = Math.abs(noisy.x2(i) - clean.x2(i));
                assertThat(Math.max(dx, dy)).isLessThanOrEqualTo(noise * 5 + 1e-12);
                largest = Math.max(largest, Math.max(dx, dy));
            }
            assertThat(largest).as(c.id() + ": noise does move points").isGreaterThan(noise * 5 * 0.9);
        }
        // Gauss: the noise widens the blobs, standard deviation 0.5 + 7 noise, from the same normal draws.
        Samples clean = PointCloud.GAUSS.generate(100, 0, 21);
        Samples wide = PointCloud.GAUSS.generate(100, 0.5, 21);
        for (int i = 0; i < 100; i++) {
            double centre = clean.y(i) == 1 ? 2 : -2;
            assertThat((wide.x1(i) - centre) / 4.0).isCloseTo((clean.x1(i) - centre) / 0.5,
                    org.assertj.core.data.Offset.offset(1e-12));
        }
    }
}
