package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Weights;
import org.xorlab.files.Fifos;

/** {@code xorlab landscape}: the files it writes, what it prints, the input it refuses and the files it never replaces. */
class LandscapeCommandTest {
    private static final String OUTPUT_WEIGHTS = "w:W2[0,0],W2[0,1]";

    @TempDir
    Path dir;

    @Test
    void theGridHasAHeaderAndNSquaredRowsWithBSlowest() throws Exception {
        Path csv = dir.resolve("grid.csv");
        CliRun run = CliRun.of("landscape", "--epochs", "200", "--grid", "7", "--csv", csv.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("a,b,loss");
        assertThat(lines).hasSize(1 + 7 * 7);
        double[][] rows = rows(lines);
        for (int r = 0; r < 7; r++) {
            for (int c = 0; c < 7; c++) {
                double[] row = rows[r * 7 + c];
                assertThat(row[1]).as("b of row %d", r).isEqualTo(rows[r * 7][1]);
                assertThat(row[0]).as("a of column %d", c).isEqualTo(rows[c][0]);
                assertThat(row[2]).isPositive().isFinite();
            }
            if (r > 0) {
                assertThat(rows[r * 7][1]).isGreaterThan(rows[(r - 1) * 7][1]);
                assertThat(rows[r][0]).isGreaterThan(rows[r - 1][0]);
            }
        }
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.outLines().get(0)).isEqualTo("Trained xor, 2 hidden units, seed 42, learning rate 0.1, batch "
                + "size 1 (SGD), 200 epochs: final loss " + org.xorlab.text.NumberText.python(
                        trainedFinalLoss(200)) + ".");
        assertThat(run.outLines().get(1)).startsWith("Plane pca: Plane of the paths' top two principal directions");
        assertThat(run.outLines().get(2)).startsWith("Window: a: 1st principal direction from ")
                .contains("; 7 x 7 grid, loss from ");
        assertThat(run.outLines().get(3)).isEqualTo("Wrote the loss at 49 grid points to " + csv + ".");
    }

    /**
     * On the notebook's output-weights plane, a and b are W2's two values on the grid, and the loss at the grid
     * point nearest the trained weights is the loss of {@code xorlab train}'s final weights with W2 set there,
     * computed here with {@link Weights#loss}; it is close to the trained weights' own loss.
     */
    @Test
    void theOutputWeightsPlaneVariesW2AndKeepsTheRestOfTrainsFinalWeights() throws Exception {
        Path csv = dir.resolve("w2.csv");
        Path json = dir.resolve("train.json");
        Path path = dir.resolve("path.csv");
        CliRun landscape = CliRun.of("landscape", "--epochs", "2000", "--plane", OUTPUT_WEIGHTS, "--grid", "61",
                "--csv", csv.toString(), "--trajectory", path.toString());
        CliRun train = CliRun.of("train", "--epochs", "2000", "--json", json.toString());
        assertThat(landscape.status()).as(landscape.err()).isZero();
        assertThat(train.status()).isZero();

        Weights trained = finalWeights(json);
        double[][] rows = rows(Files.readAllLines(csv));
        assertThat(rows).hasNumberOfRows(61 * 61);
        TreeSet<Double> as = new TreeSet<>();
        TreeSet<Double> bs = new TreeSet<>();
        double[] nearest = null;
        for (double[] row : rows) {
            as.add(row[0]);
            bs.add(row[1]);
            if (nearest == null || Math.hypot(row[0] - trained.w2(0), row[1] - trained.w2(1))
                    < Math.hypot(nearest[0] - trained.w2(0), nearest[1] - trained.w2(1))) {
                nearest = row;
            }
        }
        assertThat(as).hasSize(61);
        assertThat(bs).hasSize(61);
        double cellA = (as.last() - as.first()) / 60;
        double cellB = (bs.last() - bs.first()) / 60;
        assertThat(Math.abs(nearest[0] - trained.w2(0))).isLessThanOrEqualTo(cellA / 2 + 1e-12);
        assertThat(Math.abs(nearest[1] - trained.w2(1))).isLessThanOrEqualTo(cellB / 2 + 1e-12);
        // The trained W2 lies inside the window, with a margin.
        assertThat(trained.w2(0)).isBetween(as.first() + cellA, as.last() - cellA);
        assertThat(trained.w2(1)).isBetween(bs.first() + cellB, bs.last() - cellB);

        Samples xor = Samples.of(Dataset.XOR);
        Weights there = withW2(trained, nearest[0], nearest[1]);
        assertThat(nearest[2]).as("loss at the nearest grid point").isEqualTo(there.loss(xor, TrainingOptions.NOTEBOOK));
        double own = trained.loss(xor, TrainingOptions.NOTEBOOK);
        assertThat(Math.abs(nearest[2] - own)).as("against the trained weights' loss " + own)
                .isLessThan(0.05 * own);
        // The path ends at train's final weights exactly: their W2 and their loss, to the bit.
        List<String> trajectory = Files.readAllLines(path);
        assertThat(trajectory.get(trajectory.size() - 1)).isEqualTo("2000," + org.xorlab.text.NumberText.python(
                trained.w2(0)) + "," + org.xorlab.text.NumberText.python(trained.w2(1)) + ","
                + org.xorlab.text.NumberText.python(own));
    }

