package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/** {@code xorlab train} with the general network's options (issue 11): parsing, output, JSON and divergence. */
class GeneralOptionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--hidden|4,9|must be 1 to 6 whole numbers from 1 to 8, separated by commas (got '4,9')",
        "--hidden|1,1,1,1,1,1,1|must be 1 to 6 whole numbers from 1 to 8, separated by commas (got '1,1,1,1,1,1,1')",
        "--hidden|4,|must be 1 to 6 whole numbers from 1 to 8, separated by commas (got '4,')",
        "--hidden|0,2|must be 1 to 6 whole numbers from 1 to 8, separated by commas (got '0,2')",
        "--hidden|9|must be a whole number from 1 to 8 (got '9')",
        "--activation|softmax|must be one of sigmoid, tanh, relu, linear (got 'softmax')",
        "--loss|l2|must be one of mse, cross-entropy (got 'l2')",
        "--optimizer|adagrad|must be one of sgd, momentum, nesterov, rmsprop, adam (got 'adagrad')",
        "--momentum|1|must be a number from 0 up to but not including 1 (got '1')",
        "--rho|-0.1|must be a number from 0 up to but not including 1 (got '-0.1')",
        "--beta1|NaN|must be a number from 0 up to but not including 1 (got 'NaN')",
        "--beta2|1.5|must be a number from 0 up to but not including 1 (got '1.5')",
        "--epsilon|0|must be a finite number greater than 0 (got '0')",
        "--regularization|l3|must be one of none, l1, l2 (got 'l3')",
        "--reg-rate|-1|must be a finite number from 0 up (got '-1')",
        "--init|lecun|must be one of uniform, xavier, he (got 'lecun')",
        "--order|random|must be one of fixed, shuffle (got 'random')"})
    void aBadValueIsOneLineNamingWhatIsAllowed(String option, String value, String rule) throws IOException {
        Path json = dir.resolve("run.json");
        CliRun run = CliRun.of("train", option, value, "--json", json.toString());

        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("xorlab train: " + option + " " + rule);
        assertThat(CliRun.listing(dir)).isEmpty();
    }

    @Test
    void everyDefaultGivenExplicitlyPrintsExactlyWhatNoFlagPrints() throws IOException {
        String[] defaults = {"--hidden", "2", "--activation", "sigmoid", "--loss", "mse", "--optimizer", "sgd",
            "--momentum", "0.9", "--rho", "0.9", "--beta1", "0.9", "--beta2", "0.999", "--epsilon", "1e-8",
            "--regularization", "none", "--reg-rate", "0", "--init", "uniform", "--order", "fixed"};
        CliRun plain = CliRun.of("train", "--epochs", "3000");
        List<String> args = new ArrayList<>(List.of("train", "--epochs", "3000"));
        args.addAll(List.of(defaults));
        CliRun explicit = CliRun.of(args.toArray(String[]::new));

        assertThat(plain.status()).isZero();
        assertThat(explicit.status()).isZero();
        assertThat(explicit.out()).isEqualTo(plain.out());
        assertThat(explicit.err()).isEqualTo(plain.err()).isEmpty();
        // The notebook's network: the same losses as the notebook engine's own run.
        Trainer notebook = new Trainer(TrainingConfig.NOTEBOOK);
        notebook.runEpochs(3000, (e, l) -> { });
        assertThat(plain.outLines()).contains("Final loss (epoch 3,000): " + NumberText.python(notebook.loss()));

        Path a = dir.resolve("plain.json");
        Path b = dir.resolve("explicit.json");
        CliRun plainJson = CliRun.of("train", "--epochs", "10", "--json", a.toString());
        args = new ArrayList<>(List.of("train", "--epochs", "10", "--json", b.toString()));
        args.addAll(List.of(defaults));
        CliRun explicitJson = CliRun.of(args.toArray(String[]::new));
        assertThat(plainJson.status()).isZero();
        assertThat(explicitJson.status()).isZero();
        assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
        assertThat(explicitJson.out()).isEqualTo(plainJson.out().replace("plain.json", "explicit.json"));
        // The summary names nothing beyond the notebook's settings.
        assertThat(plainJson.outLines().get(0)).isEqualTo("Trained xor, 2 hidden units, seed 42, learning rate 0.1, "
                + "batch size 1 (SGD) for 10 epochs: final loss " + NumberText.python(loss(TrainingConfig.NOTEBOOK, 10))
                + ".");
        assertThat(JSON.readTree(a.toFile()).get("config").has("activation")).isFalse();
    }

    @Test
    void aDeeperNetworksJsonHasEveryLayerAndTheEnginesNumbers() throws IOException {
        Path json = dir.resolve("deep.json");
        Path csv = dir.resolve("deep.csv");
        CliRun run = CliRun.of("train", "--dataset", "xnor", "--hidden", "4,3,2", "--activation", "tanh", "--loss",
                "cross-entropy", "--optimizer", "adam", "--beta2", "0.99", "--regularization", "l2", "--reg-rate",
                "0.001", "--init", "xavier", "--order", "shuffle", "--seed", "7", "--learning-rate", "0.01",
                "--batch-size", "2", "--epochs", "500", "--json", json.toString(), "--csv", csv.toString());

        TrainingConfig config = new TrainingConfig(Dataset.XNOR, 4, 7, 0.01, 2).withHiddenLayers(4, 3, 2)
                .withOptions(TrainingOptions.NOTEBOOK.withDeeperLayers(List.of(3, 2)).withActivation(Activation.TANH)
                        .withLoss(TrainingOptions.Loss.CROSS_ENTROPY).withOptimizer(TrainingOptions.Optimizer.ADAM)
                        .withHyperParameters(0.9, 0.9, 0.9, 0.99, 1e-8)
                        .withRegularization(TrainingOptions.Regularization.L2, 0.001)
                        .withInit(TrainingOptions.Init.XAVIER).withOrder(TrainingOptions.Order.SHUFFLE));
        Trainer trainer = new Trainer(config);
        List<Double> losses = new ArrayList<>();
        trainer.runEpochs(500, (e, l) -> losses.add(l));

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines().get(0)).isEqualTo("Trained xnor, hidden 4,3,2, seed 7, learning rate 0.01, tanh, "
                + "cross-entropy, adam, beta2 0.99, l2 rate 0.001, xavier init, shuffle order, batch size 2 "
                + "(mini-batch) for 500 epochs: final loss " + NumberText.python(trainer.loss()) + ".");
        JsonNode root = JSON.readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        root.get("final").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("W1", "b1", "W2", "b2", "W3", "b3", "W4", "b4");
        assertWeights(root.get("initial"), trainer.initialWeights());
        assertWeights(root.get("final"), trainer.weights());
        for (int i = 0; i < Dataset.SIZE; i++) {
            assertThat(root.get("predictions").get(i).doubleValue())
                    .isEqualTo(trainer.weights().predict(Activation.TANH, Dataset.x0(i), Dataset.x1(i)));
        }
        JsonNode c = root.get("config");
        assertThat(c.get("hidden").intValue()).isEqualTo(4);
        assertThat(c.get("hidden_layers").toString()).isEqualTo("[4,3,2]");
        assertThat(c.get("activation").textValue()).isEqualTo("tanh");
        assertThat(c.get("loss").textValue()).isEqualTo("cross-entropy");
        assertThat(c.get("optimizer").textValue()).isEqualTo("adam");
        assertThat(c.get("beta2").doubleValue()).isEqualTo(0.99);
        assertThat(c.get("regularization").textValue()).isEqualTo("l2");
        assertThat(c.get("reg_rate").doubleValue()).isEqualTo(0.001);
        assertThat(c.get("init").textValue()).isEqualTo("xavier");
        assertThat(c.get("order").textValue()).isEqualTo("shuffle");
        // --csv is unchanged in shape: epoch,loss, the engine's loss at every epoch.
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("epoch,loss");
        assertThat(lines).hasSize(501);
        for (int e = 1; e <= 500; e++) {
            assertThat(lines.get(e)).isEqualTo(e + "," + losses.get(e - 1));
        }
    }

    @Test
    void aTwoLayerNetworkWithOtherOptionsKeepsTheNotebooksWeightKeysAndPredictsWithItsActivation() throws IOException {
        Path json = dir.resolve("relu.json");
        CliRun run = CliRun.of("train", "--activation", "relu", "--init", "he", "--epochs", "2000", "--json",
                json.toString());
        CliRun printed = CliRun.of("train", "--activation", "relu", "--init", "he", "--epochs", "2000");

        TrainingConfig config = TrainingConfig.NOTEBOOK.withOptions(TrainingOptions.NOTEBOOK
                .withActivation(Activation.RELU).withInit(TrainingOptions.Init.HE));
        Trainer trainer = new Trainer(config);
        trainer.runEpochs(2000, (e, l) -> { });
        assertThat(run.status()).isZero();
        JsonNode root = JSON.readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        root.get("final").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("W1", "b1", "W2", "b2");
        assertWeights(root.get("final"), trainer.weights());
        assertThat(printed.outLines()).contains("Final loss (epoch 2,000): " + NumberText.python(trainer.loss()));
        for (int i = 0; i < Dataset.SIZE; i++) {
            double p = trainer.weights().predict(Activation.RELU, Dataset.x0(i), Dataset.x1(i));
            assertThat(root.get("predictions").get(i).doubleValue()).isEqualTo(p);
            assertThat(printed.outLines()).contains(String.format("  %2d  %2d  %6d  %s", (int) Dataset.x0(i),
                    (int) Dataset.x1(i), (int) Dataset.XOR.target(i), NumberText.fixed(p, 8)));
        }
    }

    /** The NumPy oracle's divergent runs (tools/general_reference.py): epoch and update from its file. */
    static Stream<Arguments> divergentRuns() throws IOException {
        JsonNode runs = JSON.readTree(CliRun.referenceDir().resolve("generated/general-runs.json").toFile());
        List<Arguments> found = new ArrayList<>();
        for (JsonNode r : runs.isArray() ? runs : runs.get("runs")) {
            if (r.has("divergence_epoch") && !r.get("divergence_epoch").isNull()) {
                StringBuilder hidden = new StringBuilder();
                for (JsonNode w : r.get("hidden")) {
                    hidden.append(hidden.length() == 0 ? "" : ",").append(w.intValue());
                }
                found.add(Arguments.of(r.get("name").textValue(), List.of("train", "--dataset",
                        r.get("dataset").textValue(), "--hidden", hidden.toString(), "--activation",
                        r.get("activation").textValue(), "--loss", r.get("loss").textValue(), "--learning-rate",
                        NumberText.plain(r.get("learning_rate").doubleValue()), "--batch-size",
                        String.valueOf(r.get("batch_size").intValue()), "--seed",
                        String.valueOf(r.get("seed").longValue()), "--epochs",
                        String.valueOf(r.get("epochs").longValue())),
                        r.get("divergence_epoch").longValue(), r.get("divergence_update").longValue()));
            }
        }
        assertThat(found).as("the oracle's divergent ReLU runs").hasSizeGreaterThanOrEqualTo(2);
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergentRuns")
    void reluAtAHugeRateDivergesWithExitThreeNamingTheEpoch(String name, List<String> args, long epoch, long update)
            throws IOException {
        Path json = dir.resolve("diverged.json");
        List<String> withJson = new ArrayList<>(args);
        withJson.addAll(List.of("--json", json.toString()));
        CliRun run = CliRun.of(withJson.toArray(String[]::new));
        CliRun printed = CliRun.of(args.toArray(String[]::new));

        for (CliRun r : List.of(run, printed)) {
            assertThat(r.status()).isEqualTo(ExitCodes.DIVERGED);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.err()).startsWith("Training diverged at epoch " + NumberText.count(epoch) + " (update "
                    + NumberText.count(update) + "):");
        }
        assertThat(printed.outLines()).contains("Predicted output after training:");
        JsonNode d = JSON.readTree(json.toFile()).get("divergence");
        assertThat(d.get("epoch").longValue()).isEqualTo(epoch);
        assertThat(d.get("update").longValue()).isEqualTo(update);
    }

    private static double loss(TrainingConfig config, long epochs) {
        Trainer t = new Trainer(config);
        t.runEpochs(epochs, (e, l) -> { });
        return t.loss();
    }

    /** Every W[l] and b[l] of {@code w}, bit for bit, in its shape. */
    private static void assertWeights(JsonNode node, Weights w) {
        for (int l = 1; l <= w.layers(); l++) {
            assertMatrix(node.get("W" + l), w.w(l), "W" + l);
            assertMatrix(node.get("b" + l), w.b(l), "b" + l);
        }
    }

    private static void assertMatrix(JsonNode rows, RealMatrix m, String what) {
        assertThat(rows.size()).as(what + " rows").isEqualTo(m.getRowDimension());
        for (int i = 0; i < m.getRowDimension(); i++) {
            assertThat(rows.get(i).size()).as(what + " columns").isEqualTo(m.getColumnDimension());
            for (int j = 0; j < m.getColumnDimension(); j++) {
                assertThat(rows.get(i).get(j).doubleValue()).as(what + "[" + i + "][" + j + "]")
                        .isEqualTo(m.getEntry(i, j));
            }
        }
    }
}
