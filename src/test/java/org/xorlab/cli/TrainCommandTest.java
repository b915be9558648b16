package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.cli.CliRun.assertRelativelyClose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;

class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the notebook printed (seed/000_21096487a2026c8e.txt): epoch and loss every 1000 epochs. */
    private static final double[][] NOTEBOOK_PRINTED = {
        {1, 0.3239537158130419}, {1001, 0.24817211793449434}, {2001, 0.21459076862934467},
        {3001, 0.15936526038440854}, {4001, 0.04888994977531156}, {5001, 0.016090123221200778},
        {6001, 0.00861826270292999}, {7001, 0.005697165950060215}, {8001, 0.00419533701162551},
        {9001, 0.0032952036447040957}};
    /** The notebook's "Predicted Output after Training", as NumPy printed it (8 digits). */
    private static final String[] NOTEBOOK_PREDICTIONS = {"0.05464331", "0.95032601", "0.95006665", "0.05336686"};

    @TempDir
    Path dir;

    @ParameterizedTest(name = "batch size {0} agrees with {1} at every epoch")
    @CsvSource({"1, xor-seed42-lr0.1-sgd.csv", "4, xor-seed42-lr0.1-batch.csv"})
    void csvAgreesWithTheNumpyReferenceAtEveryEpoch(int batchSize, String reference) throws IOException {
        Path csv = dir.resolve("loss.csv");
        CliRun run = CliRun.of("train", "--batch-size", String.valueOf(batchSize), "--csv", csv.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("epoch,loss");
        assertThat(lines).hasSize(10_001);
        double[] expected = CliRun.column(CliRun.referenceDir().resolve(reference), 1);
        double[] actual = CliRun.column(csv, 1);
        assertThat(actual).hasSameSizeAs(expected);
        for (int e = 0; e < expected.length; e++) {
            assertRelativelyClose(actual[e], expected[e], "epoch " + (e + 1));
        }
        // Full precision: every value is written as Java's round-trip form of the double.
        for (int i = 1; i < lines.size(); i += 997) {
            String cell = lines.get(i).split(",")[1];
            assertThat(Double.toString(Double.parseDouble(cell))).isEqualTo(cell);
        }
        assertThat(CliRun.listing(dir)).containsExactly("loss.csv");
    }

    @ParameterizedTest(name = "batch size {0} matches {1}")
    @CsvSource({"1, xor-seed42-lr0.1-sgd.json", "4, xor-seed42-lr0.1-batch.json"})
    void jsonHasTheReferenceShapeAndNumbers(int batchSize, String reference) throws IOException {
        Path json = dir.resolve("run.json");
        CliRun run = CliRun.of("train", "--batch-size", String.valueOf(batchSize), "--json", json.toString());

        assertThat(run.status()).isZero();
        JsonNode expected = JSON.readTree(CliRun.referenceDir().resolve(reference).toFile());
        JsonNode actual = JSON.readTree(json.toFile());
        assertSameShapeAndNumbers(actual, expected, "$");
    }

    /** Same object keys (in any order), same array lengths, equal strings, numbers equal to 1e-9 relative. */
    private static void assertSameShapeAndNumbers(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(path + " is an object").isTrue();
            List<String> expectedKeys = new ArrayList<>();
            expected.fieldNames().forEachRemaining(expectedKeys::add);
            List<String> actualKeys = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualKeys::add);
            assertThat(actualKeys).as(path + " keys").containsExactlyInAnyOrderElementsOf(expectedKeys);
            for (String key : expectedKeys) {
                assertSameShapeAndNumbers(actual.get(key), expected.get(key), path + "." + key);
            }
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as(path + " is an array").isTrue();
            assertThat(actual.size()).as(path + " length").isEqualTo(expected.size());
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                assertSameShapeAndNumbers(a.next(), e, path + "[" + i++ + "]");
            }
        } else if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(path + " is a number").isTrue();
            if (expected.isIntegralNumber()) {
                assertThat(actual.isIntegralNumber()).as(path + " is a whole number").isTrue();
            }
            if (expected.doubleValue() == 0) {
                assertThat(actual.doubleValue()).as(path).isZero();
            } else {
                assertRelativelyClose(actual.doubleValue(), expected.doubleValue(), path);
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }

    @Test
    void withoutFilesItPrintsWhatTheNotebookPrints() {
        CliRun run = CliRun.of("train");

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        Pattern epochLine = Pattern.compile("Epoch (\\d+), Loss: (\\S+)");
        List<double[]> printed = new ArrayList<>();
        for (String line : run.outLines()) {
            Matcher m = epochLine.matcher(line);
            if (m.matches()) {
                printed.add(new double[] {Long.parseLong(m.group(1)), Double.parseDouble(m.group(2))});
            }
        }
        assertThat(printed).hasSameSizeAs(NOTEBOOK_PRINTED);
        for (int i = 0; i < NOTEBOOK_PRINTED.length; i++) {
            assertThat(printed.get(i)[0]).isEqualTo(NOTEBOOK_PRINTED[i][0]);
            assertRelativelyClose(printed.get(i)[1], NOTEBOOK_PRINTED[i][1], "epoch " + (long) printed.get(i)[0]);
        }
        assertThat(run.outLines().get(0)).isEqualTo("Epoch 1, Loss: 0.3239537158130419");

        // Then a table of the four inputs, their targets and the notebook's predictions.
        List<String> lines = run.outLines();
        int table = lines.indexOf("Predicted output after training:");
        assertThat(table).isPositive();
        assertThat(lines.get(table + 1).trim().split("\\s+")).containsExactly("x1", "x2", "target", "prediction");
        String[][] rows = {{"0", "0", "0"}, {"0", "1", "1"}, {"1", "0", "1"}, {"1", "1", "0"}};
        for (int i = 0; i < 4; i++) {
            assertThat(lines.get(table + 2 + i).trim().split("\\s+"))
                    .containsExactly(rows[i][0], rows[i][1], rows[i][2], NOTEBOOK_PREDICTIONS[i]);
        }
        assertThat(lines).hasSize(table + 6);
    }

    @Test
    void smallLossesPrintAsPythonPrintsThemAndCountsOutsideTheNotebooksLinesHaveSeparators() {
        // Learning rate 0.5 takes the loss below 1e-3; Java would print 6.975669832195507E-4.
        CliRun run = CliRun.of("train", "--learning-rate", "0.5", "--print-every", "2500");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).startsWith(
                "Epoch 1, Loss: 0.32559496376884084",
                "Epoch 2501, Loss: 0.0019053823095675731",
                "Epoch 5001, Loss: 0.0006975669832195507",
                "Epoch 7501, Loss: 0.00041964321769781283",
                // The notebook's own lines keep its "Epoch 7501"; XOR Lab's sentence below separates thousands.
                "Final loss (epoch 10,000): 0.0002983718377750613");
        assertThat(run.out()).doesNotContain("E-");

        Path csv = dir.resolve("loss.csv");
        CliRun files = CliRun.of("train", "--learning-rate", "0.5", "--epochs", "1234", "--csv", csv.toString());
        assertThat(files.outLines().get(0)).matches("Trained .* learning rate 0\\.5, .* for 1,234 epochs: final loss"
                + " 0\\.[0-9]+\\.");
        assertThat(files.outLines().get(1)).isEqualTo("Wrote the loss of 1,234 epochs to " + csv + ".");
    }

    @Test
    void printEverySetsTheSpacingOfProgressLines() {
        CliRun run = CliRun.of("train", "--epochs", "10000", "--print-every", "2500");
        List<String> epochs = run.outLines().stream().filter(l -> l.startsWith("Epoch ")).map(l -> l.split(",")[0])
                .toList();
        assertThat(epochs).containsExactly("Epoch 1", "Epoch 2501", "Epoch 5001", "Epoch 7501");
    }

    @Test
    void withFilesItPrintsOnlyAShortSummary() throws IOException {
        Path csv = dir.resolve("loss.csv");
        Path json = dir.resolve("run.json");
        CliRun run = CliRun.of("train", "--csv", csv.toString(), "--json", json.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(3);
        assertThat(run.out()).doesNotContain("Epoch 1,");
        double lastReference = CliRun.column(CliRun.referenceDir().resolve("xor-seed42-lr0.1-sgd.csv"), 1)[9_999];
        assertThat(run.outLines().get(0)).startsWith("Trained xor, 2 hidden units, seed 42, learning rate 0.1,"
                + " batch size 1 (SGD) for 10,000 epochs: final loss ");
        String printedLoss = run.outLines().get(0).replaceAll(".*final loss (\\S+)\\.$", "$1");
        assertRelativelyClose(Double.parseDouble(printedLoss), lastReference, "final loss");
        assertThat(run.outLines().get(1)).isEqualTo("Wrote the loss of 10,000 epochs to " + csv + ".");
        assertThat(run.outLines().get(2)).isEqualTo("Wrote the weights and predictions to " + json + ".");
        assertThat(CliRun.listing(dir)).containsExactly("loss.csv", "run.json");
    }

    @Test
    void everyOptionReachesTheRunAndTheJsonRecordsIt() throws IOException {
        Path csv = dir.resolve("loss.csv");
        Path json = dir.resolve("run.json");
        CliRun run = CliRun.of("train", "--dataset", "xnor", "--hidden", "3", "--seed", "4294967295",
                "--learning-rate", "0.25", "--batch-size", "2", "--epochs", "50",
                "--csv", csv.toString(), "--json", json.toString());

        assertThat(run.status()).isZero();
        TrainingConfig config = new TrainingConfig(Dataset.XNOR, 3, 4_294_967_295L, 0.25, 2);
        Trainer alone = new Trainer(config);
        List<Double> losses = new ArrayList<>();
        alone.runEpochs(50, (epoch, loss) -> losses.add(loss));

        double[] written = CliRun.column(csv, 1);
        assertThat(written).hasSize(50);
        for (int e = 0; e < 50; e++) {
            assertThat(written[e]).isEqualTo(losses.get(e));
        }
        JsonNode root = JSON.readTree(json.toFile());
        assertThat(root.get("config").toString()).isEqualTo("{\"seed\":4294967295,\"lr\":0.25,\"epochs\":50,"
                + "\"batch_size\":2,\"hidden\":3,\"dataset\":\"xnor\"}");
        assertThat(weights(root.get("initial"))).isEqualTo(Weights.initial(3, 4_294_967_295L).toString());
        assertThat(weights(root.get("final"))).isEqualTo(alone.weights().toString());
        assertThat(root.get("final").get("W1")).hasSize(3);
        assertThat(root.get("final").get("W1").get(0)).hasSize(2);
        assertThat(root.get("final").get("W2")).hasSize(1);
        assertThat(root.get("final").get("W2").get(0)).hasSize(3);
        for (int i = 0; i < 4; i++) {
            assertThat(root.get("predictions").get(i).doubleValue())
                    .isEqualTo(alone.weights().predict(Dataset.x0(i), Dataset.x1(i)));
        }
    }

    /** Weights.toString() of the weights in a JSON "initial" or "final" object. */
    private static String weights(JsonNode node) {
        StringBuilder w1 = new StringBuilder();
        StringBuilder b1 = new StringBuilder();
        StringBuilder w2 = new StringBuilder();
        for (JsonNode row : node.get("W1")) {
            w1.append(w1.length() == 0 ? "" : ", ").append(row.get(0).doubleValue()).append(", ")
                    .append(row.get(1).doubleValue());
        }
        for (JsonNode row : node.get("b1")) {
            b1.append(b1.length() == 0 ? "" : ", ").append(row.get(0).doubleValue());
        }
        for (JsonNode v : node.get("W2").get(0)) {
            w2.append(w2.length() == 0 ? "" : ", ").append(v.doubleValue());
        }
        return "W1=[" + w1 + "] b1=[" + b1 + "] W2=[" + w2 + "] b2=" + node.get("b2").get(0).get(0).doubleValue();
    }

    @Test
    void anExistingFileIsReplacedOnlyOnSuccessAndNoTemporaryFileStays() throws IOException {
        Path csv = dir.resolve("loss.csv");
        Files.writeString(csv, "old\n");

        CliRun bad = CliRun.of("train", "--epochs", "0", "--csv", csv.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(Files.readString(csv)).isEqualTo("old\n");

        CliRun good = CliRun.of("train", "--epochs", "3", "--csv", csv.toString());
        assertThat(good.status()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(4).startsWith("epoch,loss");
        assertThat(CliRun.listing(dir)).containsExactly("loss.csv");
    }
}
