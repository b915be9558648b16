package org.xorlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xorlab.engine.Samples;
import org.xorlab.session.CsvDamage;
import org.xorlab.session.DataCsvException;

/**
 * 1,000 damaged CSV files imported into the student's own points, as the window's Import does
 * ({@link DataDraft#importCsv}): each is either refused with a message naming what is wrong (the line, for a bad
 * line), leaving the points, Undo and Redo exactly as they were, or loaded as exactly the points its lines hold, one
 * Undo away from the points before. The file itself is never changed and nothing else appears in its folder.
 */
class DataDraftFuzzTest {
    private static final int FILES = 1000;

    @TempDir
    Path dir;

    @Test
    void everyDamagedFileIsRefusedWithNothingChangedOrLoadedAsItsLinesSay() throws Exception {
        Random random = new Random(20261203);
        byte[] valid = CsvDamage.validFile(random);
        Path file = dir.resolve("points.csv");
        DataDraft draft = new DataDraft(Samples.of(new double[] {0, 1, 2}, new double[] {0, 1, 0},
                new double[] {0, 1, 1}));
        draft.add(0.5, 0.5, 1); // something to undo
        int refused = 0;
        int loaded = 0;
        int withLine = 0;
        for (int i = 0; i < FILES; i++) {
            byte[] bytes = CsvDamage.mutate(valid, random);
            Files.write(file, bytes);
            String what = "file " + i + " (" + CsvDamage.describe(bytes) + ")";
            Samples before = draft.points();
            boolean couldUndo = draft.canUndo();
            boolean couldRedo = draft.canRedo();
            try {
                draft.importCsv(file);
                loaded++;
                assertThat(draft.points()).as(what + ": the points its lines hold")
                        .isEqualTo(pointsOf(new String(bytes, StandardCharsets.UTF_8), what));
                assertThat(draft.canRedo()).as(what).isFalse();
                if (!draft.points().equals(before)) {
                    assertThat(draft.undo()).as(what + ": Undo takes the import back").isTrue();
                    assertThat(draft.points()).as(what + ": after Undo").isEqualTo(before);
                }
            } catch (DataCsvException e) {
                refused++;
                String message = e.getMessage();
                assertThat(message).as(what).isNotBlank().doesNotContain("Exception", "java.");
                assertThat(message.length()).as(what + ": " + message).isGreaterThan(15);
                withLine += message.matches("line [0-9]+: .*") ? 1 : 0;
                assertThat(draft.points()).as(what + ": refused, the points are unchanged").isEqualTo(before);
                assertThat(draft.canUndo()).as(what).isEqualTo(couldUndo);
                assertThat(draft.canRedo()).as(what).isEqualTo(couldRedo);
            }
            assertThat(Files.readAllBytes(file)).as(what + ": the file is unchanged").isEqualTo(bytes);
            try (var listing = Files.list(dir)) {
                assertThat(listing.map(p -> p.getFileName().toString())).as(what).containsExactly("points.csv");
            }
        }
        // The damages reach both outcomes, and most refusals name their line.
        assertThat(refused).isGreaterThan(FILES / 2);
        assertThat(loaded).isGreaterThan(FILES / 20);
        assertThat(withLine).isGreaterThan(refused / 2);
    }

    /**
     * The points a file that loaded must hold, read here by the file format's rules alone: after an optional byte
     * order mark and blank lines, the header, then every non-blank line's first three comma-separated numbers.
     */
    private static Samples pointsOf(String text, String what) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<double[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : text.split("\r?\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",", -1);
            try {
                rows.add(new double[] {Double.parseDouble(cells[0].trim()), Double.parseDouble(cells[1].trim()),
                    Double.parseDouble(cells[2].trim())});
            } catch (RuntimeException e) {
                fail(what + ": loaded although line '" + line + "' is not three numbers");
            }
        }
        double[] x1 = new double[rows.size()];
        double[] x2 = new double[rows.size()];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x1[i] = rows.get(i)[0];
            x2[i] = rows.get(i)[1];
            y[i] = rows.get(i)[2];
        }
        return Samples.of(x1, x2, y);
    }
}
