package org.xorlab.app.controls;

import java.util.concurrent.ThreadLocalRandom;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.xorlab.app.TrainingLoop;
import org.xorlab.app.train.RunModel;
import org.xorlab.engine.TrainingConfig;

/**
 * Play/Pause, the Step buttons, Reset, New seed and the speed control, each showing its keyboard shortcut. On a
 * narrow window the bar wraps onto a second row rather than cut buttons short.
 */
public final class TransportBar extends FlowPane {
    /** The speed slider's stops in epochs per second; the last is "as fast as possible". */
    public static final double[] SPEEDS = {1, 2, 5, 10, 30, 100, 300, 1000, 10_000, TrainingLoop.MAX_SPEED};
    public static final int DEFAULT_SPEED_INDEX = 7;

    private final RunModel model;
    private final Button play = playButton("play", "Start or pause training");
    private final SpeedControl speed;

    public TransportBar(RunModel model) {
        this.model = model;
        this.speed = new SpeedControl("speed", model.speedProperty(), "Epochs per second while playing");
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("transport-bar");
        arrange(this);
        play.setOnAction(e -> model.togglePlay());

        Button stepUpdate = button("Step update", "step-update", "→", "Train on the next sample (or mini-batch) once");
        stepUpdate.setOnAction(e -> model.stepUpdate());
        Button stepEpoch = button("Step epoch", "step-epoch", "Shift+→", "Finish the current epoch");
        stepEpoch.setOnAction(e -> model.stepEpochs(1));
        Button step10 = button("+10", "step-10", "1", "Train 10 epochs");
        step10.setOnAction(e -> model.stepEpochs(10));
        Button step100 = button("+100", "step-100", "2", "Train 100 epochs");
        step100.setOnAction(e -> model.stepEpochs(100));
        Button step1000 = button("+1000", "step-1000", "3", "Train 1,000 epochs");
        step1000.setOnAction(e -> model.stepEpochs(1000));
        Button reset = button("Reset", "reset", "R", "Back to this seed's initial weights");
        reset.setOnAction(e -> model.reset());
        Button newSeed = button("New seed", "new-seed", "N", "Draw new initial weights from a random seed");
        newSeed.setOnAction(e -> newSeed());

        getChildren().addAll(play, separator(), stepUpdate, stepEpoch, step10, step100, step1000, separator(), reset,
                newSeed, speedBox(speed));
    }

    /** The layout both transport bars share: one row when it fits, wrapping between controls when not. */
    public static void arrange(FlowPane bar) {
        bar.getStyleClass().add("transport-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setHgap(8);
        bar.setVgap(8);
    }

    /** The speed control's caption, slider and value kept together on one row, a little apart from the buttons. */
    public static HBox speedBox(SpeedControl speed) {
        HBox box = new HBox(8);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getChildren().addAll(speed.nodes());
        box.setPadding(new javafx.geometry.Insets(0, 0, 0, 8));
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    public static Separator separator() {
        Separator s = new Separator(javafx.geometry.Orientation.VERTICAL);
        s.setPrefHeight(28);
        return s;
    }

    /** Play / Pause, as wide for either text. */
    public static Button playButton(String id, String help) {
        Button b = new SteadyButton("Play", java.util.List.of("Play", "Pause"));
        decorate(b, id, "Space", help);
        b.getStyleClass().add("accent");
        return b;
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> {
            boolean playing = f != null && f.playing();
            play.setText(playing ? "Pause" : "Play");
        });
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

    /** Moves the speed one stop up (+1) or down (-1). */
    public void nudgeSpeed(int direction) {
        speed.nudge(direction);
    }

    public void newSeed() {
        model.newSeed(ThreadLocalRandom.current().nextLong(TrainingConfig.MAX_SEED + 1));
    }

    /** A toolbar button showing its keyboard shortcut as a keycap. */
    public static Button button(String text, String id, String key, String help) {
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
