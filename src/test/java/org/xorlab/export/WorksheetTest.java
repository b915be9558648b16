package org.xorlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.text.NumberText;

/**
 * The worksheet read back with PDFBox: every given number and every answer is the engine's, as the step inspector
 * writes it; the exercise pages have a box for each answer and none of the answers; the key has its own pages.
 */
class WorksheetTest {

    @Test
    void theNotebooksFirstSgdStep() throws IOException {
        Sheet sheet = check(TrainingConfig.NOTEBOOK, 1);
        assertThat(sheet.exercise()).contains("Update 1 · epoch 1", "One sample: x = (0,0), y = 0",
                "z1 = W1 x + b1 =", "v1 = σ(z1) =", "ŷ = σ(z2) =", "d1 = (W2ᵀ d2) · v1(1 − v1) =",
                "dW1 = d1 xᵀ / m =", "W1 −= 0.1 · dW1", "Gradients (m = 1 sample)",
                "XOR · network 2-2-1, sigmoid · mean squared error\nseed 42 · learning rate 0.1 · batch size 1 (SGD");
        // The notebook's first forward pass on x = (0, 0): z1 = b1, so its numbers are given ones; y_hat is not.
        assertThat(sheet.key()).contains("0.7501", "0.5627");
        assertThat(sheet.exercise()).doesNotContain("0.7501", "0.5627");
    }

    @Test
    void aFullBatchStep() throws IOException {
        Sheet sheet = check(TrainingConfig.NOTEBOOK.withBatchSize(4), 3);
        assertThat(sheet.exercise()).contains("Update 3 · epoch 3",
                "Mini-batch of m = 4 samples, one per column: (0,0) (0,1) (1,0) (1,1)",
                "Gradients, averaged over m = 4 samples", "batch size 4 (full-batch gradient descent)");
    }

    @Test
    void eightHiddenUnitsInAMiniBatchOfTwoLaterInTheRun() throws IOException {
        check(TrainingConfig.NOTEBOOK.withHidden(8).withBatchSize(2).withDataset(Dataset.OR), 2_001);
    }

