package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.files.Fifos;

/** A command stops when standard output cannot be written, and says so with a failing exit status. */
class StandardOutputTest {
    @TempDir
    Path dir;

    /** Takes {@code limit} bytes, then fails every write as a full disk does. */
    private static final class FullAfter extends OutputStream {
        private final long limit;
        private long taken;
        private long refused;

        FullAfter(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (taken + len > limit) {
                refused++;
                throw new IOException("No space left on device");
            }
            taken += len;
        }
    }

    private record Run(int status, String err, FullAfter stdout) {
    }

    private static Run run(long limit, String... args) throws Exception {
        FullAfter stdout = new FullAfter(limit);
        StringWriter err = new StringWriter();
        int status = Fifos.within(() -> XorLabCommand.run(args, new PrintWriter(stdout, true), new PrintWriter(err)));
        return new Run(status, err.toString(), stdout);
    }

    @Test
    void aFullDiskOnStandardOutputStopsTrainingAtOnce() throws Exception {
        Path csv = dir.resolve("loss.csv");
        Run run = run(200, "train", "--epochs", "10000000", "--print-every", "1", "--csv", csv.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("xorlab train: could not write to standard output (no output file was changed)"
                + System.lineSeparator());
        // It stopped at the first line that failed instead of training on (10 million lines would be refused).
        assertThat(run.stdout().refused).isLessThanOrEqualTo(5);
        assertThat(CliRun.listing(dir)).isEmpty();
    }

    @Test
    void aCsvOnAFullStandardOutputFails() throws Exception {
        Run run = run(100_000, "train", "--epochs", "1000000", "--csv", "-");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("xorlab train: could not write to standard output (no output file was changed)"
                + System.lineSeparator());
        assertThat(run.stdout().refused).isEqualTo(1);
    }

    @Test
    void aSummaryThatCannotBePrintedFailsAndSaysTheFilesWereWritten() throws Exception {
        Path csv = dir.resolve("loss.csv");
        Run run = run(10, "compare", "--epochs", "5", "--csv", csv.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("xorlab compare: could not write to standard output ('" + csv
                + "' was written)" + System.lineSeparator());
        assertThat(Files.readAllLines(csv)).hasSize(6);
    }

    @Test
    void thePrintedResultThatCannotBeWrittenFails() throws Exception {
        Run run = run(10, "train", "--epochs", "5");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("xorlab train: could not write to standard output (no output file was changed)"
                + System.lineSeparator());
    }

    @Test
    void aClosedPipeStopsTheProcessPromptlyAndQuietly() throws Exception {
        // The real thing: java running the command line, its output read by this test, which stops after two
        // lines as `| head -2` does. 100 million epochs printed one a line would take many minutes.
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = String.join(File.pathSeparator, System.getProperty("jdk.module.path", ""),
                System.getProperty("java.class.path", ""));
        Path errors = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(java, "-cp", classpath, "org.xorlab.Main", "train",
                "--epochs", "100000000", "--print-every", "1")
                .directory(dir.toFile())
                .redirectError(errors.toFile())
                .start();
        try {
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                lines.add(out.readLine());
                lines.add(out.readLine());
            }
            process.getOutputStream().close();
            assertThat(process.waitFor(Fifos.TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("stopped after the pipe closed")
                    .isTrue();
            assertThat(lines.get(0)).startsWith("Epoch 1, Loss: ");
            assertThat(lines.get(1)).startsWith("Epoch 2, Loss: ");
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(Files.readString(errors)).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }
}
