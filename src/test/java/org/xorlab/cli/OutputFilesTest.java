package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

class OutputFilesTest {
    @TempDir
    Path dir;

    private final CommandLine command = new CommandLine(new XorLabCommand());

    @Test
    void nothingAppearsUntilCommitAndThenEverythingDoes() throws IOException {
        Path csv = dir.resolve("a.csv");
        Path png = dir.resolve("b.png");
        Files.writeString(csv, "old");
        try (OutputFiles files = new OutputFiles(command)) {
            files.create("--csv", csv).writer().write("new text");
            files.create("--png", png).stream().write(new byte[] {1, 2, 3});

            assertThat(Files.readString(csv)).isEqualTo("old");
            assertThat(png).doesNotExist();
            assertThat(CliRun.listing(dir)).hasSize(3).contains("a.csv").allMatch(n -> n.equals("a.csv")
                    || n.matches("\\.xorlab-[0-9a-f]{8}\\.tmp"));

            files.commit();
        }
        assertThat(Files.readString(csv)).isEqualTo("new text");
        assertThat(Files.readAllBytes(png)).containsExactly(1, 2, 3);
        assertThat(CliRun.listing(dir)).containsExactly("a.csv", "b.png");
    }

    @Test
    void aFailureBeforeCommitLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "old");
        assertThatThrownBy(() -> {
            try (OutputFiles files = new OutputFiles(command)) {
                files.create("--csv", csv).writer().write("half of it");
                throw new IllegalStateException("the run failed");
            }
        }).hasMessage("the run failed");
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo("old");
        assertThat(CliRun.listing(dir)).containsExactly("a.csv");
    }

    @Test
    void twoOptionsCannotNameTheSameFile() {
        try (OutputFiles files = new OutputFiles(command)) {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("--csv", dir.resolve("x"));
            outputs.put("--json", null);
            outputs.put("--png", dir.resolve("sub/../x"));
            assertThatThrownBy(() -> files.requireDistinct(outputs)).isInstanceOf(ParameterException.class)
                    .hasMessage("--png must name a different file from --csv (both '" + dir.resolve("sub/../x")
                            + "')");
        }
    }

    /** The train command's command line with the real error handler, as {@link XorLabCommand#run} sets it up. */
    private static CommandLine train(OneLineErrors errors, StringWriter err) {
        CommandLine top = new CommandLine(new XorLabCommand()).setExecutionExceptionHandler(errors)
                .setErr(new PrintWriter(err, true));
        return top.getSubcommands().get("train");
    }

    /** Makes {@code path} a non-empty directory: no rename onto it succeeds, not even as root. */
    private static void block(Path path) throws IOException {
        Files.createDirectory(path);
        Files.writeString(path.resolve("inside"), "x");
    }

    @Test
    void whenTheSecondOutputCannotBeMovedTheFirstIsRestoredAndTheMessageIsTrue() throws IOException {
        Path csv = Files.writeString(dir.resolve("loss.csv"), "old csv");
        Path json = dir.resolve("run.json");
        OneLineErrors errors = new OneLineErrors();
        StringWriter err = new StringWriter();
        CommandLine train = train(errors, err);
        IOException failure;
        try (OutputFiles files = new OutputFiles(train)) {
            files.create("--csv", csv).writer().write("new csv");
            files.create("--json", json).writer().write("{}");
            // After the temporary files exist, the second target turns into something no rename can replace.
            block(json);
            failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, files::commit);
        }
        int status = errors.handleExecutionException(failure, train, null);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("xorlab train: could not move '" + json + "' into place: Is a directory"
                + " (no output file was changed)" + System.lineSeparator());
        assertThat(Files.readString(csv)).isEqualTo("old csv");
        assertThat(CliRun.listing(dir)).containsExactly("loss.csv", "run.json");
    }

    @Test
    void whatWasWrittenInPlaceBeforeAFailureIsNamed() throws Exception {
        Path fifo = org.xorlab.files.Fifos.make(dir.resolve("live.fifo"));
        Path json = dir.resolve("run.json");
        java.util.concurrent.Future<byte[]> read = org.xorlab.files.Fifos.drain(fifo);
        OneLineErrors errors = new OneLineErrors();
        StringWriter err = new StringWriter();
        CommandLine train = train(errors, err);
        IOException failure;
        try (OutputFiles files = new OutputFiles(train)) {
            org.xorlab.files.Fifos.within(() -> {
                files.create("--csv", fifo).writer().write("epoch,loss\n");
                return null;
            });
            files.create("--json", json).writer().write("{}");
            block(json);
            failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, files::commit);
        }
        errors.handleExecutionException(failure, train, null);

        assertThat(err.toString()).isEqualTo("xorlab train: could not move '" + json + "' into place: Is a directory"
                + " ('" + fifo + "' was written to in place (it is not a regular file); '" + json
                + "' was not changed)" + System.lineSeparator());
        assertThat(new String(org.xorlab.files.Fifos.await(read), StandardCharsets.UTF_8)).isEqualTo("epoch,loss\n");
    }

    @Test
    void aWriteErrorNamesTheFile() throws Exception {
        // A FIFO whose reader has gone: every write fails with EPIPE, a real write error even for root.
        Path fifo = org.xorlab.files.Fifos.make(dir.resolve("closed.fifo"));
        java.util.concurrent.Future<Object> reader = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-fifo-closer");
            t.setDaemon(true);
            return t;
        }).submit(() -> {
            Files.newInputStream(fifo).close();
            return null;
        });
        OneLineErrors errors = new OneLineErrors();
        StringWriter err = new StringWriter();
        CommandLine train = train(errors, err);
        try (OutputFiles files = new OutputFiles(train)) {
            java.io.OutputStream out = org.xorlab.files.Fifos.within(() -> files.create("--csv", fifo).stream());
            org.xorlab.files.Fifos.await(reader);
            IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> {
                for (int i = 0; i < 10_000; i++) {
                    out.write(new byte[1 << 16]);
                }
            });
            assertThat(errors.handleExecutionException(new java.io.UncheckedIOException(failure), train, null))
                    .isEqualTo(1);
        }
        assertThat(err.toString()).startsWith("xorlab train: could not write '" + fifo + "': Broken pipe (");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(org.xorlab.files.Fifos.isFifo(fifo)).isTrue();
    }

    @Test
    void onlyOneOutputMayBeStandardOutput() {
        try (OutputFiles files = new OutputFiles(command)) {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("--csv", OutputFiles.STANDARD_OUTPUT);
            outputs.put("--json", OutputFiles.STANDARD_OUTPUT);
            assertThatThrownBy(() -> files.requireDistinct(outputs)).isInstanceOf(ParameterException.class)
                    .hasMessage("only one of --csv and --json may be '-' (standard output); name a file for the other");
        }
    }

    @Test
    void aLinkAndItsTargetAreTheSameFile() throws IOException {
        Path target = Files.writeString(dir.resolve("real.csv"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), target.getFileName());
        try (OutputFiles files = new OutputFiles(command)) {
            Map<String, Path> outputs = new LinkedHashMap<>();
            outputs.put("--csv", target);
            outputs.put("--json", link);
            assertThatThrownBy(() -> files.requireDistinct(outputs)).isInstanceOf(ParameterException.class)
                    .hasMessage("--json must name a different file from --csv (both '" + link + "')");
        }
    }
}
