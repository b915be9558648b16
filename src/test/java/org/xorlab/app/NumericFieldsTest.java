package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.engine.Measure;
import org.xorlab.app.compare.CompareModel;
import org.xorlab.app.compare.CompareTab;
import org.xorlab.app.train.RunModel;
import org.xorlab.run.CompareSetup;
import org.xorlab.run.StopRule;
import org.xorlab.run.TrainingFrame;

/**
 * Every number the user can type, on both tabs of a 1024x768 window, typed as a user types it: click into the field,
 * Ctrl+A, one key press per character, then Enter or Tab away. A valid number reaches the run (or the comparison)
 * either way; an invalid one shows under the field what is allowed and the last valid value stays in force.
 * The keys go through the window's shortcut filter as real presses do, so a digit or letter typed into a field
 * must not also train, reset or reseed.
 */
@ExtendWith(ApplicationExtension.class)
class NumericFieldsTest {
    private AppShell window;

    /**
     * One numeric field and what typing into it must do.
     *
     * @param query      the field's id; for a spinner, the spinner's (its editor is typed into)
     * @param inForce    the value the model (the run or the comparison) holds for it now, read on the FX thread
     * @param byEnter    a valid text applied with Enter, and the value it must give
     * @param invalid    a text that is not allowed
     * @param byLeaving  a valid text applied by moving the focus away (Tab), and the value it must give
     * @param kept       how the field shows {@code byEnter}'s value in its message ("keeping 5.")
     */
    private record Case(String query, Supplier<Object> inForce, String byEnter, Object enterValue, String invalid,
                        String kept, String byLeaving, Object leaveValue) {
    }

    @Start
    void start(Stage stage) {
        window = FxTesting.show(stage, 1024, 768);
    }

    @AfterEach
    void stop() {
        FxTesting.close(window);
    }

