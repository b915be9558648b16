package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The general network's options where the NumPy fixture cannot reach: l1 at a weight of exactly 0, reset and restore
 * with an optimiser's state and the shuffle's stream, given initial weights, and the validation messages.
 */
class TrainingOptionsTest {
    private static final TrainingConfig BASE = TrainingConfig.NOTEBOOK.withLearningRate(0.5);

    @Test
    void l1LeavesAZeroWeightsGradientAloneAndAddsTheRateWithTheSignElsewhere() {
        double rate = 0.01;
        TrainingConfig config = BASE.withBatchSize(4)
                .withOptions(TrainingOptions.NOTEBOOK.withRegularization(TrainingOptions.Regularization.L1, rate));
        Weights seeded = Weights.initial(2, 42);
        RealMatrix w1 = seeded.w1();
        w1.setEntry(0, 0, 0.0);
        w1.setEntry(1, 1, -w1.getEntry(1, 1));
        Trainer trainer = new Trainer(config, Weights.of(w1, seeded.b1(), seeded.w2(), seeded.b2Matrix()));
        assertThat(trainer.step()).isTrue();
        UpdateTrace trace = trainer.lastUpdate();
        RealMatrix g = trace.gradW1();
        Weights after = trainer.weights();
        double lr = config.learningRate();
        assertThat(g.getEntry(0, 0)).as("W1[0][0]'s data gradient").isNotZero();
        // SPEC: sign(0) = 0, so a zero weight moves by its data gradient only.
        assertThat(after.w1(0, 0)).isEqualTo(0.0 - lr * g.getEntry(0, 0));
        assertThat(after.w1(0, 1)).isEqualTo(w1.getEntry(0, 1) - lr * (g.getEntry(0, 1) + rate));
        assertThat(after.w1(1, 1)).isEqualTo(w1.getEntry(1, 1) - lr * (g.getEntry(1, 1) - rate));
        // Biases are never penalised (m = 4, so lr * sum / m is lr * (sum / m) exactly).
        assertThat(after.b1(0)).isEqualTo(seeded.b1(0) - lr * trace.gradB1().getEntry(0, 0));
    }

    @Test
    void resetClearsTheOptimisersStateAndRestartsTheShuffle() {
        TrainingConfig config = BASE.withLearningRate(0.05).withHiddenLayers(4, 4).withOptions(
                BASE.withHiddenLayers(4, 4).options().withOptimizer(TrainingOptions.Optimizer.ADAM)
                        .withActivation(Activation.TANH).withOrder(TrainingOptions.Order.SHUFFLE));
        Trainer trainer = new Trainer(config);
        List<Double> first = losses(trainer, 30);
        List<int[]> firstOrders = orders(new Trainer(config), 5);
        trainer.reset();
        assertThat(losses(trainer, 30)).as("the same run again after reset").isEqualTo(first);
        assertThat(losses(new Trainer(config), 30)).as("a fresh trainer").isEqualTo(first);
        trainer.reset();
        assertThat(orders(trainer, 5)).as("the shuffle's orders after reset").containsExactlyElementsOf(firstOrders);
    }

    @Test
    void aRestoredShuffledRunDrawsTheOrdersItWouldHaveDrawn() {
        TrainingConfig config = BASE.withBatchSize(2)
                .withOptions(TrainingOptions.NOTEBOOK.withOrder(TrainingOptions.Order.SHUFFLE));
        Trainer whole = new Trainer(config);
        whole.runEpochs(7, null);
        Trainer restored = Trainer.restore(config, whole.initialWeights(), whole.weights(), whole.epoch(),
                whole.updates(), whole.loss());
        List<int[]> ahead = orders(whole, 6);
        assertThat(orders(restored, 6)).containsExactlyElementsOf(ahead);
        assertThat(restored.weights()).isEqualTo(whole.weights());
        assertThat(restored.loss()).isEqualTo(whole.loss());
    }

    @Test
    void givenInitialWeightsShuffleFromTheSeedsStreamAfterTheInitsDraws() {
        for (TrainingOptions.Init init : TrainingOptions.Init.values()) {
            TrainingConfig config = BASE.withHiddenLayers(3, 2).withSeed(7);
            config = config.withOptions(config.options().withInit(init).withOrder(TrainingOptions.Order.SHUFFLE));
            Trainer drawn = new Trainer(config);
            Trainer given = new Trainer(config, Weights.initial(config));
            assertThat(orders(given, 8)).as(init.id()).containsExactlyElementsOf(orders(drawn, 8));
            assertThat(given.weights()).as(init.id()).isEqualTo(drawn.weights());
        }
    }

