package org.xorlab.app;

import java.util.concurrent.ThreadLocalRandom;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.xorlab.engine.TrainingConfig;

/**
 * The compare view's Play/Pause, Step and Reset buttons and speed control, as the Train tab's {@link TransportBar}
 * has them (same keys, same speed stops), acting on every run at once.
 */
final class CompareTransportBar extends HBox {
    private final CompareModel model;
    private final Button play = TransportBar.button("Play", "compare-play", "Space", "Train every run, in lockstep, until the"
            + " epochs are done");
    private final SpeedControl speed;

    CompareTransportBar(CompareModel model) {
        this.model = model;
        this.speed = new SpeedControl("compare-speed", model.speedProperty(), "Lockstep epochs per second while playing");
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("transport-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        play.getStyleClass().add("accent");
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

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        getChildren().addAll(play, new Separator(Orientation.VERTICAL), stepUpdate, stepEpoch, step100, step1000,
                new Separator(Orientation.VERTICAL), reset, newSeed, grow);
        getChildren().addAll(speed.nodes());
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> play.setText(f != null && f.playing() ? "Pause" : "Play"));
    }

    /** Gives the keyboard focus to Play, so Space, the arrows and R act at once. */
    void focusPlay() {
        play.requestFocus();
    }

    /** Moves the speed one stop up (+1) or down (-1). */
    void nudgeSpeed(int direction) {
        speed.nudge(direction);
    }

    void newSeed() {
        model.newSeed(ThreadLocalRandom.current().nextLong(TrainingConfig.MAX_SEED + 1));
    }
}
