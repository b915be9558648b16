package org.xorlab.app.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.apache.commons.math3.linear.RealMatrix;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.engine.Weights;
import org.xorlab.text.NumberText;

/**
 * "This step": every number of the last weight update, in the notebook's notation, so a teacher can walk a class
 * through one step of backpropagation: the chunk's inputs and targets, the forward pass, the loss, the errors d2
 * and d1, the gradients averaged over the chunk's m samples, and each weight before and after the update. Columns
 * are the chunk's samples. Fed with {@link #show}; it computes nothing itself, it only writes the engine's
 * {@link UpdateTrace}.
 *
 * <p>One precision rule for every number here: {@link NumberText#STEP_DIGITS} significant digits
 * ({@link NumberText#step}); a weight's before and after get more only when the change would not show otherwise
 * ({@link NumberText#stepDigits}).
 */
public final class StepInspector extends BorderPane {
    /** While playing, the numbers change at most this often, never once per epoch. */
    static final long REFRESH_NANOS = 500_000_000L;

    public static final String NO_STEP = "No step yet. Press Step update (→) to see every number of one backpropagation step.";
    public static final String PLAYING = "Playing — step to inspect. The numbers below refresh twice a second.";
    static final String REWOUND = "The other views are rewound to epoch %s; these numbers are the live run's "
            + "last step. Esc returns to live.";
    static final String CONVENTION = ("Signs: the notebook's prose writes d2 = (y − ŷ)·σ′(z2) and ∂L/∂W2 = v1ᵀd2; "
            + "its code, which printed its numbers, uses (ŷ − y) and d2 v1ᵀ and subtracts, as shown here.")
            .replace("y − ŷ", "y\u00A0−\u00A0ŷ").replace("ŷ − y", "ŷ\u00A0−\u00A0y");
    static final String LEGEND = "· multiplies element by element (NumPy's *); W x is a matrix product; "
            + "σ(z) = 1 / (1 + e^−z); columns are samples.";

    /**
     * One line of the step's math.
     *
     * @param section the part of the step it belongs to
     * @param name    the value's name in the notebook's notation, for example "z1" or "dW2"
     * @param formula how it is computed, empty for the chunk's data; for a weight, what the update subtracts
     * @param value   its value (for a weight: before the update)
     * @param after   for a weight, its value after the update; otherwise null
     */
    record Line(String section, String name, String formula, double[][] value, double[][] after) {
    }

    private final Label caption = new Label();
    private final Label banner = new Label();
    private final VBox lines = new VBox(4);
    private final Map<String, MatrixView> values = new HashMap<>();
    private final Map<String, MatrixView> afters = new HashMap<>();
    private UpdateTrace shown;
    private long lastRefresh;

    StepInspector() {
        createView();
        show(null, false);
    }

    /** How much the text is zoomed (1 at the stylesheet's 15 px), from the caption's font; presenter zoom changes it. */
    double textScale() {
        return caption.getFont().getSize() / 15.0;
    }

    /** Changes whenever presenter zoom changes the text size. */
    javafx.beans.Observable textSize() {
        return caption.fontProperty();
    }

