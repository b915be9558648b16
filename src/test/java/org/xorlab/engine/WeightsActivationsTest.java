package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Weights.activations and loss(dataset, options) for the general network, against the oracle and the trainer. */
class WeightsActivationsTest {

    @Test
    void theNotebooksNetworkGivesExactlyTheNotebooksFigures() {
        for (Weights w : new Weights[] {Weights.initial(2, 42), Weights.initial(8, 7),
                DecisionGridTest.trained(Activation.SIGMOID, 2000, 2).weights()}) {
            for (int i = 0; i < Dataset.SIZE; i++) {
                double x0 = Dataset.x0(i);
                double x1 = Dataset.x1(i);
                double[][] v = w.activations(Activation.SIGMOID, x0, x1);
                assertThat(v).hasNumberOfRows(2);
                for (int j = 0; j < w.hidden(); j++) {
                    assertThat(v[0][j]).isEqualTo(w.hiddenActivation(j, x0, x1));
                }
                assertThat(v[1][0]).isEqualTo(w.predict(x0, x1));
            }
        }
    }

    @Test
    void everyLayerIsTheMatrixForwardPass() {
        for (Activation f : Activation.values()) {
            Weights w = DecisionGridTest.trained(f, 200, 4, 3, 2).weights();
            for (int i = 0; i < Dataset.SIZE; i++) {
                double[][] v = w.activations(f, Dataset.x0(i), Dataset.x1(i));
                double[][] expected = DecisionGridTest.matrixForward(w, f, Dataset.x0(i), Dataset.x1(i));
                assertThat(v).hasNumberOfRows(4);
                for (int l = 0; l < 4; l++) {
                    assertThat(v[l]).containsExactly(expected[l], within(1e-12));
                }
            }
        }
    }

    @Test
    void theLossOfTheOptionsIsWhatFullBatchTrainingReportsForTheWeightsItStartedTheEpochFrom() {
        // With a batch of all four samples an epoch's loss is taken with the weights before its one update.
        for (TrainingOptions.Loss loss : TrainingOptions.Loss.values()) {
            TrainingConfig c = TrainingConfig.NOTEBOOK.withBatchSize(4).withHiddenLayers(4, 4);
            c = c.withOptions(c.options().withActivation(Activation.TANH).withLoss(loss));
            Trainer t = new Trainer(c);
            t.runEpochs(50, null);
            Weights before = t.weights();
            t.runEpochs(1, null);
            assertThat(before.loss(c.dataset(), c.options())).as(loss.id()).isCloseTo(t.loss(), within(1e-15));
        }
        Weights notebook = Weights.initial(2, 42);
        assertThat(notebook.loss(Dataset.XOR)).isEqualTo(notebook.loss(Dataset.XOR, TrainingOptions.NOTEBOOK));
    }
}
