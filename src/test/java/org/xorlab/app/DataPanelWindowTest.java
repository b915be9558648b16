package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.runFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.xorlab.app.view.DecisionSurfaceView;
import org.xorlab.app.view.Palette;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.Samples;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.session.DataCsv;

/**
 * The data panel and the own points at 1024x768: clicks on the decision surface add points, a right-click removes
 * one, Undo/Redo (buttons and Ctrl+Z / Ctrl+Y) walk back, and Import/Export read and write CSV files.
 */
@ExtendWith(ApplicationExtension.class)
class DataPanelWindowTest {
    /** "Own points" is the last of the sources: truth table, circle, gauss, XOR cloud, spiral, own points. */
    private static final int OWN_POINTS = 5;

    @TempDir
    Path dir;

    private AppShell window;

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1024, 768);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    private TrainingConfig config() {
        return onFx(() -> window.train().model().configProperty().get());
    }

    private DecisionSurfaceView surface() {
        return onFx(() -> (DecisionSurfaceView) window.lookup("#decision-surface"));
    }

    private String message() {
        return onFx(() -> {
            Label l = (Label) window.lookup("#data-message");
            return l.isVisible() ? l.getText() : "";
        });
    }

    private void chooseOwnPoints() {
        waitFor(() -> FxTesting.frame(window) != null);
        runFx(() -> ((ComboBox<?>) window.lookup("#data-source")).getSelectionModel().select(OWN_POINTS));
        waitFor(() -> !config().onTruthTable());
        // The own points start as a copy of the truth table's four.
        assertThat(config().samples()).isEqualTo(Samples.of(Dataset.XOR));
        // The surface must be on screen for the robot to click it.
        runFx(() -> {
            DecisionSurfaceView s = (DecisionSurfaceView) window.lookup("#decision-surface");
            javafx.scene.Node n = s.getParent();
            while (n != null && !(n instanceof ScrollPane)) {
                n = n.getParent();
            }
            if (n instanceof ScrollPane sp) {
                double y = s.localToScene(0, 0).getY() - sp.getContent().localToScene(0, 0).getY();
                double room = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (room > 0) {
                    sp.setVvalue(Math.min(1, y / room));
                }
            }
        });
        FxTesting.settle();
    }

    /** Where input (x1, x2) is on screen. */
    private Point2D onScreen(double x1, double x2) {
        return onFx(() -> {
            DecisionSurfaceView s = surface();
            Point2D p = s.toView(x1, x2);
            return s.localToScreen(p);
        });
    }

    /** The surface's colour at input (x1, x2), as drawn on screen (points included). */
    private Color drawnAt(double x1, double x2) {
        return onFx(() -> {
            DecisionSurfaceView s = surface();
            Point2D p = s.toView(x1, x2);
            WritableImage image = s.snapshot(null, null);
            return image.getPixelReader().getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()));
        });
    }

    /** How far the point nearest to (x1, x2) is. */
    private static double nearest(Samples s, double x1, double x2) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            best = Math.min(best, Math.hypot(s.x1(i) - x1, s.x2(i) - x2));
        }
        return best;
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    @Test
    void clicksAddPointsRightClickRemovesAndUndoRedoWalkBack(FxRobot robot) {
        chooseOwnPoints();
        robot.clickOn(onScreen(0.5, 0.5));
        waitFor(() -> config().samples().size() == 5);
        Samples s = config().samples();
        // Within a pixel or two of where the click was: the view spans 2 units over some 200+ pixels.
        assertThat(s.x1(4)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.03));
        assertThat(s.x2(4)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.03));
        assertThat(s.y(4)).isEqualTo(1.0);
        FxTesting.settle();
        assertThat(distance(drawnAt(s.x1(4), s.x2(4)), Palette.forValue(1))).isLessThan(0.1);

        robot.clickOn("#class-0");
        robot.clickOn(onScreen(0.25, 1.25));
        waitFor(() -> config().samples().size() == 6);
        assertThat(config().samples().y(5)).isEqualTo(0.0);

        robot.clickOn(onScreen(0.51, 0.49), MouseButton.SECONDARY);
        waitFor(() -> config().samples().size() == 5);
        assertThat(nearest(config().samples(), 0.5, 0.5)).isGreaterThan(0.2);

        robot.clickOn("#points-undo");
        waitFor(() -> config().samples().size() == 6);
        robot.clickOn(onScreen(1.4, -0.4)); // focus on the surface: this adds a seventh point, then undo it by key
        waitFor(() -> config().samples().size() == 7);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> config().samples().size() == 6);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitFor(() -> config().samples().size() == 5);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        waitFor(() -> config().samples().size() == 6);
        robot.clickOn("#points-redo");
        waitFor(() -> config().samples().size() == 7);
        // Every edit restarted training on the new points.
        waitFor(() -> FxTesting.frame(window).snapshot().config().samples().size() == 7);
    }

    @Test
    void importReadsAGoodFileAndRefusesABadOneWithItsLine(FxRobot robot) throws Exception {
        chooseOwnPoints();
        Path good = dir.resolve("three.csv");
        Files.writeString(good, "x1,x2,y\n2,3,1\n-1,0.5,0\n4,-2,1\n");
        window.setFileDialogs(new FakeDialogs(good, new ArrayList<>()));
        robot.clickOn("#points-import");
        waitFor(() -> config().samples().size() == 3);
        assertThat(config().samples()).isEqualTo(Samples.of(new double[] {2, -1, 4}, new double[] {3, 0.5, -2},
                new double[] {1, 0, 1}));
        assertThat(message()).isEqualTo("Read 3 points from three.csv.");
        // The view now spans the points: each is drawn in its class's colour.
        waitFor(() -> FxTesting.frame(window).snapshot().config().samples().size() == 3);
        FxTesting.settle();
        assertThat(distance(drawnAt(2, 3), Palette.forValue(1))).isLessThan(0.1);
        assertThat(distance(drawnAt(-1, 0.5), Palette.forValue(0))).isLessThan(0.1);

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x1,x2,y\n0,0,0\n0,1,2\n");
        window.setFileDialogs(new FakeDialogs(bad, new ArrayList<>()));
        robot.clickOn("#points-import");
        waitFor(() -> message().startsWith("Not imported"));
        assertThat(message()).isEqualTo("Not imported: bad.csv, line 3: y must be from 0 to 1 (got 2)");
        assertThat(config().samples().size()).isEqualTo(3);
    }

    @Test
    void exportWritesThePointsToTheChosenFile(FxRobot robot) throws Exception {
        chooseOwnPoints();
        robot.clickOn(onScreen(0.75, 0.25));
        waitFor(() -> config().samples().size() == 5);
        Path file = dir.resolve("mine");
        List<String> asked = new ArrayList<>();
        window.setFileDialogs(new FakeDialogs(file, asked));
        robot.clickOn("#points-export");
        Path written = dir.resolve("mine.csv");
        waitFor(() -> message().startsWith("Wrote"));
        assertThat(asked).containsExactly("save: Export points, points.csv, csv");
        assertThat(DataCsv.read(written).points()).isEqualTo(config().samples());
        assertThat(message()).isEqualTo("Wrote 5 points to mine.csv.");
    }

    /**
     * A config with data set from elsewhere (an opened session does this) shows in the panel as own points to edit
     * from, with the session's own split, and leaves the run as it was: no new config, no restart.
     */
    @Test
    void dataSetElsewhereShowsAsOwnPointsWithoutRestartingTheRun() {
        waitFor(() -> FxTesting.frame(window) != null);
        Samples all = org.xorlab.engine.PointCloud.CIRCLE.generate(40, 0.0, 3);
        org.xorlab.engine.Data data = org.xorlab.engine.Data.split("circle from a session", all, 0.25, 3);
        TrainingConfig before = config();
        TrainingConfig session = new TrainingConfig(before.dataset(), before.hidden(), before.seed(),
                before.learningRate(), 1, before.options().withData(data));
        runFx(() -> window.train().model().configProperty().set(session));
        FxTesting.settle();
        assertThat(config()).as("the panel did not replace the session's config").isEqualTo(session);
        assertThat(onFx(() -> ((ComboBox<?>) window.lookup("#data-source")).getSelectionModel().getSelectedIndex()))
                .isEqualTo(OWN_POINTS);
        assertThat(message()).isEqualTo("30 training points, 10 held out from " + session.dataName()
                + "; editing them holds out the test fraction anew.");
    }
}
