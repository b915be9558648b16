package org.xorlab.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.engine.LossHistory;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;

/** Loss CSV: one column per named run, full precision, empty cells where a run has no epoch. */
class LossHistoryCsvTest {
    @TempDir
    Path dir;

    @Test
    void oneRunIsEpochAndLossInFullPrecision() throws Exception {
        Trainer trainer = new Trainer(TrainingConfig.NOTEBOOK);
        LossHistory history = new LossHistory();
        trainer.runEpochs(50, (e, loss) -> history.append(loss));
        Path file = dir.resolve("loss.csv");
        LossHistoryCsv.write(file, List.of(LossHistoryCsv.Column.of("loss", history, 50)));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(51);
        assertThat(lines.get(0)).isEqualTo("epoch,loss");
        assertThat(lines.get(1)).isEqualTo("1,0.3239537158130419");
        for (int e = 1; e <= 50; e++) {
            String[] cells = lines.get(e).split(",", -1);
            assertThat(Long.parseLong(cells[0])).isEqualTo(e);
            assertThat(Double.parseDouble(cells[1])).isEqualTo(history.get(e - 1));
        }
    }

    @Test
    void severalRunsShareTheEpochColumnAndShorterRunsLeaveCellsEmpty() throws Exception {
        StringWriter out = new StringWriter();
        LossHistoryCsv.write(out, List.of(
                LossHistoryCsv.Column.of("sgd", new double[] {0.3, 0.2, 0.1}),
                LossHistoryCsv.Column.of("batch, lr 0.1", new double[] {0.31}),
                LossHistoryCsv.Column.of("diverged \"x\"", new double[] {0.4, Double.NaN})));
        assertThat(out.toString().lines()).containsExactly(
                "epoch,sgd,\"batch, lr 0.1\",\"diverged \"\"x\"\"\"",
                "1,0.3,0.31,0.4",
                "2,0.2,,",
                "3,0.1,,");
    }

    @Test
    void noEpochsIsJustTheHeader() throws Exception {
        StringWriter out = new StringWriter();
        LossHistoryCsv.write(out, List.of(LossHistoryCsv.Column.of("loss", new double[0])));
        assertThat(out.toString()).isEqualTo("epoch,loss\n");
    }
}
