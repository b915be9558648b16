package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train} and {@code compare} on the points of a file: {@code --data}, its split column, {@code --test},
 * {@code --features} and {@code --batch-size full}.
 *
 * <p>The expected numbers come from NumPy, written from SPEC's rules alone (not from this code):
 * <pre>
 * rows = [(-1.5,0.5,1,'train'),(2,-1,0,'train'),(0.25,0.75,1,'test'),(-0.5,-2,0,'train'),
 *         (1,1,1,'train'),(-2,1.5,0,'test'),(0.5,-0.5,1,'train'),(3,2,0,'train')]
 * features x1, x2, x1x2, sin1 as rows of X (4 x 6 training, 4 x 2 test); np.random.seed(42)
 * W1 = rand(3,4); b1 = rand(3,1); W2 = rand(1,3); b2 = rand(1,1)
 * 300 epochs of full-batch GD (k = 6), lr 2, sigmoid, mse: d2 = (yh-y) yh (1-yh), d1 = W2^T d2 v1 (1-v1),
 * gradients summed over the chunk / m; test loss mean((yt - yhat)^2) after each epoch with its final weights
 * epoch 1: loss 0.31181568110840546, test loss 0.24487906464558967
 * epoch 300: loss 0.013804329600660034, test loss 0.46463327689568323
 * final accuracy at 0.5: training 1.0, test 0.5 (test outputs 0.9408, 0.9622)
 * </pre>
 */
class DataOptionsTest {
    private static final String POINTS = """
            x1,x2,y,split
            -1.5,0.5,1,train
            2,-1,0,train
            0.25,0.75,1,test
            -0.5,-2,0,train
            1,1,1,train
            -2,1.5,0,test
            0.5,-0.5,1,train
            3,2,0,train
            """;
    private static final String[] NETWORK = {"--features", "x1,x2,x1x2,sin1", "--hidden", "3",
            "--learning-rate", "2", "--batch-size", "full", "--epochs", "300"};

    @TempDir
    Path dir;
    Path data;

    @BeforeEach
    void writeData() throws Exception {
        data = Files.writeString(dir.resolve("points.csv"), POINTS);
    }

