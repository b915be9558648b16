package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.TrainingOptions.Init;
import org.xorlab.engine.TrainingOptions.Loss;
import org.xorlab.engine.TrainingOptions.Optimizer;
import org.xorlab.engine.TrainingOptions.Order;
import org.xorlab.engine.TrainingOptions.Regularization;

/**
 * Session files of version 2: every option of the general network, every layer's weights and the optimiser's state
 * survive a save and open, and the run goes on bit for bit; bad values are refused naming the field and what is
 * allowed. (Version 1, the notebook's network, is {@link SessionFileTest}'s.)
 */
class SessionVersion2Test {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static TrainingConfig config(int[] layers, Activation a, Loss loss, Optimizer o, Regularization reg,
                                         Init init, Order order) {
        TrainingConfig c = new TrainingConfig(Dataset.XOR, layers[0], 11, 0.05, 2).withHiddenLayers(layers);
        return c.withOptions(c.options().withActivation(a).withLoss(loss).withOptimizer(o)
                .withHyperParameters(0.8, 0.85, 0.7, 0.99, 1e-7)
                .withRegularization(reg, reg == Regularization.NONE ? 0.0 : 0.002).withInit(init).withOrder(order));
    }

    /** Every value of every option at least once, and a 6-layer network. */
    static Stream<TrainingConfig> everyOption() {
        return Stream.of(
                config(new int[] {4, 4}, Activation.TANH, Loss.MSE, Optimizer.ADAM, Regularization.NONE, Init.UNIFORM,
                        Order.SHUFFLE),
                config(new int[] {3}, Activation.RELU, Loss.CROSS_ENTROPY, Optimizer.MOMENTUM, Regularization.L2,
                        Init.HE, Order.FIXED),
                config(new int[] {2, 3, 2}, Activation.LINEAR, Loss.CROSS_ENTROPY, Optimizer.NESTEROV,
                        Regularization.L1, Init.XAVIER, Order.SHUFFLE),
                config(new int[] {5}, Activation.SIGMOID, Loss.MSE, Optimizer.RMSPROP, Regularization.L2,
                        Init.UNIFORM, Order.FIXED),
                config(new int[] {8, 8, 8, 8, 8, 8}, Activation.TANH, Loss.CROSS_ENTROPY, Optimizer.ADAM,
                        Regularization.L1, Init.XAVIER, Order.SHUFFLE),
                config(new int[] {2}, Activation.SIGMOID, Loss.MSE, Optimizer.SGD, Regularization.L2, Init.UNIFORM,
                        Order.FIXED));
    }

    @ParameterizedTest
    @MethodSource("everyOption")
    void aSavedRunReadsBackEqualAndTrainsOnBitForBit(TrainingConfig config) throws Exception {
        Session saved = Sessions.trained(config, 30);
        Path file = dir.resolve("run.xorlab.json");
        SessionFile.write(saved, file);
        Session read = SessionFile.read(file);

        assertThat(read).isEqualTo(saved);
        assertThat(read.settings().config()).isEqualTo(config);
        assertThat(read.optimizerState()).isEqualTo(saved.optimizerState());
        assertThat(JSON.readTree(file.toFile()).get("version").asInt()).isEqualTo(2);

        Trainer uninterrupted = new Trainer(config);
        List<Double> losses = new ArrayList<>();
        uninterrupted.runEpochs(30, null);
        uninterrupted.runEpochs(40, (e, loss) -> losses.add(loss));
        Trainer resumed = read.trainer();
        List<Double> resumedLosses = new ArrayList<>();
        resumed.runEpochs(40, (e, loss) -> resumedLosses.add(loss));
        assertThat(resumedLosses).isEqualTo(losses);
        assertThat(resumed.weights()).isEqualTo(uninterrupted.weights());
    }

