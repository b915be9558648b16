package org.xorlab.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.xorlab.engine.Activation;
import org.xorlab.engine.Feature;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.text.NumberText;

/**
 * A printable worksheet of one weight update (issue 15): the step inspector's lines ({@link StepText}) as exercises
 * on A4, the numbers a student needs given (x, y, the weights before the update, the learning rate) and a box for
 * every number to work out (the forward pass, the loss, the errors d2 and d1, the gradients and the weights after
 * the update), then an answer key, starting on a page of its own, holding every number. Each number is the
 * engine's {@link UpdateTrace}'s, written by {@link NumberText#step} as the window's step inspector writes it (a
 * weight with the digits that show its change, {@link NumberText#stepDigits}).
 *
 * <p>Covers the notebook's network with any number H of hidden units and any chunk of a truth table (batch size 1
 * to 4); anything else is refused with {@link #refusal}'s sentence. The text is set in DejaVu Sans, shipped in the
 * app's resources and embedded (as a subset) in the PDF: PDF's standard fonts cannot encode σ, ŷ or ᵀ, and a font
 * of the machine's own would make the worksheet differ from machine to machine (or fail where it is missing).
 */
public final class Worksheet {
    /** The exercise pages' title. */
    public static final String TITLE = "Backpropagation by hand: one weight update";
    /** The first line of every page of the answer key. */
    public static final String KEY_TITLE = "Answer key";
    /** The most hidden units the page has room for (the engine's own limit). */
    public static final int MAX_HIDDEN = 8;

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 50;
    private static final float TOP = PAGE.getHeight() - 48;
    private static final float BOTTOM = 56;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    /** Where a line's boxes start when they fit beside its formula. */
    private static final float VALUE_X = MARGIN + 232;
    private static final float TITLE_SIZE = 19;
    private static final float SECTION_SIZE = 14.5f;
    private static final float FORMULA_SIZE = 14;
    private static final float BODY_SIZE = 11.5f;
    private static final float NUMBER_SIZE = 12.5f;
    private static final float SMALL_SIZE = 9.5f;
    /** A blank box: room for a handwritten number of five digits and a sign. */
    private static final float BOX_WIDTH = 76;
    private static final float BOX_HEIGHT = 26;
    private static final float CELL_GAP = 7;
    private static final float GREY = 0.4f;

    private Worksheet() {
    }

    /**
     * Why the worksheet cannot print {@code trace}, in one sentence, or null when it can: the notebook's network (one
     * hidden layer of 1 to {@value #MAX_HIDDEN} sigmoid units, inputs x1 and x2, mean squared error, plain SGD without
     * regularisation) on a truth table.
     */
    public static String refusal(UpdateTrace trace) {
        int[] hidden = new int[trace.layers() - 1];
        for (int l = 1; l < trace.layers(); l++) {
            hidden[l - 1] = trace.layer(l).units();
        }
        return refusal(hidden, trace.options());
    }

    /** As {@link #refusal(UpdateTrace)} for any update of a run of {@code config}, before it is trained. */
    public static String refusal(TrainingConfig config) {
        return refusal(config.hiddenLayers(), config.options());
    }

    private static String refusal(int[] hidden, TrainingOptions o) {
        List<String> beyond = new ArrayList<>();
        if (hidden.length != 1) {
            beyond.add(hidden.length + " hidden layers");
        } else if (hidden[0] > MAX_HIDDEN) {
            beyond.add(hidden[0] + " hidden units");
        }
        if (o.activation() != Activation.SIGMOID) {
            beyond.add(o.activation().id() + " units");
        }
        if (!o.features().equals(Feature.DEFAULT)) {
            beyond.add("the inputs " + StepText.featureNames(o));
        }
        if (o.loss() != TrainingOptions.Loss.MSE) {
            beyond.add(o.loss().id());
        }
        if (o.optimizer() != TrainingOptions.Optimizer.SGD) {
            beyond.add(o.optimizer().id());
        }
        if (o.regularization() != TrainingOptions.Regularization.NONE) {
            beyond.add(o.regularization().id() + " regularisation");
        }
        if (!o.data().isTruthTable()) {
            beyond.add("data from a file");
        }
        if (beyond.isEmpty()) {
            return null;
        }
        return "a worksheet covers the notebook's network (one hidden layer of 1 to " + MAX_HIDDEN + " sigmoid units, "
                + "mean squared error, plain SGD) on XOR, AND, OR or XNOR with batch size 1 to 4; this run has "
                + String.join(", ", beyond);
    }