    private CliRun train(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data.toString()));
        args.addAll(List.of(NETWORK));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theSplitColumnHoldsPointsOutAndTheirLossGoesToTheCsv() throws Exception {
        Path csv = dir.resolve("loss.csv");
        CliRun run = train("--csv", csv.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("epoch,loss,test_loss");
        assertThat(lines).hasSize(301);
        double[] loss = CliRun.column(csv, 1);
        double[] test = CliRun.column(csv, 2);
        CliRun.assertRelativelyClose(loss[0], 0.31181568110840546, "loss of epoch 1");
        CliRun.assertRelativelyClose(test[0], 0.24487906464558967, "test loss of epoch 1");
        CliRun.assertRelativelyClose(loss[299], 0.013804329600660034, "loss of epoch 300");
        CliRun.assertRelativelyClose(test[299], 0.46463327689568323, "test loss of epoch 300");
        assertThat(run.outLines()).containsExactly(
                "Trained points.csv (6 training and 2 test points), 3 hidden units, seed 42, learning rate 2, "
                        + "features x1,x2,x1x2,sin1, batch size 6 (full-batch GD) for 300 epochs: final loss "
                        + org.xorlab.text.NumberText.python(loss[299]) + ", test loss "
                        + org.xorlab.text.NumberText.python(test[299]) + ".",
                "Accuracy (threshold 0.5): 100 % of 6 training points, 50 % of 2 test points.",
                "Wrote the training and test loss of 300 epochs to " + csv + ".");
        assertThat(CliRun.listing(dir)).containsExactly("loss.csv", "points.csv");
        assertThat(Files.readString(data)).isEqualTo(POINTS);
    }

    @Test
    void theTextSaysTheLossesAndTheAccuracyInsteadOfATruthTable() {
        CliRun run = train();

        assertThat(run.status()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).startsWith("Epoch 1, Loss: 0.31181568");
        assertThat(lines).contains("Accuracy (threshold 0.5): 100 % of 6 training points, 50 % of 2 test points.");
        assertThat(lines.get(lines.size() - 3)).startsWith("Final loss (epoch 300): 0.0138043");
        assertThat(lines.get(lines.size() - 2)).startsWith("Test loss: 0.464633");
        assertThat(run.out()).doesNotContain("Predicted output");
    }

    @Test
    void theJsonHasTheDataTheFeaturesAndTheAccuracy() throws Exception {
        Path json = dir.resolve("run.json");
        CliRun run = train("--json", json.toString());

        assertThat(run.status()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode config = root.get("config");
        assertThat(config.has("dataset")).isFalse();
        assertThat(config.get("data").get("name").asText()).isEqualTo("points.csv");
        assertThat(config.get("data").get("points").asInt()).isEqualTo(6);
        assertThat(config.get("data").get("test_points").asInt()).isEqualTo(2);
        assertThat(config.get("batch_size").asInt()).isEqualTo(6);
        assertThat(config.get("features").toString()).isEqualTo("[\"x1\",\"x2\",\"x1x2\",\"sin1\"]");
        assertThat(root.get("accuracy").get("train").asDouble()).isEqualTo(1.0);
        assertThat(root.get("accuracy").get("test").asDouble()).isEqualTo(0.5);
        assertThat(root.get("predictions")).hasSize(6);
        assertThat(root.get("test_predictions")).hasSize(2);
        assertThat(root.get("test_predictions").get(0).asDouble()).isBetween(0.9407, 0.9409);
        assertThat(root.get("test_predictions").get(1).asDouble()).isBetween(0.9621, 0.9623);
        assertThat(root.get("final").get("W1")).hasSize(3);
        assertThat(root.get("final").get("W1").get(0)).hasSize(4);
    }

    @Test
    void aTestFileIsTheSameAsASplitColumn() throws Exception {
        StringBuilder train = new StringBuilder("x1,x2,y\n");
        StringBuilder test = new StringBuilder("x1,x2,y\n");
        for (String line : POINTS.lines().skip(1).toList()) {
            String point = line.substring(0, line.lastIndexOf(','));
            (line.endsWith("test") ? test : train).append(point).append('\n');
        }
        Path trainFile = Files.writeString(dir.resolve("train.csv"), train);
        Path testFile = Files.writeString(dir.resolve("test.csv"), test);
        Path split = dir.resolve("split.csv");
        Path separate = dir.resolve("separate.csv");
        train("--csv", split.toString());
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", trainFile.toString(),
                "--test", testFile.toString(), "--csv", separate.toString()));
        args.addAll(List.of(NETWORK));
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.status()).isZero();
        assertThat(Files.readAllLines(separate)).isEqualTo(Files.readAllLines(split));
    }

    @Test
    void withoutTestPointsTheCsvHasOnlyTheLoss() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.csv"), "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        Path csv = dir.resolve("loss.csv");
        Path reference = dir.resolve("xor.csv");
        CliRun run = CliRun.of("train", "--data", plain.toString(), "--epochs", "50", "--csv", csv.toString());
        CliRun.of("train", "--epochs", "50", "--csv", reference.toString());

        assertThat(run.status()).isZero();
        // The truth table's four rows as a file train exactly as the truth table does.
        assertThat(Files.readAllLines(csv)).isEqualTo(Files.readAllLines(reference));
        assertThat(run.outLines()).contains("Accuracy (threshold 0.5): 50 % of 4 training points.");
    }

    @Test
    void compareRacesFullBatchAndSgdOnTheDataWithTestColumns() throws Exception {
        Path csv = dir.resolve("race.csv");
        Path json = dir.resolve("race.json");
        CliRun run = CliRun.of("compare", "--data", data.toString(), "--features", "x1,x2,x1x2,sin1", "--hidden",
                "3", "--learning-rate", "2", "--epochs", "300", "--target-loss", "0.05", "--csv", csv.toString(),
                "--json", json.toString());

        assertThat(run.status()).isZero();
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("epoch,batch,sgd,batch_test_loss,sgd_test_loss");
        CliRun.assertRelativelyClose(CliRun.column(csv, 1)[299], 0.013804329600660034, "batch's loss");
        CliRun.assertRelativelyClose(CliRun.column(csv, 3)[299], 0.46463327689568323, "batch's test loss");
        assertThat(run.out()).contains("Compared points.csv (6 training and 2 test points), 3 hidden units",
                "Accuracy of batch (threshold 0.5): 100 % of 6 training points, 50 % of 2 test points.",
                "Accuracy of sgd (threshold 0.5): ");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("config").get("data").get("points").asInt()).isEqualTo(6);
        assertThat(root.get("runs").get(0).get("batch_size").asInt()).isEqualTo(6);
        assertThat(root.get("runs").get(0).get("accuracy").get("test").asDouble()).isEqualTo(0.5);
        assertThat(root.get("runs").get(1).get("name").asText()).isEqualTo("sgd");
    }

    @Test
    void featuresOnATruthTableWidenTheFirstLayer() throws Exception {
        Path json = dir.resolve("xor.json");
        CliRun run = CliRun.of("train", "--features", "x1,x2,x1x2", "--epochs", "10", "--json", json.toString());

        assertThat(run.status()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("config").get("dataset").asText()).isEqualTo("xor");
        assertThat(root.get("initial").get("W1").get(0)).hasSize(3);
        assertThat(root.get("predictions")).hasSize(4);
        assertThat(root.get("accuracy").get("test").isNull()).isTrue();
        assertThat(CliRun.of("train", "--features", "x1x2", "--epochs", "3").out())
                .contains("Predicted output after training:");
    }

    private void assertRefused(CliRun run, String message) throws Exception {
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(message);
        assertThat(Files.readString(data)).isEqualTo(POINTS);
    }

    @Test
    void badCombinationsAndValuesAreOneLine() throws Exception {
        Path test = Files.writeString(dir.resolve("test.csv"), "x1,x2,y\n0,0,1\n");
        assertRefused(CliRun.of("train", "--data", data.toString(), "--dataset", "and"),
                "xorlab train: --data and --dataset are alternatives: learn a truth table (--dataset) or the "
                        + "points of a file (--data)");
        assertRefused(CliRun.of("train", "--test", test.toString()),
                "xorlab train: --test needs --data: a truth table's four rows have no test set (give the training "
                        + "points with --data FILE)");
        assertRefused(CliRun.of("train", "--data", data.toString(), "--test", test.toString()),
                "xorlab train: --test cannot be used with '" + data + "', which has its own split column: drop "
                        + "--test or the file's split column");
        assertRefused(CliRun.of("train", "--data", data.toString(), "--batch-size", "7"),
                "xorlab train: --batch-size must be a whole number from 1 to 6 (the training points) or full "
                        + "(got '7')");
        assertRefused(CliRun.of("compare", "--data", data.toString(), "--batch-sizes", "full,0"),
                "xorlab compare: each value of --batch-sizes must be a whole number from 1 to 6 (the training "
                        + "points) or full (got '0')");
        assertRefused(CliRun.of("compare", "--data", data.toString(), "--batch-sizes", "full,6"),
                "xorlab compare: --batch-sizes must list different batch sizes (got 6 twice in '6,6')");
        assertRefused(CliRun.of("train", "--features", "x1,x3"),
                "xorlab train: --features must be a comma-separated list of x1, x2, x1sq, x2sq, x1x2, sin1, sin2, "
                        + "each at most once (got 'x1,x3')");
        assertRefused(CliRun.of("train", "--features", "x1,x1"),
                "xorlab train: --features must be a comma-separated list of x1, x2, x1sq, x2sq, x1x2, sin1, sin2, "
                        + "each at most once (got 'x1,x1')");
        Path missing = dir.resolve("missing.csv");
        CliRun none = CliRun.of("train", "--data", missing.toString());
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.errLines()).hasSize(1);
        assertThat(none.err()).startsWith("xorlab train: --data '" + missing + "' is refused: ");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "x1,x2,y\n0,0,0\n0,x,1\n");
        assertRefused(CliRun.of("train", "--data", bad.toString()), "xorlab train: --data '" + bad
                + "' is refused: line 3: x2 must be a number such as 0.25 or -1.5e-3 (got 'x')");
        assertThat(CliRun.listing(dir)).containsExactly("bad.csv", "points.csv", "test.csv");
    }

    @Test
    void moreThanAThousandPointsTogetherAreRefused() throws Exception {
        StringBuilder many = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 600; i++) {
            many.append(i % 7).append(',').append(i % 5).append(",1\n");
        }
        Path a = Files.writeString(dir.resolve("a.csv"), many);
        Path b = Files.writeString(dir.resolve("b.csv"), many);
        assertRefused(CliRun.of("train", "--data", a.toString(), "--test", b.toString()),
                "xorlab train: --data and --test hold 1,200 points together; a run learns from at most 1,000");
    }
}
