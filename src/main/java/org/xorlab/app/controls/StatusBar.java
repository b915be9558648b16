package org.xorlab.app.controls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.xorlab.run.TrainingFrame;

/**
 * A tab's status line: the values the tab names (each after its caption), the training speed, and the latest
 * message (why Play stopped, a divergence, or that the training thread failed). The speed and the message follow
 * the tab's model; a tab fills its own values in {@link #show(TrainingFrame)} or with {@link #show(String, String)}.
 */
public class StatusBar extends HBox {
    private final Map<String, Label> values = new LinkedHashMap<>();
    private final Label message = new Label();

    /**
     * @param idPrefix put before the ids, "status-epoch" for the caption "Epoch", ..., "status-speed" and
     *                 "status-message"
     * @param captions the values before the speed, in order
     */
    public StatusBar(TabModel model, String idPrefix, List<String> captions) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        for (String caption : captions) {
            add(idPrefix, caption);
        }
        add(idPrefix, "Speed");
        message.setId(idPrefix + "status-message");
        message.getStyleClass().add("status-message");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        getChildren().add(message);
        model.frameProperty().addListener((o, old, f) -> {
            if (f != null) {
                show(f);
                show("Speed", f.playing() ? SpeedControl.epochsPerSecond(f.epochsPerSecond()) : "paused");
                message.setText(f.message());
            }
        });
        model.failureProperty().addListener((o, old, text) -> message.setText(text));
    }

    private void add(String idPrefix, String caption) {
        Label c = new Label(caption);
        c.getStyleClass().add("status-caption");
        Label value = new Label("–");
        value.setId(idPrefix + "status-" + caption.toLowerCase(Locale.ROOT));
        value.getStyleClass().add("status-value");
        // Captions and values never shrink into "...": the message at the end gives way instead.
        c.setMinWidth(Region.USE_PREF_SIZE);
        value.setMinWidth(Region.USE_PREF_SIZE);
        values.put(caption, value);
        getChildren().addAll(c, value);
    }

    /** Fills the tab's own values from a new frame; the speed and the message follow. Does nothing here. */
    protected void show(TrainingFrame f) {
    }

    /** Shows {@code text} as the value captioned {@code caption}. */
    public final void show(String caption, String text) {
        Label value = values.get(caption);
        if (value == null) {
            throw new IllegalArgumentException("no value captioned " + caption);
        }
        value.setText(text);
    }

    /** The message at the end of the line. */
    protected final Label message() {
        return message;
    }
}
