package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.train.TrainTab;

/** Presenter mode, zoom, the settings panel toggle and the shortcut sheet, driven with real key presses. */
@ExtendWith(ApplicationExtension.class)
class PresenterModeTest {
    private AppShell window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = FxTesting.show(stage, 1600, 1000);
    }

    @AfterEach
    void stop() {
        onFx(() -> {
            stage.setFullScreen(false);
            return null;
        });
        window.train().model().shutdown();
        window.shutdown();
    }

    /** The size in screen pixels of the text a label shows: its rendered text's font size times any scaling. */
    private double textPx(FxRobot robot, String query) {
        return onFx(() -> {
            Label label = robot.lookup(query).queryAs(Label.class);
            for (Node child : label.getChildrenUnmodifiable()) {
                if (child instanceof Text t) {
                    return t.getFont().getSize() * t.getLocalToSceneTransform().getMyy();
                }
            }
            throw new AssertionError(query + " shows no text");
        });
    }

    private boolean settingsShowing(FxRobot robot) {
        return onFx(() -> robot.lookup(".settings-scroll").query().isVisible());
    }

    private boolean showing(String id) {
        return onFx(() -> {
            Node node = stage.getScene().lookup(id);
            for (Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return node != null;
        });
    }

    /** How much larger than its layout size the network canvas is drawn. */
    private double canvasScale() {
        return onFx(() -> window.train().networkView().getChildrenUnmodifiable().get(0).getLocalToSceneTransform().getMxx());
    }

    private String notice() {
        return onFx(() -> window.notice().message());
    }

    @Test
    void f5EntersPresenterModeWithLargerTextAndNoSettingsAndLeavesItAgain(FxRobot robot) {
        waitFor(() -> FxTesting.frame(window) != null);
        double body = textPx(robot, "#status-epoch");
        double title = textPx(robot, ".card-title");
        assertThat(title).as("card titles read larger than the body text").isGreaterThan(body);
        assertThat(canvasScale()).isEqualTo(1.0);
        assertThat(settingsShowing(robot)).isTrue();
        assertThat(showing("#truth-table")).isTrue();

        robot.type(KeyCode.F5);
        waitFor(() -> onFx(() -> window.presentation().isPresenting()));
        WaitForAsyncUtils.waitForFxEvents();
        // Full screen on the headless 3840 x 2160 screen: large text, everything magnified alike.
        double presented = textPx(robot, "#status-epoch");
        assertThat(presented).as("body text in presenter mode on a 2160 px screen").isGreaterThanOrEqualTo(40)
                .isGreaterThan(body);
        double zoom = presented / body;
        assertThat(textPx(robot, ".card-title")).as("titles grow as much as the text").isCloseTo(title * zoom, within(0.05));
        assertThat(canvasScale()).as("the canvases are magnified as much as the text").isCloseTo(zoom, within(1e-6));
        assertThat(showing("#truth-table")).as("no truth table in presenter mode").isFalse();
        assertThat(showing("#hidden-maps")).as("no hidden units' maps in presenter mode").isFalse();
        // On this wide screen the chart, the network and the surface sit side by side, each all on screen.
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (String id : new String[] {"#loss-chart", "#network-view", "#decision-surface"}) {
            assertThat(showing(id)).as(id).isTrue();
            var b = onFx(() -> {
                Node n = stage.getScene().lookup(id);
                return n.localToScene(n.getBoundsInLocal());
            });
            assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(onFx(() -> stage.getScene().getWidth()));
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(onFx(() -> stage.getScene().getHeight()));
            top = Math.max(top, b.getMinY());
            bottom = Math.min(bottom, b.getMaxY());
        }
        assertThat(bottom - top).as("the three views share one row").isGreaterThan(0);
        assertThat(settingsShowing(robot)).isFalse();
        assertThat(onFx(() -> stage.isFullScreen())).isTrue();
        assertThat(onFx(() -> robot.lookup("#play").queryButton().getGraphic().getScene()))
                .as("key caps leave the buttons in presenter mode").isNull();

        robot.type(KeyCode.F5);
        waitFor(() -> onFx(() -> !window.presentation().isPresenting()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(textPx(robot, "#status-epoch")).isEqualTo(body);
        assertThat(canvasScale()).isEqualTo(1.0);
        assertThat(settingsShowing(robot)).isTrue();
        assertThat(showing("#truth-table")).isTrue();
        assertThat(onFx(() -> stage.isFullScreen())).isFalse();
    }

    @Test
    void zoomKeysMoveOneStepEachAndResetGoesBackTo100Percent(FxRobot robot) {
        // Without the settings panel 1600 px has room for 110 % (see the next test for a zoom that does not fit).
        onFx(() -> {
            window.presentation().settingsShownProperty().set(false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double body = textPx(robot, "#status-epoch");
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // One step, not two: the View menu's accelerator must not act on the same key press.
        assertThat(notice()).isEqualTo("Zoom 110 %");
        assertThat(textPx(robot, "#status-epoch")).as("the text is as large as the notice says")
                .isCloseTo(body * 1.1, within(0.01));
        assertThat(canvasScale()).isCloseTo(1.1, within(1e-9));

        robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice()).isEqualTo("Zoom 90 %");
        assertThat(textPx(robot, "#status-epoch")).isCloseTo(body * 0.9, within(0.01));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notice()).isEqualTo("Zoom 100 %");
        assertThat(textPx(robot, "#status-epoch")).isEqualTo(body);
    }

    @Test
    void zoomingOutBelowPresenterModesSmallestTextSaysWhatIsShown(FxRobot robot) {
        waitFor(() -> FxTesting.frame(window) != null);
        double body = textPx(robot, "#status-epoch");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        double entered = textPx(robot, "#status-epoch");
        for (int i = 0; i < Presentation.ZOOMS.length; i++) {
            robot.press(KeyCode.CONTROL).type(KeyCode.MINUS).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        double least = textPx(robot, "#status-epoch");
        assertThat(least).as("presenter mode keeps its smallest text for the screen").isGreaterThanOrEqualTo(20 - 1e-9)
                .isLessThanOrEqualTo(entered);
        java.util.regex.Matcher floor = java.util.regex.Pattern.compile(
                "Zoom (\\d+) % in presenter mode \\(shown at (\\d+) %, the smallest presenter mode uses on this screen\\)")
                .matcher(notice());
        assertThat(floor.matches()).as(notice()).isTrue();
        assertThat(Integer.parseInt(floor.group(1))).isLessThan(Integer.parseInt(floor.group(2)));
        assertThat(least / body * 100).isCloseTo(Integer.parseInt(floor.group(2)), within(0.5));
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void presenterZoomGoesUpAsFarAsTheScreenHasRoomAndSaysSo(FxRobot robot) {
        waitFor(() -> FxTesting.frame(window) != null);
        double body = textPx(robot, "#status-epoch");
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        double entered = textPx(robot, "#status-epoch");
        // Zoom in, one step at a time, until the text stops growing.
        double shown = entered;
        int presses = 0;
        while (presses < Presentation.ZOOMS.length) {
            robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            presses++;
            double now = textPx(robot, "#status-epoch");
            assertThat(now).as("zooming in never makes the text smaller").isGreaterThanOrEqualTo(shown - 1e-9);
            if (now <= shown + 1e-9 && now > entered) {
                break;
            }
            shown = now;
        }
        assertThat(shown).as("presenter zoom goes beyond where it starts").isGreaterThan(entered);
        // The notice names the zoom that fits, and the text is that large.
        java.util.regex.Matcher fits = java.util.regex.Pattern.compile("Zoom (\\d+) % in presenter mode \\((\\d+) % fits this window\\)")
                .matcher(notice());
        assertThat(fits.matches()).as(notice()).isTrue();
        assertThat(Integer.parseInt(fits.group(1))).isGreaterThan(Integer.parseInt(fits.group(2)));
        assertThat(shown / body * 100).isCloseTo(Integer.parseInt(fits.group(2)), within(0.5));
        // At that zoom the layout still fits: nothing scrolls sideways, the chart and the network are on screen.
        assertThat(onFx(() -> {
            ScrollPane views = (ScrollPane) stage.getScene().lookup("#train-views");
            return views.getContent().getLayoutBounds().getWidth() <= views.getViewportBounds().getWidth() + 1;
        })).as("the views do not scroll sideways").isTrue();
        for (String id : new String[] {"#loss-chart", "#network-view"}) {
            var b = onFx(() -> {
                Node n = stage.getScene().lookup(id);
                return n.localToScene(n.getBoundsInLocal());
            });
            assertThat(b.getMinX()).as(id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as(id).isLessThanOrEqualTo(onFx(() -> stage.getScene().getWidth()));
            assertThat(b.getMaxY()).as(id).isLessThanOrEqualTo(onFx(() -> stage.getScene().getHeight()));
        }
        // The normal zoom is untouched.
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(textPx(robot, "#status-epoch")).isEqualTo(body);
    }

    @Test
    void tabTogglesTheSettingsOnlyInPresenterMode(FxRobot robot) {
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).as("outside presenter mode Tab moves the focus").isTrue();

        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).isFalse();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).isTrue();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).isFalse();
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(settingsShowing(robot)).as("back as before presenter mode").isTrue();
    }

    @Test
    void leavingPresenterModeKeepsSettingsHiddenIfTheyWereHiddenBefore(FxRobot robot) {
        onFx(() -> {
            window.presentation().settingsShownProperty().set(false);
            return null;
        });
        robot.type(KeyCode.F5).type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> window.presentation().isPresenting())).isFalse();
        assertThat(settingsShowing(robot)).isFalse();
    }

    @Test
    void questionMarkShowsTheShortcutSheetOverTheWindowAndEscapeClosesIt(FxRobot robot) throws Exception {
        waitFor(() -> FxTesting.frame(window) != null);
        Color before = pixel(10, 990);
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        Node sheet = robot.lookup("#shortcut-overlay").query();
        assertThat(onFx(sheet::isVisible)).isTrue();
        assertThat(robot.lookup(".overlay-description").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Play / Pause", "Presenter mode: large, full screen, no settings", "Zoom in", "Save session (Train tab)",
                        "Open session (Train tab)", "Show / hide the settings (presenter mode)");
        assertThat(robot.lookup(".overlay-key").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Space", "F5", "F11", "Tab", "Ctrl", "=", "+", "?", "Esc");
        // The window shows through, darker.
        Color dimmed = pixel(10, 990);
        assertThat(dimmed.getBrightness()).isLessThan(before.getBrightness() - 0.2).isGreaterThan(0.1);
        saveScreenshot("shortcut-sheet");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(sheet::isVisible)).isFalse();

        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(sheet::isVisible)).as("? closes it too").isFalse();
    }

    @Test
    void theShortcutSheetFitsASmallWindow() {
        // A window of its own, so the shared test stage keeps its size.
        Stage small = onFx(Stage::new);
        AppShell smallWindow = onFx(() -> FxTesting.show(small, 900, 600));
        try {
            onFx(() -> {
                smallWindow.shortcutSheet().show();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Node card = onFx(() -> small.getScene().lookup(".overlay-card"));
            var bounds = onFx(() -> card.localToScene(card.getBoundsInLocal()));
            assertThat(bounds.getWidth()).isGreaterThan(300);
            assertThat(bounds.getMinX()).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMinY()).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).isLessThanOrEqualTo(900);
            assertThat(bounds.getMaxY()).isLessThanOrEqualTo(600);
        } finally {
            smallWindow.train().model().shutdown();
            smallWindow.shutdown();
            onFx(() -> {
                small.hide();
                return null;
            });
        }
    }

    private Color pixel(int x, int y) {
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        return image.getPixelReader().getColor(x, y);
    }

    private void saveScreenshot(String name) throws Exception {
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        Path dir = Path.of("target", "view-snapshots");
        Files.createDirectories(dir);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
    }
}
