package org.xorlab.app;

import java.util.concurrent.ThreadLocalRandom;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.xorlab.engine.TrainingConfig;

/** Play/Pause, the Step buttons, Reset, New seed and the speed control, each showing its keyboard shortcut. */
final class TransportBar extends HBox {
    /** The speed slider's stops in epochs per second; the last is "as fast as possible". */
    static final double[] SPEEDS = {1, 2, 5, 10, 30, 100, 300, 1000, 10_000, TrainingLoop.MAX_SPEED};
    static final int DEFAULT_SPEED_INDEX = 7;

    private final RunModel model;
    private final Button play = button("Play", "play", "Space", "Start or pause training");
    private final SpeedControl speed;

    TransportBar(RunModel model) {
        this.model = model;
        this.speed = new SpeedControl("speed", model.speedProperty(), "Epochs per second while playing");
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("transport-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        play.getStyleClass().add("accent");
        play.setOnAction(e -> model.togglePlay());
        play.setMinWidth(Region.USE_PREF_SIZE);

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

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        getChildren().addAll(play, new Separator(javafx.geometry.Orientation.VERTICAL), stepUpdate, stepEpoch,
                step10, step100, step1000, new Separator(javafx.geometry.Orientation.VERTICAL), reset, newSeed,
                grow);
        getChildren().addAll(speed.nodes());
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> {
            boolean playing = f != null && f.playing();
            play.setText(playing ? "Pause" : "Play");
        });
    }

    /** The slider stop nearest {@code epochsPerSecond} (a remembered speed may be any number). */
    static int speedIndex(double epochsPerSecond) {
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
    void nudgeSpeed(int direction) {
        speed.nudge(direction);
    }

    void newSeed() {
        model.newSeed(ThreadLocalRandom.current().nextLong(TrainingConfig.MAX_SEED + 1));
    }

    /** A toolbar button showing its keyboard shortcut as a keycap. */
    static Button button(String text, String id, String key, String help) {
        Label keycap = new Label(key);
        keycap.getStyleClass().add("keycap");
        Button b = new Button(text, keycap);
        b.setContentDisplay(ContentDisplay.RIGHT);
        b.setId(id);
        b.setTooltip(new Tooltip(help + " (" + key + ")"));
        b.setFocusTraversable(true);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
