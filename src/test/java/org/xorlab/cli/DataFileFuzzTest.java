package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.session.CsvDamage;

/**
 * 1,000 damaged data files (see {@link CsvDamage}) fed to {@code train --data}: each is refused with exit status 2 and
 * one line saying what is wrong (the line, for a bad line), or trains (exit 0); never a stack trace, never a changed
 * input, never a file left behind.
 */
class DataFileFuzzTest {
    /** As many as the window's import gets (DataDraftFuzzTest, the same damages). */
    private static final int FILES = 1000;

    @TempDir
    Path dir;

    @Test
    void everyDamagedFileIsRefusedOnOneLineOrTrainsAndNothingChanges() throws Exception {
        Random random = new Random(20261203);
        byte[] valid = CsvDamage.validFile(random);
        Path file = dir.resolve("points.csv");
        Path csv = dir.resolve("loss.csv");
        int refused = 0;
        int loaded = 0;
        int withLine = 0;
        for (int i = 0; i < FILES; i++) {
            byte[] bytes = CsvDamage.mutate(valid, random);
            Files.write(file, bytes);
            boolean toFile = i % 2 == 0;
            CliRun run = toFile
                    ? CliRun.of("train", "--data", file.toString(), "--hidden", "1", "--epochs", "1",
                            "--csv", csv.toString())
                    : CliRun.of("train", "--data", file.toString(), "--hidden", "1", "--epochs", "1");
            String what = "file " + i + " (" + CsvDamage.describe(bytes) + ")";

            assertThat(run.status()).as(what + ": " + run.err()).isIn(0, 2);
            assertThat(run.err()).as(what).doesNotContain("Exception", "\tat ", "java.");
            assertThat(Files.readAllBytes(file)).as(what + ": the input is unchanged").isEqualTo(bytes);
            if (run.status() == 2) {
                refused++;
                assertThat(run.out()).as(what).isEmpty();
                assertThat(run.errLines()).as(what).hasSize(1);
                String message = run.errLines().get(0);
                assertThat(message).as(what).startsWith("xorlab train: --data '" + file + "' is refused: ");
                assertThat(message.length()).as(what).isGreaterThan(("xorlab train: --data '" + file
                        + "' is refused: ").length() + 10);
                withLine += message.matches(".* is refused: line [0-9]+: .*") ? 1 : 0;
                assertThat(CliRun.listing(dir)).as(what).containsExactly("points.csv");
            } else {
                loaded++;
                assertThat(run.err()).as(what).isEmpty();
                assertThat(run.out()).as(what).contains("Accuracy (threshold 0.5): ");
                if (toFile) {
                    assertThat(Files.readAllLines(csv).get(0)).as(what).startsWith("epoch,loss");
                    Files.delete(csv);
                }
                assertThat(CliRun.listing(dir)).as(what).containsExactly("points.csv");
            }
        }
        // The mutations reach both outcomes, and most refusals name their line.
        assertThat(refused).isGreaterThan(FILES / 2);
        assertThat(loaded).isGreaterThan(FILES / 20);
        assertThat(withLine).isGreaterThan(refused / 2);
    }
}