    /**
     * Writes the worksheet of {@code trace}, one update of a run of {@code config}, as a PDF to {@code out} (left
     * open).
     *
     * @throws IllegalArgumentException with {@link #refusal}'s sentence when the update is not one it covers
     */
    public static void write(UpdateTrace trace, TrainingConfig config, OutputStream out) throws IOException {
        String refused = refusal(trace);
        if (refused != null) {
            throw new IllegalArgumentException(refused);
        }
        try (PDDocument doc = new PDDocument()) {
            new Layout(doc, trace, config).draw();
            doc.save(out);
        }
    }

    /** {@link #write} into a byte array. */
    public static byte[] bytes(UpdateTrace trace, TrainingConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(trace, config, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * "XOR · network 2-2-1, sigmoid · mean squared error", then on a line of its own "seed 42 · learning rate 0.1 ·
     * batch size 1 (SGD, one sample per update)": the run's settings, under the title.
     */
    public static String settings(UpdateTrace trace, TrainingConfig config) {
        int k = config.batchSize();
        int n = config.sampleCount();
        String batch = "batch size " + k + (k == 1 ? " (SGD, one sample per update)"
                : k >= n ? " (full-batch gradient descent)" : " (mini-batch)");
        return config.dataName().toUpperCase(Locale.ROOT) + " · network 2-" + trace.layer(1).units()
                + "-1, sigmoid · mean squared error\nseed " + config.seed() + " · learning rate "
                + NumberText.plain(trace.learningRate()) + " · " + batch;
    }

    /** The names of the given values, as {@link StepText#lines} names them. */
    private static final List<String> GIVEN_DATA = List.of("x", "y");

    /** Lays the pages out top to bottom, starting a page when the next row does not fit. */
    private static final class Layout {
        private final PDDocument doc;
        private final UpdateTrace trace;
        private final TrainingConfig config;
        private final PDFont regular;
        private final PDFont bold;
        private final List<StepText.Line> lines;
        /** Significant digits per weight ("W1"), as the inspector writes it before and after its update. */
        private final Map<String, Integer> digits = new LinkedHashMap<>();
        private final List<PDPage> exercisePages = new ArrayList<>();
        private final List<PDPage> keyPages = new ArrayList<>();
        private PDPageContentStream page;
        private boolean key;
        private float y;

        Layout(PDDocument doc, UpdateTrace trace, TrainingConfig config) throws IOException {
            this.doc = doc;
            this.trace = trace;
            this.config = config;
            this.regular = font("DejaVuSans.ttf");
            this.bold = font("DejaVuSans-Bold.ttf");
            this.lines = StepText.lines(trace);
            for (StepText.Line line : lines) {
                if (line.after() != null) {
                    digits.put(line.name(), NumberText.stepDigits(line.value(), line.after()));
                }
            }
        }

        private PDFont font(String name) throws IOException {
            try (InputStream in = Worksheet.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("the worksheet's font " + name + " is missing from the application");
                }
                return PDType0Font.load(doc, in, true);
            }
        }

        void draw() throws IOException {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(TITLE + " (" + settings(trace, config).replace("\n", " · ") + ")");
            info.setCreator("XOR Lab");
            try {
                key = false;
                newPage();
                header(TITLE);
                paragraph(regular, BODY_SIZE, "Name: ______________________________     Date: ______________", MARGIN,
                        RIGHT);
                y -= 6;
                given();
                exercises();
                y -= 4;
                note(StepText.CONVENTION);
                key = true;
                newPage();
                header(KEY_TITLE + ": one weight update");
                given();
                exercises();
            } finally {
                if (page != null) {
                    page.close();
                    page = null;
                }
            }
            footers();
        }

        /** Title, settings, the step's caption and the notation. */
        private void header(String title) throws IOException {
            paragraph(bold, TITLE_SIZE, title, MARGIN, RIGHT);
            y -= 2;
            paragraph(regular, BODY_SIZE, settings(trace, config), MARGIN, RIGHT);
            y -= 4;
            paragraph(bold, BODY_SIZE, StepText.caption(trace), MARGIN, RIGHT);
            y -= 2;
            note(StepText.LEGEND);
            y -= 6;
        }

        /** x and y, the weights before the update and the learning rate: two to a row. */
        private void given() throws IOException {
            section(key ? "Given" : "Given: the chunk, and the weights before the update");
            List<StepText.Line> items = new ArrayList<>();
            for (StepText.Line line : lines) {
                if (GIVEN_DATA.contains(line.name()) && line.layer() == 0) {
                    items.add(line);
                }
            }
            // The weights in the notebook's order: W1, b1, W2, b2.
            for (String name : List.of("W1", "b1", "W2", "b2")) {
                for (StepText.Line line : lines) {
                    if (line.name().equals(name) && line.after() != null) {
                        items.add(line);
                    }
                }
            }
            float half = (RIGHT - MARGIN) / 2;
            int i = 0;
            while (i < items.size()) {
                StepText.Line left = items.get(i);
                String[][] l = texts(left.value(), digitsOf(left));
                StepText.Line right = i + 1 < items.size() ? items.get(i + 1) : null;
                String[][] r = right == null ? null : texts(right.value(), digitsOf(right));
                // Two to a row when both fit in half the width (a wide W2 of 8 units takes a row of its own).
                if (right != null && (givenWidth(l) > half || givenWidth(r) > half)) {
                    right = null;
                    r = null;
                }
                float h = Math.max(numbersHeight(l), r == null ? 0 : numbersHeight(r));
                fit(h + 8);
                float top = y;
                givenItem(left.name() + " =", l, MARGIN, top, h);
                if (right != null) {
                    givenItem(right.name() + " =", r, MARGIN + half, top, h);
                }
                y = top - h - 8;
                i += right == null ? 1 : 2;
            }
            fit(24);
            text(regular, FORMULA_SIZE, MARGIN, y - FORMULA_SIZE, "lr = " + NumberText.plain(trace.learningRate())
                    + "   (the learning rate)");
            y -= FORMULA_SIZE + 12;
        }

        /** How wide a given value's label and bracketed numbers are. */
        private float givenWidth(String[][] values) throws IOException {
            int cols = values[0].length;
            return 52 + 16 + cols * cellWidth(values) + (cols - 1) * CELL_GAP + 8;
        }

        private void givenItem(String label, String[][] values, float x, float top, float height) throws IOException {
            float labelWidth = 44;
            float rowsHeight = numbersHeight(values);
            float mid = top - height / 2;
            text(regular, FORMULA_SIZE, x + labelWidth - width(regular, FORMULA_SIZE, label), mid - FORMULA_SIZE / 3,
                    label);
            // A row of 8 weights may be wider than the page at the usual size: then a smaller one.
            int cols = values[0].length;
            float room = RIGHT - (x + labelWidth + 8) - 16 - (cols - 1) * CELL_GAP;
            float size = Math.min(NUMBER_SIZE, NUMBER_SIZE * room / (cols * cellWidth(values)));
            numbers(values, x + labelWidth + 8, mid + rowsHeight / 2, cellWidth(values) * size / NUMBER_SIZE, size);
        }

        /** Every value to work out, section by section: a box for each number, or (in the key) the number. */
        private void exercises() throws IOException {
            String section = null;
            for (StepText.Line line : lines) {
                if (line.layer() == 0 && GIVEN_DATA.contains(line.name())) {
                    continue;
                }
                double[][] answer = line.after() != null ? line.after() : line.value();
                String[][] shown = texts(answer, digitsOf(line));
                float cell = Math.max(BOX_WIDTH, cellWidth(shown) + 6);
                int cols = answer[0].length;
                float frame = (cols - 1) * CELL_GAP + (cols * answer.length > 1 ? 16 : 0);
                float gridHeight = answer.length * BOX_HEIGHT + (answer.length - 1) * 4;
                boolean beside = VALUE_X + cols * cell + frame <= RIGHT;
                if (!beside) {
                    // Below the formula, as wide as the page allows (a row of 8 gradients: boxes of about 55 pt).
                    cell = Math.min(cell, (RIGHT - MARGIN - 24 - frame) / cols);
                }
                String formula = StepText.text(line) + (line.after() != null ? "" : " =");
                String sub = line.after() != null ? line.name() + " after the update =" : null;
                float textHeight = FORMULA_SIZE + 4 + (sub == null ? 0 : BODY_SIZE + 4);
                float rowHeight = beside ? Math.max(textHeight, gridHeight) : textHeight + 6 + gridHeight;
                boolean newSection = !line.section().equals(section);
                fit(rowHeight + 14 + (newSection ? SECTION_SIZE + 16 : 0));
                if (newSection) {
                    section = line.section();
                    section(section);
                }
                float top = y;
                float textTop = beside ? top - Math.max(0, (gridHeight - textHeight) / 2) : top;
                text(regular, FORMULA_SIZE, MARGIN, textTop - FORMULA_SIZE, formula);
                if (sub != null) {
                    text(regular, BODY_SIZE, MARGIN + 12, textTop - FORMULA_SIZE - 4 - BODY_SIZE, sub);
                }
                float gx = beside ? VALUE_X : MARGIN + 24;
                float gy = beside ? top : top - textHeight - 6;
                if (key) {
                    answerGrid(shown, gx, gy, cell);
                } else {
                    boxes(answer.length, cols, gx, gy, cell);
                }
                y = top - rowHeight - 14;
            }
        }

        private int digitsOf(StepText.Line line) {
            return line.after() != null ? digits.get(line.name()) : NumberText.STEP_DIGITS;
        }

        private static String[][] texts(double[][] values, int significant) {
            String[][] out = new String[values.length][];
            for (int r = 0; r < values.length; r++) {
                out[r] = new String[values[r].length];
                for (int c = 0; c < values[r].length; c++) {
                    out[r][c] = NumberText.step(values[r][c], significant);
                }
            }
            return out;
        }

        private float cellWidth(String[][] values) throws IOException {
            float widest = 0;
            for (String[] row : values) {
                for (String v : row) {
                    widest = Math.max(widest, width(regular, NUMBER_SIZE, v));
                }
            }
            return widest + 6;
        }

        private static float numbersHeight(String[][] values) {
            return values.length * (NUMBER_SIZE + 7);
        }

        /** Numbers right-aligned in columns, in brackets unless a single number; {@code top} is the grid's top. */
        private void numbers(String[][] values, float x, float top, float cell, float size) throws IOException {
            int rows = values.length;
            int cols = values[0].length;
            boolean bracketed = rows * cols > 1;
            float left = bracketed ? x + 8 : x;
            float rowHeight = NUMBER_SIZE + 7;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float right = left + c * (cell + CELL_GAP) + cell;
                    String v = values[r][c];
                    text(regular, size, right - width(regular, size, v), top - r * rowHeight - rowHeight + 5, v);
                }
            }
            if (bracketed) {
                brackets(x, left + cols * cell + (cols - 1) * CELL_GAP + 2, top, top - rows * rowHeight);
            }
        }

