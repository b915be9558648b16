package org.xorlab.app.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.xorlab.app.controls.ChoiceText;
import org.xorlab.engine.Activation;
import org.xorlab.engine.GradientCheck;
import org.xorlab.engine.UpdateTrace;
import org.xorlab.export.StepText;
import org.xorlab.text.NumberText;

/**
 * "This step": every number of the last weight update, in the notebook's notation, so a teacher can walk a class
 * through one step of backpropagation: the chunk's inputs and targets, the forward pass, the loss, the errors d2
 * and d1, the gradients averaged over the chunk's m samples, and each weight before and after the update. Columns
 * are the chunk's samples. For a network beyond the notebook's (SPEC.md, "Beyond the notebook") the same lines for
 * every layer, with the hidden activation's own derivative, the loss's own output error, the regularisation term,
 * and the optimiser's state (velocity, Adam's moments) and the update applied; a chooser shows one layer at a time.
 * Its caption, sections and formulas are {@link StepText}'s, which the printed worksheet
 * ({@code export.Worksheet}) writes too. Fed with {@link #show}; it computes nothing itself, it only writes the engine's {@link UpdateTrace}, except for
 * the "Gradient check" section (collapsed until opened), which asks the engine's {@link GradientCheck} for the
 * shown update: on the FX thread when that is cheap (the notebook's network: 0.15 ms), on a background thread
 * when it is not (six layers of eight on a chunk of 1,000 points: 0.6 s).
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


    /** The layer chooser's item for every layer at once. */
    static final int ALL_LAYERS = 0;

    private final Label caption = new Label();
    private final Label banner = new Label();
    private final VBox lines = new VBox(4);
    private final ScrollPane scroll = new ScrollPane();
    /** Which layer's lines to show, for networks deeper than the notebook's; hidden otherwise. */
    private final ChoiceBox<Integer> layerChoice = new ChoiceBox<>();
    private final HBox layerRow = new HBox(8);
    private final Map<String, MatrixView> values = new HashMap<>();
    private final Map<String, MatrixView> afters = new HashMap<>();
    private UpdateTrace shown;
    private long lastRefresh;

    /** The gradient check's section: collapsed until the user opens it (click, or Enter on its focused title). */
    private final TitledPane checkPane = new TitledPane();
    private final Label checkSummary = new Label();
    private final VBox checkBody = new VBox(6);
    private final Map<String, MatrixView> checkValues = new HashMap<>();
    /** The check of {@link #shown}, once computed; null before. */
    private GradientCheck check;
    /** Which trace {@link #check} belongs to, or is being computed for. */
    private UpdateTrace checkFor;
    /** The background thread for a check too costly for the FX thread; made on first need. */
    private java.util.concurrent.ExecutorService checking;

    /** An empty inspector ("No step yet"); the Train tab builds one, a test may build one alone. */
    public StepInspector() {
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
        Label layerLabel = new Label("_Show");
        layerLabel.setMnemonicParsing(true);
        layerLabel.setLabelFor(layerChoice);
        layerChoice.setId("inspector-layer");
        layerChoice.setTooltip(new javafx.scene.control.Tooltip("Every layer's lines, or only one layer's"));
        layerChoice.valueProperty().addListener((o, was, now) -> {
            if (shown != null && now != null && !now.equals(was)) {
                rebuild(shown);
            }
        });
        layerRow.getChildren().setAll(layerLabel, layerChoice);
        layerChoice.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(layerChoice, javafx.scene.layout.Priority.ALWAYS);
        layerRow.setAlignment(Pos.CENTER_LEFT);
        layerRow.setVisible(false);
        layerRow.setManaged(false);
        VBox head = new VBox(6, title, caption, layerRow, banner);
        head.setPadding(new Insets(12, 12, 8, 12));
        setTop(head);

        lines.getStyleClass().add("inspector-lines");
        lines.setPadding(new Insets(4, 10, 14, 12));
        scroll.setContent(lines);
        scroll.setId("inspector-scroll");
        scroll.getStyleClass().add("inspector-scroll");
        scroll.setFitToWidth(true);
        setCenter(scroll);

        checkPane.setId("gradient-check");
        checkPane.setText("Gradient check");
        checkPane.setTooltip(new javafx.scene.control.Tooltip("Backprop's gradients against finite differences"));
        checkPane.setMinWidth(0);
        checkPane.getStyleClass().add("inspector-check");
        checkPane.setExpanded(false);
        checkPane.setAnimated(false);
        checkSummary.setId("gradient-check-summary");
        checkSummary.getStyleClass().add("inspector-check-summary");
        checkSummary.setWrapText(true);
        checkSummary.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double visible = scroll.getViewportBounds().getWidth() - lines.getPadding().getLeft()
                    - lines.getPadding().getRight() - 24;
            return visible > 0 ? visible : Double.MAX_VALUE;
        }, scroll.viewportBoundsProperty()));
        checkBody.setPadding(new Insets(2, 0, 4, 0));
        checkPane.setContent(checkBody);
        // Space, the title's own key, is the window's Play / Pause: Enter on the focused title opens and closes it.
        checkPane.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.getTarget() == checkPane) {
                checkPane.setExpanded(!checkPane.isExpanded());
                e.consume();
            }
        });
        checkPane.expandedProperty().addListener((o, was, open) -> {
            if (open) {
                showCheck();
            }
        });
    }

    /** Fills the gradient check's section for the shown update, if it is open. */
    private void showCheck() {
        if (!checkPane.isExpanded() || shown == null) {
            return;
        }
        UpdateTrace t = shown;
        if (checkFor == t && check != null) {
            renderCheck();
            return;
        }
        if (checkFor == t) {
            return; // being computed
        }
        checkFor = t;
        check = null;
        if (cheap(t)) {
            check = GradientCheck.of(t);
            renderCheck();
            return;
        }
        checkSummary.setText(CHECKING);
        checkBody.getChildren().setAll(checkSummary);
        checkValues.clear();
        if (checking == null) {
            checking = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "gradient-check");
                thread.setDaemon(true);
                return thread;
            });
        }
        checking.execute(() -> {
            GradientCheck result = GradientCheck.of(t);
            javafx.application.Platform.runLater(() -> {
                if (checkFor == t) {
                    check = result;
                    renderCheck();
                }
            });
        });
    }

    static final String CHECKING = "Computing the finite differences…";

    /**
     * True when the check costs little enough for the FX thread: each of the P parameters takes two forward passes
     * of the chunk's m samples, each about P multiply-adds, so about 2 P² m; below 5 million that is a few
     * milliseconds (measured: the notebook's network 0.15 ms, six layers of eight on a chunk of 4 10 ms).
     */
    public static boolean cheap(UpdateTrace t) {
        long parameters = 0;
        int in = t.before().inputs();
        for (int l = 1; l <= t.layers(); l++) {
            int units = t.layer(l).units();
            parameters += (long) units * (in + 1);
            in = units;
        }
        return 2 * parameters * parameters * t.samples() < 5_000_000L;
    }

    /**
     * "Backprop and finite differences agree: largest relative difference 3.2e−9 (h = 1e−5 · max(1, |p|))", or
     * where they differ, the worst parameter.
     */
    public static String checkSummary(GradientCheck c, UpdateTrace t) {
        String h = "(h = " + NumberText.step(GradientCheck.STEP, 1) + " · max(1, |p|))";
        if (!c.agrees()) {
            GradientCheck.Parameter worst = c.worst();
            String kink = t.options().activation() == Activation.RELU
                    ? " A ReLU unit's z within h of 0 is a kink, where the loss has no gradient to check." : "";
            return "Backprop and finite differences differ: largest relative difference "
                    + NumberText.step(c.largestRelativeDifference(), 2) + ", at " + worst.name() + " " + h + "."
                    + kink;
        }
        String s = "Backprop and finite differences agree: largest relative difference "
                + NumberText.step(c.largestResolvedRelativeDifference(), 2) + " " + h;
        int tiny = c.onlyWithinNoise();
        if (tiny > 0) {
            s += "; " + tiny + (tiny == 1 ? " gradient is" : " gradients are") + " too small to compare relatively and"
                    + " agree to within " + NumberText.step(GradientCheck.NOISE, 1);
        }
        return s;
    }

    static final String CHECK_NOTE = "Each parameter p is moved by h each way: the finite difference is "
            + "(L(p + h) − L(p − h)) / 2h, with L the chunk's loss as backprop differentiates it (for mse half the "
            + "mean squared error, since d has no factor 2; no regularisation term). Relative difference: "
            + "|fd − bp| / max(|fd|, |bp|).";

    /** The check's summary and, per parameter matrix (of the chosen layer), backprop's, fd's and their difference. */
    private void renderCheck() {
        checkValues.clear();
        List<Node> nodes = new ArrayList<>();
        checkSummary.setText(checkSummary(check, shown));
        nodes.add(checkSummary);
        Integer chosen = layerRow.isManaged() ? layerChoice.getValue() : null;
        int only = chosen == null ? ALL_LAYERS : chosen;
        // Output layer first, as the gradients above are listed.
        List<String> matrices = new ArrayList<>(check.matrices());
        java.util.Collections.reverse(matrices);
        for (int i = 0; i + 1 < matrices.size(); i += 2) {
            java.util.Collections.swap(matrices, i, i + 1);
        }
        for (String matrix : matrices) {
            int layer = Integer.parseInt(matrix.substring(1));
            if (only != ALL_LAYERS && layer != only) {
                continue;
            }
            nodes.add(checkLine("bp", "d" + matrix + " by backprop", check.backprop(matrix), matrix));
            nodes.add(checkLine("fd", "d" + matrix + " by finite differences", check.finiteDifferences(matrix),
                    matrix));
            nodes.add(checkLine("rel", "relative difference", check.relativeDifferences(matrix), matrix));
        }
        Label note = paragraph(CHECK_NOTE, "inspector-note");
        note.maxWidthProperty().unbind();
        note.maxWidthProperty().bind(checkSummary.maxWidthProperty());
        nodes.add(note);
        checkBody.getChildren().setAll(nodes);
    }

    private Node checkLine(String kind, String text, double[][] values, String matrix) {
        Label formula = new Label(text);
        formula.getStyleClass().add("inspector-formula");
        MatrixView value = new MatrixView(values, kind.equals("rel") ? 2 : NumberText.STEP_DIGITS);
        checkValues.put(kind + ":" + matrix, value);
        VBox box = new VBox(3, formula, value);
        VBox.setMargin(value, new Insets(0, 0, 0, 10));
        box.getStyleClass().add("inspector-line");
        return box;
    }

    /**
     * Shows the last update; while {@code playing}, refreshes at most every {@link #REFRESH_NANOS} and says so.
     * Call on the FX thread with the newest frame's trace (null before the first update).
     */
    public void show(UpdateTrace trace, boolean playing) {
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
            check = null;
            checkFor = null;
            caption.setText("");
            showLayerChoice(null);
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
        caption.setText(StepText.caption(trace));
        showLayerChoice(trace);
        rebuild(trace);
    }

    /** Offers every layer and each one alone when the network is deeper than the notebook's; hides otherwise. */
    private void showLayerChoice(UpdateTrace trace) {
        int layers = trace == null ? 0 : trace.layers();
        boolean offered = layers > 2;
        layerRow.setVisible(offered);
        layerRow.setManaged(offered);
        if (!offered) {
            return;
        }
        List<Integer> items = new ArrayList<>();
        for (int l = ALL_LAYERS; l <= layers; l++) {
            items.add(l);
        }
        // The items first, then the names: a deeper run's items must never be named from a shallower run's trace.
        layerChoice.setConverter(new ChoiceText<>(l -> l <= layers ? layerText(trace, l) : "layer " + l));
        if (!layerChoice.getItems().equals(items)) {
            layerChoice.getItems().setAll(items);
            layerChoice.setValue(ALL_LAYERS);
        }
    }

    private static boolean sameUpdate(UpdateTrace a, UpdateTrace b) {
        return a != null && b != null && a.update() == b.update() && a.epoch() == b.epoch()
                && a.learningRate() == b.learningRate() && a.before().equals(b.before()) && a.after().equals(b.after());
    }


    /** What the layer chooser says for layer {@code l} of {@code t}. */
    static String layerText(UpdateTrace t, int l) {
        if (l == ALL_LAYERS) {
            return "every layer";
        }
        int units = t.layer(l).units();
        String kind = l == t.layers() ? "output layer " + l : "layer " + l;
        String f = l == t.layers() ? "sigmoid" : t.options().activation().id();
        return kind + ": " + units + " " + f + (units == 1 ? " unit" : " units");
    }


    private void rebuild(UpdateTrace t) {
        values.clear();
        afters.clear();
        List<Node> nodes = new ArrayList<>();
        String section = null;
        Integer chosen = layerRow.isManaged() ? layerChoice.getValue() : null;
        int only = chosen == null ? ALL_LAYERS : chosen;
        boolean checkPlaced = false;
        for (StepText.Line line : StepText.lines(t)) {
            if (only != ALL_LAYERS && line.layer() != 0 && line.layer() != only) {
                continue;
            }
            if (!line.section().equals(section)) {
                // The check follows the gradients it checks.
                if (section != null && section.startsWith("Gradients") && !checkPlaced) {
                    nodes.add(checkPane);
                    checkPlaced = true;
                }
                section = line.section();
                nodes.add(paragraph(section, "inspector-section"));
            }
            nodes.add(render(line));
        }
        if (!checkPlaced) {
            nodes.add(checkPane);
        }
        Label legend = paragraph(StepText.LEGEND, "inspector-note");
        Label convention = paragraph(StepText.CONVENTION, "inspector-note");
        convention.setId("inspector-convention");
        VBox notes = new VBox(6, legend);
        if (!StepText.isNotebook(t)) {
            Label general = paragraph(StepText.generalLegend(t), "inspector-note");
            general.setId("inspector-legend");
            notes.getChildren().add(general);
        }
        notes.getChildren().add(convention);
        notes.setPadding(new Insets(12, 0, 0, 0));
        nodes.add(notes);
        lines.getChildren().setAll(nodes);
        showCheck();
    }

    /**
     * A wrapping label as wide as the panel shows: when a wide matrix (a layer of 8 over 8) makes the lines scroll
     * across, titles and notes still wrap within the visible width rather than the matrix's.
     */
    private Label paragraph(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double visible = scroll.getViewportBounds().getWidth() - lines.getPadding().getLeft()
                    - lines.getPadding().getRight();
            return visible > 0 ? visible : Double.MAX_VALUE;
        }, scroll.viewportBoundsProperty()));
        return label;
    }

    private Node render(StepText.Line line) {
        boolean weight = line.after() != null;
        String text = StepText.text(line);
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

    /** Every line's formula and every section's title as shown, top to bottom. */
    public List<String> textsShown() {
        List<String> out = new ArrayList<>();
        collectTexts(lines, out);
        return out;
    }

    private static void collectTexts(Node node, List<String> out) {
        if (node instanceof Label label && (label.getStyleClass().contains("inspector-formula")
                || label.getStyleClass().contains("inspector-section"))) {
            out.add(label.getText());
        } else if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectTexts(child, out);
            }
        }
    }

    /** The gradient check's section (collapsed until opened). */
    public TitledPane gradientCheckPane() {
        return checkPane;
    }

    /** The gradient check's summary line as shown, or empty while the section is closed or computing. */
    public String gradientCheckSummary() {
        return checkPane.isExpanded() && check != null ? checkSummary.getText() : "";
    }

    /**
     * The gradient check's numbers shown for {@code matrix} ("W1", "b2"): {@code kind} "bp" (backprop), "fd" (finite
     * differences) or "rel" (relative difference); null if not shown.
     */
    public String[][] displayedCheck(String kind, String matrix) {
        MatrixView v = checkValues.get(kind + ":" + matrix);
        return v == null ? null : v.texts();
    }

    /** The layer chooser (shown only for networks deeper than the notebook's). */
    public ChoiceBox<Integer> layerChoice() {
        return layerChoice;
    }

    /** True while the layer chooser is showing. */
    public boolean layerChoiceShown() {
        return layerRow.isVisible();
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
