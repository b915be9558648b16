package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Comparisons whose runs differ in optimiser (and its hyper-parameters), learning rate, batch size, loss,
 * regularisation and order (issue 11): against the NumPy oracle's runs, from identical initial weights, refused when
 * they could not start from the same weights, and named by the verdict.
 */
class ComparisonOptimizersTest {

    /**
     * Runs of {@code general-runs.json} that share dataset, hidden layers, activation, init and seed (xor, 2, sigmoid,
     * uniform, 42) and differ in everything else a comparison allows.
     */
    private static final List<String> ORACLE_RUNS = List.of("alone: loss mse on xor", "alone: optimizer momentum",
            "alone: optimizer nesterov", "alone: optimizer rmsprop", "alone: optimizer adam",
            "alone: optimizer adam, beta2 0.99, k=3", "alone: regularization l2", "alone: order shuffle, k=2");

    @Test
    void aComparisonOfDifferentOptimisersAgreesWithTheOracleAtEveryEpoch() {
        JsonNode fixture = ReferenceFiles.json("generated/general-runs.json");
        double tolerance = fixture.get("tolerance").doubleValue();
        List<JsonNode> chosen = new ArrayList<>();
        for (String name : ORACLE_RUNS) {
            for (JsonNode r : fixture.get("runs")) {
                if (r.get("name").textValue().equals(name)) {
                    chosen.add(r);
                }
            }
        }
        assertThat(chosen).as("the oracle's runs").hasSize(ORACLE_RUNS.size());
        List<ComparisonRun> runs = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            runs.add(new ComparisonRun("run" + i, GeneralOracleAgreementTest.config(chosen.get(i))));
        }
        int epochs = chosen.get(0).get("epochs").intValue();
        double target = 0.2;
        Comparison comparison = new Comparison(runs, target, Budget.epochs(epochs));
        comparison.run(null);

