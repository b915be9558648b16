package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run of an optimiser with state (velocity, moments), saved at an epoch boundary with its
 * {@link Trainer#optimizerState()} and restored, goes on with exactly the numbers of the uninterrupted run; and a
 * refused (diverging) update leaves that state as it was.
 */
class OptimizerStateRestoreTest {
    /** 2-4-4-1, tanh, shuffled, with the given optimiser. */
    private static TrainingConfig deep(TrainingOptions.Optimizer optimizer) {
        TrainingConfig c = new TrainingConfig(Dataset.XOR, 4, 42, 0.05, 1).withHiddenLayers(4, 4);
        return c.withOptions(c.options().withActivation(Activation.TANH).withOptimizer(optimizer)
                .withOrder(TrainingOptions.Order.SHUFFLE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TrainingOptions.Optimizer.class, names = {"ADAM", "MOMENTUM", "NESTEROV", "RMSPROP"})
    void aRestoredRunWithItsStateContinuesBitForBit(TrainingOptions.Optimizer optimizer) {
        TrainingConfig config = deep(optimizer);
        Trainer whole = new Trainer(config);
        List<Double> wholeLosses = new ArrayList<>();
        whole.runEpochs(100, (e, loss) -> wholeLosses.add(loss));

        Trainer first = new Trainer(config);
        List<Double> pieced = new ArrayList<>();
        first.runEpochs(50, (e, loss) -> pieced.add(loss));
        OptimizerState state = first.optimizerState();
        assertThat(state.first().maxAbs() + state.second().maxAbs()).as("the state is not zero").isPositive();
        Trainer restored = Trainer.restore(config, first.initialWeights(), first.weights(), first.epoch(),
                first.updates(), first.loss(), state);
        assertThat(restored.optimizerState()).isEqualTo(state);
        restored.runEpochs(50, (e, loss) -> pieced.add(loss));

        assertThat(pieced).isEqualTo(wholeLosses);
        assertThat(restored.weights()).isEqualTo(whole.weights());
        assertThat(restored.optimizerState()).isEqualTo(whole.optimizerState());
        assertThat(restored.updates()).isEqualTo(whole.updates());
    }

    @Test
    void withoutItsStateAnAdamRunDoesNotContinueTheSame() {
        // The test above could not fail if the state made no difference: here it does.
        TrainingConfig config = deep(TrainingOptions.Optimizer.ADAM);
        Trainer whole = new Trainer(config);
        whole.runEpochs(100, null);
        Trainer first = new Trainer(config);
        first.runEpochs(50, null);
        Trainer zeroed = Trainer.restore(config, first.initialWeights(), first.weights(), 50, first.updates(),
                first.loss());
        zeroed.runEpochs(50, null);
        assertThat(zeroed.weights()).isNotEqualTo(whole.weights());
    }

    @Test
    void plainSgdsStateIsZeroAndTheNotebooksRestoreIsUnchanged() {
        Trainer sgd = new Trainer(TrainingConfig.NOTEBOOK);
        sgd.runEpochs(20, null);
        assertThat(sgd.optimizerState()).isEqualTo(OptimizerState.zero(new int[] {2}));
        Trainer restored = Trainer.restore(TrainingConfig.NOTEBOOK, sgd.initialWeights(), sgd.weights(), 20,
                sgd.updates(), sgd.loss(), sgd.optimizerState());
        Trainer old = Trainer.restore(TrainingConfig.NOTEBOOK, sgd.initialWeights(), sgd.weights(), 20,
                sgd.updates(), sgd.loss());
        restored.runEpochs(30, null);
        old.runEpochs(30, null);
        sgd.runEpochs(30, null);
        assertThat(restored.weights()).isEqualTo(sgd.weights()).isEqualTo(old.weights());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TrainingOptions.Optimizer.class, names = {"MOMENTUM", "NESTEROV"})
    void aRefusedUpdateLeavesTheStateAsItWas(TrainingOptions.Optimizer optimizer) {
        // Linear units and cross-entropy (whose output error never vanishes) at a huge rate: the weights grow until
        // an update's overflow, and that update is refused.
        TrainingConfig c = new TrainingConfig(Dataset.XOR, 8, 3, 1e150, 1).withHiddenLayers(8, 8);
        TrainingConfig config = c.withOptions(c.options().withActivation(Activation.LINEAR).withOptimizer(optimizer)
                .withLoss(TrainingOptions.Loss.CROSS_ENTROPY));
        Trainer trainer = new Trainer(config);
        OptimizerState before = trainer.optimizerState();
        Weights weightsBefore = trainer.weights();
        int steps = 0;
        while (trainer.step()) {
            before = trainer.optimizerState();
            weightsBefore = trainer.weights();
            steps++;
            assertThat(steps).as("the run should diverge").isLessThan(10_000);
        }
        assertThat(trainer.diverged()).isTrue();
        assertThat(steps).as("updates accepted before the refused one").isPositive();
        assertThat(trainer.weights()).isEqualTo(weightsBefore);
        assertThat(trainer.optimizerState()).isEqualTo(before);
        assertThat(trainer.optimizerState().first().isFinite()).isTrue();
    }

    @Test
    void aStateOfTheWrongShapeIsRefused() {
        TrainingConfig config = deep(TrainingOptions.Optimizer.ADAM);
        Trainer t = new Trainer(config);
        t.runEpochs(3, null);
        Weights w = t.weights();
        OptimizerState narrow = OptimizerState.zero(new int[] {4, 3});
        assertThatThrownBy(() -> Trainer.restore(config, t.initialWeights(), w, 3, t.updates(), t.loss(), narrow))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the optimizer's first moments have hidden layers [4, 3] but the config asks for [4, 4]");
        assertThatThrownBy(() -> Trainer.restore(config, t.initialWeights(), w, 3, t.updates(), t.loss(), null))
                .hasMessageContaining("the optimizer's state must be given");

    }
}
