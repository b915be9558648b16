package org.xorlab.app.train;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.xorlab.app.TrainingFrame;
import org.xorlab.app.controls.SpeedControl;
import org.xorlab.engine.Dataset;
import org.xorlab.engine.TrainingSnapshot;
import org.xorlab.text.NumberText;

/** Epoch, weight updates, current loss, training speed and the latest message. */
final class StatusBar extends HBox {
    private final Label epoch = value("status-epoch");
    private final Label updates = value("status-updates");
    private final Label loss = value("status-loss");
    private final Label speed = value("status-speed");
    private final Label message = new Label();

    StatusBar(RunModel model) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        message.setId("status-message");
        message.getStyleClass().add("status-message");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        getChildren().addAll(caption("Epoch"), epoch, caption("Updates"), updates, caption("Loss"), loss,
                caption("Speed"), speed, message);
        model.frameProperty().addListener((o, old, f) -> {
            if (f != null) {
                show(f);
            }
        });
        model.failureProperty().addListener((o, old, text) -> message.setText(text));
    }

    private void show(TrainingFrame f) {
        TrainingSnapshot s = f.snapshot();
        epoch.setText(NumberText.count(s.epoch())
                + (s.nextSample() == 0 ? "" : " + " + s.nextSample() + "/" + Dataset.SIZE));
        updates.setText(NumberText.count(s.updates()));
        // Full precision, exactly as the notebook prints its losses (0.0007711430393547778, never 7.7...E-4).
        loss.setText(s.hasLoss() ? NumberText.python(s.loss()) : "–");
        speed.setText(f.playing() ? SpeedControl.epochsPerSecond(f.epochsPerSecond()) : "paused");
        message.setText(f.message());
        message.getStyleClass().remove("error");
        if (s.diverged()) {
            message.getStyleClass().add("error");
        }
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("status-caption");
        return l;
    }

    private static Label value(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().add("status-value");
        return l;
    }
}