        ComparisonHistory history = comparison.history();
        assertThat(history.epochs()).hasSize(epochs);
        for (int i = 0; i < chosen.size(); i++) {
            JsonNode oracle = chosen.get(i);
            String what = oracle.get("name").textValue();
            assertThat(comparison.initialWeights()).as(what + ": initial weights, bit for bit")
                    .isEqualTo(GeneralOracleAgreementTest.weights(oracle.get("initial")));
            JsonNode losses = oracle.get("losses");
            long firstBelow = 0;
            for (int e = 0; e < epochs; e++) {
                ReferenceFiles.assertRelative(what + ": loss of epoch " + (e + 1), history.losses(i)[e],
                        losses.get(e).doubleValue(), tolerance);
                if (firstBelow == 0 && losses.get(e).doubleValue() < target) {
                    firstBelow = e + 1;
                }
            }
            Weights last = comparison.snapshot(i).weights();
            Weights expected = GeneralOracleAgreementTest.weights(oracle.get("final"));
            for (int l = 1; l <= expected.layers(); l++) {
                for (int j = 0; j < expected.w(l).getRowDimension(); j++) {
                    for (int k = 0; k < expected.w(l).getColumnDimension(); k++) {
                        ReferenceFiles.assertRelative(what + ": final W" + l, last.weight(l, j, k),
                                expected.weight(l, j, k), tolerance);
                    }
                    ReferenceFiles.assertRelative(what + ": final b" + l, last.bias(l, j), expected.bias(l, j),
                            tolerance);
                }
            }
            ComparisonResult.RunSummary summary = comparison.result().runs().get(i);
            if (firstBelow == 0) {
                assertThat(summary.epochsToTarget()).as(what + ": epochs to the target").isEmpty();
            } else {
                assertThat(summary.epochsToTarget()).as(what + ": epochs to the target").hasValue(firstBelow);
            }
        }
        assertThat(chosen.stream().map(r -> r.get("optimizer").textValue()).toList())
                .contains("adam", "momentum");
        // The verdict names every way these runs differ, and that they are compared together.
        String sentence = comparison.result().verdict().sentence();
        assertThat(sentence).contains("The runs differ in optimiser, Adam's beta2, learning rate, regularisation and "
                + "sample order as well as batch size (run0: optimiser SGD, learning rate 0.5, regularisation none, "
                + "sample order fixed; run1: optimiser momentum, learning rate 0.1, ")
                .contains("run5: optimiser Adam, Adam's beta2 0.99, learning rate 0.05, ")
                .endsWith("so this compares those settings together, not batch size alone.");
    }

    @Test
    void everyOptimiserOfARaceStartsFromTheConfigsOwnInitialWeights() {
        TrainingConfig base = new TrainingConfig(Dataset.XOR, 4, 3, 0.05, 2).withHiddenLayers(4, 4)
                .withOptions(TrainingOptions.NOTEBOOK.withDeeperLayers(List.of(4)).withActivation(Activation.TANH)
                        .withInit(TrainingOptions.Init.XAVIER));
        List<TrainingOptions.Optimizer> all = List.of(TrainingOptions.Optimizer.values());
        Comparison race = Comparison.ofOptimizers(base, all, 0.01, Budget.epochs(50));

        assertThat(race.runs().stream().map(ComparisonRun::name))
                .containsExactly("SGD", "momentum", "Nesterov", "RMSprop", "Adam");
        for (int i = 0; i < all.size(); i++) {
            assertThat(race.snapshot(i).weights()).as(all.get(i) + " at epoch 0").isEqualTo(Weights.initial(base));
            assertThat(race.runs().get(i).config()).isEqualTo(base.withOptions(base.options()
                    .withOptimizer(all.get(i))));
        }
        race.run(null);
        for (int i = 0; i < all.size(); i++) {
            Trainer alone = new Trainer(race.runs().get(i).config());
            List<Double> losses = new ArrayList<>();
            alone.runEpochs(50, (e, loss) -> losses.add(loss));
            double[] raced = race.history().losses(i);
            for (int e = 0; e < 50; e++) {
                assertThat(raced[e]).as(all.get(i) + " epoch " + (e + 1)).isEqualTo(losses.get(e));
            }
        }
    }

    static Stream<Arguments> sharedSettings() {
        TrainingConfig a = TrainingConfig.NOTEBOOK;
        return Stream.of(
                Arguments.of("dataset (xor and and)", (UnaryOperator<TrainingConfig>) c -> c.withDataset(Dataset.AND)),
                Arguments.of("hidden layers (2 and 2,3)", (UnaryOperator<TrainingConfig>) c -> c.withHiddenLayers(2, 3)),
                Arguments.of("activation (sigmoid and relu)", (UnaryOperator<TrainingConfig>) c -> c.withOptions(
                        a.options().withActivation(Activation.RELU))),
                Arguments.of("init (uniform and he)", (UnaryOperator<TrainingConfig>) c -> c.withOptions(
                        a.options().withInit(TrainingOptions.Init.HE))),
                Arguments.of("seed (42 and 7)", (UnaryOperator<TrainingConfig>) c -> c.withSeed(7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedSettings")
    void runsThatCannotStartFromTheSameWeightsAreRefusedNamingTheSetting(String named,
                                                                        UnaryOperator<TrainingConfig> change) {
        List<ComparisonRun> runs = List.of(new ComparisonRun("a", TrainingConfig.NOTEBOOK),
                new ComparisonRun("b", change.apply(TrainingConfig.NOTEBOOK)));
        assertThatThrownBy(() -> new Comparison(runs, 0.01, Budget.epochs(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("runs 'a' and 'b' differ in " + named + "; ")
                .hasMessageContaining("must share dataset, input features, hidden layers, activation, init and seed");
        assertThatThrownBy(() -> new Comparison(Weights.initial(TrainingConfig.NOTEBOOK), runs, 0.01,
                Budget.epochs(1))).hasMessageStartingWith("runs 'a' and 'b' differ in " + named);
    }

    @Test
    void theVerdictNamesAHyperParameterOnlyWhereTheOptimisersUseIt() {
        TrainingConfig momentum = TrainingConfig.NOTEBOOK.withOptions(TrainingOptions.NOTEBOOK
                .withOptimizer(TrainingOptions.Optimizer.MOMENTUM));
        TrainingConfig faster = momentum.withOptions(momentum.options().withHyperParameters(0.5, 0.9, 0.9, 0.999,
                1e-8));
        String twoMus = verdict(new ComparisonRun("slow", momentum), new ComparisonRun("fast", faster));
        assertThat(twoMus).endsWith("The runs differ in momentum's mu (slow 0.9, fast 0.5).");

        // SGD has no mu: its unused 0.5 against momentum's 0.9 is no difference.
        TrainingConfig sgd = TrainingConfig.NOTEBOOK.withOptions(TrainingOptions.NOTEBOOK.withHyperParameters(0.5,
                0.9, 0.9, 0.999, 1e-8));
        String race = verdict(new ComparisonRun("SGD", sgd), new ComparisonRun("momentum", momentum));
        assertThat(race).endsWith("The runs differ in optimiser (SGD, momentum).").doesNotContain("mu");
    }

    @Test
    void whenTheLossesDifferTheVerdictSaysWhatTheTargetIsForEachRun() {
        TrainingConfig crossEntropy = TrainingConfig.NOTEBOOK.withOptions(TrainingOptions.NOTEBOOK
                .withLoss(TrainingOptions.Loss.CROSS_ENTROPY));
        String sentence = verdict(new ComparisonRun("mse", TrainingConfig.NOTEBOOK),
                new ComparisonRun("ce", crossEntropy), new ComparisonRun("ce2", crossEntropy.withLearningRate(0.5)));
        assertThat(sentence).contains("The runs differ in learning rate and loss (mse: learning rate 0.1, loss mean "
                + "squared error; ce: learning rate 0.1, loss cross-entropy; ce2: learning rate 0.5, loss "
                + "cross-entropy), so this compares those settings together, not any one of them alone.")
                .endsWith("Since mse minimises mean squared error and ce and ce2 minimise cross-entropy, every run "
                        + "is measured by its mean squared error: the target 0.2 and each run's final loss are mean "
                        + "squared errors.")
                .doesNotContain("a cross-entropy of 0.2");

        // Every run on cross-entropy: the target is a cross-entropy, and the sentence says so.
        String allCrossEntropy = verdict(new ComparisonRun("batch", crossEntropy.withBatchSize(4)),
                new ComparisonRun("sgd", crossEntropy));
        assertThat(allCrossEntropy).contains("got below a cross-entropy of 0.2").doesNotContain("differ");
    }

    /** The verdict after 2,000 epochs with target 0.2. */
    /** Runs named by their optimiser ("Adam-1", or the window's "Adam (batch size 1)") are listed by the value alone. */
    @Test
    void runsNamedByTheirOptimiserAreListedByItAlone() {
        TrainingConfig adam = TrainingConfig.NOTEBOOK.withOptions(TrainingOptions.NOTEBOOK
                .withOptimizer(TrainingOptions.Optimizer.ADAM));
        assertThat(verdict(new ComparisonRun("SGD-1", TrainingConfig.NOTEBOOK),
                new ComparisonRun("Adam-1", adam)))
                .endsWith("The runs differ in optimiser (SGD, Adam).");
        assertThat(verdict(new ComparisonRun("one", TrainingConfig.NOTEBOOK), new ComparisonRun("Adam", adam)))
                .endsWith("The runs differ in optimiser (one SGD, Adam Adam).");
    }

    private static String verdict(ComparisonRun... runs) {
        Comparison c = new Comparison(List.of(runs), 0.2, Budget.epochs(2_000));
        c.run(null);
        return c.result().verdict().sentence();
    }
}
