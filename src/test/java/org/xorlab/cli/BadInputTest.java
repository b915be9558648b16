package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input: exit status 2, exactly one line on standard error naming the option and what it allows, nothing
 * on standard output, no file created, and an existing output file left as it was.
 */
class BadInputTest {
    private static final String KEEP = "keep me\n";

    @TempDir
    Path dir;
    private Path existing;

    @BeforeEach
    void existingOutput() throws IOException {
        existing = dir.resolve("existing.csv");
        Files.writeString(existing, KEEP);
    }

    static Stream<Arguments> badValues() {
        String number = "must be a finite number greater than 0";
        String epochs = "must be a whole number from 1 to 100000000";
        String hidden = "must be a whole number from 1 to 8";
        String seed = "must be a whole number from 0 to 4294967295";
        String batch = "must be a whole number from 1 to 4";
        List<Arguments> cases = new ArrayList<>();
        for (String command : List.of("train", "compare", "study")) {
            for (String v : List.of("abc", "NaN", "Infinity", "-Infinity", "-1", "0", "0.0", "1e400", "1e-400",
                    "0.1f", "0x1p-3", "", " ")) {
                cases.add(Arguments.of(command, "--learning-rate", v, number));
            }
            for (String v : List.of("0", "-5", "x", "1.5", "1e4", "100000001", "99999999999999999999")) {
                cases.add(Arguments.of(command, "--epochs", v, epochs));
            }
            for (String v : List.of("0", "9", "-1", "two", "2.0")) {
                cases.add(Arguments.of(command, "--hidden", v, hidden));
            }
            for (String v : List.of("-1", "4294967296", "1.5", "99999999999999999999", "seed")) {
                cases.add(Arguments.of(command, "--seed", v, seed));
            }
            for (String v : List.of("nand", "", "xor2")) {
                cases.add(Arguments.of(command, "--dataset", v, "must be one of xor, and, or, xnor"));
            }
        }
        for (String v : List.of("0", "5", "-1", "one", "1.0")) {
            cases.add(Arguments.of("train", "--batch-size", v, batch));
        }
        for (String v : List.of("0", "-3", "a")) {
            cases.add(Arguments.of("train", "--print-every", v, epochs));
        }
        for (String v : List.of("0", "-0.01", "NaN", "Infinity", "x")) {
            cases.add(Arguments.of("compare", "--target-loss", v, number));
            cases.add(Arguments.of("study", "--target-loss", v, number));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} ''{2}''")
    @MethodSource("badValues")
    void aBadValueIsOneLineNamingTheOptionAndWhatItAllows(String command, String option, String value,
                                                          String allowed) throws IOException {
        CliRun run = CliRun.of(command, option + "=" + value, "--csv", existing.toString(),
                "--json", dir.resolve("new.json").toString());
        assertRejected(run, "xorlab " + command + ": " + option + " " + allowed + " (got '" + value + "')");
    }

    @Test
    void aNegativeNumberAfterASpaceIsStillAValue() throws IOException {
        CliRun run = CliRun.of("train", "--learning-rate", "-1", "--csv", existing.toString());
        assertRejected(run, "xorlab train: --learning-rate must be a finite number greater than 0 (got '-1')");
    }

    static Stream<Arguments> badBatchSizes() {
        return Stream.of(
                Arguments.of("5,1", "xorlab compare: each value of --batch-sizes must be a whole number from 1 to 4"
                        + " (got '5')"),
                Arguments.of("0,4", "xorlab compare: each value of --batch-sizes must be a whole number from 1 to 4"
                        + " (got '0')"),
                Arguments.of("1,x", "xorlab compare: each value of --batch-sizes must be a whole number from 1 to 4"
                        + " (got 'x')"),
                Arguments.of("1,1", "xorlab compare: --batch-sizes must list different batch sizes"
                        + " (got 1 twice in '1,1')"),
                Arguments.of("4", "xorlab compare: --batch-sizes must list at least two different batch sizes"
                        + " from 1 to 4, such as 4,1 (got '4')"));
    }

    @ParameterizedTest(name = "--batch-sizes {0}")
    @MethodSource("badBatchSizes")
    void badBatchSizesAreOneLine(String value, String message) throws IOException {
        CliRun run = CliRun.of("compare", "--batch-sizes", value, "--csv", existing.toString(),
                "--png", dir.resolve("new.png").toString());
        assertRejected(run, message);
    }

    @Test
    void anOutputPathThatIsADirectoryIsRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        for (String option : List.of("--csv", "--json")) {
            CliRun run = CliRun.of("train", option, sub.toString());
            assertRejected(run, "xorlab train: " + option + " must name a file, not a directory (got '" + sub + "')");
        }
        CliRun png = CliRun.of("compare", "--csv", existing.toString(), "--png", sub + "/");
        assertRejected(png, "xorlab compare: --png must name a file, not a directory (got '" + sub + "/')");
        assertThat(CliRun.listing(sub)).isEmpty();
    }

