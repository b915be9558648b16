package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.xorlab.cli.CliRun.assertRelativelyClose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static double[] sgdReference;
    private static double[] batchReference;

    @TempDir
    Path dir;

    @BeforeAll
    static void readReferences() throws IOException {
        sgdReference = CliRun.column(CliRun.referenceDir().resolve("xor-seed42-lr0.1-sgd.csv"), 1);
        batchReference = CliRun.column(CliRun.referenceDir().resolve("xor-seed42-lr0.1-batch.csv"), 1);
    }

    @Test
    void theDefaultsAnswerTheNotebooksQuestion() throws IOException {
        Path csv = dir.resolve("loss.csv");
        Path json = dir.resolve("summary.json");
        Path png = dir.resolve("loss.png");
        CliRun run = CliRun.of("compare", "--csv", csv.toString(), "--json", json.toString(), "--png", png.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.outLines();
        assertThat(lines.get(0)).isEqualTo("Compared xor, 2 hidden units, seed 42, learning rate 0.1, 10000 epochs,"
                + " all from the same initial weights:");
        assertThat(lines.get(1).trim().split("\\s{2,}")).containsExactly("run", "batch size",
                "epochs to loss < 0.01", "updates to loss < 0.01", "final loss");
        String[] batch = lines.get(2).trim().split("\\s+");
        String[] sgd = lines.get(3).trim().split("\\s+");
        assertThat(batch).startsWith("batch", "4", "never", "never");
        assertThat(sgd).startsWith("sgd", "1", "5717", "22868");
        assertThat(Double.parseDouble(batch[4])).isCloseTo(batchReference[9_999], offset(1e-6));
        assertThat(Double.parseDouble(sgd[4])).isCloseTo(sgdReference[9_999], offset(1e-8));
        assertThat(lines.get(4)).isEqualTo("sgd reached a loss below 0.01 first, both by epochs (epoch 5717) and"
                + " by weight updates (update 22868); batch never did in 10000 epochs.");

        // CSV: both runs, every epoch, as the reference files.
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("epoch,batch,sgd");
        assertThat(Files.readAllLines(csv)).hasSize(10_001);
        double[] batchLoss = CliRun.column(csv, 1);
        double[] sgdLoss = CliRun.column(csv, 2);
        for (int e = 0; e < 10_000; e++) {
            assertRelativelyClose(batchLoss[e], batchReference[e], "batch epoch " + (e + 1));
            assertRelativelyClose(sgdLoss[e], sgdReference[e], "sgd epoch " + (e + 1));
        }

        // JSON: the target and each run's numbers; null where the target was never reached.
        JsonNode root = JSON.readTree(json.toFile());
        assertThat(fieldNames(root)).containsExactly("target_loss", "runs");
        assertThat(root.get("target_loss").doubleValue()).isEqualTo(0.01);
        JsonNode runs = root.get("runs");
        assertThat(runs).hasSize(2);
        for (JsonNode r : runs) {
            assertThat(fieldNames(r)).containsExactly("name", "batch_size", "epochs_to_target", "updates_to_target",
                    "final_loss");
        }
        assertThat(runs.get(0).get("name").asText()).isEqualTo("batch");
        assertThat(runs.get(0).get("batch_size").intValue()).isEqualTo(4);
        assertThat(runs.get(0).get("epochs_to_target").isNull()).isTrue();
        assertThat(runs.get(0).get("updates_to_target").isNull()).isTrue();
        assertRelativelyClose(runs.get(0).get("final_loss").doubleValue(), batchReference[9_999], "batch final");
        assertThat(runs.get(1).get("name").asText()).isEqualTo("sgd");
        assertThat(runs.get(1).get("batch_size").intValue()).isEqualTo(1);
        assertThat(runs.get(1).get("epochs_to_target").longValue()).isEqualTo(5717);
        assertThat(runs.get(1).get("updates_to_target").longValue()).isEqualTo(22868);
        assertRelativelyClose(runs.get(1).get("final_loss").doubleValue(), sgdReference[9_999], "sgd final");

        // PNG: a 1200 x 700 image on white with both curves' colours in it.
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(700);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(countPixels(image, 0x0072B2)).as("blue batch curve").isGreaterThan(500);
        assertThat(countPixels(image, 0xD55E00)).as("orange sgd curve").isGreaterThan(500);

        assertThat(lines.subList(5, lines.size())).containsExactly("Wrote the loss per epoch to " + csv + ".",
                "Wrote the summary to " + json + ".", "Drew the loss curves to " + png + ".");
        assertThat(CliRun.listing(dir)).containsExactly("loss.csv", "loss.png", "summary.json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void anyBatchSizesCanBeComparedCommaSeparatedOrRepeated() throws IOException {
        Path commas = dir.resolve("commas.csv");
        Path repeated = dir.resolve("repeated.csv");
        CliRun a = CliRun.of("compare", "--epochs", "20", "--batch-sizes", "1,2,3,4", "--csv", commas.toString());
        CliRun b = CliRun.of("compare", "--epochs", "20", "--batch-sizes", "1", "--batch-sizes", "2",
                "--batch-sizes", "3,4", "--csv", repeated.toString());

        assertThat(a.status()).isZero();
        assertThat(b.status()).isZero();
        assertThat(Files.readAllLines(commas).get(0)).isEqualTo("epoch,sgd,minibatch2,minibatch3,batch");
        assertThat(Files.readAllLines(repeated)).isEqualTo(Files.readAllLines(commas));
        assertThat(a.out()).contains("No run reached a loss below 0.01 in 20 epochs.");
    }

    @Test
    void theTargetLossAndOtherSettingsAreUsed() {
        CliRun run = CliRun.of("compare", "--target-loss", "0.2", "--epochs", "3000", "--learning-rate", "0.1");
        assertThat(run.status()).isZero();
        // Read off the reference curves: the first epoch each got below 0.2.
        long sgdFirst = firstBelow(sgdReference, 0.2);
        long batchFirst = firstBelow(batchReference, 0.2);
        assertThat(sgdFirst).isPositive().isLessThanOrEqualTo(3000);
        String sgdRow = run.outLines().stream().filter(l -> l.trim().startsWith("sgd ")).findFirst().orElseThrow();
        assertThat(sgdRow.trim().split("\\s+")).startsWith("sgd", "1", String.valueOf(sgdFirst),
                String.valueOf(sgdFirst * 4));
        String batchRow = run.outLines().stream().filter(l -> l.trim().startsWith("batch ")).findFirst().orElseThrow();
        assertThat(batchRow.trim().split("\\s+")[2]).isEqualTo(batchFirst == 0 || batchFirst > 3000 ? "never"
                : String.valueOf(batchFirst));
    }

    private static long firstBelow(double[] losses, double target) {
        for (int i = 0; i < losses.length; i++) {
            if (losses[i] < target) {
                return i + 1;
            }
        }
        return 0;
    }
}
