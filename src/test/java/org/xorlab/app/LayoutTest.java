package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.resize;
import static org.xorlab.app.FxTesting.settle;
import static org.xorlab.app.FxTesting.waitFor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.chart.LossChart;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.app.view.ZoomPane;

/**
 * The real window laid out at the screen sizes classrooms have, as a teacher would see it: every control the README
 * names is inside the window (or in a view that scrolls to it, never sideways), no label is cut short to "...", the
 * loss chart keeps a plot at least 180 px tall and draws something other than black.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutTest {
    /** Width and height of the screens the layout must fit. */
    static final int[][] SIZES = {{1024, 768}, {1280, 720}, {1280, 800}, {1366, 768}, {1920, 1080}, {3840, 2160}};

    static final List<String> TRAIN_CONTROLS = List.of("#play", "#step-update", "#step-epoch", "#step-10",
            "#step-100", "#step-1000", "#reset", "#new-seed", "#speed", "#log-scale", "#loss-chart", "#rewind-slider",
            "#network-view", "#input-0", "#input-3", "#decision-surface", "#truth-table", "#status-epoch",
            "#status-updates", "#status-loss");
    static final List<String> SETTINGS_CONTROLS = List.of("#dataset", "#hidden", "#learning-rate", "#batch-size",
            "#seed", "#stop-by-epochs", "#stop-by-loss");
    static final List<String> COMPARE_CONTROLS = List.of("#compare-play", "#compare-step-update", "#compare-reset",
            "#compare-speed", "#compare-dataset", "#compare-hidden", "#compare-seed", "#compare-budget",
            "#compare-budget-measure", "#compare-target-loss", "#compare-chart", "#compare-x-epochs",
            "#compare-x-updates", "#compare-x-samples", "#compare-log-scale", "#compare-summary", "#compare-verdict",
            "#compare-add-run", "#compare-run-0-network", "#compare-run-0-surface", "#compare-run-0-learning-rate",
            "#compare-run-0-batch-size", "#compare-run-1-network", "#compare-run-1-surface");

    private Stage stage;
    private AppShell window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = FxTesting.show(stage, 1024, 768);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    @Test
    void trainTabFitsEverySizeWithAndWithoutTheInspector() {
        FxTesting.trainEpochs(window, 300);
        onFx(() -> {
            window.train().model().stepUpdate();
            return null;
        });
        waitFor(() -> FxTesting.frame(window).snapshot().updates() == 1201);
        assertThat(trainTabProblems("", SETTINGS_CONTROLS)).isEmpty();
    }

    /** The advanced fold's controls with Adam and an L2 penalty chosen: the most the fold shows. */
    static final List<String> ADVANCED_CONTROLS = List.of("#advanced", "#hidden-layers", "#activation", "#loss",
            "#optimizer", "#beta1", "#beta2", "#epsilon", "#regularization", "#reg-rate", "#init", "#order",
            "#reset-advanced");

    @Test
    void trainTabFitsEverySizeWithTheAdvancedFoldOpen() {
        FxTesting.trainEpochs(window, 10);
        onFx(() -> {
            ((javafx.scene.control.TitledPane) window.lookup("#advanced")).setExpanded(true);
            var model = window.train().model();
            var c = model.configProperty().get();
            model.configProperty().set(c.withOptions(c.options()
                    .withOptimizer(org.xorlab.engine.TrainingOptions.Optimizer.ADAM)
                    .withRegularization(org.xorlab.engine.TrainingOptions.Regularization.L2, 0.001)));
            return null;
        });
        List<String> ids = new ArrayList<>(SETTINGS_CONTROLS);
        ids.addAll(ADVANCED_CONTROLS);
        assertThat(trainTabProblems(" with the advanced fold open", ids)).isEmpty();
    }

    /** The Train tab's problems at every size, with and without the inspector, the settings checked when shown. */
    private List<String> trainTabProblems(String what, List<String> settingsIds) {
        List<String> problems = new ArrayList<>();
        for (int[] size : SIZES) {
            for (boolean inspector : new boolean[] {false, true}) {
                showAt(size, inspector);
                String where = size[0] + "x" + size[1] + (inspector ? " with the inspector" : "") + what;
                List<String> ids = new ArrayList<>(TRAIN_CONTROLS);
                if (inspector) {
                    ids.add("#step-inspector");
                }
                if (onFx(() -> window.train().settingsShown())) {
                    ids.addAll(settingsIds);
                }
                problems.addAll(onFx(() -> check(where, ids, window.train().chart(), "#train-views")));
            }
        }
        return problems;
    }

    /**
     * Presenter mode as a projector shows it (full screen at each size; the test sets the window to that size, since
     * the headless screen has one size only): the settings, truth table and hidden units' maps hidden, the chart and
     * the network large, the body text at least 20 px at 1024x768 and larger on larger screens, and, with the step
     * inspector, the inspector beside views that make room instead of being pushed sideways.
     */
    @Test
    void presenterModeIsAProjectorLayoutAtEverySizeWithAndWithoutTheInspector() {
        FxTesting.trainEpochs(window, 300);
        // The status bar's text outside presenter mode, which presenter mode magnifies.
        double normalTextPx = onFx(() -> screenFontPx(window.lookup("#status-epoch")));
        onFx(() -> {
            window.train().model().stepUpdate();
            window.presentation().togglePresenting();
            stage.setFullScreen(false);
            return null;
        });
        waitFor(() -> FxTesting.frame(window).snapshot().updates() == 1201);
        List<String> problems = new ArrayList<>();
        Map<String, Double> textPx = new HashMap<>();
        for (int[] size : SIZES) {
            for (boolean inspector : new boolean[] {false, true}) {
                showAt(size, inspector);
                String where = "presenter mode at " + size[0] + "x" + size[1] + (inspector ? " with the inspector" : "");
                List<String> ids = new ArrayList<>(TRAIN_CONTROLS);
                ids.remove("#truth-table");
                if (inspector) {
                    ids.add("#step-inspector");
                }
                problems.addAll(onFx(() -> check(where, ids, window.train().chart(), "#train-views")));
                problems.addAll(onFx(() -> checkPresenting(where, inspector, normalTextPx)));
                double status = onFx(() -> screenFontPx(window.lookup("#status-epoch")));
                double line = onFx(() -> inspector ? screenFontPx(window.lookup(".inspector-formula")) : status);
                textPx.put(size[0] + "x" + size[1] + (inspector ? "+inspector" : ""), Math.min(status, line));
                if (size[0] == 1024 && Math.min(status, line) < 20 - 1e-9) {
                    problems.add(where + ": body text is " + status + " px (status bar) and " + line
                            + " px (inspector); at least 20 px wanted");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(textPx.get("1920x1080")).as("text at 1920x1080 against 1024x768")
                .isGreaterThan(textPx.get("1024x768"));
        assertThat(textPx.get("1920x1080+inspector")).as("the inspector's text at 1920x1080 against 1024x768")
                .isGreaterThan(textPx.get("1024x768+inspector"));
        assertThat(textPx.get("3840x2160")).as("text at 3840x2160 against 1920x1080")
                .isGreaterThan(textPx.get("1920x1080"));
    }

    /** What presenter mode must show on top of what {@link #check} asks of every layout. */
    private List<String> checkPresenting(String where, boolean inspector, double normalTextPx) {
        List<String> problems = new ArrayList<>();
        Scene scene = window.getScene();
        for (String id : List.of(".settings-scroll", "#truth-table", "#hidden-maps")) {
            Node node = scene.lookup(id);
            if (node != null && shown(node) && node.getScene() != null && isLaidOut(node)) {
                problems.add(where + ": " + id + " shows; presenter mode hides it");
            }
        }
        ScrollPane views = (ScrollPane) scene.lookup("#train-views");
        Bounds viewport = views.localToScene(views.getLayoutBounds());
        // The chart and network large: on screen at once (without the inspector; beside it, the network), filling
        // most of the views' height, and the network's diagram magnified as much as the text, never squeezed below
        // the size it needs to draw.
        List<String> large = inspector ? List.of("#network-view") : List.of("#network-view", "#loss-chart");
        for (String id : large) {
            Node node = scene.lookup(id);
            Bounds b = node.localToScene(node.getBoundsInLocal());
            if (b.getMinY() < viewport.getMinY() - 0.5 || b.getMaxY() > viewport.getMaxY() + 0.5
                    || b.getMinX() < viewport.getMinX() - 0.5 || b.getMaxX() > viewport.getMaxX() + 0.5) {
                problems.add(where + ": " + id + " is not all on screen (" + b + " in the views' " + viewport + ")");
            }
            if (b.getHeight() < 0.45 * viewport.getHeight()) {
                problems.add(where + ": " + id + " is small for a projector: " + b.getWidth() + " x " + b.getHeight()
                        + " px in a " + scene.getWidth() + " x " + scene.getHeight() + " window");
            }
        }
        Region network = (Region) scene.lookup("#network-view");
        double scale = network.getLocalToSceneTransform().getMxx();
        double textScale = screenFontPx(scene.lookup("#status-epoch")) / normalTextPx;
        if (Math.abs(scale - textScale) > 1e-6) {
            problems.add(where + ": the network is magnified " + scale + " times, the text " + textScale + " times");
        }
        if (network.getWidth() < network.minWidth(-1) - 0.5 || network.getHeight() < network.minHeight(-1) - 0.5) {
            problems.add(where + ": the network is drawn at " + network.getWidth() + " x " + network.getHeight()
                    + " before magnifying, squeezed below the " + network.minWidth(-1) + " x " + network.minHeight(-1)
                    + " it needs");
        }
        // Nothing in a card runs past its edge (the timeline's "Back to live" at the chart's right, the inputs).
        for (String id : List.of("#rewind-live", "#rewind-slider", "#log-scale", "#input-0", "#input-3")) {
            Node node = scene.lookup(id);
            Node card = node.getParent();
            while (card != null && !card.getStyleClass().contains("card")) {
                card = card.getParent();
            }
            Bounds b = node.localToScene(node.getBoundsInLocal());
            Bounds c = card.localToScene(card.getBoundsInLocal());
            if (b.getMinX() < c.getMinX() - 0.5 || b.getMaxX() > c.getMaxX() + 0.5) {
                problems.add(where + ": " + id + " " + b + " runs past its card " + c);
            }
        }
        if (inspector) {
            Node panel = scene.lookup("#step-inspector");
            Bounds p = panel.localToScene(panel.getBoundsInLocal());
            if (p.getMinX() < viewport.getMaxX() - 0.5) {
                problems.add(where + ": the inspector " + p + " overlaps the views " + viewport);
            }
            ScrollPane lines = (ScrollPane) scene.lookup("#inspector-scroll");
            double content = lines.getContent().getLayoutBounds().getWidth();
            if (content > lines.getViewportBounds().getWidth() + 1) {
                problems.add(where + ": the inspector scrolls sideways (" + content + " px in a "
                        + lines.getViewportBounds().getWidth() + " px view)");
            }
        }
        return problems;
    }

    /** True if the node takes part in the layout: it and every parent are managed and it has a size. */
    private static boolean isLaidOut(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isManaged() && n.getParent() != null) {
                return false;
            }
        }
        Bounds b = node.getLayoutBounds();
        return b.getWidth() > 0 && b.getHeight() > 0;
    }

    /** The size in screen pixels of the text a Labeled shows: its rendered text's font size, times any scaling. */
    private static double screenFontPx(Node labeled) {
        for (Node child : ((Parent) labeled).getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getFont().getSize() * t.getLocalToSceneTransform().getMyy();
            }
        }
        throw new AssertionError(labeled + " shows no text");
    }

    @Test
    void compareTabFitsEverySizeWithTwoAndThreeRuns() {
        CompareTab compare = FxTesting.showCompare(window);
        List<String> problems = new ArrayList<>();
        for (int runs = 2; runs <= 3; runs++) {
            if (runs == 3) {
                FxTesting.addRun(compare);
            }
            FxTesting.runFx(() -> compare.model().stepEpochs(30));
            int count = runs;
            waitFor(() -> compare.table().rowCount() == count && compare.model().frameProperty().get().runs().stream()
                    .allMatch(r -> r.snapshot().epoch() == 30));
            for (int[] size : SIZES) {
                resize(stage, size[0], size[1]);
                settle();
                String where = size[0] + "x" + size[1] + " with " + runs + " runs";
                List<String> ids = new ArrayList<>(COMPARE_CONTROLS);
                if (runs == 3) {
                    ids.addAll(List.of("#compare-run-2-network", "#compare-run-2-surface",
                            "#compare-run-2-learning-rate"));
                }
                problems.addAll(onFx(() -> check(where, ids, compare.chart(), "#compare-views")));
                assertThat(onFx(() -> ((ScrollPane) window.lookup("#compare-runs")).getHvalue()))
                        .as("the runs open at the first, not scrolled sideways, at " + where).isZero();
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Everything wrong with the window as laid out now, each as a sentence naming the size and the node. */
    private List<String> check(String where, List<String> ids, LossChart chart, String viewsId) {
        Scene scene = window.getScene();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> problems = new ArrayList<>();
        double w = scene.getWidth();
        double h = scene.getHeight();
        for (String id : ids) {
            Node node = scene.lookup(id);
            if (node == null) {
                problems.add(where + ": " + id + " is not in the window");
                continue;
            }
            if (!shown(node)) {
                problems.add(where + ": " + id + " is hidden");
                continue;
            }
            if (!reachable(node, w, h)) {
                problems.add(where + ": " + id + " lies outside the window at " + node.localToScene(
                        node.getBoundsInLocal()));
            }
        }
        ScrollPane views = (ScrollPane) scene.lookup(viewsId);
        Bounds content = views.getContent().getLayoutBounds();
        if (content.getWidth() > views.getViewportBounds().getWidth() + 1) {
            problems.add(where + ": the views scroll sideways (" + content.getWidth() + " px in a "
                    + views.getViewportBounds().getWidth() + " px view)");
        }
        // The settings scroll up and down only: wider content would be cut at the right, unseen.
        Node settingsScroll = scene.lookup(".settings-scroll");
        if (settingsScroll instanceof ScrollPane settings && shown(settings) && settings.getContent() != null) {
            double wide = settings.getContent().getLayoutBounds().getWidth();
            if (wide > settings.getViewportBounds().getWidth() + 1) {
                problems.add(where + ": the settings are cut at the right (" + wide + " px in a "
                        + settings.getViewportBounds().getWidth() + " px column)");
            }
        }
        for (Labeled l : labeleds(scene.getRoot())) {
            String shown = displayed(l);
            String text = l.isMnemonicParsing() ? l.getText().replaceFirst("_", "") : l.getText();
            if (shown != null && !shown.equals(text)) {
                problems.add(where + ": \"" + l.getText() + "\" shows as \"" + shown + "\" (" + l.getId() + ")");
            }
        }
        double zoom = window.presentation().effectiveZoom();
        double plot = chart.plotAreaHeight() * (chart.getScene() == scene && isZoomed(chart) ? zoom : 1);
        if (plot < LossChart.MIN_PLOT_HEIGHT) {
            problems.add(where + ": the loss chart's plot is " + plot + " px tall");
        }
        if (chart.tickLabelGap() < 4) { // the loss axis's labels never touch
            problems.add(where + ": two of the loss axis's tick labels are " + chart.tickLabelGap() + " px apart");
        }
        if (blackShare(chart) > 0.2) {
            problems.add(where + ": the loss chart is black");
        }
        return problems;
    }

    /** True if the chart sits in a {@link ZoomPane} (the Train tab's), whose scale the plot's pixels grow by. */
    private static boolean isZoomed(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ZoomPane) {
                return true;
            }
        }
        return false;
    }

    /** Inside the window, or inside a scrolling view (itself reachable) that scrolls to it. */
    private static boolean reachable(Node node, double w, double h) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        if (b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= w + 0.5 && b.getMaxY() <= h + 0.5) {
            return true;
        }
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane sp && sp.getContent() != null) {
                Bounds inContent = sp.getContent().sceneToLocal(b);
                Bounds all = sp.getContent().getLayoutBounds();
                boolean inside = inContent.getMinX() >= all.getMinX() - 0.5 && inContent.getMaxX() <= all.getMaxX() + 0.5
                        && inContent.getMinY() >= all.getMinY() - 0.5 && inContent.getMaxY() <= all.getMaxY() + 0.5;
                return inside && reachable(sp, w, h);
            }
        }
        return false;
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Gives the window the size {width, height} and shows or hides the step inspector, then waits for layout. */
    private void showAt(int[] size, boolean inspector) {
        resize(stage, size[0], size[1]);
        FxTesting.runFx(() -> {
            if (window.train().inspectorShownProperty().get() != inspector) {
                window.train().toggleInspector();
            }
        });
        settle();
    }

    /** Every shown Labeled in the scene graph (not in popups, which are not part of it). */
    private static List<Labeled> labeleds(Parent root) {
        List<Labeled> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<Labeled> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            out.add(l);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    /** The text a Labeled's skin shows (its LabeledText child), or null before it has a skin. */
    static String displayed(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) {
                return t.getText();
            }
        }
        return null;
    }

    /** The share of the chart's pixels that are black. */
    private static double blackShare(LossChart chart) {
        if (chart.getWidth() < 1 || chart.getHeight() < 1) {
            return 1;
        }
        // A corner of the chart, at most 1200x800: larger snapshots overflow the headless toolkit's buffer.
        SnapshotParameters corner = new SnapshotParameters();
        corner.setViewport(new javafx.geometry.Rectangle2D(0, 0, Math.min(1200, chart.getWidth()),
                Math.min(800, chart.getHeight())));
        WritableImage image = chart.snapshot(corner, null);
        PixelReader pixels = image.getPixelReader();
        int black = 0;
        int total = 0;
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        for (int y = 0; y < h; y += 4) {
            for (int x = 0; x < w; x += 4) {
                Color c = pixels.getColor(x, y);
                total++;
                if (c.getBrightness() < 0.05 && c.getOpacity() > 0.5) {
                    black++;
                }
            }
        }
        return total == 0 ? 1 : black / (double) total;
    }
}
