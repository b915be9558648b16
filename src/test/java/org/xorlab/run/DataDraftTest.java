package org.xorlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.PointCloud;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.Data;
import org.xorlab.session.DataCsv;
import org.xorlab.session.DataCsvException;

/** The student's own points: editing, Undo/Redo, import and export. */
class DataDraftTest {
    @TempDir
    Path dir;

    @Test
    void addRemoveAndMoveChangeThePointsAndUndoRedoWalkBack() {
        DataDraft d = new DataDraft(Samples.NONE);
        int[] changes = {0};
        d.addListener(() -> changes[0]++);
        d.add(0.25, 0.75, 1);
        d.add(-1, 2, 0);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.points().y(0)).isEqualTo(1);
        assertThat(d.points().x1(1)).isEqualTo(-1);
        d.move(0, 3, 4);
        assertThat(d.points().x1(0)).isEqualTo(3);
        assertThat(d.points().y(0)).isEqualTo(1);
        d.remove(1);
        assertThat(d.size()).isEqualTo(1);
        assertThat(changes[0]).isEqualTo(4);

        assertThat(d.undo()).isTrue();
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.undo()).isTrue();
        assertThat(d.points().x1(0)).isEqualTo(0.25);
        assertThat(d.redo()).isTrue();
        assertThat(d.points().x1(0)).isEqualTo(3);
        // A new change forgets what was undone.
        d.add(0, 0, 0);
        assertThat(d.canRedo()).isFalse();
        assertThat(d.redo()).isFalse();
        d.clear();
        assertThat(d.size()).isZero();
        d.undo();
        assertThat(d.size()).isEqualTo(3);
    }

    @Test
    void aDragIsOneStepOfUndo() {
        DataDraft d = new DataDraft(Samples.of(Dataset.XOR));
        d.drag(0, 0.1, 0.1);
        d.drag(0, 0.2, 0.2);
        d.move(0, 0.3, 0.3);
        assertThat(d.points().x1(0)).isEqualTo(0.3);
        d.undo();
        // Back to where the drag began (XOR's first row, 0,0), not to a frame of the drag.
        assertThat(d.points()).isEqualTo(Samples.of(Dataset.XOR));
        assertThat(d.canUndo()).isFalse();
        d.redo();
        assertThat(d.points().x1(0)).isEqualTo(0.3);
    }

    @Test
    void undoHasABoundedHistory() {
        DataDraft d = new DataDraft(Samples.NONE);
        for (int i = 0; i < DataDraft.HISTORY + 50; i++) {
            d.add(i, 0, i % 2);
        }
        int undone = 0;
        while (d.undo()) {
            undone++;
        }
        assertThat(undone).isEqualTo(DataDraft.HISTORY);
        assertThat(d.size()).isEqualTo(50);
    }

    @Test
    void badEditsAreRefusedWithAReasonAndChangeNothing() {
        DataDraft d = new DataDraft(Samples.of(Dataset.AND));
        assertThatThrownBy(() -> d.add(0, 0, 2)).hasMessageContaining("class must be 0 or 1");
        assertThatThrownBy(() -> d.add(Double.NaN, 0, 1)).hasMessageContaining("x1 must be a finite number");
        assertThatThrownBy(() -> d.remove(4)).hasMessageContaining("no point 5");
        assertThat(d.points()).isEqualTo(Samples.of(Dataset.AND));
        assertThat(d.canUndo()).isFalse();
        DataDraft full = new DataDraft(PointCloud.CIRCLE.generate(1000, 0, 1));
        assertThatThrownBy(() -> full.add(0, 0, 1)).hasMessageContaining("at most 1000 points");
    }

    @Test
    void nearestFindsTheClosestPointWithinTheRadius() {
        DataDraft d = new DataDraft(Samples.of(Dataset.XOR));
        assertThat(d.nearest(0.9, 0.1, 0.2)).isEqualTo(2); // (1, 0) is the third row
        assertThat(d.nearest(0.5, 0.5, 0.2)).isEqualTo(-1);
    }

    @Test
    void exportThenImportGivesTheSamePointsBitForBit() throws Exception {
        Samples cloud = PointCloud.SPIRAL.generate(200, 0.1, 3);
        DataDraft d = new DataDraft(cloud);
        Path file = dir.resolve("points.csv");
        d.exportCsv(file);
        assertThat(Files.readString(file)).startsWith("x1,x2,y\n");
        DataDraft other = new DataDraft(Samples.NONE);
        other.importCsv(file);
        assertThat(other.points()).isEqualTo(cloud);
        other.undo();
        assertThat(other.size()).isZero();
    }

    @Test
    void aBadFileIsRefusedWithItsLineAndNothingChanges() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "x1,x2,y\n0,0,0\n1,1,1\n0.5,abc,1\n");
        DataDraft d = new DataDraft(Samples.of(Dataset.OR));
        assertThatThrownBy(() -> d.importCsv(file)).isInstanceOf(DataCsvException.class)
                .hasMessageStartingWith("line 4: x2 must be a number");
        assertThat(d.points()).isEqualTo(Samples.of(Dataset.OR));
        assertThat(d.canUndo()).isFalse();
    }

    /** 1,000 mutations of a good file: each is either refused with the draft unchanged, or read whole. */
    @Test
    void fuzzedFilesAreEitherRefusedOrLoadedWhole() throws Exception {
        String good = DataCsv.format(PointCloud.GAUSS.generate(40, 0.2, 7), null);
        String chars = "0123456789.,-+eE \t\r\nxyabNaInf\uFEFF\u0000;split,train,test";
        Random random = new Random(12);
        Samples start = Samples.of(Dataset.XOR);
        int refused = 0;
        int loaded = 0;
        for (int round = 0; round < 1000; round++) {
            StringBuilder text = new StringBuilder(good);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(4)) {
                    case 0 -> text.insert(at, chars.charAt(random.nextInt(chars.length())));
                    case 1 -> {
                        if (at < text.length()) {
                            text.deleteCharAt(at);
                        }
                    }
                    case 2 -> {
                        if (at < text.length()) {
                            text.setCharAt(at, chars.charAt(random.nextInt(chars.length())));
                        }
                    }
                    default -> text.setLength(Math.min(text.length(), at));
                }
            }
            Path file = dir.resolve("fuzz" + round + ".csv");
            Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
            DataDraft d = new DataDraft(start);
            try {
                d.importCsv(file);
                // Loaded: exactly what the parser reads, every point valid.
                Samples read = DataCsv.parse(text.toString()).points();
                assertThat(d.points()).isEqualTo(read);
                assertThat(d.size()).isBetween(1, Samples.MAX_POINTS);
                for (int i = 0; i < d.size(); i++) {
                    assertThat(Math.abs(d.points().x1(i))).isLessThanOrEqualTo(Samples.MAX_COORDINATE);
                    assertThat(d.points().y(i)).isBetween(0.0, 1.0);
                }
                loaded++;
            } catch (DataCsvException e) {
                assertThat(e.getMessage()).isNotBlank();
                assertThat(d.points()).isEqualTo(start);
                assertThat(d.canUndo()).isFalse();
                refused++;
            }
        }
        assertThat(refused + loaded).isEqualTo(1000);
        assertThat(refused).isPositive();
        assertThat(loaded).isPositive();
    }

    @Test
    void theTruthTablesKeepTheNotebooksRangeAndDataGetsItsPaddedExtent() {
        assertThat(PlotRange.of(TrainingConfig.NOTEBOOK)).isEqualTo(new PlotRange(-0.5, 1.5));
        // Circle points lie within radius 5 (+ noise): extent about -5..5, padded 1 -> -6..6.
        Samples pts = Samples.of(new double[] {-5, 5, 0}, new double[] {0, 0, 4}, new double[] {0, 1, 1});
        TrainingConfig c = TrainingConfig.NOTEBOOK.withOptions(TrainingOptions.NOTEBOOK
                .withData(Data.of("three", pts)));
        assertThat(PlotRange.of(c)).isEqualTo(new PlotRange(-6, 6));
        // Points inside the unit square keep the notebook's view; a point just outside rounds to the next half.
        assertThat(PlotRange.of(Samples.of(Dataset.XOR))).isEqualTo(new PlotRange(-0.5, 1.5));
        Samples wider = Samples.of(new double[] {0, 1.6}, new double[] {0, 0}, new double[] {0, 1});
        assertThat(PlotRange.of(wider)).isEqualTo(new PlotRange(-0.5, 2.0));
    }
}
