package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Training on points with features and a test set (SPEC.md, "Data"), by properties that hold whatever the numbers:
 * the test set never trains, its loss is the loss of the epoch's final weights, and a full-batch step on points
 * with any features follows the gradient of the reported loss (checked by central differences, independently of the
 * trainer's own backpropagation).
 */
class DataTrainingTest {
    private static final Samples POINTS = PointCloud.CIRCLE.generate(60, 0.1, 4);
    private static final Data SPLIT = Data.split("circle", POINTS, 0.25, 4);

    private static TrainingConfig config(Data data, String features, TrainingOptions.Loss loss, int batch) {
        TrainingOptions o = TrainingOptions.NOTEBOOK.withActivation(Activation.TANH).withDeeperLayers(List.of(3))
                .withLoss(loss).withOrder(TrainingOptions.Order.SHUFFLE)
                .withFeatures(Feature.parseList(features)).withData(data);
        return new TrainingConfig(Dataset.XOR, 4, 9, 0.05, batch, o);
    }

    @Test
    void theTestSetNeverTrains() {
        TrainingConfig with = config(SPLIT, "x1,x2,x1sq,x2sq", TrainingOptions.Loss.MSE, 5);
        TrainingConfig without = config(Data.of("circle", SPLIT.train()), "x1,x2,x1sq,x2sq", TrainingOptions.Loss.MSE, 5);
        Trainer a = new Trainer(with);
        Trainer b = new Trainer(without);
        for (int e = 1; e <= 30; e++) {
            a.stepEpoch();
            b.stepEpoch();
            assertThat(a.loss()).as("epoch " + e).isEqualTo(b.loss());
            assertThat(a.testLoss()).as("epoch " + e + ": with a test set").isFinite();
            assertThat(b.testLoss()).as("epoch " + e + ": without").isNaN();
        }
        assertThat(a.weights()).isEqualTo(b.weights());
    }

    @Test
    void theTestLossIsTheLossOfTheEpochsFinalWeights() {
        for (TrainingOptions.Loss loss : TrainingOptions.Loss.values()) {
            TrainingConfig c = config(SPLIT, "sin1,x1x2,x2", loss, 4);
            Trainer t = new Trainer(c);
            assertThat(t.testLoss()).isNaN();
            double first = Double.NaN;
            for (int e = 1; e <= 40; e++) {
                t.stepEpoch();
                double expected = t.weights().loss(SPLIT.test(), c.options());
                assertThat(t.testLoss()).as(loss + ", epoch " + e).isEqualTo(expected);
                assertThat(t.snapshot().testLoss()).isEqualTo(expected);
                first = e == 1 ? expected : first;
            }
            // Mid-epoch the test loss stays the last completed epoch's.
            double done = t.testLoss();
            t.step();
            assertThat(t.testLoss()).isEqualTo(done);
            assertThat(t.testLoss()).as(loss + ": the test loss moves as training goes on").isNotEqualTo(first);
            t.reset();
            assertThat(t.testLoss()).as("after reset").isNaN();
        }
    }

    @Test
    void aRestoredRunHasItsTestLossAtOnce() {
        TrainingConfig c = config(SPLIT, "x1,x2", TrainingOptions.Loss.MSE, 1);
        Trainer t = new Trainer(c);
        t.runEpochs(10, null);
        Trainer back = Trainer.restore(c, t.initialWeights(), t.weights(), t.epoch(), t.updates(), t.loss(),
                t.optimizerState());
        assertThat(back.testLoss()).isEqualTo(t.testLoss());
        t.stepEpoch();
        back.stepEpoch();
        assertThat(back.loss()).isEqualTo(t.loss());
        assertThat(back.testLoss()).isEqualTo(t.testLoss());
    }

    /**
     * One full-batch SGD step of rate lr moves each parameter by -lr g. With mse, g is the gradient of half the mean
     * squared error (the notebook's d has no factor 2); with cross-entropy, of the mean cross-entropy. Both are taken
     * here by central differences of {@link Weights#loss(Samples, TrainingOptions)} over the training points.
     */
    @Test
    void aFullBatchStepFollowsTheGradientOfTheLossWhateverTheFeatures() {
        String[] lists = {"x1,x2", "x1sq,x2sq", "x1,x2,x1sq,x2sq,x1x2,sin1,sin2", "sin2,x1x2"};
        double largest = 0;
        for (String features : lists) {
            for (TrainingOptions.Loss loss : TrainingOptions.Loss.values()) {
                Samples train = SPLIT.train();
                TrainingOptions o = TrainingOptions.NOTEBOOK.withActivation(Activation.TANH)
                        .withDeeperLayers(List.of(3)).withLoss(loss).withFeatures(Feature.parseList(features))
                        .withData(SPLIT);
                double lr = 0.01;
                TrainingConfig c = new TrainingConfig(Dataset.XOR, 4, 9, lr, train.size(), o);
                Trainer t = new Trainer(c);
                t.runEpochs(5, null);
                Weights before = t.weights();
                t.step();
                Weights after = t.weights();
                double scale = loss == TrainingOptions.Loss.MSE ? 0.5 : 1;
                for (int l = 1; l <= before.layers(); l++) {
                    RealMatrix w = before.w(l);
                    for (int j = 0; j < w.getRowDimension(); j++) {
                        for (int k = 0; k < w.getColumnDimension(); k++) {
                            double step = (before.weight(l, j, k) - after.weight(l, j, k)) / lr;
                            double numeric = scale * derivative(before, l, j, k, train, o);
                            assertClose(features + " " + loss + " W" + l + "[" + j + "][" + k + "]", step, numeric);
                            largest = Math.max(largest, Math.abs(numeric));
                        }
                        double step = (before.bias(l, j) - after.bias(l, j)) / lr;
                        double numeric = scale * derivative(before, l, j, -1, train, o);
                        assertClose(features + " " + loss + " b" + l + "[" + j + "]", step, numeric);
                    }
                }
            }
        }
        assertThat(largest).as("the gradients checked are not all negligible").isGreaterThan(1e-2);
    }

    private static void assertClose(String what, double actual, double expected) {
        if (!(Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) + 1e-8)) {
            throw new AssertionError(what + ": the step says " + actual + ", the loss's slope is " + expected);
        }
    }

    /** d loss / d W[l][j][k] (k = -1: b[l][j]) by a central difference. */
    private static double derivative(Weights at, int l, int j, int k, Samples points, TrainingOptions o) {
        double h = 1e-5;
        return (at(at, l, j, k, h).loss(points, o) - at(at, l, j, k, -h).loss(points, o)) / (2 * h);
    }

    private static Weights at(Weights w, int l, int j, int k, double delta) {
        List<RealMatrix> ws = new ArrayList<>();
        List<RealMatrix> bs = new ArrayList<>();
        for (int i = 1; i <= w.layers(); i++) {
            ws.add(w.w(i));
            bs.add(w.b(i));
        }
        RealMatrix m = k < 0 ? bs.get(l - 1) : ws.get(l - 1);
        int col = k < 0 ? 0 : k;
        m.setEntry(j, col, m.getEntry(j, col) + delta);
        return Weights.of(ws, bs);
    }
}
