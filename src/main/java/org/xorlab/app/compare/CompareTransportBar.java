package org.xorlab.app.compare;

import java.util.concurrent.ThreadLocalRandom;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import org.xorlab.app.controls.SpeedControl;
import org.xorlab.app.controls.TransportBar;
import org.xorlab.engine.TrainingConfig;

/**
 * The compare view's Play/Pause, Step and Reset buttons and speed control, as the Train tab's {@link TransportBar}
 * has them (same keys, same speed stops), acting on every run at once.
 */
public final class CompareTransportBar extends FlowPane {
    private final CompareModel model;
    private final Button play = TransportBar.playButton("compare-play", "Train every run, in lockstep,"
            + " until the epochs are done");
    private final SpeedControl speed;

    CompareTransportBar(CompareModel model) {
        this.model = model;
        this.speed = new SpeedControl("compare-speed", model.speedProperty(), "Lockstep epochs per second while playing");
        createView();
        initListeners();
    }

    private void createView() {
        TransportBar.arrange(this);
        play.setOnAction(e -> model.togglePlay());

        Button stepUpdate = TransportBar.button("Step update", "compare-step-update", "→",
                "Every run makes one weight update: one sample for SGD, all four for batch GD");
        stepUpdate.setOnAction(e -> model.stepUpdate());
        Button stepEpoch = TransportBar.button("Step epoch", "compare-step-epoch", "Shift+→",
                "Every run finishes one epoch (one pass over the four samples)");
        stepEpoch.setOnAction(e -> model.stepEpochs(1));
        Button step100 = TransportBar.button("+100", "compare-step-100", "2", "Train every run 100 epochs");
        step100.setOnAction(e -> model.stepEpochs(100));
        Button step1000 = TransportBar.button("+1000", "compare-step-1000", "3", "Train every run 1,000 epochs");
        step1000.setOnAction(e -> model.stepEpochs(1000));
        Button reset = TransportBar.button("Reset", "compare-reset", "R", "Every run back to the shared initial weights");
        reset.setOnAction(e -> model.reset());
        Button newSeed = TransportBar.button("New seed", "compare-new-seed", "N",
                "Start over from new initial weights (still the same for every run)");
        newSeed.setOnAction(e -> newSeed());

        getChildren().addAll(play, TransportBar.separator(), stepUpdate, stepEpoch, step100, step1000,
                TransportBar.separator(), reset, newSeed, TransportBar.speedBox(speed));
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> play.setText(f != null && f.playing() ? "Pause" : "Play"));
    }

    /** Gives the keyboard focus to Play, so Space, the arrows and R act at once. */
    public void focusPlay() {
        play.requestFocus();
    }

    /** Moves the speed one stop up (+1) or down (-1). */
    public void nudgeSpeed(int direction) {
        speed.nudge(direction);
    }

    public void newSeed() {
        model.newSeed(ThreadLocalRandom.current().nextLong(TrainingConfig.MAX_SEED + 1));
    }
}
