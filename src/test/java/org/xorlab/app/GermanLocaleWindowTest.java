package org.xorlab.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xorlab.app.FxTesting.onFx;
import static org.xorlab.app.FxTesting.waitFor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.xorlab.app.train.RewindBar;
import org.xorlab.app.train.RunModel;
import org.xorlab.engine.Trainer;
import org.xorlab.engine.TrainingConfig;
import org.xorlab.run.TrainingFrame;
import org.xorlab.text.NumberText;

/**
 * The window reads the same on a German system as anywhere else: "0.0546", "20,001", never "0,0546" or "20.001".
 *
 * <p>The build runs this class in its own JVM started with {@code -Duser.language=de -Duser.country=DE} (the
 * {@code german-locale} surefire execution in pom.xml), so the toolkit, the views and their static texts are all
 * made under a German default locale. Run on its own in an ordinary JVM it sets the German default itself. It trains
 * the same run in two windows, one under the German default and one under {@link Locale#ROOT}, and requires every
 * text of the Train tab to be identical, so any view that formats with the default locale fails it.
 */
@ExtendWith(ApplicationExtension.class)
class GermanLocaleWindowTest {
    private static final TrainingConfig CONFIG = TrainingConfig.NOTEBOOK.withLearningRate(0.5);
    private static final int EPOCHS = 5000;
    private static final long REWIND_TO = 4321;
    /** Digits with commas between them: every group after a comma must have exactly three digits. */
    private static final Pattern COMMA_NUMBER = Pattern.compile("\\d+(,\\d+)+");

    private static Locale original;
    private Stage stage;

    @BeforeAll
    static void german() {
        original = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        // The JVM really writes numbers the German way by default, so formatting with the default locale shows.
        assertThat(String.format("%,d", 20_001)).isEqualTo("20.001");
        assertThat(String.format("%.4f", 0.5)).isEqualTo("0,5000");
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(original);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyTextOfTheTrainTabIsTheSameUnderAGermanDefaultLocaleAsUnderLocaleRoot(FxRobot robot) {
        assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
        AppShell germanWindow = onFx(() -> FxTesting.show(stage, 1920, 1040));
        Map<String, String> german = trainAndRead(robot, germanWindow);

        // What a German user sees, number by number.
        Trainer engine = new Trainer(CONFIG);
        double[] losses = new double[EPOCHS];
        engine.runEpochs(EPOCHS, (epoch, loss) -> losses[(int) epoch - 1] = loss);
        assertThat(german).containsEntry("status-epoch", "5,000 + 1/4")
                .containsEntry("status-updates", "20,001")
                .containsEntry("status-loss", NumberText.python(losses[EPOCHS - 1]))
                .containsEntry("rewind-label", "Rewind: epoch 4,321 of 5,000 · loss "
                        + NumberText.significant(losses[(int) REWIND_TO - 1], 4))
                .containsEntry("learning-rate", "0.5")
                .containsEntry("stop-epochs", "10,000")
                .containsEntry("stop-loss", "0.01");
        assertThat(german.get("status-loss")).startsWith("0.000").doesNotContain("E").doesNotContain(",");
        assertThat(german.get("inspector-caption")).startsWith("Update 20,001 · epoch 5,001");
        assertThat(german.get("inspector-banner")).contains("rewound to epoch 4,321;");
        assertThat(RewindBar.TOOLTIP).contains("last 2,000 epochs").contains("4,000 snapshots");
        for (int i = 0; i < 4; i++) {
            assertThat(german.get("truth-" + i + "-3")).as("prediction %d", i).matches("0\\.\\d{4}");
            assertThat(german.get("truth-" + i + "-4")).as("error %d", i).matches("[+-]0\\.\\d{4}");
        }
        for (Map.Entry<String, String> e : german.entrySet()) {
            Matcher m = COMMA_NUMBER.matcher(e.getValue());
            while (m.find()) {
                if (m.group().matches("[01],[01]")) {
                    continue; // an input pair such as (0,1), not a number
                }
                if (e.getValue().contains("per hidden layer") && m.group().matches("[1-8](,[1-8])+")) {
                    continue; // the advanced fold's example of layer widths as typed, "4,4", not a number
                }
                assertThat(m.group()).as("%s: %s", e.getKey(), e.getValue()).matches("\\d{1,3}(,\\d{3})+");
            }
        }
        onFx(() -> {
            germanWindow.train().model().shutdown();
            return null;
        });

        // The same run under Locale.ROOT reads exactly the same, text for text.
        Locale.setDefault(Locale.ROOT);
        try {
            Stage other = onFx(Stage::new);
            AppShell rootWindow = onFx(() -> FxTesting.show(other, 1920, 1040));
            Map<String, String> root = trainAndRead(robot, rootWindow);
            onFx(() -> {
                rootWindow.train().model().shutdown();
                other.close();
                return null;
            });
            assertThat(german).as("texts under a German default locale").hasSizeGreaterThan(40)
                    .containsExactlyEntriesOf(root);
        } finally {
            Locale.setDefault(Locale.GERMANY);
        }
    }

    /**
     * Trains {@link #EPOCHS} epochs at learning rate 0.5 (the loss falls below 1e-3), steps one more update, rewinds
     * the views to epoch {@link #REWIND_TO}, and reads every text of the Train tab.
     */
    private static Map<String, String> trainAndRead(FxRobot robot, AppShell window) {
        RunModel model = window.train().model();
        waitFor(() -> frame(model) != null);
        robot.interact(() -> model.configProperty().set(CONFIG));
        robot.interact(() -> model.stepEpochs(EPOCHS));
        waitFor(() -> frame(model).snapshot().epoch() == EPOCHS);
        robot.interact(model::stepUpdate);
        waitFor(() -> frame(model).snapshot().updates() == 4L * EPOCHS + 1);
        robot.interact(() -> model.preview(REWIND_TO));
        waitFor(() -> frame(model).runs().get(0).preview() != null
                && frame(model).runs().get(0).preview().epoch() == REWIND_TO);
        WaitForAsyncUtils.waitForFxEvents();
        return onFx(() -> texts(window.train()));
    }

    private static TrainingFrame frame(RunModel model) {
        return onFx(() -> model.frameProperty().get());
    }

    /** Every text in the tree under {@code root}, keyed by its node's id (or its place in the tree), with tooltips. */
    private static Map<String, String> texts(Node root) {
        Map<String, String> out = new LinkedHashMap<>();
        List<Node> stack = new ArrayList<>(List.of(root));
        int index = 0;
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            String key = n.getId() != null ? n.getId() : index + ":" + n.getClass().getSimpleName();
            index++;
            String text = n instanceof Labeled l ? l.getText()
                    : n instanceof TextInputControl t ? t.getText()
                    : n instanceof Text t ? t.getText() : null;
            if (text != null && !text.isEmpty()) {
                out.put(out.containsKey(key) ? key + "@" + index : key, text);
            }
            if (n instanceof Control c && c.getTooltip() != null) {
                out.put(key + ".tooltip", c.getTooltip().getText());
            }
            if (n instanceof Parent p) {
                List<Node> children = new ArrayList<>(p.getChildrenUnmodifiable());
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.add(children.get(i));
                }
            }
        }
        return out;
    }
}