    private void createView() {
        getStyleClass().add("step-inspector");
        setId("step-inspector");
        Label title = new Label("This step");
        title.getStyleClass().add("card-title");
        caption.setId("inspector-caption");
        caption.getStyleClass().add("inspector-caption");
        caption.setWrapText(true);
        banner.setId("inspector-banner");
        banner.getStyleClass().addAll("callout", "inspector-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        VBox head = new VBox(6, title, caption, banner);
        head.setPadding(new Insets(12, 12, 8, 12));
        setTop(head);

        lines.getStyleClass().add("inspector-lines");
        lines.setPadding(new Insets(4, 10, 14, 12));
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setId("inspector-scroll");
        scroll.getStyleClass().add("inspector-scroll");
        scroll.setFitToWidth(true);
        setCenter(scroll);
    }

    /**
     * Shows the last update; while {@code playing}, refreshes at most every {@link #REFRESH_NANOS} and says so.
     * Call on the FX thread with the newest frame's trace (null before the first update).
     */
    void show(UpdateTrace trace, boolean playing) {
        show(trace, playing, -1);
    }

    /**
     * Like {@link #show(UpdateTrace, boolean)} while the other views show epoch {@code rewoundTo} (or -1 when they
     * show the run live): the banner then says that these numbers are still the live run's last step.
     */
    void show(UpdateTrace trace, boolean playing, long rewoundTo) {
        boolean nothing = trace == null;
        String note = nothing ? NO_STEP : playing ? PLAYING
                : rewoundTo >= 0 ? REWOUND.replace("%s", NumberText.count(rewoundTo)) : "";
        banner.setText(note);
        banner.setVisible(!note.isEmpty());
        banner.setManaged(!note.isEmpty());
        if (nothing) {
            shown = null;
            caption.setText("");
            lines.getChildren().clear();
            values.clear();
            afters.clear();
            return;
        }
        long now = System.nanoTime();
        if (playing && shown != null && now - lastRefresh < REFRESH_NANOS || sameUpdate(trace, shown)) {
            return;
        }
        shown = trace;
        lastRefresh = now;
        caption.setText(caption(trace));
        rebuild(trace);
    }

    private static boolean sameUpdate(UpdateTrace a, UpdateTrace b) {
        return a != null && b != null && a.update() == b.update() && a.epoch() == b.epoch()
                && a.learningRate() == b.learningRate() && a.before().equals(b.before()) && a.after().equals(b.after());
    }

    /** "Update 3 · epoch 1 · sample x = (1, 0)", or the chunk's samples for a mini-batch. */
    static String caption(UpdateTrace t) {
        int m = t.samples();
        int first = t.firstSample();
        StringBuilder s = new StringBuilder("Update " + NumberText.count(t.update()) + " · epoch "
                + NumberText.count(t.epoch()));
        if (first + m == Dataset.SIZE) {
            s.append(" (its last update)");
        }
        s.append("\n");
        if (m == 1) {
            s.append("One sample: x = ").append(input(first)).append(", y = ").append(NumberText.step(t.y().getEntry(0, 0)));
        } else {
            s.append("Mini-batch of m = ").append(m).append(" samples, one per column: ");
            for (int c = 0; c < m; c++) {
                s.append(c == 0 ? "" : " ").append(input(first + c));
            }
            s.append("\nGradients are averaged over the m = ").append(m).append(" samples.");
        }
        return s.toString();
    }

    private static String input(int sample) {
        return "(" + (int) Dataset.x0(sample) + "," + (int) Dataset.x1(sample) + ")";
    }

    /** The step's math, line by line, from the engine's trace. */
    static List<Line> lines(UpdateTrace t) {
        int m = t.samples();
        String lr = NumberText.plain(t.learningRate());
        String forward = "Forward pass";
        String backward = "Backward pass: errors";
        String gradients = m == 1 ? "Gradients (m = 1 sample)" : "Gradients, averaged over m = " + m + " samples";
        String update = "Update: W −= lr · gradient, lr = " + lr;
        Weights before = t.before();
        Weights after = t.after();
        List<Line> out = new ArrayList<>();
        out.add(new Line(forward, "x", "", t.x().getData(), null));
        out.add(new Line(forward, "y", "", t.y().getData(), null));
        out.add(new Line(forward, "z1", "W1 x + b1", t.z1().getData(), null));
        out.add(new Line(forward, "v1", "σ(z1)", t.v1().getData(), null));
        out.add(new Line(forward, "z2", "W2 v1 + b2", t.z2().getData(), null));
        out.add(new Line(forward, "ŷ", "σ(z2)", t.yHat().getData(), null));
        out.add(new Line(forward, "loss", "mean((y − ŷ)²)", new double[][] {{t.loss()}}, null));
        out.add(new Line(backward, "d2", "(ŷ − y) · ŷ(1 − ŷ)", t.d2().getData(), null));
        out.add(new Line(backward, "d1", "(W2ᵀ d2) · v1(1 − v1)", t.d1().getData(), null));
        out.add(new Line(gradients, "dW2", "d2 v1ᵀ / m", t.gradW2().getData(), null));
        out.add(new Line(gradients, "db2", "rowsum(d2) / m", t.gradB2().getData(), null));
        out.add(new Line(gradients, "dW1", "d1 xᵀ / m", t.gradW1().getData(), null));
        out.add(new Line(gradients, "db1", "rowsum(d1) / m", t.gradB1().getData(), null));
        out.add(new Line(update, "W2", lr + " · dW2", data(before.w2()), data(after.w2())));
        out.add(new Line(update, "b2", lr + " · db2", data(before.b2Matrix()), data(after.b2Matrix())));
        out.add(new Line(update, "W1", lr + " · dW1", data(before.w1()), data(after.w1())));
        out.add(new Line(update, "b1", lr + " · db1", data(before.b1()), data(after.b1())));
        return out;
    }

    private static double[][] data(RealMatrix m) {
        return m.getData();
    }

    private void rebuild(UpdateTrace t) {
        values.clear();
        afters.clear();
        List<Node> nodes = new ArrayList<>();
        String section = null;
        for (Line line : lines(t)) {
            if (!line.section().equals(section)) {
                section = line.section();
                Label title = new Label(section);
                title.getStyleClass().add("inspector-section");
                title.setWrapText(true);
                nodes.add(title);
            }
            nodes.add(render(line));
        }
        Label legend = new Label(LEGEND);
        legend.getStyleClass().add("inspector-note");
        legend.setWrapText(true);
        Label convention = new Label(CONVENTION);
        convention.setId("inspector-convention");
        convention.getStyleClass().add("inspector-note");
        convention.setWrapText(true);
        VBox notes = new VBox(6, legend, convention);
        notes.setPadding(new Insets(12, 0, 0, 0));
        nodes.add(notes);
        lines.getChildren().setAll(nodes);
    }

    private Node render(Line line) {
        boolean weight = line.after() != null;
        String text = weight ? line.name() + " −= " + line.formula()
                : line.formula().isEmpty() ? line.name() + " =" : line.name() + " = " + line.formula();
        Label formula = new Label(text);
        formula.getStyleClass().add("inspector-formula");
        formula.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        int digits = weight ? NumberText.stepDigits(line.value(), line.after()) : NumberText.STEP_DIGITS;
        MatrixView value = new MatrixView(line.value(), digits);
        values.put(line.name(), value);
        HBox row = new HBox(10, value);
        row.setAlignment(Pos.CENTER_LEFT);
        Node shownValue = row;
        if (weight) {
            Label arrow = new Label("→");
            arrow.getStyleClass().add("inspector-arrow");
            MatrixView after = new MatrixView(line.after(), digits);
            afters.put(line.name(), after);
            if (line.value()[0].length == 1) {
                row.getChildren().addAll(arrow, after);
            } else {
                // Wider weights: after below before, so that the panel stays narrow.
                GridPane stacked = new GridPane();
                stacked.setHgap(8);
                stacked.setVgap(4);
                stacked.add(value, 1, 0);
                stacked.add(arrow, 0, 1);
                stacked.add(after, 1, 1);
                shownValue = stacked;
            }
        }
        boolean inline = line.value().length == 1 && line.value()[0].length == 1 && !weight;
        if (inline) {
            // A single number beside its formula, or under it when the panel is narrow.
            formula.setText(text.endsWith("=") ? text : text + " =");
            javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(10, 3, formula, value);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("inspector-line");
            return box;
        }
        VBox box = new VBox(3, formula, shownValue);
        VBox.setMargin(shownValue, new Insets(0, 0, 0, weight && shownValue != row ? 0 : 10));
        box.getStyleClass().add("inspector-line");
        return box;
    }

    /** The caption as shown. */
    public String captionText() {
        return caption.getText();
    }

    /** The banner as shown, or empty when it is hidden. */
    public String bannerText() {
        return banner.isVisible() ? banner.getText() : "";
    }

    /** The numbers shown for {@code name} (for a weight: before the update), or null if it is not shown. */
    public String[][] displayed(String name) {
        MatrixView v = values.get(name);
        return v == null ? null : v.texts();
    }

    /** The numbers shown for weight {@code name} after the update, or null if it is not shown. */
    public String[][] displayedAfter(String name) {
        MatrixView v = afters.get(name);
        return v == null ? null : v.texts();
    }
}