    @Test
    void theVersion2FileHasTheDocumentedShape() throws Exception {
        TrainingConfig config = config(new int[] {4, 4}, Activation.TANH, Loss.MSE, Optimizer.ADAM,
                Regularization.NONE, Init.UNIFORM, Order.SHUFFLE);
        Session saved = Sessions.trained(config, 3);
        JsonNode root = JSON.readTree(Sessions.json(saved));
        assertThat(root.get("version").asInt()).isEqualTo(2);
        JsonNode s = root.get("settings");
        assertThat(s.get("hidden").toString()).isEqualTo("[4,4]");
        assertThat(s.get("activation").asText()).isEqualTo("tanh");
        assertThat(s.get("loss").asText()).isEqualTo("mse");
        assertThat(s.get("optimizer").asText()).isEqualTo("adam");
        assertThat(s.get("momentum").asDouble()).isEqualTo(0.8);
        assertThat(s.get("rho").asDouble()).isEqualTo(0.85);
        assertThat(s.get("beta1").asDouble()).isEqualTo(0.7);
        assertThat(s.get("beta2").asDouble()).isEqualTo(0.99);
        assertThat(s.get("epsilon").asDouble()).isEqualTo(1e-7);
        assertThat(s.get("regularization").asText()).isEqualTo("none");
        assertThat(s.get("reg_rate").asDouble()).isEqualTo(0.0);
        assertThat(s.get("init").asText()).isEqualTo("uniform");
        assertThat(s.get("order").asText()).isEqualTo("shuffle");
        // W1 4 x 2, W2 4 x 4, W3 1 x 4: every layer, in the CLI's shapes.
        assertThat(root.at("/current/W2").size()).isEqualTo(4);
        assertThat(root.at("/current/W2/0").size()).isEqualTo(4);
        assertThat(root.at("/current/W3/0").size()).isEqualTo(4);
        assertThat(root.at("/current/b3/0/0").asDouble()).isEqualTo(saved.current().bias(3, 0));
        assertThat(root.at("/optimizer_first/W2/1/3").asDouble())
                .isEqualTo(saved.optimizerState().first().weight(2, 1, 3)).isNotZero();
        assertThat(root.at("/optimizer_second/b1/2/0").asDouble())
                .isEqualTo(saved.optimizerState().second().bias(1, 2)).isNotZero();
    }

    @Test
    void eachOptimizerSavesOnlyTheStateItKeeps() throws Exception {
        TrainingConfig base = TrainingConfig.NOTEBOOK;
        JsonNode momentum = JSON.readTree(Sessions.json(Sessions.trained(
                base.withOptions(base.options().withOptimizer(Optimizer.MOMENTUM)), 2)));
        JsonNode rmsprop = JSON.readTree(Sessions.json(Sessions.trained(
                base.withOptions(base.options().withOptimizer(Optimizer.RMSPROP)), 2)));
        JsonNode sgdL2 = JSON.readTree(Sessions.json(Sessions.trained(
                base.withOptions(base.options().withRegularization(Regularization.L2, 0.01)), 2)));
        assertThat(momentum.has("optimizer_first")).isTrue();
        assertThat(momentum.has("optimizer_second")).isFalse();
        assertThat(rmsprop.has("optimizer_first")).isFalse();
        assertThat(rmsprop.has("optimizer_second")).isTrue();
        assertThat(sgdL2.get("version").asInt()).isEqualTo(2);
        assertThat(sgdL2.has("optimizer_first") || sgdL2.has("optimizer_second")).isFalse();
    }

