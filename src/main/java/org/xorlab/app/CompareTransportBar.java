package org.xorlab.app;

import java.util.concurrent.ThreadLocalRandom;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.xorlab.engine.TrainingConfig;

/**
 * The compare view's Play/Pause, Step and Reset buttons and speed control, as the Train tab's {@link TransportBar}
 * has them (same keys, same speed stops), acting on every run at once.
 */
final class CompareTransportBar extends HBox {
    private final CompareModel model;
    private final Button play = button("Play", "compare-play", "Space", "Train every run, in lockstep, until the"
            + " epochs are done");
    private final Slider speed = new Slider(0, TransportBar.SPEEDS.length - 1, TransportBar.DEFAULT_SPEED_INDEX);
    private final Label speedValue = new Label();

    CompareTransportBar(CompareModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("transport-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        play.getStyleClass().add("accent");
        play.setOnAction(e -> model.togglePlay());

        Button stepUpdate = button("Step update", "compare-step-update", "→",
                "Every run makes one weight update: one sample for SGD, all four for batch GD");
        stepUpdate.setOnAction(e -> model.stepUpdate());
        Button stepEpoch = button("Step epoch", "compare-step-epoch", "Shift+→",
                "Every run finishes one epoch (one pass over the four samples)");
        stepEpoch.setOnAction(e -> model.stepEpochs(1));
        Button step100 = button("+100", "compare-step-100", "2", "Train every run 100 epochs");
        step100.setOnAction(e -> model.stepEpochs(100));
        Button step1000 = button("+1000", "compare-step-1000", "3", "Train every run 1,000 epochs");
        step1000.setOnAction(e -> model.stepEpochs(1000));
        Button reset = button("Reset", "compare-reset", "R", "Every run back to the shared initial weights");
        reset.setOnAction(e -> model.reset());
        Button newSeed = button("New seed", "compare-new-seed", "N",
                "Start over from new initial weights (still the same for every run)");
        newSeed.setOnAction(e -> newSeed());

        speed.setId("compare-speed");
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(0);
        speed.setSnapToTicks(true);
        speed.setBlockIncrement(1);
        speed.setPrefWidth(150);
        speed.setMinWidth(90);
        speed.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return "";
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        speed.setTooltip(new Tooltip("Lockstep epochs per second while playing (↑ faster, ↓ slower)"));
        speedValue.setId("compare-speed-value");
        speedValue.getStyleClass().add("speed-value");
        speedValue.setMinWidth(Region.USE_PREF_SIZE);
        speedValue.setPrefWidth(140);
        Label speedCaption = new Label("Speed");
        speedCaption.getStyleClass().add("field-label");
        speedCaption.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);

        getChildren().addAll(play, new Separator(Orientation.VERTICAL), stepUpdate, stepEpoch, step100, step1000,
                new Separator(Orientation.VERTICAL), reset, newSeed, grow, speedCaption, speed, speedValue);
        showSpeed();
    }

    private void initListeners() {
        model.frameProperty().addListener((o, old, f) -> play.setText(f != null && f.playing() ? "Pause" : "Play"));
        speed.valueProperty().addListener((o, old, v) -> {
            int i = (int) Math.round(v.doubleValue());
            if (i != v.doubleValue()) {
                speed.setValue(i);
                return;
            }
            model.speedProperty().set(TransportBar.SPEEDS[i]);
            showSpeed();
        });
    }

    /** Gives the keyboard focus to Play, so Space, the arrows and R act at once. */
    void focusPlay() {
        play.requestFocus();
    }

    /** Moves the speed one stop up (+1) or down (-1). */
    void nudgeSpeed(int direction) {
        speed.setValue(Math.max(0, Math.min(TransportBar.SPEEDS.length - 1, Math.round(speed.getValue()) + direction)));
    }

    void newSeed() {
        model.newSeed(ThreadLocalRandom.current().nextLong(TrainingConfig.MAX_SEED + 1));
    }

    private void showSpeed() {
        double s = TransportBar.SPEEDS[(int) Math.round(speed.getValue())];
        speedValue.setText(s == TrainingLoop.MAX_SPEED ? "as fast as possible" : String.format("%,.0f epochs/s", s));
    }

    private static Button button(String text, String id, String key, String help) {
        Label keycap = new Label(key);
        keycap.getStyleClass().add("keycap");
        Button b = new Button(text, keycap);
        b.setContentDisplay(ContentDisplay.RIGHT);
        b.setId(id);
        b.setTooltip(new Tooltip(help + " (" + key + ")"));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