        /** The answer key's numbers in the same places as the exercise's boxes. */
        private void answerGrid(String[][] values, float x, float top, float cell) throws IOException {
            int rows = values.length;
            int cols = values[0].length;
            boolean bracketed = rows * cols > 1;
            float left = bracketed ? x + 8 : x;
            // One size for the whole grid: smaller only when a box narrowed to fit the page is too narrow for it.
            float size = Math.min(NUMBER_SIZE, NUMBER_SIZE * (cell - 8) / (cellWidth(values) - 6));
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float right = left + c * (cell + CELL_GAP) + cell - 4;
                    float boxTop = top - r * (BOX_HEIGHT + 4);
                    String v = values[r][c];
                    text(regular, size, right - width(regular, size, v), boxTop - BOX_HEIGHT / 2 - size / 3, v);
                }
            }
            if (bracketed) {
                brackets(x, left + cols * cell + (cols - 1) * CELL_GAP + 2, top + 3,
                        top - rows * BOX_HEIGHT - (rows - 1) * 4 - 3);
            }
        }

        /** A blank box per number (rectangles; nothing else on the page is one), in brackets unless one number. */
        private void boxes(int rows, int cols, float x, float top, float cell) throws IOException {
            boolean bracketed = rows * cols > 1;
            float left = bracketed ? x + 8 : x;
            page.setLineWidth(0.8f);
            page.setStrokingColor(0.25f);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float bx = left + c * (cell + CELL_GAP);
                    float by = top - r * (BOX_HEIGHT + 4) - BOX_HEIGHT;
                    page.addRect(bx, by, cell, BOX_HEIGHT);
                }
            }
            page.stroke();
            page.setStrokingColor(0f);
            if (bracketed) {
                brackets(x, left + cols * cell + (cols - 1) * CELL_GAP + 2, top + 3,
                        top - rows * BOX_HEIGHT - (rows - 1) * 4 - 3);
            }
        }

        /** Square brackets from {@code top} to {@code bottom}, the left one at {@code x}, the right one at {@code right}. */
        private void brackets(float x, float right, float top, float bottom) throws IOException {
            float arm = 5;
            page.setLineWidth(1.1f);
            page.moveTo(x + arm, top);
            page.lineTo(x, top);
            page.lineTo(x, bottom);
            page.lineTo(x + arm, bottom);
            page.moveTo(right + 4 - arm, top);
            page.lineTo(right + 4, top);
            page.lineTo(right + 4, bottom);
            page.lineTo(right + 4 - arm, bottom);
            page.stroke();
        }

        private void section(String title) throws IOException {
            y -= 6;
            paragraph(bold, SECTION_SIZE, title, MARGIN, RIGHT);
            page.setLineWidth(0.6f);
            page.setStrokingColor(0.6f);
            page.moveTo(MARGIN, y + 2);
            page.lineTo(RIGHT, y + 2);
            page.stroke();
            page.setStrokingColor(0f);
            y -= 8;
        }

        private void note(String text) throws IOException {
            page.setNonStrokingColor(GREY);
            paragraph(regular, BODY_SIZE - 1, text, MARGIN, RIGHT);
            page.setNonStrokingColor(0f);
        }

        /** Starts a page when fewer than {@code height} points are left on this one. */
        private void fit(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
                if (key) {
                    paragraph(bold, BODY_SIZE, KEY_TITLE + " (continued)", MARGIN, RIGHT);
                    y -= 6;
                }
            }
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage p = new PDPage(PAGE);
            doc.addPage(p);
            (key ? keyPages : exercisePages).add(p);
            page = new PDPageContentStream(doc, p);
            y = TOP;
        }

        /** "Worksheet, page 1 of 2" and "Answer key, page 1 of 1" at the foot of each page. */
        private void footers() throws IOException {
            footers(exercisePages, "Worksheet");
            footers(keyPages, KEY_TITLE);
        }

        private void footers(List<PDPage> pages, String what) throws IOException {
            for (int i = 0; i < pages.size(); i++) {
                try (PDPageContentStream s = new PDPageContentStream(doc, pages.get(i),
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    String text = "XOR Lab · " + what + ", page " + (i + 1) + " of " + pages.size();
                    s.setNonStrokingColor(GREY);
                    s.beginText();
                    s.setFont(regular, SMALL_SIZE);
                    s.newLineAtOffset((PAGE.getWidth() - width(regular, SMALL_SIZE, text)) / 2, 30);
                    s.showText(text);
                    s.endText();
                }
            }
        }

        /** Wrapped text from {@code y} down, lines broken at spaces and at '\n'; moves {@code y} below it. */
        private void paragraph(PDFont font, float size, String text, float left, float right) throws IOException {
            float leading = size * 1.3f;
            for (String para : text.split("\n")) {
                StringBuilder line = new StringBuilder();
                for (String word : para.split(" ")) {
                    String candidate = line.length() == 0 ? word : line + " " + word;
                    if (line.length() > 0 && width(font, size, candidate) > right - left) {
                        text(font, size, left, y - size, line.toString());
                        y -= leading;
                        line = new StringBuilder(word);
                    } else {
                        line = new StringBuilder(candidate);
                    }
                }
                text(font, size, left, y - size, line.toString());
                y -= leading;
            }
        }

        private void text(PDFont font, float size, float x, float baseline, String s) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, baseline);
            page.showText(s);
            page.endText();
        }

        private static float width(PDFont font, float size, String s) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }
    }
}
