package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.Weights;
import org.xorlab.files.Fifos;
import org.xorlab.text.NumberText;

/**
 * {@code xorlab script} (issue 15): the exported NumPy script, run by python3, writes every epoch's loss equal to
 * {@code xorlab train --csv}'s to 1e-9 relative, for the notebook and other configurations, and prints what the
 * notebook prints. python3 and NumPy are required: without them these tests fail (CI installs both, .ci/run).
 */
class ScriptCommandTest {
    /** Longest one script may run: the notebook's 10,000 epochs take about a second. */
    private static final long PYTHON_SECONDS = 120;

    @TempDir
    Path dir;

    @BeforeAll
    static void python3WithNumpyIsInstalled() throws Exception {
        Process check;
        try {
            check = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("python3 is not installed, and the exported scripts' tests need it with NumPy (Debian: apt-get "
                    + "install python3 python3-numpy; .ci/run installs both): " + e.getMessage());
            return;
        }
        if (!check.waitFor(PYTHON_SECONDS, TimeUnit.SECONDS)) {
            check.destroyForcibly();
            fail("python3 -c 'import numpy' did not finish within " + PYTHON_SECONDS + " s");
        }
        String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (check.exitValue() != 0) {
            fail("NumPy is not installed for python3, and the exported scripts' tests need it (Debian: apt-get "
                    + "install python3-numpy; .ci/run installs it): " + said.strip());
        }
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("the notebook", List.of()),
                Arguments.of("batch GD", List.of("--batch-size", "4", "--epochs", "500")),
                Arguments.of("4,4 tanh adam cross-entropy l2 shuffle",
                        List.of("--hidden", "4,4", "--activation", "tanh", "--optimizer", "adam", "--loss",
                                "cross-entropy", "--regularization", "l2", "--reg-rate", "0.01", "--order", "shuffle",
                                "--learning-rate", "0.05", "--epochs", "300")),
                Arguments.of("3,3 relu he nesterov l1 on and, k=3",
                        List.of("--hidden", "3,3", "--activation", "relu", "--init", "he", "--optimizer", "nesterov",
                                "--momentum", "0.8", "--regularization", "l1", "--reg-rate", "0.001", "--dataset",
                                "and", "--batch-size", "3", "--epochs", "300")),
                Arguments.of("linear rmsprop xavier, features on xnor",
                        List.of("--activation", "linear", "--optimizer", "rmsprop", "--rho", "0.95", "--epsilon",
                                "1e-4", "--init", "xavier", "--features", "x1,x2,x1x2", "--dataset", "xnor",
                                "--learning-rate", "0.01", "--epochs", "300")),
                Arguments.of("spiral points with a split, features, 6,6 momentum cross-entropy shuffle, k=10",
                        List.of("--data", "SPIRAL", "--features", "x1,x2,x1sq,x2sq,sin1,sin2", "--hidden", "6,6",
                                "--optimizer", "momentum", "--loss", "cross-entropy", "--order", "shuffle",
                                "--batch-size", "10", "--learning-rate", "0.05", "--epochs", "300")),
                Arguments.of("circle points with --test, full batch adam",
                        List.of("--data", "CIRCLE", "--test", "GAUSS", "--features", "x1sq,x2sq", "--batch-size",
                                "full", "--optimizer", "adam", "--beta1", "0.8", "--beta2", "0.99",
                                "--learning-rate", "0.05", "--epochs", "300")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void theScriptsLossesAreTrainsAtEveryEpoch(String name, List<String> options) throws Exception {
        List<String> args = withData(options);
        Path script = dir.resolve("notebook.py");
        CliRun written = run("script", "--out", script.toString(), args);
        assertThat(written.status()).as(written.err()).isZero();
        assertThat(written.err()).isEmpty();
        assertThat(written.outLines()).singleElement().asString().startsWith("Wrote the notebook's code for ");

        Path engine = dir.resolve("engine.csv");
        CliRun trained = run("train", "--csv", engine.toString(), args);
        assertThat(trained.status()).as(trained.err()).isZero();

        Path python = dir.resolve("python.csv");
        python(script, "--csv", python.toString());

        List<String> engineLines = Files.readAllLines(engine);
        List<String> pythonLines = Files.readAllLines(python);
        assertThat(pythonLines.get(0)).isEqualTo(engineLines.get(0));
        assertThat(pythonLines).hasSameSizeAs(engineLines);
        int columns = engineLines.get(0).split(",").length;
        assertThat(columns).as("epoch, loss and test_loss with test points").isEqualTo(
                name.contains("split") || name.contains("--test") ? 3 : 2);
        for (int column = 1; column < columns; column++) {
            double[] expected = CliRun.column(engine, column);
            double[] actual = CliRun.column(python, column);
            for (int i = 0; i < expected.length; i++) {
                CliRun.assertRelativelyClose(actual[i], expected[i], name + ", column " + column + ", epoch " + (i + 1));
            }
        }
    }

    /**
     * The notebook's printout, as its printing code makes it: print("Initial Weights (Input to Hidden):\n", W1)
     * and the same for W2, f'Loss for the initialized weights: {loss_sample}', f'Epoch {epoch+1}, Loss: {...}'
     * every 1000 epochs, print("Predicted Output after Training:\n", final_output). The arrays must read exactly
     * as NumPy shows the engine's numbers; the losses printed in full agree with the engine's to 1e-9.
     */
    @Test
    void theNotebooksScriptPrintsWhatTheNotebookPrints() throws Exception {
        Path script = dir.resolve("notebook.py");
        assertThat(CliRun.of("script", "--out", script.toString()).status()).isZero();
        List<String> printed = python(script);

        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        Weights initial = trainer.initialWeights();
        double error = 1 - initial.predict(0, 1);
        List<double[]> epochs = new ArrayList<>();
        trainer.runEpochs(10_000, (epoch, loss) -> {
            if ((epoch - 1) % 1000 == 0) {
                epochs.add(new double[] {epoch, loss});
            }
        });
        Weights w = trainer.weights();

        List<String> expected = new ArrayList<>();
        expected.add("Initial Weights (Input to Hidden):");
        expected.addAll(numpyLines(" ", new double[][] {{initial.w1(0, 0), initial.w1(0, 1)},
                {initial.w1(1, 0), initial.w1(1, 1)}}));
        expected.add("Initial Weights (Hidden to Output):");
        expected.addAll(numpyLines(" ", new double[][] {{initial.w2(0), initial.w2(1)}}));
        expected.add("Loss for the initialized weights: " + NumberText.python(error * error));
        for (double[] e : epochs) {
            expected.add("Epoch " + (long) e[0] + ", Loss: " + NumberText.python(e[1]));
        }
        expected.add("Predicted Output after Training:");
        expected.addAll(numpyLines(" ", new double[][] {{w.predict(0, 0), w.predict(0, 1), w.predict(1, 0),
                w.predict(1, 1)}}));

        assertThat(printed).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i);
            String got = printed.get(i);
            int colon = want.lastIndexOf(": ");
            if (colon > 0 && !want.endsWith(":")) {
                // A number printed in full: the same text up to it, then Python's repr of a double within 1e-9.
                assertThat(got).as("line " + (i + 1)).startsWith(want.substring(0, colon + 2));
                String number = got.substring(colon + 2);
                assertThat(NumberText.python(Double.parseDouble(number))).as("Python's float repr").isEqualTo(number);
                CliRun.assertRelativelyClose(Double.parseDouble(number), Double.parseDouble(want.substring(colon + 2)),
                        "line " + (i + 1) + " '" + got + "'");
            } else {
                assertThat(got).as("line " + (i + 1)).isEqualTo(want);
            }
        }
        // And the numbers the seed notebook itself printed, as it printed them.
        assertThat(printed).contains(" [[0.37454012 0.95071431]", " [0.73199394 0.59865848]]",
                " [[0.05808361 0.86617615]]", "Loss for the initialized weights: 0.05084754666230897",
                "Epoch 1, Loss: 0.3239537158130419", " [[0.05464331 0.95032601 0.95006665 0.05336686]]");
    }

