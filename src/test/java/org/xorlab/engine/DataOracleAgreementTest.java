package org.xorlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on data beyond the truth tables (SPEC.md, "Data") against the NumPy oracle
 * ({@code tools/data_reference.py}, fixture {@code generated/data-runs.json}; its docstring says how to regenerate
 * it). Every run is built as the CLI and the window build one: the points (a point set of the file, or a
 * {@link PointCloud} the engine generates itself), split by the set's own split column or by {@link Data#split} from
 * a test fraction and a data seed, then {@link TrainingOptions#withData} and {@link TrainingOptions#withFeatures}
 * into a {@link TrainingConfig}. Checked: the held-out points exactly, the initial weights bit for bit, the shuffle's
 * first permutations exactly, and at every epoch the training loss and the test loss (taken with that epoch's final
 * weights) to the file's tolerance (1e-9 relative); the final weights to it too. The generators and the split rule
 * are checked against the oracle's own NumPy transcription.
 */
class DataOracleAgreementTest {
    private static JsonNode fixture;
    private static List<JsonNode> runs;
    private static double tolerance;

    @BeforeAll
    static void read() {
        fixture = ReferenceFiles.json("generated/data-runs.json");
        runs = new ArrayList<>();
        fixture.get("runs").forEach(runs::add);
        tolerance = fixture.get("tolerance").doubleValue();
    }

    @Test
    void everyRunOfTheOracleAgrees() {
        int checked = 0;
        int withTest = 0;
        int shuffled = 0;
        int fullBatch = 0;
        int single = 0;
        int middle = 0;
        int deeper = 0;
        Set<Feature> features = new HashSet<>();
        Set<String> clouds = new HashSet<>();
        Set<String> combos = new HashSet<>();
        for (JsonNode run : runs) {
            TrainingConfig config = checkRun(run);
            checked++;
            withTest += config.testSamples().isEmpty() ? 0 : 1;
            shuffled += config.options().order() == TrainingOptions.Order.SHUFFLE ? 1 : 0;
            int k = config.batchSize();
            int n = config.sampleCount();
            fullBatch += k == n ? 1 : 0;
            single += k == 1 ? 1 : 0;
            middle += k > 1 && k < n ? 1 : 0;
            deeper += config.hiddenLayers().length > 1 ? 1 : 0;
            features.addAll(config.options().features());
            if (run.get("data").has("cloud")) {
                clouds.add(run.get("data").get("cloud").textValue());
            }
            combos.add(run.get("activation").textValue() + " " + run.get("loss").textValue() + " "
                    + run.get("optimizer").textValue());
        }
        assertThat(checked).as("runs checked").isEqualTo(fixture.get("runs").size()).isGreaterThanOrEqualTo(20);
        assertThat(withTest).as("runs with a test set").isGreaterThanOrEqualTo(10);
        assertThat(shuffled).as("shuffled runs").isGreaterThanOrEqualTo(3);
        assertThat(single).as("runs at batch size 1").isGreaterThanOrEqualTo(3);
        assertThat(middle).as("runs at a batch size between 1 and n").isGreaterThanOrEqualTo(3);
        assertThat(fullBatch).as("full-batch runs").isGreaterThanOrEqualTo(3);
        assertThat(deeper).as("runs with more than one hidden layer").isGreaterThanOrEqualTo(3);
        assertThat(features).as("features used").containsExactlyInAnyOrder(Feature.values());
        assertThat(clouds).as("generated clouds trained on").containsExactlyInAnyOrder("circle", "gauss",
                "xor-cloud", "spiral");
        assertThat(combos).as("activation, loss and optimiser combinations").contains("tanh cross-entropy adam",
                "sigmoid mse sgd", "sigmoid cross-entropy momentum");
    }

    @Test
    void theFileTolerance() {
        assertThat(tolerance).isEqualTo(1e-9);
        for (JsonNode run : runs) {
            assertThat(run.get("rounding_sensitivity").doubleValue()).as(run.get("name").textValue())
                    .isLessThanOrEqualTo(fixture.get("max_sensitivity").doubleValue());
        }
    }

    /** The file holds what its docstring promises: small CSV-like point sets with soft targets, and stays small. */
    @Test
    void theFixtureCoversWhatItClaims() throws Exception {
        assertThat(java.nio.file.Files.size(ReferenceFiles.dir().resolve("generated/data-runs.json")))
                .as("fixture size").isLessThan(1 << 20);
        int soft = 0;
        int sets = 0;
        int wide = 0;
        for (JsonNode set : fixture.get("point_sets")) {
            sets++;
            Samples s = Samples.of(ReferenceFiles.doubles(set.get("x1")), ReferenceFiles.doubles(set.get("x2")),
                    ReferenceFiles.doubles(set.get("y")));
            assertThat(s.size()).isBetween(12, 40);
            for (int i = 0; i < s.size(); i++) {
                soft += s.y(i) > 0 && s.y(i) < 1 ? 1 : 0;
                wide += Math.abs(s.x1(i)) > 1 || Math.abs(s.x2(i)) > 1 ? 1 : 0;
            }
        }
        assertThat(sets).isGreaterThanOrEqualTo(3);
        assertThat(soft).as("targets strictly between 0 and 1").isGreaterThanOrEqualTo(5);
        assertThat(wide).as("coordinates beyond the unit square").isGreaterThanOrEqualTo(20);
        for (JsonNode run : runs) {
            assertThat(run.get("epochs").intValue()).as(run.get("name").textValue()).isGreaterThanOrEqualTo(200);
        }
    }

    /** Every generated cloud of the file equals the engine's to 1e-12 (an ulp of libm's sin, cos or log apart). */
    @Test
    void theGeneratorsAgreeWithTheOracle() {
        int checked = 0;
        for (JsonNode c : fixture.get("clouds")) {
            String name = c.get("cloud").textValue();
            PointCloud cloud = PointCloud.find(name);
            assertThat(cloud).as(name).isNotNull();
            int points = c.get("points").intValue();
            double noise = c.get("noise").doubleValue();
            long seed = c.get("seed").longValue();
            String what = name + " (" + points + " points, noise " + noise + ", seed " + seed + ")";
            Samples s = cloud.generate(points, noise, seed);
            assertThat(s.size()).as(what + ": points").isEqualTo(points).isEqualTo(c.get("y").size());
            for (int i = 0; i < points; i++) {
                assertClose(what + " point " + i + " x1", s.x1(i), c.get("x1").get(i).doubleValue());
                assertClose(what + " point " + i + " x2", s.x2(i), c.get("x2").get(i).doubleValue());
                assertThat(s.y(i)).as(what + " point " + i + " y").isEqualTo(c.get("y").get(i).doubleValue());
            }
            checked++;
        }
        assertThat(checked).as("clouds checked").isGreaterThanOrEqualTo(8);
    }

    /** Data.testMask holds out the first round(f n) (at most n - 1) entries of NumPy's permutation(n). */
    @Test
    void theSplitAgreesWithTheOracle() {
        int checked = 0;
        int nonEmpty = 0;
        for (JsonNode m : fixture.get("masks")) {
            int n = m.get("n").intValue();
            double fraction = m.get("fraction").doubleValue();
            long seed = m.get("seed").longValue();
            boolean[] mask = Data.testMask(n, fraction, seed);
            assertThat(indexes(mask)).as("n " + n + ", fraction " + fraction + ", seed " + seed)
                    .containsExactly(ints(m.get("test")));
            checked++;
            nonEmpty += m.get("test").size() > 0 ? 1 : 0;
        }
        assertThat(checked).isGreaterThanOrEqualTo(8);
        assertThat(nonEmpty).isGreaterThanOrEqualTo(5);
    }

    /** The run's data and config, as the CLI and the window build them. */
    static TrainingConfig config(JsonNode run) {
        JsonNode d = run.get("data");
        Samples all;
        String name;
        boolean[] given = null;
        if (d.has("set")) {
            name = d.get("set").textValue();
            JsonNode set = fixture.get("point_sets").get(name);
            all = Samples.of(ReferenceFiles.doubles(set.get("x1")), ReferenceFiles.doubles(set.get("x2")),
                    ReferenceFiles.doubles(set.get("y")));
            if (d.has("given_split")) {
                given = new boolean[all.size()];
                for (int i = 0; i < given.length; i++) {
                    given[i] = set.get("split").get(i).textValue().equals("test");
                }
            }
        } else {
            PointCloud cloud = PointCloud.find(d.get("cloud").textValue());
            all = cloud.generate(d.get("points").intValue(), d.get("noise").doubleValue(), d.get("seed").longValue());
            name = cloud.id();
        }
        Data data;
        if (given != null) {
            data = Data.split(name, all, given);
        } else if (d.has("test_fraction")) {
            data = Data.split(name, all, d.get("test_fraction").doubleValue(), d.get("data_seed").longValue());
        } else {
            data = Data.of(name, all);
        }
        List<String> ids = new ArrayList<>();
        run.get("features").forEach(f -> ids.add(f.textValue()));
        List<Integer> hidden = GeneralOracleAgreementTest.hidden(run);
        TrainingOptions options = GeneralOracleAgreementTest.options(run)
                .withFeatures(Feature.parseList(String.join(",", ids)))
                .withData(data);
        return new TrainingConfig(Dataset.XOR, hidden.get(0), run.get("seed").longValue(),
                run.get("learning_rate").doubleValue(), run.get("batch_size").intValue(), options);
    }

    private static TrainingConfig checkRun(JsonNode run) {
        String name = run.get("name").textValue() + " (seed " + run.get("seed").longValue() + ")";
        TrainingConfig config = config(run);
        assertThat(config.sampleCount()).as(name + ": training points").isEqualTo(run.get("n_train").intValue());
        assertThat(config.testSamples().size()).as(name + ": test points").isEqualTo(run.get("n_test").intValue());
        assertThat(config.inputs()).as(name + ": fan-in").isEqualTo(run.get("features").size());
        checkHeldOut(name, run, config);

        Trainer trainer = new Trainer(config);
        assertThat(trainer.initialWeights()).as(name + ": initial weights, bit for bit")
                .isEqualTo(GeneralOracleAgreementTest.weights(run.get("initial")));
        assertThat(trainer.testLoss()).as(name + ": no test loss before the first epoch").isNaN();

        JsonNode losses = run.get("losses");
        JsonNode testLosses = run.get("test_losses");
        JsonNode permutations = run.get("permutations");
        int epochs = run.get("epochs").intValue();
        assertThat(losses.size()).as(name + ": epochs in the file").isEqualTo(epochs);
        assertThat(testLosses.size()).as(name + ": test losses in the file")
                .isEqualTo(config.testSamples().isEmpty() ? 0 : epochs);
        for (int e = 1; e <= epochs; e++) {
            assertThat(trainer.stepEpoch()).as(name + ": epoch " + e + " completes").isTrue();
            if (e - 1 < permutations.size()) {
                assertThat(trainer.sampleOrder()).as(name + ": epoch " + e + "'s order")
                        .containsExactly(ints(permutations.get(e - 1)));
            }
            ReferenceFiles.assertRelative(name + ": loss of epoch " + e, trainer.loss(),
                    losses.get(e - 1).doubleValue(), tolerance);
            if (testLosses.isEmpty()) {
                assertThat(trainer.testLoss()).as(name + ": no test set, no test loss").isNaN();
            } else {
                ReferenceFiles.assertRelative(name + ": test loss of epoch " + e, trainer.testLoss(),
                        testLosses.get(e - 1).doubleValue(), tolerance);
                assertThat(trainer.snapshot().testLoss()).as(name + ": the snapshot's test loss")
                        .isEqualTo(trainer.testLoss());
            }
        }
        assertThat(trainer.epoch()).isEqualTo(epochs);
        assertThat(trainer.updates()).as(name + ": updates")
                .isEqualTo((long) epochs * ((config.sampleCount() + config.batchSize() - 1) / config.batchSize()));
        assertWeights(name + ": final weights", trainer.weights(),
                GeneralOracleAgreementTest.weights(run.get("final")));
        return config;
    }

    /** The test set is exactly the file's held-out points, in the data's order; the training set the rest. */
    private static void checkHeldOut(String name, JsonNode run, TrainingConfig config) {
        JsonNode d = run.get("data");
        // The points in the data's own order, before the split.
        Samples original;
        if (d.has("set")) {
            JsonNode set = fixture.get("point_sets").get(d.get("set").textValue());
            original = Samples.of(ReferenceFiles.doubles(set.get("x1")), ReferenceFiles.doubles(set.get("x2")),
                    ReferenceFiles.doubles(set.get("y")));
        } else {
            original = PointCloud.find(d.get("cloud").textValue()).generate(d.get("points").intValue(),
                    d.get("noise").doubleValue(), d.get("seed").longValue());
        }
        int[] held = ints(run.get("test_indexes"));
        Set<Integer> heldSet = new HashSet<>();
        for (int i : held) {
            heldSet.add(i);
        }
        List<Integer> trainAt = new ArrayList<>();
        for (int i = 0; i < original.size(); i++) {
            if (!heldSet.contains(i)) {
                trainAt.add(i);
            }
        }
        assertThat(config.testSamples()).as(name + ": the held-out points").isEqualTo(original.pick(held));
        assertThat(config.samples()).as(name + ": the training points")
                .isEqualTo(original.pick(trainAt.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static void assertWeights(String what, Weights actual, Weights expected) {
        assertThat(actual.inputs()).as(what + ": inputs").isEqualTo(expected.inputs());
        assertThat(actual.hiddenLayers()).as(what + ": layers").containsExactly(expected.hiddenLayers());
        int[] widths = new int[expected.layers() + 1];
        widths[0] = expected.inputs();
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

    private static void assertClose(String what, double actual, double expected) {
        if (!(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)))) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    private static int[] indexes(boolean[] mask) {
        return java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i]).toArray();
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).intValue();
        }
        return values;
    }
}