    @Test
    void aDeeperNetworkOrAnotherOptimiserIsRefusedInOneLine() {
        TrainingConfig deep = TrainingConfig.NOTEBOOK.withHiddenLayers(4, 4);
        assertThat(Worksheet.refusal(deep)).isEqualTo("a worksheet covers the notebook's network (one hidden layer "
                + "of 1 to 8 sigmoid units, mean squared error, plain SGD) on XOR, AND, OR or XNOR with batch size 1 "
                + "to 4; this run has 2 hidden layers");
        Trainer trainer = new Trainer(deep);
        trainer.step();
        UpdateTrace trace = trainer.lastUpdate();
        assertThat(Worksheet.refusal(trace)).isEqualTo(Worksheet.refusal(deep));
        assertThatThrownBy(() -> Worksheet.bytes(trace, deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(Worksheet.refusal(deep));

        TrainingConfig adam = TrainingConfig.NOTEBOOK.withOptions(TrainingConfig.NOTEBOOK.options()
                .withOptimizer(TrainingOptions.Optimizer.ADAM));
        assertThat(Worksheet.refusal(adam)).endsWith("this run has adam").doesNotContain("\n");
        assertThat(Worksheet.refusal(TrainingConfig.NOTEBOOK)).isNull();
    }

    /** The text of the exercise pages and of the key's, read back. */
    record Sheet(String exercise, String key) {
    }

    /**
     * Trains {@code config} to update {@code updates}, writes its worksheet and checks it against the update's trace.
     */
    private static Sheet check(TrainingConfig config, long updates) throws IOException {
        Trainer trainer = new Trainer(config);
        while (trainer.updates() < updates) {
            assertThat(trainer.step()).isTrue();
        }
        UpdateTrace t = trainer.lastUpdate();
        assertThat(t.update()).isEqualTo(updates);
        byte[] pdf = Worksheet.bytes(t, config);

        // Given: the chunk, the weights before the update (with the digits that show their change) and lr.
        List<String> given = new ArrayList<>();
        given.addAll(texts(t.x(), NumberText.STEP_DIGITS));
        given.addAll(texts(t.y(), NumberText.STEP_DIGITS));
        for (int l = 1; l <= 2; l++) {
            given.addAll(texts(t.before().w(l), digits(t.before().w(l), t.after().w(l))));
            given.addAll(texts(t.before().b(l), digits(t.before().b(l), t.after().b(l))));
        }
        given.add(NumberText.plain(t.learningRate()));
        // The answers: every value of the update, and the weights after it.
        List<String> answers = new ArrayList<>();
        for (RealMatrix m : List.of(t.z1(), t.v1(), t.z2(), t.yHat())) {
            answers.addAll(texts(m, NumberText.STEP_DIGITS));
        }
        answers.add(NumberText.step(t.loss()));
        for (RealMatrix m : List.of(t.d2(), t.d1(), t.gradW2(), t.gradB2(), t.gradW1(), t.gradB1())) {
            answers.addAll(texts(m, NumberText.STEP_DIGITS));
        }
        for (int l = 2; l >= 1; l--) {
            answers.addAll(texts(t.after().w(l), digits(t.before().w(l), t.after().w(l))));
            answers.addAll(texts(t.after().b(l), digits(t.before().b(l), t.after().b(l))));
        }
        int h = t.layer(1).units();
        int m = t.samples();
        assertThat(answers).hasSize(2 * h * m + 2 * m + 1 + m + h * m + h + 1 + 2 * h + h + h + 1 + 2 * h + h);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            List<String> texts = new ArrayList<>();
            for (int p = 1; p <= pages; p++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                texts.add(stripper.getText(doc));
            }
            int firstKey = -1;
            for (int p = 0; p < pages; p++) {
                if (texts.get(p).strip().startsWith(Worksheet.KEY_TITLE)) {
                    firstKey = p;
                    break;
                }
            }
            assertThat(firstKey).as("the key's first page").isPositive();
            StringBuilder exercise = new StringBuilder();
            StringBuilder key = new StringBuilder();
            int boxes = 0;
            for (int p = 0; p < pages; p++) {
                boolean isKey = p >= firstKey;
                assertThat(texts.get(p).strip().startsWith(Worksheet.KEY_TITLE)).as("page " + (p + 1)).isEqualTo(isKey);
                (isKey ? key : exercise).append(texts.get(p));
                int rectangles = rectangles(doc.getPage(p));
                if (isKey) {
                    assertThat(rectangles).as("boxes on key page " + (p + 1)).isZero();
                } else {
                    boxes += rectangles;
                }
            }
            assertThat(boxes).as("a box for each answer").isEqualTo(answers.size());

            Map<String, Integer> exerciseTokens = tokens(exercise.toString());
            Map<String, Integer> keyTokens = tokens(key.toString());
            assertContains(exerciseTokens, given, "exercise pages");
            List<String> every = new ArrayList<>(given);
            every.addAll(answers);
            assertContains(keyTokens, every, "answer key");
            Set<String> givenSet = new HashSet<>(given);
            for (String answer : answers) {
                if (!givenSet.contains(answer)) {
                    assertThat(exerciseTokens).as("an answer on the exercise pages").doesNotContainKey(answer);
                }
            }
            for (COSName name : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            }
            return new Sheet(exercise.toString(), key.toString());
        }
    }

    private static int digits(RealMatrix before, RealMatrix after) {
        return NumberText.stepDigits(before.getData(), after.getData());
    }

    private static List<String> texts(RealMatrix m, int digits) {
        List<String> out = new ArrayList<>();
        for (double[] row : m.getData()) {
            for (double v : row) {
                out.add(NumberText.step(v, digits));
            }
        }
        return out;
    }

    private static Map<String, Integer> tokens(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String token : text.split("\\s+")) {
            counts.merge(token, 1, Integer::sum);
        }
        return counts;
    }

    /** Each of {@code expected} among the tokens, as many times as it is expected. */
    private static void assertContains(Map<String, Integer> tokens, List<String> expected, String where) {
        Map<String, Integer> wanted = new HashMap<>();
        for (String e : expected) {
            wanted.merge(e, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> e : wanted.entrySet()) {
            assertThat(tokens.getOrDefault(e.getKey(), 0)).as(e.getKey() + " on the " + where)
                    .isGreaterThanOrEqualTo(e.getValue());
        }
    }

    /** The rectangles a page draws: the worksheet draws nothing but its blank boxes as rectangles. */
    private static int rectangles(PDPage page) throws IOException {
        int[] count = {0};
        PDFGraphicsStreamEngine engine = new PDFGraphicsStreamEngine(page) {
            private final Point2D.Float current = new Point2D.Float();

            @Override
            public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
                count[0]++;
            }

            @Override
            public void drawImage(PDImage pdImage) {
            }

            @Override
            public void clip(int windingRule) {
            }

            @Override
            public void moveTo(float x, float y) {
                current.setLocation(x, y);
            }

            @Override
            public void lineTo(float x, float y) {
                current.setLocation(x, y);
            }

            @Override
            public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
                current.setLocation(x3, y3);
            }

            @Override
            public Point2D getCurrentPoint() {
                return current;
            }

            @Override
            public void closePath() {
            }

            @Override
            public void endPath() {
            }

            @Override
            public void strokePath() {
            }

            @Override
            public void fillPath(int windingRule) {
            }

            @Override
            public void fillAndStrokePath(int windingRule) {
            }

            @Override
            public void shadingFill(COSName shadingName) {
            }
        };
        engine.processPage(page);
        return count[0];
    }
}