    @Test
    void theNotebooksNetworkIsStillSavedAsVersion1() throws Exception {
        // Older XOR Lab opens version 1 only; the notebook's network needs nothing version 2 adds.
        JsonNode root = JSON.readTree(Sessions.json(Sessions.trained(TrainingConfig.NOTEBOOK.withHidden(5), 4)));
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.at("/settings/hidden").isInt()).isTrue();
        assertThat(root.at("/settings/activation").isMissingNode()).isTrue();
    }

    @Test
    void aVersion1FileIgnoresTheGeneralNetworksFields() throws Exception {
        // Version 1 had no options: a field of version 2 in it is unknown there, so skipped, as every unknown field.
        Session saved = Sessions.trained(TrainingConfig.NOTEBOOK, 3);
        ObjectNode root = (ObjectNode) JSON.readTree(Sessions.json(saved));
        ((ObjectNode) root.get("settings")).put("optimizer", "adam").put("activation", "bogus");
        assertThat(read(JSON.writeValueAsString(root))).isEqualTo(saved);
    }

    @Test
    void aCrossEntropyLossAboveOneIsKeptAndAnMseLossAboveOneIsRefused() throws Exception {
        TrainingConfig ce = config(new int[] {2}, Activation.SIGMOID, Loss.CROSS_ENTROPY, Optimizer.SGD,
                Regularization.NONE, Init.UNIFORM, Order.FIXED);
        Session saved = Sessions.trained(ce, 3);
        ObjectNode root = (ObjectNode) JSON.readTree(Sessions.json(saved));
        ((ArrayNode) root.get("loss_history")).set(0, 1.7);
        assertThat(read(JSON.writeValueAsString(root)).loss(1)).isEqualTo(1.7);
        ((ObjectNode) root.get("settings")).put("loss", "mse");
        assertThatThrownBy(() -> read(JSON.writeValueAsString(root)))
                .hasMessage("the loss of epoch 1 must be a number from 0 to 1 (got 1.7)");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("activation", r -> settings(r).put("activation", "softmax"),
                        "unknown activation 'softmax'; allowed: sigmoid, tanh, relu, linear"),
                bad("activation a number", r -> settings(r).put("activation", 3),
                        "\"settings.activation\" must be a string in quotes (got 3)"),
                bad("loss", r -> settings(r).put("loss", "hinge"),
                        "unknown loss 'hinge'; allowed: mse, cross-entropy"),
                bad("optimizer", r -> settings(r).put("optimizer", "adagrad"),
                        "unknown optimizer 'adagrad'; allowed: sgd, momentum, nesterov, rmsprop, adam"),
                bad("regularization", r -> settings(r).put("regularization", "l3"),
                        "unknown regularization 'l3'; allowed: none, l1, l2"),
                bad("init", r -> settings(r).put("init", "zeros"),
                        "unknown init 'zeros'; allowed: uniform, xavier, he"),
                bad("order", r -> settings(r).put("order", "reverse"),
                        "unknown order 'reverse'; allowed: fixed, shuffle"),
                bad("momentum 1", r -> settings(r).put("momentum", 1.0),
                        "momentum must be a number from 0 up to but not including 1 (got 1.0)"),
                bad("rho negative", r -> settings(r).put("rho", -0.1),
                        "rho must be a number from 0 up to but not including 1 (got -0.1)"),
                bad("beta1 text", r -> settings(r).put("beta1", "0.9"),
                        "\"settings.beta1\" must be a number (got \"0.9\")"),
                bad("beta2 NaN", r -> settings(r).put("beta2", Double.NaN),
                        "beta2 must be a number from 0 up to but not including 1 (got NaN)"),
                bad("epsilon 0", r -> settings(r).put("epsilon", 0),
                        "epsilon must be a finite number greater than 0 (got 0.0)"),
                bad("reg rate negative", r -> settings(r).put("reg_rate", -1),
                        "regularization rate must be a finite number from 0 up (got -1.0)"),
                bad("option missing", r -> settings(r).remove("loss"), "\"settings.loss\" is missing"),
                bad("hidden width 9", r -> settings(r).putArray("hidden").add(4).add(9),
                        "hidden units must be a whole number from 1 to 8 (got 9)"),
                bad("hidden width text", r -> settings(r).putArray("hidden").add(4).add("4"),
                        "\"settings.hidden[1]\" must be a whole number (got \"4\")"),
                bad("no hidden layers", r -> settings(r).putArray("hidden"),
                        "\"settings.hidden\" must list 1 to 6 hidden layers' widths, each a whole number from 1 to 8"
                                + " (got 0 widths)"),
                bad("seven hidden layers", r -> {
                    ArrayNode h = settings(r).putArray("hidden");
                    for (int i = 0; i < 7; i++) {
                        h.add(2);
                    }
                }, "\"settings.hidden\" must list 1 to 6 hidden layers' widths, each a whole number from 1 to 8"
                        + " (got 7 widths)"),
                bad("hidden layers disagree with the weights", r -> settings(r).putArray("hidden").add(4).add(3),
                        "\"initial.W2\" must be 3 x 4 for hidden layers 4,3 (a list of 3 rows of 4 numbers); got 4 rows"),
                bad("W3 row too short", r -> ((ArrayNode) r.at("/current/W3/0")).remove(0),
                        "\"current.W3\" must be 1 x 4 for hidden layers 4,4 (a list of 1 row of 4 numbers); row 1 has"
                                + " 3 numbers"),
                bad("no W3", r -> ((ObjectNode) r.get("initial")).remove("W3"), "\"initial.W3\" is missing"),
                bad("no first moment", r -> r.remove("optimizer_first"), "\"optimizer_first\" is missing"),
                bad("NaN second moment", r -> ((ArrayNode) r.at("/optimizer_second/W1/0")).set(1, Double.NaN),
                        "\"optimizer_second.W1[0][1]\" must be a finite number (got NaN)"),
                bad("newer version", r -> r.put("version", 3),
                        "it was saved by a newer XOR Lab (session version 3); this one opens versions 1 and 2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadVersion2FileIsRefusedNamingTheFieldAndWhatIsAllowed(String name, String text, String message) {
        assertThatThrownBy(() -> read(text)).as(name).isInstanceOf(SessionFileException.class).hasMessage(message);
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String message) {
        TrainingConfig config = config(new int[] {4, 4}, Activation.TANH, Loss.MSE, Optimizer.ADAM,
                Regularization.NONE, Init.UNIFORM, Order.SHUFFLE);
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(Sessions.json(Sessions.trained(config, 3)));
            change.accept(root);
            // Jackson writes a NaN as the text "NaN"; a file holds it as the number NaN.
            return Arguments.of(name, JSON.writeValueAsString(root).replace("\"NaN\"", "NaN"), message);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode settings(ObjectNode root) {
        return (ObjectNode) root.get("settings");
    }

    private static Session read(String text) throws Exception {
        return SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
