package org.xorlab.app.controls;

import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.xorlab.run.TrainingLoop;
import org.xorlab.run.TrainingLoop;
import org.xorlab.text.NumberText;

/**
 * The playing speed: a slider over {@link TransportBar#SPEEDS} (1 epoch per second up to as fast as possible) with
 * its caption and value, writing the chosen speed into a model's speed property. Shared by both transport bars.
 */
public final class SpeedControl {
    private final Slider slider = new Slider(0, TransportBar.SPEEDS.length - 1, TransportBar.DEFAULT_SPEED_INDEX);
    private final Label value = new Label();
    private final Label caption = new Label("Speed");

    /**
     * @param id    the slider's id; the value label gets {@code id + "-value"}
     * @param speed the model's speed in epochs per second, which the slider starts at and then sets
     */
    public SpeedControl(String id, DoubleProperty speed, String help) {
        slider.setValue(TransportBar.speedIndex(speed.get()));
        slider.setId(id);
        caption.setLabelFor(slider);
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        slider.setPrefWidth(150);
        slider.setMinWidth(90);
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return "";
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        slider.setTooltip(new Tooltip(help + " (↑ faster, ↓ slower)"));
        value.setId(id + "-value");
        value.getStyleClass().add("speed-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        value.setPrefWidth(140);
        caption.getStyleClass().add("field-label");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        slider.valueProperty().addListener((o, old, v) -> {
            int i = (int) Math.round(v.doubleValue());
            if (i != v.doubleValue()) {
                slider.setValue(i);
                return;
            }
            speed.set(TransportBar.SPEEDS[i]);
            showValue();
        });
        showValue();
    }

    /** Caption, slider and value, in that order, for a toolbar. */
    List<Node> nodes() {
        return List.of(caption, slider, value);
    }

    /** Moves the speed one stop up (+1) or down (-1). */
    public void nudge(int direction) {
        slider.setValue(Math.max(0, Math.min(TransportBar.SPEEDS.length - 1, Math.round(slider.getValue()) + direction)));
    }

    private void showValue() {
        double s = TransportBar.SPEEDS[(int) Math.round(slider.getValue())];
        value.setText(s == TrainingLoop.MAX_SPEED ? "as fast as possible" : epochsPerSecond(s));
    }

    /** A training speed: "1,200 epochs/s". */
    public static String epochsPerSecond(double speed) {
        return NumberText.count(Math.round(speed)) + " epochs/s";
    }
}
