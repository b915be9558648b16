package org.xorlab.app.controls;

import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.xorlab.run.TrainingLoop;
import org.xorlab.text.NumberText;

/**
 * A tab's Play/Pause, the Step buttons, Reset, New seed and the speed control, each showing its keyboard shortcut,
 * acting on the tab's model (on every run at once where it has several). On a narrow window the bar wraps onto a
 * second row rather than cut buttons short.
 */
public final class TransportBar extends FlowPane {
    /** The speed slider's stops in epochs per second; the last is "as fast as possible". */
    public static final double[] SPEEDS = {1, 2, 5, 10, 30, 100, 300, 1000, 10_000, TrainingLoop.MAX_SPEED};
    public static final int DEFAULT_SPEED_INDEX = 7;
    /** The keys that train 10, 100 and 1,000 epochs (the window's shortcuts), shown on those buttons. */
    private static final Map<Long, String> EPOCH_KEYS = Map.of(10L, "1", 100L, "2", 1000L, "3");

    /**
     * What the buttons' tooltips say, for one run or for every run of a comparison.
     *
     * @param epochs the tooltip of the "+N" buttons, with N in place of {@code %s}, for example "Train %s epochs"
     */
    public record Wording(String play, String speed, String stepUpdate, String stepEpoch, String epochs, String reset,
                          String newSeed) {
    }

    private final TabModel model;
    private final Button play;
    private final SpeedControl speed;

    /**
     * @param idPrefix put before every control's id ("play", "step-update", "step-100", ...), so that each tab's
     *                 controls can be told apart
     * @param jumps    the epoch counts that get a "+N" button, each of 10, 100 or 1,000
     */
    public TransportBar(TabModel model, String idPrefix, Wording wording, List<Long> jumps) {
        this.model = model;
        this.play = playButton(idPrefix + "play", wording.play());
        this.speed = new SpeedControl(idPrefix + "speed", model.speedProperty(), wording.speed());
        createView(idPrefix, wording, jumps);
        initListeners();
    }

    private void createView(String idPrefix, Wording wording, List<Long> jumps) {
        getStyleClass().add("transport-bar");
        setAlignment(Pos.CENTER_LEFT);
        setHgap(8);
        setVgap(8);
        play.setOnAction(e -> model.togglePlay());

        Button stepUpdate = button("Step update", idPrefix + "step-update", "→", wording.stepUpdate());
        stepUpdate.setOnAction(e -> model.stepUpdate());
        Button stepEpoch = button("Step epoch", idPrefix + "step-epoch", "Shift+→", wording.stepEpoch());
        stepEpoch.setOnAction(e -> model.stepEpochs(1));
        getChildren().addAll(play, separator(), stepUpdate, stepEpoch);
        for (long epochs : jumps) {
            String key = EPOCH_KEYS.get(epochs);
            if (key == null) {
                throw new IllegalArgumentException("no key trains " + epochs + " epochs");
            }
            Button jump = button("+" + epochs, idPrefix + "step-" + epochs, key,
                    String.format(java.util.Locale.ROOT, wording.epochs(), NumberText.count(epochs)));
            jump.setOnAction(e -> model.stepEpochs(epochs));
            getChildren().add(jump);
        }
        Button reset = button("Reset", idPrefix + "reset", "R", wording.reset());
        reset.setOnAction(e -> model.reset());
        Button newSeed = button("New seed", idPrefix + "new-seed", "N", wording.newSeed());
        newSeed.setOnAction(e -> model.newRandomSeed());
        getChildren().addAll(separator(), reset, newSeed, speedBox(speed));
    }

    /** The speed control's caption, slider and value kept together on one row, a little apart from the buttons. */
    private static HBox speedBox(SpeedControl speed) {
        HBox box = new HBox(8);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(speed.nodes());
        box.setPadding(new javafx.geometry.Insets(0, 0, 0, 8));
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    private static Separator separator() {
        Separator s = new Separator(javafx.geometry.Orientation.VERTICAL);
        s.setPrefHeight(28);
        return s;
    }

    /** Play / Pause, as wide for either text. */
    private static Button playButton(String id, String help) {
        Button b = new SteadyButton("Play", List.of("Play", "Pause"));
        decorate(b, id, "Space", help);
        b.getStyleClass().add("accent");
        return b;
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> play.setText(f != null && f.playing() ? "Pause" : "Play"));
    }

    /** The slider stop nearest {@code epochsPerSecond} (a remembered speed may be any number). */
    public static int speedIndex(double epochsPerSecond) {
        int best = DEFAULT_SPEED_INDEX;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < SPEEDS.length; i++) {
            double d = SPEEDS[i] == epochsPerSecond ? 0 : Math.abs(Math.log(SPEEDS[i]) - Math.log(epochsPerSecond));
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Gives the keyboard focus to Play, so Space, the arrows and R act at once. */
    public void focusPlay() {
        play.requestFocus();
    }

    /** Moves the speed one stop up (+1) or down (-1). */
    public void nudgeSpeed(int direction) {
        speed.nudge(direction);
    }

    /** A toolbar button showing its keyboard shortcut as a keycap. */
    private static Button button(String text, String id, String key, String help) {
        Button b = new Button(text);
        decorate(b, id, key, help);
        return b;
    }

    private static void decorate(Button b, String id, String key, String help) {
        Label keycap = new Label(key);
        keycap.getStyleClass().add("keycap");
        keycap.setMinWidth(Region.USE_PREF_SIZE);
        b.setGraphic(keycap);
        b.setContentDisplay(ContentDisplay.RIGHT);
        b.setId(id);
        b.setTooltip(new Tooltip(help + " (" + key + ")"));
        b.setFocusTraversable(true);
        b.setMinWidth(Region.USE_PREF_SIZE);
    }
}