    @Test
    void anOutputPathInAMissingDirectoryIsRefused() throws IOException {
        Path missing = dir.resolve("missing").resolve("loss.csv");
        CliRun run = CliRun.of("train", "--json", existing.toString(), "--csv", missing.toString());
        assertRejected(run, "xorlab train: --csv must be in an existing directory; '" + missing.getParent()
                + "' does not exist (got '" + missing + "')");

        Path underAFile = existing.resolve("loss.json");
        CliRun file = CliRun.of("compare", "--csv", existing.toString(), "--json", underAFile.toString());
        assertRejected(file, "xorlab compare: --json must be in an existing directory; '" + existing
                + "' is not a directory (got '" + underAFile + "')");
    }

    @Test
    void anUnwritablePlaceIsRefusedBeforeTraining() throws IOException {
        // Even root cannot create files in /proc; the check happens before any epoch is trained.
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        CliRun run = CliRun.of("train", "--epochs", "100000000", "--csv", existing.toString(),
                "--json", "/proc/xorlab-test.json");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("xorlab train: --json cannot be written: ")
                .endsWith("(got '/proc/xorlab-test.json')\n");
        assertUntouched();
    }

    @Test
    void aReadOnlyDirectoryIsRefused() throws IOException {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assertThat(locked.toFile().setWritable(false, false)).isTrue();
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "root can write anywhere");
            CliRun run = CliRun.of("train", "--csv", locked.resolve("loss.csv").toString());
            assertRejected(run, "xorlab train: --csv must be in a directory you can write to; '" + locked
                    + "' is not writable (got '" + locked.resolve("loss.csv") + "')");
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    @Test
    void twoOutputsNamingOneFileAreRefused() throws IOException {
        CliRun run = CliRun.of("compare", "--csv", existing.toString(), "--png", existing.toString());
        assertRejected(run, "xorlab compare: --png must name a different file from --csv (both '" + existing + "')");
    }

    @Test
    void anEmptyOrMissingFileNameIsRefused() throws IOException {
        assertRejected(CliRun.of("train", "--json", existing.toString(), "--csv", ""),
                "xorlab train: --csv must name a file (got '')");
        assertRejected(CliRun.of("train", "--csv"), "xorlab train: --csv needs a value: the name of a file to write");
    }

    @Test
    void aMissingValueSaysWhatIsAllowed() throws IOException {
        assertRejected(CliRun.of("train", "--seed"),
                "xorlab train: --seed needs a value: a whole number from 0 to 4294967295");
        assertRejected(CliRun.of("compare", "--csv", existing.toString(), "--target-loss"),
                "xorlab compare: --target-loss needs a value: a finite number greater than 0");
    }

    @Test
    void unknownOptionsRepeatedOptionsAndStrayArgumentsAreOneLine() throws IOException {
        assertRejected(CliRun.of("train", "--csv", existing.toString(), "--rate", "0.5"),
                "xorlab train: unknown option '--rate' (see 'xorlab train --help')");
        assertRejected(CliRun.of("train", "--seed", "1", "--seed", "2"), "xorlab train: --seed may be given only once");
        assertRejected(CliRun.of("compare", "now"), "xorlab compare: unexpected argument 'now' (see 'xorlab compare"
                + " --help')");
    }

    private void assertRejected(CliRun run, String message) throws IOException {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(message);
        assertThat(run.err()).doesNotContain("Exception", "Usage:", "\tat ");
        assertUntouched();
    }

    private void assertUntouched() throws IOException {
        assertThat(CliRun.listing(dir)).as("files in the output directory")
                .allMatch(name -> name.equals("existing.csv") || Files.isDirectory(dir.resolve(name)));
        assertThat(Files.readString(existing)).isEqualTo(KEEP);
    }
}
