package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine with every option of SPEC.md's "Beyond the notebook" against the NumPy oracle
 * ({@code tools/general_reference.py}, fixture {@code generated/general-runs.json}): for every run of the file, the
 * initial weights exactly (uniform, xavier and he alike: each is 2u - 1 times a correctly rounded square root, the
 * same operations in Java as in NumPy), every epoch's loss and the final weights to the file's tolerance (1e-9
 * relative), the shuffle's permutations of the first epochs exactly, and the divergence epoch and update.
 */
class GeneralOracleAgreementTest {
    private static JsonNode fixture;
    private static List<JsonNode> runs;
    private static double tolerance;

    @BeforeAll
    static void read() {
        fixture = ReferenceFiles.json("generated/general-runs.json");
        runs = new ArrayList<>();
        fixture.get("runs").forEach(runs::add);
        tolerance = fixture.get("tolerance").doubleValue();
    }

    @Test
    void everyRunOfTheOracleAgrees() {
        int checked = 0;
        int diverged = 0;
        int shuffled = 0;
        for (JsonNode run : runs) {
            checkRun(run);
            checked++;
            diverged += run.get("divergence_epoch").isNull() ? 0 : 1;
            shuffled += run.get("order").textValue().equals("shuffle") ? 1 : 0;
        }
        assertThat(checked).as("runs checked").isEqualTo(fixture.get("runs").size()).isGreaterThanOrEqualTo(50);
        assertThat(diverged).as("divergent runs checked").isGreaterThanOrEqualTo(2);
        assertThat(shuffled).as("shuffled runs checked").isGreaterThanOrEqualTo(4);
    }

    @Test
    void theFileTolerance() {
        assertThat(tolerance).isEqualTo(1e-9);
    }

    /** The run's config, built through the public API as the CLI and the window will. */
    static TrainingConfig config(JsonNode run) {
        List<Integer> hidden = hidden(run);
        return new TrainingConfig(Dataset.parse(run.get("dataset").textValue()), hidden.get(0),
                run.get("seed").longValue(), run.get("learning_rate").doubleValue(), run.get("batch_size").intValue(),
                options(run));
    }

    /** The run's hidden widths, input side first. */
    static List<Integer> hidden(JsonNode run) {
        List<Integer> hidden = new ArrayList<>();
        run.get("hidden").forEach(w -> hidden.add(w.intValue()));
        return hidden;
    }

    /**
     * The options of an oracle run (the oracles' keys hidden, activation, loss, optimizer, momentum, rho, beta1,
     * beta2, epsilon, regularization, reg_rate, init and order), on the truth table with the features x1, x2.
     */
    static TrainingOptions options(JsonNode run) {
        List<Integer> hidden = hidden(run);
        return TrainingOptions.NOTEBOOK
                .withDeeperLayers(hidden.subList(1, hidden.size()))
                .withActivation(Activation.parse(run.get("activation").textValue()))
                .withLoss(TrainingOptions.Loss.parse(run.get("loss").textValue()))
                .withOptimizer(TrainingOptions.Optimizer.parse(run.get("optimizer").textValue()))
                .withHyperParameters(run.get("momentum").doubleValue(), run.get("rho").doubleValue(),
                        run.get("beta1").doubleValue(), run.get("beta2").doubleValue(),
                        run.get("epsilon").doubleValue())
                .withRegularization(TrainingOptions.Regularization.parse(run.get("regularization").textValue()),
                        run.get("reg_rate").doubleValue())
                .withInit(TrainingOptions.Init.parse(run.get("init").textValue()))
                .withOrder(TrainingOptions.Order.parse(run.get("order").textValue()));
    }

    private static void checkRun(JsonNode run) {
        String name = run.get("name").textValue() + " (seed " + run.get("seed").longValue() + ")";
        Trainer trainer = new Trainer(config(run));
        Weights initial = weights(run.get("initial"));
        assertThat(trainer.initialWeights()).as(name + ": initial weights, bit for bit").isEqualTo(initial);

        JsonNode losses = run.get("losses");
        JsonNode permutations = run.get("permutations");
        boolean divergent = !run.get("divergence_epoch").isNull();
        int epochs = divergent ? run.get("divergence_epoch").intValue() : run.get("epochs").intValue();
        for (int e = 1; e <= epochs; e++) {
            boolean completed = trainer.stepEpoch();
            if (e - 1 < permutations.size()) {
                int[] expected = new int[Dataset.SIZE];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = permutations.get(e - 1).get(i).intValue();
                }
                assertThat(trainer.sampleOrder()).as(name + ": epoch " + e + "'s order").containsExactly(expected);
            }
            if (divergent && e == epochs) {
                assertThat(completed).as(name + ": epoch " + e + " diverges").isFalse();
                assertThat(trainer.divergence().epoch()).as(name + ": divergence epoch").isEqualTo(e);
                assertThat(trainer.divergence().update()).as(name + ": divergence update")
                        .isEqualTo(run.get("divergence_update").longValue());
                break;
            }
            assertThat(completed).as(name + ": epoch " + e + " completes").isTrue();
            ReferenceFiles.assertRelative(name + ": loss of epoch " + e, trainer.loss(),
                    losses.get(e - 1).doubleValue(), tolerance);
        }
        assertThat(trainer.epoch()).as(name + ": epochs completed").isEqualTo(losses.size());
        assertWeights(name + ": final weights", trainer.weights(), weights(run.get("final")));
    }

    /** Every layer's W and b from the fixture's {"W1": rows, "b1": rows, ...}. */
    static Weights weights(JsonNode node) {
        List<org.apache.commons.math3.linear.RealMatrix> ws = new ArrayList<>();
        List<org.apache.commons.math3.linear.RealMatrix> bs = new ArrayList<>();
        for (int l = 1; node.has("W" + l); l++) {
            ws.add(ReferenceFiles.matrix(node.get("W" + l)));
            bs.add(ReferenceFiles.matrix(node.get("b" + l)));
        }
        return Weights.of(ws, bs);
    }

    private static void assertWeights(String what, Weights actual, Weights expected) {
        assertThat(actual.hiddenLayers()).as(what + ": layers").containsExactly(expected.hiddenLayers());
        int[] widths = new int[expected.layers() + 1];
        widths[0] = 2;
        System.arraycopy(expected.hiddenLayers(), 0, widths, 1, expected.layers() - 1);
        widths[expected.layers()] = 1;
        for (int l = 1; l <= expected.layers(); l++) {
            for (int j = 0; j < widths[l]; j++) {
                for (int k = 0; k < widths[l - 1]; k++) {
                    ReferenceFiles.assertRelative(what + " W" + l + "[" + j + "][" + k + "]", actual.weight(l, j, k),
                            expected.weight(l, j, k), tolerance);
                }
                ReferenceFiles.assertRelative(what + " b" + l + "[" + j + "]", actual.bias(l, j), expected.bias(l, j),
                        tolerance);
            }
        }
    }
}
