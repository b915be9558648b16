package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The top level: help, version, and unknown or missing commands. */
class CommandLineTest {

    @Test
    void helpListsTheCommandsAndExitStatuses() {
        CliRun run = CliRun.of("--help");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Usage: xorlab").contains("train", "compare", "study", "landscape", "script", "worksheet", "open", "Exit status:",
                "3   training diverged");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "compare", "study"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: xorlab " + command).contains("--learning-rate", "--epochs",
                "--dataset", "--hidden", "--seed", "--csv", "--json");
        assertThat(run.out()).contains(command.equals("train") ? "--batch-size=K" : "--batch-sizes=K");
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.of("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out().trim()).matches("xorlab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(CliRun.of("train", "--version").out()).isEqualTo(run.out());
    }

    @Test
    void anUnknownCommandIsOneLine() {
        CliRun run = CliRun.of("fly");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "xorlab: unknown command 'fly'; the commands are train, compare, study, data, landscape, script, worksheet, open (see 'xorlab --help')");
    }

    @Test
    void optionsWithoutACommandAreOneLine() {
        CliRun run = CliRun.of("--frobnicate");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("xorlab: unknown option '--frobnicate' (see 'xorlab --help')");
        CliRun none = CliRun.of();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.errLines()).containsExactly(
                "xorlab: missing command; the commands are train, compare, study, data, landscape, script, worksheet, open (see 'xorlab --help')");
    }

    @Test
    void aFailureWhileRunningIsOneLineWithStatus1() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine train = new picocli.CommandLine(new XorLabCommand()).getSubcommands().get("train");
        train.setErr(new java.io.PrintWriter(err));
        int status = new OneLineErrors().handleExecutionException(
                new java.io.UncheckedIOException(new java.nio.file.FileSystemException("/x/loss.csv", null,
                        "No space left on device")), train, null);
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("xorlab train: could not write an output file: No space left on device"
                + " (no output file was changed)" + System.lineSeparator());
    }
}
