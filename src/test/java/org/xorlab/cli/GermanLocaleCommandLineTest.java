package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line prints and writes the same on a German system as anywhere else. Run by the build in a JVM started
 * with {@code -Duser.language=de -Duser.country=DE} (see GermanLocaleWindowTest); on its own it sets that default
 * itself.
 */
class GermanLocaleCommandLineTest {
    private static Locale original;

    @TempDir
    Path dir;

    @BeforeAll
    static void german() {
        original = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        assertThat(String.format("%,d", 10_000)).as("the default locale writes German numbers").isEqualTo("10.000");
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(original);
    }

    @Test
    void trainPrintsPythonLossesAndSeparatedCounts() {
        CliRun run = CliRun.of("train", "--learning-rate", "0.5", "--print-every", "2500");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).containsExactly(
                "Epoch 1, Loss: 0.32559496376884084",
                "Epoch 2501, Loss: 0.0019053823095675731",
                "Epoch 5001, Loss: 0.0006975669832195507",
                "Epoch 7501, Loss: 0.00041964321769781283",
                "Final loss (epoch 10,000): 0.0002983718377750613",
                "Predicted output after training:",
                "  x1  x2  target  prediction",
                run.outLines().get(7), run.outLines().get(8), run.outLines().get(9), run.outLines().get(10));
        for (String row : run.outLines().subList(7, 11)) {
            assertThat(row).matches("   [01]   [01]       [01]  0\\.\\d{8}");
        }
    }

    @Test
    void filesAreByteForByteTheSameAsUnderLocaleRoot() throws IOException {
        Path germanCsv = dir.resolve("de.csv");
        Path germanJson = dir.resolve("de.json");
        CliRun german = CliRun.of("train", "--learning-rate", "0.5", "--epochs", "2000", "--csv", germanCsv.toString(),
                "--json", germanJson.toString());
        Locale.setDefault(Locale.ROOT);
        CliRun root;
        Path rootCsv = dir.resolve("root.csv");
        Path rootJson = dir.resolve("root.json");
        try {
            root = CliRun.of("train", "--learning-rate", "0.5", "--epochs", "2000", "--csv", rootCsv.toString(),
                    "--json", rootJson.toString());
        } finally {
            Locale.setDefault(Locale.GERMANY);
        }

        assertThat(german.status()).isZero();
        assertThat(root.status()).isZero();
        assertThat(Files.readAllBytes(germanCsv)).isEqualTo(Files.readAllBytes(rootCsv));
        assertThat(Files.readAllBytes(germanJson)).isEqualTo(Files.readAllBytes(rootJson));
        assertThat(Files.readString(germanCsv)).startsWith("epoch,loss\n1,0.32559496376884084\n");
        assertThat(german.outLines().get(0)).contains("learning rate 0.5,").contains(" for 2,000 epochs: final loss 0.");
        assertThat(german.out().replace("de.", "root.")).isEqualTo(root.out());
    }
}
