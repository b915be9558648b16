package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.resize;
import static org.xorlab.app.FxTesting.settle;
import static org.xorlab.app.FxTesting.waitFor;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.compare.CompareTab;

/**
 * The Compare tab once the notebook's comparison has trained its 10,000 epochs, when the verdict is at its longest:
 * at every classroom size, with two and three runs, every label and text on the tab shows in full (none cut to
 * "...", none squeezed below the height its wrapped lines need), and at 1024x768 the verdict shows without
 * scrolling, beside the chart.
 */
@ExtendWith(ApplicationExtension.class)
class CompareVerdictLayoutTest {
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
    void theFinishedComparisonShowsEveryWordAndTheVerdictWithoutScrolling() {
        CompareTab compare = FxTesting.showCompare(window);
        List<String> problems = new ArrayList<>();
        for (int runs = 2; runs <= 3; runs++) {
            if (runs == 3) {
                FxTesting.addRun(compare);
            }
            FxTesting.runFx(() -> compare.model().stepEpochs(10_000));
            int count = runs;
            waitFor(() -> compare.model().summaryProperty().get() != null
                    && compare.model().summaryProperty().get().result().runs().size() == count
                    && compare.model().summaryProperty().get().finished());
            assertThat(onFx(() -> compare.table().verdict())).contains("got below 0.01 first");
            for (int[] size : LayoutTest.SIZES) {
                resize(stage, size[0], size[1]);
                settle();
                String where = size[0] + "x" + size[1] + " with " + runs + " runs";
                problems.addAll(onFx(() -> cutShort(where, compare)));
                if (size[0] == 1024 && size[1] == 768) {
                    problems.addAll(onFx(() -> verdictInView(where)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Every shown label and text of the tab that is cut to "..." or squeezed below its wrapped lines' height. */
    private List<String> cutShort(String where, CompareTab compare) {
        compare.getScene().getRoot().applyCss();
        compare.getScene().getRoot().layout();
        List<String> problems = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        collect(compare, nodes);
        for (Node node : nodes) {
            if (node instanceof Labeled l) {
                String shown = LayoutTest.displayed(l);
                if (shown != null && !shown.equals(l.getText())) {
                    problems.add(where + ": \"" + l.getText() + "\" shows as \"" + shown + "\" (" + l.getId() + ")");
                }
                if (l.isWrapText() && l.getHeight() + 0.5 < l.prefHeight(l.getWidth())) {
                    problems.add(where + ": \"" + l.getText() + "\" is " + l.getHeight() + " px tall, its lines need "
                            + l.prefHeight(l.getWidth()) + " (" + l.getId() + ")");
                }
            } else if (node instanceof Text t && !(t.getParent() instanceof Labeled)) {
                String text = t.getText();
                if (text != null && (text.endsWith("...") || text.endsWith("…"))) {
                    problems.add(where + ": a text reads \"" + text + "\"");
                }
            }
        }
        return problems;
    }

    /** At 1024x768: the verdict lies whole inside the visible part of the views, which are scrolled to the top. */
    private List<String> verdictInView(String where) {
        ScrollPane views = (ScrollPane) window.lookup("#compare-views");
        Node verdict = window.lookup("#compare-verdict");
        List<String> problems = new ArrayList<>();
        if (views.getVvalue() != 0) {
            problems.add(where + ": the views are scrolled");
        }
        Bounds viewport = views.localToScene(views.getLayoutBounds());
        Bounds b = verdict.localToScene(verdict.getLayoutBounds());
        if (b.getMinY() < viewport.getMinY() - 0.5 || b.getMaxY() > viewport.getMaxY() + 0.5
                || b.getMaxX() > viewport.getMaxX() + 0.5) {
            problems.add(where + ": the verdict lies at " + b + ", outside the visible views " + viewport);
        }
        Node chart = window.lookup("#compare-chart");
        Bounds c = chart.localToScene(chart.getLayoutBounds());
        if (c.getMaxY() > viewport.getMaxY() + 0.5) {
            problems.add(where + ": the chart's foot is below the visible views (" + c + ")");
        }
        return problems;
    }

    private static void collect(Node node, List<Node> out) {
        if (!node.isVisible()) {
            return;
        }
        out.add(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}
