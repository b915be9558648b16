package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.xorlab.engine.Data;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Feature;
import org.xorlab.engine.PointCloud;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;

/** Sessions of runs on points of their own, through input features: saved, reopened, and hostile files refused. */
class SessionDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for NaN in a tree; the file then has JSON's non-standard NaN there, which the reader accepts. */
    private static final double NAN = 123456.0625;

    @TempDir
    Path dir;

    /** A spiral of 60 points, 15 held out, through five features, on a 2-layer tanh network with Adam, batch 9. */
    private static TrainingConfig spiralRun() {
        Data data = Data.split("spiral (60 points, noise 0.1, seed 3)", PointCloud.SPIRAL.generate(60, 0.1, 3),
                0.25, 3);
        TrainingOptions options = TrainingOptions.NOTEBOOK.withActivation(Activation.TANH)
                .withOptimizer(TrainingOptions.Optimizer.ADAM)
                .withFeatures(Feature.parseList("x1,x2,x1sq,x2sq,sin1")).withData(data);
        return new TrainingConfig(Dataset.XOR, 4, 7, 0.03, 9, options).withHiddenLayers(4, 3);
    }

    @Test
    void aRunOnDataReopensWithItsPointsAndFeaturesAndGoesOnAsIfNeverSaved() throws Exception {
        TrainingConfig config = spiralRun();
        Session saved = Sessions.trained(config, 12);
        Path file = dir.resolve("spiral.xorlab.json");
        SessionFile.write(saved, file);

        Session read = SessionFile.read(file);
        assertThat(read).isEqualTo(saved);
        assertThat(read.settings().config().options().data().train()).isEqualTo(config.options().data().train());
        assertThat(read.settings().config().options().data().test().size()).isEqualTo(15);
        assertThat(read.settings().config().options().features()).isEqualTo(config.options().features());

        ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
        assertThat(root.get("version").asInt()).isEqualTo(2);
        assertThat(root.get("settings").get("features").toString())
                .isEqualTo("[\"x1\",\"x2\",\"x1sq\",\"x2sq\",\"sin1\"]");
        assertThat(root.get("settings").get("batch_size").asInt()).isEqualTo(9);
        assertThat(root.get("data").get("name").asText()).isEqualTo("spiral (60 points, noise 0.1, seed 3)");
        assertThat(root.get("data").get("train").get("x1")).hasSize(45);
        assertThat(root.get("data").get("test").get("y")).hasSize(15);
        assertThat(root.get("initial").get("W1").get(0)).hasSize(5);

        // Reopened, it trains on exactly as the run that was never saved.
        Trainer straight = new Trainer(config);
        straight.runEpochs(20, null);
        Trainer resumed = read.trainer();
        resumed.runEpochs(8, null);
        assertThat(resumed.weights()).isEqualTo(straight.weights());
        assertThat(resumed.testLoss()).isEqualTo(straight.testLoss());
    }

    @Test
    void aSessionOnTheTruthTableWithFeaturesKeepsThemToo() throws Exception {
        TrainingConfig config = TrainingConfig.NOTEBOOK.withOptions(
                TrainingOptions.NOTEBOOK.withFeatures(Feature.parseList("x1x2,x1,x2")));
        Session saved = Sessions.trained(config, 30);
        String text = Sessions.json(saved);

        assertThat(read(text)).isEqualTo(saved);
        assertThat(JSON.readTree(text).has("data")).isFalse();
    }

    @Test
    void aVersion2FileWithoutFeaturesOrDataIsTheTruthTableThroughX1AndX2() throws Exception {
        TrainingConfig config = TrainingConfig.NOTEBOOK.withOptions(
                TrainingOptions.NOTEBOOK.withOptimizer(TrainingOptions.Optimizer.MOMENTUM));
        Session saved = Sessions.trained(config, 5);
        ObjectNode root = (ObjectNode) JSON.readTree(Sessions.json(saved));
        assertThat(root.get("settings").has("features")).isFalse();

        Session read = read(JSON.writeValueAsString(root));
        assertThat(read).isEqualTo(saved);
        assertThat(read.settings().config().onTruthTable()).isTrue();
        assertThat(read.settings().config().options().features()).isEqualTo(Feature.DEFAULT);
    }

    @Test
    void aVersion1FileIgnoresAnyDataField() throws Exception {
        Session saved = Sessions.trained(TrainingConfig.NOTEBOOK, 3);
        ObjectNode root = (ObjectNode) JSON.readTree(Sessions.json(saved));
        assertThat(root.get("version").asInt()).isEqualTo(1);
        root.putObject("data").put("name", "ignored");

        assertThat(read(JSON.writeValueAsString(root))).isEqualTo(saved);
    }

    @Test
    void theRememberedSettingsKeepTheFeaturesButNotThePoints() throws Exception {
        TrainingConfig config = spiralRun();
        SettingsFile settings = new SettingsFile(dir.resolve("settings.json"));
        settings.save(AppSettings.DEFAULT.withRun(new RunSettings(config, false, 500, 0.02)));

        List<String> problems = new ArrayList<>();
        AppSettings loaded = settings.load(problems::add);
        assertThat(problems).isEmpty();
        TrainingConfig remembered = loaded.run().config();
        assertThat(remembered.onTruthTable()).isTrue();
        assertThat(remembered.batchSize()).isEqualTo(4);
        assertThat(remembered.options().features()).isEqualTo(config.options().features());
        assertThat(remembered.hiddenLayers()).containsExactly(4, 3);
        assertThat(Files.readString(dir.resolve("settings.json"))).doesNotContain("spiral");
    }

    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                bad("a coordinate that is not finite", r -> points(r, "train", "x1").set(0, JSON.getNodeFactory()
                        .numberNode(NAN)), "\"data.train\": point 1: x1 must be a finite number from -1000000 "
                        + "to 1000000 (got NaN)"),
                bad("a huge coordinate", r -> points(r, "train", "x2").set(2, JSON.getNodeFactory()
                        .numberNode(1e300)), "\"data.train\": point 3: x2 must be a finite number from -1000000 to "
                        + "1000000 (got 1.0E300)"),
                bad("a target above 1", r -> points(r, "test", "y").set(0, JSON.getNodeFactory().numberNode(2)),
                        "\"data.test\": point 1: y must be a number from 0 to 1 (got 2.0)"),
                bad("a text for a number", r -> points(r, "train", "y").set(1, JSON.getNodeFactory().textNode("1")),
                        "\"data.train.y[1]\" must be a number (got \"1\")"),
                bad("lists of different lengths", r -> points(r, "train", "x2").remove(0),
                        "\"data.train\" must have as many x2 and y values as x1 values (got 45, 44 and 45)"),
                bad("no training points", r -> {
                    ObjectNode train = (ObjectNode) r.get("data").get("train");
                    train.putArray("x1");
                    train.putArray("x2");
                    train.putArray("y");
                }, "\"data.train\" must hold at least one point"),
                bad("no name", r -> ((ObjectNode) r.get("data")).remove("name"), "\"data.name\" is missing"),
                bad("a name of 201 characters", r -> ((ObjectNode) r.get("data")).put("name", "n".repeat(201)),
                        "\"data.name\" must be at most 200 characters (got 201)"),
                bad("data that is not an object", r -> r.put("data", 3), "\"data\" must be a JSON object {...} "
                        + "(got 3)"),
                bad("more than 1,000 points", r -> {
                    for (String axis : List.of("x1", "x2", "y")) {
                        ArrayNode list = points(r, "train", axis);
                        while (list.size() < 990) {
                            list.add(0.5);
                        }
                    }
                }, "\"data\" holds 1,005 points; a dataset holds at most 1,000"),
                bad("far too many values", r -> {
                    ArrayNode list = points(r, "train", "x1");
                    for (int i = 0; i < 4000; i++) {
                        list.add(0.5);
                    }
                }, "\"data\" holds more than 3,046 values, more than 1,000 points hold"),
                bad("a batch size beyond the training points", r -> ((ObjectNode) r.get("settings"))
                        .put("batch_size", 46), "batch size must be a whole number from 1 to 45 (got 46)"),
                bad("an unknown feature", r -> ((ArrayNode) r.get("settings").get("features")).set(1,
                        JSON.getNodeFactory().textNode("x3")),
                        "unknown feature 'x3'; allowed: x1, x2, x1sq, x2sq, x1x2, sin1, sin2"),
                bad("a feature given twice", r -> ((ArrayNode) r.get("settings").get("features")).set(1,
                        JSON.getNodeFactory().textNode("x1")), "each feature may be given once (got x1,x1,x1sq,x2sq,"
                        + "sin1)"),
                bad("features that are not a list", r -> ((ObjectNode) r.get("settings")).put("features", "x1"),
                        "\"settings.features\" must be a list of 1 to 7 of \"x1\", \"x2\", \"x1sq\", \"x2sq\", "
                                + "\"x1x2\", \"sin1\", \"sin2\" (got \"x1\")"),
                bad("fewer features than the weights take", r -> ((ArrayNode) r.get("settings").get("features"))
                        .remove(4), "\"initial.W1\" must be 4 x 4 for hidden layers 4,3 (a list of 4 rows of 4 "
                        + "numbers); row 1 has 5 numbers"),
                bad("the points without the data", r -> r.remove("data"),
                        "batch size must be a whole number from 1 to 4 (got 9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void aHostileDataOrFeatureValueIsRefusedNamingIt(String name, Consumer<ObjectNode> change, String message)
            throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(Sessions.json(Sessions.trained(spiralRun(), 2)));
        change.accept(root);
        String text = JSON.writeValueAsString(root).replace("123456.0625", "NaN");
        assertThatThrownBy(() -> read(text)).as(name)
                .isInstanceOf(SessionFileException.class).hasMessage(message);
    }

    private static Arguments bad(String name, Consumer<ObjectNode> change, String message) {
        return Arguments.of(name, change, message);
    }

    private static ArrayNode points(ObjectNode root, String set, String axis) {
        return (ArrayNode) root.get("data").get(set).get(axis);
    }

    private static Session read(String text) throws Exception {
        return SessionFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