    @Test
    void theFiveSettingConfigIsTheNotebooksNetwork() {
        TrainingConfig five = new TrainingConfig(Dataset.XOR, 2, 42, 0.1, 1);
        assertThat(five).isEqualTo(TrainingConfig.NOTEBOOK);
        assertThat(five.options()).isEqualTo(TrainingOptions.NOTEBOOK);
        assertThat(five.hiddenLayers()).containsExactly(2);
        assertThat(five.withHiddenLayers(2)).isEqualTo(five);
        assertThat(five.withHiddenLayers(4, 3).hiddenLayers()).containsExactly(4, 3);
        assertThat(Weights.initial(five)).isEqualTo(Weights.initial(2, 42));
    }

    @Test
    void aCrossEntropyRunRestoresWithALossAboveOne() {
        TrainingConfig config = BASE.withOptions(TrainingOptions.NOTEBOOK.withLoss(TrainingOptions.Loss.CROSS_ENTROPY));
        Weights w = Weights.initial(config);
        assertThat(Trainer.restore(config, w, w, 1, 4, 1.5).loss()).isEqualTo(1.5);
        assertThatThrownBy(() -> Trainer.restore(BASE, w, w, 1, 4, 1.5))
                .hasMessage("the last epoch's loss must be a number from 0 to 1 (got 1.5)");
    }

    @Test
    void badOptionsAreRefusedNamingWhatIsAllowed() {
        TrainingOptions ok = TrainingOptions.NOTEBOOK;
        assertThatThrownBy(() -> TrainingConfig.NOTEBOOK.withHiddenLayers(2, 2, 2, 2, 2, 2, 2))
                .hasMessage("hidden layers must be from 1 to 6 (got 7)");
        assertThatThrownBy(() -> TrainingConfig.NOTEBOOK.withHiddenLayers(2, 9))
                .hasMessage("hidden units must be a whole number from 1 to 8 (got 9)");
        assertThatThrownBy(() -> ok.withHyperParameters(1.0, 0.9, 0.9, 0.999, 1e-8))
                .hasMessage("momentum must be a number from 0 up to but not including 1 (got 1.0)");
        assertThatThrownBy(() -> ok.withHyperParameters(0.9, 0.9, 0.9, 0.999, 0))
                .hasMessage("epsilon must be a finite number greater than 0 (got 0.0)");
        assertThatThrownBy(() -> ok.withRegularization(TrainingOptions.Regularization.L2, -1))
                .hasMessage("regularization rate must be a finite number from 0 up (got -1.0)");
        assertThatThrownBy(() -> TrainingOptions.Optimizer.parse("adagrad"))
                .hasMessage("unknown optimizer 'adagrad'; allowed: sgd, momentum, nesterov, rmsprop, adam");
        assertThatThrownBy(() -> TrainingOptions.Loss.parse("hinge"))
                .hasMessage("unknown loss 'hinge'; allowed: mse, cross-entropy");
        assertThatThrownBy(() -> Activation.parse("gelu"))
                .hasMessage("unknown activation 'gelu'; allowed: sigmoid, tanh, relu, linear");
        assertThatThrownBy(() -> TrainingOptions.Init.parse("normal"))
                .hasMessage("unknown init 'normal'; allowed: uniform, xavier, he");
        assertThatThrownBy(() -> TrainingOptions.Order.parse("random"))
                .hasMessage("unknown order 'random'; allowed: fixed, shuffle");
        assertThatThrownBy(() -> TrainingOptions.Regularization.parse("l3"))
                .hasMessage("unknown regularization 'l3'; allowed: none, l1, l2");
        assertThat(TrainingOptions.Loss.parse("Cross-Entropy")).isEqualTo(TrainingOptions.Loss.CROSS_ENTROPY);
    }

    private static List<Double> losses(Trainer trainer, int epochs) {
        List<Double> losses = new ArrayList<>();
        trainer.runEpochs(epochs, (epoch, loss) -> losses.add(loss));
        return losses;
    }

    private static List<int[]> orders(Trainer trainer, int epochs) {
        List<int[]> orders = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            trainer.stepEpoch();
            orders.add(trainer.sampleOrder());
        }
        return orders;
    }
}