    @Test
    void everyNumberOnTheTrainTabTakesTypingAndRefusesNonsense(FxRobot robot) {
        waitFor(() -> FxTesting.frame(window) != null);
        RunModel model = window.train().model();
        List<Case> cases = List.of(
                new Case("#hidden", () -> model.configProperty().get().hidden(), "5", 5, "12", "5", "3", 3),
                new Case("#learning-rate", () -> model.configProperty().get().learningRate(), "0.5", 0.5, "0",
                        "0.5", "2e-2", 0.02),
                // "n" would draw a new seed and "r" reset, were the keys taken as shortcuts.
                new Case("#seed", () -> model.configProperty().get().seed(), "7", 7L, "7n", "7", "4294967295",
                        4294967295L),
                new Case("#stop-epochs", () -> model.stopRuleProperty().get().epochs(), "2500", 2500L, "0",
                        "2,500", "12,000", 12000L),
                new Case("#stop-loss", () -> model.stopRuleProperty().get().targetLoss(), "0.05", 0.05, "1.5",
                        "0.05", "1e-3", 0.001));
        long updatesBefore = onFx(() -> model.frameProperty().get().snapshot().updates());
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            problems.addAll(check(robot, c));
        }
        assertThat(problems).isEmpty();
        // The run itself took the typed settings, not only the model's property.
        waitFor(() -> {
            var config = model.frameProperty().get().snapshot().config();
            return config.hidden() == 3 && config.seed() == 4294967295L && config.learningRate() == 0.02;
        });
        assertThat(onFx(() -> model.frameProperty().get().snapshot().updates()))
                .as("no digit typed into a field trained the network").isEqualTo(updatesBefore);
        assertThat(onFx(() -> model.stopRuleProperty().get()))
                .isEqualTo(new StopRule(false, 12000, 0.001));
    }

    /**
     * Digits pasted from another script read as the digits they are; a character no number has (an emoji, a letter
     * of a complex script) never enters the field, and the field says which character and what a number is written
     * with. Keeping such text out of the fields is also what keeps JavaFX's shared Pango layout from corrupting the
     * native heap while the canvases draw (see NumberText.typedNumber).
     */
    @Test
    void digitsOfOtherScriptsReadAsDigitsAndOtherCharactersAreRefused() {
        waitFor(() -> FxTesting.frame(window) != null);
        RunModel model = window.train().model();
        TextField seed = onFx(() -> (TextField) window.lookup("#seed"));
        onFx(() -> {
            seed.selectAll();
            seed.replaceSelection("\u0663\u0661"); // Arabic-Indic 3 and 1
            seed.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        assertThat(FxTesting.<String>onFx(seed::getText)).isEqualTo("31");
        waitFor(() -> model.configProperty().get().seed() == 31L);

        onFx(() -> {
            seed.selectAll();
            seed.replaceSelection("7\uD83D\uDE00"); // 7 and a grinning face
            return null;
        });
        assertThat(FxTesting.<String>onFx(seed::getText)).as("the refused paste left the field as it was").isEqualTo("31");
        Label error = onFx(() -> (Label) window.lookup("#seed-error"));
        assertThat(FxTesting.<Boolean>onFx(error::isVisible)).isTrue();
        String message = FxTesting.<String>onFx(error::getText);
        assertThat(message).isEqualTo("GRINNING FACE (U+1F600) cannot be typed here: numbers are "
                + "written with the digits 0-9, '.', ',', '-' and 'e'; keeping 31.");
        assertThat(message.chars().allMatch(c -> c < 0x80)).as("the message is plain ASCII").isTrue();
        assertThat(model.configProperty().get().seed()).isEqualTo(31L);
    }

    @Test
    void everyNumberOnTheCompareTabTakesTypingAndRefusesNonsense(FxRobot robot) {
        onFx(() -> {
            ((TabPane) window.lookup("#tabs")).getSelectionModel().select(1);
            return null;
        });
        CompareTab compare = onFx(window::startedCompare);
        waitFor(() -> compare.model().frameProperty().get() != null);
        CompareModel model = compare.model();
        Supplier<CompareSetup> setup = () -> model.setupProperty().get();
        List<Case> cases = List.of(
                new Case("#compare-hidden", () -> setup.get().hidden(), "4", 4, "0", "4", "6", 6),
                new Case("#compare-seed", () -> setup.get().seed(), "123", 123L, "-1", "123", "0", 0L),
                new Case("#compare-budget", () -> setup.get().budget().amount(), "5000", 5000L, "1,0000",
                        "5,000", "20,000", 20000L),
                new Case("#compare-target-loss", () -> setup.get().targetLoss(), "0.02", 0.02, "abc", "0.02",
                        "0.005", 0.005),
                new Case("#compare-run-0-learning-rate", () -> setup.get().runs().get(0).learningRate(), "0.3", 0.3,
                        "-0.1", "0.3", "1", 1.0),
                new Case("#compare-run-1-learning-rate", () -> setup.get().runs().get(1).learningRate(), "0.7", 0.7,
                        "1/2", "0.7", "0.25", 0.25));
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            problems.addAll(check(robot, c));
        }
        assertThat(problems).isEmpty();
        // The comparison restarted with the typed settings: both runs train them, and the table counts to the target.
        waitFor(() -> {
            TrainingFrame f = model.frameProperty().get();
            return f.runs().stream().allMatch(r -> r.snapshot().config().hidden() == 6
                    && r.snapshot().config().seed() == 0)
                    && f.runs().get(0).snapshot().config().learningRate() == 1.0
                    && f.runs().get(1).snapshot().config().learningRate() == 0.25
                    && f.targetLoss() == 0.005;
        });
        assertThat(onFx(() -> model.summaryProperty().get().result().budget().amount())).isEqualTo(20000L);
        assertThat(onFx(() -> model.summaryProperty().get().result().budget().measure())).isEqualTo(Measure.EPOCHS);
    }

    /** Types a case's three texts into its field and says everything that went wrong. */
    private List<String> check(FxRobot robot, Case c) {
        List<String> problems = new ArrayList<>();
        TextField editor = onFx(() -> {
            Node node = window.lookup(c.query());
            return node instanceof Spinner<?> s ? s.getEditor() : (TextField) node;
        });
        Label error = onFx(() -> (Label) window.lookup(c.query() + "-error"));
        if (error == null) {
            problems.add(c.query() + " has no message under it (" + c.query() + "-error)");
        }

        typeInto(robot, editor, c.byEnter());
        robot.type(KeyCode.ENTER);
        expect(problems, c, "after typing " + c.byEnter() + " and Enter", c.enterValue());
        expectNoMessage(problems, c, error, "after " + c.byEnter());

        typeInto(robot, editor, c.invalid());
        if (error != null) {
            boolean shown = onFx(error::isVisible);
            String text = onFx(error::getText);
            if (!shown || !text.endsWith("keeping " + c.kept() + ".")) {
                problems.add(c.query() + ": typing " + c.invalid() + " shows " + (shown ? "\"" + text + "\"" : "no"
                        + " message") + ", not one ending \"keeping " + c.kept() + ".\"");
            }
        }
        robot.type(KeyCode.ENTER);
        expect(problems, c, "after typing " + c.invalid() + " and Enter", c.enterValue());
        if (error != null && !onFx(error::isVisible)) {
            problems.add(c.query() + ": the message for " + c.invalid() + " went away on Enter");
        }
        robot.type(KeyCode.TAB);
        expect(problems, c, "after typing " + c.invalid() + " and leaving the field", c.enterValue());

        typeInto(robot, editor, c.byLeaving());
        robot.type(KeyCode.TAB);
        expect(problems, c, "after typing " + c.byLeaving() + " and leaving the field with Tab", c.leaveValue());
        expectNoMessage(problems, c, error, "after " + c.byLeaving());
        if (onFx(editor::isFocused)) {
            problems.add(c.query() + ": Tab did not move the focus away");
        }
        return problems;
    }

    private static void expect(List<String> problems, Case c, String when, Object value) {
        WaitForAsyncUtils.waitForFxEvents();
        Object now = onFx(() -> c.inForce().get());
        if (!Objects.equals(now, value)) {
            problems.add(c.query() + " " + when + ": the model holds " + now + ", not " + value);
        }
    }

    private static void expectNoMessage(List<String> problems, Case c, Label error, String when) {
        if (error != null && onFx(error::isVisible)) {
            problems.add(c.query() + " " + when + " still shows \"" + onFx(error::getText) + "\"");
        }
    }

    /** Clicks into the field (scrolled into view first, as a user would), selects all with Ctrl+A and types. */
    private void typeInto(FxRobot robot, TextField editor, String text) {
        onFx(() -> {
            scrollIntoView(editor);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Bounds b = onFx(() -> editor.localToScene(editor.getBoundsInLocal()));
        assertThat(b.getMinY()).as(editor.getId() + " lies inside the window").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxY()).as(editor.getId() + " lies inside the window")
                .isLessThanOrEqualTo(onFx(() -> window.getScene().getHeight()));
        robot.clickOn(editor);
        assertThat(onFx(editor::isFocused)).as("a click puts the caret into " + editor.getId()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        for (char ch : text.toCharArray()) {
            if (ch == '/') {
                robot.type(KeyCode.SLASH);
            } else {
                robot.type(key(ch));
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
        String typed = onFx(editor::getText);
        assertThat(typed).as("the keys reached " + editor.getId()).isEqualTo(text);
    }

    private static KeyCode key(char ch) {
        if (ch >= '0' && ch <= '9') {
            return KeyCode.valueOf("DIGIT" + ch);
        }
        if (Character.isLetter(ch)) {
            return KeyCode.valueOf(String.valueOf(Character.toUpperCase(ch)));
        }
        return switch (ch) {
            case '.' -> KeyCode.PERIOD;
            case ',' -> KeyCode.COMMA;
            case '-' -> KeyCode.MINUS;
            default -> throw new IllegalArgumentException("no key for " + ch);
        };
    }

    /** Scrolls every scroll pane around {@code node} so that it shows. */
    private static void scrollIntoView(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane sp && sp.getContent() != null) {
                Node content = sp.getContent();
                Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double extra = content.getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                if (extra > 0) {
                    double top = inContent.getMinY() - 40;
                    double viewport = sp.getViewportBounds().getHeight();
                    double current = sp.getVvalue() * extra;
                    if (inContent.getMinY() < current || inContent.getMaxY() > current + viewport) {
                        sp.setVvalue(Math.max(0, Math.min(1, top / extra)));
                    }
                }
                sp.layout();
            }
        }
    }
}