    @Test
    void theTrajectoryStartsAtEpochZeroAtTheInitialWeightsAndEndsAtTheLast() throws Exception {
        Path path = dir.resolve("path.csv");
        CliRun run = CliRun.of("landscape", "--epochs", "30", "--plane", OUTPUT_WEIGHTS, "--grid", "5",
                "--trajectory", path.toString());

        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(path);
        assertThat(lines.get(0)).isEqualTo("epoch,a,b,loss");
        assertThat(lines).hasSize(1 + 31);
        // SPEC.md's seed-42 weights: W2 = [0.05808361216819946, 0.8661761457749352]; their loss over the four
        // samples is batch GD's first epoch's (0.3237286194396077, README).
        Weights initial = Weights.initial(2, 42);
        double initialLoss = initial.loss(Samples.of(Dataset.XOR), TrainingOptions.NOTEBOOK);
        assertThat(lines.get(1)).isEqualTo("0,0.05808361216819946,0.8661761457749352,"
                + org.xorlab.text.NumberText.python(initialLoss));
        assertThat(initialLoss).isEqualTo(0.3237286194396077);
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i)).startsWith((i - 1) + ",");
        }
        assertThat(run.outLines()).contains("Wrote the path (31 epochs) to " + path + ".");
    }

    @Test
    void aLongRunKeepsAtMost4001EpochsEvenlySpacedWithTheFirstAndLast() throws Exception {
        Path path = dir.resolve("path.csv");
        CliRun run = CliRun.of("landscape", "--epochs", "10000", "--grid", "2", "--trajectory", path.toString());

        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(path);
        List<Long> epochs = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            epochs.add(Long.parseLong(line.substring(0, line.indexOf(','))));
        }
        assertThat(epochs).hasSizeLessThanOrEqualTo(4001).startsWith(0L, 3L, 6L).endsWith(9999L, 10000L);
    }

    @Test
    void thePngIsAnImageOfTheAdvertisedSize() throws Exception {
        for (String plane : List.of(OUTPUT_WEIGHTS, "start-end", "pca")) {
            Path png = dir.resolve(plane.replaceAll("[^a-z0-9]", "_") + ".png");
            CliRun run = CliRun.of("landscape", "--epochs", "300", "--plane", plane, "--grid", "20", "--png",
                    png.toString());
            assertThat(run.status()).as(run.err()).isZero();
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(plane).isNotNull();
            assertThat(image.getWidth()).isEqualTo(LandscapePng.WIDTH);
            assertThat(image.getHeight()).isEqualTo(LandscapePng.HEIGHT);
            assertThat(run.outLines()).last().isEqualTo("Drew the landscape to " + png + ".");
        }
    }

    /** A dash sends the grid to standard output, and the summary to standard error. */
    @Test
    void aDashSendsTheGridToStandardOutput() {
        CliRun run = CliRun.of("landscape", "--epochs", "20", "--grid", "3", "--csv", "-");
        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(10).first().isEqualTo("a,b,loss");
        assertThat(run.errLines()).last().isEqualTo("Wrote the loss at 9 grid points to standard output.");
    }

    static Stream<Arguments> badInput() {
        String names = "W1[0,0], W1[0,1], W1[1,0], W1[1,1], b1[0,0], b1[1,0], W2[0,0], W2[0,1], b2[0,0]";
        return Stream.of(
                Arguments.of(List.of("--plane", "diagonal"), "xorlab landscape: --plane must be 'w:P,Q' with two "
                        + "parameters named as NumPy indexes them (for example w:W2[0,0],W2[0,1] or w:W1[1,0],b1[0,0]),"
                        + " 'start-end' or 'pca' (got 'diagonal')"),
                Arguments.of(List.of("--plane", "w:W2[0,0],W2[0,0]"), "xorlab landscape: --plane must be 'w:P,Q' with"
                        + " two parameters named as NumPy indexes them (for example w:W2[0,0],W2[0,1] or "
                        + "w:W1[1,0],b1[0,0]), 'start-end' or 'pca' (got 'w:W2[0,0],W2[0,0]')"),
                Arguments.of(List.of("--plane", "w:W3[0,0],W2[0,1]"), "xorlab landscape: --plane w:W3[0,0],W2[0,1]: "
                        + "this network (2-2-1) has no parameter W3[0,0]; it has " + names),
                Arguments.of(List.of("--plane", "w:W2[0,2],W2[0,1]"), "xorlab landscape: --plane w:W2[0,2],W2[0,1]: "
                        + "this network (2-2-1) has no parameter W2[0,2]; it has " + names),
                Arguments.of(List.of("--grid", "1"), "xorlab landscape: --grid must be a whole number from 2 to 1000 "
                        + "(got '1')"),
                Arguments.of(List.of("--grid", "1001"), "xorlab landscape: --grid must be a whole number from 2 to "
                        + "1000 (got '1001')"),
                Arguments.of(List.of("--grid", "ten"), "xorlab landscape: --grid must be a whole number from 2 to 1000"
                        + " (got 'ten')"),
                Arguments.of(List.of("--batch-size", "5"), "xorlab landscape: --batch-size must be a whole number "
                        + "from 1 to 4 (got '5')"),
                Arguments.of(List.of("--hidden", "9"), "xorlab landscape: --hidden must be a whole number from 1 to 8 "
                        + "(got '9')"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputIsOneLineWithStatus2AndWritesNothing(List<String> options, String message) throws Exception {
        Path existing = Files.writeString(dir.resolve("grid.csv"), "old");
        List<String> args = new ArrayList<>(List.of("landscape", "--epochs", "5", "--csv", existing.toString(),
                "--png", dir.resolve("land.png").toString()));
        args.addAll(options);
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(message);
        assertThat(Files.readString(existing)).isEqualTo("old");
        assertThat(CliRun.listing(dir)).containsExactly("grid.csv");
    }

    @Test
    void anUnwritablePlaceIsOneLineWithStatus2() throws Exception {
        Path missing = dir.resolve("no-such-folder").resolve("land.png");
        CliRun run = CliRun.of("landscape", "--epochs", "5", "--png", missing.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("xorlab landscape: --png must be in an existing directory; '"
                + missing.getParent() + "' does not exist (got '" + missing + "')");
        CliRun twice = CliRun.of("landscape", "--epochs", "5", "--csv", dir.resolve("a.csv").toString(),
                "--trajectory", dir.resolve("a.csv").toString());
        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.errLines()).containsExactly("xorlab landscape: --trajectory must name a different file from "
                + "--csv (both '" + dir.resolve("a.csv") + "')");
        assertThat(CliRun.listing(dir)).isEmpty();
    }

    /** A run that diverges (linear units with cross-entropy at rate 2, epoch 212) draws nothing: status 3, one line. */
    @Test
    void aDivergedRunIsOneLineWithStatus3AndWritesNothing() throws Exception {
        Path existing = Files.writeString(dir.resolve("grid.csv"), "old");
        CliRun run = CliRun.of("landscape", "--activation", "linear", "--loss", "cross-entropy", "--learning-rate",
                "2", "--epochs", "1000", "--csv", existing.toString(), "--png", dir.resolve("land.png").toString());

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("xorlab landscape: Training diverged at epoch 212 (update 846): a "
                + "weight or the loss became infinite or NaN with learning rate 2. The last finite weights are kept; "
                + "try a smaller learning rate. No landscape was drawn (no output file was changed).");
        assertThat(Files.readString(existing)).isEqualTo("old");
        assertThat(CliRun.listing(dir)).containsExactly("grid.csv");
    }

    @Test
    void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
        Path fifo = Fifos.make(dir.resolve("grid.fifo"));
        Future<byte[]> read = Fifos.drain(fifo);

        CliRun run = Fifos.within(() -> CliRun.of("landscape", "--epochs", "20", "--grid", "4", "--csv",
                fifo.toString()));

        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = new String(Fifos.await(read), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(17).first().isEqualTo("a,b,loss");
        assertThat(Fifos.isFifo(fifo)).isTrue();
        assertThat(CliRun.listing(dir)).containsExactly("grid.fifo");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("run-42.png"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.png"), target.getFileName());

        CliRun run = CliRun.of("landscape", "--epochs", "20", "--grid", "4", "--png", link.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target.getFileName());
        assertThat(ImageIO.read(target.toFile()).getWidth()).isEqualTo(LandscapePng.WIDTH);
        assertThat(CliRun.listing(dir)).containsExactly("latest.png", "run-42.png");
    }

    /** The options are train's own: the help lists them, with --batch-size as train has it. */
    @Test
    void theHelpListsTrainsOptionsAndTheLandscapesOwn() {
        CliRun run = CliRun.of("landscape", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: xorlab landscape").contains("--batch-size=K", "--hidden",
                "--activation", "--optimizer", "--data", "--features", "--plane=SPEC", "--grid=N", "--csv=FILE",
                "--trajectory=FILE", "--png=FILE");
    }

    /** The README's example prints what the README shows, and its files start as the README shows them. */
    @Test
    void theReadmesExamplePrintsWhatTheReadmeShows() throws Exception {
        // The project's folder is four above src/test/resources/reference (the tests run in a scratch folder).
        List<String> readme = Files.readAllLines(CliRun.referenceDir().resolve("../../../../README.md").normalize());
        int at = -1;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith("$ xorlab landscape ")) {
                at = i;
            }
        }
        assertThat(at).as("the README's landscape example").isNotNegative();
        List<String> args = new ArrayList<>();
        for (String arg : readme.get(at).substring("$ xorlab ".length()).split(" ")) {
            String plain = arg.replace("'", "");
            // Its files are written into this test's folder.
            args.add(plain.endsWith(".csv") || plain.endsWith(".png") ? dir.resolve(plain).toString() : plain);
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        List<String> shown = new ArrayList<>();
        for (int i = at + 1; !readme.get(i).startsWith("$ "); i++) {
            shown.add(readme.get(i).replaceAll("to ([a-z]+\\.(csv|png))\\.$", "to " + dir + "/$1."));
        }
        assertThat(run.outLines()).containsExactlyElementsOf(shown);
        int head = at + 1 + shown.size();
        assertThat(readme.get(head)).isEqualTo("$ head -2 grid.csv; head -2 path.csv");
        assertThat(Files.readAllLines(dir.resolve("grid.csv")).subList(0, 2))
                .containsExactly(readme.get(head + 1), readme.get(head + 2));
        assertThat(Files.readAllLines(dir.resolve("path.csv")).subList(0, 2))
                .containsExactly(readme.get(head + 3), readme.get(head + 4));
        // What the README says of the last row: the final weights' loss, not the epoch's reported loss.
        List<String> path = Files.readAllLines(dir.resolve("path.csv"));
        assertThat(path.get(path.size() - 1)).startsWith("10000,").endsWith(",0.0026986894631863493");
        assertThat(String.join("\n", readme)).contains("the last row's 0.0026986894631863493 against the "
                + "0.00270126406202041 the summary prints");
    }

    private static double trainedFinalLoss(long epochs) {
        org.xorlab.engine.Trainer trainer = new org.xorlab.engine.Trainer(
                org.xorlab.engine.TrainingConfig.NOTEBOOK);
        trainer.runEpochs(epochs, null);
        return trainer.loss();
    }

    private static double[][] rows(List<String> lines) {
        double[][] rows = new double[lines.size() - 1][];
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            rows[i - 1] = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                rows[i - 1][c] = Double.parseDouble(cells[c]);
            }
        }
        return rows;
    }

    private static Weights finalWeights(Path json) throws Exception {
        JsonNode f = new ObjectMapper().readTree(json.toFile()).get("final");
        return Weights.of(matrix(f.get("W1")), matrix(f.get("b1")), matrix(f.get("W2")), matrix(f.get("b2")));
    }

    private static Weights withW2(Weights w, double first, double second) {
        return Weights.of(w.w1(), w.b1(), new Array2DRowRealMatrix(new double[][] {{first, second}}), w.b2Matrix());
    }

    private static RealMatrix matrix(JsonNode rows) {
        double[][] data = new double[rows.size()][];
        for (int r = 0; r < data.length; r++) {
            data[r] = new double[rows.get(r).size()];
            for (int c = 0; c < data[r].length; c++) {
                data[r][c] = rows.get(r).get(c).doubleValue();
            }
        }
        return new Array2DRowRealMatrix(data, false);
    }
}
