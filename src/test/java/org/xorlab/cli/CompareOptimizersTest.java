package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xorlab.text.NumberText;

/**
 * {@code xorlab compare} with the general network's options and {@code --optimizers} (issue 11). Each run of a race
 * is checked against {@code xorlab train} alone with the same settings: the same initial weights, the same loss at
 * every epoch (bit for bit: the same engine from the same start), and the table's counts read off train's curve.
 */
class CompareOptimizersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The optimisers' names as train takes them and as compare names their runs. */
    private static final List<String> IDS = List.of("sgd", "momentum", "adam");
    private static final List<String> NAMES = List.of("SGD", "momentum", "Adam");

    @Test
    void anOptimiserRaceStartsEveryRunFromTheSameWeightsAndEachTrainsAsTrainWouldAlone() throws IOException {
        // Xavier init and hyper-parameters that are not the defaults: the weights must come from the config's init.
        List<String> shared = List.of("--init", "xavier", "--seed", "7", "--learning-rate", "0.05", "--momentum",
                "0.8", "--beta2", "0.99", "--epochs", "400");
        Path csv = dir.resolve("race.csv");
        Path json = dir.resolve("race.json");
        List<String> args = new ArrayList<>(List.of("compare", "--optimizers", "sgd,momentum,adam",
                "--target-loss", "0.2", "--csv", csv.toString(), "--json", json.toString()));
        args.addAll(shared);
        CliRun race = CliRun.of(args.toArray(String[]::new));

        assertThat(race.status()).isZero();
        assertThat(race.err()).isEmpty();
        List<String> header = Files.readAllLines(csv);
        assertThat(header.get(0)).isEqualTo("epoch,SGD,momentum,Adam");
        JsonNode root = JSON.readTree(json.toFile());
        JsonNode first = null;
        for (int i = 0; i < IDS.size(); i++) {
            Path aloneCsv = dir.resolve(IDS.get(i) + ".csv");
            Path aloneJson = dir.resolve(IDS.get(i) + ".json");
            List<String> train = new ArrayList<>(List.of("train", "--optimizer", IDS.get(i), "--csv",
                    aloneCsv.toString(), "--json", aloneJson.toString()));
            train.addAll(shared);
            assertThat(CliRun.of(train.toArray(String[]::new)).status()).isZero();

            // Epoch 0: every run's weights are the same as the others'.
            JsonNode initial = JSON.readTree(aloneJson.toFile()).get("initial");
            if (first == null) {
                first = initial;
            }
            assertThat(initial).as(IDS.get(i) + "'s initial weights").isEqualTo(first);
            // Every epoch's loss, as train prints it, in this run's column.
            List<String> alone = Files.readAllLines(aloneCsv);
            List<String> raced = Files.readAllLines(csv);
            assertThat(raced).hasSameSizeAs(alone).hasSize(401);
            for (int e = 1; e <= 400; e++) {
                assertThat(raced.get(e).split(",")[i + 1]).as(NAMES.get(i) + " epoch " + e)
                        .isEqualTo(alone.get(e).split(",")[1]);
            }
            // The table's epochs to the target are train's first epoch below it.
            long firstBelow = firstBelow(CliRun.column(aloneCsv, 1), 0.2);
            String[] row = row(race, NAMES.get(i));
            assertThat(row[1]).isEqualTo("1");
            assertThat(row[2]).isEqualTo(firstBelow == 0 ? "never" : NumberText.count(firstBelow));
            // --json names each run's optimiser and options.
            JsonNode run = root.get("runs").get(i);
            assertThat(run.get("name").textValue()).isEqualTo(NAMES.get(i));
            assertThat(run.get("optimizer").textValue()).isEqualTo(IDS.get(i));
            assertThat(run.get("momentum").doubleValue()).isEqualTo(0.8);
            assertThat(run.get("beta2").doubleValue()).isEqualTo(0.99);
            assertThat(run.get("init").textValue()).isEqualTo("xavier");
            assertThat(run.get("loss").textValue()).isEqualTo("mse");
            assertThat(run.get("hidden_layers").toString()).isEqualTo("[2]");
            assertThat(run.get("batch_size").intValue()).isEqualTo(1);
            assertThat(run.get("learning_rate").doubleValue()).isEqualTo(0.05);
        }
        String sentence = root.get("verdict").get("sentence").textValue();
        assertThat(race.outLines()).contains(sentence);
        assertThat(sentence).endsWith("The runs differ in optimiser (SGD, momentum, Adam).");
        assertThat(race.outLines().get(0)).isEqualTo("Compared xor, 2 hidden units, seed 7, learning rate 0.05, "
                + "momentum 0.8, beta2 0.99, xavier init, 400 epochs each, all from the same initial weights:");
    }

    @Test
    void aDeeperTanhNetworkRacesWithCrossEntropyAndTheVerdictCountsTheTargetAsACrossEntropy() throws IOException {
        List<String> shared = List.of("--hidden", "4,4", "--activation", "tanh", "--loss", "cross-entropy",
                "--learning-rate", "0.05", "--epochs", "300", "--batch-sizes", "2");
        Path csv = dir.resolve("deep.csv");
        Path json = dir.resolve("deep.json");
        List<String> args = new ArrayList<>(List.of("compare", "--optimizers", "sgd,adam", "--csv", csv.toString(),
                "--json", json.toString()));
        args.addAll(shared);
        CliRun race = CliRun.of(args.toArray(String[]::new));

        assertThat(race.status()).isZero();
        assertThat(race.err()).isEmpty();
        List<String> raced = Files.readAllLines(csv);
        assertThat(raced.get(0)).isEqualTo("epoch,SGD,Adam");
        List<Long> reached = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = List.of("sgd", "adam").get(i);
            Path alone = dir.resolve(id + ".csv");
            List<String> train = new ArrayList<>(List.of("train", "--optimizer", id, "--csv", alone.toString(),
                    "--hidden", "4,4", "--activation", "tanh", "--loss", "cross-entropy", "--learning-rate", "0.05",
                    "--epochs", "300", "--batch-size", "2"));
            assertThat(CliRun.of(train.toArray(String[]::new)).status()).isZero();
            List<String> lines = Files.readAllLines(alone);
            for (int e = 1; e <= 300; e++) {
                assertThat(raced.get(e).split(",")[i + 1]).as(id + " epoch " + e).isEqualTo(lines.get(e).split(",")[1]);
            }
            reached.add(firstBelow(CliRun.column(alone, 1), 0.01));
        }
        JsonNode runs = JSON.readTree(json.toFile()).get("runs");
        assertThat(runs.get(0).get("hidden_layers").toString()).isEqualTo("[4,4]");
        assertThat(runs.get(1).get("activation").textValue()).isEqualTo("tanh");
        assertThat(runs.get(1).get("loss").textValue()).isEqualTo("cross-entropy");
        assertThat(runs.get(1).get("batch_size").intValue()).isEqualTo(2);
        // Adam gets there (train's own curve says when); the verdict says the target is a cross-entropy.
        assertThat(reached.get(1)).isPositive();
        assertThat(row(race, "Adam")[2]).isEqualTo(NumberText.count(reached.get(1)));
        String verdict = race.outLines().get(5);
        assertThat(verdict).contains("got below a cross-entropy of 0.01").doesNotContain("mean squared error")
                .endsWith("The runs differ in optimiser (SGD, Adam).");
        assertThat(race.outLines().get(0)).startsWith("Compared xor, hidden 4,4, seed 42, learning rate 0.05, tanh, "
                + "cross-entropy, 300 epochs each");
    }

    @Test
    void aRaceOfBatchSizesWithAnotherOptimiserNamesItsRunsByBoth() throws IOException {
        Path csv = dir.resolve("adam.csv");
        CliRun race = CliRun.of("compare", "--optimizer", "adam", "--learning-rate", "0.05", "--epochs", "200",
                "--csv", csv.toString());

        assertThat(race.status()).isZero();
        List<String> raced = Files.readAllLines(csv);
        assertThat(raced.get(0)).isEqualTo("epoch,Adam-batch4,Adam-batch1");
        for (int i = 0; i < 2; i++) {
            int k = List.of(4, 1).get(i);
            Path alone = dir.resolve("adam" + k + ".csv");
            assertThat(CliRun.of("train", "--optimizer", "adam", "--learning-rate", "0.05", "--epochs", "200",
                    "--batch-size", String.valueOf(k), "--csv", alone.toString()).status()).isZero();
            List<String> lines = Files.readAllLines(alone);
            for (int e = 1; e <= 200; e++) {
                assertThat(raced.get(e).split(",")[i + 1]).as("batch size " + k + " epoch " + e)
                        .isEqualTo(lines.get(e).split(",")[1]);
            }
        }
        assertThat(race.outLines().get(0)).isEqualTo("Compared xor, 2 hidden units, seed 42, learning rate 0.05, "
                + "adam, 200 epochs each, all from the same initial weights:");
        assertThat(row(race, "Adam-batch4")[1]).isEqualTo("4");
    }

    @Test
    void everyDefaultGivenExplicitlyPrintsExactlyWhatNoFlagPrints() throws IOException {
        Path a = dir.resolve("plain.json");
        Path b = dir.resolve("explicit.json");
        CliRun plain = CliRun.of("compare", "--epochs", "300", "--target-loss", "0.2", "--json", a.toString());
        CliRun explicit = CliRun.of("compare", "--epochs", "300", "--target-loss", "0.2", "--json", b.toString(),
                "--hidden", "2", "--activation", "sigmoid", "--loss", "mse", "--optimizer", "sgd", "--momentum", "0.9",
                "--rho", "0.9", "--beta1", "0.9", "--beta2", "0.999", "--epsilon", "1e-8", "--regularization", "none",
                "--reg-rate", "0", "--init", "uniform", "--order", "fixed");

        assertThat(plain.status()).isZero();
        assertThat(explicit.status()).isZero();
        assertThat(withoutTimes(explicit.out().replace("explicit.json", "plain.json")))
                .isEqualTo(withoutTimes(plain.out()));
        assertThat(withoutSeconds(Files.readString(b))).isEqualTo(withoutSeconds(Files.readString(a)));
        assertThat(JSON.readTree(a.toFile()).get("runs").get(0).has("optimizer")).isFalse();
    }

    @Test
    void theReadmesOptimiserRacePrintsWhatTheReadmeShows() throws IOException {
        // The project's folder is four above src/test/resources/reference (the tests run in a scratch folder).
        List<String> readme = Files.readAllLines(CliRun.referenceDir().resolve("../../../../README.md").normalize());
        int at = -1;
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).startsWith("$ xorlab compare --optimizers ")) {
                at = i;
            }
        }
        assertThat(at).as("the README's optimiser race").isNotNegative();
        String[] args = readme.get(at).substring("$ xorlab ".length()).split(" ");
        CliRun run = CliRun.of(args);
        assertThat(run.status()).isZero();
        List<String> shown = readme.subList(at + 1, at + 1 + run.outLines().size());
        assertThat(withoutTimes(String.join("\n", run.outLines()))).isEqualTo(withoutTimes(String.join("\n", shown)));
        assertThat(run.out()).contains("The runs differ in optimiser (SGD, momentum, Adam).");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--optimizers sgd,sgd|--optimizers must list different optimisers (got sgd twice in 'sgd,sgd')",
        "--optimizers adam --optimizers momentum,adam|--optimizers must list different optimisers (got adam twice in "
                + "'adam,momentum,adam')",
        "--optimizers adam|--optimizers must list at least two different optimisers, such as sgd,momentum,adam (got "
                + "'adam')",
        "--optimizers sgd,adagrad|each value of --optimizers must be one of sgd, momentum, nesterov, rmsprop, adam "
                + "(got 'adagrad')",
        "--optimizers sgd,adam --optimizer adam|--optimizer and --optimizers are alternatives: pick one (--optimizer "
                + "NAME trains every run with NAME, --optimizers A,B,... races them)",
        "--optimizers sgd,adam --batch-sizes 4,1|--optimizers races optimisers at one batch size: give --batch-sizes "
                + "one size from 1 to 4, such as --batch-sizes 4 (got '4,1'), or race batch sizes without --optimizers",
        "--optimizers sgd,adam --learning-rates 0.1|--learning-rates must give one rate per optimiser (2 for "
                + "--optimizers sgd,adam; got 1)",
        "--optimizers sgd,adam --learning-rates 0.1,0.2 --learning-rate 0.1|--learning-rates and --learning-rate are "
                + "alternatives: give one rate for every run, or one rate per optimiser",
        "--loss hinge|--loss must be one of mse, cross-entropy (got 'hinge')",
        "--hidden 4,9|--hidden must be 1 to 6 whole numbers from 1 to 8, separated by commas (got '4,9')",
        "--momentum 1|--momentum must be a number from 0 up to but not including 1 (got '1')",
        "--order random|--order must be one of fixed, shuffle (got 'random')"})
    void badRacesAreOneLineWithExitTwoAndNothingWritten(String options, String message) throws IOException {
        List<String> args = new ArrayList<>(List.of("compare", "--epochs", "5", "--csv",
                dir.resolve("loss.csv").toString()));
        args.addAll(Arrays.asList(options.split(" ")));
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("xorlab compare: " + message);
        assertThat(CliRun.listing(dir)).isEmpty();
    }

    /** The cells of the table row of run {@code name}. */
    private static String[] row(CliRun run, String name) {
        return run.outLines().stream().filter(l -> l.trim().startsWith(name + " ")).findFirst().orElseThrow()
                .trim().split("\\s+");
    }

    private static long firstBelow(double[] losses, double target) {
        for (int i = 0; i < losses.length; i++) {
            if (losses[i] < target) {
                return i + 1;
            }
        }
        return 0;
    }

    private static final Pattern TIME = Pattern.compile("\\s+[0-9.]+ (ms|s)$", Pattern.MULTILINE);

    /** The table without its last column, the machine's training time (and the padding that depends on it). */
    private static String withoutTimes(String text) {
        Matcher m = TIME.matcher(text);
        return m.replaceAll("").replaceAll("(?m)\\s+time$", "");
    }

    private static String withoutSeconds(String json) {
        return json.replaceAll("\"seconds\" : [0-9.eE-]+", "\"seconds\" : 0");
    }
}
