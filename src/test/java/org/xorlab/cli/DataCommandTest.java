package org.xorlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code xorlab data}: a generated point cloud written as a data file. */
class DataCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCircleIsWrittenWithTheHeaderAndNoSplitColumn() throws Exception {
        Path csv = dir.resolve("circle.csv");
        CliRun run = CliRun.of("data", "--dataset", "circle", "--points", "100", "--csv", csv.toString());

        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).containsExactly(
                "Wrote circle (100 points, noise 0, seed 1) to " + csv + ".");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("x1,x2,y");
        assertThat(lines).hasSize(101);
        // The circle's rule without noise: class 1 (the first half) within radius 2.5, class 0 from 3.5 to 5.
        for (int i = 1; i <= 100; i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertThat(cells).hasSize(3);
            double r = Math.hypot(Double.parseDouble(cells[0]), Double.parseDouble(cells[1]));
            if (i <= 50) {
                assertThat(cells[2]).isEqualTo("1");
                assertThat(r).isLessThanOrEqualTo(2.5);
            } else {
                assertThat(cells[2]).isEqualTo("0");
                assertThat(r).isBetween(3.5 - 1e-12, 5.0 + 1e-12);
            }
        }
        assertThat(CliRun.listing(dir)).containsExactly("circle.csv");
    }

    @Test
    void aTestFractionAddsASplitColumnDrawnAsNumpysPermutation() throws Exception {
        Path csv = dir.resolve("xor.csv");
        CliRun run = CliRun.of("data", "--dataset", "xor-cloud", "--points", "40", "--seed", "7",
                "--test-fraction", "0.25", "--csv", csv.toString());

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).containsExactly(
                "Wrote xor-cloud (40 points, noise 0, seed 7), 30 train and 10 test to " + csv + ".");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("x1,x2,y,split");
        List<Integer> test = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertThat(cells[3]).isIn("train", "test");
            if (cells[3].equals("test")) {
                test.add(i - 1);
            }
            // The xor cloud: class 1 where the signs differ, and never within 0.3 of an axis without noise.
            double x1 = Double.parseDouble(cells[0]);
            double x2 = Double.parseDouble(cells[1]);
            assertThat(cells[2]).isEqualTo(x1 * x2 < 0 ? "1" : "0");
            assertThat(Math.min(Math.abs(x1), Math.abs(x2))).isGreaterThanOrEqualTo(0.3);
        }
        // np.random.seed(7); sorted(np.random.permutation(40)[:10])
        assertThat(test).containsExactly(1, 2, 9, 17, 18, 22, 32, 34, 36, 37);
    }

    @Test
    void theSameSettingsWriteTheSameBytes() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        CliRun.of("data", "--dataset", "spiral", "--noise", "0.2", "--seed", "3", "--csv", a.toString());
        CliRun.of("data", "--dataset", "spiral", "--noise", "0.2", "--seed", "3", "--csv", b.toString());
        Path c = dir.resolve("c.csv");
        CliRun.of("data", "--dataset", "spiral", "--noise", "0.2", "--seed", "4", "--csv", c.toString());

        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
        assertThat(Files.readAllLines(a)).hasSize(201); // the default: 200 points
    }

    @Test
    void aDashWritesToStandardOutputAndTheSummaryToStandardError() {
        CliRun run = CliRun.of("data", "--dataset", "gauss", "--points", "8", "--csv", "-");

        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(9);
        assertThat(run.outLines().get(0)).isEqualTo("x1,x2,y");
        assertThat(run.errLines()).containsExactly("Wrote gauss (8 points, noise 0, seed 1) to standard output.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--dataset|moon|xorlab data: --dataset must be one of circle, gauss, xor-cloud, spiral (got 'moon')",
        "--points|7|xorlab data: --points must be a whole number from 8 to 1000 (got '7')",
        "--points|1001|xorlab data: --points must be a whole number from 8 to 1000 (got '1001')",
        "--noise|0.6|xorlab data: --noise must be a number from 0 to 0.5 (got '0.6')",
        "--noise|NaN|xorlab data: --noise must be a number from 0 to 0.5 (got 'NaN')",
        "--seed|-1|xorlab data: --seed must be a whole number from 0 to 4294967295 (got '-1')",
        "--test-fraction|0.95|xorlab data: --test-fraction must be a number from 0 to 0.9 (got '0.95')",
    })
    void aBadValueIsOneLineNamingTheOptionAndWhatIsAllowed(String option, String value, String message) {
        List<String> args = new ArrayList<>(List.of("data", "--dataset", "circle", "--csv",
                dir.resolve("out.csv").toString()));
        args.add(option);
        args.add(value);
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(message);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theDatasetAndTheFileAreRequired() {
        CliRun noFile = CliRun.of("data", "--dataset", "circle");
        assertThat(noFile.status()).isEqualTo(2);
        assertThat(noFile.errLines()).hasSize(1);
        assertThat(noFile.err()).contains("--csv");

        CliRun noName = CliRun.of("data", "--csv", dir.resolve("x.csv").toString());
        assertThat(noName.status()).isEqualTo(2);
        assertThat(noName.errLines()).hasSize(1);
        assertThat(noName.err()).contains("--dataset");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aFileInAMissingFolderIsRefusedAsForTheOtherCommands() {
        String missing = dir.resolve("no/such/x.csv").toString();
        CliRun data = CliRun.of("data", "--dataset", "circle", "--csv", missing);
        CliRun train = CliRun.of("train", "--epochs", "1", "--csv", missing);

        assertThat(data.status()).isEqualTo(2);
        assertThat(data.errLines()).hasSize(1);
        assertThat(data.err().replace("xorlab data:", "")).isEqualTo(train.err().replace("xorlab train:", ""));
    }
}
