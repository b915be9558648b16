package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.study.StudyTab;
import org.xorlab.engine.Budget;
import org.xorlab.engine.Measure;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.engine.TrainingOptions.Optimizer;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.study.Study;
import org.xorlab.run.study.StudyGrid;
import org.xorlab.run.study.StudyResult;
import org.xorlab.run.study.StudyRun;
import org.xorlab.run.study.StudySummary;

/**
 * The Study tab driven as a teacher would: a small grid started, watched to the end and read (table, charts, verdict);
 * a large one cancelled; a run opened in Train and its pair in Compare; bad settings refused with a reason; the tab
 * at a classroom's smallest screen.
 */
@ExtendWith(ApplicationExtension.class)
class StudyTabTest {
    /** The brief's small study: 8 seeds x 2 rates x 2 batch sizes, 2,000 epochs: 32 runs. */
    private static final StudyGrid SMALL = new StudyGrid(TrainingConfig.NOTEBOOK, List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L,
            8L), List.of(0.5, 2.0), List.of(1, 4), List.of(Optimizer.SGD), 0.01, Budget.epochs(2000));

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

    private StudyTab showStudy() {
        StudyTab study = onFx(() -> {
            ((TabPane) window.lookup("#tabs")).getSelectionModel().select(2);
            return window.study();
        });
        waitFor(() -> onFx(() -> window.lookup("#study-seeds")) != null); // the tab pane shows it on its next pulse
        return study;
    }

    private <T extends Node> T find(String id) {
        @SuppressWarnings("unchecked")
        T node = (T) onFx(() -> window.lookup(id));
        assertThat(node).as(id).isNotNull();
        return node;
    }

    private void type(String id, String text) {
        TextField f = find(id);
        runFx(() -> f.setText(text));
    }

    private String text(String id) {
        Node n = find(id);
        return onFx(() -> n instanceof Labeled l ? l.getText() : ((javafx.scene.control.TextInputControl) n).getText());
    }

    private static String textOf(TextArea area) {
        return onFx(area::getText);
    }

    private void setUpSmall() {
        type("#study-seeds", "1-8");
        type("#study-rates", "0.5, 2");
        type("#study-batch-sizes", "1, 4");
        type("#study-budget", "2,000");
    }

    private void runSmall() {
        setUpSmall();
        assertThat(text("#study-start")).isEqualTo("_Start 32 runs");
        Button start = find("#study-start");
        runFx(start::fire);
        waitFor(() -> text("#study-progress-text").equals("All 32 runs done"));
    }

    @Test
    void aSmallStudyRunsToTheEndAndShowsItsTableChartsAndVerdict() {
        showStudy();
        assertThat(text("#study-network")).contains("2-2-1 sigmoid, XOR");
        List<String> seen = new ArrayList<>();
        Label progress = find("#study-progress-text");
        runFx(() -> progress.textProperty().addListener((o, old, now) -> seen.add(now)));
        runSmall();

        ProgressBar bar = find("#study-progress");
        assertThat(onFx(bar::getProgress)).isEqualTo(1.0);
        assertThat(seen).first().asString().startsWith("0 of 32 runs");
        for (String s : seen) {
            assertThat(s).matches("\\d+ of 32 runs( · about \\d+ (s|min) left)?|All 32 runs done");
        }
        Button cancel = find("#study-cancel");
        assertThat(onFx(cancel::isDisabled)).as("nothing to cancel").isTrue();

        // The same study trained here, outside the window: the table and verdict show its summary.
        StudyResult expected = new Study(SMALL, 1).run();
        StudySummary summary = StudySummary.of(expected, Measure.EPOCHS);
        TableView<StudySummary.Configuration> table = find("#study-table");
        List<List<String>> rows = onFx(() -> {
            List<List<String>> out = new ArrayList<>();
            for (int r = 0; r < table.getItems().size(); r++) {
                List<String> cells = new ArrayList<>();
                for (var c : table.getColumns()) {
                    cells.add(String.valueOf(c.getCellData(r)));
                }
                out.add(cells);
            }
            return out;
        });
        assertThat(rows).hasSize(4);
        for (int r = 0; r < 4; r++) {
            StudySummary.Configuration c = summary.configurations().get(r);
            boolean best = summary.best().get(c.method()) == c.learningRate();
            List<String> row = rows.get(r);
            assertThat(row.get(0)).isEqualTo(c.method().name());
            assertThat(row.get(1)).isEqualTo(org.xorlab.text.NumberText.plain(c.learningRate()) + (best ? " ★" : ""));
            assertThat(row.get(2)).isEqualTo(c.converged() + " of 8");
            assertThat(row.get(3)).isEqualTo(Integer.toString(c.diverged()));
            double median = c.on(Measure.EPOCHS).median();
            assertThat(row.get(5)).isEqualTo(Double.isInfinite(median) ? "not reached"
                    : org.xorlab.text.NumberText.count(median));
        }
        assertThat(rows.stream().filter(r -> r.get(1).endsWith("★")).count()).as("one best rate per method")
                .isEqualTo(2);
        assertThat(onFx(() -> table.getColumns().get(5).getText())).isEqualTo("Median");
        assertThat(onFx(() -> window.lookup("#study-table-card").lookupAll(".card-title").stream()
                .map(n -> ((Labeled) n).getText()).toList()))
                .containsExactly("Configurations: epochs to the target (★ each method's best rate)");
        TextArea verdict = find("#study-verdict");
        assertThat(textOf(verdict)).isEqualTo(summary.verdict(SMALL));
        assertThat(onFx(verdict::isWrapText)).isTrue();
        assertThat(text("#study-pairs")).startsWith("sgd (rate ").contains("Wilcoxon signed-rank p");
        ChartViewer ecdf = find("#study-ecdf");
        assertThat(onFx(() -> ecdf.getChart().getXYPlot().getDataset().getSeriesCount())).isEqualTo(2);
        ChartViewer sensitivity = find("#study-sensitivity");
        assertThat(onFx(() -> sensitivity.getChart().getXYPlot().getDataset().getSeriesCount())).isEqualTo(2);

        // Another measure re-reads the same runs.
        javafx.scene.control.ChoiceBox<Measure> measure = find("#study-measure");
        runFx(() -> measure.setValue(Measure.UPDATES));
        assertThat(onFx(() -> ((Labeled) window.lookup("#study-table-card").lookup(".card-title")).getText()))
                .startsWith("Configurations: weight updates to the target");
        assertThat(textOf(verdict)).isEqualTo(StudySummary.of(expected, Measure.UPDATES).verdict(SMALL));
    }

    @Test
    void cancelStopsALargeStudyAndKeepsWhatItFinished() {
        showStudy();
        type("#study-seeds", "1-20000");
        type("#study-rates", "0.1, 0.3");
        type("#study-batch-sizes", "1");
        type("#study-budget", "5000");
        assertThat(text("#study-start")).isEqualTo("_Start 40,000 runs");
        Button start = find("#study-start");
        runFx(start::fire);
        Label progress = find("#study-progress-text");
        waitFor(() -> onFx(progress::getText).matches("[1-9][\\d,]* of 40,000 runs.*"));
        assertThat(onFx(progress::getText)).contains(" · about ").endsWith(" left");
        assertThat(onFx(start::isDisabled)).as("one study at a time").isTrue();
        Button cancel = find("#study-cancel");
        runFx(cancel::fire);
        waitFor(() -> onFx(progress::getText).startsWith("Stopped after"));

        Matcher m = Pattern.compile("Stopped after ([\\d,]+) of 40,000 runs; results below are from those")
                .matcher(onFx(progress::getText));
        assertThat(m.matches()).as(onFx(progress::getText)).isTrue();
        long stopped = Long.parseLong(m.group(1).replace(",", ""));
        assertThat(stopped).isBetween(1L, 39_999L);
        TableView<StudySummary.Configuration> table = find("#study-table");
        assertThat(onFx(() -> table.getItems().stream().mapToInt(StudySummary.Configuration::runs).sum()))
                .isEqualTo((int) stopped);
        assertThat(text("#study-verdict")).isNotBlank();
        assertThat(onFx(start::isDisabled)).as("Start again after a cancel").isFalse();
        assertThat(onFx(cancel::isDisabled)).isTrue();
    }

    @Test
    void openInTrainLoadsTheChosenRunAndShowsTheTrainTab() {
        showStudy();
        runSmall();
        choose(2.0, 4, 3);
        Button open = find("#study-open-train");
        runFx(open::fire);
        waitFor(() -> onFx(() -> ((TabPane) window.lookup("#tabs")).getSelectionModel().getSelectedIndex()) == 0);
        TrainingConfig c = onFx(() -> window.train().model().configProperty().get());
        assertThat(c.seed()).isEqualTo(3);
        assertThat(c.learningRate()).isEqualTo(2.0);
        assertThat(c.batchSize()).isEqualTo(4);
        assertThat(c.options().optimizer()).isEqualTo(Optimizer.SGD);
        assertThat(text("#seed")).isEqualTo("3");
        assertThat(text("#learning-rate")).isEqualTo("2");

    }

    /** Selects the row of batch size {@code k} at {@code rate}, then {@code seed} in the runs list. */
    private void choose(double rate, int k, long seed) {
        TableView<StudySummary.Configuration> table = find("#study-table");
        runFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                var c = table.getItems().get(i);
                if (c.learningRate() == rate && c.method().batchSize() == k) {
                    table.getSelectionModel().select(i);
                }
            }
        });
        ListView<StudyRun> seeds = find("#study-seed-list");
        runFx(() -> {
            for (int i = 0; i < seeds.getItems().size(); i++) {
                if (seeds.getItems().get(i).seed() == seed) {
                    seeds.getSelectionModel().select(i);
                }
            }
        });
        assertThat(onFx(() -> seeds.getSelectionModel().getSelectedItem().seed())).isEqualTo(seed);
        assertThat(onFx(() -> seeds.getItems().size())).isEqualTo(8);
    }

    @Test
    void openPairInCompareRacesTheTwoMethodsAtTheirBestRatesOnThatSeed() {
        StudyTab study = showStudy();
        runSmall();
        choose(0.5, 1, 5);
        Button open = find("#study-open-compare");
        assertThat(onFx(open::isDisabled)).isFalse();
        runFx(open::fire);
        waitFor(() -> onFx(() -> ((TabPane) window.lookup("#tabs")).getSelectionModel().getSelectedIndex()) == 1);
        CompareSetup setup = onFx(() -> window.startedCompare().model().setupProperty().get());
        StudySummary summary = StudySummary.of(new Study(SMALL, 1).run(), Measure.EPOCHS);
        assertThat(setup.seed()).isEqualTo(5);
        assertThat(setup.runs()).hasSize(2);
        assertThat(setup.runs().get(0).batchSize()).isEqualTo(1);
        assertThat(setup.runs().get(1).batchSize()).isEqualTo(4);
        assertThat(setup.runs().get(0).learningRate()).isEqualTo(summary.best().get(SMALL.methods().get(0)));
        assertThat(setup.runs().get(1).learningRate()).isEqualTo(summary.best().get(SMALL.methods().get(1)));
        assertThat(setup.budget()).isEqualTo(Budget.epochs(2000));
        assertThat(setup.targetLoss()).isEqualTo(0.01);
        assertThat(study).isNotNull();
    }

    @Test
    void clickingAStepOfTheEcdfChoosesThatRun(FxRobot robot) {
        showStudy();
        runSmall();
        // The batch curve (the second): its third step, the third-fastest seed at batch's best rate.
        StudySummary summary = StudySummary.of(new Study(SMALL, 1).run(), Measure.EPOCHS);
        var method = SMALL.methods().get(1);
        double rate = summary.best().get(method);
        List<StudyRun> runs = new ArrayList<>(new Study(SMALL, 1).run().runs().stream()
                .filter(r -> method.covers(r) && r.learningRate() == rate && r.reachedTarget()).toList());
        runs.sort(java.util.Comparator.comparingLong(StudyRun::epochsToTarget));
        assertThat(runs).hasSizeGreaterThan(2);
        StudyRun third = runs.get(2);
        assertThat(runs.get(1).epochsToTarget()).as("a step of its own").isLessThan(third.epochsToTarget());
        ChartViewer ecdf = find("#study-ecdf");
        ScrollPane scroll = find("#study-scroll");
        runFx(() -> scroll.setVvalue(scroll.getVmax())); // the charts are under the table at 1024x768
        FxTesting.settle();
        javafx.geometry.Point2D point = onFx(() -> {
            var plot = ecdf.getChart().getXYPlot();
            var area = ecdf.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
            double x = plot.getDomainAxis().valueToJava2D(third.epochsToTarget(), area, plot.getDomainAxisEdge());
            double y = plot.getRangeAxis().valueToJava2D(3 / 8.0, area, plot.getRangeAxisEdge());
            return ecdf.getCanvas().localToScreen(x, y);
        });
        assertThat(onFx(() -> scroll.localToScreen(scroll.getLayoutBounds()).contains(point)))
                .as("the step is on screen, or the window would have to scroll to it").isTrue();
        robot.clickOn(point);
        ListView<StudyRun> seeds = find("#study-seed-list");
        TableView<StudySummary.Configuration> table = find("#study-table");
        waitFor(() -> onFx(() -> seeds.getSelectionModel().getSelectedItem() != null
                && seeds.getSelectionModel().getSelectedItem().seed() == third.seed()
                && table.getSelectionModel().getSelectedItem().method().equals(method)));
        assertThat(onFx(() -> table.getSelectionModel().getSelectedItem().learningRate())).isEqualTo(rate);
    }

    @Test
    void invalidSettingsDisableStartWithTheReason() {
        showStudy();
        Button start = find("#study-start");
        Label reason = find("#study-start-reason");
        assertThat(onFx(start::isDisabled)).isFalse();
        assertThat(onFx(reason::isVisible)).isFalse();

        type("#study-seeds", "9-1");
        assertThat(onFx(start::isDisabled)).isTrue();
        assertThat(text("#study-seeds-error")).isEqualTo("Seeds: the range 9-1 is empty; a range goes up, as 1-9");
        assertThat(onFx(reason::isVisible)).isTrue();
        assertThat(onFx(reason::getText)).startsWith("Start needs valid settings: Seeds:");
        type("#study-seeds", "1-4, 9");
        assertThat(onFx(start::isDisabled)).isFalse();

        type("#study-rates", "0.1, 0");
        assertThat(text("#study-rates-error")).contains("'0' is not a number greater than 0");
        assertThat(onFx(start::isDisabled)).isTrue();
        type("#study-rates", "0.1");
        type("#study-batch-sizes", "1, 9");
        assertThat(text("#study-batch-sizes-error")).contains("whole numbers from 1 to 4");
        type("#study-batch-sizes", "full");
        type("#study-optimizers", "sgd, adamw");
        assertThat(text("#study-optimizers-error")).contains("allowed: sgd, momentum, nesterov, rmsprop, adam");
        type("#study-optimizers", "sgd, adam");
        type("#study-threads", "0");
        assertThat(text("#study-threads-error")).isEqualTo("Threads must be from 1 to 256 (got 0)");
        type("#study-threads", "2");
        assertThat(onFx(start::isDisabled)).isFalse();
        assertThat(text("#study-start")).isEqualTo("_Start 10 runs");
        assertThat(onFx(reason::isVisible)).isFalse();
    }

    /**
     * A character no number, list or range is written with (an emoji, a letter of a complex script) never enters a
     * study field: the field keeps its text and says which character it refused. Digits of other scripts read as
     * digits. (Such text in a field used to reach JavaFX's shared Pango layout and abort the JVM in the monkey test.)
     */
    @Test
    void charactersNoNumberHasNeverEnterTheStudyFields() {
        showStudy();
        type("#study-seeds", "1-8");
        type("#study-seeds", "1-8\uD83D\uDE00");
        assertThat(text("#study-seeds")).isEqualTo("1-8");
        assertThat(text("#study-seeds-error")).startsWith("GRINNING FACE (U+1F600)");
        type("#study-rates", "0.1, \u0e51");
        assertThat(text("#study-rates")).isEqualTo("0.1, 1");
        type("#study-rates", "\u05d0");
        assertThat(text("#study-rates")).isEqualTo("0.1, 1");
        assertThat(text("#study-rates-error")).startsWith("HEBREW LETTER ALEF (U+05D0)");
        assertThat(text("#study-start")).isEqualTo("_Start 32 runs");
    }

    @Test
    void moreThanConfirmAboveRunsAskFirst(FxRobot robot) {
        showStudy();
        type("#study-seeds", "1-30000");
        assertThat(text("#study-start")).isEqualTo("_Start 240,000 runs");
        Button start = find("#study-start");
        runFx(start::fire);
        assertThat(text("#study-confirm-text")).startsWith("This study has 240,000 runs (more than 100,000)");
        assertThat(onFx(() -> window.lookup("#study-confirm").getParent().isVisible())).isTrue();
        assertThat(text("#study-progress-text")).startsWith("No study yet");
        Button notNow = find("#study-not-now");
        runFx(notNow::fire);
        assertThat(onFx(() -> window.lookup("#study-confirm").getParent().isVisible())).isFalse();
        assertThat(text("#study-progress-text")).startsWith("No study yet");

        // Start's mnemonic, Alt+S, starts a small study from the keyboard.
        setUpSmall();
        robot.press(KeyCode.ALT).press(KeyCode.S).release(KeyCode.S).release(KeyCode.ALT);
        waitFor(() -> text("#study-progress-text").equals("All 32 runs done"));
    }

    @Test
    void theTabFitsTheSmallScreensWithoutScrollingSideways() {
        showStudy();
        runSmall();
        for (int[] size : new int[][] {{1024, 768}, {1280, 720}, {1920, 1080}}) {
            FxTesting.resize(stage, size[0], size[1]);
            FxTesting.settle();
            String where = size[0] + "x" + size[1];
            ScrollPane scroll = find("#study-scroll");
            double viewport = onFx(() -> scroll.getViewportBounds().getWidth());
            double content = onFx(() -> scroll.getContent().getLayoutBounds().getWidth());
            assertThat(content).as(where + ": content width within the viewport").isLessThanOrEqualTo(viewport + 1);
            for (String id : List.of("#study-seeds", "#study-rates", "#study-batch-sizes", "#study-optimizers",
                    "#study-target-loss", "#study-budget", "#study-budget-measure", "#study-threads",
                    "#study-measure", "#study-start", "#study-cancel", "#study-progress", "#study-progress-text",
                    "#study-table", "#study-seed-list", "#study-open-train", "#study-open-compare", "#study-ecdf",
                    "#study-sensitivity", "#study-verdict", "#study-pairs")) {
                Node n = find(id);
                Bounds b = onFx(() -> n.localToScene(n.getLayoutBounds()));
                assertThat(b.getMinX()).as(where + " " + id + " left edge").isGreaterThanOrEqualTo(-0.5);
                assertThat(b.getMaxX()).as(where + " " + id + " right edge").isLessThanOrEqualTo(size[0] + 0.5);
                assertThat(b.getWidth()).as(where + " " + id + " width").isPositive();
            }
            TextArea verdict = find("#study-verdict");
            double textHeight = onFx(() -> verdict.lookup(".text").getLayoutBounds().getHeight());
            assertThat(onFx(verdict::getHeight)).as(where + ": the whole verdict shows").isGreaterThan(textHeight);
            List<String> cut = onFx(() -> {
                List<String> out = new ArrayList<>();
                collectCut(window.study(), out);
                return out;
            });
            assertThat(cut).as(where + ": labels cut short").isEmpty();
        }
    }

    private static void collectCut(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            String shown = LayoutTest.displayed(l);
            if (shown != null && !shown.equals(l.getText().replace("_", "")) && (shown.endsWith("…") || shown.endsWith("..."))) {
                out.add(l.getText() + " shown as " + shown);
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectCut(child, out);
            }
        }
    }
}
