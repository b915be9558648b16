package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The training set and the held-out test set (SPEC.md, "Data"): a test fraction from 0 to 0.9 holds out
 * round(f n) points, at most n - 1, chosen reproducibly from the data seed (the exact choice is checked against NumPy
 * in {@link DataOracleAgreementTest}); each part keeps the points' order.
 */
class DataSplitTest {

    private static int count(boolean[] mask) {
        int c = 0;
        for (boolean b : mask) {
            c += b ? 1 : 0;
        }
        return c;
    }

    private static Samples numbered(int n) {
        double[] a = new double[n];
        double[] b = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            b[i] = 100 + i;
            t[i] = (i % 3) / 2.0;
        }
        return Samples.of(a, b, t);
    }

    @Test
    void theFractionHoldsOutRoundFractionTimesN() {
        assertThat(count(Data.testMask(100, 0.2, 1))).isEqualTo(20);
        assertThat(count(Data.testMask(7, 0.5, 1))).as("3.5 rounds half up").isEqualTo(4);
        assertThat(count(Data.testMask(9, 0.1, 1))).as("0.9 rounds to 1").isEqualTo(1);
        assertThat(count(Data.testMask(9, 0.05, 1))).as("0.45 rounds to 0").isZero();
        assertThat(count(Data.testMask(1000, 0.9, 2))).isEqualTo(900);
        assertThat(count(Data.testMask(50, 0, 2))).isZero();
    }

    @Test
    void atLeastOnePointAlwaysTrains() {
        assertThat(count(Data.testMask(2, 0.9, 0))).isEqualTo(1);
        assertThat(count(Data.testMask(1, 0.9, 0))).isZero();
        assertThat(Data.testMask(0, 0.5, 0)).isEmpty();
        Data d = Data.split("two", numbered(2), 0.9, 5);
        assertThat(d.train().size()).isEqualTo(1);
        assertThat(d.test().size()).isEqualTo(1);
    }

    @Test
    void theSameSeedTheSamePointsAnotherSeedOthers() {
        assertThat(Data.testMask(200, 0.3, 9)).isEqualTo(Data.testMask(200, 0.3, 9));
        assertThat(Data.testMask(200, 0.3, 9)).isNotEqualTo(Data.testMask(200, 0.3, 10));
        assertThat(Data.testMask(200, 0.3, 4_294_967_295L)).isNotEqualTo(Data.testMask(200, 0.3, 0));
    }

    @Test
    void aFractionOrSeedOutOfRangeIsRefusedWithTheRange() {
        for (double bad : new double[] {-0.01, 0.91, 1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Data.testMask(10, bad, 0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("test fraction must be a number from 0 to 0.9 (got " + bad + ")");
        }
        assertThatThrownBy(() -> Data.testMask(10, 0.5, -1))
                .hasMessage("seed must be a whole number from 0 to 4294967295 (got -1)");
        assertThatThrownBy(() -> Data.testMask(10, 0.5, 4_294_967_296L))
                .hasMessage("seed must be a whole number from 0 to 4294967295 (got 4294967296)");
    }

    @Test
    void bothPartsKeepThePointsOrder() {
        Samples all = numbered(30);
        boolean[] mask = Data.testMask(30, 0.4, 3);
        Data d = Data.split("numbered", all, mask);
        assertThat(d.train().size()).isEqualTo(18);
        assertThat(d.test().size()).isEqualTo(12);
        assertThat(d.hasTest()).isTrue();
        double last = -1;
        for (int i = 0; i < d.train().size(); i++) {
            double x = d.train().x1(i);
            assertThat(x).isGreaterThan(last);
            assertThat(mask[(int) x]).isFalse();
            assertThat(d.train().x2(i)).isEqualTo(100 + x);
            assertThat(d.train().y(i)).isEqualTo(((int) x % 3) / 2.0);
            last = x;
        }
        last = -1;
        for (int i = 0; i < d.test().size(); i++) {
            double x = d.test().x1(i);
            assertThat(x).isGreaterThan(last);
            assertThat(mask[(int) x]).isTrue();
            last = x;
        }
        assertThat(Data.split("numbered", all, 0.4, 3)).isEqualTo(d);
    }

    @Test
    void noTestPointsMeansTheEmptyTestSet() {
        Data d = Data.split("all", numbered(10), 0, 3);
        assertThat(d.test()).isSameAs(Samples.NONE);
        assertThat(d.hasTest()).isFalse();
        assertThat(d.train()).isEqualTo(numbered(10));
        assertThat(Data.of("all", numbered(10))).isEqualTo(d);
        assertThat(d).hasToString("all (10 training, 0 test)");
    }

    @Test
    void badDataIsRefusedPlainly() {
        assertThatThrownBy(() -> Data.split("x", numbered(3), new boolean[2]))
                .hasMessage("the split must have one flag per point");
        assertThatThrownBy(() -> Data.split("x", numbered(2), new boolean[] {true, true}))
                .hasMessage("the training set must hold at least one point");
        assertThatThrownBy(() -> new Data(null, numbered(1), Samples.NONE)).hasMessage("data must have a name");
        assertThatThrownBy(() -> new Data("x", numbered(1), null))
                .hasMessage("data needs both a training set and a test set (Samples.NONE for none)");
        assertThatThrownBy(() -> new Data("x", numbered(600), numbered(401)))
                .hasMessage("a dataset holds at most 1000 points (got 1001)");
        assertThat(new Data("x", numbered(600), numbered(400)).hasTest()).isTrue();
    }

    @Test
    void theTruthTableSentinel() {
        assertThat(Data.TRUTH_TABLE.isTruthTable()).isTrue();
        assertThat(Data.TRUTH_TABLE.hasTest()).isFalse();
        assertThat(Data.of("x", numbered(1)).isTruthTable()).isFalse();
        TrainingConfig c = TrainingConfig.NOTEBOOK;
        assertThat(c.onTruthTable()).isTrue();
        assertThat(c.sampleCount()).isEqualTo(4);
        assertThat(c.samples()).isEqualTo(Samples.of(Dataset.XOR));
        assertThat(c.testSamples().isEmpty()).isTrue();
        assertThat(c.dataName()).isEqualTo("xor");
    }

    @Test
    void theBatchSizeRunsFromOneToTheTrainingPoints() {
        Data d = Data.split("numbered", numbered(30), 0.4, 3);
        TrainingOptions o = TrainingOptions.NOTEBOOK.withData(d);
        TrainingConfig full = new TrainingConfig(Dataset.XOR, 2, 1, 0.1, 18, o);
        assertThat(full.sampleCount()).isEqualTo(18);
        assertThat(full.updatesPerEpoch()).isEqualTo(1);
        assertThat(full.withBatchSize(5).updatesPerEpoch()).isEqualTo(4);
        assertThat(full.dataName()).isEqualTo("numbered");
        assertThatThrownBy(() -> new TrainingConfig(Dataset.XOR, 2, 1, 0.1, 19, o))
                .hasMessage("batch size must be a whole number from 1 to 18, the number of training points (got 19)");
        assertThatThrownBy(() -> new TrainingConfig(Dataset.XOR, 2, 1, 0.1, 0, o))
                .hasMessageStartingWith("batch size must be a whole number from 1 to 18");
        Trainer t = new Trainer(full.withBatchSize(5));
        t.stepEpoch();
        assertThat(t.updates()).isEqualTo(4);
        assertThat(t.testLoss()).as("a test set has a loss after an epoch").isFinite();
    }
}
