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
        assertThat(lines.get(0)).isEqualTo("Compared xor, 2 hidden units, seed 42, learning rate 0.1, 10,000 epochs"
                + " each, all from the same initial weights:");
        assertThat(lines.get(1).trim().split("\\s{2,}")).containsExactly("batch", "epochs to", "updates to",
                "samples to", "final", "time");
        assertThat(lines.get(2).trim().split("\\s{2,}")).containsExactly("run", "size", "loss < 0.01",
                "loss < 0.01", "loss < 0.01", "loss");
        String[] batch = lines.get(3).trim().split("\\s+");
        String[] sgd = lines.get(4).trim().split("\\s+");
        assertThat(batch).startsWith("batch", "4", "never", "never", "never");
        assertThat(sgd).startsWith("sgd", "1", "5,717", "22,868", "22,868");
        assertThat(Double.parseDouble(batch[5])).isCloseTo(batchReference[9_999], offset(1e-6));
        assertThat(Double.parseDouble(sgd[5])).isCloseTo(sgdReference[9_999], offset(1e-8));
        // SGD's 22,868 updates against batch GD's 10,000 without reaching the target: nothing measured per update.
        assertThat(lines.get(5)).startsWith("By epochs and by samples seen, sgd got below 0.01 first (epoch 5,717;"
                + " 22,868 samples). By weight updates it is undecided: batch made only 10,000 weight updates");
        assertThat(lines.get(6)).isEqualTo("(Training time depends on this machine and never decides the verdict.)");

        // CSV: both runs, every epoch, as the reference files.
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("epoch,batch,sgd");
        assertThat(Files.readAllLines(csv)).hasSize(10_001);
        double[] batchLoss = CliRun.column(csv, 1);
        double[] sgdLoss = CliRun.column(csv, 2);
        for (int e = 0; e < 10_000; e++) {
            assertRelativelyClose(batchLoss[e], batchReference[e], "batch epoch " + (e + 1));
            assertRelativelyClose(sgdLoss[e], sgdReference[e], "sgd epoch " + (e + 1));
        }

        // JSON: the settings, each run's numbers (null where the target was never reached) and the verdict.
        JsonNode root = JSON.readTree(json.toFile());
        assertThat(fieldNames(root)).containsExactly("config", "runs", "verdict");
        JsonNode config = root.get("config");
        assertThat(fieldNames(config)).containsExactly("dataset", "hidden", "seed", "target_loss", "budget");
        assertThat(config.get("target_loss").doubleValue()).isEqualTo(0.01);
        assertThat(config.get("budget").get("measure").asText()).isEqualTo("epochs");
        assertThat(config.get("budget").get("amount").asLong()).isEqualTo(10_000);
        JsonNode runs = root.get("runs");
        assertThat(runs).hasSize(2);
        for (JsonNode r : runs) {
            assertThat(fieldNames(r)).containsExactly("name", "batch_size", "learning_rate", "epochs", "updates",
                    "samples", "epochs_to_target", "updates_to_target", "samples_to_target", "final_loss",
                    "seconds");
        }
        assertThat(runs.get(0).get("updates").longValue()).isEqualTo(10_000);
        assertThat(runs.get(1).get("updates").longValue()).isEqualTo(40_000);
        assertThat(runs.get(1).get("samples_to_target").longValue()).isEqualTo(22_868);
        JsonNode verdict = root.get("verdict");
        assertThat(verdict.get("epochs").asText()).isEqualTo("sgd");
        assertThat(verdict.get("updates").asText()).isEqualTo("undecided");
        assertThat(verdict.get("samples").asText()).isEqualTo("sgd");
        assertThat(verdict.get("sentence").asText()).isEqualTo(lines.get(5));
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

        assertThat(lines.subList(7, lines.size())).containsExactly("Wrote the loss per epoch to " + csv + ".",
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
        assertThat(a.out()).contains("No run got below 0.01 in 20 epochs.");
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
        assertThat(sgdRow.trim().split("\\s+")).startsWith("sgd", "1", String.format("%,d", sgdFirst),
                String.format("%,d", sgdFirst * 4), String.format("%,d", sgdFirst * 4));
        String batchRow = run.outLines().stream().filter(l -> l.matches("\\s*batch +4 .*")).findFirst().orElseThrow();
        assertThat(batchRow.trim().split("\\s+")[2]).isEqualTo(batchFirst == 0 || batchFirst > 3000 ? "never"
                : String.format("%,d", batchFirst));
    }

    @Test
    void anEqualBudgetOfUpdatesTrainsEachRunUntilItHasMadeThatMany() throws IOException {
        Path json = dir.resolve("race.json");
        CliRun run = CliRun.of("compare", "--updates", "30000", "--json", json.toString());
        assertThat(run.status()).isZero();
        assertThat(run.outLines().get(0)).contains("30,000 weight updates each");
        JsonNode root = JSON.readTree(json.toFile());
        assertThat(root.get("config").get("budget").get("measure").asText()).isEqualTo("updates");
        JsonNode batch = root.get("runs").get(0);
        JsonNode sgd = root.get("runs").get(1);
        assertThat(batch.get("epochs").longValue()).isEqualTo(30_000);
        assertThat(sgd.get("epochs").longValue()).isEqualTo(7_500);
        assertThat(batch.get("updates").longValue()).isEqualTo(sgd.get("updates").longValue()).isEqualTo(30_000);
        // Batch GD gets there at update 23,054, SGD at 22,868: within 5 %, a tie per update.
        assertThat(batch.get("updates_to_target").longValue()).isEqualTo(firstBelow(batchReferenceLonger(), 0.01));
        assertThat(root.get("verdict").get("updates").asText()).isEqualTo("tie");
        assertThat(root.get("verdict").get("epochs").asText()).isEqualTo("sgd");
    }

    @Test
    void budgetsAreAlternativesAndRatesMustMatchTheRuns() {
        CliRun both = CliRun.of("compare", "--epochs", "100", "--updates", "100");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("xorlab compare: --epochs and --updates are alternatives: give one of"
                + " --epochs, --updates or --samples");
        CliRun rates = CliRun.of("compare", "--learning-rates", "0.1");
        assertThat(rates.status()).isEqualTo(2);
        assertThat(rates.err()).contains("--learning-rates must give one rate per batch size");
        CliRun zero = CliRun.of("compare", "--samples", "0");
        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("--samples").contains("1 to 400000000");
    }

    @Test
    void differentLearningRatesAreNamedInTheVerdict() {
        CliRun run = CliRun.of("compare", "--learning-rates", "0.4,0.1");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("The runs differ in learning rate as well as batch size (batch 0.4, sgd 0.1)");
    }

    /** Batch GD's loss per epoch for 30,000 epochs, from the engine that matches the reference to 1e-9. */
    private static double[] batchReferenceLonger() {
        org.xorlab.engine.Trainer t = new org.xorlab.engine.Trainer(
                org.xorlab.engine.TrainingConfig.NOTEBOOK.withBatchSize(4));
        double[] losses = new double[30_000];
        t.runEpochs(30_000, (e, loss) -> losses[(int) e - 1] = loss);
        return losses;
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