    @Test
    void minusWritesTheScriptToStandardOutputAndNothingElse() {
        CliRun run = CliRun.of("script", "--out", "-", "--epochs", "5");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("# The XOR Lab notebook as a script").contains("epochs = 5\n")
                .endsWith("writer.writerow([epoch, repr(float(loss))])\n");
    }

    @Test
    void withoutOutIsBadInputInOneLine() {
        CliRun run = CliRun.of("script");
        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).singleElement().asString().startsWith("xorlab script: ").contains("--out");
    }

    @Test
    void aBadTrainOptionIsBadInputInOneLineAndWritesNothing() throws IOException {
        Path script = dir.resolve("notebook.py");
        for (List<String> bad : List.of(List.of("--hidden", "9"), List.of("--learning-rate", "-1"),
                List.of("--batch-size", "5"), List.of("--test", script.toString()))) {
            CliRun run = run("script", "--out", script.toString(), bad);
            assertThat(run.status()).as(bad.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.errLines()).as(bad.toString()).singleElement().asString().startsWith("xorlab script: ");
        }
        assertThat(CliRun.listing(dir)).isEmpty();
        CliRun directory = CliRun.of("script", "--out", dir.toString());
        assertThat(directory.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(directory.errLines()).singleElement().asString().contains("not a directory");
    }

    @Test
    void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
        Path fifo = Fifos.make(dir.resolve("script.fifo"));
        Future<byte[]> read = Fifos.drain(fifo);

        CliRun run = Fifos.within(() -> CliRun.of("script", "--out", fifo.toString()));

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(new String(Fifos.await(read), StandardCharsets.UTF_8)).startsWith("# The XOR Lab notebook");
        assertThat(Fifos.isFifo(fifo)).isTrue();
        assertThat(CliRun.listing(dir)).containsExactly("script.fifo");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("run-42.py"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.py"), target.getFileName());

        CliRun run = CliRun.of("script", "--epochs", "3", "--out", link.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target.getFileName());
        assertThat(Files.readString(target)).startsWith("# The XOR Lab notebook").contains("epochs = 3\n");
        assertThat(CliRun.listing(dir)).containsExactly("latest.py", "run-42.py");
    }

    @Test
    void theHelpListsTrainsOptions() {
        CliRun run = CliRun.of("script", "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: xorlab script").contains("--out=FILE", "--batch-size=K", "--hidden",
                "--activation", "--loss", "--optimizer", "--regularization", "--init", "--order", "--data", "--test",
                "--features", "--epochs");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static CliRun run(String command, String option, String value, List<String> args) {
        List<String> all = new ArrayList<>(List.of(command, option, value));
        all.addAll(args);
        return CliRun.of(all.toArray(String[]::new));
    }

    /** The options with SPIRAL, CIRCLE and GAUSS replaced by files that {@code xorlab data} writes. */
    private List<String> withData(List<String> options) throws IOException {
        List<String> args = new ArrayList<>();
        for (String option : options) {
            args.add(switch (option) {
                case "SPIRAL" -> points("spiral.csv", "--dataset", "spiral", "--points", "60", "--noise", "0.1",
                        "--seed", "3", "--test-fraction", "0.25");
                case "CIRCLE" -> points("circle.csv", "--dataset", "circle", "--points", "40", "--seed", "5");
                case "GAUSS" -> points("gauss.csv", "--dataset", "gauss", "--points", "12", "--noise", "0.2",
                        "--seed", "6");
                default -> option;
            });
        }
        return args;
    }

    private String points(String file, String... options) {
        Path csv = dir.resolve(file);
        List<String> args = new ArrayList<>(List.of("data", "--csv", csv.toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        return csv.toString();
    }

    /** Runs {@code python3 script args...} in the test's folder; returns its standard output's lines. */
    private List<String> python(Path script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", script.toString()));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("python.out");
        Path stderr = dir.resolve("python.err");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(PYTHON_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("python3 " + script.getFileName() + " did not finish within " + PYTHON_SECONDS + " s");
        }
        String errors = Files.readString(stderr);
        assertThat(process.exitValue()).as("python3 status; stderr: " + errors).isZero();
        assertThat(errors).as("python3's standard error").isEmpty();
        List<String> lines = Files.readAllLines(stdout);
        Files.delete(stdout);
        Files.delete(stderr);
        return lines;
    }

    /**
     * {@code print("...:\n", array)}'s lines for a matrix of numbers from 0.0001 to 1 (all this test needs): NumPy's
     * default 8 decimals, trailing zeros dropped and the column padded to the widest, "[[a b]" then " [c d]]";
     * {@code first} is what print puts before the array (its separator, a space).
     */
    private static List<String> numpyLines(String first, double[][] rows) {
        List<List<String>> cells = new ArrayList<>();
        int decimals = 0;
        for (double[] row : rows) {
            List<String> texts = new ArrayList<>();
            for (double value : row) {
                assertThat(value).as("the test's NumPy format covers 0.0001 to 1 only").isBetween(1e-4, 1.0);
                String text = new BigDecimal(value).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros()
                        .toPlainString();
                decimals = Math.max(decimals, text.length() - text.indexOf('.') - 1);
                texts.add(text);
            }
            cells.add(texts);
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder(r == 0 ? first + "[[" : " [");
            for (int c = 0; c < cells.get(r).size(); c++) {
                String text = cells.get(r).get(c);
                int pad = decimals - (text.length() - text.indexOf('.') - 1);
                line.append(c == 0 ? "" : " ").append(text).append(" ".repeat(pad));
            }
            line.append(r == cells.size() - 1 ? "]]" : "]");
            lines.add(line.toString());
        }
        return lines;
    }
}
