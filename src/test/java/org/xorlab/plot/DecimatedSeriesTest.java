package org.xorlab.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xorlab.plot.NaiveDecimation.Point;

class DecimatedSeriesTest {

    private static List<Point> kept(DecimatedSeries series) {
        List<Point> points = new ArrayList<>();
        series.forEachPoint((epoch, loss) -> points.add(new Point(epoch, loss)));
        return points;
    }

    /** A noisy, falling loss curve with occasional NaN, infinite, zero and negative values. */
    private static double[] noisyLosses(int n, long seed, boolean withBadValues) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] losses = new double[n];
        for (int i = 0; i < n; i++) {
            losses[i] = 0.3 / (1 + i / 50.0) * (1 + 0.5 * random.nextDouble());
            if (withBadValues) {
                int r = random.nextInt(40);
                if (r == 0) {
                    losses[i] = Double.NaN;
                } else if (r == 1) {
                    losses[i] = Double.POSITIVE_INFINITY;
                } else if (r == 2) {
                    losses[i] = 0;
                } else if (r == 3) {
                    losses[i] = -1e-3;
                }
            }
        }
        return losses;
    }

    @ParameterizedTest(name = "{0} epochs from epoch {1}, budget {2}, bad values {3}")
    @CsvSource({
        "1, 1, 8, false",
        "7, 1, 8, false",
        "100, 0, 8, true",
        "1000, 1, 50, true",
        "5000, 1, 400, false",
        "5000, 17, 401, true",
        "20000, 1, 4000, true",
    })
    void keepsWhatTheRuleComputedFromTheWholeHistoryKeeps(int n, long firstEpoch, int budget, boolean bad) {
        double[] losses = noisyLosses(n, n + budget, bad);
        long[] epochs = new long[n];
        DecimatedSeries series = new DecimatedSeries(budget);
        for (int i = 0; i < n; i++) {
            epochs[i] = firstEpoch + i;
            series.add(epochs[i], losses[i]);
        }

        assertThat(kept(series)).containsExactlyElementsOf(NaiveDecimation.points(epochs, losses, budget));
        assertThat(series.size()).isLessThanOrEqualTo(budget);
        assertThat(series.received()).isEqualTo(n);
    }

    @Test
    void aMillionEpochsKeepTheBudgetTheEndsTheExtremesAndTheOrder() {
        int n = 1_000_000;
        int budget = 4000;
        double[] losses = noisyLosses(n, 7, false);
        losses[123_457] = 5.0; // a spike far above the curve
        DecimatedSeries series = new DecimatedSeries(budget);
        int globalMin = 0;
        for (int i = 0; i < n; i++) {
            series.add(i + 1, losses[i]);
            if (losses[i] < losses[globalMin]) {
                globalMin = i;
            }
        }

        List<Point> kept = kept(series);
        assertThat(kept.size()).isLessThanOrEqualTo(budget).isGreaterThan(budget / 2);
        assertThat(kept.get(0)).isEqualTo(new Point(1, losses[0]));
        assertThat(kept.get(kept.size() - 1)).isEqualTo(new Point(n, losses[n - 1]));
        assertThat(kept).contains(new Point(123_458, 5.0), new Point(globalMin + 1, losses[globalMin]));
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.get(i).epoch()).isGreaterThan(kept.get(i - 1).epoch());
        }
    }

    @Test
    void keepsEveryEpochWhileTheStrideIsAtMostTwo() {
        double[] losses = noisyLosses(3000, 3, false);
        DecimatedSeries series = new DecimatedSeries(4000);
        for (int i = 0; i < losses.length; i++) {
            series.add(i + 1, losses[i]);
        }

        assertThat(series.stride()).isEqualTo(2);
        assertThat(kept(series)).hasSize(3000);
    }

    @Test
    void strideDoublesOnlyWhenTheBudgetIsExceeded() {
        DecimatedSeries series = new DecimatedSeries(10); // 4 buckets
        for (int epoch = 0; epoch < 4; epoch++) {
            series.add(epoch, 1.0 / (epoch + 1));
        }
        assertThat(series.stride()).isEqualTo(1);

        series.add(4, 0.1);
        assertThat(series.stride()).isEqualTo(2);
        assertThat(series.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void countsButNeverKeepsLossesALogAxisCannotShow() {
        DecimatedSeries series = new DecimatedSeries(100);
        double[] losses = {0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.1, 0.25};
        for (int i = 0; i < losses.length; i++) {
            series.add(i + 1, losses[i]);
        }

        assertThat(series.received()).isEqualTo(7);
        assertThat(kept(series)).containsExactly(new Point(1, 0.5), new Point(7, 0.25));
    }

    @Test
    void clearForgetsEverything() {
        DecimatedSeries series = new DecimatedSeries(8);
        for (int i = 0; i < 100; i++) {
            series.add(i, 1);
        }
        series.clear();

        assertThat(series.size()).isZero();
        assertThat(series.received()).isZero();
        assertThat(series.stride()).isEqualTo(1);
        series.add(0, 0.5); // epochs may start again after a clear
        assertThat(kept(series)).containsExactly(new Point(0, 0.5));
    }

    @Test
    void rejectsEpochsThatDoNotIncreaseWithAClearMessage() {
        DecimatedSeries series = new DecimatedSeries(8);
        series.add(5, 0.1);

        assertThatThrownBy(() -> series.add(5, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epochs must increase: got epoch 5 after epoch 5");
        assertThatThrownBy(() -> new DecimatedSeries(4))
                .hasMessage("point budget must be at least 8, got 4");
    }
}
