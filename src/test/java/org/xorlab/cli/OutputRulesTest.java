package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.files.Fifos;

/**
 * What {@code --csv} and {@code --json} do with what they are given: {@code -}, a FIFO, a symbolic link, a private
 * file, a long name, a folder with a killed run's leftovers. Every path is inside the test's own folder.
 */
class OutputRulesTest {
    @TempDir
    Path dir;

    @Test
    void aDashSendsTheCsvToStandardOutputAndTheSummaryToStandardError() {
        CliRun run = CliRun.of("train", "--epochs", "3", "--csv", "-");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(4).first().isEqualTo("epoch,loss");
        assertThat(run.outLines().subList(1, 4)).allMatch(line -> line.matches("[123],0\\.\\d+"));
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).startsWith("Trained xor, 2 hidden units, seed 42");
        assertThat(run.errLines().get(1)).isEqualTo("Wrote the loss of 3 epochs to standard output.");
    }

    @Test
    void progressLinesGoToStandardErrorWhenTheJsonIsOnStandardOutput() throws Exception {
        CliRun run = CliRun.of("train", "--epochs", "3", "--print-every", "1", "--json", "-");

        assertThat(run.status()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("config").get("epochs").asInt()).isEqualTo(3);
        assertThat(run.errLines()).hasSize(5).first().asString().startsWith("Epoch 1, Loss: ");
    }

    @Test
    void compareWritesItsJsonToStandardOutput() throws Exception {
        Path csv = dir.resolve("loss.csv");
        CliRun run = CliRun.of("compare", "--epochs", "4", "--json", "-", "--csv", csv.toString());

        assertThat(run.status()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("runs")).hasSize(2);
        assertThat(run.err()).startsWith("Compared xor").contains("Wrote the summary to standard output.");
        assertThat(Files.readAllLines(csv)).hasSize(5);
    }

    @Test
    void onlyOneOutputMayBeADash() {
        CliRun run = CliRun.of("train", "--epochs", "3", "--csv", "-", "--json", "-");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "xorlab train: only one of --csv and --json may be '-' (standard output); name a file for the other");
    }

    @Test
    void aPngNeverGoesToStandardOutput() {
        CliRun run = CliRun.of("compare", "--epochs", "3", "--png", "-");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly("xorlab compare: --png must name a file: an image is not written"
                + " to standard output (use ./- for a file named -) (got '-')");
    }

    @Test
    void aFileNamedDashIsWrittenAsDotSlashDash() throws Exception {
        // Relative to the working directory, so it names the test folder's file by its absolute path instead.
        Path file = dir.resolve("-");
        CliRun run = CliRun.of("train", "--epochs", "2", "--csv", file.toString());
        assertThat(run.status()).isZero();
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
        // /dev/null is a character device: like this FIFO an existing file that is not regular, so it takes the
        // same path (written in place, never replaced). A test must not open the real device, so the FIFO proves it.
        Path fifo = Fifos.make(dir.resolve("loss.fifo"));
        Future<byte[]> read = Fifos.drain(fifo);

        CliRun run = Fifos.within(() -> CliRun.of("train", "--epochs", "5", "--csv", fifo.toString()));

        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = new String(Fifos.await(read), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(6).first().isEqualTo("epoch,loss");
        assertThat(Fifos.isFifo(fifo)).isTrue();
        assertThat(CliRun.listing(dir)).containsExactly("loss.fifo");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("run-42.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.json"), target.getFileName());

        CliRun run = CliRun.of("train", "--epochs", "2", "--json", link.toString());

        assertThat(run.status()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target.getFileName());
        assertThat(new ObjectMapper().readTree(target.toFile()).get("config").get("epochs").asInt()).isEqualTo(2);
        assertThat(CliRun.listing(dir)).containsExactly("latest.json", "run-42.json");
    }

    @Test
    void anExistingFileKeepsItsMode() throws Exception {
        Path csv = Files.writeString(dir.resolve("private.csv"), "old");
        Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("rw-------"));

        CliRun run = CliRun.of("train", "--epochs", "2", "--csv", csv.toString());

        assertThat(run.status()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
    }

    @Test
    void aNameOf250CharactersIsWritten() throws Exception {
        Path csv = dir.resolve("l".repeat(246) + ".csv");

        CliRun run = CliRun.of("train", "--epochs", "2", "--csv", csv.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(3);
        assertThat(CliRun.listing(dir)).containsExactly(csv.getFileName().toString());
    }

    @Test
    void aKilledRunsStaleTemporaryFileIsRemovedAndNothingElse() throws Exception {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        List<String> names = List.of(".xorlab-0badc0de.tmp", ".xorlab-1234abcd.tmp", ".loss.csv.0123456789abcdef.tmp",
                ".xorlab-0badc0de.tmp.keep");
        for (String name : names) {
            Files.writeString(dir.resolve(name), "a killed run's bytes");
        }
        for (String old : List.of(".xorlab-0badc0de.tmp", ".loss.csv.0123456789abcdef.tmp", ".xorlab-0badc0de.tmp.keep")) {
            Files.setLastModifiedTime(dir.resolve(old), FileTime.from(twoHoursAgo));
        }

        CliRun run = CliRun.of("train", "--epochs", "2", "--csv", dir.resolve("loss.csv").toString());

        assertThat(run.status()).isZero();
        assertThat(CliRun.listing(dir)).containsExactly(".loss.csv.0123456789abcdef.tmp", ".xorlab-0badc0de.tmp.keep",
                ".xorlab-1234abcd.tmp", "loss.csv");
    }
}
